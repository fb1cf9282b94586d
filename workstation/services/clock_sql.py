"""The case clock's "overdue" as a SQL condition, for counters that run in the database.

The same rule as `domain.clock` (`clock_deadline` + "past it"): the running clock's deadline
is the handling deadline while the unit handles the case and the stage deadline otherwise,
and a suspended case's clock stands still. It filters on the stored clock stage, so it
agrees with every view that reads the clock (tests/integration/test_clock_agreement.py).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, or_

from workstation.domain.case import Stage
from workstation.domain.lifecycle import CaseState
from workstation.persistence.repositories import CASES

_OPEN = [s.value for s in CaseState if s.is_open and s is not CaseState.SUSPENDED]


def overdue_condition(now: datetime) -> Any:
    """True for an open case whose running clock is past its deadline at ``now``."""
    c = CASES.c
    return and_(
        c.state.in_(_OPEN),
        or_(
            and_(c.clock_stage == Stage.HANDLING.value, c.deadline < now),
            and_(c.clock_stage != Stage.HANDLING.value, c.stage_deadline < now),
        ),
    )


def overdue_count(now: datetime) -> Any:
    """SUM of 1 per overdue case, for a GROUP BY."""
    return case((overdue_condition(now), 1), else_=0)
