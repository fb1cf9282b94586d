"""The case clock: which stage runs, how much of its time is used, and its level — worked out
by hand on the working calendar (March 2026 has no holidays; office 09:00–12:00,
14:30–18:00, so 1 工作日 = 6.5 h)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from workstation.domain.calendar import LimitUnit, TimeLimit, WorkCalendar
from workstation.domain.case import (
    Case,
    CaseContext,
    CaseEvent,
    Stage,
    StageLimits,
    execute,
    rederive,
    replay,
)
from workstation.domain.clock import ClockLevel, read_clock, warning_at
from workstation.domain.lifecycle import Action
from workstation.domain.roles import Actor, Role

CAL = WorkCalendar()
MON = datetime(2026, 3, 9)
LEADER, DISPATCHER = Actor("leader", Role.LEADER), Actor("dispatcher", Role.DISPATCHER)
UNIT = Actor("szj", Role.UNIT, unit_code="SZJ")
ACCEPTOR, SUPERVISOR = Actor("acceptor", Role.ACCEPTOR), Actor("jdy001", Role.SUPERVISOR)
H = 3600.0


def limit_of(code: str) -> TimeLimit:
    return TimeLimit(1, LimitUnit.WORK_DAYS)


CTX = CaseContext(CAL, limit_of, StageLimits())


class History:
    def __init__(self, at: datetime, **report: Any) -> None:
        params = {"case_id": 1, "case_no": "2026030900001", "description": "井盖破损",
                  "category_code": "C0101", "grid_code": "530114001001001", **report}  # fmt: skip
        actor = ACCEPTOR if report.get("source", "supervisor") != "supervisor" else SUPERVISOR
        self.case, event = execute(None, Action.REPORT, actor, at, CTX, params)
        self.events: list[CaseEvent] = [event]

    def do(self, action: Action, actor: Actor, at: datetime, **params: Any) -> Case:
        self.case, event = execute(self.case, action, actor, at, CTX, params)
        self.events.append(event)
        return self.case

    def dispatched(self, at: datetime, **params: Any) -> Case:
        self.do(Action.FILE, LEADER, at)
        return self.do(Action.DISPATCH, DISPATCHER, at, unit_code="SZJ", **params)


def test_the_issues_example_an_extension_adds_to_the_time_allowed() -> None:
    h = History(MON.replace(hour=9))
    h.dispatched(MON.replace(hour=9))
    h.do(Action.REQUEST_EXTENSION, UNIT, MON.replace(hour=10), reason="备料", extra="1 工作日")
    case = h.do(Action.APPROVE_EXTENSION, LEADER, MON.replace(hour=11))
    assert case.deadline == datetime(2026, 3, 10, 18, 0)
    reading = read_clock(case, CAL, datetime(2026, 3, 10, 15, 30))
    assert reading is not None
    assert reading.stage is Stage.HANDLING
    assert (reading.used_seconds, reading.total_seconds) == (10.5 * H, 13 * H)
    assert reading.used_fraction == pytest.approx(10.5 / 13)  # 80.8 %
    assert reading.level is ClockLevel.WARNING
    assert reading.remaining_minutes == 150
    assert reading.limit == "1 工作日"


def test_levels_normal_warning_overdue_and_the_80_percent_instant() -> None:
    h = History(MON.replace(hour=9))
    case = h.dispatched(MON.replace(hour=9))  # due Monday 18:00
    at = warning_at(read_clock(case, CAL, MON.replace(hour=9)), CAL)
    # 80 % of 6.5 h used = 1.3 h left: 16:42
    assert at == MON.replace(hour=16, minute=42)
    before, after = at - timedelta(seconds=1), at
    assert read_clock(case, CAL, before).level is ClockLevel.NORMAL
    assert read_clock(case, CAL, after).level is ClockLevel.WARNING
    late = read_clock(case, CAL, MON.replace(hour=18, minute=1))
    assert late.level is ClockLevel.OVERDUE
    assert late.used_fraction > 1.0
    assert late.remaining_minutes == 0  # the working clock stands still after 18:00 …
    # … but the next morning it runs on, below zero
    assert read_clock(case, CAL, datetime(2026, 3, 10, 9, 30)).remaining_minutes == -30


def test_time_suspended_does_not_count_and_a_paused_clock_is_never_overdue() -> None:
    h = History(MON.replace(hour=9))
    h.dispatched(MON.replace(hour=9))  # 6.5 h, due Monday 18:00
    h.do(Action.REQUEST_SUSPENSION, UNIT, MON.replace(hour=10), reason="需结合道路改造")
    suspended = h.do(Action.APPROVE_SUSPENSION, LEADER, MON.replace(hour=11))
    paused = read_clock(suspended, CAL, datetime(2026, 3, 20, 10, 0))  # long after the deadline
    assert paused.paused
    assert paused.level is ClockLevel.NORMAL
    assert paused.used_seconds == 2 * H  # 09:00–11:00, frozen
    restored = h.do(Action.RESTORE, LEADER, datetime(2026, 3, 12, 9, 0))  # 4.5 h were left
    assert restored.deadline == datetime(2026, 3, 12, 16, 0)  # 09–12 (3 h), 14:30–16:00
    reading = read_clock(restored, CAL, datetime(2026, 3, 12, 10, 0))
    assert reading.total_seconds == 6.5 * H  # the limit, not the suspended days
    assert reading.used_seconds == 3 * H  # 2 h before the suspension, 1 h since
    assert reading.level is ClockLevel.NORMAL
    assert replay(h.events) == restored


def test_stages_before_dispatch_and_the_check_stage() -> None:
    h = History(MON.replace(hour=9), source="hotline_12345")
    reading = read_clock(h.case, CAL, MON.replace(hour=10))
    assert (reading.stage, reading.limit, reading.used_fraction) == (Stage.VERIFY, "2 工作时", 0.5)
    h.do(Action.REQUEST_VERIFICATION, DISPATCHER, MON.replace(hour=10), supervisor="jdy001")
    case = h.do(Action.VERIFY, SUPERVISOR, MON.replace(hour=11), confirmed=True)
    reading = read_clock(case, CAL, MON.replace(hour=11, minute=30))
    assert (reading.stage, reading.started_at) == (Stage.FILE, MON.replace(hour=11))
    h.dispatched(MON.replace(hour=11, minute=30))
    case = h.do(Action.FEEDBACK, UNIT, MON.replace(hour=15))
    reading = read_clock(case, CAL, MON.replace(hour=16))
    assert (reading.stage, reading.limit) == (Stage.CHECK, "4 工作时")
    h.do(Action.SEND_FOR_CHECK, DISPATCHER, MON.replace(hour=16), supervisor="jdy001")
    case = h.do(Action.CHECK_FAIL, SUPERVISOR, MON.replace(hour=17), comment="未处置到位")
    # rework: the handling clock runs on from the dispatch, against the same deadline
    reading = read_clock(case, CAL, MON.replace(hour=17))
    assert (reading.stage, reading.started_at) == (Stage.HANDLING, MON.replace(hour=11, minute=30))
    assert reading.deadline == case.deadline
    h.do(Action.FEEDBACK, UNIT, MON.replace(hour=17))
    h.do(Action.SEND_FOR_CHECK, DISPATCHER, MON.replace(hour=17), supervisor="jdy001")
    closed = h.do(Action.CHECK_PASS, SUPERVISOR, MON.replace(hour=17, minute=30))
    assert read_clock(closed, CAL, MON.replace(hour=18)) is None
    assert replay(h.events) == closed


def test_urgent_natural_hours_run_at_night() -> None:
    h = History(MON.replace(hour=20), priority="urgent")
    case = h.dispatched(MON.replace(hour=20))  # urgent: 4 自然小时, due 24:00
    reading = read_clock(case, CAL, MON.replace(hour=23, minute=30))
    assert not reading.working
    assert reading.used_fraction == pytest.approx(3.5 / 4)
    assert reading.level is ClockLevel.WARNING
    assert reading.remaining_minutes == 30
    assert warning_at(reading, CAL) == MON.replace(hour=23, minute=12)


def test_rederive_keeps_the_clock_and_recomputes_the_paused_time() -> None:
    h = History(MON.replace(hour=9))
    h.dispatched(MON.replace(hour=9))
    h.do(Action.REQUEST_SUSPENSION, UNIT, MON.replace(hour=10), reason="需结合道路改造")
    h.do(Action.APPROVE_SUSPENSION, LEADER, MON.replace(hour=11))
    h.do(Action.RESTORE, LEADER, datetime(2026, 3, 12, 9, 0))
    assert rederive(h.events, CTX) == replay(h.events)
    # Wednesday 03-11 a holiday: the case stood still one working day less
    other = CaseContext(CAL.with_overrides({datetime(2026, 3, 11).date(): False}), limit_of)
    again = rederive(h.events, other)
    assert again.handling_paused_seconds == replay(h.events).handling_paused_seconds - 6.5 * H
