"""The hand-over sheet's pure rules: shift times, the shift on at an instant, the flow."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from workstation.domain.errors import ValidationError
from workstation.domain.handover import (
    CaseLine,
    Flow,
    HandoverSheet,
    SupervisorLine,
    check_period,
    parse_shift_times,
    shift_at,
    shift_label,
    supervisor_problem,
    tally,
)

TWO = (time(8, 30), time(17, 30))


def test_shift_times_parse_sorted_with_chinese_separators_and_24_00() -> None:
    assert parse_shift_times("17:30，08:30") == TWO
    assert parse_shift_times("08:00、16:00; 24:00") == (time(0), time(8), time(16))
    assert parse_shift_times("８:３０, 17:30") == TWO  # full-width digits from an IME


@pytest.mark.parametrize("text", ["", "8 点", "25:00", "08:30, 8:30", "08:60"])
def test_bad_shift_times_are_one_chinese_sentence(text: str) -> None:
    with pytest.raises(ValidationError, match="交接班时刻"):
        parse_shift_times(text)


def _d(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # the day shift, from its start (a start begins the new shift) to the next
        (_d(25, 8, 30), (_d(25, 8, 30), _d(25, 17, 30))),
        (_d(25, 17, 29), (_d(25, 8, 30), _d(25, 17, 30))),
        # the night shift spans midnight: before and after it
        (_d(25, 23), (_d(25, 17, 30), _d(26, 8, 30))),
        (_d(26, 3), (_d(25, 17, 30), _d(26, 8, 30))),
        # the year's end
        (_d(1, 0, 10, 1, 2027), (_d(31, 17, 30, 12), _d(1, 8, 30, 1, 2027))),
    ],
)
def test_the_shift_on_now_runs_from_the_latest_start_to_the_next(now, expected) -> None:
    assert shift_at(now, TWO) == expected


def test_one_shift_a_day_and_three_shifts() -> None:
    assert shift_at(datetime(2026, 11, 25, 7, 0), (time(8),)) == (
        datetime(2026, 11, 24, 8), datetime(2026, 11, 25, 8))  # fmt: skip
    three = parse_shift_times("00:00, 08:00, 16:00")
    assert shift_at(datetime(2026, 11, 25, 16, 0), three) == (
        datetime(2026, 11, 25, 16), datetime(2026, 11, 26, 0))  # fmt: skip
    assert shift_label(datetime(2026, 11, 25, 16), datetime(2026, 11, 26)) == (
        "2026-11-25 16:00 至 24:00")  # fmt: skip
    assert shift_label(datetime(2026, 11, 25, 17, 30), datetime(2026, 11, 26, 8, 30)) == (
        "2026-11-25 17:30 至 2026-11-26 08:30")  # fmt: skip


def test_a_period_must_end_after_it_starts_and_be_at_most_a_week() -> None:
    with pytest.raises(ValidationError, match="必须晚于开始"):
        check_period(datetime(2026, 11, 25, 17), datetime(2026, 11, 25, 8))
    with pytest.raises(ValidationError, match="7 天"):
        check_period(datetime(2026, 11, 1), datetime(2026, 11, 25))


def test_tally_counts_each_transition_and_the_reports_by_source() -> None:
    events = [
        ("report", None, "reported"), ("file", "reported", "filed"),
        ("dispatch", "filed", "dispatched"), ("approve_return", "dispatched", "filed"),
        ("dispatch", "filed", "dispatched"), ("check_pass", "awaiting_check", "closed"),
        ("approve_self_handled", "reported", "closed"), ("void", "reported", "voided"),
        ("note", "closed", "closed"),  # a note on a closed case closes nothing
    ]  # fmt: skip
    flow = tally(events, ["supervisor", "hotline_12345", "supervisor"], open_now=7)
    assert flow == Flow(3, 1, 2, 2, 1, {"hotline_12345": 1, "supervisor": 2}, 7)


def test_supervisor_problem_in_words() -> None:
    assert supervisor_problem(True, 42, 0) == "42 分钟未上报位置"
    assert supervisor_problem(True, None, 2) == "从未上报位置；核实/核查超期 2 件"
    assert supervisor_problem(False, 3, 1) == "核实/核查超期 1 件"


def test_a_sheet_survives_its_json() -> None:
    sheet = HandoverSheet(
        datetime(2026, 11, 25, 8, 30), datetime(2026, 11, 25, 17, 30),
        datetime(2026, 11, 25, 17, 20), Flow(3, 2, 1, 1, 0, {"supervisor": 3}, 9),
        overdue=(CaseLine(1, "2026112500001", "暴露垃圾 · 彩云路", "已派遣", "环卫站",
                          datetime(2026, 11, 25, 10), "处置超期"),),
        supervisors=(SupervisorLine("JDY001", "张三", "龙城街道", "巡查中", None,
                                    "从未上报位置"),),
    )  # fmt: skip
    assert HandoverSheet.from_json(sheet.to_json()) == sheet
    assert set(sheet.to_json()) == {"start", "end", "generated_at", "flow", "overdue",
                                    "due_soon", "key_cases", "requests", "supervisors"}
