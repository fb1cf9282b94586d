"""The closed-loop case lifecycle: states, actions and the explicit transition table.

Nothing about transitions is implicit: `RULES` lists, for every action, the states it may
start from, the state it leads to (``None``: the state does not change, a side action) and
the roles allowed to perform it. Guards that depend on more than the state (a pending
request, the owning unit, an assigned check) live in `workstation.domain.case`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from workstation.domain.roles import Role


class CaseState(enum.StrEnum):
    REPORTED = "reported"
    VERIFYING = "verifying"
    FILED = "filed"
    DISPATCHED = "dispatched"
    AWAITING_CHECK = "awaiting_check"
    SUSPENDED = "suspended"
    CLOSED = "closed"
    VOIDED = "voided"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]

    @property
    def is_open(self) -> bool:
        return self not in (CaseState.CLOSED, CaseState.VOIDED)


STATE_LABELS: dict[CaseState, str] = {
    CaseState.REPORTED: "上报",
    CaseState.VERIFYING: "核实中",
    CaseState.FILED: "已立案",
    CaseState.DISPATCHED: "已派遣",
    CaseState.AWAITING_CHECK: "待核查",
    CaseState.SUSPENDED: "挂账",
    CaseState.CLOSED: "已结案",
    CaseState.VOIDED: "已作废",
}


class Action(enum.StrEnum):
    REPORT = "report"
    REQUEST_VERIFICATION = "request_verification"
    VERIFY = "verify"
    FILE = "file"
    VOID = "void"
    DISPATCH = "dispatch"
    FEEDBACK = "feedback"
    REQUEST_RETURN = "request_return"
    APPROVE_RETURN = "approve_return"
    REJECT_RETURN = "reject_return"
    REQUEST_EXTENSION = "request_extension"
    APPROVE_EXTENSION = "approve_extension"
    REJECT_EXTENSION = "reject_extension"
    REQUEST_SUSPENSION = "request_suspension"
    APPROVE_SUSPENSION = "approve_suspension"
    REJECT_SUSPENSION = "reject_suspension"
    RESTORE = "restore"
    SEND_FOR_CHECK = "send_for_check"
    CHECK_PASS = "check_pass"
    CHECK_FAIL = "check_fail"
    APPROVE_SELF_HANDLED = "approve_self_handled"
    REJECT_SELF_HANDLED = "reject_self_handled"
    REMIND = "remind"
    ESCALATE = "escalate"
    ESCALATION_REPLY = "escalation_reply"
    MERGE = "merge"
    ABSORB_DUPLICATE = "absorb_duplicate"
    RECLASSIFY = "reclassify"
    NOTE = "note"
    REOPEN = "reopen"
    RECOMPUTE_DEADLINES = "recompute_deadlines"
    REVISIT = "revisit"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS: dict[Action, str] = {
    Action.REPORT: "上报",
    Action.REQUEST_VERIFICATION: "派发核实",
    Action.VERIFY: "核实反馈",
    Action.FILE: "立案",
    Action.VOID: "作废",
    Action.DISPATCH: "派遣",
    Action.FEEDBACK: "处置反馈",
    Action.REQUEST_RETURN: "申请回退",
    Action.APPROVE_RETURN: "批准回退",
    Action.REJECT_RETURN: "驳回回退",
    Action.REQUEST_EXTENSION: "申请延期",
    Action.APPROVE_EXTENSION: "批准延期",
    Action.REJECT_EXTENSION: "驳回延期",
    Action.REQUEST_SUSPENSION: "申请挂账",
    Action.APPROVE_SUSPENSION: "批准挂账",
    Action.REJECT_SUSPENSION: "驳回挂账",
    Action.RESTORE: "恢复处置",
    Action.SEND_FOR_CHECK: "派发核查",
    Action.CHECK_PASS: "核查通过（结案）",
    Action.CHECK_FAIL: "核查不通过（返工）",
    Action.APPROVE_SELF_HANDLED: "批准先行处置结案",
    Action.REJECT_SELF_HANDLED: "驳回先行处置",
    Action.REMIND: "催办",
    Action.ESCALATE: "督办",
    Action.ESCALATION_REPLY: "督办回复",
    Action.MERGE: "合并为重复案件",
    Action.ABSORB_DUPLICATE: "并入重复案件",
    Action.RECLASSIFY: "重新分类",
    Action.NOTE: "备注",
    Action.REOPEN: "重新打开",
    Action.RECOMPUTE_DEADLINES: "重算期限",
    Action.REVISIT: "回访",
}


@dataclass(frozen=True, slots=True)
class Rule:
    action: Action
    sources: frozenset[CaseState]
    target: CaseState | None  # None: a side action, the state stays
    roles: frozenset[Role]


S = CaseState
R = Role
_OPEN = frozenset(s for s in CaseState if s.is_open)
_CENTRE = frozenset({R.ACCEPTOR, R.LEADER, R.DISPATCHER})
_DISPATCH = frozenset({R.LEADER, R.DISPATCHER})
_LEADER = frozenset({R.LEADER})
_UNIT = frozenset({R.UNIT})
_FIELD = frozenset({R.SUPERVISOR, R.LEADER, R.DISPATCHER})  # the centre may key in a field result


def _rule(
    action: Action, sources: set[CaseState] | frozenset[CaseState], target: CaseState | None,
    roles: frozenset[Role],
) -> Rule:
    return Rule(action, frozenset(sources), target, roles)


RULES: dict[Action, Rule] = {
    r.action: r
    for r in (
        _rule(Action.REPORT, set(), S.REPORTED, frozenset({R.ACCEPTOR, R.SUPERVISOR, R.LEADER})),
        _rule(Action.REQUEST_VERIFICATION, {S.REPORTED}, S.VERIFYING, _CENTRE),
        # confirmed → reported (now verified); not confirmed → voided (不属实)
        _rule(Action.VERIFY, {S.VERIFYING}, S.REPORTED, _FIELD),
        _rule(Action.FILE, {S.REPORTED}, S.FILED, _LEADER),
        # voiding a filed case needs the shift leader's approval: guarded in case.py
        _rule(Action.VOID, {S.REPORTED, S.VERIFYING, S.FILED}, S.VOIDED, _LEADER | {R.ACCEPTOR}),
        _rule(Action.DISPATCH, {S.FILED}, S.DISPATCHED, _DISPATCH),
        _rule(Action.FEEDBACK, {S.DISPATCHED}, S.AWAITING_CHECK, _UNIT | _DISPATCH),
        _rule(Action.REQUEST_RETURN, {S.DISPATCHED}, None, _UNIT),
        _rule(Action.APPROVE_RETURN, {S.DISPATCHED}, S.FILED, _LEADER),
        _rule(Action.REJECT_RETURN, {S.DISPATCHED}, None, _LEADER),
        _rule(Action.REQUEST_EXTENSION, {S.DISPATCHED}, None, _UNIT),
        _rule(Action.APPROVE_EXTENSION, {S.DISPATCHED}, None, _LEADER),
        _rule(Action.REJECT_EXTENSION, {S.DISPATCHED}, None, _LEADER),
        _rule(Action.REQUEST_SUSPENSION, {S.DISPATCHED}, None, _UNIT),
        _rule(Action.APPROVE_SUSPENSION, {S.DISPATCHED}, S.SUSPENDED, _LEADER),
        _rule(Action.REJECT_SUSPENSION, {S.DISPATCHED}, None, _LEADER),
        _rule(Action.RESTORE, {S.SUSPENDED}, S.DISPATCHED, _LEADER | _DISPATCH),
        _rule(Action.SEND_FOR_CHECK, {S.AWAITING_CHECK}, None, _DISPATCH),
        _rule(Action.CHECK_PASS, {S.AWAITING_CHECK}, S.CLOSED, _FIELD),
        _rule(Action.CHECK_FAIL, {S.AWAITING_CHECK}, S.DISPATCHED, _FIELD),
        _rule(Action.APPROVE_SELF_HANDLED, {S.REPORTED}, S.CLOSED, _LEADER),
        _rule(Action.REJECT_SELF_HANDLED, {S.REPORTED}, None, _LEADER),
        _rule(Action.REMIND, {S.DISPATCHED, S.AWAITING_CHECK, S.VERIFYING}, None, _DISPATCH),
        _rule(Action.ESCALATE, _OPEN, None, _DISPATCH),
        # the handling unit answers an open 督办 (guarded in case.py); the shift leader may
        # record an answer given by telephone
        _rule(Action.ESCALATION_REPLY, {S.DISPATCHED, S.AWAITING_CHECK, S.SUSPENDED}, None,
              _UNIT | _LEADER),
        _rule(Action.MERGE, {S.REPORTED, S.VERIFYING, S.FILED}, S.VOIDED, _CENTRE),
        _rule(Action.ABSORB_DUPLICATE, _OPEN, None, _CENTRE),
        _rule(Action.RECLASSIFY, {S.REPORTED, S.VERIFYING, S.FILED, S.DISPATCHED}, None, _CENTRE),
        _rule(Action.NOTE, frozenset(CaseState), None, frozenset(Role)),
        # target decided in case.py: closed after a check → filed; voided, or closed by
        # 先行处置 (never filed) → reported
        _rule(Action.REOPEN, {S.CLOSED, S.VOIDED}, None, frozenset({R.ADMIN})),
        # after a change of the working calendar or the stage limits (calendar_admin)
        _rule(Action.RECOMPUTE_DEADLINES, _OPEN, None, frozenset({R.ADMIN})),
        # the citizen who reported is called back once the case is closed (guarded in
        # case.py: citizen sources only, once — a "not reached" call may be tried again)
        _rule(Action.REVISIT, {S.CLOSED}, None, frozenset({R.ACCEPTOR, R.LEADER})),
    )
}
del S, R

# Actions that are only ever performed by a service as part of another one: never offered
# to a user on a case, nor accepted by `case act`.
INTERNAL_ACTIONS = frozenset({Action.ABSORB_DUPLICATE, Action.RECOMPUTE_DEADLINES})

# Actions a handling unit may take only on cases its own unit owns.
UNIT_SCOPED_ACTIONS = frozenset(
    {
        Action.FEEDBACK,
        Action.REQUEST_RETURN,
        Action.REQUEST_EXTENSION,
        Action.REQUEST_SUSPENSION,
        Action.ESCALATION_REPLY,
        Action.NOTE,  # units see only their own cases, so they annotate only those
    }
)


class RequestKind(enum.StrEnum):
    """A unit's request waiting for the shift leader's decision."""

    RETURN = "return"
    EXTENSION = "extension"
    SUSPENSION = "suspension"

    @property
    def label(self) -> str:
        return {"return": "回退", "extension": "延期", "suspension": "挂账"}[self.value]


class Source(enum.StrEnum):
    SUPERVISOR = "supervisor"  # 监督员上报
    HOTLINE_12345 = "hotline_12345"
    HOTLINE_12319 = "hotline_12319"
    WALK_IN = "walk_in"  # 来访
    PLATFORM = "platform"  # 上级平台 / Open311 gateway

    @property
    def label(self) -> str:
        return SOURCE_LABELS[self]

    @property
    def needs_verification(self) -> bool:
        """Reports not made by a supervisor are verified on site before filing."""
        return self is not Source.SUPERVISOR


SOURCE_LABELS: dict[Source, str] = {
    Source.SUPERVISOR: "监督员上报",
    Source.HOTLINE_12345: "12345热线",
    Source.HOTLINE_12319: "12319热线",
    Source.WALK_IN: "来访",
    Source.PLATFORM: "上级平台",
}


class Satisfaction(enum.StrEnum):
    """The citizen's answer when called back (回访) about a closed case."""

    SATISFIED = "satisfied"
    BASICALLY_SATISFIED = "basically_satisfied"
    DISSATISFIED = "dissatisfied"
    NOT_REACHED = "not_reached"  # 未回访: the citizen could not be reached (try again)

    @property
    def label(self) -> str:
        return SATISFACTION_LABELS[self]

    @property
    def revisited(self) -> bool:
        """Whether the citizen answered: the satisfaction rate's denominator."""
        return self is not Satisfaction.NOT_REACHED

    @property
    def satisfied(self) -> bool:
        """满意 or 基本满意: the satisfaction rate's numerator."""
        return self in (Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED)


SATISFACTION_LABELS: dict[Satisfaction, str] = {
    Satisfaction.SATISFIED: "满意",
    Satisfaction.BASICALLY_SATISFIED: "基本满意",
    Satisfaction.DISSATISFIED: "不满意",
    Satisfaction.NOT_REACHED: "未回访",
}


class Priority(enum.StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"  # natural-hour limits, 24/7

    @property
    def label(self) -> str:
        return "紧急" if self is Priority.URGENT else "一般"
