"""The case clock: the one home of "how much of its time has a case used" and its level.

Every view — the queue's countdown, the detail's deadline bar, the reminder centre, the
map's markers, the wall, the statistics — asks `read_clock`; none computes it itself.

What a case carries (set by `case.evolve` when an action starts a stage): the running
stage (核实, 立案, 派遣, 处置 or 核查), when it started, the limit it runs against, and for
the handling clock the working time it stood still while suspended (挂账). The deadline is
the stage deadline, or the handling deadline (moved by approved extensions).

The written rule, for working-time and natural-time clocks alike:

    total     = measure(started, deadline) − paused      (the limit + approved extensions)
    used      = measure(started, until)    − paused      (until = now, or the suspension)
    fraction  = used ÷ total
    remaining = measure(until, deadline)                   (negative once overdue)

``measure`` is working time for 工作时 / 工作日 limits and natural time otherwise. A deadline
counted from ``started`` uses exactly its limit of working time, so ``total`` is the limit
plus the extensions; time suspended counts neither as used nor as left. Example: dispatched
Monday 09:00 with 1 工作日 (6.5 h), extended by 1 工作日, read on Tuesday 15:30: 10.5 h of
13 h = 80.8 %, warning, 2 h 30 min left.

Levels: warning from `WARNING_FRACTION` (80 %) of the time used, overdue once the deadline
has passed (a Friday 18:00 deadline seen on Saturday is overdue although the working clock
stands still). A suspended case's clock is paused: it keeps the level it had when it
stopped and is never overdue while suspended.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from workstation.domain.calendar import LimitUnit, TimeLimit, WorkCalendar
from workstation.domain.case import Stage

__all__ = ["WARNING_FRACTION", "ClockLevel", "ClockReading", "ClockState", "clock_deadline",
           "read_clock", "read_handling_clock", "warning_at"]

WARNING_FRACTION = 0.8  # DESIGN §2: yellow at 80 % of the time used


class ClockLevel(enum.StrEnum):
    NORMAL = "normal"
    WARNING = "warning"  # 即将超期: ≥ 80 % used
    OVERDUE = "overdue"  # 超期

    @property
    def label(self) -> str:
        return {"normal": "正常", "warning": "即将超期", "overdue": "超期"}[self.value]


class ClockState(Protocol):
    """What a clock is read from: a domain `Case` or a `CaseSummary` alike."""

    @property
    def state(self) -> Any: ...
    @property
    def clock_stage(self) -> str | None: ...
    @property
    def clock_started_at(self) -> datetime | None: ...
    @property
    def clock_limit(self) -> str | None: ...
    @property
    def handling_paused_seconds(self) -> float: ...
    @property
    def suspended_at(self) -> datetime | None: ...
    @property
    def deadline(self) -> datetime | None: ...
    @property
    def stage_deadline(self) -> datetime | None: ...


@dataclass(frozen=True, slots=True)
class ClockReading:
    """A case's clock at one instant."""

    stage: Stage
    started_at: datetime
    deadline: datetime
    limit: str  # the limit the stage started with ("1 工作日"); extensions are in `total`
    working: bool  # counted in working time (False: natural time, 24/7)
    total_seconds: float  # the time allowed: limit + approved extensions
    used_seconds: float
    remaining_seconds: float  # negative once overdue
    used_fraction: float
    level: ClockLevel
    paused: bool  # suspended: the clock stands still

    @property
    def overdue(self) -> bool:
        return self.level is ClockLevel.OVERDUE

    @property
    def remaining_minutes(self) -> int:
        """Whole minutes left (rounded down; negative and rounded up once overdue)."""
        return math.floor(self.remaining_seconds / 60) if self.remaining_seconds >= 0 \
            else -math.ceil(-self.remaining_seconds / 60)  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        """The stable `clock` object of the CLI: snake_case keys, ISO times."""
        return {
            "stage": self.stage.value,
            "started_at": self.started_at.isoformat(timespec="seconds"),
            "deadline": self.deadline.isoformat(timespec="seconds"),
            "limit": self.limit,
            "used_fraction": round(self.used_fraction, 4),
            "remaining_minutes": self.remaining_minutes,
            "level": self.level.value,
        }


