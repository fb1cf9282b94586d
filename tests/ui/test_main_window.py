"""The main window on a real SQLite file: open cases load, search works, layout persists."""

from __future__ import annotations

from ui.main_window import MainWindow
from ui.models.case_table import CaseTableModel
from ui.operations import Operations


def _report(ws, description: str):
    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    return ws.report(ws.actor("jdy001"), description=description, lon=cell.lon, lat=cell.lat,
                     category_code="E0102")  # fmt: skip


def test_window_lists_open_cases_and_searches(qtbot, ws, ctx_for, qsettings) -> None:
    reports = [_report(ws, text) for text in ("路口暴露垃圾", "人行道乱堆物料", "绿地积存垃圾")]
    voided = ws.act(ws.actor("leader"), reports[2].id, "void", {"reason": "重复上报"})
    window = MainWindow(ctx_for("leader"), qsettings)
    qtbot.addWidget(window)
    window.show()
    window.start()
    queue = window.queue
    qtbot.waitUntil(lambda: queue.model.rowCount() == 2, timeout=10_000)

    shown = {queue.model.case_at(r).case_no for r in range(queue.model.rowCount())}
    assert shown == {reports[0].case_no, reports[1].case_no}
    assert voided.case_no not in shown
    assert "（演示模式）" in window.windowTitle()
    assert "值班长" in window.windowTitle()
    assert queue.status.text() == "在办案件 2 件"

    queue.search.setText("乱堆")
    assert queue.proxy.rowCount() == 1
    assert queue.proxy.index(0, 0).data() == reports[1].case_no


def test_layout_is_saved_and_restored(qtbot, ctx_for, qsettings) -> None:
    window = MainWindow(ctx_for("leader"), qsettings)
    qtbot.addWidget(window)
    window.queue.table.horizontalHeader().resizeSection(6, 420)
    window.reminder_dock.hide()
    window.save_layout()
    again = MainWindow(ctx_for("leader"), qsettings)
    qtbot.addWidget(again)
    assert again.queue.table.horizontalHeader().sectionSize(6) == 420
    assert again.reminder_dock.isHidden()


def test_case_table_model_passes_qtmodeltester(qtmodeltester, ws) -> None:
    model = CaseTableModel()
    model.reset_rows(ws.list_cases())
    qtmodeltester.check(model)
    case = _report(ws, "井盖破损")
    model.upsert([case])
    qtmodeltester.check(model)
    assert model.row_of(case.id) == 0


def test_operations_deliver_errors_on_the_gui_thread(qtbot, ops: Operations) -> None:
    from workstation.domain.errors import IllegalTransition

    errors: list[str] = []

    def fail() -> None:
        raise IllegalTransition("案件 1 处于『已结案』，不能派遣")

    busy: list[bool] = []
    ops.busy_changed.connect(busy.append)
    ops.run(fail, on_error=lambda message, exc: errors.append(message))
    qtbot.waitUntil(lambda: busy == [True, False])
    assert errors == ["案件 1 处于『已结案』，不能派遣"]


def test_queue_filters_are_saved_and_restored(qtbot, ctx_for, qsettings) -> None:
    window = MainWindow(ctx_for("leader"), qsettings)
    qtbot.addWidget(window)
    window.queue.search.setText("井盖")
    state = window.queue.filter_state()
    window.save_layout()
    again = MainWindow(ctx_for("leader"), qsettings)
    qtbot.addWidget(again)
    assert again.queue.filter_state() == state
    assert again.queue.search.text() == "井盖"


def test_each_person_has_their_own_layout_and_search(qtbot, ctx_for, qsettings) -> None:
    leader = MainWindow(ctx_for("leader"), qsettings)
    qtbot.addWidget(leader)
    leader.queue.search.setText("井盖")
    leader.queue.table.horizontalHeader().resizeSection(6, 420)
    leader.save_layout()
    # the next person at the same console starts from their own (here: the defaults)
    dispatcher = MainWindow(ctx_for("dispatcher"), qsettings)
    qtbot.addWidget(dispatcher)
    assert dispatcher.queue.search.text() == ""
    assert dispatcher.queue.table.horizontalHeader().sectionSize(6) != 420
    dispatcher.queue.search.setText("乱停放")
    dispatcher.save_layout()
    back = MainWindow(ctx_for("leader"), qsettings)
    qtbot.addWidget(back)
    assert back.queue.search.text() == "井盖"
    assert back.queue.table.horizontalHeader().sectionSize(6) == 420


