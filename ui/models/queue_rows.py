"""Queue rows: one precomputed record per case (stages, search key, timer), Qt-free.

Rows are built where the data arrives (on the loading worker for the first load), so the
GUI thread never scans case fields on a keystroke: the filter reads `QueueRow.key` and a
few precomputed codes, the stage bar counts `QueueRow.stages` bit masks.

Stages (the stage bar), decided here once per row:
- 待受理 PENDING_ACCEPT: a `reported` report from the hotline, a walk-in or the city
  platform that has not been verified yet — the acceptor sends it for verification (or
  voids it). Supervisor reports never pass through here.
- 待核实 VERIFYING: `verifying` (a supervisor is checking on site).
- 待立案 PENDING_FILE: a `reported` report ready to be filed: from a supervisor, verified,
  or a 先行处置 report waiting for the shift leader's approval.
- 待派遣 `filed`, 处置中 `dispatched`, 待核查 `awaiting_check`, 挂账 `suspended`.
- 超期 OVERDUE: open and its running timer is past its deadline (see `Timer`); a suspended
  case's clock is paused, so it is never overdue while suspended.
- 重点 KEY: open and 督办 (`is_key`).
- 今日结案 CLOSED_TODAY: closed since 00:00 today (the queue loads those too).
- 全部 ALL: every loaded row.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from workstation.domain.calendar import TimeLimit
from workstation.domain.case import Stage as ClockStage
from workstation.domain.clock import ClockLevel, clock_deadline
from workstation.domain.lifecycle import Source
from workstation.services.dto import CaseSummary


class Stage(enum.IntFlag):
    PENDING_ACCEPT = enum.auto()
    VERIFYING = enum.auto()
    PENDING_FILE = enum.auto()
    PENDING_DISPATCH = enum.auto()
    HANDLING = enum.auto()
    PENDING_CHECK = enum.auto()
    SUSPENDED = enum.auto()
    OVERDUE = enum.auto()
    KEY = enum.auto()
    CLOSED_TODAY = enum.auto()
    ALL = enum.auto()


# The order of the stage bar (the closed loop first, then the cross-cutting views).
STAGE_ORDER: tuple[Stage, ...] = (
    Stage.PENDING_ACCEPT, Stage.VERIFYING, Stage.PENDING_FILE, Stage.PENDING_DISPATCH,
    Stage.HANDLING, Stage.PENDING_CHECK, Stage.SUSPENDED, Stage.OVERDUE, Stage.KEY,
    Stage.CLOSED_TODAY, Stage.ALL,
)  # fmt: skip

_STATE_STAGE = {
    "verifying": Stage.VERIFYING,
    "filed": Stage.PENDING_DISPATCH,
    "dispatched": Stage.HANDLING,
    "awaiting_check": Stage.PENDING_CHECK,
    "suspended": Stage.SUSPENDED,
}
OPEN_STATES = frozenset(
    {"reported", "verifying", "filed", "dispatched", "awaiting_check", "suspended"}
)
_NEEDS_VERIFICATION = frozenset(s.value for s in Source if s.needs_verification)


class TimerKind(enum.IntEnum):
    NONE = 0  # no clock (closed, voided, or no deadline yet)
    STAGE = 1  # a stage limit before/after handling (立案, 派遣, 核实, 核查)
    HANDLING = 2  # the handling unit's deadline
    PAUSED = 3  # suspended: the handling clock stands still


class Level(enum.IntEnum):
    NORMAL = 0
    WARNING = 1  # ≥ 80 % of the time used (yellow): domain.clock decides
    OVERDUE = 2  # past the deadline (red)


LEVEL_OF = {ClockLevel.NORMAL: Level.NORMAL, ClockLevel.WARNING: Level.WARNING,
            ClockLevel.OVERDUE: Level.OVERDUE}  # fmt: skip


@lru_cache(maxsize=256)
def parse_limit(text: str | None) -> TimeLimit | None:
    """A stored limit such as "3 工作日"; None when missing or unreadable (no colour then)."""
    if not text:
        return None
    try:
        return TimeLimit.parse(text)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Timer:
    """Which clock a case runs on and when it ends (`domain.clock.clock_deadline`); how much
    of it is used is read from the clock itself (`read_clock`), never computed here."""

    kind: TimerKind
    deadline: datetime | None = None
    limit: TimeLimit | None = None


def timer_of(case: CaseSummary) -> Timer:
    found = clock_deadline(case)
    if found is None:
        return Timer(TimerKind.NONE, case.deadline)
    stage, deadline, paused = found
    if paused:
        return Timer(TimerKind.PAUSED, deadline)
    kind = TimerKind.HANDLING if stage is ClockStage.HANDLING else TimerKind.STAGE
    return Timer(kind, deadline, parse_limit(case.clock_limit))


def stages_of(case: CaseSummary, verified: bool, overdue: bool, day_start: datetime) -> int:
    """The stage bit mask of a case (ALL included)."""
    state = case.state
    mask = Stage.ALL.value
    if state == "reported":
        needs = case.source in _NEEDS_VERIFICATION and not verified and not case.self_handled
        mask |= (Stage.PENDING_ACCEPT if needs else Stage.PENDING_FILE).value
    elif state in _STATE_STAGE:
        mask |= _STATE_STAGE[state].value
    elif state == "closed" and case.closed_at is not None and case.closed_at >= day_start:
        mask |= Stage.CLOSED_TODAY.value
    if state in OPEN_STATES:
        if overdue:
            mask |= Stage.OVERDUE.value
        if case.is_key:
            mask |= Stage.KEY.value
    return mask


def search_key(case: CaseSummary, major_name: str) -> str:
    """Everything a dispatcher types to find a case, lower-cased once ("\\x1f" keeps
    fields apart so that a term never matches across two of them)."""
    return "\x1f".join(
        (
            str(case.id), case.case_no, case.address, case.description, case.unit_name,
            case.unit or "", case.category_name, case.category_code or "", major_name,
            case.street_name, case.community_name, case.grid_code or "", case.state_label,
            case.source_label,
        )
    ).lower()  # fmt: skip


class QueueRow:
    """One loaded case with everything the queue needs precomputed (slots: ~20k of them)."""

    __slots__ = (
        "case", "verified", "key", "stages", "timer", "overdue", "major", "major_name",
        "street", "community", "unseen", "display", "timer_tick", "timer_text",
        "timer_level", "due",
    )  # fmt: skip

    def __init__(self, case: CaseSummary, verified: bool, *, now: datetime,
                 day_start: datetime, major_names: dict[str, str]) -> None:  # fmt: skip
        self.case = case
        self.verified = verified
        grid = case.grid_code or ""
        self.street = grid[:9]
        self.community = grid[:12]
        code = case.category_code or ""
        self.major = code[:3]
        self.major_name = major_names.get(self.major, "")
        self.key = search_key(case, self.major_name)
        self.timer = timer_of(case)
        running = self.timer.kind in (TimerKind.STAGE, TimerKind.HANDLING)
        self.due = self.timer.deadline if running else None  # when it turns overdue
        self.overdue = is_overdue(self.timer, now)
        self.stages = stages_of(case, verified, self.overdue, day_start)
        self.unseen = False
        self.display: tuple[str, ...] | None = None  # filled on first paint
        self.timer_tick = -1  # which minute tick `timer_text`/`timer_level` belong to
        self.timer_text = ""
        self.timer_level = Level.NORMAL

    def refresh_overdue(self, now: datetime, day_start: datetime) -> bool:
        """Re-evaluate the time-dependent stages; True when the mask changed."""
        due = self.due
        if (due is not None and now > due) == self.overdue:
            return False  # the common case, a comparison per row and minute
        self.overdue = not self.overdue
        self.stages = stages_of(self.case, self.verified, self.overdue, day_start)
        return True


def is_overdue(timer: Timer, now: datetime) -> bool:
    # Decided by the instant, as domain.clock does: working seconds stay 0 over a weekend.
    return (
        timer.kind in (TimerKind.STAGE, TimerKind.HANDLING)
        and timer.deadline is not None
        and now > timer.deadline
    )


def infer_verified(case: CaseSummary, previous: QueueRow | None) -> bool:
    """Whether a `reported` case was verified, when the summary does not say.

    `CaseSummary` has no `verified` field (yet); the first load reads the column, and for
    a change from the feed we follow the state machine: verifying → reported only by a
    confirmed verification. A summary that carries `verified` always wins.
    """
    value = getattr(case, "verified", None)
    if isinstance(value, bool):
        return value
    if previous is None:
        return False
    return previous.verified or previous.case.state == "verifying"
