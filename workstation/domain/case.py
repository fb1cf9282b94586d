"""The case aggregate: commands are decided against the rules, events evolve the state.

`decide()` checks the transition table, the role and the guards, computes everything that
needs the calendar or the catalog (deadlines) and returns one `CaseEvent`; `evolve()`
applies an event using nothing but the event itself. So a case's state is always the
replay of its events (`replay()`), and the stored state column is only a cache of it.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta
from operator import attrgetter
from typing import Any

from workstation.domain.calendar import LimitUnit, TimeLimit, WorkCalendar
from workstation.domain.errors import IllegalTransition, PermissionDenied, ValidationError
from workstation.domain.lifecycle import (
    RULES,
    UNIT_SCOPED_ACTIONS,
    Action,
    CaseState,
    Priority,
    RequestKind,
    Satisfaction,
    Source,
)
from workstation.domain.roles import Actor, Role

Payload = Mapping[str, Any]


class Stage(enum.StrEnum):
    """What a case's clock runs against: a stage limit, or the handling limit."""

    VERIFY = "verify"  # 核实: a supervisor checks a non-supervisor report on site
    FILE = "file"  # 立案
    DISPATCH = "dispatch"  # 派遣
    HANDLING = "handling"  # 处置: the unit's handling limit (+ approved extensions)
    CHECK = "check"  # 核查

    @property
    def label(self) -> str:
        return _STAGE_LABELS[self]


