"""History search (案件检索): every case ever recorded, by its text and by filters, a page
at a time, newest first.

The text is matched through the search index (`persistence.search_index`: character-pair
terms, so "井盖" and "彩云路" need no scan), then checked as plain substrings of the case's
number, address, description or reporter — what the user typed is text, `%` and `_`
included. Read-only, lean rows (the queue's `CaseSummary`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, true
from sqlalchemy.orm import Session

from workstation.domain.errors import ValidationError
from workstation.domain.lifecycle import CaseState, Source
from workstation.domain.roles import Actor
from workstation.domain.search import parse_query
from workstation.persistence import search_index
from workstation.persistence.repositories import CASES
from workstation.services.dto import CaseSummary
from workstation.services.queue_queries import COLUMNS, SummaryBuilder, visible_to
from workstation.services.reference import Reference

PAGE = 100
MAX_PAGE = 1000


@dataclass(frozen=True, slots=True)
class HistoryFilter:
    """What to look for; empty fields do not narrow. ``area`` is a 街道, 社区 or grid code
    (a grid code starts with its community's, which starts with its street's)."""

    text: str = ""
    first_day: date | None = None
    last_day: date | None = None  # inclusive
    states: tuple[str, ...] = ()
    source: str = ""
    unit: str = ""
    category: str = ""  # a kind letter, a 大类 key or a 小类 code (prefix)
    area: str = ""

    def validate(self) -> None:
        unknown = [s for s in self.states if s not in {c.value for c in CaseState}]
        if unknown:
            raise ValidationError(f"未知的案件状态：{'、'.join(unknown)}")
        if self.source and self.source not in {s.value for s in Source}:
            raise ValidationError(f"未知的案件来源：{self.source}")
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise ValidationError("检索期的结束日期不能早于开始日期")


@dataclass(frozen=True, slots=True)
class HistoryPage:
    cases: tuple[CaseSummary, ...]
    next_before: int | None  # where the next page starts (a case id); None: no more

    @property
    def more(self) -> bool:
        return self.next_before is not None


def search(session: Session, ref: Reference, actor: Actor | None, flt: HistoryFilter,
           before: int | None = None, limit: int = PAGE) -> HistoryPage:  # fmt: skip
    """The newest cases matching ``flt`` (newest recorded first: by case id), below the
    case id ``before`` (the previous page's `next_before`)."""
    flt.validate()
    if not 0 < limit <= MAX_PAGE:
        raise ValidationError(f"每页条数应在 1 到 {MAX_PAGE} 之间")
    query = parse_query(flt.text)
    base = visible_to(select(*COLUMNS).where(*_conditions(session, flt, query.literal)), actor)
    newest = base.order_by(CASES.c.id.desc())
    rows: list[Any] = []
    if not query.indexed:  # no words, or punctuation only: the filters and the checks
        upper = CASES.c.id < before if before is not None else true()
        rows = list(session.execute(newest.where(upper).limit(limit + 1)).tuples())
    else:
        # Candidates from the index, newest first, in growing batches: the filters and
        # the literal check may turn many down, a rare word runs out soon.
        batch, cursor = 2 * (limit + 1), before
        while len(rows) <= limit:
            ids = search_index.newest_matches(session, query, cursor, batch)
            if ids:
                rows += session.execute(newest.where(CASES.c.id.in_(ids))).tuples().all()
            if len(ids) < batch:
                break  # the index has no more
            cursor, batch = ids[-1], min(batch * 4, _MAX_BATCH)
    builder = SummaryBuilder(ref)
    shown = rows[:limit]
    return HistoryPage(tuple(builder.summary(r) for r in shown),
                       int(shown[-1][0]) if len(rows) > limit else None)  # fmt: skip


_MAX_BATCH = 20_000  # candidate ids per round (the IN list of the check)


def _conditions(session: Session, flt: HistoryFilter,
                words: tuple[str, ...]) -> list[ColumnElement[bool]]:  # fmt: skip
    c = CASES.c
    out: list[ColumnElement[bool]] = []
    if flt.first_day:
        out.append(c.reported_at >= datetime.combine(flt.first_day, datetime.min.time()))
    if flt.last_day:
        end = datetime.combine(flt.last_day + timedelta(days=1), datetime.min.time())
        out.append(c.reported_at < end)
    if flt.states:
        out.append(c.state.in_(flt.states))
    if flt.source:
        out.append(c.source == flt.source)
    if flt.unit:
        out.append(c.unit_code == flt.unit)
    if flt.category:
        out.append(func.substr(c.category_code, 1, len(flt.category)) == flt.category)
    if flt.area:
        out.append(func.substr(c.grid_code, 1, len(flt.area)) == flt.area)
    # Each typed word a plain substring of one of the fields: instr/strpos know no
    # wildcards, unlike LIKE.
    find = func.instr if session.get_bind().dialect.name == "sqlite" else func.strpos
    for word in words:
        out.append(or_(*(find(func.lower(column), word) > 0
                         for column in search_index.TEXT_COLUMNS)))  # fmt: skip
    return out

