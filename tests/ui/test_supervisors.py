"""The supervisor status board on a real SQLite world: late fixes, tasks, feed, suggestions."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from ui.models.supervisor_table import (
    AttentionRole,
    SupervisorRole,
    SupervisorTableModel,
    UsernameRole,
)
from ui.panels.supervisors import SupervisorBoard

NOW = datetime(2026, 11, 25, 10, 0)  # the clock of the `ws` world (tests/ui/conftest.py)


def _code(ws, username: str, n: int = 0) -> str:
    return ws.reference.supervisors[username].patrol_cells[n]


def _cell(ws, username: str, n: int = 0):
    return ws.reference.cells[_code(ws, username, n)]


def _fix(ws, username: str, minutes_ago: float, n: int = 0) -> tuple[float, float]:
    cell = _cell(ws, username, n)
    ws.record_fix(ws.actor(username), cell.lon, cell.lat, at=NOW - timedelta(minutes=minutes_ago))
    return cell.lon, cell.lat


@pytest.fixture
def board(qtbot, ctx_for):
    def make(min_gap_ms: int = 50) -> SupervisorBoard:
        board = SupervisorBoard(ctx_for("dispatcher"), min_gap_ms=min_gap_ms)
        qtbot.addWidget(board)
        board.resize(1100, 360)
        board.show()
        with qtbot.waitSignal(board.supervisors_loaded, timeout=10_000):
            board.start()
        return board

    return make


def _row(board: SupervisorBoard, username: str) -> int:
    row = board.model.row_of(username)
    assert row is not None
    return row


def _text(board: SupervisorBoard, username: str, key: str) -> str:
    model = board.model
    return model.index(_row(board, username), model.column_of(key)).data()


def test_model_passes_qtmodeltester(qtmodeltester, ws) -> None:
    _fix(ws, "jdy001", 2)
    _fix(ws, "jdy002", 20)
    model = SupervisorTableModel()
    qtmodeltester.check(model)  # empty
    rows = ws.supervisor_board()
    model.set_rows(rows, NOW)
    qtmodeltester.check(model)
    _fix(ws, "jdy003", 1)
    fresh = ws.supervisor_board()
    model.set_rows(fresh[1:], NOW)  # one removed, one changed in place
    qtmodeltester.check(model)
    model.set_rows(fresh, NOW)  # and back again: inserted at the end
    qtmodeltester.check(model)
    assert model.row_of("jdy001") == 3
    assert model.index(3, 0).data(SupervisorRole) == fresh[0]


def test_a_supervisor_without_a_recent_fix_is_late(board, ws) -> None:
    _fix(ws, "jdy001", 2)
    _fix(ws, "jdy002", 16)  # LATE_FIX is 15 minutes
    b = board()
    model = b.model
    fresh, late = model.supervisor("jdy001"), model.supervisor("jdy002")
    assert fresh is not None
    assert late is not None
    assert not fresh.late
    assert late.late
    assert _text(b, "jdy001", "status") == "巡查中"
    assert _text(b, "jdy001", "fix_age") == "2 分钟前"
    assert _text(b, "jdy002", "fix_age") == "16 分钟前"
    assert _text(b, "jdy002", "fix_at") == "09:44:00"
    assert _text(b, "jdy003", "status") == "离线"
    assert _text(b, "jdy003", "fix_age") == "无定位"
    late_index = model.index(_row(b, "jdy002"), model.column_of("fix_age"))
    assert late_index.data(AttentionRole) is True
    assert late_index.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"
    assert "超过 15 分钟没有定位" in late_index.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(_row(b, "jdy001"), 0).data(AttentionRole) is False
    assert b.summary_text() == "在岗 2 人，离线 2 人，需关注 1 人"

    b.set_attention_only(True)
    assert b.proxy.rowCount() == 1
    assert b.proxy.index(0, 0).data(UsernameRole) == "jdy002"
    assert b.summary_text().endswith("（显示 1 人）")
    b.set_attention_only(False)
    b.status_filter.setCurrentIndex(b.status_filter.findData("offline"))
    assert {b.proxy.index(r, 0).data(UsernameRole) for r in range(b.proxy.rowCount())} == {
        "jdy003",
        "jdy004",
    }
    b.status_filter.setCurrentIndex(0)
    b.street.setCurrentIndex(b.street.findText("斗南街道"))
    assert b.proxy.rowCount() == 2
    assert {b.proxy.index(r, 0).data(UsernameRole) for r in range(2)} == {"jdy003", "jdy004"}


def test_pending_and_overdue_tasks_are_counted(board, ws) -> None:
    acceptor, leader, dispatcher = ws.actor("acceptor"), ws.actor("leader"), ws.actor("dispatcher")
    cell = _code(ws, "jdy001")
    # A hotline report sent for verification yesterday: its 2 working hours are long gone.
    hotline = ws.report(acceptor, description="市民反映垃圾", grid_code=cell,
                        source="hotline_12345", at=NOW - timedelta(days=1))  # fmt: skip
    ws.act(acceptor, hotline.id, "request_verification", {"supervisor": "jdy001"},
           at=NOW - timedelta(days=1))  # fmt: skip
    # A supervisor's own report today, filed, dispatched, done and sent back for checking.
    report = ws.report(ws.actor("jdy001"), description="暴露垃圾", grid_code=cell,
                       category_code="E0102", at=NOW - timedelta(minutes=30))  # fmt: skip
    ws.act(leader, report.id, "file", at=NOW - timedelta(minutes=25))
    dispatched = ws.act(dispatcher, report.id, "dispatch", at=NOW - timedelta(minutes=20))
    ws.act(ws.actor(dispatched.unit.lower()), report.id, "feedback",
           {"result": "已清运"}, at=NOW - timedelta(minutes=10))  # fmt: skip
    ws.act(dispatcher, report.id, "send_for_check", {"supervisor": "jdy001"},
           at=NOW - timedelta(minutes=5))  # fmt: skip
    _fix(ws, "jdy001", 1)

    b = board()
    row = b.model.supervisor("jdy001")
    assert row is not None
    assert (row.reports_today, row.pending_verifications, row.pending_checks) == (1, 1, 1)
    assert row.overdue_tasks == 1
    assert (_text(b, "jdy001", "reports"), _text(b, "jdy001", "verifications")) == ("1", "1")
    assert (_text(b, "jdy001", "checks"), _text(b, "jdy001", "overdue")) == ("1", "1")
    assert _text(b, "jdy002", "overdue") == ""  # zero stays blank
    index = b.model.index(_row(b, "jdy001"), b.model.column_of("name"))
    assert index.data(AttentionRole) is True  # not late, but a task is overdue
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None  # the red flag
    assert "1 件核实/核查任务超时" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert b.summary_text() == "在岗 1 人，离线 3 人，需关注 1 人"


def test_double_click_and_enter_centre_the_map(qtbot, board, ws) -> None:
    lon, lat = _fix(ws, "jdy003", 1, n=4)
    b = board()
    source = b.model.index(_row(b, "jdy003"), 1)
    index = b.proxy.mapFromSource(source)
    rect = b.table.visualRect(index)
    # A real double-click starts with a press: the view only activates the pressed index.
    qtbot.mouseClick(b.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected: list[str] = []
    b.supervisor_selected.connect(selected.append)
    with qtbot.waitSignal(b.center_requested) as centred:
        qtbot.mouseDClick(b.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert selected == ["jdy003"]
    assert centred.args == pytest.approx([lon, lat])

    b.table.setCurrentIndex(index)
    with qtbot.waitSignal(b.center_requested) as again:
        qtbot.keyClick(b.table, Qt.Key.Key_Return)
    assert again.args == pytest.approx([lon, lat])


def test_no_position_selects_without_centring(qtbot, board) -> None:
    b = board()
    assert b.select_supervisor("jdy004")
    centred: list[tuple[float, float]] = []
    b.center_requested.connect(lambda x, y: centred.append((x, y)))
    with qtbot.waitSignal(b.supervisor_selected) as blocker:
        qtbot.keyClick(b.table, Qt.Key.Key_Return)
    assert blocker.args == ["jdy004"]
    assert centred == []


def test_suggestion_prefers_the_grids_own_supervisor(board, ws) -> None:
    for username in ("jdy001", "jdy002", "jdy003"):
        _fix(ws, username, 1)
    b = board()
    code, cell = _code(ws, "jdy001", 4), _cell(ws, "jdy001", 4)
    chosen = b.suggest_for(code, cell.lon, cell.lat)
    assert chosen is not None
    assert chosen.username == "jdy001"


@pytest.mark.parametrize("own", ["late", "offline", "resting"])
def test_suggestion_falls_back_to_the_nearest_on_duty(board, ws, own: str) -> None:
    # jdy002 patrols the community east of jdy001's; jdy003 the next 街道, further east.
    if own == "late":
        _fix(ws, "jdy001", 30)
    elif own == "resting":
        _fix(ws, "jdy001", 1)
        ws.set_supervisor_status(ws.actor("jdy001"), "resting", at=NOW)
    _fix(ws, "jdy002", 1)
    _fix(ws, "jdy003", 1)
    b = board()
    code, cell = _code(ws, "jdy001", 4), _cell(ws, "jdy001", 4)
    chosen = b.suggest_for(code, cell.lon, cell.lat)
    assert chosen is not None
    assert chosen.username == "jdy002"
    # Without coordinates the cell's own centre stands in for the place.
    fallback = b.suggest_for(code, None, None)
    assert fallback is not None
    assert fallback.username == "jdy002"


def test_no_suggestion_when_nobody_is_on_duty(board, ws) -> None:
    b = board()
    cell = _cell(ws, "jdy001")
    assert b.suggest_for(_code(ws, "jdy001"), cell.lon, cell.lat) is None


def test_a_feed_change_updates_the_row_in_place(qtbot, board, ws) -> None:
    b = board()
    model = b.model
    resets: list[str] = []
    model.modelAboutToBeReset.connect(lambda: resets.append("reset"))
    model.rowsInserted.connect(lambda *_: resets.append("insert"))
    model.rowsRemoved.connect(lambda *_: resets.append("remove"))
    row = _row(b, "jdy001")
    b.table.selectRow(b.proxy.mapFromSource(model.index(row, 0)).row())
    assert _text(b, "jdy001", "status") == "离线"

    _fix(ws, "jdy001", 0.5)
    with qtbot.waitSignal(model.dataChanged) as changed:
        b.on_topics(frozenset({"supervisor"}))
    top, bottom = changed.args[0], changed.args[1]
    assert (top.row(), bottom.row()) == (row, row)
    assert _text(b, "jdy001", "status") == "巡查中"
    assert _text(b, "jdy001", "fix_age") == "刚刚"
    assert resets == []
    selected = b.table.selectionModel().selectedRows()
    assert [i.data(UsernameRole) for i in selected] == ["jdy001"]  # selection survived


def test_unrelated_topics_do_not_refresh(qtbot, board) -> None:
    b = board()
    b.on_topics(frozenset({"attachment"}))
    assert not b.refresh_pending


def test_feed_bursts_are_throttled(qtbot, board, ws) -> None:
    began = time.monotonic()  # the first refresh starts after this
    b = board(min_gap_ms=800)
    loads: list[float] = []
    b.supervisors_loaded.connect(lambda rows: loads.append(time.monotonic()))
    for minute in range(5):  # five feed batches in a row, as during a busy patrol
        _fix(ws, "jdy001", 5 - minute)
        b.on_topics(frozenset({"supervisor", "case"}))
        assert b.refresh_pending
    qtbot.waitUntil(lambda: len(loads) == 1 and not b.refresh_pending, timeout=5_000)
    # One refresh, not before the gap had passed (Qt's coarse timers may fire up to 5 %
    # early, hence 0.75 s for an 800 ms gap).
    assert loads[0] - began >= 0.75
    assert _text(b, "jdy001", "fix_at") == "09:59:00"  # and it saw the last fix


def test_the_board_refreshes_on_its_own_for_the_ages(qtbot, ctx_for, ws) -> None:
    board = SupervisorBoard(ctx_for("dispatcher"), min_gap_ms=0, age_refresh_ms=100)
    qtbot.addWidget(board)
    loads: list[int] = []
    board.supervisors_loaded.connect(lambda rows: loads.append(len(rows)))
    board.start()
    qtbot.waitUntil(lambda: len(loads) >= 3, timeout=5_000)
    board.stop()
    qtbot.waitUntil(lambda: not board.refresh_pending, timeout=5_000)
    assert loads[0] == 4
