"""Handling-unit indicators on hand-built histories, expected values worked out by hand.

The week of 2026-03-09 has no holidays; office 09:00–12:00, 14:30–18:00; every category
here has 1 工作日 = 6.5 h. The period is that week, judged on Saturday 03-14 12:00.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from workstation.domain.calendar import LimitUnit, TimeLimit, WorkCalendar
from workstation.domain.case import CaseContext, CaseEvent, execute
from workstation.domain.lifecycle import Action
from workstation.domain.metrics import (
    Period,
    UnitIndicators,
    centre_indicators,
    handling_facts,
    rate,
    unit_indicators,
)
from workstation.domain.roles import Actor, Role

CAL = WorkCalendar()
CTX = CaseContext(CAL, lambda code: TimeLimit(1, LimitUnit.WORK_DAYS))
LEADER, DISPATCHER = Actor("leader", Role.LEADER), Actor("dispatcher", Role.DISPATCHER)
SUPERVISOR = Actor("jdy001", Role.SUPERVISOR)
WEEK = Period.of(datetime(2026, 3, 9), datetime(2026, 3, 16), datetime(2026, 3, 14, 12, 0))


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute)


class History:
    def __init__(self, case_id: int, reported: datetime, **report: Any) -> None:
        params = {"case_id": case_id, "case_no": f"C{case_id}", "description": "井盖破损",
                  "category_code": "E0102", "grid_code": "530114001001001", **report}  # fmt: skip
        self.case, event = execute(None, Action.REPORT, SUPERVISOR, reported, CTX, params)
        self.events: list[CaseEvent] = [event]

    def do(self, action: Action, actor: Actor, when: datetime, **params: Any) -> History:
        self.case, event = execute(self.case, action, actor, when, CTX, params)
        self.events.append(event)
        return self

    def dispatch(self, when: datetime, unit: str = "A") -> History:
        if self.case.state.value == "reported":
            self.do(Action.FILE, LEADER, when)
        return self.do(Action.DISPATCH, DISPATCHER, when, unit_code=unit)

    def feedback(self, when: datetime) -> History:
        unit = Actor(self.case.unit_code.lower(), Role.UNIT, unit_code=self.case.unit_code)
        return self.do(Action.FEEDBACK, unit, when)

    def check(self, when: datetime, passed: bool = True) -> History:
        self.do(Action.SEND_FOR_CHECK, DISPATCHER, when, supervisor="jdy001")
        if passed:
            return self.do(Action.CHECK_PASS, SUPERVISOR, when)
        return self.do(Action.CHECK_FAIL, SUPERVISOR, when, comment="未处置到位")

    def unit_actor(self) -> Actor:
        return Actor("u", Role.UNIT, unit_code=self.case.unit_code)


def histories() -> list[History]:
    out = []
    # 1: on time, closed on time
    out.append(History(1, at(9, 9)).dispatch(at(9, 9)).feedback(at(9, 15)).check(at(10, 10)))
    # 2: due Mon 18:00, fed back Tue 10:00 (7.5 of 6.5 h: overtime 1/6.5), closed
    out.append(History(2, at(9, 9)).dispatch(at(9, 9)).feedback(at(10, 10)).check(at(10, 11)))
    # 3: due Tue 18:00, no feedback: open overdue at Saturday noon
    out.append(History(3, at(10, 9)).dispatch(at(10, 9)))
    # 4: extended to Thu 18:00, fed back Thu 17:00, check failed (rework), fed back again
    #    Fri 11:00 (15 of 13 h: overtime 2/13), closed — the closing feedback was late
    h = History(4, at(11, 9)).dispatch(at(11, 9))
    h.do(Action.REQUEST_EXTENSION, h.unit_actor(), at(11, 9, 30), reason="备料", extra="1 工作日")
    h.do(Action.APPROVE_EXTENSION, LEADER, at(11, 10))
    h.feedback(at(12, 17)).check(at(13, 10), passed=False)
    out.append(h.feedback(at(13, 11)).check(at(13, 15)))
    # 5: suspended at Saturday noon: out of the denominators (it still counts as filed)
    h = History(5, at(11, 9)).dispatch(at(11, 9))
    h.do(Action.REQUEST_SUSPENSION, h.unit_actor(), at(11, 9, 30), reason="需结合道路改造")
    out.append(h.do(Action.APPROVE_SUSPENSION, LEADER, at(11, 10)))
    # 6: dispatched to A, returned, dispatched to B (due Tue 11:00), on time: B's case
    h = History(6, at(9, 9)).dispatch(at(9, 9), "A")
    h.do(Action.REQUEST_RETURN, h.unit_actor(), at(9, 9, 30), reason="不属于本单位")
    h.do(Action.APPROVE_RETURN, LEADER, at(9, 10))
    out.append(h.dispatch(at(9, 11), "B").feedback(at(10, 10)))
    # 7: dispatched Friday 17:00, due Monday 17:00: not due yet (filed only)
    out.append(History(7, at(13, 17)).dispatch(at(13, 17)))
    # 8: handled the week before, closed this week: its closing counts with its handling
    out.append(History(8, at(6, 9)).dispatch(at(6, 9)).feedback(at(6, 15)).check(at(9, 10)))
    # 9: voided after filing; 10: closed by 先行处置 — never dispatched, no unit's
    h = History(9, at(9, 9)).do(Action.FILE, LEADER, at(9, 9))
    out.append(h.do(Action.VOID, LEADER, at(9, 10), reason="不属于受理范围"))
    out.append(History(10, at(9, 9), self_handled=True).do(
        Action.APPROVE_SELF_HANDLED, LEADER, at(9, 10)))  # fmt: skip
    return out


def figures(period: Period = WEEK) -> dict[str, dict[str, Any]]:
    facts = [f for h in histories() if (f := handling_facts(h.events, period.as_of, CAL))]
    return {unit: i.as_dict() for unit, i in unit_indicators(facts, period).items()}


def test_unit_indicators_of_the_week() -> None:
    a = figures()["A"]
    assert a == {
        "filed": 6,  # 1, 2, 3, 4, 5, 7 dispatched this week
        "due_to_handle": 4,  # 1, 2, 4 handled, 3 fell due; 5 suspended, 7 not due, 8 before
        "handled": 3,
        "handled_on_time": 1,
        "on_time_handling_rate": 25.0,
        "handling_rate": 75.0,
        "due_to_close": 4,  # 3 handled + 1 open overdue
        "closed": 4,  # 1, 2, 4 and 8 (handled the week before) closed this week
        "closed_on_time": 2,  # 1 and 8
        "closing_rate": 100.0,
        "on_time_closing_rate": 50.0,
        "rework": 1,
        "rework_rate": 25.0,
        "extended": 1,
        "extension_rate": 25.0,
        "open_overdue": 1,
        "overtime_ratio": 0.15,  # (1/6.5 + 2/13) ÷ 2
        "revisited": 0,  # supervisors' reports: no citizen to call back
        "satisfied": 0,
        "satisfaction_rate": None,
    }


def test_a_returned_case_belongs_to_the_unit_that_finally_handles_it() -> None:
    b = figures()["B"]
    assert (b["filed"], b["due_to_handle"], b["handled_on_time"]) == (1, 1, 1)
    assert b["on_time_handling_rate"] == 100.0
    assert (b["closed"], b["closing_rate"]) == (0, 0.0)  # fed back, not checked yet


def test_a_period_that_cuts_through_the_cases_lives() -> None:
    # Monday and Tuesday only, judged at their end: case 4 is not dispatched yet; case 2
    # was handled late on Tuesday; case 3 fell due on Tuesday without feedback.
    monday_tuesday = Period.of(datetime(2026, 3, 9), datetime(2026, 3, 11),
                               datetime(2026, 3, 20))  # fmt: skip
    a = figures(monday_tuesday)["A"]
    assert (a["filed"], a["due_to_handle"], a["handled"], a["handled_on_time"]) == (3, 3, 2, 1)
    assert (a["open_overdue"], a["closed"], a["closed_on_time"]) == (1, 3, 2)  # 1, 2, 8
    # the week before: case 8 handled on time there; its closing (Monday) is this week's
    before = Period.of(datetime(2026, 3, 2), datetime(2026, 3, 9), datetime(2026, 3, 20))
    earlier = figures(before)["A"]
    assert (earlier["due_to_handle"], earlier["handled_on_time"], earlier["closed"]) == (1, 1, 0)


def test_an_empty_period_has_dashes_not_hundreds() -> None:
    quiet = Period.of(datetime(2025, 1, 6), datetime(2025, 1, 13), datetime(2026, 3, 14))
    assert figures(quiet) == {}  # nobody's cases were dispatched by then
    empty = UnitIndicators().as_dict()  # what a unit without cases shows
    assert (empty["due_to_handle"], empty["on_time_handling_rate"], empty["closing_rate"]) == (
        0, None, None)  # fmt: skip
    assert empty["overtime_ratio"] is None


def test_the_centre_adds_every_unit() -> None:
    facts = [f for h in histories() if (f := handling_facts(h.events, WEEK.as_of, CAL))]
    centre = centre_indicators(unit_indicators(facts, WEEK)).as_dict()
    assert (centre["filed"], centre["due_to_handle"], centre["handled_on_time"]) == (7, 5, 2)
    assert centre["on_time_handling_rate"] == 40.0


def test_a_suspended_case_counts_again_after_its_restore() -> None:
    h = History(5, at(11, 9)).dispatch(at(11, 9))
    h.do(Action.REQUEST_SUSPENSION, h.unit_actor(), at(11, 9, 30), reason="需结合道路改造")
    h.do(Action.APPROVE_SUSPENSION, LEADER, at(11, 10))
    h.do(Action.RESTORE, LEADER, at(12, 9))  # 5.5 h were left: due Thu 17:00
    facts = handling_facts(h.events, WEEK.as_of, CAL)
    assert facts is not None
    assert facts.deadline == at(12, 17)
    a = unit_indicators([facts], WEEK)["A"].as_dict()
    assert (a["due_to_handle"], a["open_overdue"]) == (1, 1)


@pytest.mark.parametrize(("num", "den", "expected"), [(1, 3, 33.3), (2, 3, 66.7), (0, 0, None),
                                                      (5, 5, 100.0), (0, 4, 0.0)])  # fmt: skip
def test_rates_have_one_decimal_and_a_dash_for_nothing(num: int, den: int, expected) -> None:
    assert rate(num, den) == expected


def test_a_period_must_end_after_it_starts() -> None:
    with pytest.raises(ValueError, match="统计期"):
        Period.of(datetime(2026, 3, 9), datetime(2026, 3, 9) - timedelta(days=1), WEEK.as_of)


def test_the_units_composite_score_and_level_by_hand() -> None:
    from workstation.domain.scores import DEFAULT_RULES, level_of

    a = figures()["A"]
    # 立案数 6 → band 100; 10 % × 100 + 30 % × 100.0 (结案率) + 30 % × 25.0 (按期处置率)
    # + 30 % × (100 − 25.0) (返工率) = 10 + 30 + 7.5 + 22.5 = 70.0 → C
    assert DEFAULT_RULES.unit_score(a) == 70.0
    assert level_of(70.0) == "C"
    b = figures()["B"]
    # 10 + 30 × 0 + 30 × 100 + 30 × 100 … ÷ 100: 10 + 0 + 30 + 30 = 70.0; rework_rate of
    # 应结案数 1 is 0.0
    assert DEFAULT_RULES.unit_score(b) == 70.0
    assert DEFAULT_RULES.unit_score(UnitIndicators().as_dict()) is None
    assert [level_of(s) for s in (95, 90, 89.9, 75, 60, 59.9, 40, 39.9, None)] == [
        "A", "A", "B", "B", "C", "D", "D", "E", None]  # fmt: skip


# -- supervisors ------------------------------------------------------------------------


def test_supervisor_indicators_and_score_by_hand() -> None:
    from workstation.domain.metrics import supervisor_indicators
    from workstation.domain.scores import DEFAULT_RULES, level_of

    g1, g2 = "530114001001001", "530114001001002"
    jdy2 = Actor("jdy002", Role.SUPERVISOR)

    def hotline(case_id: int, grid: str) -> History:
        return History(case_id, at(9, 9), grid_code=grid, source="hotline_12345")

    cases = [
        History(1, at(9, 9)).dispatch(at(9, 9)).feedback(at(9, 14, 30)),  # filed: valid
        History(2, at(9, 10)).do(Action.VOID, LEADER, at(9, 10, 30), reason="不属于受理范围"),
        History(3, at(9, 11), self_handled=True),  # 先行处置: counted apart
    ]
    # checked on time: sent Mon 15:00 with 4 工作时 (due Tue 10:00), passed Tue 09:30
    cases[0].do(Action.SEND_FOR_CHECK, DISPATCHER, at(9, 15), supervisor="jdy001")
    cases[0].do(Action.CHECK_PASS, SUPERVISOR, at(10, 9, 30))
    # public reports in each supervisor's grid, confirmed on site: 漏报
    h = hotline(4, g1)
    h.do(Action.REQUEST_VERIFICATION, DISPATCHER, at(9, 9), supervisor="jdy001")  # by 11:00
    cases.append(h.do(Action.VERIFY, SUPERVISOR, at(9, 10), confirmed=True))  # on time
    h = hotline(5, g2)
    h.do(Action.REQUEST_VERIFICATION, DISPATCHER, at(9, 9), supervisor="jdy002")
    cases.append(h.do(Action.VERIFY, jdy2, at(9, 12), confirmed=True))  # 1 h late
    owners = {g1: "jdy001", g2: "jdy002"}
    got = supervisor_indicators([c.events for c in cases], WEEK, owners)
    one, two = got["jdy001"].as_dict(), got["jdy002"].as_dict()
    assert one == {
        "reports": 2, "self_handled": 1, "valid_reports": 1, "valid_report_rate": 50.0,
        "verifications": 1, "verified_on_time": 1, "on_time_verification_rate": 100.0,
        "checks": 1, "checked_on_time": 1, "on_time_check_rate": 100.0,
        "missed": 1, "missed_rate": 33.3,  # 1 ÷ (1 + 2)
    }  # fmt: skip
    # 40 % × 50 + 20 % × (100 − 33.3) + 20 % × 100 + 20 % × 100 = 73.3 → C
    assert DEFAULT_RULES.supervisor_score(one) == 73.3
    assert level_of(73.3) == "C"
    assert (two["reports"], two["verifications"], two["on_time_verification_rate"]) == (0, 1, 0.0)
    assert (two["missed"], two["missed_rate"], two["valid_report_rate"]) == (1, 100.0, None)
    # only the rates with a denominator count: (20 % × 0 + 20 % × 0) ÷ 40 % = 0.0 → E
    assert DEFAULT_RULES.supervisor_score(two) == 0.0


# -- regions --------------------------------------------------------------------------------


def test_region_indicators_and_score_by_hand() -> None:
    from workstation.domain.metrics import RegionFacts, region_filings, region_row
    from workstation.domain.scores import DEFAULT_RULES, level_of

    hs = histories()  # every case is in grid 530114001001001
    facts = [f for h in hs if (f := handling_facts(h.events, WEEK.as_of, CAL))]
    handling = unit_indicators(facts, WEEK, key=lambda f: f.grid[:12])["530114001001"]
    filings = region_filings([h.events for h in hs], WEEK, key=lambda grid: grid[:12])
    region = filings["530114001001"]
    assert (region.filed, region.public_verified) == (8, 0)  # 1–7 and 9 filed this week
    row = region_row(handling, RegionFacts(region.filed, region.public_verified, grids=1))
    assert (row["due_to_close"], row["closed"], row["closed_on_time"]) == (5, 4, 2)
    assert (row["closing_rate"], row["on_time_closing_rate"]) == (80.0, 40.0)
    assert (row["public_report_rate"], row["filed_per_grid"]) == (0.0, 8.0)
    # 10 % × (100 − 0) + 20 % × band(8 per grid, 一类) 40 + 30 % × 80 + 40 % × 40 = 58.0 → D
    assert DEFAULT_RULES.region_score(row) == 58.0
    assert level_of(58.0) == "D"


# -- posts ----------------------------------------------------------------------------------


def test_post_indicators_and_scores_by_hand() -> None:
    from workstation.domain.metrics import post_indicators
    from workstation.domain.scores import DEFAULT_RULES

    got = post_indicators([h.events for h in histories()], WEEK)
    dispatcher, leader = got["dispatcher"].as_dict(), got["leader"].as_dict()
    # 派遣: 1, 2, 3, 4, 5, 6 (to A, then to B), 7 — each at its filing, within 1 工作时;
    # the dispatch of 6 to A was returned: not accurate
    assert (dispatcher["dispatched"], dispatcher["dispatched_on_time"]) == (8, 8)
    assert dispatcher["accurate_dispatch_rate"] == 87.5
    # 派发核查: 1, 2, 4 (twice) and 8, each within 4 工作时 of the feedback
    assert (dispatcher["checks_sent"], dispatcher["on_time_check_dispatch_rate"]) == (5, 100.0)
    # 立案: 1–7 and 9, at the report (within 1 工作时); 9 voided later; 先行处置 10 approved
    assert (leader["filed"], leader["on_time_filing_rate"]) == (8, 100.0)
    assert leader["accurate_filing_rate"] == 87.5
    assert (leader["closed"], leader["on_time_closing_rate"]) == (1, 100.0)
    # 派遣数 8 → band 0; 20 % × 0 + 40 % × 100 + 40 % × 87.5 = 75.0
    assert DEFAULT_RULES.score("dispatcher", dispatcher) == 75.0
    # 25 % × 100 + 40 % × 87.5 + 35 % × 100 = 95.0
    assert DEFAULT_RULES.score("leader", leader) == 95.0


def test_previous_period_and_the_same_period_last_year() -> None:
    week = Period.of(datetime(2026, 3, 9), datetime(2026, 3, 16), datetime(2026, 3, 20))
    assert week.previous() == Period(datetime(2026, 3, 2), datetime(2026, 3, 9),
                                     datetime(2026, 3, 9))  # fmt: skip
    assert week.last_year() == Period(datetime(2025, 3, 9), datetime(2025, 3, 16),
                                      datetime(2025, 3, 16))  # fmt: skip
    leap = Period.of(datetime(2028, 2, 29), datetime(2028, 3, 1), datetime(2028, 3, 1))
    assert leap.last_year().start == datetime(2027, 2, 28)


def test_a_rate_above_100_counts_as_100_in_a_score() -> None:
    from workstation.domain.scores import DEFAULT_RULES

    figures = {"due_to_handle": 4, "filed": 4, "closing_rate": 125.0,
               "on_time_handling_rate": 100.0, "rework_rate": 0.0}  # fmt: skip
    assert DEFAULT_RULES.unit_score(figures) == 100.0


def test_score_rules_are_data_round_trip_and_refuse_bad_input() -> None:
    import json

    from workstation.domain.scores import DEFAULT_RULES, ScoreRules

    again = ScoreRules.from_json(DEFAULT_RULES.to_json())
    assert json.loads(again.to_json()) == json.loads(DEFAULT_RULES.to_json())
    a = figures()["A"]
    assert again.unit_score(a) == DEFAULT_RULES.unit_score(a) == 70.0
    with pytest.raises(ValueError, match="评价规则设置有误"):
        ScoreRules.from_json("{not json")
    with pytest.raises(ValueError, match="缺少 unit 的权重"):
        ScoreRules.from_json('{"weights": {}, "bands": {}, "levels": []}')


def test_a_second_class_region_has_its_own_bands() -> None:
    from workstation.domain.scores import DEFAULT_RULES

    row = {"filed": 3, "filed_per_grid": 3.0, "due_to_close": 3, "closing_rate": 100.0,
           "on_time_closing_rate": 100.0, "public_report_rate": 0.0}  # fmt: skip
    # 3 per grid: 一类 band 75, 二类 band 90 → 10 + 20 % × band + 30 + 40
    assert DEFAULT_RULES.region_score({**row, "area_class": 1}) == 95.0
    assert DEFAULT_RULES.region_score({**row, "area_class": 2}) == 98.0


def _citizen_case(case_id: int, closed: datetime) -> History:
    """A hotline report, verified, handled by unit A and closed at ``closed``."""
    h = History(case_id, closed - timedelta(hours=3), source="hotline_12345")
    h.do(Action.REQUEST_VERIFICATION, DISPATCHER, closed - timedelta(hours=3), supervisor="jdy001")
    h.do(Action.VERIFY, SUPERVISOR, closed - timedelta(hours=2, minutes=30), confirmed=True)
    return h.dispatch(closed - timedelta(hours=2)).feedback(closed - timedelta(hours=1)) \
        .check(closed)  # fmt: skip


def test_satisfaction_counts_the_citizens_who_answered_in_the_period() -> None:
    acceptor = Actor("acceptor", Role.ACCEPTOR)
    # 21 满意, 22 不满意, 23 not reached Friday then 基本满意 Saturday morning: 3 answered, 2
    # satisfied; 24 answered after the evaluation instant, 25 the week before: not counted
    h21 = _citizen_case(21, at(12, 16)).do(Action.REVISIT, acceptor, at(13, 9), result="satisfied")
    h22 = _citizen_case(22, at(12, 16)).do(Action.REVISIT, acceptor, at(13, 9),
                                           result="dissatisfied", comment="仍有积水")  # fmt: skip
    h23 = _citizen_case(23, at(12, 16)).do(Action.REVISIT, acceptor, at(13, 9),
                                           result="not_reached")  # fmt: skip
    h23.do(Action.REVISIT, acceptor, at(14, 11), result="basically_satisfied")
    h24 = _citizen_case(24, at(13, 16)).do(Action.REVISIT, acceptor, at(14, 13),
                                           result="satisfied")  # fmt: skip
    h25 = _citizen_case(25, at(5, 16)).do(Action.REVISIT, acceptor, at(6, 10),
                                          result="dissatisfied", comment="未修")  # fmt: skip
    cases = [h21, h22, h23, h24, h25]
    facts = [f for h in cases if (f := handling_facts(h.events, WEEK.as_of, CAL))]
    a = unit_indicators(facts, WEEK)["A"].as_dict()
    assert (a["revisited"], a["satisfied"], a["satisfaction_rate"]) == (3, 2, 66.7)
    assert centre_indicators(unit_indicators(facts, WEEK)).as_dict()["satisfaction_rate"] == 66.7


def test_a_region_counts_the_cases_filed_and_not_dispatched_yet() -> None:
    from workstation.domain.metrics import region_filings

    waiting = History(31, at(13, 9)).do(Action.FILE, LEADER, at(13, 9, 30))  # still 已立案
    sent = History(32, at(13, 9)).dispatch(at(13, 10))  # filed and dispatched
    returned = History(33, at(9, 9)).dispatch(at(9, 9))  # returned: waits to be sent again
    returned.do(Action.REQUEST_RETURN, returned.unit_actor(), at(9, 10), reason="不属于本单位")
    returned.do(Action.APPROVE_RETURN, LEADER, at(9, 11))
    before = History(34, at(6, 9)).do(Action.FILE, LEADER, at(6, 10))  # filed the week before
    cases = [h.events for h in (waiting, sent, returned, before)]
    region = region_filings(cases, WEEK, key=lambda grid: grid[:9])["530114001"]
    assert (region.filed, region.undispatched) == (3, 2)  # 31 and 33; 34 is last week's
