"""Read-only queries for the grid map: cases per cell (heat layer) and one cell's summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workstation.domain.errors import NotFound, ValidationError
from workstation.domain.lifecycle import CaseState
from workstation.persistence.repositories import CASES
from workstation.services.clock_sql import overdue_count
from workstation.services.reference import Reference

_OPEN = tuple(s.value for s in CaseState if s.is_open)


@dataclass(frozen=True, slots=True)
class HeatQuery:
    """Which cases the heat layer counts: reported in [since, until), of a category.

    ``category_prefix`` narrows by the kind-prefixed category code: "" all, "C" 部件,
    "E" 事件, "C01" a 大类, "C0101" one 小类. Voided reports (duplicates, not found) are
    not problems on the ground, so they are left out unless asked for.
    """

    since: datetime
    until: datetime
    category_prefix: str = ""
    include_voided: bool = False

    def __post_init__(self) -> None:
        if self.until <= self.since:
            raise ValidationError("统计时段的结束时间必须晚于开始时间")


def heat_counts(session: Session, query: HeatQuery) -> dict[str, int]:
    """{cell code: number of cases} for the query, one GROUP BY in the database.

    Cells without cases are absent. Uses the reported_at index for the period; the result
    has at most one row per cell (≤ 20,000), whatever the number of cases.
    """
    c = CASES.c
    stmt = select(c.grid_code, func.count()).where(
        c.reported_at >= query.since,
        c.reported_at < query.until,
        c.grid_code.is_not(None),
    )
    if query.category_prefix:
        stmt = stmt.where(c.category_code.startswith(query.category_prefix, autoescape=True))
    if not query.include_voided:
        stmt = stmt.where(c.state != CaseState.VOIDED.value)
    stmt = stmt.group_by(c.grid_code)
    return {str(code): int(count) for code, count in session.execute(stmt)}


@dataclass(frozen=True, slots=True)
class CellSummary:
    """What the map shows for a clicked cell: where it is, who patrols it, what is open."""

    code: str
    community_code: str
    community_name: str
    street_code: str
    street_name: str
    supervisor_code: str | None
    supervisor_name: str
    open_cases: int
    overdue_cases: int
    open_by_state: dict[str, int] = field(default_factory=dict)


def cell_summary(session: Session, ref: Reference, code: str, now: datetime) -> CellSummary:
    """The cell's 社区, 街道, patrolling supervisor and open cases (overdue counted apart).

    Overdue is the case clock's (`clock_sql`, the SQL twin of `domain.clock`).
    """
    info = ref.cells.get(code)
    if info is None:
        raise NotFound(f"没有编码为 {code} 的单元网格")
    c = CASES.c
    overdue = overdue_count(now)
    rows = session.execute(
        select(c.state, func.count(), func.sum(overdue))
        .where(c.grid_code == code, c.state.in_(_OPEN))
        .group_by(c.state)
    ).all()
    by_state = {str(state): int(n) for state, n, _ in rows}
    supervisor = ref.supervisor_for_cell(code)
    return CellSummary(
        code=code,
        community_code=info.community_code,
        community_name=ref.community_names.get(info.community_code, ""),
        street_code=info.street_code,
        street_name=ref.street_names.get(info.street_code, ""),
        supervisor_code=supervisor.code if supervisor else None,
        supervisor_name=supervisor.name if supervisor else "",
        open_cases=sum(by_state.values()),
        overdue_cases=sum(int(late or 0) for _, _, late in rows),
        open_by_state=by_state,
    )
