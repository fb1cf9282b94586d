"""Nearby duplicate candidates for a case: same or related category, close in space and time."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from workstation.domain.errors import ValidationError
from workstation.domain.grid import CHENGGONG_PROJECTION
from workstation.domain.lifecycle import CaseState
from workstation.persistence.repositories import CASES, CaseRepository
from workstation.services.reference import Reference

# Score weights (they sum to 1, so a score is in [0, 1]; higher is a likelier duplicate).
# Distance weighs most: two reports of one broken manhole cover come from the same spot,
# while the same problem is often reported again days later. The category only separates
# "same subclass" from "related" (same 大类), since unrelated categories never qualify.
W_DISTANCE = 0.5
W_TIME = 0.3
W_CATEGORY = 0.2
RELATED_CATEGORY = 0.5  # category term of a related (not identical) category

_OPEN_STATES = tuple(s.value for s in CaseState if s.is_open)


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    """A case that may report the same problem as the case searched from."""

    case_id: int
    case_no: str
    state: str
    state_label: str
    is_open: bool  # only an open case can be the original a duplicate is merged into
    category_code: str | None
    category_name: str
    same_category: bool  # False: related (same 大类, or one of the two is not classified)
    distance_m: float
    reported_at: datetime
    # The searched case's report time minus the candidate's: positive when the candidate
    # was reported first (the likely original), negative when it came later.
    age: timedelta
    description: str
    address: str
    score: float


def position(ref: Reference, lon: float | None, lat: float | None,
             grid_code: str | None) -> tuple[float, float] | None:  # fmt: skip
    """Where a case is: its own lon/lat, else its grid cell's centroid, else unknown."""
    if lon is not None and lat is not None:
        return lon, lat
    cell = ref.cells.get(grid_code or "")
    return (cell.lon, cell.lat) if cell is not None else None


def score(distance_m: float, radius_m: float, gap: timedelta, window: timedelta,
          same_category: bool) -> float:  # fmt: skip
    """0.5·(1 − d/r) + 0.3·(1 − |Δt|/window) + 0.2·c, c = 1 same subclass, 0.5 related.

    Δt is the gap between the two report times; a candidate that was reported long before
    the window but is still open gets no time credit rather than a negative one.
    """
    near = 1.0 - min(distance_m / radius_m, 1.0)
    recent = 1.0 - min(abs(gap) / window, 1.0)
    category = 1.0 if same_category else RELATED_CATEGORY
    return W_DISTANCE * near + W_TIME * recent + W_CATEGORY * category


def find_candidates(
    session: Session,
    ref: Reference,
    case_id: int,
    radius_m: float = 300.0,
    days: float = 7,
    limit: int = 10,
) -> list[DuplicateCandidate]:
    """Cases that may be the same problem as `case_id`, likeliest first (see `score`).

    A candidate
    - is another case, not itself merged into a case;
    - is of the same category or a related one: the same 大类 (kind and major code, e.g.
      E01 市容环境); a case not yet classified, on either side, counts as related, because
      hotline reports often arrive without a category;
    - lies within `radius_m` of this case (each case's lon/lat, or its grid cell's centroid
      when it has none), measured in the Chenggong local projection;
    - was alive during the time window of ± `days` around this case's report: reported no
      later than the window's end, and either still open (a long-running open case is the
      likeliest original of a repeat report) or closed within the window (recently fixed:
      the new report may be stale or a recurrence). Voided cases never qualify.

    The SQL is bounded first by a lon/lat box around the radius (cases without
    coordinates by the grid cells whose centroid lies in the box), the category prefix,
    and the state (open) or the close time (closed since the window's start); the report
    time, the exact distance and the ranking are computed on that small set.
    """
    if radius_m <= 0 or days <= 0 or limit <= 0:
        raise ValidationError("重复案件搜索的半径、天数和数量都必须大于 0")
    case = CaseRepository(session).get(case_id)
    origin = position(ref, case.lon, case.lat, case.grid_code)
    if origin is None:
        return []  # nowhere to search around: no coordinates and no grid cell
    lon0, lat0 = origin
    proj = CHENGGONG_PROJECTION
    dlon, dlat = radius_m / proj.kx, radius_m / proj.ky
    window = timedelta(days=days)
    start, end = case.reported_at - window, case.reported_at + window

    c = CASES.c
    located = and_(c.lon.is_not(None), c.lat.is_not(None),
                   c.lon.between(lon0 - dlon, lon0 + dlon),
                   c.lat.between(lat0 - dlat, lat0 + dlat))  # fmt: skip
    where_clauses = [located]
    cells = [code for code, cell in ref.cells.items()
             if abs(cell.lon - lon0) <= dlon and abs(cell.lat - lat0) <= dlat]  # fmt: skip
    if cells:
        where_clauses.append(and_(or_(c.lon.is_(None), c.lat.is_(None)), c.grid_code.in_(cells)))
    common = [or_(*where_clauses), c.id != case.id, c.merged_into.is_(None)]
    major = _major_key(ref, case.category_code)
    if major is not None:
        common.append(or_(c.category_code.startswith(major, autoescape=True),
                          c.category_code.is_(None)))  # fmt: skip
    columns = (c.id, c.case_no, c.state, c.category_code, c.lon, c.lat, c.grid_code,
               c.reported_at, c.closed_at, c.description, c.address)  # fmt: skip
    # Two queries, each led by the one predicate an index serves, so that the planner
    # (SQLite's has no statistics) never walks every closed case: the open cases through
    # the state index (the open set is the small, hot part of the table), the recently
    # closed ones through the closed_at index (closed_at is set only while a case is
    # closed). The report-time bound is applied to the few rows that come back.
    open_rows = session.execute(select(*columns).where(c.state.in_(_OPEN_STATES), *common))
    closed_rows = session.execute(select(*columns).where(c.closed_at >= start, *common))
    rows = {r.id: r for r in (*open_rows, *closed_rows) if r.reported_at <= end}.values()

    x0, y0 = proj.to_metres(lon0, lat0)
    out: list[DuplicateCandidate] = []
    for row in rows:
        where = position(ref, row.lon, row.lat, row.grid_code)
        if where is None:
            continue
        x, y = proj.to_metres(*where)
        distance = math.hypot(x - x0, y - y0)
        if distance > radius_m:
            continue  # in the box's corner, outside the circle
        same = case.category_code is not None and row.category_code == case.category_code
        gap = case.reported_at - row.reported_at
        state = CaseState(row.state)
        if not state.is_open and state is not CaseState.CLOSED:
            continue  # never a voided case, whatever its closed_at says
        out.append(DuplicateCandidate(
            case_id=row.id, case_no=row.case_no, state=state.value, state_label=state.label,
            is_open=state.is_open, category_code=row.category_code,
            category_name=ref.category_name(row.category_code), same_category=same,
            distance_m=distance, reported_at=row.reported_at, age=gap,
            description=row.description,
            address=ref.display_address(row.address, row.lon, row.lat, row.grid_code),
            score=score(distance, radius_m, gap, window, same),
        ))  # fmt: skip
    out.sort(key=lambda d: (-d.score, d.distance_m, abs(d.age), d.case_id))
    return out[:limit]


def _major_key(ref: Reference, code: str | None) -> str | None:
    """'E01' for E0102: the kind letter and the 大类 code, the prefix every related code has."""
    if not code:
        return None
    if code in ref.catalog:
        return ref.catalog.get(code).major_key
    return code[:3]
