"""The statistics panel's service on a real SQLite file and a real PostgreSQL database:
hand-computed figures of a small month, the same figures as `evaluate`, the cases behind
each count, the filters and the 环比."""

from __future__ import annotations

from datetime import datetime

from workstation.bootstrap import Workstation
from workstation.services.evaluation import period_of
from workstation.services.statistics import StatsFilter

from support.world import dispatched_case, make_world

NOW = datetime(2026, 11, 25, 10, 0)  # a Wednesday


def _month(ws: Workstation) -> dict[str, int]:
    """Three cases dispatched to one unit (2 工作时 each), a hotline report, and one
    October case for the 环比."""
    a = dispatched_case(ws, datetime(2026, 11, 23, 9, 0))  # due Mon 11:00
    b = dispatched_case(ws, datetime(2026, 11, 23, 9, 0))
    c = dispatched_case(ws, datetime(2026, 11, 24, 9, 0))  # no feedback: overdue Tue 11:00
    unit = ws.actor(a.unit.lower())
    ws.act(unit, a.id, "feedback", at=datetime(2026, 11, 23, 10, 0))  # 1 h, on time
    ws.act(unit, b.id, "feedback", at=datetime(2026, 11, 23, 15, 0))  # 3.5 h, late
    ws.act(ws.actor("dispatcher"), a.id, "send_for_check", at=datetime(2026, 11, 23, 10, 30))
    ws.act(ws.actor("jdy001"), a.id, "check_pass", at=datetime(2026, 11, 23, 11, 0))
    cell = ws.reference.cells[ws.reference.supervisors["jdy002"].patrol_cells[0]]
    d = ws.report(ws.actor("acceptor"), description="夜间施工噪音", source="hotline_12345",
                  lon=cell.lon, lat=cell.lat, category_code="E0102",
                  at=datetime(2026, 11, 24, 14, 0))  # fmt: skip
    october = dispatched_case(ws, datetime(2026, 10, 20, 9, 0))
    ws.act(unit, october.id, "feedback", at=datetime(2026, 10, 20, 10, 0))
    return {"a": a.id, "b": b.id, "c": c.id, "d": d.id, "unit": a.unit,  # type: ignore[dict-item]
            "october": october.id}  # fmt: skip


def test_a_small_month_by_hand_on_both_databases(db_url: str) -> None:
    ws = make_world(db_url, NOW)
    try:
        ids = _month(ws)
        a, b, c, d, unit = ids["a"], ids["b"], ids["c"], ids["d"], str(ids["unit"])
        period = period_of("2026-11-01", "2026-11-30", NOW)
        stats = ws.statistics(period)

        assert dict(stats.funnel) == {"reported": 4, "filed": 3, "dispatched": 3,
                                      "handled": 2, "closed": 1}  # fmt: skip
        day = {d.isoformat(): i for i, d in enumerate(stats.days)}
        assert len(stats.days) == 30
        assert stats.by_source["supervisor"][day["2026-11-23"]] == 2
        assert stats.by_source["supervisor"][day["2026-11-24"]] == 1
        assert stats.by_source["hotline_12345"][day["2026-11-24"]] == 1
        assert sum(stats.by_kind["E"]) == 4
        assert sum(stats.by_kind["C"]) == 0
        # handling: 1 h and 3.5 h of working time → median 2.25, p90 (nearest rank) 3.5;
        # the check of a: 10:00 feedback → 11:00 passed (the 10:30 send_for_check in between)
        times = {t.stage: t for t in stats.stage_times}
        assert (times["handling"].count, times["handling"].median_hours,
                times["handling"].p90_hours) == (2, 2.25, 3.5)  # fmt: skip
        assert (times["check"].count, times["check"].median_hours) == (1, 1.0)
        assert times["verify"].count == 0  # the hotline report is still being verified
        assert stats.handling_times[unit].median_hours == 2.25

        # The evaluation tables carry exactly the engine's figures.
        engine = {r.key: r for r in ws.evaluate("2026-11-01", "2026-11-30", "unit", at=NOW)}
        row = {r.key: r for r in stats.tables["unit"]}[unit]
        assert row.indicators == engine[unit].indicators
        assert (row.score, row.level) == (engine[unit].score, engine[unit].level)
        i = row.indicators
        assert (i["due_to_handle"], i["handled_on_time"], i["open_overdue"]) == (3, 1, 1)
        assert (i["on_time_handling_rate"], i["closing_rate"]) == (33.3, 33.3)
        for by in ("supervisor", "acceptor", "leader", "dispatcher", "street"):
            mine = [(r.key, r.indicators, r.score) for r in stats.tables[by]]
            theirs = [(r.key, r.indicators, r.score)
                      for r in ws.evaluate("2026-11-01", "2026-11-30", by, at=NOW)]  # fmt: skip
            assert mine == theirs, by

        # The cases behind a figure (a rate: its denominator).
        assert set(stats.cases_behind("unit", unit, "due_to_handle")) == {a, b, c}
        assert set(stats.cases_behind("unit", unit, "on_time_handling_rate")) == {a, b, c}
        assert set(stats.cases_behind("unit", unit, "handled_on_time")) == {a}
        assert set(stats.cases_behind("unit", unit, "open_overdue")) == {c}
        assert set(stats.cases_behind("funnel", "closed")) == {a}
        assert set(stats.cases_behind("day", "2026-11-24", "hotline_12345")) == {d}
        assert set(stats.cases_behind("acceptor", "acceptor", "received")) == {d}
        assert set(stats.cases_behind("stage", "handling")) == {a, b}

        # 环比: the 30 days before (2 October – 31 October): the October case.
        assert stats.previous is not None
        assert stats.previous.funnel["reported"] == 1
        assert stats.previous.centre["handled_on_time"] == 1
        assert stats.headline.centre["due_to_handle"] == 3
    finally:
        ws.dispose()


def test_filters_narrow_every_figure(sqlite_url: str) -> None:
    ws = make_world(sqlite_url, NOW)
    try:
        ids = _month(ws)
        unit = str(ids["unit"])
        period = period_of("2026-11-01", "2026-11-30", NOW)
        by_unit = ws.statistics(period, StatsFilter(unit=unit))
        # the hotline report was never dispatched: it belongs to no unit
        assert by_unit.funnel["reported"] == 3
        assert [r.key for r in by_unit.tables["unit"]] == [unit]
        assert ids["d"] not in by_unit.cases_behind("funnel", "reported")
        components = ws.statistics(period, StatsFilter(category="C"))  # 部件 only
        assert components.funnel["reported"] == 0
        assert all(r.score is None for r in components.tables["unit"])
        cells, supervisors = ws.reference.cells, ws.reference.supervisors
        dispatched_street = cells[supervisors["jdy001"].patrol_cells[0]].street_code
        hotline_street = cells[supervisors["jdy002"].patrol_cells[0]].street_code
        other = next(code for code in ws.reference.street_names if code != dispatched_street)
        elsewhere = ws.statistics(period, StatsFilter(street=other))
        assert elsewhere.funnel["reported"] == (1 if hotline_street == other else 0)
        assert [r.key for r in elsewhere.tables["street"]] == [other]
        assert elsewhere.headline.centre["due_to_handle"] == 0
    finally:
        ws.dispose()
