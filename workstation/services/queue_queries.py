"""Read-only queries of the live case queue: open cases and today's closed ones, lean
(and any cases by id, for a drill-down).

`list_cases` builds a domain `Case` per row and reads every column (JSON payloads too);
for the queue's 20,000 open cases that is most of a second. Here one Core select reads
only what a `CaseSummary` shows and turns rows into summaries directly, with the names
looked up once per distinct code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from workstation.domain.lifecycle import CaseState, Priority, Satisfaction, Source
from workstation.domain.roles import Actor, Role
from workstation.persistence.repositories import CASES
from workstation.services.dto import CaseSummary
from workstation.services.feed import FeedCursor, feed_cursor
from workstation.services.reference import Reference

OPEN_STATES = tuple(s.value for s in CaseState if s.is_open)
_STATE_LABELS = {s.value: s.label for s in CaseState}
_SOURCE_LABELS = {s.value: s.label for s in Source}
_PRIORITIES = {p.value for p in Priority}

# Only what the queue shows; the JSON payload and audit columns stay in the database.
COLUMNS = (
    CASES.c.id, CASES.c.case_no, CASES.c.version, CASES.c.state, CASES.c.source,
    CASES.c.priority, CASES.c.reported_at, CASES.c.category_code, CASES.c.grid_code,
    CASES.c.address, CASES.c.description, CASES.c.unit_code, CASES.c.deadline,
    CASES.c.stage_deadline, CASES.c.handling_limit, CASES.c.pending_request,
    CASES.c.remind_count, CASES.c.is_key, CASES.c.rework_count, CASES.c.self_handled,
    CASES.c.lon, CASES.c.lat, CASES.c.closed_at, CASES.c.updated_at, CASES.c.verified,
    CASES.c.dispatched_at, CASES.c.clock_stage, CASES.c.clock_started_at, CASES.c.clock_limit,
    CASES.c.handling_paused_seconds, CASES.c.suspended_at,
)  # fmt: skip
_STATE = COLUMNS.index(CASES.c.state)
_VERIFIED = COLUMNS.index(CASES.c.verified)


@dataclass(frozen=True, slots=True)
class QueueSnapshot:
    """What the queue shows after a (re)load."""

    cases: list[CaseSummary]  # open cases, then the ones closed today
    verified: frozenset[int]  # ids of the cases whose report was verified on site
    day_start: datetime  # "today" began here (closed cases since then are included)
    feed: FeedCursor  # where the change feed was before the cases were read


@dataclass(frozen=True, slots=True)
class QueueOptions:
    """Choices of the queue's filter boxes, from the reference data (code, label …)."""

    streets: tuple[tuple[str, str], ...]
    communities: tuple[tuple[str, str, str], ...]  # (code, name, street code)
    majors: tuple[tuple[str, str], ...]  # (major key such as "E01", "事件/市容环境")
    minors: tuple[tuple[str, str, str], ...]  # (category code, name, major key)
    units: tuple[tuple[str, str], ...]
    sources: tuple[tuple[str, str], ...]
    priorities: tuple[tuple[str, str], ...]

    def communities_in(self, street: str) -> list[tuple[str, str]]:
        """(code, name) of the street's communities; every community for ""."""
        return [(code, name) for code, name, of in self.communities
                if not street or of == street]  # fmt: skip


def load_queue(session: Session, ref: Reference, actor: Actor | None,
               now: datetime) -> QueueSnapshot:  # fmt: skip
    """Open cases and cases closed since 00:00 of `now`'s day that `actor` may see."""
    day_start = day_start_of(now)
    feed = feed_cursor(session)
    open_query = visible_to(select(*COLUMNS).where(CASES.c.state.in_(OPEN_STATES)), actor)
    # By closed_at alone: with "state = 'closed'" too, SQLite picks the state index and
    # walks every closed case of all time (0.8 s on 900,000 of them instead of 10 ms).
    closed_query = visible_to(select(*COLUMNS).where(CASES.c.closed_at >= day_start), actor)
    builder = SummaryBuilder(ref)
    cases: list[CaseSummary] = []
    verified: set[int] = set()
    for query in (open_query, closed_query):
        for row in session.execute(query).tuples():
            if query is closed_query and row[_STATE] != "closed":
                continue  # closed today, then reopened by an administrator: open again
            case = builder.summary(row)
            cases.append(case)
            if row[_VERIFIED]:
                verified.add(case.id)
    return QueueSnapshot(cases, frozenset(verified), day_start, feed)


# Bound parameters per IN list: under SQLite's and psycopg's limits, and small enough
# for either planner to use the primary key.
ID_CHUNK = 900


