"""The indicators of the evaluation step (综合评价), computed from event histories.

Pure functions: the services feed them each case's events once per period. The counting
rules are those of `../shared/EVALUATION.md` §2; where the standard leaves a choice, the
rule chosen is written here, once.

Handling units (专业部门). A case belongs to the unit that finally handles it (the unit
of its last dispatch). Period attribution: a case counts in the period in which it was
handled (the unit's last feedback) or, not handled by the evaluation instant, the period
in which it fell due — so each handling counts once, in one period. Open cases are judged
at the end of the period, or now if the period has not ended (``as_of``). A case in
approved 挂账 at ``as_of`` leaves the unit's figures while suspended (the default rule).

- 应处置数 due_to_handle: cases attributed to the period;
- 处置数 handled: of those, the unit gave its feedback by ``as_of``;
- 按期处置数 handled_on_time: the feedback came by the deadline in force (extensions in);
- 超期未处置数 open_overdue: no feedback, deadline passed at ``as_of``;
- 应结案数 due_to_close = 处置数 + 超期未处置数;
- 结案数 closed: closed after a passed check within the period (a closing counts in the
  period it happened, like a handling); 按期结案数 closed_on_time: and the feedback that led
  to the closing was on time;
- 返工数 rework: at least one failed check; 延期数 extended: an approved extension;
- rates as EVALUATION.md: ÷ 应处置数 (按期处置率, 处置率, 延期率) or ÷ 应结案数 (结案率,
  按期结案率, 返工率), a percentage with one decimal, None ("—") for an empty denominator;
- 处置超时倍数 overtime_ratio: mean of (handling time − time allowed) ÷ time allowed over
  the late handlings, in the handling clock's measure (`domain.clock`);
- 立案数 filed: cases dispatched to the unit within the period (the count band's input).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from workstation.domain.calendar import WorkCalendar
from workstation.domain.case import CaseEvent
from workstation.domain.clock import read_handling_clock
from workstation.domain.lifecycle import Action, CaseState

__all__ = ["HandlingFacts", "Period", "PostIndicators", "SupervisorIndicators", "UnitIndicators",
           "centre_indicators", "handling_facts", "post_indicators", "rate", "region_filings",
           "region_row",
           "supervisor_indicators", "unit_indicators"]


@dataclass(frozen=True, slots=True)
class Period:
    """[start, end) in Beijing time; open cases are judged at ``as_of`` = min(end, now)."""

    start: datetime
    end: datetime
    as_of: datetime

    @classmethod
    def of(cls, start: datetime, end: datetime, now: datetime) -> Period:
        if end <= start:
            raise ValueError("统计期的结束必须晚于开始")
        return cls(start, end, min(end, now))

    def __contains__(self, instant: datetime) -> bool:
        return self.start <= instant < self.end and instant <= self.as_of

    def previous(self) -> Period:
        """环比: the period of the same length just before (judged at its end)."""
        length = self.end - self.start
        return Period(self.start - length, self.start, self.start)

    def last_year(self) -> Period:
        """同比: the same dates a year earlier (29 February falls on the 28th)."""
        start, end = _year_before(self.start), _year_before(self.end)
        return Period(start, end, min(end, _year_before(self.as_of)))


def _year_before(instant: datetime) -> datetime:
    try:
        return instant.replace(year=instant.year - 1)
    except ValueError:  # 29 February
        return instant.replace(year=instant.year - 1, day=28)


def rate(numerator: int, denominator: int) -> float | None:
    """A percentage with one decimal; None ("—") when the denominator is zero."""
    if denominator == 0:
        return None
    return round(100.0 * numerator / denominator, 1)


@dataclass(frozen=True, slots=True)
class HandlingFacts:
    """What one case's history says about its handling, as of an instant."""

    case_id: int
    unit: str
    grid: str  # the case's unit grid (regions: 街道, 社区, grid by its code's prefix)
    dispatched_at: datetime  # the final dispatch
    deadline: datetime  # in force at as_of (approved extensions included)
    feedback_at: datetime | None  # the unit's last feedback by as_of
    closed_at: datetime | None  # closed after a passed check, by as_of
    closing_feedback_on_time: bool
    reworked: bool
    extended: bool
    suspended: bool  # in approved 挂账 at as_of
    overtime_ratio: float | None  # late handling: (used − allowed) ÷ allowed


