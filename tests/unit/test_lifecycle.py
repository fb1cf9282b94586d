"""The case state machine: every cell of the transition table, the guards, deadlines, counters.

Cases are brought into a state only through legal actions (`case_in`), against a fake
context: the real working calendar and a catalog in which every known category has a
handling limit of 2 工作日. March 2026 has no public holidays, so the hand-worked deadlines
below only skip weekends (1 工作日 = 6.5 工作时, office hours 09:00–12:00 and 14:30–18:00).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest

from workstation.domain.calendar import LimitUnit, TimeLimit, WorkCalendar
from workstation.domain.case import (
    Case,
    CaseContext,
    CaseEvent,
    StageLimits,
    decide,
    evolve,
    execute,
    replay,
)
from workstation.domain.errors import (
    DomainError,
    IllegalTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from workstation.domain.lifecycle import RULES, Action, CaseState, Priority, RequestKind
from workstation.domain.roles import Actor, Role

START = datetime(2026, 3, 9, 9, 0)  # a Monday
STEP = timedelta(minutes=30)
CAL = WorkCalendar()  # shared: its caches keep the test fast
CATEGORY_LIMIT = TimeLimit(2, LimitUnit.WORK_DAYS)
CATEGORY = "C0101"  # 井盖
OTHER_CATEGORY = "E0101"  # 暴露垃圾
GRID = "53011400100101"
CASE_NO = "CG20260309001"
OWN_UNIT = "SZJ"
OTHER_UNIT = "CGJ"
CHECKER = "jd001"  # the supervisor the check is sent to


def handling_limit_of(code: str) -> TimeLimit:
    if code in (CATEGORY, OTHER_CATEGORY):
        return CATEGORY_LIMIT
    raise NotFound(f"未知的问题类别：{code}")


# Stage limits all different, so that a stage deadline shows which stage it belongs to.
STAGES = StageLimits(file=TimeLimit(30, LimitUnit.NATURAL_MINUTES))
CTX = CaseContext(calendar=CAL, handling_limit_of=handling_limit_of, stage_limits=STAGES)

ACTORS: dict[Role, Actor] = {
    Role.ACCEPTOR: Actor("sl01", Role.ACCEPTOR, "受理员甲"),
    Role.LEADER: Actor("zbz01", Role.LEADER, "值班长甲"),
    Role.DISPATCHER: Actor("pq01", Role.DISPATCHER, "派遣员甲"),
    Role.UNIT: Actor("szj01", Role.UNIT, "市政局甲", unit_code=OWN_UNIT),
    Role.ADMIN: Actor("admin", Role.ADMIN, "管理员"),
    Role.SUPERVISOR: Actor(CHECKER, Role.SUPERVISOR, "监督员甲"),
}
OTHER_UNIT_STAFF = Actor("cgj01", Role.UNIT, "城管局甲", unit_code=OTHER_UNIT)
OTHER_SUPERVISOR = Actor("jd002", Role.SUPERVISOR, "监督员乙")

Step = tuple[Action, Role, dict[str, Any]]


@dataclass
class History:
    """One case and its events; every action goes through `execute` with the shared context."""

    case: Case
    events: list[CaseEvent]
    now: datetime

    def do(
        self, action: Action, who: Role | Actor, params: Mapping[str, Any] | None = None,
        *, at: datetime | None = None,
    ) -> CaseEvent:  # fmt: skip
        self.now = at if at is not None else self.now + STEP
        actor = ACTORS[who] if isinstance(who, Role) else who
        self.case, event = execute(self.case, action, actor, self.now, CTX, params)
        self.events.append(event)
        return event

    def refused(
        self, error: type[DomainError], action: Action, who: Role | Actor,
        params: Mapping[str, Any] | None = None,
    ) -> str:  # fmt: skip
        """Assert that the action is refused with `error` and changes nothing; the message."""
        actor = ACTORS[who] if isinstance(who, Role) else who
        before = copy.deepcopy(self.case)
        with pytest.raises(error) as refusal:
            decide(self.case, action, actor, self.now + STEP, CTX, params)
        assert self.case == before
        assert refusal.type is error  # not merely a subclass
        return str(refusal.value)


def report(*, at: datetime = START, **overrides: Any) -> History:
    params: dict[str, Any] = {
        "case_id": 1,
        "case_no": CASE_NO,
        "source": "supervisor",
        "description": "人行道井盖破损",
        "address": "呈贡区吴家营街道雨花路",
        "category_code": CATEGORY,
        "grid_code": GRID,
    }
    params.update(overrides)
    case, event = execute(None, Action.REPORT, ACTORS[Role.ACCEPTOR], at, CTX, params)
    return History(case, [event], at)


_TO_FILED: list[Step] = [(Action.FILE, Role.LEADER, {})]
_TO_DISPATCHED = [*_TO_FILED, (Action.DISPATCH, Role.DISPATCHER, {"unit_code": OWN_UNIT})]
_TO_AWAITING = [*_TO_DISPATCHED, (Action.FEEDBACK, Role.UNIT, {"result": "已更换井盖"})]
PATHS: dict[CaseState, list[Step]] = {
    CaseState.REPORTED: [],
    CaseState.VERIFYING: [(Action.REQUEST_VERIFICATION, Role.DISPATCHER, {"supervisor": CHECKER})],
    CaseState.FILED: _TO_FILED,
    CaseState.DISPATCHED: _TO_DISPATCHED,
    CaseState.AWAITING_CHECK: _TO_AWAITING,
    CaseState.SUSPENDED: [
        *_TO_DISPATCHED,
        (Action.REQUEST_SUSPENSION, Role.UNIT, {"reason": "需结合道路改造工程"}),
        (Action.APPROVE_SUSPENSION, Role.LEADER, {}),
    ],
    CaseState.CLOSED: [
        *_TO_AWAITING,
        (Action.SEND_FOR_CHECK, Role.DISPATCHER, {"supervisor": CHECKER}),
        (Action.CHECK_PASS, Role.SUPERVISOR, {}),
    ],
    CaseState.VOIDED: [(Action.VOID, Role.LEADER, {"reason": "不属于受理范围"})],
}


# A citizen's report is verified on site before it can be filed.
_VERIFIED: list[Step] = [
    (Action.REQUEST_VERIFICATION, Role.DISPATCHER, {"supervisor": CHECKER}),
    (Action.VERIFY, Role.SUPERVISOR, {"confirmed": True}),
]


def case_in(state: CaseState, **report_overrides: Any) -> History:
    """A case reported and then taken through legal actions into `state`."""
    history = report(**report_overrides)
    path = PATHS[state]
    if history.case.source.needs_verification and any(a is Action.FILE for a, _, _ in path):
        path = [*_VERIFIED, *path]
    for action, role, params in path:
        history.do(action, role, params)
    assert history.case.state is state
    return history


@pytest.fixture
def make_case() -> Callable[..., History]:
    return case_in


# --- what each action needs so that its guard holds -------------------------------------

# Actions that need something done first in the same state (a pending request, a check).
PREPARATION: dict[Action, list[Step]] = {
    **{
        action: [(Action.REQUEST_RETURN, Role.UNIT, {"reason": "不属于本单位职责"})]
        for action in (Action.APPROVE_RETURN, Action.REJECT_RETURN)
    },
    **{
        action: [
            (Action.REQUEST_EXTENSION, Role.UNIT, {"reason": "需采购井盖", "extra": "1 工作日"})
        ]
        for action in (Action.APPROVE_EXTENSION, Action.REJECT_EXTENSION)
    },
    **{
        action: [(Action.REQUEST_SUSPENSION, Role.UNIT, {"reason": "需结合道路改造工程"})]
        for action in (Action.APPROVE_SUSPENSION, Action.REJECT_SUSPENSION)
    },
    **{
        action: [(Action.SEND_FOR_CHECK, Role.DISPATCHER, {"supervisor": CHECKER})]
        for action in (Action.CHECK_PASS, Action.CHECK_FAIL)
    },
    Action.ESCALATION_REPLY: [(Action.ESCALATE, Role.DISPATCHER, {"reason": "群众反映强烈"})],
}
# Actions that only apply to a 先行处置 report.
REPORT_OVERRIDES: dict[Action, dict[str, Any]] = {
    Action.APPROVE_SELF_HANDLED: {"self_handled": True, "category_code": None},
    Action.REJECT_SELF_HANDLED: {"self_handled": True},
    Action.REVISIT: {"source": "hotline_12345"},  # only citizens are called back
}
VALID_PARAMS: dict[Action, dict[str, Any]] = {
    Action.REQUEST_VERIFICATION: {"supervisor": CHECKER},
    Action.VERIFY: {"confirmed": True},
    Action.FILE: {},
    Action.VOID: {"reason": "不属于受理范围"},
    Action.DISPATCH: {"unit_code": OWN_UNIT},
    Action.FEEDBACK: {"result": "已更换井盖"},
    Action.REQUEST_RETURN: {"reason": "不属于本单位职责"},
    Action.APPROVE_RETURN: {"comment": "同意"},
    Action.REJECT_RETURN: {"comment": "属于本单位职责"},
    Action.REQUEST_EXTENSION: {"reason": "需采购井盖", "extra": "1 工作日"},
    Action.APPROVE_EXTENSION: {},
    Action.REJECT_EXTENSION: {"comment": "时限充足"},
    Action.REQUEST_SUSPENSION: {"reason": "需结合道路改造工程"},
    Action.APPROVE_SUSPENSION: {},
    Action.REJECT_SUSPENSION: {"comment": "不符合挂账条件"},
    Action.RESTORE: {},
    Action.SEND_FOR_CHECK: {"supervisor": CHECKER},
    Action.CHECK_PASS: {},
    Action.CHECK_FAIL: {"comment": "井盖仍未固定"},
    Action.APPROVE_SELF_HANDLED: {},
    Action.REJECT_SELF_HANDLED: {"comment": "照片不清晰"},
    Action.REMIND: {"message": "请尽快处置"},
    Action.ESCALATE: {"reason": "主干道安全隐患"},
    Action.ESCALATION_REPLY: {"reply": "已安排人员今日处置"},
    Action.MERGE: {"original_id": 99, "original_no": "CG20260308007"},
    Action.ABSORB_DUPLICATE: {"duplicate_id": 98, "duplicate_no": "CG20260309002"},
    Action.RECLASSIFY: {"category_code": OTHER_CATEGORY},
    Action.NOTE: {"text": "已电话联系市政局"},
    Action.REOPEN: {"reason": "市民投诉问题复发"},
    Action.RECOMPUTE_DEADLINES: {"reason": "工作日历变更"},  # deadlines: see _valid_params
    Action.REVISIT: {"result": "satisfied", "comment": "市民表示问题已解决"},
}
assert set(VALID_PARAMS) == set(Action) - {Action.REPORT}

# Allowed by the table but refused by a role-dependent guard: a filed case is voided
# (or merged away as a duplicate, which voids it too) only by the shift leader.
LEADER_ONLY_ON_FILED = {
    (Action.VOID, CaseState.FILED, Role.ACCEPTOR),
    (Action.MERGE, CaseState.FILED, Role.ACCEPTOR),
    (Action.MERGE, CaseState.FILED, Role.DISPATCHER),
}


# The same, for one action in one state: a check reminder needs a check sent.
PREPARATION_IN_STATE: dict[tuple[Action, CaseState], list[Step]] = {
    (Action.REMIND, CaseState.AWAITING_CHECK):
        [(Action.SEND_FOR_CHECK, Role.DISPATCHER, {"supervisor": CHECKER})],
}  # fmt: skip


def ready_for(action: Action, state: CaseState) -> History:
    """A case in `state` on which the guard of `action` holds."""
    history = case_in(state, **REPORT_OVERRIDES.get(action, {}))
    for step in PREPARATION.get(action, []) + PREPARATION_IN_STATE.get((action, state), []):
        history.do(*step)
    return history


def expected_state(action: Action, source: CaseState, params: Mapping[str, Any]) -> CaseState:
    if action is Action.VERIFY:
        return CaseState.REPORTED if params.get("confirmed", True) else CaseState.VOIDED
    if action is Action.REOPEN:
        return CaseState.FILED if source is CaseState.CLOSED else CaseState.REPORTED
    return RULES[action].target or source


def _ordered(items: frozenset[Any], enum_type: Any) -> list[Any]:
    return [item for item in enum_type if item in items]


TABLE_ACTIONS = [action for action in Action if action is not Action.REPORT]
# Unit staff annotate only their own unit's cases: before dispatch there is no owner.
UNOWNED_NOTE = {
    (Action.NOTE, state, Role.UNIT)
    for state in (CaseState.REPORTED, CaseState.VERIFYING, CaseState.FILED, CaseState.VOIDED)
}
ALLOWED = [
    (action, state, role)
    for action in TABLE_ACTIONS
    for state in _ordered(RULES[action].sources, CaseState)
    for role in _ordered(RULES[action].roles, Role)
    if (action, state, role) not in LEADER_ONLY_ON_FILED | UNOWNED_NOTE
]
NOT_A_SOURCE = [
    (action, state)
    for action in TABLE_ACTIONS
    for state in CaseState
    if state not in RULES[action].sources
]
ROLE_NOT_ALLOWED = [
    (action, state, role)
    for action in TABLE_ACTIONS
    for state in _ordered(RULES[action].sources, CaseState)
    for role in Role
    if role not in RULES[action].roles
]


def _moved_deadlines(case: Case) -> dict[str, Any]:
    """Each deadline the case has, an hour later (what a recomputation might give)."""
    hour = timedelta(hours=1)
    return {key: getattr(case, key) + hour for key in ("deadline", "stage_deadline")
            if getattr(case, key) is not None}  # fmt: skip


def _id(value: Any) -> str:
    return str(value.value) if hasattr(value, "value") else str(value)


# --- 1. every cell of the transition table ------------------------------------------------


def test_every_action_but_report_has_a_source_state_and_a_role() -> None:
    for action in TABLE_ACTIONS:
        assert RULES[action].sources, action
        assert RULES[action].roles, action
    assert not RULES[Action.REPORT].sources


@pytest.mark.parametrize(("action", "state", "role"), ALLOWED, ids=_id)
def test_allowed_transition_lands_in_the_table_target(
    action: Action, state: CaseState, role: Role
) -> None:
    history = ready_for(action, state)
    seq_before = history.case.event_count
    params = VALID_PARAMS[action]
    if action is Action.RECOMPUTE_DEADLINES:  # the new deadlines depend on the case
        params = {**params, **_moved_deadlines(history.case)}

    event = history.do(action, role, params)

    expected = expected_state(action, state, params)
    assert (event.action, event.role, event.actor) == (action, role, ACTORS[role].username)
    assert (event.from_state, event.to_state) == (state, expected)
    assert history.case.state is expected
    assert event.seq == seq_before + 1 == history.case.event_count
    assert replay(history.events) == history.case


def test_verify_not_confirmed_voids_the_report(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.VERIFYING, source="hotline_12345")
    event = history.do(
        Action.VERIFY, Role.SUPERVISOR, {"confirmed": False, "reason": "现场无此问题"}
    )
    assert (event.from_state, event.to_state) == (CaseState.VERIFYING, CaseState.VOIDED)
    assert history.case.void_reason == "现场无此问题"
    assert not history.case.verified
    assert history.case.stage_deadline is None


def test_verify_confirmed_marks_the_report_verified(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.VERIFYING, source="hotline_12345")
    history.do(Action.VERIFY, Role.SUPERVISOR, {"confirmed": True})
    assert history.case.state is CaseState.REPORTED
    assert history.case.verified


@pytest.mark.parametrize(("action", "state"), NOT_A_SOURCE, ids=_id)
def test_action_from_a_state_that_is_not_a_source_is_an_illegal_transition(
    action: Action, state: CaseState
) -> None:
    history = case_in(state)
    allowed_role = _ordered(RULES[action].roles, Role)[0]
    message = history.refused(IllegalTransition, action, allowed_role, VALID_PARAMS[action])
    assert message == f"案件 {CASE_NO} 处于『{state.label}』，不能{action.label}"


@pytest.mark.parametrize(("action", "state", "role"), ROLE_NOT_ALLOWED, ids=_id)
def test_role_not_in_the_rule_is_denied(action: Action, state: CaseState, role: Role) -> None:
    history = ready_for(action, state)
    message = history.refused(PermissionDenied, action, role, VALID_PARAMS[action])
    assert message.startswith(f"{role.label}无权{action.label}（仅限")
    for allowed in RULES[action].roles:
        assert allowed.label in message


@pytest.mark.parametrize("role", [r for r in Role if r not in RULES[Action.REPORT].roles])
def test_report_by_a_role_that_may_not_report_is_denied(role: Role) -> None:
    params = {"case_id": 1, "case_no": CASE_NO, "description": "井盖破损"}
    with pytest.raises(PermissionDenied, match=f"^{role.label}无权上报"):
        decide(None, Action.REPORT, ACTORS[role], START, CTX, params)


def test_reporting_an_existing_case_again_is_illegal(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.REPORTED)
    params = {"case_id": 1, "case_no": CASE_NO, "description": "井盖破损"}
    assert history.refused(IllegalTransition, Action.REPORT, Role.ACCEPTOR, params) == (
        "案件已存在，不能重复上报"
    )


def test_action_without_a_case_is_refused() -> None:
    with pytest.raises(ValidationError, match="^派遣需要一个已存在的案件$"):
        decide(None, Action.DISPATCH, ACTORS[Role.DISPATCHER], START, CTX, {"unit_code": "SZJ"})


def test_reopen_a_closed_case_starts_again_from_filed(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.CLOSED)
    history.do(Action.REOPEN, Role.ADMIN, {"reason": "问题复发"})
    case = history.case
    assert case.state is CaseState.FILED
    assert (case.category_code, case.grid_code) == (CATEGORY, GRID)
    assert not case.check_passed
    assert case.closed_at is None
    assert (case.unit_code, case.deadline, case.check_supervisor) == (None, None, None)
    assert case.stage_deadline == CAL.deadline(history.now, STAGES.dispatch)


def test_reopen_a_voided_case_starts_again_from_reported(
    make_case: Callable[..., History],
) -> None:
    history = make_case(CaseState.REPORTED)
    history.do(Action.MERGE, Role.ACCEPTOR, {"original_id": 99})
    history.do(Action.REOPEN, Role.ADMIN, {"reason": "并非重复"})
    case = history.case
    assert case.state is CaseState.REPORTED
    assert (case.merged_into, case.void_reason) == (None, "")
    assert case.stage_deadline == CAL.deadline(history.now, STAGES.file)


def test_reopen_an_unverified_voided_report_restarts_the_verification_clock() -> None:
    history = report(source="hotline_12319")
    history.do(Action.VOID, Role.ACCEPTOR, {"reason": "重复来电"})
    history.do(Action.REOPEN, Role.ADMIN, {"reason": "并非重复"})
    assert history.case.state is CaseState.REPORTED
    assert history.case.stage_deadline == CAL.deadline(history.now, STAGES.verify)
    history.refused(IllegalTransition, Action.FILE, Role.LEADER)  # still needs verification


def test_reopen_a_self_handled_closure_goes_back_to_reported_not_filed() -> None:
    # Closed by 先行处置 straight from "reported": it was never filed, so it has no category
    # and must not come back as a filed case; the leader files it like any report.
    history = report(self_handled=True, category_code=None)
    history.do(Action.APPROVE_SELF_HANDLED, Role.LEADER)
    history.do(Action.REOPEN, Role.ADMIN, {"reason": "现场复查仍有问题"})
    assert history.case.state is CaseState.REPORTED
    assert not history.case.self_handled
    assert not history.case.closed_by_self_handling
    history.do(Action.FILE, Role.LEADER, {"category_code": CATEGORY})
    assert history.case.state is CaseState.FILED


def test_reopen_needs_a_reason(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.CLOSED)
    assert history.refused(ValidationError, Action.REOPEN, Role.ADMIN, {}) == "请填写重新打开的原因"


# --- 2. guards ------------------------------------------------------------------------------

UNIT_SCOPED = [
    (Action.NOTE, {"text": "现场已围挡"}),
    (Action.FEEDBACK, {"result": "已处置"}),
    (Action.REQUEST_RETURN, {"reason": "不属于本单位"}),
    (Action.REQUEST_EXTENSION, {"reason": "需采购", "extra": "1 工作日"}),
    (Action.REQUEST_SUSPENSION, {"reason": "需结合工程"}),
]


@pytest.mark.parametrize(("action", "params"), UNIT_SCOPED, ids=_id)
def test_unit_staff_act_only_on_their_own_units_cases(
    make_case: Callable[..., History], action: Action, params: dict[str, Any]
) -> None:
    history = make_case(CaseState.DISPATCHED)
    message = history.refused(PermissionDenied, action, OTHER_UNIT_STAFF, params)
    assert message == f"案件 {CASE_NO} 不属于本单位，不能{action.label}"
    history.do(action, Role.UNIT, params)  # the owning unit may


DECISIONS = [
    (Action.APPROVE_RETURN, RequestKind.RETURN),
    (Action.REJECT_RETURN, RequestKind.RETURN),
    (Action.APPROVE_EXTENSION, RequestKind.EXTENSION),
    (Action.REJECT_EXTENSION, RequestKind.EXTENSION),
    (Action.APPROVE_SUSPENSION, RequestKind.SUSPENSION),
    (Action.REJECT_SUSPENSION, RequestKind.SUSPENSION),
]


@pytest.mark.parametrize(("action", "kind"), DECISIONS, ids=_id)
def test_decision_without_a_pending_request_is_refused(
    make_case: Callable[..., History], action: Action, kind: RequestKind
) -> None:
    history = make_case(CaseState.DISPATCHED)
    message = history.refused(IllegalTransition, action, Role.LEADER, VALID_PARAMS[action])
    assert message == f"案件 {CASE_NO} 没有待审批的{kind.label}申请"


@pytest.mark.parametrize(("action", "kind"), DECISIONS, ids=_id)
def test_decision_on_a_request_of_another_kind_is_refused(
    make_case: Callable[..., History], action: Action, kind: RequestKind
) -> None:
    history = make_case(CaseState.DISPATCHED)
    other = next(k for k in RequestKind if k is not kind)
    request = {
        RequestKind.RETURN: Action.REQUEST_RETURN,
        RequestKind.EXTENSION: Action.REQUEST_EXTENSION,
        RequestKind.SUSPENSION: Action.REQUEST_SUSPENSION,
    }[other]
    history.do(request, Role.UNIT, VALID_PARAMS[request])
    history.refused(IllegalTransition, action, Role.LEADER, VALID_PARAMS[action])
    assert history.case.pending_request is other


@pytest.mark.parametrize("first", [a for a, _ in UNIT_SCOPED if a.value.startswith("request")])
@pytest.mark.parametrize("second", [a for a, _ in UNIT_SCOPED if a.value.startswith("request")])
def test_second_request_while_one_is_pending_is_refused(
    make_case: Callable[..., History], first: Action, second: Action
) -> None:
    history = make_case(CaseState.DISPATCHED)
    history.do(first, Role.UNIT, VALID_PARAMS[first])
    message = history.refused(IllegalTransition, second, Role.UNIT, VALID_PARAMS[second])
    assert message.startswith(f"案件 {CASE_NO} 已有待审批的")


def test_feedback_while_a_request_is_pending_is_refused(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.DISPATCHED)
    history.do(Action.REQUEST_EXTENSION, Role.UNIT, VALID_PARAMS[Action.REQUEST_EXTENSION])
    message = history.refused(IllegalTransition, Action.FEEDBACK, Role.UNIT)
    assert message == f"案件 {CASE_NO} 有待审批的延期申请，请先等待值班长处理"


def test_a_decided_request_frees_the_case_for_the_next_one(
    make_case: Callable[..., History],
) -> None:
    history = make_case(CaseState.DISPATCHED)
    history.do(Action.REQUEST_EXTENSION, Role.UNIT, VALID_PARAMS[Action.REQUEST_EXTENSION])
    history.do(Action.REJECT_EXTENSION, Role.LEADER, {"comment": "时限充足"})
    assert (history.case.pending_request, history.case.pending_payload) == (None, {})
    history.do(Action.REQUEST_RETURN, Role.UNIT, {"reason": "不属于本单位"})
    assert history.case.pending_request is RequestKind.RETURN
    assert history.case.pending_payload == {"reason": "不属于本单位"}


@pytest.mark.parametrize("action", [Action.CHECK_PASS, Action.CHECK_FAIL])
@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.DISPATCHER])
def test_check_result_before_the_check_was_sent_is_refused(
    make_case: Callable[..., History], action: Action, role: Role
) -> None:
    history = make_case(CaseState.AWAITING_CHECK)
    message = history.refused(IllegalTransition, action, role, VALID_PARAMS[action])
    assert message == f"案件 {CASE_NO} 尚未派发核查，不能录入核查结果"


@pytest.mark.parametrize("action", [Action.CHECK_PASS, Action.CHECK_FAIL])
def test_only_the_supervisor_sent_records_the_check(
    make_case: Callable[..., History], action: Action
) -> None:
    history = make_case(CaseState.AWAITING_CHECK)
    history.do(Action.SEND_FOR_CHECK, Role.DISPATCHER, {"supervisor": CHECKER})
    message = history.refused(PermissionDenied, action, OTHER_SUPERVISOR, VALID_PARAMS[action])
    assert message == f"案件 {CASE_NO} 的核查任务不是派给你的"
    history.do(action, Role.DISPATCHER, VALID_PARAMS[action])  # the centre may key it in


def test_a_new_feedback_needs_a_new_check_task(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.AWAITING_CHECK)
    history.do(Action.SEND_FOR_CHECK, Role.DISPATCHER, {"supervisor": CHECKER})
    history.do(Action.CHECK_FAIL, Role.SUPERVISOR, {"comment": "未处置"})
    history.do(Action.FEEDBACK, Role.UNIT)
    assert history.case.check_supervisor is None
    history.refused(IllegalTransition, Action.CHECK_PASS, Role.SUPERVISOR)


def test_check_fail_needs_a_comment(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.AWAITING_CHECK)
    history.do(Action.SEND_FOR_CHECK, Role.DISPATCHER, {"supervisor": CHECKER})
    message = history.refused(ValidationError, Action.CHECK_FAIL, Role.SUPERVISOR, {"comment": ""})
    assert message == "核查不通过需要说明原因"


def test_send_for_check_needs_a_supervisor(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.AWAITING_CHECK)
    assert history.refused(ValidationError, Action.SEND_FOR_CHECK, Role.DISPATCHER) == (
        "请填写核查监督员"
    )


@pytest.mark.parametrize(
    ("missing", "message"),
    [("category_code", "立案需要选择问题类别"), ("grid_code", "立案需要确定所在单元网格")],
)
def test_file_without_category_or_grid_is_refused(missing: str, message: str) -> None:
    history = report(**{missing: None})
    assert history.refused(ValidationError, Action.FILE, Role.LEADER) == f"案件 {CASE_NO} {message}"
    history.do(
        Action.FILE, Role.LEADER, {missing: {"category_code": CATEGORY, "grid_code": GRID}[missing]}
    )
    assert (history.case.category_code, history.case.grid_code) == (CATEGORY, GRID)


def test_file_with_an_unknown_category_is_refused() -> None:
    history = report()
    message = history.refused(NotFound, Action.FILE, Role.LEADER, {"category_code": "X9999"})
    assert message == "未知的问题类别：X9999"


@pytest.mark.parametrize("source", ["hotline_12345", "hotline_12319", "walk_in", "platform"])
def test_file_of_an_unverified_report_is_refused(source: str) -> None:
    history = report(source=source)
    message = history.refused(IllegalTransition, Action.FILE, Role.LEADER)
    assert message.startswith(f"案件 {CASE_NO} 来自")
    assert message.endswith("需先经监督员核实才能立案")
    history.do(Action.REQUEST_VERIFICATION, Role.ACCEPTOR, {"supervisor": CHECKER})
    history.do(Action.VERIFY, Role.SUPERVISOR, {"confirmed": True})
    history.do(Action.FILE, Role.LEADER)
    assert history.case.state is CaseState.FILED


def test_leader_may_file_an_unverified_report_explicitly() -> None:
    history = report(source="hotline_12345")
    history.do(Action.FILE, Role.LEADER, {"skip_verification": True})
    assert history.case.state is CaseState.FILED


def test_file_of_a_self_handled_report_is_refused() -> None:
    history = report(self_handled=True)
    message = history.refused(IllegalTransition, Action.FILE, Role.LEADER)
    assert message == f"案件 {CASE_NO} 为先行处置上报，请批准或驳回先行处置"
    history.do(Action.REJECT_SELF_HANDLED, Role.LEADER, {"comment": "照片显示未处置完"})
    history.do(Action.FILE, Role.LEADER)
    assert history.case.state is CaseState.FILED


def test_only_supervisor_reports_may_be_self_handled() -> None:
    params = {"case_id": 1, "case_no": CASE_NO, "description": "井盖破损",
              "source": "hotline_12345", "self_handled": True}  # fmt: skip
    with pytest.raises(ValidationError, match="^只有监督员上报的问题可以先行处置$"):
        decide(None, Action.REPORT, ACTORS[Role.ACCEPTOR], START, CTX, params)


def test_void_of_a_filed_case_needs_the_leader(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.FILED)
    message = history.refused(PermissionDenied, Action.VOID, Role.ACCEPTOR, {"reason": "重复"})
    assert message == f"案件 {CASE_NO} 已立案，作废需值班长批准"
    history.do(Action.VOID, Role.LEADER, {"reason": "重复"})
    assert (history.case.state, history.case.void_reason) == (CaseState.VOIDED, "重复")


@pytest.mark.parametrize("state", [CaseState.REPORTED, CaseState.VERIFYING])
def test_acceptor_may_void_a_report_not_yet_filed(
    make_case: Callable[..., History], state: CaseState
) -> None:
    history = make_case(state)
    history.do(Action.VOID, Role.ACCEPTOR, {"reason": "不属于受理范围"})
    assert history.case.state is CaseState.VOIDED


@pytest.mark.parametrize("role", [Role.ACCEPTOR, Role.DISPATCHER])
def test_merging_a_filed_case_away_needs_the_leader_like_voiding_it(
    make_case: Callable[..., History], role: Role
) -> None:
    history = make_case(CaseState.FILED)
    message = history.refused(PermissionDenied, Action.MERGE, role, {"original_id": 99})
    assert message == f"案件 {CASE_NO} 已立案，合并作废需值班长批准"
    history.do(Action.MERGE, Role.LEADER, {"original_id": 99})
    assert history.case.state is CaseState.VOIDED


def test_void_needs_a_reason(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.REPORTED)
    assert history.refused(ValidationError, Action.VOID, Role.LEADER, {"reason": ""}) == (
        "请填写作废原因"
    )


def test_escalate_twice_is_refused(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.DISPATCHED)
    history.do(Action.ESCALATE, Role.DISPATCHER, {"reason": "主干道"})
    message = history.refused(IllegalTransition, Action.ESCALATE, Role.LEADER)
    assert message == f"案件 {CASE_NO} 已在督办中，等待处置单位回复"


def test_escalate_needs_an_instruction(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.DISPATCHED)
    message = history.refused(ValidationError, Action.ESCALATE, Role.DISPATCHER, {"reason": " "})
    assert message == "请填写督办意见"


def test_the_unit_replies_to_an_escalation_which_may_then_be_given_again(
    make_case: Callable[..., History],
) -> None:
    history = make_case(CaseState.DISPATCHED)
    assert history.refused(IllegalTransition, Action.ESCALATION_REPLY, Role.UNIT,
                           {"reply": "已处置"}) == f"案件 {CASE_NO} 没有待回复的督办"  # fmt: skip
    history.do(Action.ESCALATE, Role.DISPATCHER, {"reason": "群众反映强烈，请限期处置"})
    assert history.case.escalation_open
    assert history.refused(ValidationError, Action.ESCALATION_REPLY, Role.UNIT,
                           {"reply": ""}) == "请填写督办回复"  # fmt: skip
    refused = history.refused(PermissionDenied, Action.ESCALATION_REPLY, OTHER_UNIT_STAFF,
                              {"reply": "已处置"})  # fmt: skip
    assert refused == f"案件 {CASE_NO} 不属于本单位，不能督办回复"
    event = history.do(Action.ESCALATION_REPLY, Role.UNIT, {"reply": "已安排人员今日处置"})
    assert event.payload == {"reply": "已安排人员今日处置"}
    assert not history.case.escalation_open
    assert history.case.is_key  # still 重点
    assert history.case.state is CaseState.DISPATCHED
    history.do(Action.ESCALATE, Role.DISPATCHER, {"reason": "仍未处置，再次督办"})
    assert history.case.escalation_open
    assert replay(history.events) == history.case


def test_closing_a_case_ends_its_escalation(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.AWAITING_CHECK)
    history.do(Action.ESCALATE, Role.DISPATCHER, {"reason": "群众反映强烈"})
    history.do(Action.SEND_FOR_CHECK, Role.DISPATCHER, {"supervisor": CHECKER})
    history.do(Action.CHECK_PASS, Role.SUPERVISOR, {})
    assert not history.case.escalation_open
    assert history.case.is_key


def test_merge_into_itself_is_refused(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.REPORTED)
    message = history.refused(ValidationError, Action.MERGE, Role.ACCEPTOR, {"original_id": 1})
    assert message == f"案件 {CASE_NO} 不能与自身合并"


def test_absorbing_itself_is_refused(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.DISPATCHED)
    message = history.refused(
        ValidationError, Action.ABSORB_DUPLICATE, Role.DISPATCHER, {"duplicate_id": 1}
    )
    assert message == f"案件 {CASE_NO} 不能与自身合并"


def test_a_duplicate_merged_again_after_a_reopen_is_listed_once() -> None:
    original = case_in(CaseState.DISPATCHED)
    duplicate = report(case_id=2, case_no="CG20260309002")
    for _ in range(2):
        duplicate.do(Action.MERGE, Role.ACCEPTOR, {"original_id": 1})
        original.do(Action.ABSORB_DUPLICATE, Role.ACCEPTOR, {"duplicate_id": 2})
        duplicate.do(Action.REOPEN, Role.ADMIN, {"reason": "误判为重复"})
    assert original.case.duplicate_ids == (2,)
    assert [e.action for e in original.events].count(Action.ABSORB_DUPLICATE) == 2
    assert replay(original.events) == original.case


@pytest.mark.parametrize("action", [Action.APPROVE_SELF_HANDLED, Action.REJECT_SELF_HANDLED])
def test_self_handled_decision_on_a_normal_report_is_refused(
    make_case: Callable[..., History], action: Action
) -> None:
    history = make_case(CaseState.REPORTED)
    message = history.refused(IllegalTransition, action, Role.LEADER, {"comment": "x"})
    assert message == f"案件 {CASE_NO} 不是先行处置上报"


def test_reject_self_handled_needs_a_reason() -> None:
    history = report(self_handled=True)
    message = history.refused(ValidationError, Action.REJECT_SELF_HANDLED, Role.LEADER)
    assert message == "请填写驳回理由"


def test_approve_self_handled_closes_directly_and_is_counted_apart() -> None:
    history = report(self_handled=True)
    history.do(Action.APPROVE_SELF_HANDLED, Role.LEADER)
    case = history.case
    assert case.state is CaseState.CLOSED
    assert case.closed_by_self_handling
    assert not case.check_passed
    assert case.closed_at == history.now
    assert case.stage_deadline is None


@pytest.mark.parametrize("params", [{}, {"text": ""}, {"text": "   "}])
def test_note_without_text_is_refused(
    make_case: Callable[..., History], params: dict[str, Any]
) -> None:
    history = make_case(CaseState.CLOSED)
    assert history.refused(ValidationError, Action.NOTE, Role.UNIT, params) == "备注内容不能为空"


def test_note_keeps_its_attachments(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.DISPATCHED)
    event = history.do(Action.NOTE, Role.DISPATCHER, {"attachments": ["after.jpg"]})
    assert event.payload == {"text": "", "attachments": ["after.jpg"]}
    assert history.case.state is CaseState.DISPATCHED


def test_reclassify_to_the_same_or_an_unknown_category_is_refused(
    make_case: Callable[..., History],
) -> None:
    history = make_case(CaseState.DISPATCHED)
    same = history.refused(
        ValidationError, Action.RECLASSIFY, Role.DISPATCHER, {"category_code": CATEGORY}
    )
    assert same == f"案件 {CASE_NO} 已是该类别"
    history.refused(NotFound, Action.RECLASSIFY, Role.DISPATCHER, {"category_code": "X9999"})
    history.do(Action.RECLASSIFY, Role.DISPATCHER, {"category_code": OTHER_CATEGORY})
    assert history.case.category_code == OTHER_CATEGORY


def test_dispatch_needs_a_unit(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.FILED)
    assert history.refused(ValidationError, Action.DISPATCH, Role.DISPATCHER) == "请填写处置单位"


@pytest.mark.parametrize("extra", ["", "三天", "0 工作日", "-1 工作时", "2 fortnights"])
def test_extension_request_with_a_malformed_time_is_a_validation_error(
    make_case: Callable[..., History], extra: str
) -> None:
    history = make_case(CaseState.DISPATCHED)
    params = {"reason": "需采购", "extra": extra}
    message = history.refused(ValidationError, Action.REQUEST_EXTENSION, Role.UNIT, params)
    assert message.startswith("请填写延期时长" if extra == "" else "延期时长填写有误：")


def test_dispatch_with_a_malformed_limit_is_a_validation_error(
    make_case: Callable[..., History],
) -> None:
    history = make_case(CaseState.FILED)
    params = {"unit_code": OWN_UNIT, "limit": "很快"}
    message = history.refused(ValidationError, Action.DISPATCH, Role.DISPATCHER, params)
    assert message.startswith("处置时限填写有误：无法识别的时限：")


# --- 3. deadlines ---------------------------------------------------------------------------


def _dispatched_at(at: datetime, **report_overrides: Any) -> History:
    history = case_in(CaseState.FILED, **report_overrides)
    history.do(Action.DISPATCH, Role.DISPATCHER, {"unit_code": OWN_UNIT}, at=at)
    return history


def test_dispatch_sets_the_deadline_from_the_category_limit() -> None:
    dispatched = datetime(2026, 3, 9, 10, 30)  # Monday
    history = _dispatched_at(dispatched)
    case = history.case
    assert case.deadline == CAL.deadline(dispatched, CATEGORY_LIMIT)
    assert case.deadline == datetime(2026, 3, 11, 10, 30)  # 2 × 6.5 工作时 later: Wednesday
    assert case.stage_deadline == case.deadline
    assert (case.unit_code, case.dispatched_at, case.handling_limit) == (
        OWN_UNIT, dispatched, "2 工作日",
    )  # fmt: skip


def test_dispatch_on_friday_afternoon_counts_over_the_weekend() -> None:
    history = _dispatched_at(datetime(2026, 3, 13, 16, 0))  # Friday
    assert history.case.deadline == datetime(2026, 3, 17, 16, 0)  # Tuesday


def test_dispatch_with_an_explicit_limit_uses_it() -> None:
    history = case_in(CaseState.FILED)
    at = datetime(2026, 3, 9, 11, 0)
    history.do(
        Action.DISPATCH, Role.DISPATCHER, {"unit_code": OWN_UNIT, "limit": "3 工作时"}, at=at
    )
    assert history.case.deadline == datetime(2026, 3, 9, 16, 30)  # 1 h before lunch, 2 h after
    assert history.case.handling_limit == "3 工作时"


@pytest.mark.parametrize("filed_as", ["report", "file"])
def test_urgent_dispatch_uses_natural_hours_even_on_a_saturday_night(filed_as: str) -> None:
    urgent = {"priority": Priority.URGENT.value}
    history = report(**(urgent if filed_as == "report" else {}))
    history.do(Action.FILE, Role.LEADER, urgent if filed_as == "file" else {})
    assert history.case.priority is Priority.URGENT
    at = datetime(2026, 3, 14, 22, 0)  # Saturday
    history.do(Action.DISPATCH, Role.DISPATCHER, {"unit_code": OWN_UNIT}, at=at)
    assert history.case.deadline == CAL.deadline(at, STAGES.urgent_handling)
    assert history.case.deadline == datetime(2026, 3, 15, 2, 0)
    assert history.case.handling_limit == "4 自然小时"


def test_approved_extension_counts_from_the_old_deadline() -> None:
    history = _dispatched_at(datetime(2026, 3, 9, 10, 30))
    old = history.case.deadline
    assert old is not None
    history.do(Action.REQUEST_EXTENSION, Role.UNIT, {"reason": "需采购井盖", "extra": "1 工作日"})
    # approved after the old deadline has passed: still counted from the old deadline
    history.do(Action.APPROVE_EXTENSION, Role.LEADER, at=datetime(2026, 3, 11, 15, 0))
    assert history.case.deadline == CAL.deadline(old, TimeLimit(1, LimitUnit.WORK_DAYS))
    assert history.case.deadline == datetime(2026, 3, 12, 10, 30)
    assert history.case.stage_deadline == history.case.deadline
    assert history.case.extension_count == 1
    assert history.case.pending_request is None


def test_leader_may_approve_a_different_extension_than_requested() -> None:
    history = _dispatched_at(datetime(2026, 3, 9, 10, 30))
    old = history.case.deadline
    assert old is not None
    history.do(Action.REQUEST_EXTENSION, Role.UNIT, {"reason": "需采购井盖", "extra": "2 工作日"})
    event = history.do(Action.APPROVE_EXTENSION, Role.LEADER, {"extra": "4 工作时"})
    assert event.payload["extra"] == "4 工作时"
    assert history.case.deadline == datetime(2026, 3, 11, 17, 0)  # 1.5 h + lunch + 2.5 h


def test_rejected_extension_leaves_the_deadline_unchanged() -> None:
    history = _dispatched_at(datetime(2026, 3, 9, 10, 30))
    old = history.case.deadline
    history.do(Action.REQUEST_EXTENSION, Role.UNIT, {"reason": "需采购井盖", "extra": "1 工作日"})
    history.do(Action.REJECT_EXTENSION, Role.LEADER, {"comment": "时限充足"})
    assert history.case.deadline == old
    assert history.case.extension_count == 0


@pytest.mark.parametrize(
    ("suspended", "restored"),
    [
        (datetime(2026, 3, 10, 9, 30), datetime(2026, 3, 10, 15, 0)),  # same day
        (datetime(2026, 3, 10, 11, 15), datetime(2026, 3, 20, 16, 45)),  # ten days later
        (datetime(2026, 3, 10, 17, 59), datetime(2026, 3, 14, 10, 0)),  # restored on Saturday
        (datetime(2026, 3, 9, 20, 0), datetime(2026, 3, 16, 12, 30)),  # both outside office hours
        (datetime(2026, 3, 10, 10, 0, 0, 500_000), datetime(2026, 4, 3, 9, 0, 0, 250_000)),
    ],
)
def test_restore_gives_back_exactly_the_working_time_that_was_left(
    suspended: datetime, restored: datetime
) -> None:
    history = _dispatched_at(datetime(2026, 3, 9, 10, 30))
    old = history.case.deadline
    assert old is not None
    history.do(Action.REQUEST_SUSPENSION, Role.UNIT, {"reason": "需结合道路改造工程"})
    history.do(Action.APPROVE_SUSPENSION, Role.LEADER, at=suspended)
    assert history.case.suspended_at == suspended
    assert history.case.stage_deadline is None
    assert history.case.deadline == old  # a paused clock still shows the old deadline
    history.do(Action.RESTORE, Role.DISPATCHER, at=restored)

    new = history.case.deadline
    assert new is not None
    left = CAL.working_seconds(suspended, old)
    assert left > 0
    assert CAL.working_seconds(restored, new) == pytest.approx(left, abs=1)
    assert history.case.suspended_at is None
    assert history.case.stage_deadline == new


def test_restore_of_an_urgent_case_gives_back_the_natural_time_left() -> None:
    history = _dispatched_at(datetime(2026, 3, 14, 22, 0), priority="urgent")
    assert history.case.deadline == datetime(2026, 3, 15, 2, 0)
    history.do(Action.REQUEST_SUSPENSION, Role.UNIT, {"reason": "需停水后施工"},
               at=datetime(2026, 3, 14, 22, 10))  # fmt: skip
    history.do(Action.APPROVE_SUSPENSION, Role.LEADER, at=datetime(2026, 3, 14, 23, 0))
    history.do(Action.RESTORE, Role.LEADER, at=datetime(2026, 3, 16, 8, 0))
    assert history.case.deadline == datetime(2026, 3, 16, 11, 0)  # the 3 h that were left


def test_restore_of_a_case_suspended_when_overdue_leaves_no_time() -> None:
    history = _dispatched_at(datetime(2026, 3, 9, 10, 30))
    history.do(Action.REQUEST_SUSPENSION, Role.UNIT, {"reason": "需结合道路改造工程"})
    history.do(Action.APPROVE_SUSPENSION, Role.LEADER, at=datetime(2026, 3, 12, 9, 0))
    restored = datetime(2026, 3, 16, 9, 0)
    history.do(Action.RESTORE, Role.LEADER, at=restored)
    assert history.case.deadline == restored


def test_return_clears_the_unit_and_deadline_and_redispatch_starts_afresh() -> None:
    history = _dispatched_at(datetime(2026, 3, 9, 10, 30))
    history.do(Action.REQUEST_RETURN, Role.UNIT, {"reason": "不属于本单位"})
    history.do(Action.APPROVE_RETURN, Role.LEADER)
    case = history.case
    assert case.state is CaseState.FILED
    assert (case.unit_code, case.deadline, case.handling_limit, case.dispatched_at) == (
        None, None, None, None,
    )  # fmt: skip
    assert case.stage_deadline == CAL.deadline(history.now, STAGES.dispatch)
    redispatched = datetime(2026, 3, 10, 14, 30)
    history.do(Action.DISPATCH, Role.DISPATCHER, {"unit_code": OTHER_UNIT}, at=redispatched)
    # 3.5 h on Tuesday, 6.5 h on Wednesday, the last 3 h end exactly at Thursday noon
    assert history.case.deadline == datetime(2026, 3, 12, 12, 0)
    assert history.case.unit_code == OTHER_UNIT


def test_check_fail_sends_the_case_back_under_the_same_deadline() -> None:
    history = _dispatched_at(datetime(2026, 3, 9, 10, 30))
    deadline = history.case.deadline
    history.do(Action.FEEDBACK, Role.UNIT)
    assert history.case.stage_deadline == CAL.deadline(history.now, STAGES.check)
    history.do(Action.SEND_FOR_CHECK, Role.DISPATCHER, {"supervisor": CHECKER})
    history.do(Action.CHECK_FAIL, Role.SUPERVISOR, {"comment": "未处置"})
    assert history.case.state is CaseState.DISPATCHED
    assert history.case.deadline == deadline
    assert history.case.stage_deadline == deadline


@pytest.mark.parametrize(
    ("source", "stage"),
    [("supervisor", "file"), ("hotline_12345", "verify"), ("walk_in", "verify")],
)
def test_report_starts_the_first_stage_clock(source: str, stage: str) -> None:
    history = report(source=source)
    limit = getattr(STAGES, stage)
    assert history.case.stage_deadline == CAL.deadline(START, limit)


# --- 4. counters and marks ------------------------------------------------------------------


def test_every_check_fail_is_one_rework(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.AWAITING_CHECK)
    for expected in (1, 2):
        history.do(Action.SEND_FOR_CHECK, Role.DISPATCHER, {"supervisor": CHECKER})
        history.do(Action.CHECK_FAIL, Role.SUPERVISOR, {"comment": "未处置到位"})
        assert history.case.rework_count == expected
        history.do(Action.FEEDBACK, Role.UNIT)
    history.do(Action.SEND_FOR_CHECK, Role.DISPATCHER, {"supervisor": CHECKER})
    history.do(Action.CHECK_PASS, Role.SUPERVISOR)
    assert history.case.rework_count == 2
    assert history.case.check_passed
    assert history.case.closed_at == history.now


def test_every_remind_counts(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.DISPATCHED)
    for expected in (1, 2, 3):
        event = history.do(Action.REMIND, Role.DISPATCHER)
        assert history.case.remind_count == expected
        assert event.payload["unit_code"] == OWN_UNIT


def test_a_verification_or_check_reminder_goes_to_the_supervisor_sent() -> None:
    verifying = case_in(CaseState.VERIFYING)
    event = verifying.do(Action.REMIND, Role.DISPATCHER)
    assert event.payload == {"message": "请尽快到现场核实", "supervisor": CHECKER}
    waiting = case_in(CaseState.AWAITING_CHECK)  # fed back, no check sent yet
    message = waiting.refused(IllegalTransition, Action.REMIND, Role.DISPATCHER)
    assert message == f"案件 {CASE_NO} 尚未派发核查，请先派发核查"
    waiting.do(Action.SEND_FOR_CHECK, Role.DISPATCHER, {"supervisor": CHECKER})
    event = waiting.do(Action.REMIND, Role.DISPATCHER, {"message": "请今天内核查"})
    assert event.payload == {"message": "请今天内核查", "supervisor": CHECKER}
    assert waiting.case.remind_count == 1


def test_extensions_and_returns_are_counted_when_approved(
    make_case: Callable[..., History],
) -> None:
    history = make_case(CaseState.DISPATCHED)
    for _ in range(2):
        history.do(Action.REQUEST_EXTENSION, Role.UNIT, {"reason": "需采购", "extra": "1 工作日"})
        history.do(Action.APPROVE_EXTENSION, Role.LEADER)
    history.do(Action.REQUEST_RETURN, Role.UNIT, {"reason": "不属于本单位"})
    history.do(Action.REJECT_RETURN, Role.LEADER)
    assert (history.case.extension_count, history.case.return_count) == (2, 0)
    history.do(Action.REQUEST_RETURN, Role.UNIT, {"reason": "不属于本单位"})
    history.do(Action.APPROVE_RETURN, Role.LEADER)
    assert (history.case.extension_count, history.case.return_count) == (2, 1)


def test_escalate_marks_a_key_case(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.SUSPENDED)
    assert not history.case.is_key
    history.do(Action.ESCALATE, Role.LEADER, {"reason": "市领导关注"})
    assert history.case.is_key
    assert history.case.state is CaseState.SUSPENDED


def test_merge_voids_the_duplicate_and_absorb_records_it_on_the_original() -> None:
    duplicate = report(case_id=2, case_no="CG20260309002")
    original = case_in(CaseState.DISPATCHED)
    duplicate.do(Action.MERGE, Role.ACCEPTOR, {"original_id": 1, "original_no": CASE_NO})
    original.do(Action.ABSORB_DUPLICATE, Role.ACCEPTOR,
                {"duplicate_id": 2, "duplicate_no": "CG20260309002"})  # fmt: skip
    assert duplicate.case.state is CaseState.VOIDED
    assert duplicate.case.merged_into == 1
    assert duplicate.case.void_reason == f"重复案件，已并入 {CASE_NO}"
    assert duplicate.case.stage_deadline is None
    assert original.case.duplicate_ids == (2,)
    assert original.case.state is CaseState.DISPATCHED
    original.do(Action.ABSORB_DUPLICATE, Role.DISPATCHER, {"duplicate_id": 3})
    assert original.case.duplicate_ids == (2, 3)


def test_merge_without_the_original_number_names_its_id() -> None:
    duplicate = report(case_id=2, case_no="CG20260309002")
    duplicate.do(Action.MERGE, Role.LEADER, {"original_id": 1})
    assert duplicate.case.void_reason == "重复案件，已并入 1"


# --- 5. events and replay ------------------------------------------------------------------


def test_evolve_does_not_touch_the_case_it_is_given(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.DISPATCHED)
    before = copy.deepcopy(history.case)
    event = decide(history.case, Action.REQUEST_EXTENSION, ACTORS[Role.UNIT], history.now, CTX,
                   {"reason": "需采购", "extra": "1 工作日"})  # fmt: skip
    after = evolve(history.case, event)
    assert history.case == before
    assert after.pending_request is RequestKind.EXTENSION
    assert after.pending_payload is not history.case.pending_payload


def test_the_full_loop_replays_to_the_same_case(make_case: Callable[..., History]) -> None:
    history = make_case(CaseState.CLOSED, description="垃圾桶满溢", priority="urgent")
    assert [e.seq for e in history.events] == list(range(1, len(history.events) + 1))
    assert replay(history.events) == history.case
    assert history.events[0].from_state is None
    for previous, event in zip(history.events, history.events[1:], strict=False):
        assert event.from_state is previous.to_state


def test_hotline_loop_through_verification_to_closed() -> None:
    history = report(source="hotline_12345")
    for action, role, params in [
        (Action.REQUEST_VERIFICATION, Role.ACCEPTOR, {"supervisor": CHECKER}),
        (Action.VERIFY, Role.SUPERVISOR, {"confirmed": True}),
        *PATHS[CaseState.CLOSED],
    ]:
        history.do(action, role, params)
    assert history.case.state is CaseState.CLOSED
    assert [e.to_state for e in history.events] == [
        CaseState.REPORTED, CaseState.VERIFYING, CaseState.REPORTED, CaseState.FILED,
        CaseState.DISPATCHED, CaseState.AWAITING_CHECK, CaseState.AWAITING_CHECK,
        CaseState.CLOSED,
    ]  # fmt: skip


# --- 6. messages ----------------------------------------------------------------------------


def test_illegal_transition_message_names_case_and_state_label(
    make_case: Callable[..., History],
) -> None:
    history = make_case(CaseState.CLOSED)
    assert history.refused(IllegalTransition, Action.DISPATCH, Role.DISPATCHER) == (
        "案件 CG20260309001 处于『已结案』，不能派遣"
    )
    history = make_case(CaseState.SUSPENDED)
    assert history.refused(IllegalTransition, Action.FEEDBACK, Role.UNIT) == (
        "案件 CG20260309001 处于『挂账』，不能处置反馈"
    )


def test_permission_denied_message_names_the_role_and_who_may(
    make_case: Callable[..., History],
) -> None:
    filed = make_case(CaseState.FILED)
    assert filed.refused(
        PermissionDenied, Action.DISPATCH, Role.ACCEPTOR, VALID_PARAMS[Action.DISPATCH]
    ) == ("受理员无权派遣（仅限值班长、派遣员）")
    reported = make_case(CaseState.REPORTED)
    assert reported.refused(PermissionDenied, Action.FILE, Role.DISPATCHER) == (
        "派遣员无权立案（仅限值班长）"
    )
    closed = make_case(CaseState.CLOSED)
    assert closed.refused(PermissionDenied, Action.REOPEN, Role.LEADER, {"reason": "复发"}) == (
        "值班长无权重新打开（仅限管理员）"
    )
    dispatched = make_case(CaseState.DISPATCHED)
    assert dispatched.refused(PermissionDenied, Action.REQUEST_EXTENSION, Role.DISPATCHER) == (
        "派遣员无权申请延期（仅限处置单位）"
    )


def test_state_is_checked_before_the_role(make_case: Callable[..., History]) -> None:
    # Both are wrong: the state is what the user needs to hear about first.
    history = make_case(CaseState.VOIDED)
    message = history.refused(IllegalTransition, Action.DISPATCH, Role.UNIT)
    assert message == "案件 CG20260309001 处于『已作废』，不能派遣"


# --- 回访: the citizen's satisfaction with a closed case -----------------------------


def test_a_citizen_is_called_back_once_and_a_missed_call_may_be_tried_again() -> None:
    history = case_in(CaseState.CLOSED, source="hotline_12345")
    history.do(Action.REVISIT, Role.ACCEPTOR, {"result": "not_reached"})
    assert history.case.satisfaction == "not_reached"
    event = history.do(Action.REVISIT, Role.ACCEPTOR, {"result": "基本满意", "comment": "已修好"})
    assert event.payload == {"result": "basically_satisfied", "comment": "已修好"}
    assert history.case.satisfaction == "basically_satisfied"
    assert history.case.state is CaseState.CLOSED
    again = history.refused(IllegalTransition, Action.REVISIT, Role.ACCEPTOR,
                            {"result": "satisfied"})  # fmt: skip
    assert again == f"案件 {CASE_NO} 已回访（基本满意），不能重复回访"
    assert replay(history.events) == history.case


def test_a_supervisor_report_has_no_citizen_to_call_back() -> None:
    history = case_in(CaseState.CLOSED)
    message = history.refused(IllegalTransition, Action.REVISIT, Role.ACCEPTOR,
                              {"result": "satisfied"})  # fmt: skip
    assert message == f"案件 {CASE_NO} 由监督员上报，没有需要回访的市民"


def test_dissatisfaction_needs_its_reason_and_an_unknown_answer_is_refused() -> None:
    history = case_in(CaseState.CLOSED, source="walk_in")
    assert history.refused(ValidationError, Action.REVISIT, Role.ACCEPTOR,
                           {"result": "dissatisfied"}) == "市民不满意时请记录不满意的原因"
    assert history.refused(ValidationError, Action.REVISIT, Role.ACCEPTOR,
                           {"result": "很好"}) == "回访结果应为满意、基本满意、不满意、未回访之一"
    assert history.refused(ValidationError, Action.REVISIT, Role.ACCEPTOR, {}) == "请填写回访结果"


def test_reopening_a_case_drops_the_citizens_verdict_on_the_old_result() -> None:
    history = case_in(CaseState.CLOSED, source="hotline_12345")
    history.do(Action.REVISIT, Role.ACCEPTOR, {"result": "dissatisfied", "comment": "仍有异味"})
    history.do(Action.REOPEN, Role.ADMIN, {"reason": "市民不满意，重新处置"})
    assert history.case.satisfaction is None
