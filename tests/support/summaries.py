"""Hand-made case summaries for view tests, with the clock their case would carry."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from workstation.domain.calendar import TimeLimit, WorkCalendar
from workstation.domain.case import Stage, StageLimits
from workstation.services.dto import CaseSummary

_STAGE_OF_STATE = {"verifying": Stage.VERIFY, "filed": Stage.DISPATCH,
                   "awaiting_check": Stage.CHECK}  # fmt: skip


def with_clock(c: CaseSummary, calendar: WorkCalendar) -> CaseSummary:
    """The clock a hand-made summary's case would carry: the running stage, its limit, and
    the start that the deadline was counted from (case.evolve records these)."""
    if c.state in ("dispatched", "suspended"):
        stage, text = Stage.HANDLING, c.handling_limit
        due = c.deadline
    elif c.state == "reported":
        needs = c.source != "supervisor" and not c.verified and not c.self_handled
        stage = Stage.VERIFY if needs else Stage.FILE
        text, due = str(StageLimits().of(stage)), c.stage_deadline
    elif c.state in _STAGE_OF_STATE:
        stage = _STAGE_OF_STATE[c.state]
        text, due = str(StageLimits().of(stage)), c.stage_deadline
    else:
        return c
    try:
        limit = TimeLimit.parse(text) if text else None
    except ValueError:
        limit = None
    if due is None:
        return replace(c, clock_stage=stage.value, clock_started_at=c.reported_at,
                       clock_limit=text)  # fmt: skip
    if limit is None:
        start = c.reported_at
    elif limit.unit.is_working_time:
        start = calendar.before(due, calendar.limit_seconds(limit))
    else:
        start = due - timedelta(seconds=calendar.limit_seconds(limit))
    suspended_at = c.suspended_at or (c.reported_at if c.state == "suspended" else None)
    return replace(c, clock_stage=stage.value, clock_started_at=start, clock_limit=text,
                   dispatched_at=start if stage is Stage.HANDLING else c.dispatched_at,
                   suspended_at=suspended_at)  # fmt: skip