_OPEN_STATES = frozenset({"reported", "verifying", "filed", "dispatched", "awaiting_check",
                          "suspended"})  # fmt: skip


def clock_deadline(case: ClockState) -> tuple[Stage, datetime, bool] | None:
    """Which clock runs, when it ends and whether it is paused — without the calendar
    (what a list needs to sort and to notice the instant a case turns overdue)."""
    state = getattr(case.state, "value", case.state)
    if state not in _OPEN_STATES or case.clock_stage is None or case.clock_started_at is None:
        return None
    stage = Stage(case.clock_stage)
    deadline = case.deadline if stage is Stage.HANDLING else case.stage_deadline
    if deadline is None:
        return None
    return stage, deadline, state == "suspended" and case.suspended_at is not None


def read_clock(case: ClockState, calendar: WorkCalendar, now: datetime) -> ClockReading | None:
    """The case's running clock at ``now``; None for a closed or voided case, or one
    without a clock (recorded before clocks were kept and not replayed since)."""
    found = clock_deadline(case)
    if found is None:
        return None
    stage, deadline, suspended = found
    assert case.clock_started_at is not None
    paused = case.handling_paused_seconds if stage is Stage.HANDLING else 0.0
    until = case.suspended_at if suspended and case.suspended_at is not None else now
    return _read(calendar, stage, case.clock_started_at, deadline, case.clock_limit, paused,
                 until, suspended)  # fmt: skip


def read_handling_clock(case: Any, calendar: WorkCalendar, until: datetime) -> ClockReading | None:
    """The handling clock as it stood at ``until`` — e.g. when the unit gave its feedback
    (for a case waiting for its check or closed: the clock that judged the unit)."""
    started, deadline = case.dispatched_at, case.deadline
    if started is None or deadline is None:
        return None
    return _read(calendar, Stage.HANDLING, started, deadline, case.handling_limit,
                 case.handling_paused_seconds, until, False)  # fmt: skip


def _read(calendar: WorkCalendar, stage: Stage, started: datetime, deadline: datetime,
          limit_text: str | None, paused: float, until: datetime,
          suspended: bool) -> ClockReading:  # fmt: skip
    limit = _parse(limit_text)
    working = limit.unit.is_working_time if limit is not None else True
    if working:
        total = calendar.working_seconds(started, deadline) - paused
        used = calendar.working_seconds(started, until) - paused
        unit = LimitUnit.WORK_HOURS
    else:
        total = max(0.0, (deadline - started).total_seconds()) - paused
        used = max(0.0, (until - started).total_seconds()) - paused
        unit = LimitUnit.NATURAL_HOURS
    remaining = calendar.remaining_seconds(until, deadline, unit)
    late = until > deadline and not suspended  # a paused clock is never overdue
    if total > 0:
        fraction = max(0.0, used) / total
    else:
        fraction = 1.0 if until >= deadline else 0.0
    if suspended:
        fraction = min(fraction, 1.0)
    elif late and fraction <= 1.0:
        fraction = math.nextafter(1.0, math.inf)  # red at > 100 % and "past due" agree
    if late:
        level = ClockLevel.OVERDUE
    elif suspended:
        level = ClockLevel.NORMAL  # not running toward its deadline
    elif fraction >= WARNING_FRACTION:
        level = ClockLevel.WARNING
    else:
        level = ClockLevel.NORMAL
    return ClockReading(stage, started, deadline, limit_text or "", working, total, used,
                        remaining, fraction, level, suspended)  # fmt: skip


def warning_at(reading: ClockReading, calendar: WorkCalendar) -> datetime:
    """The instant the clock reaches `WARNING_FRACTION` (for reminders that fire then)."""
    left = (1.0 - WARNING_FRACTION) * reading.total_seconds
    if not reading.working:
        return reading.deadline - timedelta(seconds=left)
    return calendar.before(reading.deadline, left)


_LIMITS: dict[str, TimeLimit | None] = {}


def _parse(text: str | None) -> TimeLimit | None:
    if not text:
        return None
    limit = _LIMITS.get(text)
    if limit is None and text not in _LIMITS:
        try:
            limit = TimeLimit.parse(text)
        except ValueError:
            limit = None
        _LIMITS[text] = limit
    return limit
