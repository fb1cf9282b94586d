"""Nearby duplicate candidates on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from workstation.domain.errors import NotFound, ValidationError
from workstation.domain.grid import CHENGGONG_PROJECTION
from workstation.services import duplicates
from workstation.services.duplicates import DuplicateCandidate, find_candidates

from support.world import make_world

NOW = datetime(2026, 11, 25, 10, 0)
# Cells of the small world's first 社区: 3 × 3 cells of 100 m, numbered west → east.
A1, A2, A3 = "530114001001001", "530114001001002", "530114001001003"
A4 = "530114001001004"  # the cell south of A1
B2 = "530114001002002"  # next 社区 east: its centroid is 450 m east of A1's


@pytest.fixture
def ws(db_url: str):
    ws = make_world(db_url, NOW)
    yield ws
    ws.dispose()


def _report(ws, *, cell: str | None = None, category: str | None = "E0102",
            days_ago: float = 0, description: str = "路口暴露垃圾", east_m: float = 0,
            **kw):  # fmt: skip
    """A supervisor report in `cell` (by grid code) or `east_m` metres east of A1's centre."""
    at = NOW - timedelta(days=days_ago)
    if cell is None:
        ref = ws.reference.cells[A1]
        x, y = CHENGGONG_PROJECTION.to_metres(ref.lon, ref.lat)
        lon, lat = CHENGGONG_PROJECTION.to_lonlat(x + east_m, y)
        kw.update(lon=lon, lat=lat)
    else:
        kw.update(grid_code=cell)
    return ws.report(ws.actor("jdy001"), description=description, category_code=category,
                     reported_at=at, at=at, **kw)  # fmt: skip


def _close(ws, case_id: int, at: datetime) -> None:
    leader, dispatcher = ws.actor("leader"), ws.actor("dispatcher")
    ws.act(leader, case_id, "file", at=at)
    case = ws.act(dispatcher, case_id, "dispatch", at=at)
    ws.act(ws.actor(case.unit.lower()), case_id, "feedback", at=at)
    ws.act(dispatcher, case_id, "send_for_check", at=at)
    ws.act(ws.actor("leader"), case_id, "check_pass", at=at)


def _find(ws, case_id: int, **kw) -> list[DuplicateCandidate]:
    with ws.read_session() as session:
        return find_candidates(session, ws.reference, case_id, **kw)


def test_candidates_are_near_related_and_ranked_by_distance_and_age(ws) -> None:
    base = _report(ws, cell=A1)
    same_spot = _report(ws, east_m=10, days_ago=1)  # lon/lat 10 m away, a day earlier
    next_cell = _report(ws, cell=A2, days_ago=2)  # 100 m, by grid cell only
    related = _report(ws, cell=A3, category="E0103", days_ago=1)  # 200 m, same 大类 E01
    unclassified = _report(ws, cell=A4, category=None)  # 100 m south, no category yet
    old_but_open = _report(ws, cell=A2, days_ago=30)  # long-running: still a candidate
    recently_closed = _report(ws, east_m=50, days_ago=9)
    _close(ws, recently_closed.id, NOW - timedelta(days=3))
    # Not candidates:
    _report(ws, cell=B2)  # 450 m away
    _report(ws, east_m=5, category="E0501")  # other 大类 (街面秩序)
    _report(ws, east_m=5, category="C0102")  # a 部件 code with the same digits' kind differs
    _report(ws, east_m=20, days_ago=-8)  # reported after the window
    closed_long_ago = _report(ws, east_m=30, days_ago=20)
    _close(ws, closed_long_ago.id, NOW - timedelta(days=15))
    voided = _report(ws, east_m=15)
    ws.act(ws.actor("leader"), voided.id, "void", {"reason": "不属实"})
    merged = _report(ws, east_m=25)
    ws.merge(ws.actor("leader"), merged.id, same_spot.id)

    found = _find(ws, base.id)

    ids = [c.case_id for c in found]
    # scores: 0.94, 0.75, 0.73, 0.62 (closed, no time credit), 0.53 (no time credit), 0.52
    assert ids == [same_spot.id, next_cell.id, unclassified.id, recently_closed.id,
                   old_but_open.id, related.id]  # fmt: skip
    by_id = {c.case_id: c for c in found}
    assert by_id[same_spot.id].distance_m == pytest.approx(10, abs=0.5)
    assert by_id[next_cell.id].distance_m == pytest.approx(100, abs=0.5)
    assert by_id[related.id].distance_m == pytest.approx(200, abs=0.5)
    assert by_id[same_spot.id].same_category
    assert not by_id[related.id].same_category
    assert not by_id[unclassified.id].same_category
    assert by_id[next_cell.id].age == timedelta(days=2)
    assert by_id[recently_closed.id].is_open is False
    assert by_id[recently_closed.id].state_label == "已结案"
    assert by_id[same_spot.id].state_label == "上报"
    assert by_id[same_spot.id].category_name == "暴露垃圾"
    assert by_id[related.id].category_name == "积存垃圾渣土"
    # The documented score: 0.5·(1 − d/r) + 0.3·(1 − |Δt|/window) + 0.2·c
    assert by_id[next_cell.id].score == pytest.approx(
        0.5 * (1 - 100 / 300) + 0.3 * (1 - 2 / 7) + 0.2, abs=1e-3
    )
    assert by_id[old_but_open.id].score == pytest.approx(0.5 * (1 - 100 / 300) + 0.2, abs=1e-3)
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)


