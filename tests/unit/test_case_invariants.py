"""Random actions by random actors on one case; the case invariants hold after every step.

A Hypothesis state machine reports a case, then applies actions drawn either from the whole
table (mostly illegal: they must be refused with a `DomainError` and change nothing) or from
those the table allows in the current state (which the guards and the random parameters may
still refuse), at random moments, weekends and nights included.
"""

from __future__ import annotations

import copy
from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from workstation.domain.calendar import LimitUnit, TimeLimit, WorkCalendar
from workstation.domain.case import Case, CaseContext, CaseEvent, evolve, execute, replay
from workstation.domain.errors import DomainError, IllegalTransition, NotFound, PermissionDenied
from workstation.domain.lifecycle import RULES, Action, CaseState, Priority, Source
from workstation.domain.roles import Actor, Role

CAL = WorkCalendar()
CATEGORY_LIMIT = TimeLimit(2, LimitUnit.WORK_DAYS)
CATEGORIES = ("C0101", "E0101")
GRID = "53011400100101"
CASE_ID = 1
OWN_UNIT, OTHER_UNIT = "SZJ", "CGJ"
CHECKER = "jd001"


def handling_limit_of(code: str) -> TimeLimit:
    if code in CATEGORIES:
        return CATEGORY_LIMIT
    raise NotFound(f"未知的问题类别：{code}")


CTX = CaseContext(calendar=CAL, handling_limit_of=handling_limit_of)

ACTORS = (
    Actor("sl01", Role.ACCEPTOR),
    Actor("zbz01", Role.LEADER),
    Actor("pq01", Role.DISPATCHER),
    Actor("szj01", Role.UNIT, unit_code=OWN_UNIT),
    Actor("cgj01", Role.UNIT, unit_code=OTHER_UNIT),
    Actor("admin", Role.ADMIN),
    Actor(CHECKER, Role.SUPERVISOR),
    Actor("jd002", Role.SUPERVISOR),
)
TABLE_ACTIONS = [action for action in Action if action is not Action.REPORT]

# The only actions that may move the handling deadline; the last two clear it.
DEADLINE_MOVERS = frozenset(
    {Action.DISPATCH, Action.APPROVE_EXTENSION, Action.RESTORE, Action.APPROVE_RETURN,
     Action.REOPEN, Action.RECOMPUTE_DEADLINES}
)  # fmt: skip
DEADLINE_CLEARERS = frozenset({Action.APPROVE_RETURN, Action.REOPEN})
HANDLING_STATES = frozenset({CaseState.DISPATCHED, CaseState.AWAITING_CHECK, CaseState.SUSPENDED})

# --- parameters: mostly valid, sometimes missing or malformed ---------------------------------

TEXT = st.sampled_from(["理由", "已处置", "问题复发", None, ""])
REASON = st.sampled_from(["理由", "需结合道路改造工程", "不属于本单位", None])
COMMENT = st.sampled_from(["同意", "未处置到位", "", None])
EXTRA = st.sampled_from(["1 工作日", "4 工作时", "6 小时", "0.5 工作日", "", None, "三天"])


