"""Every write appears in the change feed; followers get each changed case once."""

from __future__ import annotations

from datetime import datetime

import pytest

from support.world import make_world

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def ws(db_url: str):
    ws = make_world(db_url, NOW)
    yield ws
    ws.dispose()


def test_follower_sees_changed_cases_once_in_order(ws) -> None:
    start = ws.feed_cursor()
    cell = ws.reference.supervisors["jdy001"].patrol_cells[0]
    a = ws.report(ws.actor("jdy001"), description="暴露垃圾", grid_code=cell, category_code="E0102")
    b = ws.report(ws.actor("jdy001"), description="小广告", grid_code=cell, category_code="E0201")
    ws.act(ws.actor("leader"), a.id, "file")
    batch = ws.changes_since(start)
    assert batch.case_ids == (a.id, b.id)
    assert batch.topics == {"case"}
    assert not batch.truncated
    assert ws.changes_since(batch.cursor).empty
    rows = ws.cases_by_ids(batch.case_ids)
    assert [(r.id, r.state) for r in rows] == [(a.id, "filed"), (b.id, "reported")]


def test_too_many_changes_ask_for_a_reload(ws) -> None:
    start = ws.feed_cursor()
    cell = ws.reference.supervisors["jdy001"].patrol_cells[0]
    for i in range(5):
        ws.report(ws.actor("jdy001"), description=f"问题 {i}", grid_code=cell)
    batch = ws.changes_since(start, limit=3)
    assert batch.truncated
    assert batch.cursor == ws.feed_cursor()


def test_allowed_actions_follow_state_role_and_guards(ws) -> None:
    cell = ws.reference.supervisors["jdy001"].patrol_cells[0]
    case = ws.report(ws.actor("jdy001"), description="暴露垃圾", grid_code=cell,
                     category_code="E0102")  # fmt: skip
    allowed = ws.allowed_actions([case.id], ws.actor("leader"))[case.id]
    assert "file" in allowed
    assert "dispatch" not in allowed
    assert "approve_self_handled" not in allowed  # a guard: not a 先行处置 report
    assert ws.allowed_actions([case.id], ws.actor("dispatcher"))[case.id] == (
        "request_verification", "escalate", "merge", "reclassify", "note"
    )  # fmt: skip