def test_radius_window_and_limit_are_parameters(ws) -> None:
    base = _report(ws, cell=A1)
    near = _report(ws, east_m=40)
    far = _report(ws, cell=B2)  # 450 m
    later = _report(ws, east_m=60, days_ago=-3)
    closed = _report(ws, east_m=70, days_ago=6)
    _close(ws, closed.id, NOW - timedelta(days=5))
    assert [c.case_id for c in _find(ws, base.id)] == [near.id, later.id, closed.id]
    assert [c.case_id for c in _find(ws, base.id, radius_m=50)] == [near.id]
    assert [c.case_id for c in _find(ws, base.id, radius_m=500)] == [
        near.id, later.id, closed.id, far.id,
    ]  # fmt: skip
    # A 2-day window: the later report and the case closed 5 days ago fall outside it.
    assert [c.case_id for c in _find(ws, base.id, days=2)] == [near.id]
    assert [c.case_id for c in _find(ws, base.id, limit=1)] == [near.id]
    # From the other side: the base case is a candidate of the later report, 3 days older.
    assert [c.age for c in _find(ws, later.id) if c.case_id == base.id] == [timedelta(days=3)]
    assert [c.age for c in _find(ws, base.id) if c.case_id == later.id] == [timedelta(days=-3)]


def test_case_without_category_matches_every_category_as_related(ws) -> None:
    base = _report(ws, cell=A1, category=None)
    other = _report(ws, east_m=30, category="C0117")
    found = _find(ws, base.id)
    assert [c.case_id for c in found] == [other.id]
    assert not found[0].same_category


def test_case_without_location_has_no_candidates_and_bad_input_is_refused(ws) -> None:
    base = ws.report(ws.actor("acceptor"), description="市民来电：某处垃圾", source="hotline_12345",
                     category_code="E0102")  # fmt: skip
    _report(ws, cell=A1)
    assert _find(ws, base.id) == []
    with pytest.raises(ValidationError):
        _find(ws, base.id, radius_m=0)
    with pytest.raises(NotFound):
        _find(ws, 999_999)


def test_score_is_documented_formula() -> None:
    week = timedelta(days=7)
    assert duplicates.score(0, 300, timedelta(0), week, True) == pytest.approx(1.0)
    assert duplicates.score(300, 300, week, week, False) == pytest.approx(0.1)
    # beyond the window: no time credit, never negative
    assert duplicates.score(150, 300, -3 * week, week, True) == pytest.approx(0.25 + 0.2)
