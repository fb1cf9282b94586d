"""The evaluation read on a real SQLite file and a real PostgreSQL database: the same
figures from the same events (the lean event load decodes times and payloads itself)."""

from __future__ import annotations

from datetime import datetime

from support.world import dispatched_case, make_world


def test_a_week_of_one_unit_on_both_databases(db_url: str) -> None:
    ws = make_world(db_url, datetime(2027, 2, 22, 9, 0))
    try:
        on_time = dispatched_case(ws, datetime(2027, 2, 22, 9, 0))  # 2 工作时: due 11:00
        late = dispatched_case(ws, datetime(2027, 2, 22, 9, 0))
        dispatched_case(ws, datetime(2027, 2, 23, 9, 0))  # no feedback: due Tue 11:00
        unit = ws.actor(on_time.unit.lower())
        ws.act(unit, on_time.id, "feedback", at=datetime(2027, 2, 22, 10, 0))
        ws.act(unit, late.id, "feedback", at=datetime(2027, 2, 22, 15, 0))
        ws.act(ws.actor("dispatcher"), on_time.id, "send_for_check",
               at=datetime(2027, 2, 22, 16, 0))  # fmt: skip
        ws.act(ws.actor("jdy001"), on_time.id, "check_fail", {"comment": "未处置到位"},
               at=datetime(2027, 2, 22, 17, 0))  # fmt: skip
        rows = ws.evaluate("2027-02-22", "2027-02-28", "unit", at=datetime(2027, 2, 24, 9, 0))
        i = {r.key: r for r in rows}[on_time.unit].indicators
        # judged Wednesday 09:00: on_time handled in time then reworked (its feedback
        # stands until the next one); late handled late; open_late overdue since Tue 11:00
        assert (i["due_to_handle"], i["handled"], i["handled_on_time"]) == (3, 2, 1)
        assert (i["open_overdue"], i["due_to_close"], i["rework"]) == (1, 3, 1)
        assert (i["on_time_handling_rate"], i["rework_rate"]) == (33.3, 33.3)
        assert i["overtime_ratio"] == 0.75  # 3.5 h used of 2 h
        [centre] = ws.evaluate("2027-02-22", "2027-02-28", "centre",
                               at=datetime(2027, 2, 24, 9, 0))  # fmt: skip
        assert centre.indicators["filed"] == 3
    finally:
        ws.dispose()


def test_the_centres_own_weights_are_used_and_bad_ones_refused(sqlite_url: str) -> None:
    import json

    import pytest

    from workstation.domain.scores import DEFAULT_RULES
    from workstation.persistence.tables import SettingRow

    ws = make_world(sqlite_url, datetime(2027, 2, 22, 9, 0))
    try:
        case = dispatched_case(ws, datetime(2027, 2, 22, 9, 0))
        ws.act(ws.actor(case.unit.lower()), case.id, "feedback", at=datetime(2027, 2, 22, 10))
        at = datetime(2027, 2, 24, 9, 0)
        before = {r.key: r for r in ws.evaluate("2027-02-22", "2027-02-28", "unit", at=at)}
        # 立案数 band 100 × 10 % + 结案率 0 × 30 % + 按期处置率 100 × 30 % + 返工 0 → 70.0
        assert before[case.unit].score == 70.0
        rules = json.loads(DEFAULT_RULES.to_json())
        rules["weights"]["unit"] = [[0.5, "on_time_handling_rate", "rate"],
                                    [0.5, "closing_rate", "rate"]]  # fmt: skip
        with ws.write_session() as s:
            s.merge(SettingRow(key="evaluation.rules", value=json.dumps(rules)))
        ws.invalidate_reference()
        after = {r.key: r for r in ws.evaluate("2027-02-22", "2027-02-28", "unit", at=at)}
        assert (after[case.unit].score, after[case.unit].level) == (50.0, "D")
        with ws.write_session() as s:
            s.merge(SettingRow(key="evaluation.rules", value="{"))
        ws.invalidate_reference()
        with pytest.raises(ValueError, match="评价规则设置有误"):
            ws.evaluate("2027-02-22", "2027-02-28", "unit", at=at)
    finally:
        ws.dispose()