def handling_facts(events: Sequence[CaseEvent], as_of: datetime,
                   calendar: WorkCalendar) -> HandlingFacts | None:  # fmt: skip
    """The handling of a case as of ``as_of``; None if it was never dispatched by then,
    or was taken back from its last unit (returned, reopened) and not dispatched again.

    One scan of the events from the last dispatch (not a replay: this runs for every case
    of a period); the deadline and the paused time are those the events recorded.
    """
    known = [e for e in events if e.at <= as_of]
    last = next((i for i in range(len(known) - 1, -1, -1)
                 if known[i].action is Action.DISPATCH), None)  # fmt: skip
    if last is None:
        return None
    dispatch = known[last]
    deadline = _at(dispatch.payload["deadline"])
    paused = paused_at_feedback = 0.0
    feedback: CaseEvent | None = None
    closed_at: datetime | None = None
    reworked = extended = suspended = False
    for e in known[last + 1:]:
        action, p = e.action, e.payload
        if action in (Action.APPROVE_RETURN, Action.REOPEN):
            return None  # the unit no longer has it
        if action in (Action.APPROVE_EXTENSION, Action.RESTORE, Action.RECOMPUTE_DEADLINES) \
                and p.get("deadline"):  # fmt: skip
            deadline = _at(p["deadline"])
        if action is Action.APPROVE_SUSPENSION:
            suspended = True
        elif action is Action.RESTORE:
            suspended = False
            paused += float(p.get("paused_seconds", 0.0))
        elif action is Action.RECOMPUTE_DEADLINES:
            paused = float(p.get("handling_paused_seconds", paused))
        elif action is Action.FEEDBACK:
            feedback, paused_at_feedback = e, paused
        elif action is Action.CHECK_FAIL:
            reworked = True
        elif action is Action.CHECK_PASS:
            closed_at = e.at
        if action is Action.APPROVE_EXTENSION:
            extended = True
    on_time = feedback is not None and feedback.at <= deadline
    overtime = None
    if feedback is not None and not on_time:
        clock = _HandlingClock(dispatch.at, deadline, str(dispatch.payload.get("limit") or ""),
                               paused_at_feedback)  # fmt: skip
        stopped = read_handling_clock(clock, calendar, feedback.at)
        if stopped is not None and stopped.total_seconds > 0:
            overtime = stopped.used_seconds / stopped.total_seconds - 1.0
    return HandlingFacts(
        case_id=dispatch.case_id,
        unit=str(dispatch.payload["unit_code"]),
        grid=_grid_of(known) or "",
        dispatched_at=dispatch.at,
        deadline=deadline,
        feedback_at=feedback.at if feedback else None,
        closed_at=closed_at,
        closing_feedback_on_time=closed_at is not None and on_time,
        reworked=reworked,
        extended=extended,
        suspended=suspended,
        overtime_ratio=overtime,
    )


@dataclass(frozen=True, slots=True)
class _HandlingClock:
    """What `read_handling_clock` reads, taken from the events."""

    dispatched_at: datetime
    deadline: datetime
    handling_limit: str
    handling_paused_seconds: float