_STAGE_LABELS = {Stage.VERIFY: "核实", Stage.FILE: "立案", Stage.DISPATCH: "派遣",
                 Stage.HANDLING: "处置", Stage.CHECK: "核查"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class StageLimits:
    """Time allowed for each stage, per priority, and the urgent handling limit (all
    configurable; the urgent stage limits start equal to the normal ones)."""

    verify: TimeLimit = TimeLimit(2, LimitUnit.WORK_HOURS)
    file: TimeLimit = TimeLimit(1, LimitUnit.WORK_HOURS)
    dispatch: TimeLimit = TimeLimit(1, LimitUnit.WORK_HOURS)
    check: TimeLimit = TimeLimit(4, LimitUnit.WORK_HOURS)
    # Urgent cases run on natural hours whatever the category says.
    urgent_handling: TimeLimit = TimeLimit(4, LimitUnit.NATURAL_HOURS)
    urgent_verify: TimeLimit = TimeLimit(2, LimitUnit.WORK_HOURS)
    urgent_file: TimeLimit = TimeLimit(1, LimitUnit.WORK_HOURS)
    urgent_dispatch: TimeLimit = TimeLimit(1, LimitUnit.WORK_HOURS)
    urgent_check: TimeLimit = TimeLimit(4, LimitUnit.WORK_HOURS)

    def of(self, stage: Stage, priority: Priority | str = Priority.NORMAL) -> TimeLimit:
        """The limit of ``stage`` for a case of ``priority``."""
        if stage is Stage.HANDLING:
            raise ValueError("处置时限由问题类别决定，不是环节时限")
        prefix = "urgent_" if Priority(priority) is Priority.URGENT else ""
        return getattr(self, prefix + stage.value)  # type: ignore[no-any-return]


@dataclass(slots=True)
class CaseContext:
    """What deciding needs besides the case: the calendar and the category limits."""

    calendar: WorkCalendar
    handling_limit_of: Callable[[str], TimeLimit]  # category code → handling limit
    stage_limits: StageLimits = field(default_factory=StageLimits)


@dataclass(frozen=True, slots=True)
class CaseEvent:
    """One append-only entry of a case's history."""

    case_id: int
    seq: int  # 1-based position in the case's history
    action: Action
    actor: str
    role: Role
    at: datetime
    from_state: CaseState | None
    to_state: CaseState
    payload: Payload = field(default_factory=dict)
    note: str = ""


@dataclass(slots=True)
class Case:
    """The current state of one case (a cache of the replay of its events)."""

    id: int
    case_no: str
    source: Source
    reported_at: datetime
    reporter: str
    description: str
    address: str = ""
    lon: float | None = None
    lat: float | None = None
    grid_code: str | None = None
    category_code: str | None = None
    priority: Priority = Priority.NORMAL
    state: CaseState = CaseState.REPORTED
    verified: bool = False
    self_handled: bool = False  # 先行处置: reported as already fixed on the spot
    unit_code: str | None = None
    handling_limit: str | None = None  # str(TimeLimit) fixed at dispatch
    dispatched_at: datetime | None = None
    deadline: datetime | None = None  # the handling deadline
    stage_deadline: datetime | None = None  # deadline of the current stage
    suspended_at: datetime | None = None
    pending_request: RequestKind | None = None
    pending_payload: dict[str, Any] = field(default_factory=dict)
    check_supervisor: str | None = None
    verify_supervisor: str | None = None  # who was sent to verify a non-supervisor report
    check_sent_at: datetime | None = None
    check_passed: bool = False
    closed_by_self_handling: bool = False
    remind_count: int = 0
    is_key: bool = False  # 督办 / 紧盯重点
    rework_count: int = 0
    extension_count: int = 0
    return_count: int = 0
    merged_into: int | None = None
    duplicate_ids: tuple[int, ...] = ()
    void_reason: str = ""
    closed_at: datetime | None = None
    updated_at: datetime | None = None
    event_count: int = 0
    # The running clock (domain.clock reads it): which stage, since when, against which
    # limit; the handling clock also keeps the working time it stood still while suspended.
    clock_stage: str | None = None
    clock_started_at: datetime | None = None
    clock_limit: str | None = None
    handling_paused_seconds: float = 0.0
    satisfaction: str | None = None  # the citizen's answer when called back (Satisfaction)
    # 督办 waiting for the handling unit's reply (`is_key` stays: the case remains 重点); an
    # escalation also ends when the case is closed or voided.
    escalation_open: bool = False

    @property
    def is_open(self) -> bool:
        return self.state.is_open

    @property
    def label(self) -> str:
        return f"案件 {self.case_no}"

    def copy(self) -> Case:
        # Positional construction from one attrgetter call: 6× faster than
        # dataclasses.replace, which matters when thousands of histories are re-derived.
        new = Case(*_CASE_VALUES(self))
        new.pending_payload = dict(self.pending_payload)
        return new


_CASE_VALUES = attrgetter(*(f.name for f in fields(Case)))


# Fields a REPORT event carries; the rest of `Case` starts at its default.
REPORT_FIELDS = (
    "case_no", "source", "reported_at", "reporter", "description", "address",
    "lon", "lat", "grid_code", "category_code", "priority", "self_handled",
)  # fmt: skip


def _dt(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


# --------------------------------------------------------------------------------- decide


def decide(
    case: Case | None,
    action: Action,
    actor: Actor,
    now: datetime,
    ctx: CaseContext,
    params: Payload | None = None,
) -> CaseEvent:
    """Check that `actor` may perform `action` on `case` now and return the event it makes.

    Raises `IllegalTransition`, `PermissionDenied` or `ValidationError` (Chinese messages)
    and changes nothing when the action is refused.
    """
    params = dict(params or {})
    rule = RULES[action]
    if action is Action.REPORT:
        if case is not None:
            raise IllegalTransition("案件已存在，不能重复上报")
        _check_role(rule.roles, actor, action)
        return _decide_report(actor, now, ctx, params)
    if case is None:
        raise ValidationError(f"{action.label}需要一个已存在的案件")
    if case.state not in rule.sources:
        raise IllegalTransition(f"{case.label} 处于『{case.state.label}』，不能{action.label}")
    _check_role(rule.roles, actor, action)
    unit_scoped = action in UNIT_SCOPED_ACTIONS and actor.role is Role.UNIT
    if unit_scoped and actor.unit_code != case.unit_code:
        raise PermissionDenied(f"{case.label} 不属于本单位，不能{action.label}")
    note = str(params.pop("note", "") or "")
    payload = _DECIDERS[action](case, actor, now, ctx, params)
    _start_stage(case, action, payload, now, ctx)
    target = rule.target
    if action is Action.VERIFY and not payload["confirmed"]:
        target = CaseState.VOIDED
    elif action is Action.REOPEN:
        target = CaseState(payload["to"])
    return CaseEvent(
        case_id=case.id,
        seq=case.event_count + 1,
        action=action,
        actor=actor.username,
        role=actor.role,
        at=now,
        from_state=case.state,
        to_state=target or case.state,
        payload=payload,
        note=note,
    )


def _check_role(roles: frozenset[Role], actor: Actor, action: Action) -> None:
    if actor.role not in roles:
        allowed = "、".join(r.label for r in Role if r in roles)
        raise PermissionDenied(f"{actor.role.label}无权{action.label}（仅限{allowed}）")


def _require(params: dict[str, Any], key: str, what: str) -> Any:
    value = params.get(key)
    if value is None or value == "":
        raise ValidationError(f"请填写{what}")
    return value


def _parse_limit(text: Any, what: str) -> TimeLimit:
    """A time limit typed by a user; a malformed one is a ValidationError, not a ValueError."""
    try:
        return TimeLimit.parse(str(text))
    except ValueError as exc:
        raise ValidationError(f"{what}填写有误：{exc}") from None


def _decide_report(actor: Actor, now: datetime, ctx: CaseContext, p: dict[str, Any]) -> CaseEvent:
    source = Source(p.get("source") or Source.SUPERVISOR)
    description = str(_require(p, "description", "问题描述")).strip()
    if not description:
        raise ValidationError("请填写问题描述")
    case_id = int(_require(p, "case_id", "案件号"))
    reported_at = _dt(p.get("reported_at")) or now
    self_handled = bool(p.get("self_handled", False))
    lon, lat = coordinate(p.get("lon"), 180, "经度"), coordinate(p.get("lat"), 90, "纬度")
    if (lon is None) != (lat is None):
        raise ValidationError("坐标须同时给出经度和纬度")
    if self_handled and source is not Source.SUPERVISOR:
        raise ValidationError("只有监督员上报的问题可以先行处置")
    payload = {
        "case_no": str(_require(p, "case_no", "案件编号")),
        "source": source.value,
        "reported_at": _iso(reported_at),
        "reporter": str(p.get("reporter") or actor.username),
        "description": description,
        "address": str(p.get("address") or ""),
        "lon": lon,
        "lat": lat,
        "grid_code": p.get("grid_code"),
        "category_code": p.get("category_code"),
        "priority": Priority(p.get("priority") or Priority.NORMAL).value,
        "self_handled": self_handled,
    }
    _start_stage(None, Action.REPORT, payload, reported_at, ctx)
    return CaseEvent(
        case_id=case_id, seq=1, action=Action.REPORT, actor=actor.username, role=actor.role,
        at=now, from_state=None, to_state=CaseState.REPORTED, payload=payload,
        note=str(p.get("note") or ""),
    )  # fmt: skip


def coordinate(value: Any, bound: float, what: str) -> float | None:
    """A longitude or latitude as a finite number within ±bound; NaN, infinity and text
    are refused (stored, they would no longer replay)."""
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{what}不是数字：{value}") from None
    if not math.isfinite(number) or abs(number) > bound:
        raise ValidationError(f"{what}无效：{value}")
    return number


Decider = Callable[[Case, Actor, datetime, CaseContext, dict[str, Any]], dict[str, Any]]


def stage_started(case: Case | None, action: Action, payload: Payload) -> Stage | None:
    """The stage whose clock an action starts, or None: the one home of this rule.

    `decide()` uses it to set the stage deadline, `rederive()` to compute it again under
    another calendar or other stage limits.
    """
    if action is Action.REPORT:
        return Stage.VERIFY if Source(payload["source"]).needs_verification else Stage.FILE
    if action is Action.REQUEST_VERIFICATION:
        return Stage.VERIFY
    if action is Action.VERIFY:
        return Stage.FILE if payload["confirmed"] else None
    if action in (Action.FILE, Action.APPROVE_RETURN):
        return Stage.DISPATCH
    if action in (Action.FEEDBACK, Action.SEND_FOR_CHECK):
        return Stage.CHECK
    if action is Action.REOPEN:
        # Closed after a check: dispatched again. A voided report, or one closed by 先行处置
        # (never filed): filed again, verified first if it still needs it.
        if payload["to"] == CaseState.FILED.value:
            return Stage.DISPATCH
        assert case is not None
        return Stage.VERIFY if case.source.needs_verification and not case.verified \
            else Stage.FILE  # fmt: skip
    return None


def _start_stage(case: Case | None, action: Action, payload: dict[str, Any], start: datetime,
                 ctx: CaseContext) -> None:  # fmt: skip
    stage = stage_started(case, action, payload)
    if stage is not None:
        # The priority the case has once this action is done (filing may set it).
        priority = payload.get("priority") or (case.priority if case else Priority.NORMAL)
        limit = ctx.stage_limits.of(stage, priority)
        payload["stage"] = stage.value
        payload["stage_limit"] = str(limit)
        payload["stage_deadline"] = _iso(ctx.calendar.deadline(start, limit))


def _d_request_verification(case: Case, a: Actor, now: datetime, ctx: CaseContext,
                            p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    return {"supervisor": p.get("supervisor")}


def _d_verify(case: Case, a: Actor, now: datetime, ctx: CaseContext,
              p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    if a.role is Role.SUPERVISOR and case.verify_supervisor not in (None, a.username):
        raise PermissionDenied(f"{case.label} 的核实任务不是派给你的")
    confirmed = bool(p.get("confirmed", True))
    out: dict[str, Any] = {"confirmed": confirmed}
    if not confirmed:
        out["reason"] = str(p.get("reason") or "核实不属实")
    return out


def _d_file(case: Case, a: Actor, now: datetime, ctx: CaseContext,
            p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    if case.self_handled:
        raise IllegalTransition(f"{case.label} 为先行处置上报，请批准或驳回先行处置")
    if case.source.needs_verification and not case.verified and not p.get("skip_verification"):
        raise IllegalTransition(f"{case.label} 来自{case.source.label}，需先经监督员核实才能立案")
    category = p.get("category_code") or case.category_code
    grid = p.get("grid_code") or case.grid_code
    if not category:
        raise ValidationError(f"{case.label} 立案需要选择问题类别")
    if not grid:
        raise ValidationError(f"{case.label} 立案需要确定所在单元网格")
    ctx.handling_limit_of(str(category))  # raises NotFound for an unknown category
    return {
        "category_code": category,
        "grid_code": grid,
        "priority": Priority(p.get("priority") or case.priority).value,
    }


def _d_void(case: Case, a: Actor, now: datetime, ctx: CaseContext,
            p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    if case.state is CaseState.FILED and a.role is not Role.LEADER:
        raise PermissionDenied(f"{case.label} 已立案，作废需值班长批准")
    return {"reason": str(_require(p, "reason", "作废原因"))}


def handling_limit(category_code: str, priority: Priority | str, ctx: CaseContext) -> TimeLimit:
    """The category's limit; an urgent case runs on natural hours, 24/7.

    A category whose own limit is already in natural time (井盖 6 小时) keeps it; one
    counted in working time gets the urgent limit instead.
    """
    limit = ctx.handling_limit_of(category_code)
    if Priority(priority) is Priority.URGENT and limit.unit.is_working_time:
        return ctx.stage_limits.urgent_handling
    return limit


def _d_dispatch(case: Case, a: Actor, now: datetime, ctx: CaseContext,
                p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    unit = str(_require(p, "unit_code", "处置单位"))
    assert case.category_code is not None  # a filed case always has one
    if p.get("limit"):
        limit = _parse_limit(p["limit"], "处置时限")
    else:
        limit = handling_limit(case.category_code, case.priority, ctx)
    return {
        "unit_code": unit,
        "limit": str(limit),
        "deadline": _iso(ctx.calendar.deadline(now, limit)),
        "reason": str(p.get("reason") or ""),
    }


def _d_feedback(case: Case, a: Actor, now: datetime, ctx: CaseContext,
                p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    if case.pending_request is not None:
        raise IllegalTransition(
            f"{case.label} 有待审批的{case.pending_request.label}申请，请先等待值班长处理"
        )
    return {"result": str(p.get("result") or "已处置")}


def _request(kind: RequestKind) -> Decider:
    def decide_request(case: Case, a: Actor, now: datetime, ctx: CaseContext,
                       p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
        if case.pending_request is not None:
            raise IllegalTransition(
                f"{case.label} 已有待审批的{case.pending_request.label}申请"
            )
        out: dict[str, Any] = {"kind": kind.value, "reason": str(_require(p, "reason", "申请理由"))}
        if kind is RequestKind.EXTENSION:
            out["extra"] = str(_parse_limit(_require(p, "extra", "延期时长"), "延期时长"))
        return out

    return decide_request


def _decision(kind: RequestKind) -> Decider:
    def decide_on_request(case: Case, a: Actor, now: datetime, ctx: CaseContext,
                          p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
        if case.pending_request is not kind:
            raise IllegalTransition(f"{case.label} 没有待审批的{kind.label}申请")
        return {"kind": kind.value, "comment": str(p.get("comment") or "")}

    return decide_on_request


def _d_approve_extension(case: Case, a: Actor, now: datetime, ctx: CaseContext,
                         p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    out = _decision(RequestKind.EXTENSION)(case, a, now, ctx, p)
    extra = _parse_limit(p.get("extra") or case.pending_payload["extra"], "延期时长")
    out["extra"] = str(extra)
    out["deadline"] = _iso(_extended_deadline(case, extra, ctx))
    return out


def _extended_deadline(case: Case, extra: TimeLimit, ctx: CaseContext) -> datetime:
    assert case.deadline is not None
    return ctx.calendar.deadline(case.deadline, extra)


def _d_restore(case: Case, a: Actor, now: datetime, ctx: CaseContext,
               p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    return {"deadline": _iso(_restored_deadline(case, now, ctx)),
            "paused_seconds": _paused_seconds(case, now, ctx)}  # fmt: skip


def _paused_seconds(case: Case, now: datetime, ctx: CaseContext) -> float:
    """How long the handling clock stood still, in the clock's own measure."""
    assert case.suspended_at is not None
    limit = TimeLimit.parse(case.handling_limit or "1 工作日")
    if limit.unit.is_working_time:
        return ctx.calendar.working_seconds(case.suspended_at, now)
    return max(0.0, (now - case.suspended_at).total_seconds())


def _restored_deadline(case: Case, now: datetime, ctx: CaseContext) -> datetime:
    # The handling clock was paused while suspended: give back the time that was left.
    assert case.deadline is not None
    assert case.suspended_at is not None
    limit = TimeLimit.parse(case.handling_limit or "1 工作日")
    if limit.unit.is_working_time:
        left = ctx.calendar.working_seconds(case.suspended_at, case.deadline)
        return ctx.calendar.deadline(now, TimeLimit(left / 3600, LimitUnit.WORK_HOURS)) \
            if left > 0 else now  # fmt: skip
    return now + max(case.deadline - case.suspended_at, timedelta(0))


def _d_send_for_check(case: Case, a: Actor, now: datetime, ctx: CaseContext,
                      p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    return {"supervisor": str(_require(p, "supervisor", "核查监督员"))}


def _d_check(passed: bool) -> Decider:
    def decide_check(case: Case, a: Actor, now: datetime, ctx: CaseContext,
                     p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
        if case.check_supervisor is None:
            raise IllegalTransition(f"{case.label} 尚未派发核查，不能录入核查结果")
        if a.role is Role.SUPERVISOR and a.username != case.check_supervisor:
            raise PermissionDenied(f"{case.label} 的核查任务不是派给你的")
        out: dict[str, Any] = {"passed": passed, "comment": str(p.get("comment") or "")}
        if not passed and not out["comment"]:
            raise ValidationError("核查不通过需要说明原因")
        return out

    return decide_check


def _d_self_handled(approve: bool) -> Decider:
    def decide_self_handled(case: Case, a: Actor, now: datetime, ctx: CaseContext,
                            p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
        if not case.self_handled:
            raise IllegalTransition(f"{case.label} 不是先行处置上报")
        if approve:
            return {"comment": str(p.get("comment") or "")}
        return {"comment": str(_require(p, "comment", "驳回理由"))}

    return decide_self_handled


def _d_remind(case: Case, a: Actor, now: datetime, ctx: CaseContext,
              p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    """Whom a reminder goes to follows the stage: the supervisor sent to verify or check,
    or the unit handling the case."""
    if case.state is CaseState.DISPATCHED:
        return {"message": str(p.get("message") or "请尽快处置"), "unit_code": case.unit_code}
    supervisor = case.verify_supervisor if case.state is CaseState.VERIFYING \
        else case.check_supervisor  # fmt: skip
    if supervisor is None:
        task = "核实" if case.state is CaseState.VERIFYING else "核查"
        raise IllegalTransition(f"{case.label} 尚未派发{task}，请先派发{task}")
    task = "核实" if case.state is CaseState.VERIFYING else "核查"
    return {"message": str(p.get("message") or f"请尽快到现场{task}"), "supervisor": supervisor}


def _d_escalate(case: Case, a: Actor, now: datetime, ctx: CaseContext,
                p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    """督办: the instruction (督办意见, kept as ``reason``) is required. Once the unit has
    replied the case may be escalated again."""
    if case.escalation_open:
        raise IllegalTransition(f"{case.label} 已在督办中，等待处置单位回复")
    instruction = str(p.get("reason") or "").strip()
    if not instruction:
        raise ValidationError("请填写督办意见")
    return {"reason": instruction}


def _d_escalation_reply(case: Case, a: Actor, now: datetime, ctx: CaseContext,
                        p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    if not case.escalation_open:
        raise IllegalTransition(f"{case.label} 没有待回复的督办")
    reply = str(p.get("reply") or "").strip()
    if not reply:
        raise ValidationError("请填写督办回复")
    return {"reply": reply}


def _d_merge(case: Case, a: Actor, now: datetime, ctx: CaseContext,
             p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    original = int(_require(p, "original_id", "原案件"))
    if original == case.id:
        raise ValidationError(f"{case.label} 不能与自身合并")
    # Merging voids the duplicate, so a filed one needs the leader exactly as VOID does.
    if case.state is CaseState.FILED and a.role is not Role.LEADER:
        raise PermissionDenied(f"{case.label} 已立案，合并作废需值班长批准")
    return {"original_id": original, "original_no": str(p.get("original_no") or "")}


def _d_absorb(case: Case, a: Actor, now: datetime, ctx: CaseContext,
              p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    duplicate = int(_require(p, "duplicate_id", "重复案件"))
    if duplicate == case.id:
        raise ValidationError(f"{case.label} 不能与自身合并")
    return {"duplicate_id": duplicate, "duplicate_no": str(p.get("duplicate_no") or "")}


def _d_reclassify(case: Case, a: Actor, now: datetime, ctx: CaseContext,
                  p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    category = str(_require(p, "category_code", "新的问题类别"))
    if category == case.category_code:
        raise ValidationError(f"{case.label} 已是该类别")
    ctx.handling_limit_of(category)
    return {"category_code": category, "previous": case.category_code}


def _d_note(case: Case, a: Actor, now: datetime, ctx: CaseContext,
            p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    text = str(p.get("text") or "").strip()
    attachments = p.get("attachments")
    if not text and not attachments:
        raise ValidationError("备注内容不能为空")
    # The attachments are what made a text-less note acceptable: record them.
    return {"text": text, "attachments": list(attachments)} if attachments else {"text": text}


def _d_reopen(case: Case, a: Actor, now: datetime, ctx: CaseContext,
              p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    # A case closed after a check was filed: it goes back to be dispatched again. A voided
    # report, or one closed by 先行处置 straight from "reported" (never filed, maybe with no
    # category), goes back to be filed (`stage_started` says which stage then runs).
    if case.state is CaseState.CLOSED and not case.closed_by_self_handling:
        target = CaseState.FILED
    else:
        target = CaseState.REPORTED
    return {"reason": str(_require(p, "reason", "重新打开的原因")), "to": target.value}


def _d_recompute(case: Case, a: Actor, now: datetime, ctx: CaseContext,
                 p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    # The new values come from `rederive()` over the case's history (the service has it);
    # the event records them with the old ones and why, so the change is audited.
    deadline, stage_deadline = _dt(p.get("deadline")), _dt(p.get("stage_deadline"))
    # It moves the deadlines the case has; it never gives or takes one away.
    if (deadline is None) != (case.deadline is None) or \
            (stage_deadline is None) != (case.stage_deadline is None):  # fmt: skip
        raise ValidationError(f"{case.label} 重算期限须给出案件现有的每个期限")
    if (deadline, stage_deadline) == (case.deadline, case.stage_deadline):
        raise ValidationError(f"{case.label} 的期限没有变化，无需重算")
    return {
        "reason": str(_require(p, "reason", "重算原因")),
        "deadline": _iso(deadline),
        "stage_deadline": _iso(stage_deadline),
        "clock_limit": p.get("clock_limit", case.clock_limit),
        "handling_paused_seconds": p.get("handling_paused_seconds",
                                         case.handling_paused_seconds),
        "previous_deadline": _iso(case.deadline),
        "previous_stage_deadline": _iso(case.stage_deadline),
    }


def _d_revisit(case: Case, a: Actor, now: datetime, ctx: CaseContext,
               p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    if not case.source.needs_verification:
        raise IllegalTransition(f"{case.label} 由监督员上报，没有需要回访的市民")
    if case.satisfaction not in (None, Satisfaction.NOT_REACHED.value):
        done = Satisfaction(case.satisfaction).label
        raise IllegalTransition(f"{case.label} 已回访（{done}），不能重复回访")
    answer = str(_require(p, "result", "回访结果")).strip()
    by_label = {s.label: s for s in Satisfaction}
    try:
        result = by_label.get(answer) or Satisfaction(answer)
    except ValueError:
        choices = "、".join(s.label for s in Satisfaction)
        raise ValidationError(f"回访结果应为{choices}之一") from None
    comment = str(p.get("comment") or "").strip()
    if result is Satisfaction.DISSATISFIED and not comment:
        raise ValidationError("市民不满意时请记录不满意的原因")
    return {"result": result.value, "comment": comment}


def _no_payload(case: Case, a: Actor, now: datetime, ctx: CaseContext,
                p: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    return {}


_DECIDERS: dict[Action, Decider] = {
    Action.REQUEST_VERIFICATION: _d_request_verification,
    Action.VERIFY: _d_verify,
    Action.FILE: _d_file,
    Action.VOID: _d_void,
    Action.DISPATCH: _d_dispatch,
    Action.FEEDBACK: _d_feedback,
    Action.REQUEST_RETURN: _request(RequestKind.RETURN),
    Action.APPROVE_RETURN: _decision(RequestKind.RETURN),
    Action.REJECT_RETURN: _decision(RequestKind.RETURN),
    Action.REQUEST_EXTENSION: _request(RequestKind.EXTENSION),
    Action.APPROVE_EXTENSION: _d_approve_extension,
    Action.REJECT_EXTENSION: _decision(RequestKind.EXTENSION),
    Action.REQUEST_SUSPENSION: _request(RequestKind.SUSPENSION),
    Action.APPROVE_SUSPENSION: _decision(RequestKind.SUSPENSION),
    Action.REJECT_SUSPENSION: _decision(RequestKind.SUSPENSION),
    Action.RESTORE: _d_restore,
    Action.SEND_FOR_CHECK: _d_send_for_check,
    Action.CHECK_PASS: _d_check(True),
    Action.CHECK_FAIL: _d_check(False),
    Action.APPROVE_SELF_HANDLED: _d_self_handled(True),
    Action.REJECT_SELF_HANDLED: _d_self_handled(False),
    Action.REMIND: _d_remind,
    Action.ESCALATE: _d_escalate,
    Action.ESCALATION_REPLY: _d_escalation_reply,
    Action.MERGE: _d_merge,
    Action.ABSORB_DUPLICATE: _d_absorb,
    Action.RECLASSIFY: _d_reclassify,
    Action.NOTE: _d_note,
    Action.REOPEN: _d_reopen,
    Action.RECOMPUTE_DEADLINES: _d_recompute,
    Action.REVISIT: _d_revisit,
}
assert set(_DECIDERS) | {Action.REPORT} == set(Action), "every action needs a decider"


# --------------------------------------------------------------------------------- evolve


def evolve(case: Case | None, event: CaseEvent) -> Case:
    """Apply one event; uses only the event's data so that replay is exact."""
    p = event.payload
    started = stage_started(case, event.action, p) if "stage_deadline" in p else None
    if event.action is Action.REPORT:
        values = {k: p[k] for k in REPORT_FIELDS}
        values["source"] = Source(values["source"])
        values["priority"] = Priority(values["priority"])
        values["reported_at"] = _dt(values["reported_at"])
        case = Case(id=event.case_id, **values)
        case.stage_deadline = _dt(p.get("stage_deadline"))
    else:
        if case is None:
            raise ValueError(f"event {event.action} before the case was reported")
        case = case.copy()
        _EVOLVERS.get(event.action, _evolve_nothing)(case, event, p)
    case.state = event.to_state
    case.event_count = event.seq
    case.updated_at = event.at
    if "stage_deadline" in p:
        case.stage_deadline = _dt(p["stage_deadline"])
    _evolve_clock(case, event, started)
    if not case.state.is_open:
        case.stage_deadline = None
        case.clock_stage = case.clock_started_at = case.clock_limit = None
        case.escalation_open = False
    return case


def _evolve_clock(case: Case, e: CaseEvent, started: Stage | None) -> None:
    """Which clock runs after the event (domain.clock turns it into a reading)."""
    p = e.payload
    if started is not None:
        case.clock_stage = started.value
        case.clock_started_at = case.reported_at if e.action is Action.REPORT else e.at
        # Stage limits recorded before the clock existed were all working time.
        case.clock_limit = p.get("stage_limit")
    elif e.action is Action.DISPATCH:
        case.clock_stage = Stage.HANDLING.value
        case.clock_started_at = e.at
        case.clock_limit = p["limit"]
        case.handling_paused_seconds = 0.0
    elif e.action is Action.CHECK_FAIL:  # rework: the handling clock runs on, as it was
        case.clock_stage = Stage.HANDLING.value
        case.clock_started_at = case.dispatched_at
        case.clock_limit = case.handling_limit


def _evolve_nothing(case: Case, e: CaseEvent, p: Payload) -> None:
    return None


def _e_request_verification(case: Case, e: CaseEvent, p: Payload) -> None:
    case.verify_supervisor = p.get("supervisor")


def _e_verify(case: Case, e: CaseEvent, p: Payload) -> None:
    if p["confirmed"]:
        case.verified = True
    else:
        case.void_reason = p["reason"]


def _e_file(case: Case, e: CaseEvent, p: Payload) -> None:
    case.category_code = p["category_code"]
    case.grid_code = p["grid_code"]
    case.priority = Priority(p["priority"])


def _e_void(case: Case, e: CaseEvent, p: Payload) -> None:
    case.void_reason = p["reason"]


def _e_dispatch(case: Case, e: CaseEvent, p: Payload) -> None:
    case.unit_code = p["unit_code"]
    case.handling_limit = p["limit"]
    case.dispatched_at = e.at
    case.deadline = _dt(p["deadline"])
    case.stage_deadline = case.deadline
    case.check_supervisor = None
    case.check_sent_at = None


def _e_feedback(case: Case, e: CaseEvent, p: Payload) -> None:
    case.check_supervisor = None
    case.check_sent_at = None


def _e_request(case: Case, e: CaseEvent, p: Payload) -> None:
    case.pending_request = RequestKind(p["kind"])
    case.pending_payload = {k: v for k, v in p.items() if k != "kind"}


def _e_clear_request(case: Case, e: CaseEvent, p: Payload) -> None:
    case.pending_request = None
    case.pending_payload = {}


def _e_approve_return(case: Case, e: CaseEvent, p: Payload) -> None:
    _e_clear_request(case, e, p)
    case.return_count += 1
    case.unit_code = None
    case.handling_limit = None
    case.dispatched_at = None
    case.deadline = None


def _e_approve_extension(case: Case, e: CaseEvent, p: Payload) -> None:
    _e_clear_request(case, e, p)
    case.extension_count += 1
    case.deadline = _dt(p["deadline"])
    case.stage_deadline = case.deadline


def _e_approve_suspension(case: Case, e: CaseEvent, p: Payload) -> None:
    _e_clear_request(case, e, p)
    case.suspended_at = e.at
    case.stage_deadline = None


def _e_restore(case: Case, e: CaseEvent, p: Payload) -> None:
    # (Restores recorded before the clock existed carry no paused time: counted as 0.)
    case.handling_paused_seconds += float(p.get("paused_seconds", 0.0))
    case.suspended_at = None
    case.deadline = _dt(p["deadline"])
    case.stage_deadline = case.deadline


def _e_send_for_check(case: Case, e: CaseEvent, p: Payload) -> None:
    case.check_supervisor = p["supervisor"]
    case.check_sent_at = e.at


def _e_check_pass(case: Case, e: CaseEvent, p: Payload) -> None:
    case.check_passed = True
    case.closed_at = e.at


def _e_check_fail(case: Case, e: CaseEvent, p: Payload) -> None:
    case.rework_count += 1
    case.check_supervisor = None
    case.check_sent_at = None
    case.stage_deadline = case.deadline


def _e_approve_self_handled(case: Case, e: CaseEvent, p: Payload) -> None:
    case.closed_by_self_handling = True
    case.closed_at = e.at


def _e_reject_self_handled(case: Case, e: CaseEvent, p: Payload) -> None:
    case.self_handled = False


def _e_remind(case: Case, e: CaseEvent, p: Payload) -> None:
    case.remind_count += 1


def _e_escalate(case: Case, e: CaseEvent, p: Payload) -> None:
    case.is_key = True
    case.escalation_open = True


def _e_escalation_reply(case: Case, e: CaseEvent, p: Payload) -> None:
    case.escalation_open = False


def _e_merge(case: Case, e: CaseEvent, p: Payload) -> None:
    case.merged_into = p["original_id"]
    case.void_reason = f"重复案件，已并入 {p.get('original_no') or p['original_id']}"


def _e_absorb(case: Case, e: CaseEvent, p: Payload) -> None:
    # A duplicate merged again after a reopen is listed once.
    duplicate = int(p["duplicate_id"])
    if duplicate not in case.duplicate_ids:
        case.duplicate_ids = (*case.duplicate_ids, duplicate)


def _e_reclassify(case: Case, e: CaseEvent, p: Payload) -> None:
    case.category_code = p["category_code"]


def _e_recompute(case: Case, e: CaseEvent, p: Payload) -> None:
    case.deadline = _dt(p["deadline"])
    case.clock_limit = p.get("clock_limit", case.clock_limit)
    case.handling_paused_seconds = float(p.get("handling_paused_seconds",
                                               case.handling_paused_seconds))  # fmt: skip


def _e_revisit(case: Case, e: CaseEvent, p: Payload) -> None:
    case.satisfaction = p["result"]


def _e_reopen(case: Case, e: CaseEvent, p: Payload) -> None:
    # Reopening starts the loop again: the old result (and the citizen's verdict on it)
    # no longer stands.
    case.satisfaction = None
    case.check_passed = False
    case.closed_by_self_handling = False
    case.self_handled = False
    case.closed_at = None
    case.void_reason = ""
    case.merged_into = None
    case.unit_code = None
    case.handling_limit = None
    case.dispatched_at = None
    case.deadline = None
    case.check_supervisor = None
    case.check_sent_at = None


_EVOLVERS: dict[Action, Callable[[Case, CaseEvent, Payload], None]] = {
    Action.REQUEST_VERIFICATION: _e_request_verification,
    Action.VERIFY: _e_verify,
    Action.FILE: _e_file,
    Action.VOID: _e_void,
    Action.DISPATCH: _e_dispatch,
    Action.FEEDBACK: _e_feedback,
    Action.REQUEST_RETURN: _e_request,
    Action.REQUEST_EXTENSION: _e_request,
    Action.REQUEST_SUSPENSION: _e_request,
    Action.APPROVE_RETURN: _e_approve_return,
    Action.REJECT_RETURN: _e_clear_request,
    Action.APPROVE_EXTENSION: _e_approve_extension,
    Action.REJECT_EXTENSION: _e_clear_request,
    Action.APPROVE_SUSPENSION: _e_approve_suspension,
    Action.REJECT_SUSPENSION: _e_clear_request,
    Action.RESTORE: _e_restore,
    Action.SEND_FOR_CHECK: _e_send_for_check,
    Action.CHECK_PASS: _e_check_pass,
    Action.CHECK_FAIL: _e_check_fail,
    Action.APPROVE_SELF_HANDLED: _e_approve_self_handled,
    Action.REJECT_SELF_HANDLED: _e_reject_self_handled,
    Action.REMIND: _e_remind,
    Action.ESCALATE: _e_escalate,
    Action.ESCALATION_REPLY: _e_escalation_reply,
    Action.MERGE: _e_merge,
    Action.ABSORB_DUPLICATE: _e_absorb,
    Action.RECLASSIFY: _e_reclassify,
    Action.REOPEN: _e_reopen,
    Action.RECOMPUTE_DEADLINES: _e_recompute,
    Action.REVISIT: _e_revisit,
}


def replay(events: Iterable[CaseEvent]) -> Case:
    """Rebuild a case from its full history."""
    case: Case | None = None
    for event in events:
        case = evolve(case, event)
    if case is None:
        raise ValueError("a case needs at least its REPORT event")
    return case


def rederive(events: Sequence[CaseEvent], ctx: CaseContext) -> Case:
    """The case as its history would have made it under ``ctx``'s calendar and limits.

    Each deadline an event fixed is computed again from the same start: stage deadlines
    from the stage's start with the stage limit (`stage_started`), the handling deadline
    from the dispatch with the limit fixed then, extensions from the deadline they
    extended, a restore from the time left when the case was suspended. Earlier
    recomputations are derived values and are skipped: the walk replaces them.
    """
    case: Case | None = None
    for event in events:
        if event.action is Action.RECOMPUTE_DEADLINES:
            continue
        p = dict(event.payload)
        if "stage_deadline" in p:
            start = _dt(p["reported_at"]) if event.action is Action.REPORT else event.at
            assert start is not None
            p.pop("stage_deadline")
            _start_stage(case, event.action, p, start, ctx)
        if event.action is Action.DISPATCH:
            p["deadline"] = _iso(ctx.calendar.deadline(event.at, TimeLimit.parse(p["limit"])))
        elif event.action is Action.APPROVE_EXTENSION and case is not None:
            p["deadline"] = _iso(_extended_deadline(case, TimeLimit.parse(p["extra"]), ctx))
        elif event.action is Action.RESTORE and case is not None:
            p["deadline"] = _iso(_restored_deadline(case, event.at, ctx))
            p["paused_seconds"] = _paused_seconds(case, event.at, ctx)
        # (the constructor, not dataclasses.replace: several times faster, see Case.copy)
        e = event
        case = evolve(case, CaseEvent(e.case_id, e.seq, e.action, e.actor, e.role, e.at,
                                      e.from_state, e.to_state, p, e.note))  # fmt: skip
    if case is None:
        raise ValueError("a case needs at least its REPORT event")
    return case


def execute(
    case: Case | None, action: Action, actor: Actor, now: datetime, ctx: CaseContext,
    params: Payload | None = None,
) -> tuple[Case, CaseEvent]:
    """Decide and evolve in one step: the new case state and the event that made it."""
    event = decide(case, action, actor, now, ctx, params)
    return evolve(case, event), event
