"""Supervisors' fixes, status and the status board, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from workstation.domain.errors import PermissionDenied, ValidationError
from workstation.services.feed import FeedCursor
from workstation.services.field import nearest_on_duty

from support.world import make_world

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def ws(db_url: str):
    ws = make_world(db_url, NOW)
    yield ws
    ws.dispose()


def _cell(ws, username: str):
    return ws.reference.cells[ws.reference.supervisors[username].patrol_cells[0]]


def test_fixes_make_a_track_and_a_fresh_board_row(ws) -> None:
    me = ws.actor("jdy001")
    cell = _cell(ws, "jdy001")
    for minute in range(3):
        at = NOW - timedelta(minutes=3 - minute)
        ws.record_fix(me, cell.lon + minute * 1e-4, cell.lat, at=at)
    row = next(r for r in ws.supervisor_board(at=NOW) if r.username == "jdy001")
    assert (row.status, row.status_label) == ("patrolling", "巡查中")
    assert row.last_fix_at == NOW - timedelta(minutes=1)
    assert row.fix_age_seconds == 60
    assert not row.late
    code = ws.reference.supervisors["jdy001"].code
    assert len(ws.supervisor_track(code, NOW.replace(hour=0))) == 3
    assert ws.changes_since(FeedCursor(0)).topics >= {"supervisor"}


def test_a_supervisor_without_a_fix_for_15_minutes_is_late(ws) -> None:
    ws.record_fix(ws.actor("jdy002"), _cell(ws, "jdy002").lon, _cell(ws, "jdy002").lat,
                  at=NOW - timedelta(minutes=16))  # fmt: skip
    rows = {r.username: r for r in ws.supervisor_board(at=NOW)}
    assert rows["jdy002"].late
    assert rows["jdy002"].needs_attention
    assert rows["jdy003"].status == "offline"  # never sent a fix
    assert not rows["jdy003"].late  # off duty is not late


def test_tasks_and_reports_are_counted_and_overdue_flagged(ws) -> None:
    cell = ws.reference.supervisors["jdy001"].patrol_cells[0]
    hotline = ws.report(ws.actor("acceptor"), description="市民反映垃圾", grid_code=cell,
                        source="hotline_12345", at=NOW - timedelta(days=1))  # fmt: skip
    ws.act(ws.actor("acceptor"), hotline.id, "request_verification", {"supervisor": "jdy001"},
           at=NOW - timedelta(days=1))  # fmt: skip
    ws.report(ws.actor("jdy001"), description="暴露垃圾", grid_code=cell, at=NOW)
    row = next(r for r in ws.supervisor_board(at=NOW) if r.username == "jdy001")
    assert (row.pending_verifications, row.pending_checks) == (1, 0)
    assert row.overdue_tasks == 1  # 2 working hours to verify: due yesterday at 12:00
    assert row.reports_today == 1


def test_nearest_on_duty_supervisor(ws) -> None:
    for username in ("jdy001", "jdy003"):
        cell = _cell(ws, username)
        ws.record_fix(ws.actor(username), cell.lon, cell.lat, at=NOW)
    target = _cell(ws, "jdy003")
    nearest = nearest_on_duty(ws.supervisor_board(at=NOW), target.lon, target.lat)
    assert nearest is not None
    assert nearest.username == "jdy003"


def test_bad_fixes_are_refused(ws) -> None:
    with pytest.raises(ValidationError, match="无效的位置"):
        ws.record_fix(ws.actor("jdy001"), float("nan"), 24.9)
    with pytest.raises(PermissionDenied, match="不是监督员"):
        ws.record_fix(ws.actor("dispatcher"), 102.85, 24.88)


def test_status_changes(ws) -> None:
    ws.set_supervisor_status(ws.actor("jdy004"), "resting", at=NOW)
    row = next(r for r in ws.supervisor_board(at=NOW) if r.username == "jdy004")
    assert (row.status_label, row.late) == ("休息", False)
