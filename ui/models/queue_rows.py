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

from workstation.domain.calendar import LimitUnit, TimeLimit
from workstation.domain.case import Stage as StageName
from workstation.domain.case import StageLimits
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
    WARNING = 1  # ≥ 80 % of the limit used (yellow)
    OVERDUE = 2  # past the deadline (red)


WARNING_FRACTION = 0.8


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
    """Which clock a case runs on: deadline, how it is counted and the full limit."""

    kind: TimerKind
    deadline: datetime | None = None
    unit: LimitUnit = LimitUnit.WORK_HOURS
    limit: TimeLimit | None = None


def timer_of(case: CaseSummary, verified: bool, limits: StageLimits) -> Timer:
    """Dispatched cases run on the handling deadline; before dispatch and while waiting
    for the check, on the stage deadline with that stage's configured limit."""
    state = case.state
    if state == "dispatched":
        limit = parse_limit(case.handling_limit)
        deadline = case.deadline or case.stage_deadline
        if deadline is None:
            return Timer(TimerKind.NONE)
        unit = limit.unit if limit else LimitUnit.WORK_HOURS
        return Timer(TimerKind.HANDLING, deadline, unit, limit)
    if state == "suspended":
        return Timer(TimerKind.PAUSED, case.deadline)
    if state not in OPEN_STATES or case.stage_deadline is None:
        return Timer(TimerKind.NONE, case.deadline)
    if state == "reported":
        needs = case.source in _NEEDS_VERIFICATION and not verified and not case.self_handled
        name = StageName.VERIFY if needs else StageName.FILE
    elif state == "verifying":
        name = StageName.VERIFY
    elif state == "filed":
        name = StageName.DISPATCH
    else:  # awaiting_check
        name = StageName.CHECK
    stage = limits.of(name, case.priority)
    return Timer(TimerKind.STAGE, case.stage_deadline, stage.unit, stage)


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
                 day_start: datetime, limits: StageLimits,
                 major_names: dict[str, str]) -> None:  # fmt: skip
        self.case = case
        self.verified = verified
        grid = case.grid_code or ""
        self.street = grid[:9]
        self.community = grid[:12]
        code = case.category_code or ""
        self.major = code[:3]
        self.major_name = major_names.get(self.major, "")
        self.key = search_key(case, self.major_name)
        self.timer = timer_of(case, verified, limits)
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
    # Decided by the instant, not by remaining working seconds: those stay 0 over a weekend.
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