def _params(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A dict strategy; a None value means the key is left out."""
    return st.fixed_dictionaries(fields).map(
        lambda drawn: {key: value for key, value in drawn.items() if value is not None}
    )


PARAMS: dict[Action, st.SearchStrategy[dict[str, Any]]] = {
    Action.REQUEST_VERIFICATION: _params(supervisor=st.sampled_from([CHECKER, "jd002", None])),
    Action.VERIFY: _params(confirmed=st.sampled_from([True, True, False, None]), reason=TEXT),
    Action.FILE: _params(
        category_code=st.sampled_from([None, None, *CATEGORIES, "X9999"]),
        grid_code=st.sampled_from([None, GRID]),
        priority=st.sampled_from([None, "normal", "urgent"]),
        skip_verification=st.sampled_from([None, True]),
    ),
    Action.VOID: _params(reason=REASON),
    Action.DISPATCH: _params(
        unit_code=st.sampled_from([OWN_UNIT, OWN_UNIT, OTHER_UNIT, None]),
        limit=st.sampled_from([None, None, None, "3 工作时", "2 小时", "1.5 工作日", "很快"]),
    ),
    Action.FEEDBACK: _params(result=TEXT),
    Action.REQUEST_RETURN: _params(reason=REASON),
    Action.APPROVE_RETURN: _params(comment=COMMENT),
    Action.REJECT_RETURN: _params(comment=COMMENT),
    Action.REQUEST_EXTENSION: _params(reason=REASON, extra=EXTRA),
    Action.APPROVE_EXTENSION: _params(
        comment=COMMENT, extra=st.sampled_from([None, None, "2 工作时", "3 小时", "-1 工作日"])
    ),
    Action.REJECT_EXTENSION: _params(comment=COMMENT),
    Action.REQUEST_SUSPENSION: _params(reason=REASON),
    Action.APPROVE_SUSPENSION: _params(comment=COMMENT),
    Action.REJECT_SUSPENSION: _params(comment=COMMENT),
    Action.RESTORE: _params(note=TEXT),
    Action.SEND_FOR_CHECK: _params(supervisor=st.sampled_from([CHECKER, CHECKER, "jd002", None])),
    Action.CHECK_PASS: _params(comment=COMMENT),
    Action.CHECK_FAIL: _params(comment=COMMENT),
    Action.APPROVE_SELF_HANDLED: _params(comment=COMMENT),
    Action.REJECT_SELF_HANDLED: _params(comment=COMMENT),
    Action.REMIND: _params(message=TEXT),
    Action.ESCALATE: _params(reason=REASON),
    Action.ESCALATION_REPLY: _params(reply=TEXT),
    Action.MERGE: _params(original_id=st.sampled_from([99, 99, CASE_ID, None])),
    Action.ABSORB_DUPLICATE: _params(duplicate_id=st.sampled_from([7, 8, CASE_ID, None])),
    Action.RECLASSIFY: _params(category_code=st.sampled_from([*CATEGORIES, "X9999", None])),
    Action.NOTE: _params(
        text=TEXT, attachments=st.sampled_from([None, None, ["after.jpg"]]), note=TEXT
    ),
    Action.REOPEN: _params(reason=REASON),
    # A recomputation moves deadlines the case has; it never adds or removes one.
    Action.RECOMPUTE_DEADLINES: _params(
        reason=REASON,
        deadline=st.sampled_from([None, datetime(2026, 7, 1, 10), datetime(2026, 7, 2, 15)]),
        stage_deadline=st.sampled_from([None, datetime(2026, 7, 1, 11)]),
    ),
    Action.REVISIT: _params(
        result=st.sampled_from(["satisfied", "dissatisfied", "not_reached", "满意", "很好", None]),
        comment=COMMENT,
    ),
}
assert set(PARAMS) == set(TABLE_ACTIONS)

# Mostly minutes to hours (within a working day), sometimes days (over weekends and holidays).
TIME_STEPS = st.one_of(
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=3)),
    st.timedeltas(min_value=timedelta(hours=3), max_value=timedelta(days=6)),
)


def _to_second(instant: datetime) -> datetime:
    """Deadlines are stored to the second."""
    return instant.replace(microsecond=0)


def _closed_since_escalated(events: list[CaseEvent]) -> bool:
    """Whether the case was closed or voided after its last 督办 (which ends it)."""
    last = max((i for i, e in enumerate(events) if e.action is Action.ESCALATE), default=None)
    return last is not None and any(not e.to_state.is_open for e in events[last:])


def allowed_targets(event: CaseEvent) -> set[CaseState]:
    """The states the table lets `event` lead to from its from_state."""
    rule = RULES[event.action]
    if event.action is Action.VERIFY:
        return {CaseState.REPORTED if event.payload["confirmed"] else CaseState.VOIDED}
    if event.action is Action.REOPEN:
        return {CaseState.FILED, CaseState.REPORTED}
    assert event.from_state is not None
    return {rule.target or event.from_state}


LEADER, DISPATCHER, ADMIN = ACTORS[1], ACTORS[2], ACTORS[5]
Move = tuple[Action, Actor, dict[str, Any]]


def forward_moves(case: Case) -> list[Move]:
    """Legal moves with valid parameters that take the case further round the loop.

    Random actions alone seldom get past filing; these make the machine reach suspension,
    extension, checks and closing often, while the random steps in between try to break it.
    """
    unit_staff = Actor("unit", Role.UNIT, unit_code=case.unit_code)
    request = {"reason": "理由"}
    match case.state:
        case CaseState.REPORTED if case.self_handled:
            return [(Action.APPROVE_SELF_HANDLED, LEADER, {}),
                    (Action.REJECT_SELF_HANDLED, LEADER, {"comment": "未处置完"})]  # fmt: skip
        case CaseState.REPORTED if case.source.needs_verification and not case.verified:
            return [(Action.REQUEST_VERIFICATION, DISPATCHER, {"supervisor": CHECKER})]
        case CaseState.REPORTED:
            return [(Action.FILE, LEADER, {"category_code": case.category_code or CATEGORIES[0],
                                           "grid_code": GRID})]  # fmt: skip
        case CaseState.VERIFYING:
            # Only the supervisor who was sent may record the result (any, if none was named).
            verifier = Actor(case.verify_supervisor, Role.SUPERVISOR) \
                if case.verify_supervisor else ACTORS[6]  # fmt: skip
            return [(Action.VERIFY, verifier, {"confirmed": True})]
        case CaseState.FILED:
            return [(Action.DISPATCH, DISPATCHER, {"unit_code": OWN_UNIT})]
        case CaseState.DISPATCHED if case.pending_request is not None:
            kind = case.pending_request.value
            return [(Action(f"approve_{kind}"), LEADER, {}),
                    (Action(f"reject_{kind}"), LEADER, {})]  # fmt: skip
        case CaseState.DISPATCHED:
            return [
                (Action.FEEDBACK, unit_staff, {}),
                (Action.FEEDBACK, DISPATCHER, {}),
                (Action.REQUEST_EXTENSION, unit_staff, {**request, "extra": "1 工作日"}),
                (Action.REQUEST_SUSPENSION, unit_staff, request),
                (Action.REQUEST_RETURN, unit_staff, request),
                (Action.REMIND, DISPATCHER, {}),
            ]
        case CaseState.AWAITING_CHECK if case.check_supervisor is None:
            return [(Action.SEND_FOR_CHECK, DISPATCHER, {"supervisor": CHECKER})]
        case CaseState.AWAITING_CHECK:
            checker = Actor(case.check_supervisor, Role.SUPERVISOR)
            return [(Action.CHECK_PASS, checker, {}),
                    (Action.CHECK_FAIL, checker, {"comment": "未处置到位"})]  # fmt: skip
        case CaseState.SUSPENDED:
            return [(Action.RESTORE, LEADER, {})]
        case _:
            return [(Action.REOPEN, ADMIN, {"reason": "问题复发"})]


class CaseLifecycle(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.case: Case | None = None
        self.events: list[CaseEvent] = []
        self.now = datetime(2026, 1, 1)

    # -- steps -------------------------------------------------------------------------------

    @initialize(
        start=st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2026, 6, 30)),
        source=st.sampled_from(Source),
        self_handled=st.booleans(),
        priority=st.sampled_from(Priority),
        category=st.sampled_from([*CATEGORIES, None]),
        grid=st.sampled_from([GRID, GRID, None]),
    )
    def report(
        self, start: datetime, source: Source, self_handled: bool, priority: Priority,
        category: str | None, grid: str | None,
    ) -> None:  # fmt: skip
        self.now = start
        params = {
            "case_id": CASE_ID, "case_no": "CG0001", "description": "井盖破损",
            "source": source.value, "self_handled": self_handled and source is Source.SUPERVISOR,
            "priority": priority.value, "category_code": category, "grid_code": grid,
        }  # fmt: skip
        self.case, event = execute(None, Action.REPORT, ACTORS[0], start, CTX, params)
        self.events = [event]

    @rule(data=st.data(), step=TIME_STEPS)
    def any_action_by_anyone(self, data: st.DataObject, step: timedelta) -> None:
        action = data.draw(st.sampled_from(TABLE_ACTIONS), label="action")
        actor = data.draw(st.sampled_from(ACTORS), label="actor")
        self.apply(action, actor, data.draw(PARAMS[action], label="params"), step)

    @rule(data=st.data(), step=TIME_STEPS)
    def action_the_table_allows(self, data: st.DataObject, step: timedelta) -> None:
        assert self.case is not None
        state = self.case.state
        action = data.draw(
            st.sampled_from([a for a in TABLE_ACTIONS if state in RULES[a].sources]),
            label="action",
        )
        actors = [a for a in ACTORS if a.role in RULES[action].roles]
        actor = data.draw(st.sampled_from(actors), label="actor")
        self.apply(action, actor, data.draw(PARAMS[action], label="params"), step)

    @rule(data=st.data(), step=TIME_STEPS)
    def next_step_round_the_loop(self, data: st.DataObject, step: timedelta) -> None:
        assert self.case is not None
        action, actor, params = data.draw(st.sampled_from(forward_moves(self.case)), label="move")
        accepted = self.apply(action, actor, params, step)
        assert accepted, f"{action} by {actor.role} refused in {self.case.state}"

    def apply(self, action: Action, actor: Actor, params: dict[str, Any], step: timedelta) -> bool:
        """Try the action; an accepted one is checked and recorded. Whether it was accepted."""
        assert self.case is not None
        self.now += step
        before = copy.deepcopy(self.case)
        params_before = copy.deepcopy(params)
        rule_ = RULES[action]
        try:
            new, event = execute(self.case, action, actor, self.now, CTX, params)
        except DomainError as error:
            refusal: DomainError | None = error
        else:
            refusal = None
        assert self.case == before, f"{action} changed the case it was given"
        assert params == params_before, f"{action} changed the caller's params"
        if before.state not in rule_.sources:
            assert type(refusal) is IllegalTransition, f"{action} from {before.state}"
        elif actor.role not in rule_.roles:
            assert type(refusal) is PermissionDenied, f"{action} by {actor.role}"
        if refusal is not None:
            return False
        self.check_event(before, new, event, params)
        self.case = new
        self.events.append(event)
        return True

    # -- what one accepted event must do --------------------------------------------------

    def check_event(
        self, before: Case, after: Case, event: CaseEvent, params: dict[str, Any]
    ) -> None:
        assert event.seq == before.event_count + 1
        assert event.from_state is before.state is self.events[-1].to_state
        assert event.to_state in allowed_targets(event)
        assert event.at == self.now
        if after.deadline != before.deadline:
            assert event.action in DEADLINE_MOVERS, f"{event.action} moved the deadline"
        if event.action in DEADLINE_CLEARERS:
            assert after.deadline is None
        if event.action is Action.DISPATCH:
            self.check_dispatch_deadline(before, after, params)
        elif event.action is Action.APPROVE_EXTENSION:
            assert before.deadline is not None
            extra = TimeLimit.parse(event.payload["extra"])
            assert after.deadline == _to_second(CAL.deadline(before.deadline, extra))
        elif event.action is Action.RESTORE:
            self.check_time_given_back(before, after, event.at)

    def check_dispatch_deadline(self, before: Case, after: Case, params: dict[str, Any]) -> None:
        if params.get("limit"):
            limit = TimeLimit.parse(params["limit"])
        elif before.priority is Priority.URGENT:
            limit = CTX.stage_limits.urgent_handling
        else:
            limit = CATEGORY_LIMIT
        assert after.handling_limit == str(limit)
        assert after.deadline == _to_second(CAL.deadline(self.now, limit))

    def check_time_given_back(self, before: Case, after: Case, restored: datetime) -> None:
        assert before.deadline is not None
        assert before.suspended_at is not None
        assert before.handling_limit is not None
        assert after.deadline is not None
        if TimeLimit.parse(before.handling_limit).unit.is_working_time:
            left = CAL.working_seconds(before.suspended_at, before.deadline)
            given = CAL.working_seconds(restored, after.deadline)
        else:
            left = max((before.deadline - before.suspended_at).total_seconds(), 0.0)
            given = (after.deadline - restored).total_seconds()
        assert abs(given - left) <= 1, (left, given)

    # -- what holds after every step --------------------------------------------------------

    @invariant()
    def state_is_the_replay_of_the_events(self) -> None:
        if self.case is None:
            return
        assert [e.seq for e in self.events] == list(range(1, len(self.events) + 1))
        assert replay(self.events) == self.case
        assert self.case.event_count == len(self.events)
        assert self.case.state is self.events[-1].to_state

    @invariant()
    def events_chain_through_the_table(self) -> None:
        if self.case is None:
            return
        assert self.events[0].from_state is None
        assert self.events[0].to_state is CaseState.REPORTED
        for previous, event in zip(self.events, self.events[1:], strict=False):
            assert event.from_state is previous.to_state
            assert event.to_state in allowed_targets(event)

    @invariant()
    def counters_count_their_events(self) -> None:
        if self.case is None:
            return
        counts = Counter(e.action for e in self.events)
        assert self.case.rework_count == counts[Action.CHECK_FAIL]
        assert self.case.remind_count == counts[Action.REMIND]
        assert self.case.extension_count == counts[Action.APPROVE_EXTENSION]
        assert self.case.return_count == counts[Action.APPROVE_RETURN]
        assert self.case.is_key == (counts[Action.ESCALATE] > 0)
        # A 督办 is given again only after the unit replied to the last one (or the case
        # was closed and reopened).
        replies = counts[Action.ESCALATION_REPLY] + counts[Action.REOPEN]
        assert counts[Action.ESCALATE] <= replies + 1
        last = next((e.action for e in reversed(self.events)
                     if e.action in (Action.ESCALATE, Action.ESCALATION_REPLY)), None)  # fmt: skip
        assert self.case.escalation_open == (last is Action.ESCALATE and self.case.is_open and
                                             not _closed_since_escalated(self.events))  # fmt: skip

    @invariant()
    def deadline_moves_only_by_dispatch_extension_restore_return_or_reopen(self) -> None:
        if self.case is None:
            return
        case: Case | None = None
        for event in self.events:
            previous = case.deadline if case is not None else None
            case = evolve(case, event)
            if case.deadline != previous:
                assert event.action in DEADLINE_MOVERS

    @invariant()
    def each_state_has_what_it_needs(self) -> None:
        case = self.case
        if case is None:
            return
        closed = case.state is CaseState.CLOSED
        assert closed == (case.check_passed or case.closed_by_self_handling)
        assert not (case.check_passed and case.closed_by_self_handling)
        assert closed == (case.closed_at is not None)
        if case.state in HANDLING_STATES:
            assert case.unit_code is not None
            assert case.deadline is not None
            assert case.handling_limit is not None
            assert case.dispatched_at is not None
        elif case.state is not CaseState.CLOSED:  # a closed case keeps who handled it, when
            assert case.deadline is None
            assert case.unit_code is None
        if case.state in (CaseState.FILED, *HANDLING_STATES) or case.check_passed:
            assert case.category_code is not None
            assert case.grid_code is not None
        if not case.is_open:
            assert case.stage_deadline is None
        assert (case.suspended_at is not None) == (case.state is CaseState.SUSPENDED)
        if case.pending_request is not None:
            assert case.state is CaseState.DISPATCHED
        if case.check_supervisor is not None:  # a closed case keeps who checked it
            assert case.state in (CaseState.AWAITING_CHECK, CaseState.CLOSED)
        if case.merged_into is not None:
            assert case.state is CaseState.VOIDED
        assert len(set(case.duplicate_ids)) == len(case.duplicate_ids)  # listed once
        assert CASE_ID not in case.duplicate_ids


CaseLifecycle.TestCase.settings = settings(max_examples=200, stateful_step_count=30, deadline=None)
TestCaseLifecycle = CaseLifecycle.TestCase