def test_clicking_a_map_cell_filters_the_queue_to_it(qtbot, ws, ctx_for, qsettings) -> None:
    ref = ws.reference
    cell_a = ref.supervisors["jdy001"].patrol_cells[0]
    cell_b = ref.supervisors["jdy002"].patrol_cells[0]
    here = ws.report(ws.actor("jdy001"), description="暴露垃圾", grid_code=cell_a)
    ws.report(ws.actor("jdy002"), description="小广告", grid_code=cell_b)
    window = MainWindow(ctx_for("leader"), qsettings)
    qtbot.addWidget(window)
    window.show()
    window.start()
    queue = window.queue
    qtbot.waitUntil(lambda: queue.proxy.rowCount() == 2, timeout=10_000)
    window.map.cell_clicked.emit(cell_a)
    qtbot.waitUntil(lambda: queue.proxy.rowCount() == 1)
    assert queue.proxy.index(0, 0).data() == here.case_no
    assert window.queue.filters.area_chip.isVisible()
    qtbot.waitUntil(lambda: cell_a in window.statusBar().currentMessage(), timeout=10_000)
    window.queue.filters.area_chip.click()
    qtbot.waitUntil(lambda: queue.proxy.rowCount() == 2)
    window.map.area_selected.emit([cell_b])
    qtbot.waitUntil(lambda: queue.proxy.rowCount() == 1)
    assert queue.proxy.index(0, 0).data() != here.case_no


def test_selecting_a_case_centres_the_map_on_it(qtbot, ws, ctx_for, qsettings) -> None:
    cell = ws.reference.supervisors["jdy003"].patrol_cells[0]
    case = ws.report(ws.actor("jdy003"), description="井盖破损", grid_code=cell)
    window = MainWindow(ctx_for("leader"), qsettings)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: window.map.case_count == 1, timeout=10_000)
    window.queue.select_case(case.id)
    info = ws.reference.cells[cell]
    x, y = window.map.projection.to_metres(info.lon, info.lat)
    (x0, x1), (y0, y1) = window.map.vb.viewRange()
    # Centred, as far as the view may pan: it stops at the edge of this small district.
    assert abs((x0 + x1) / 2 - x) < (x1 - x0) * 0.05
    assert y0 + (y1 - y0) * 0.2 < y < y1 - (y1 - y0) * 0.2
    assert x1 - x0 < 2000  # zoomed in to the case, not the whole district


def test_status_bar_says_when_upcoming_deadlines_run_into_an_unconfirmed_year(
    qtbot, ws, ctx_for, qsettings
) -> None:
    """2026-11-25: deadlines given now reach into 2027, whose 调休 is not entered yet."""
    import pytest

    from workstation.domain.holiday_rules import package_knows
    from workstation.services.calendar_admin import CalendarChange

    if package_knows(2027):
        pytest.skip("chinesecalendar now publishes 2027")
    window = MainWindow(ctx_for("dispatcher"), qsettings)
    qtbot.addWidget(window)
    window.show()
    window.start()
    notice = window.calendar_notice
    qtbot.waitUntil(notice.isVisible, timeout=10_000)
    assert notice.text() == "2027 年调休未录入"
    assert notice.toolTip().startswith("2027 年调休安排尚未录入：已按法定节日计算")
    # the administrator confirms 2027 elsewhere: the feed brings it, the notice goes
    ws.change_calendar(ws.actor("admin"), CalendarChange(confirm_years=(2027,)), recompute=None)
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=10_000)
    window.close()


def test_the_status_bar_names_the_database_and_its_health(qtbot, ws, ctx_for, qsettings) -> None:
    from pathlib import Path

    from sqlalchemy.engine import make_url

    window = MainWindow(ctx_for("leader"), qsettings)
    qtbot.addWidget(window)
    name = Path(make_url(ws.settings.db_url).database or "").name
    assert window.database.text() == f"数据库：本机 {name}"
    assert window.database.toolTip().startswith("sqlite:///")
    window.follower.connection_lost.emit("连接被拒绝")
    assert window.connection.text() == "数据库连接中断，正在重试…"
    assert "c62828" in window.database.styleSheet()
    window.follower.connection_restored.emit()
    assert window.connection.text() == ""
    assert window.database.styleSheet() == ""