def _at(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


@dataclass
class UnitIndicators:
    """The §2 indicators of one handling unit (or of the centre: every unit together)."""

    filed: int = 0
    due_to_handle: int = 0
    handled: int = 0
    handled_on_time: int = 0
    open_overdue: int = 0
    closed: int = 0
    closed_on_time: int = 0
    rework: int = 0
    extended: int = 0
    _overtime: list[float] = field(default_factory=list, repr=False)

    @property
    def due_to_close(self) -> int:
        return self.handled + self.open_overdue

    def as_dict(self) -> dict[str, Any]:
        """Indicator keys exactly as EVALUATION.md §2 (the CLI's JSON)."""
        overtime = round(sum(self._overtime) / len(self._overtime), 2) if self._overtime \
            else None  # fmt: skip
        return {
            "filed": self.filed,
            "due_to_handle": self.due_to_handle,
            "handled": self.handled,
            "handled_on_time": self.handled_on_time,
            "on_time_handling_rate": rate(self.handled_on_time, self.due_to_handle),
            "handling_rate": rate(self.handled, self.due_to_handle),
            "due_to_close": self.due_to_close,
            "closed": self.closed,
            "closed_on_time": self.closed_on_time,
            "closing_rate": rate(self.closed, self.due_to_close),
            "on_time_closing_rate": rate(self.closed_on_time, self.due_to_close),
            "rework": self.rework,
            "rework_rate": rate(self.rework, self.due_to_close),
            "extended": self.extended,
            "extension_rate": rate(self.extended, self.due_to_handle),
            "open_overdue": self.open_overdue,
            "overtime_ratio": overtime,
        }


def unit_indicators(
    facts: Iterable[HandlingFacts], period: Period,
    key: Callable[[HandlingFacts], str] | None = None,
) -> dict[str, UnitIndicators]:
    """Per unit code (or per ``key(facts)``: a region), the indicators of the period
    (`Period.as_of` for open cases)."""
    out: dict[str, UnitIndicators] = {}
    for f in facts:
        figures = out.setdefault(key(f) if key is not None else f.unit, UnitIndicators())
        if f.dispatched_at in period:
            figures.filed += 1
        if f.suspended:
            continue  # 挂账 leaves the denominators while suspended
        if f.closed_at is not None and f.closed_at in period:
            figures.closed += 1
            if f.closing_feedback_on_time:
                figures.closed_on_time += 1
        attributed = f.feedback_at if f.feedback_at is not None else f.deadline
        if attributed not in period:
            continue
        figures.due_to_handle += 1
        if f.feedback_at is not None:
            figures.handled += 1
            if f.feedback_at <= f.deadline:
                figures.handled_on_time += 1
            elif f.overtime_ratio is not None:
                figures._overtime.append(f.overtime_ratio)
        elif f.deadline < period.as_of:
            figures.open_overdue += 1
        if f.reworked:
            figures.rework += 1
        if f.extended:
            figures.extended += 1
    return out


def centre_indicators(per_unit: dict[str, UnitIndicators]) -> UnitIndicators:
    """Every unit together: the centre's handling figures."""
    total = UnitIndicators()
    for u in per_unit.values():
        total.filed += u.filed
        total.due_to_handle += u.due_to_handle
        total.handled += u.handled
        total.handled_on_time += u.handled_on_time
        total.open_overdue += u.open_overdue
        total.closed += u.closed
        total.closed_on_time += u.closed_on_time
        total.rework += u.rework
        total.extended += u.extended
        total._overtime.extend(u._overtime)
    return total


# ----------------------------------------------------------------------------- supervisors


@dataclass
class SupervisorIndicators:
    """EVALUATION.md §2 for one supervisor (监督员)."""

    reports: int = 0  # 上报数 (先行处置 apart)
    self_handled: int = 0
    valid_reports: int = 0  # filed and not voided later
    verifications: int = 0  # 应核实数
    verified_on_time: int = 0
    checks: int = 0  # 应核查数
    checked_on_time: int = 0
    missed: int = 0  # 漏报数: public reports in the supervisor's grids confirmed on site

    def as_dict(self) -> dict[str, Any]:
        return {
            "reports": self.reports,
            "self_handled": self.self_handled,
            "valid_reports": self.valid_reports,
            "valid_report_rate": rate(self.valid_reports, self.reports),
            "verifications": self.verifications,
            "verified_on_time": self.verified_on_time,
            "on_time_verification_rate": rate(self.verified_on_time, self.verifications),
            "checks": self.checks,
            "checked_on_time": self.checked_on_time,
            "on_time_check_rate": rate(self.checked_on_time, self.checks),
            "missed": self.missed,
            "missed_rate": rate(self.missed, self.missed + self.reports),
        }


def supervisor_indicators(
    histories: Iterable[Sequence[CaseEvent]], period: Period, cell_owner: Mapping[str, str]
) -> dict[str, SupervisorIndicators]:
    """Per supervisor username. Reports count in the period they were made; verification
    and check tasks in the period they were sent, on time when the result came by the
    stage deadline the task was sent with; 漏报 in the period of the public report, for
    the supervisor whose patrol grids hold it (``cell_owner``: cell code → username)."""
    out: dict[str, SupervisorIndicators] = {}

    def of(username: str) -> SupervisorIndicators:
        return out.setdefault(username, SupervisorIndicators())

    for events in histories:
        known = [e for e in events if e.at <= period.as_of]
        if not known:
            continue
        report = known[0]
        p = report.payload
        reported_at = datetime.fromisoformat(str(p["reported_at"]))
        if reported_at in period:
            if p["source"] == "supervisor":
                figures = of(report.actor)
                if p.get("self_handled"):
                    figures.self_handled += 1
                else:
                    figures.reports += 1
                    filed = any(e.action is Action.FILE for e in known)
                    if filed and known[-1].to_state is not CaseState.VOIDED:
                        figures.valid_reports += 1
            elif any(e.action is Action.VERIFY and e.payload.get("confirmed") for e in known):
                grid = _grid_of(known)
                owner = cell_owner.get(grid or "")
                if owner is not None:
                    of(owner).missed += 1
        _count_tasks(known, period, of)
    return out


def _grid_of(events: Sequence[CaseEvent]) -> str | None:
    grid = events[0].payload.get("grid_code")
    for e in events:
        if e.action is Action.FILE:
            grid = e.payload.get("grid_code") or grid
    return str(grid) if grid else None


def _count_tasks(events: Sequence[CaseEvent], period: Period,
                 of: Callable[[str], SupervisorIndicators]) -> None:  # fmt: skip
    for i, e in enumerate(events):
        if e.action is Action.REQUEST_VERIFICATION:
            results: tuple[Action, ...] = (Action.VERIFY,)
        elif e.action is Action.SEND_FOR_CHECK:
            results = (Action.CHECK_PASS, Action.CHECK_FAIL)
        else:
            continue
        who = e.payload.get("supervisor")
        if not who or e.at not in period:
            continue
        due = e.payload.get("stage_deadline")
        done = next((r for r in events[i + 1:] if r.action in results), None)
        on_time = done is not None and due is not None and \
            done.at <= datetime.fromisoformat(str(due))  # fmt: skip
        figures = of(str(who))
        if e.action is Action.REQUEST_VERIFICATION:
            figures.verifications += 1
            figures.verified_on_time += on_time
        else:
            figures.checks += 1
            figures.checked_on_time += on_time


# ----------------------------------------------------------------------------- regions


@dataclass
class RegionFacts:
    """What a region's row needs besides the handling: filings and public reports."""

    filed: int = 0  # 立案数: cases filed in the period in the region
    public_verified: int = 0  # public reports confirmed on site (监督举报)
    grids: int = 1  # unit grids in the region (for the per-grid 立案数 band)


def region_filings(histories: Iterable[Sequence[CaseEvent]], period: Period,
                   key: Callable[[str], str]) -> dict[str, RegionFacts]:  # fmt: skip
    """Per region (``key(grid code)``): filings and confirmed public reports of the period."""
    out: dict[str, RegionFacts] = {}
    for events in histories:
        known = [e for e in events if e.at <= period.as_of]
        if not known:
            continue
        grid = _grid_of(known)
        if not grid:
            continue
        region = out.setdefault(key(grid), RegionFacts())
        if any(e.action is Action.FILE and e.at in period for e in known):
            region.filed += 1
        if known[0].payload.get("source") != "supervisor" and any(
            e.action is Action.VERIFY and e.payload.get("confirmed") and e.at in period
            for e in known
        ):
            region.public_verified += 1
    return out


def region_row(handling: UnitIndicators, filings: RegionFacts) -> dict[str, Any]:
    """A region's indicators: 监督举报率 (lower is better), 立案数, 结案率, 按期结案率 …"""
    figures = handling.as_dict()
    figures["filed"] = filings.filed
    figures["public_verified"] = filings.public_verified
    figures["public_report_rate"] = rate(filings.public_verified, filings.filed)
    figures["filed_per_grid"] = round(filings.filed / max(1, filings.grids), 2)
    return figures


# ----------------------------------------------------------------------------- posts


@dataclass
class PostIndicators:
    """The centre's posts, per person (EVALUATION.md §2 "Posts"): what the person did in
    the period and whether it was within the stage limit in force when it was done."""

    received: int = 0  # 受理数: reports registered
    verification_due: int = 0  # registered reports that needed a verification task
    verification_sent_on_time: int = 0  # sent by the verify stage's deadline
    checks_sent: int = 0  # 派发核查 done by the person
    checks_sent_on_time: int = 0  # by the check stage's deadline (from the feedback)
    filed: int = 0  # 立案
    filed_on_time: int = 0
    filed_accurately: int = 0  # not voided later
    closed: int = 0  # 结案 decided by the person (先行处置 approvals)
    closed_on_time: int = 0
    dispatched: int = 0  # 派遣数
    dispatched_on_time: int = 0
    dispatched_accurately: int = 0  # the unit kept it (no approved return afterwards)

    def as_dict(self) -> dict[str, Any]:
        return {
            "received": self.received,
            "verification_due": self.verification_due,
            "verification_sent_on_time": self.verification_sent_on_time,
            "on_time_verification_dispatch_rate": rate(self.verification_sent_on_time,
                                                       self.verification_due),
            "checks_sent": self.checks_sent,
            "checks_sent_on_time": self.checks_sent_on_time,
            "on_time_check_dispatch_rate": rate(self.checks_sent_on_time, self.checks_sent),
            "filed": self.filed,
            "filed_on_time": self.filed_on_time,
            "on_time_filing_rate": rate(self.filed_on_time, self.filed),
            "accurate_filing_rate": rate(self.filed_accurately, self.filed),
            "closed": self.closed,
            "closed_on_time": self.closed_on_time,
            "on_time_closing_rate": rate(self.closed_on_time, self.closed),
            "dispatched": self.dispatched,
            "dispatched_on_time": self.dispatched_on_time,
            "on_time_dispatch_rate": rate(self.dispatched_on_time, self.dispatched),
            "accurate_dispatch_rate": rate(self.dispatched_accurately, self.dispatched),
        }  # fmt: skip


def post_indicators(histories: Iterable[Sequence[CaseEvent]],
                    period: Period) -> dict[str, PostIndicators]:  # fmt: skip
    """Per username: every action of a post counts in the period it was done; "on time"
    compares it with the stage deadline in force just before it (the event history says
    which: each stage start records its deadline)."""
    out: dict[str, PostIndicators] = {}
    for events in histories:
        known = [e for e in events if e.at <= period.as_of]
        due: datetime | None = None  # the running stage's deadline before each event
        for i, e in enumerate(known):
            before, due = due, _stage_due(e, due)
            if e.at not in period:
                continue
            who = out.setdefault(e.actor, PostIndicators())
            on_time = before is not None and e.at <= before
            action = e.action
            if action is Action.REPORT:
                who.received += 1
                if e.payload.get("source") != "supervisor":
                    who.verification_due += 1
                    sent = next((x for x in known[i + 1:]
                                 if x.action is Action.REQUEST_VERIFICATION), None)  # fmt: skip
                    if sent is not None and due is not None and sent.at <= due:
                        who.verification_sent_on_time += 1
            elif action is Action.SEND_FOR_CHECK:
                who.checks_sent += 1
                who.checks_sent_on_time += on_time
            elif action is Action.FILE:
                who.filed += 1
                who.filed_on_time += on_time
                who.filed_accurately += known[-1].to_state is not CaseState.VOIDED
            elif action is Action.APPROVE_SELF_HANDLED:
                who.closed += 1
                who.closed_on_time += on_time
            elif action is Action.DISPATCH:
                who.dispatched += 1
                who.dispatched_on_time += on_time
                returned = any(x.action is Action.APPROVE_RETURN for x in known[i + 1:])
                who.dispatched_accurately += not returned
    return out


def _stage_due(event: CaseEvent, previous: datetime | None) -> datetime | None:
    """The running stage's deadline after ``event`` (it records one when it starts one)."""
    value = event.payload.get("stage_deadline", ...)
    if value is ...:
        return None if not event.to_state.is_open else previous
    return datetime.fromisoformat(str(value)) if value else None
