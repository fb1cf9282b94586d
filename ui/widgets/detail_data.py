"""What the case detail panel shows, assembled on a worker thread (no Qt, no ORM objects).

The panel never touches the database or the reference data on the GUI thread: names,
category parts and the deadline figures (working-time arithmetic) are all resolved here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from workstation.bootstrap import Workstation
from workstation.domain.calendar import WorkCalendar
from workstation.domain.case import Stage
from workstation.domain.clock import ClockLevel, ClockReading, read_clock, read_handling_clock
from workstation.domain.lifecycle import Action, CaseState, RequestKind
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
    level: ClockLevel = ClockLevel.NORMAL  # the clock's (domain.clock), never recomputed

    @property
    def warning(self) -> bool:
        return self.level is ClockLevel.WARNING


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
    """The handling clock (running, paused, or as it stopped at the unit's feedback) and the
    current stage's clock — both read by `domain.clock`, the one home of the rule."""
    s = detail.summary
    cal = ref.calendar
    running = read_clock(s, cal, now)
    out: list[Timing] = []
    if running is not None and running.stage is Stage.HANDLING:
        out.append(_timing(cal, running, running=not running.paused))
    elif s.dispatched_at is not None and s.deadline is not None:
        fed = _last(detail.events, Action.FEEDBACK)
        if fed is not None and CaseState(s.state) in (CaseState.AWAITING_CHECK,
                                                       CaseState.CLOSED):  # fmt: skip
            stopped = read_handling_clock(s, cal, fed.at)
            if stopped is not None:
                out.append(_timing(cal, stopped, running=False))
    if running is not None and running.stage is not Stage.HANDLING:
        out.append(_timing(cal, running, running=True))
    return tuple(out)


def _timing(cal: WorkCalendar, reading: ClockReading, *, running: bool) -> Timing:
    return Timing(
        stage=reading.stage.value,
        limit=reading.limit,
        start=reading.started_at,
        deadline=reading.deadline,
        fraction=reading.used_fraction,
        remaining_s=reading.remaining_seconds,
        working=reading.working,
        running=running,
        overdue=reading.overdue,
        seconds_per_workday=cal.seconds_per_workday,
        level=reading.level,
    )

