"""Handling units (专业部门) and the centre: the indicators of EVALUATION.md §2.

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
- 立案数 filed: cases dispatched to the unit within the period (the count band's input);
- 回访数 revisited / 满意数 satisfied / 满意率 satisfaction_rate: citizens called back about a
  closed case (回访) in the period who answered, those 满意 or 基本满意 of them, and their
  ratio (a call that did not reach the citizen, 未回访, is in neither).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from workstation.domain.calendar import WorkCalendar
from workstation.domain.case import CaseEvent
from workstation.domain.clock import read_handling_clock
from workstation.domain.lifecycle import Action, Satisfaction
from workstation.domain.metrics.period import Period, category_of, grid_of, rate


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
    category: str = ""  # the case's category (the safety-related classes are one target)
    satisfaction: Satisfaction | None = None  # the citizen's answer when called back
    revisited_at: datetime | None = None


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
    revisit: CaseEvent | None = None
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
        elif action is Action.REVISIT:
            revisit = e
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
        grid=grid_of(known) or "",
        dispatched_at=dispatch.at,
        deadline=deadline,
        feedback_at=feedback.at if feedback else None,
        closed_at=closed_at,
        closing_feedback_on_time=closed_at is not None and on_time,
        reworked=reworked,
        extended=extended,
        suspended=suspended,
        overtime_ratio=overtime,
        category=category_of(known) or "",
        satisfaction=Satisfaction(revisit.payload["result"]) if revisit else None,
        revisited_at=revisit.at if revisit else None,
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
    revisited: int = 0
    satisfied: int = 0
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
            "revisited": self.revisited,
            "satisfied": self.satisfied,
            "satisfaction_rate": rate(self.satisfied, self.revisited),
        }


def unit_indicators(
    facts: Iterable[HandlingFacts], period: Period,
    key: Callable[[HandlingFacts], str] | None = None,
) -> dict[str, UnitIndicators]:
    """Per unit code (or per ``key(facts)``: a region), the indicators of the period
    (`Period.as_of` for open cases)."""
    out: dict[str, UnitIndicators] = {}
    for f in facts:
        group = key(f) if key is not None else f.unit
        figures = out.get(group)
        if figures is None:  # (not setdefault: it would build a new one for every case)
            figures = out[group] = UnitIndicators()
        if f.dispatched_at in period:
            figures.filed += 1
        if f.satisfaction is not None and f.satisfaction.revisited \
                and f.revisited_at is not None and f.revisited_at in period:  # fmt: skip
            figures.revisited += 1
            figures.satisfied += f.satisfaction.satisfied
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
        total.revisited += u.revisited
        total.satisfied += u.satisfied
        total._overtime.extend(u._overtime)
    return total
