"""Attention rules of the reminder centre, on fake case summaries and the real calendar."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from workstation.domain.calendar import LimitUnit, TimeLimit, WorkCalendar
from workstation.domain.case import Stage, StageLimits
from workstation.services.attention import (
    AttentionEvaluator,
    AttentionItem,
    Kind,
    ReminderState,
    Severity,
    crossings,
    evaluate,
)
from workstation.services.dto import CaseSummary

from support.summaries import with_clock

CAL = WorkCalendar()  # 09:00–12:00, 14:30–18:00; 2026 holidays from chinesecalendar
WED = datetime(2026, 11, 25, 10, 0)  # a Wednesday
ONE_DAY = TimeLimit(1, LimitUnit.WORK_DAYS)  # 6.5 working hours


def case(case_id: int = 1, **changes: object) -> CaseSummary:
    base = CaseSummary(
        id=case_id, case_no=f"20261125{case_id:05d}", version=1, state="dispatched",
        state_label="已派遣", source="supervisor", source_label="监督员上报", priority="normal",
        reported_at=WED - timedelta(hours=1), category_code="E0102", category_name="暴露垃圾",
        grid_code=None, street_name="", community_name="", address="彩云北路 88 号",
        description="路口暴露垃圾", unit="HWS", unit_name="环卫所", deadline=None,
        stage_deadline=None, handling_limit=None, pending_request=None, remind_count=0,
        is_key=False, rework_count=0, self_handled=False, lon=None, lat=None, closed_at=None,
        updated_at=WED - timedelta(hours=1),
    )  # fmt: skip
    made = replace(base, **changes)  # type: ignore[arg-type]
    return made if "clock_stage" in changes else with_clock(made, CAL)


def dispatched(case_id: int, at: datetime, limit: TimeLimit = ONE_DAY) -> CaseSummary:
    deadline = CAL.deadline(at, limit)
    return case(case_id, deadline=deadline, stage_deadline=deadline, handling_limit=str(limit),
                clock_stage="handling", clock_started_at=at, clock_limit=str(limit),
                dispatched_at=at)  # fmt: skip


def kinds(items: list[AttentionItem]) -> list[tuple[str, int]]:
    return [(i.kind.value, i.case_id) for i in items]


# -- deadlines -------------------------------------------------------------------------


def test_nothing_before_80_percent_yellow_at_80_red_when_overdue() -> None:
    c = dispatched(1, WED)  # Wed 10:00 + 6.5 工作时 = Thu 10:00
    assert c.deadline == datetime(2026, 11, 26, 10, 0)
    # 80 % of 6.5 h = 5.2 h: Wed 10:00–12:00 (2 h) + 14:30–17:42 (3.2 h)
    assert evaluate([c], datetime(2026, 11, 25, 17, 41), CAL) == []
    [yellow] = evaluate([c], datetime(2026, 11, 25, 17, 42), CAL)
    assert (yellow.kind, yellow.severity, yellow.detail) == (
        Kind.YELLOW,
        Severity.WARNING,
        "handling",
    )
    assert yellow.since == datetime(2026, 11, 25, 17, 42)
    assert yellow.due == c.deadline
    assert yellow.fraction == pytest.approx(0.8)
    assert yellow.title == "暴露垃圾 · 彩云北路 88 号"
    # at the deadline itself the time is used up but not exceeded: still yellow
    assert evaluate([c], c.deadline, CAL)[0].kind is Kind.YELLOW
    [red] = evaluate([c], c.deadline + timedelta(seconds=1), CAL)
    assert (red.kind, red.severity, red.since) == (Kind.OVERDUE, Severity.CRITICAL, c.deadline)


def test_yellow_matches_elapsed_fraction_from_the_dispatch_time() -> None:
    start = datetime(2026, 11, 24, 16, 20)
    for limit in (ONE_DAY, TimeLimit(3, LimitUnit.WORK_DAYS), TimeLimit(5, LimitUnit.WORK_HOURS),
                  TimeLimit(6, LimitUnit.NATURAL_HOURS)):  # fmt: skip
        c = dispatched(1, start, limit)
        assert c.deadline is not None
        if limit.unit.is_working_time:  # the start is where the limit ends at the deadline
            assert CAL.before(c.deadline, CAL.limit_seconds(limit)) == start
        now = start
        while now <= c.deadline:
            used = CAL.elapsed_fraction(start, c.deadline, now, limit.unit)
            items = evaluate([c], now, CAL)
            assert bool(items) == (used >= 0.8), (limit, now, used)
            if items:
                assert items[0].fraction == pytest.approx(used)
            now += timedelta(minutes=7)


def test_working_time_counts_across_a_weekend() -> None:
    friday = datetime(2026, 11, 27, 16, 0)
    c = dispatched(1, friday)  # 2 h on Friday, 4.5 h on Monday: Mon 2026-11-30 16:00
    assert c.deadline == datetime(2026, 11, 30, 16, 0)
    # Saturday and Sunday use no working time: 2 h of 6.5 = 31 %, still quiet
    assert evaluate([c], datetime(2026, 11, 29, 23, 0), CAL) == []
    # 80 % = 5.2 h: Friday 2 h + Monday 09:00–12:00 3 h + 0.2 h → Monday 14:42
    [yellow] = evaluate([c], datetime(2026, 11, 30, 14, 42), CAL)
    assert yellow.since == datetime(2026, 11, 30, 14, 42)
    # natural time would have turned it yellow (and red) over the weekend
    natural = dispatched(2, friday, TimeLimit(6.5, LimitUnit.NATURAL_HOURS))
    assert kinds(evaluate([natural], datetime(2026, 11, 28, 9, 0), CAL)) == [("overdue", 2)]


def test_yellow_threshold_falling_in_the_lunch_break_starts_at_noon() -> None:
    # 3.75 工作时 from Wed 09:00 ends 15:15; 20 % (45 min) before it is 14:30, so over the
    # break the earliest instant with only 45 min left is 12:00.
    c = dispatched(1, datetime(2026, 11, 25, 9, 0), TimeLimit(3.75, LimitUnit.WORK_HOURS))
    assert c.deadline == datetime(2026, 11, 25, 15, 15)
    assert evaluate([c], datetime(2026, 11, 25, 11, 59), CAL) == []
    assert evaluate([c], datetime(2026, 11, 25, 12, 0), CAL)[0].since == datetime(2026, 11, 25, 12)


def test_stage_clocks_by_state() -> None:
    limits = StageLimits()
    reported = datetime(2026, 11, 25, 9, 0)
    cases = [
        # a supervisor report: 1 工作时 to file
        case(1, state="reported", reported_at=reported,
             stage_deadline=CAL.deadline(reported, limits.file)),
        # a hotline report not yet verified: 2 工作时 (verify)
        case(2, state="reported", source="hotline_12345", reported_at=reported,
             stage_deadline=CAL.deadline(reported, limits.verify)),
        # a hotline report verified at 09:55: 1 工作时 to file from then
        case(3, state="reported", source="hotline_12345", reported_at=reported, verified=True,
             stage_deadline=CAL.deadline(datetime(2026, 11, 25, 9, 55), limits.file)),
        case(4, state="filed", stage_deadline=datetime(2026, 11, 25, 10, 50)),
        case(5, state="awaiting_check", deadline=datetime(2026, 11, 24, 9),
             stage_deadline=datetime(2026, 11, 25, 10, 30)),
        case(6, state="suspended", deadline=datetime(2026, 11, 20, 9)),
    ]  # fmt: skip
    items = {i.case_id: i for i in evaluate(cases, datetime(2026, 11, 25, 10, 49), CAL)}
    assert (items[1].kind, items[1].detail) == (Kind.OVERDUE, Stage.FILE)
    assert (items[2].kind, items[2].detail) == (Kind.YELLOW, Stage.VERIFY)  # 109 of 120 min
    assert (items[3].kind, items[3].detail) == (Kind.YELLOW, Stage.FILE)  # 54 of 60 min
    assert (items[4].kind, items[4].detail) == (Kind.YELLOW, Stage.DISPATCH)  # 59 of 60 min
    # awaiting check: its own kind, and the handling deadline no longer counts
    assert (items[5].kind, items[5].detail) == (Kind.CHECK_OVERDUE, Stage.CHECK)
    assert 6 not in items  # suspended: the clock stands still


def test_closed_cases_and_unknown_limits() -> None:
    late = datetime(2026, 11, 20, 9, 0)
    items = evaluate([
        case(1, state="closed", deadline=late, handling_limit="1 工作日"),
        case(2, state="voided", stage_deadline=late),
        case(3, deadline=late, handling_limit="一天"),  # unreadable: overdue still shows
        case(4, deadline=WED + timedelta(minutes=5), handling_limit=None),
    ], WED, CAL)  # fmt: skip
    # No readable limit text: the clock still knows when it started (55 of 60 min used).
    assert kinds(items) == [("overdue", 3), ("yellow", 4)]


# -- reports and requests --------------------------------------------------------------


def test_urgent_reports_until_seen_or_triaged() -> None:
    urgent = case(1, state="reported", priority="urgent", reported_at=WED)
    [item] = evaluate([urgent], WED + timedelta(minutes=1), CAL)
    assert (item.kind, item.severity, item.since) == (Kind.URGENT_REPORT, Severity.CRITICAL, WED)
    assert evaluate([urgent], WED, CAL, seen={1}) == []
    assert evaluate([replace(urgent, state="verifying")], WED, CAL) == []
    assert evaluate([replace(urgent, priority="normal")], WED, CAL) == []


def test_requests_and_self_handled_reports_wait_for_approval() -> None:
    cases = [
        case(1, pending_request="extension", updated_at=WED - timedelta(minutes=30)),
        case(2, pending_request="return"),
        case(3, pending_request="suspension"),
        case(4, state="reported", self_handled=True, priority="urgent", reported_at=WED),
    ]
    items = evaluate(cases, WED, CAL)
    # oldest first: 2 and 3 were updated an hour ago, 1 half an hour ago, 4 reported now
    assert [(i.kind.value, i.detail) for i in items] == [
        ("request", "return"), ("request", "suspension"), ("request", "extension"),
        ("self_handled", ""),
    ]  # fmt: skip
    assert {i.severity for i in items} == {Severity.INFO}
    assert next(i for i in items if i.case_id == 1).since == WED - timedelta(minutes=30)


def test_items_are_sorted_red_first_then_oldest_first() -> None:
    cases = [
        case(1, pending_request="extension"),
        dispatched(2, datetime(2026, 11, 24, 10)),  # due Wed 10:00 → yellow at 09:…
        case(3, deadline=datetime(2026, 11, 24, 9), handling_limit="1 工作日"),
        case(4, state="reported", priority="urgent", reported_at=WED - timedelta(minutes=5)),
        case(5, deadline=datetime(2026, 11, 23, 9), handling_limit="1 工作日"),
    ]
    items = evaluate(cases, WED - timedelta(minutes=1), CAL)
    assert kinds(items) == [("overdue", 5), ("overdue", 3), ("urgent_report", 4),
                            ("yellow", 2), ("request", 1)]  # fmt: skip


# -- crossings -------------------------------------------------------------------------


def test_crossings_report_only_new_threshold_crossings() -> None:
    ev = AttentionEvaluator(CAL)
    c = dispatched(1, WED)
    waiting = case(2, pending_request="extension")
    t0 = datetime(2026, 11, 25, 17, 0)
    before = ev.evaluate([c, waiting], t0)
    assert kinds(before) == [("request", 2)]
    yellow = ev.evaluate([c, waiting], datetime(2026, 11, 25, 17, 45))
    assert kinds(crossings(before, yellow)) == [("yellow", 1)]
    still = ev.evaluate([c, waiting], datetime(2026, 11, 25, 17, 55))
    assert crossings(yellow, still) == []  # no new crossing: no second notification
    red = ev.evaluate([c, waiting], datetime(2026, 11, 26, 10, 1))
    assert kinds(crossings(still, red)) == [("overdue", 1)]
    # an urgent report arriving notifies; a new request only waits in the list
    urgent = case(3, state="reported", priority="urgent", reported_at=WED)
    more = ev.evaluate([c, waiting, urgent, case(4, pending_request="return")],
                       datetime(2026, 11, 26, 10, 2))  # fmt: skip
    assert kinds(crossings(red, more)) == [("urgent_report", 3)]
    # an extension moves the deadline: crossing it again is new
    extended = replace(c, deadline=CAL.deadline(c.deadline, ONE_DAY))  # type: ignore[arg-type]
    again = ev.evaluate([extended], datetime(2026, 11, 27, 10, 1))
    assert kinds(crossings(red, again)) == [("overdue", 1)]


# -- acknowledgements and snoozes ------------------------------------------------------


def test_acknowledged_items_stay_hidden_until_they_change() -> None:
    ev, state = AttentionEvaluator(CAL), ReminderState()
    c = dispatched(1, WED)
    t = datetime(2026, 11, 25, 17, 50)
    [yellow] = ev.evaluate([c], t)
    state.acknowledge(yellow)
    assert state.visible(ev.evaluate([c], t + timedelta(minutes=5)), t) == []
    # it turns red: a different item, shown again
    red_items = ev.evaluate([c], datetime(2026, 11, 26, 10, 1))
    state.update(red_items, datetime(2026, 11, 26, 10, 1))
    assert kinds(state.visible(red_items, datetime(2026, 11, 26, 10, 1))) == [("overdue", 1)]
    [red] = red_items
    state.acknowledge(red)
    assert state.visible(red_items, datetime(2026, 11, 26, 11)) == []
    # the deadline is extended and passes again: the acknowledgement was for the old one
    extended = replace(c, deadline=CAL.deadline(c.deadline, ONE_DAY))  # type: ignore[arg-type]
    later = ev.evaluate([extended], datetime(2026, 11, 27, 10, 1))
    assert kinds(state.visible(later, datetime(2026, 11, 27, 10, 1))) == [("overdue", 1)]


def test_an_acknowledged_request_comes_back_when_a_new_one_is_made() -> None:
    state = ReminderState()
    waiting = case(1, pending_request="extension")
    [item] = evaluate([waiting], WED, CAL)
    state.acknowledge(item)
    assert state.visible(evaluate([waiting], WED, CAL), WED) == []
    state.update(evaluate([replace(waiting, pending_request=None)], WED, CAL), WED)  # approved
    assert state.acknowledged == {}
    again = evaluate([waiting], WED + timedelta(hours=2), CAL)
    assert kinds(state.visible(again, WED)) == [("request", 1)]


def test_snooze_hides_until_it_expires_then_reminds_once() -> None:
    state = ReminderState()
    waiting = case(1, pending_request="extension")
    [item] = evaluate([waiting], WED, CAL)
    state.snooze(item, WED + timedelta(minutes=15))
    assert state.next_wake() == WED + timedelta(minutes=15)
    assert state.update([item], WED + timedelta(minutes=14)) == []
    assert state.visible([item], WED + timedelta(minutes=14)) == []
    assert state.update([item], WED + timedelta(minutes=15)) == [item]  # time to remind
    assert state.visible([item], WED + timedelta(minutes=15)) == [item]
    assert state.update([item], WED + timedelta(minutes=16)) == []  # only once
    assert state.next_wake() is None


def test_acknowledging_ends_a_snooze_and_state_survives_json() -> None:
    state = ReminderState()
    [a] = evaluate([case(1, pending_request="return")], WED, CAL)
    [b] = evaluate([case(2, pending_request="extension")], WED, CAL)
    state.snooze(a, WED + timedelta(hours=1))
    state.acknowledge(b)
    copy = ReminderState.from_json(state.to_json())
    assert copy == state
    state.acknowledge(a)
    assert state.snoozed == {}
    assert ReminderState.from_json("{not json") == ReminderState()
    assert ReminderState.from_json(None) == ReminderState()


def test_long_lived_evaluator_follows_updates_and_ignores_older_versions() -> None:
    ev = AttentionEvaluator(CAL)
    late = replace(dispatched(1, datetime(2026, 11, 23, 10)), version=3)
    fresh = replace(dispatched(2, WED), version=1)
    ev.set_cases([late, fresh], now=WED)  # `now`: overdue items are built up front
    assert kinds(ev.items_at(WED)) == [("overdue", 1)]
    assert ev.items_at(WED) == evaluate([late, fresh], WED, CAL)
    ev.update_cases([replace(late, version=2, deadline=None)])  # an older summary
    assert kinds(ev.items_at(WED)) == [("overdue", 1)]
    ev.update_cases([replace(late, version=4, state="awaiting_check", stage_deadline=None,
                             clock_stage="check")])  # fmt: skip
    assert ev.items_at(WED) == []
    ev.update_cases([replace(fresh, version=2, state="closed")])
    assert len(ev) == 1
    assert ev.case(2) is None
    ev.update_cases([replace(fresh, version=1)])  # a stale open copy of the closed case
    assert ev.case(2) is None
