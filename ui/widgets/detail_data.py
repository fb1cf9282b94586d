"""What the case detail panel shows, assembled on a worker thread (no Qt, no ORM objects).

The panel never touches the database or the reference data on the GUI thread: names,
category parts and the deadline figures (working-time arithmetic) are all resolved here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from workstation.bootstrap import Workstation
from workstation.domain.calendar import LimitUnit, TimeLimit, WorkCalendar
from workstation.domain.case import Stage as StageName
from workstation.domain.lifecycle import Action, CaseState, RequestKind, Source
from workstation.domain.roles import Actor
from workstation.services.dto import CaseDetail, EventView
from workstation.services.reference import Reference


@dataclass(frozen=True, slots=True)
class Timing:
    """One clock of the case: the handling deadline or the current stage's deadline."""

    stage: str  # "handling", "verify", "file", "dispatch", "check"
    limit: str  # "3 工作日"; "" when unknown
    start: datetime
    deadline: datetime
    fraction: float  # share of the limit used (> 1.0: overdue)
    remaining_s: float  # working or natural seconds, by `working`; negative when overdue
    working: bool  # counted in working time (工作时/工作日) or natural time
    running: bool  # False: stopped (fed back, suspended, closed): the figures are final
    overdue: bool
    seconds_per_workday: float


@dataclass(frozen=True, slots=True)
class PendingRequest:
    kind: str  # RequestKind value
    kind_label: str
    reason: str
    extra: str  # the extension asked for ("1 工作日"), else ""
    by: str  # display name of who asked
    at: datetime | None


@dataclass(frozen=True, slots=True)
class CategoryParts:
    code: str
    kind_label: str  # 部件 / 事件
    major_code: str
    major_name: str
    minor_code: str
    name: str


@dataclass(frozen=True, slots=True)
class DetailBundle:
    detail: CaseDetail
    now: datetime
    reporter: str  # display name
    reporter_role: str  # role label of whoever registered the report
    category: CategoryParts | None
    check_supervisor: str  # display name, "" when none
    merged_into_no: str
    duplicate_nos: tuple[tuple[int, str], ...]  # cases merged into this one
    pending: PendingRequest | None
    timings: tuple[Timing, ...]
    # Names the timeline needs for payload codes: units, people, categories.
    unit_names: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    state_labels: dict[str, str] = field(default_factory=dict)

    @property
    def case_id(self) -> int:
        return self.detail.summary.id

    @property
    def version(self) -> int:
        return self.detail.summary.version


def load_bundle(ws: Workstation, actor: Actor, case_id: int) -> DetailBundle:
    """Run on a worker: the case detail for `actor` and everything derived from it."""
    now = ws.clock()
    detail = ws.case_detail(case_id, actor, now)
    return build_bundle(ws.reference, detail, now)


def build_bundle(ref: Reference, detail: CaseDetail, now: datetime) -> DetailBundle:
    s = detail.summary
    events = detail.events
    first = events[0] if events else None
    reporter = str(first.payload.get("reporter") or first.actor) if first else ""
    category = None
    if s.category_code and s.category_code in ref.catalog:
        c = ref.catalog.get(s.category_code)
        category = CategoryParts(c.code, c.kind.label, c.major_code, c.major_name,
                                 c.minor_code, c.name)  # fmt: skip
    unit_names: dict[str, str] = {}
    people: dict[str, str] = {}
    categories: dict[str, str] = {}
    for e in events:
        p = e.payload
        for key in ("unit_code",):
            if p.get(key):
                unit_names[str(p[key])] = ref.unit_name(str(p[key]))
        for key in ("supervisor", "reporter"):
            if p.get(key):
                people[str(p[key])] = ref.account_name(str(p[key]))
        for key in ("category_code", "previous"):
            if p.get(key):
                categories[str(p[key])] = ref.category_name(str(p[key])) or str(p[key])
    if s.unit:
        unit_names[s.unit] = s.unit_name
    merged_into_no = ""
    duplicate_nos: list[tuple[int, str]] = []
    for e in events:
        if e.action == Action.MERGE.value:
            merged_into_no = str(e.payload.get("original_no") or e.payload.get("original_id"))
        elif e.action == Action.ABSORB_DUPLICATE.value:
            dup = int(e.payload["duplicate_id"])
            if all(d != dup for d, _ in duplicate_nos):
                duplicate_nos.append((dup, str(e.payload.get("duplicate_no") or dup)))
    if detail.merged_into is None:
        merged_into_no = ""
    return DetailBundle(
        detail=detail,
        now=now,
        reporter=ref.account_name(reporter) if reporter else "",
        reporter_role=first.role_label if first else "",
        category=category,
        check_supervisor=ref.account_name(detail.check_supervisor)
        if detail.check_supervisor
        else "",
        merged_into_no=merged_into_no,
        duplicate_nos=tuple(d for d in duplicate_nos if d[0] in detail.duplicate_ids),
        pending=_pending(s.pending_request, events),
        timings=timings(ref, detail, now),
        unit_names=unit_names,
        people=people,
        categories=categories,
        state_labels={st.value: st.label for st in CaseState},
    )


