"""The statistics panel's service on a real SQLite file and a real PostgreSQL database:
hand-computed figures of a small month, the same figures as `evaluate`, the cases behind
each count, the filters and the 环比."""

from __future__ import annotations

from datetime import datetime

from workstation.services.evaluation import period_of
from workstation.services.statistics import StatsFilter

from support.month import known_month
from support.world import make_world

NOW = datetime(2026, 11, 25, 10, 0)  # a Wednesday


def test_a_small_month_by_hand_on_both_databases(db_url: str) -> None:
    ws = make_world(db_url, NOW)
    try:
        ids = known_month(ws, with_october=True)
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
        ids = known_month(ws, with_october=True)
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
