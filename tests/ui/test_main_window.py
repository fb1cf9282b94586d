"""The first window: open cases from a real SQLite file appear in the case table."""

from __future__ import annotations

from datetime import datetime

import pytest

from ui.main_window import MainWindow
from ui.models.case_table import CaseTableModel
from ui.operations import Operations

from support.world import make_world

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def ws(sqlite_url: str):
    ws = make_world(sqlite_url, NOW)
    yield ws
    ws.dispose()


def _report(ws, description: str):
    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    return ws.report(ws.actor("jdy001"), description=description, lon=cell.lon, lat=cell.lat,
                     category_code="E0102")  # fmt: skip


def test_window_lists_open_cases_and_searches(qtbot, ws) -> None:
    reports = [_report(ws, text) for text in ("路口暴露垃圾", "人行道乱堆物料", "绿地积存垃圾")]
    closed = ws.act(ws.actor("leader"), reports[2].id, "void", {"reason": "重复上报"})
    ops = Operations()
    window = MainWindow(ws, ops, demo=True)
    qtbot.addWidget(window)
    window.show()
    window.start()
    queue = window.queue
    qtbot.waitUntil(lambda: queue.model.rowCount() == 2, timeout=10_000)

    shown = {queue.model.case_at(r).case_no for r in range(queue.model.rowCount())}
    assert shown == {reports[0].case_no, reports[1].case_no}
    assert closed.case_no not in shown
    assert "演示模式" in window.windowTitle() or "（演示模式）" in window.windowTitle()
    assert queue.status.text() == "在办案件 2 件"

    queue.search.setText("乱堆")
    assert queue.proxy.rowCount() == 1
    assert queue.proxy.index(0, 0).data() == reports[1].case_no
    ops.wait_for_done()


def test_case_table_model_passes_qtmodeltester(qtmodeltester, ws) -> None:
    model = CaseTableModel()
    model.reset_rows(ws.list_cases())
    qtmodeltester.check(model)
    case = _report(ws, "井盖破损")
    model.upsert([case])
    qtmodeltester.check(model)
    assert model.row_of(case.id) == 0


def test_operations_deliver_errors_on_the_gui_thread(qtbot) -> None:
    from workstation.domain.errors import IllegalTransition

    ops = Operations()
    errors: list[str] = []

    def fail() -> None:
        raise IllegalTransition("案件 1 处于『已结案』，不能派遣")

    busy: list[bool] = []
    ops.busy_changed.connect(busy.append)
    ops.run(fail, on_error=lambda message, exc: errors.append(message))
    qtbot.waitUntil(lambda: busy == [True, False])
    assert errors == ["案件 1 处于『已结案』，不能派遣"]
    assert ops.wait_for_done()