def _pending(kind: str | None, events: Sequence[EventView]) -> PendingRequest | None:
    if kind is None:
        return None
    request = RequestKind(kind)
    action = {
        RequestKind.RETURN: Action.REQUEST_RETURN,
        RequestKind.EXTENSION: Action.REQUEST_EXTENSION,
        RequestKind.SUSPENSION: Action.REQUEST_SUSPENSION,
    }[request].value
    asked = next((e for e in reversed(events) if e.action == action), None)
    p = asked.payload if asked else {}
    return PendingRequest(
        kind=request.value,
        kind_label=request.label,
        reason=str(p.get("reason") or ""),
        extra=str(p.get("extra") or ""),
        by=asked.actor_name if asked else "",
        at=asked.at if asked else None,
    )


def _last(events: Sequence[EventView], action: Action) -> EventView | None:
    return next((e for e in reversed(events) if e.action == action.value), None)


def timings(ref: Reference, detail: CaseDetail, now: datetime) -> tuple[Timing, ...]:
    """The handling clock (from dispatch) and the current stage's clock, when they apply."""
    s = detail.summary
    state = CaseState(s.state)
    cal = ref.calendar
    out: list[Timing] = []
    dispatched = _last(detail.events, Action.DISPATCH)
    if s.deadline is not None and dispatched is not None:
        limit = _parse(s.handling_limit)
        unit = limit.unit if limit else LimitUnit.WORK_DAYS
        # The clock stops at the unit's feedback; while suspended it is paused.
        end = now
        if state in (CaseState.AWAITING_CHECK, CaseState.CLOSED):
            fed = _last(detail.events, Action.FEEDBACK)
            end = fed.at if fed is not None else now
        elif state is CaseState.SUSPENDED:
            paused = _last(detail.events, Action.APPROVE_SUSPENSION)
            end = paused.at if paused is not None else now
        out.append(_timing(cal, "handling", str(limit) if limit else "", dispatched.at,
                           s.deadline, end, unit, running=state is CaseState.DISPATCHED,
                           pauses=_suspensions(detail.events, dispatched.at)))  # fmt: skip
    stage = _stage_of(state, s.source, detail.verified)
    if stage is not None and s.stage_deadline is not None and s.stage_deadline != s.deadline:
        started = next((e for e in reversed(detail.events) if "stage_deadline" in e.payload), None)
        limit = ref.stage_limits.of(StageName(stage), s.priority)
        start = started.at if started is not None else s.reported_at
        out.append(_timing(cal, stage, str(limit), start, s.stage_deadline, now, limit.unit,
                           running=True, pauses=()))  # fmt: skip
    return tuple(out)


def _stage_of(state: CaseState, source: str, verified: bool) -> str | None:
    if state is CaseState.REPORTED:
        needs = Source(source).needs_verification and not verified
        return "verify" if needs else "file"
    return {
        CaseState.VERIFYING: "verify",
        CaseState.FILED: "dispatch",
        CaseState.AWAITING_CHECK: "check",
    }.get(state)


Period = tuple[datetime, datetime]


def _suspensions(events: Sequence[EventView], since: datetime) -> tuple[Period, ...]:
    """Suspended periods after `since` that were restored (the open one is the clock's end)."""
    out: list[Period] = []
    began: datetime | None = None
    for e in events:
        if e.at < since:
            continue
        if e.action == Action.APPROVE_SUSPENSION.value:
            began = e.at
        elif e.action == Action.RESTORE.value and began is not None:
            out.append((began, e.at))
            began = None
    return tuple(out)


def _timing(cal: WorkCalendar, stage: str, limit: str, start: datetime, deadline: datetime,
            end: datetime, unit: LimitUnit, *, running: bool,
            pauses: Sequence[tuple[datetime, datetime]]) -> Timing:  # fmt: skip
    working = unit.is_working_time
    if not pauses:
        fraction = cal.elapsed_fraction(start, deadline, end, unit)
    else:
        # A restore moved the deadline by the time left at suspension, so the suspended
        # periods count on neither side of the ratio.
        def span(a: datetime, b: datetime) -> float:
            if b <= a:
                return 0.0
            return cal.working_seconds(a, b) if working else (b - a).total_seconds()

        paused = sum(span(a, min(b, end)) for a, b in pauses if a < end)
        paused_total = sum(span(a, b) for a, b in pauses)
        used = span(start, end) - paused
        total = span(start, deadline) - paused_total
        fraction = used / total if total > 0 else (1.0 if end >= deadline else 0.0)
        if end > deadline:
            fraction = max(fraction, 1.0 + 1e-9)
    remaining = cal.remaining_seconds(end, deadline, unit)
    return Timing(
        stage=stage,
        limit=limit,
        start=start,
        deadline=deadline,
        fraction=fraction,
        remaining_s=remaining if end <= deadline else -_overdue_by(cal, deadline, end, working),
        working=working,
        running=running,
        overdue=end > deadline,
        seconds_per_workday=cal.seconds_per_workday,
    )


def _overdue_by(cal: WorkCalendar, deadline: datetime, end: datetime, working: bool) -> float:
    return cal.working_seconds(deadline, end) if working else (end - deadline).total_seconds()


def _parse(text: str | None) -> TimeLimit | None:
    try:
        return TimeLimit.parse(text) if text else None
    except ValueError:
        return None