def load_cases(session: Session, ref: Reference, actor: Actor | None, ids: Iterable[int],
               now: datetime) -> QueueSnapshot:  # fmt: skip
    """These cases, open or not (a statistics drill-down lists the closed cases of a
    period too), as lean as `load_queue`; those ``actor`` may not see are left out."""
    wanted = sorted(set(ids))
    feed = feed_cursor(session)
    builder = SummaryBuilder(ref)
    cases: list[CaseSummary] = []
    verified: set[int] = set()
    for at in range(0, len(wanted), ID_CHUNK):
        chunk = wanted[at:at + ID_CHUNK]
        query = visible_to(select(*COLUMNS).where(CASES.c.id.in_(chunk)), actor)
        for row in session.execute(query).tuples():
            case = builder.summary(row)
            cases.append(case)
            if row[_VERIFIED]:
                verified.add(case.id)
    return QueueSnapshot(cases, frozenset(verified), day_start_of(now), feed)


def awaiting_revisit(session: Session, now: datetime, days: int = 7) -> list[int]:
    """Citizens' reports closed in the last ``days`` days whose reporter has not been
    called back yet (回访), or was not reached: the acceptor's call list, oldest first."""
    citizens = [s.value for s in Source if s.needs_verification]
    since = now - timedelta(days=days)
    rows = session.execute(
        select(CASES.c.id)
        .where(CASES.c.closed_at >= since, CASES.c.state == CaseState.CLOSED.value,
               CASES.c.source.in_(citizens),
               or_(CASES.c.satisfaction.is_(None),
                   CASES.c.satisfaction == Satisfaction.NOT_REACHED.value))
        .order_by(CASES.c.closed_at)
    )  # fmt: skip
    return [int(case_id) for case_id in rows.scalars()]


def queue_options(ref: Reference) -> QueueOptions:
    cells_by_community: dict[str, str] = {}
    for info in ref.cells.values():
        cells_by_community.setdefault(info.community_code, info.street_code)
    communities = sorted(
        (code, name, cells_by_community.get(code, code[:9]))
        for code, name in ref.community_names.items()
    )
    return QueueOptions(
        streets=tuple(sorted(ref.street_names.items())),
        communities=tuple(communities),
        majors=tuple(ref.catalog.majors()),
        minors=tuple((c.code, c.name, c.major_key) for c in ref.catalog),
        units=tuple((u.code, u.name) for u in ref.matrix.units.values()),
        sources=tuple((s.value, s.label) for s in Source),
        priorities=tuple((p.value, p.label) for p in Priority),
    )


def visible_to(query: Select[Any], actor: Actor | None) -> Select[Any]:
    # Unit staff only ever see their own unit's cases (the same rule as `list_cases`).
    if actor is not None and actor.role is Role.UNIT:
        return query.where(CASES.c.unit_code == actor.unit_code)
    return query


class SummaryBuilder:
    """Turns lean rows into summaries; names are looked up once per distinct code."""

    def __init__(self, ref: Reference) -> None:
        self._ref = ref
        self._areas: dict[str, tuple[str, str]] = {}
        self._categories: dict[str | None, str] = {}
        self._units: dict[str | None, str] = {}

    def summary(self, r: Any) -> CaseSummary:
        # Unpacked as a plain tuple: attribute access on a Row costs ~0.4 µs per column.
        (id_, case_no, version, state, source, priority, reported_at, category_code, grid,
         address, description, unit_code, deadline, stage_deadline, handling_limit,
         pending_request, remind_count, is_key, rework_count, self_handled, lon, lat,
         closed_at, updated_at, verified, dispatched_at, clock_stage, clock_started_at,
         clock_limit, paused, suspended_at) = r  # fmt: skip
        area = self._areas.get(grid or "")
        if area is None:
            area = self._area(grid)
        category = self._categories.get(category_code)
        if category is None:
            category = self._categories[category_code] = self._ref.category_name(category_code)
        unit_name = self._units.get(unit_code)
        if unit_name is None:
            unit_name = self._units[unit_code] = self._ref.unit_name(unit_code)
        return CaseSummary(
            id_, case_no, int(version), state, _STATE_LABELS.get(state, state), source,
            _SOURCE_LABELS.get(source, source),
            priority if priority in _PRIORITIES else Priority.NORMAL.value, reported_at,
            category_code, category, grid, area[0], area[1],
            self._ref.display_address(address, lon, lat, grid), description or "",
            unit_code, unit_name, deadline, stage_deadline, handling_limit, pending_request,
            int(remind_count or 0), bool(is_key), int(rework_count or 0), bool(self_handled),
            lon, lat, closed_at, updated_at, bool(verified), dispatched_at, clock_stage,
            clock_started_at, clock_limit, float(paused or 0.0), suspended_at,
        )  # fmt: skip

    def _area(self, grid: str | None) -> tuple[str, str]:
        cell = self._ref.cells.get(grid or "")
        if cell is None:
            area = ("", "")
        else:
            area = (self._ref.street_names.get(cell.street_code, ""),
                    self._ref.community_names.get(cell.community_code, ""))  # fmt: skip
        self._areas[grid or ""] = area
        return area


def day_start_of(now: datetime) -> datetime:
    """00:00 of `now`'s day: cases closed since then are "closed today"."""
    return datetime.combine(now.date(), datetime.min.time())
