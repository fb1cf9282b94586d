"""The map's read queries (heat counts per cell, a cell's summary) on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from workstation.domain.errors import NotFound, ValidationError
from workstation.services.map_queries import HeatQuery, cell_summary, heat_counts

from support.world import make_world

NOW = datetime(2026, 11, 25, 10, 0)
A, B, C = "530114001001001", "530114001001002", "530114002002009"


@pytest.fixture
def ws(db_url: str):
    ws = make_world(db_url, NOW)
    yield ws
    ws.dispose()


def _report(ws, cell: str, category: str, days_ago: float, text: str = "暴露垃圾"):
    return ws.report(ws.actor("jdy001"), description=text, grid_code=cell,
                     category_code=category, at=NOW - timedelta(days=days_ago))  # fmt: skip


def test_heat_counts_group_by_cell_over_period_and_category(ws) -> None:
    for cell, category, days in (
        (A, "E0102", 1), (A, "E0102", 2), (A, "C0101", 3), (B, "E0301", 5),
        (C, "C0101", 10), (C, "E0102", 40),  # the last is outside a 30-day window
    ):  # fmt: skip
        _report(ws, cell, category, days)
    voided = _report(ws, B, "E0102", 1, "重复上报")
    ws.act(ws.actor("leader"), voided.id, "void", {"reason": "重复"}, at=NOW - timedelta(hours=20))
    month = HeatQuery(NOW - timedelta(days=30), NOW)
    with ws.read_session() as session:
        assert heat_counts(session, month) == {A: 3, B: 1, C: 1}
        events = HeatQuery(month.since, month.until, "E")
        assert heat_counts(session, events) == {A: 2, B: 1}
        assert heat_counts(session, HeatQuery(month.since, month.until, "C01")) == {A: 1, C: 1}
        assert heat_counts(session, HeatQuery(month.since, month.until, "E0301")) == {B: 1}
        with_voided = HeatQuery(month.since, month.until, include_voided=True)
        assert heat_counts(session, with_voided) == {A: 3, B: 2, C: 1}
        year = HeatQuery(NOW - timedelta(days=365), NOW + timedelta(days=1))
        assert heat_counts(session, year)[C] == 2
        # The period is half-open: a case reported exactly at `until` is not counted.
        edge = HeatQuery(NOW - timedelta(days=30), NOW - timedelta(days=1))
        assert heat_counts(session, edge) == {A: 2, B: 1, C: 1}
        assert heat_counts(session, HeatQuery(NOW, NOW + timedelta(hours=1))) == {}


def test_a_period_must_not_end_before_it_begins() -> None:
    with pytest.raises(ValidationError, match="结束时间"):
        HeatQuery(NOW, NOW)


def test_cell_summary_names_the_area_the_supervisor_and_the_open_cases(ws) -> None:
    ref = ws.reference
    cell = ref.supervisors["jdy002"].patrol_cells[0]
    filed = _report(ws, cell, "E0102", 3)
    ws.act(ws.actor("leader"), filed.id, "file", at=NOW - timedelta(days=3))
    dispatched = _report(ws, cell, "E0102", 3)
    ws.act(ws.actor("leader"), dispatched.id, "file", at=NOW - timedelta(days=3))
    ws.act(ws.actor("dispatcher"), dispatched.id, "dispatch", at=NOW - timedelta(days=3))
    closed = _report(ws, cell, "E0102", 1)
    ws.act(ws.actor("leader"), closed.id, "void", {"reason": "不属实"}, at=NOW - timedelta(hours=5))
    _report(ws, cell, "E0102", 0.01)  # just reported
    with ws.read_session() as session:
        s = cell_summary(session, ref, cell, NOW)
    assert s.code == cell
    assert s.community_name == ref.community_names[cell[:12]]
    assert s.street_name == ref.street_names[cell[:9]]
    assert s.supervisor_code == ref.supervisors["jdy002"].code
    assert s.supervisor_name == ref.supervisors["jdy002"].name
    assert s.open_cases == 3
    assert s.open_by_state == {"filed": 1, "dispatched": 1, "reported": 1}
    # Filed three days ago: past its dispatch limit; the dispatched case's handling limit
    # (E0102) has passed too; the fresh report is within its filing limit.
    assert s.overdue_cases == 2
    with ws.read_session() as session, pytest.raises(NotFound):
        cell_summary(session, ref, "530114009009009", NOW)
