"""Case actions through their dialogs on a real SQLite file: each one changes the database,
forbidden ones are not offered (and the service refuses them), races show the conflict."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel

from ui.actions.category_picker import CategoryListModel
from ui.actions.controller import ActionController
from ui.actions.dialogs import ActionDialog
from ui.actions.dispatch import BulkDispatchModel, UnitListModel
from ui.actions.jobs import dispatch_options
from ui.actions.shortcuts import (
    CALENDAR_SHORTCUT,
    ESCALATION_LIST_SHORTCUT,
    HANDOVER_SHORTCUT,
    HELP_SHORTCUTS,
    HISTORY_SHORTCUT,
    QUIT_SHORTCUT,
    RESERVED,
    REVISIT_LIST_SHORTCUT,
    SPECS,
    STATS_SHORTCUT,
    SWITCH_USER_SHORTCUT,
    predict,
)
from ui.panels.queue import NEXT_NEW_KEY, STAGE_KEYS
from workstation.domain.errors import PermissionDenied
from workstation.domain.lifecycle import CaseState, Source
from workstation.domain.roles import Role

TIMEOUT = 10_000


# ------------------------------------------------------------------------------ helpers


def report(
    ws,
    description: str = "路口暴露垃圾",
    *,
    category: str | None = "E0102",
    supervisor: str = "jdy001",
    minutes_ago: int = 0,
    **fields,
):
    cell = ws.reference.cells[ws.reference.supervisors[supervisor].patrol_cells[0]]
    return ws.report(
        ws.actor(supervisor),
        description=description,
        lon=cell.lon,
        lat=cell.lat,
        category_code=category,
        at=ws.clock() - timedelta(minutes=minutes_ago),
        **fields,
    )


def filed(ws, description: str = "路口暴露垃圾", **kw):
    return ws.act(ws.actor("leader"), report(ws, description, **kw).id, "file")


def dispatched(ws, description: str = "路口暴露垃圾", **kw):
    return ws.act(ws.actor("dispatcher"), filed(ws, description, **kw).id, "dispatch")


def awaiting_check(ws, description: str = "路口暴露垃圾"):
    case = dispatched(ws, description)
    return ws.act(ws.actor(case.unit.lower()), case.id, "feedback", {"result": "已清运"})


@pytest.fixture
def controller_for(ctx_for, host, qtbot):
    def make(username: str = "leader") -> ActionController:
        return ActionController(ctx_for(username), host)

    return make


def select(qtbot, controller: ActionController, *cases) -> None:
    with qtbot.waitSignal(controller.allowed_loaded, timeout=TIMEOUT):
        controller.set_selection(list(cases))


def open_dialog(qtbot, controller: ActionController, action: str, *cases) -> ActionDialog:
    with qtbot.waitSignal(controller.dialog_opened, timeout=TIMEOUT) as blocker:
        controller.trigger(action, [c.id for c in cases])
    dialog = blocker.args[0]
    assert dialog.isVisible()
    return dialog


def press_enter(qtbot, dialog) -> None:
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)


def accept(qtbot, controller: ActionController, dialog) -> list:
    """Enter in the dialog; returns the summaries the controller announced."""
    with qtbot.waitSignal(controller.cases_updated, timeout=TIMEOUT) as blocker:
        press_enter(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.is_open())
    return blocker.args[0]


def status(host) -> str:
    return host.statusBar().currentMessage()


# ------------------------------------------------------------------------------ 立案


def test_file_dialog_prefills_and_finds_categories_by_code_or_name(
    qtbot, ws, controller_for, host
) -> None:
    case = report(ws, "人行道井盖破损")
    controller = controller_for("leader")
    select(qtbot, controller, case)
    assert controller.actions["file"].isEnabled()
    dialog = open_dialog(qtbot, controller, "file", case)
    picker = dialog.picker
    assert dialog.grid.text() == case.grid_code
    qtbot.waitUntil(lambda: picker.model.rowCount() > 0, timeout=TIMEOUT)
    assert picker.current_code() == "E0102"  # the report's own category, preselected
    assert "暴露垃圾" in picker.chosen.text()

    # Chinese arrives through the input method as committed text; it replaces the prefill.
    picker.search.insert("井盖")
    names = [picker.model.index(r, 0).data() for r in range(picker.model.rowCount())]
    assert names
    assert all("井盖" in n for n in names)
    picker.search.setText("0102")  # by the 4-digit code: 部件 0102 and 事件 0102 both
    codes = {picker.model.index(r, 0).data().split("　")[0] for r in range(picker.model.rowCount())}
    assert {"C0102", "E0102"} <= codes
    picker.search.setText("C0102")
    assert picker.current_code() == "C0102"
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)  # ↓ in the field moves the list: 1 hit
    assert picker.current_code() == "C0102"

    [summary] = accept(qtbot, controller, dialog)
    assert summary.state == "filed"
    case_now, _, events = ws.load_case(case.id)
    assert case_now.state is CaseState.FILED
    assert case_now.category_code == "C0102"
    assert events[-1].actor == "leader"
    assert status(host) == f"案件 {case.case_no} 已立案（污水井盖），请派遣（F3）"
    # The filed case stays selected, and the next step is offered at once.
    assert controller.selection[0].state == "filed"
    assert controller.actions["dispatch"].isEnabled()


def test_file_dialog_refuses_a_grid_code_that_does_not_exist(qtbot, ws, controller_for) -> None:
    case = report(ws)
    controller = controller_for("leader")
    select(qtbot, controller, case)
    dialog = open_dialog(qtbot, controller, "file", case)
    qtbot.waitUntil(lambda: dialog.picker.model.rowCount() > 0, timeout=TIMEOUT)
    dialog.grid.setText("530114009009009")
    press_enter(qtbot, dialog)
    assert dialog.error.text() == "单元网格 530114009009009 不存在"
    assert dialog.isVisible()
    assert ws.load_case(case.id)[0].state is CaseState.REPORTED


# ------------------------------------------------------------------------------ 派遣


def test_dispatch_dialog_recommends_shows_why_and_may_pick_another_unit(
    qtbot, ws, controller_for, host
) -> None:
    case = filed(ws)
    rec = ws.recommend(case.id)
    controller = controller_for("dispatcher")
    select(qtbot, controller, case)
    dialog = open_dialog(qtbot, controller, "dispatch", case)
    qtbot.waitUntil(lambda: dialog.recommendation is not None, timeout=TIMEOUT)
    assert dialog.unit_label.text() == f"{rec.unit_name}（{rec.unit_code}）"
    assert dialog.reason_label.text() == f"依据：{rec.reason}"
    assert "责任规则：暴露垃圾" in rec.reason
    assert dialog.deadline_label.text() == f"处置时限 {rec.limit}，期限 {rec.deadline:%m-%d %H:%M}"
    assert dialog.picker.current_unit().code == rec.unit_code  # Enter would accept it
    candidates = ws.reference.matrix.candidates(case.category_code, case.grid_code)
    shown = [dialog.picker.proxy.index(r, 0).data() for r in range(len(candidates))]
    assert all(u.code in text for u, text in zip(candidates, shown, strict=True))
    assert dialog.picker.proxy.rowCount() == len(ws.reference.matrix.units)

    dialog.picker.search.insert("龙城")  # the street office instead
    assert dialog.picker.current_unit().code == "JD001"
    assert dialog.choice.text() == "将改派至 龙城街道办事处（非推荐单位）"
    accept(qtbot, controller, dialog)

    case_now, _, events = ws.load_case(case.id)
    assert case_now.state is CaseState.DISPATCHED
    assert case_now.unit_code == "JD001"
    assert case_now.deadline == rec.deadline
    assert events[-1].payload["reason"] == f"人工改派至 龙城街道办事处（推荐：{rec.unit_name}）"
    assert status(host) == (
        f"案件 {case.case_no} 已派遣至 龙城街道办事处，期限 {rec.deadline:%m-%d %H:%M}"
    )


def test_bulk_dispatch_sends_each_to_its_unit_and_reports_failures(
    qtbot, ws, controller_for, host
) -> None:
    cases = [
        filed(ws, text, minutes_ago=i)
        for i, text in enumerate(("暴露垃圾一", "暴露垃圾二", "暴露垃圾三"))
    ]
    cases.append(filed(ws, "污水井盖破损", category="C0102"))
    recs = {c.id: ws.recommend(c.id) for c in cases}
    assert len({r.unit_code for r in recs.values()}) == 2  # really different units
    controller = controller_for("dispatcher")
    select(qtbot, controller, *cases)
    assert controller.actions["dispatch"].isEnabled()
    assert not controller.actions["note"].isEnabled()  # one case at a time
    dialog = open_dialog(qtbot, controller, "dispatch", *cases)
    assert dialog.objectName() == "dispatchDialog"
    model = dialog.model
    qtbot.waitUntil(lambda: model.index(3, 3).data() != "", timeout=TIMEOUT)
    for row, case in enumerate(cases):
        assert model.index(row, 3).data() == recs[case.id].unit_name
        assert model.index(row, 4).data() == recs[case.id].reason
    # Meanwhile another workstation voids the second one.
    ws.act(ws.actor("leader"), cases[1].id, "void", {"reason": "重复上报"})

    with qtbot.waitSignal(controller.cases_updated, timeout=TIMEOUT) as blocker:
        press_enter(qtbot, dialog)
    assert sorted(c.id for c in blocker.args[0]) == sorted(c.id for c in cases if c != cases[1])
    qtbot.waitUntil(lambda: model.index(1, 6).data() == "✗ 未派遣")
    conflict = f"案件 {cases[1].case_no} 已被 leader 于 10:00 作废，请刷新后重试"
    assert model.index(1, 6).data(Qt.ItemDataRole.ToolTipRole) == conflict
    assert all(model.index(r, 6).data().startswith("✓ 已派遣") for r in (0, 2, 3))
    assert dialog.isVisible()  # the failures stay readable
    assert dialog.error.text() == f"已派遣 3 件，1 件失败：\n{cases[1].case_no}　{conflict}"
    assert status(host) == "已派遣 3 件案件，1 件失败"
    for case in cases:
        now = ws.load_case(case.id)[0]
        if case is cases[1]:
            assert now.state is CaseState.VOIDED
        else:
            assert now.state is CaseState.DISPATCHED
            assert now.unit_code == recs[case.id].unit_code
    press_enter(qtbot, dialog)  # Enter now closes
    qtbot.waitUntil(lambda: not dialog.is_open())


def test_a_lost_race_shows_the_conflict_message(qtbot, ws, controller_for) -> None:
    case = filed(ws)
    controller = controller_for("leader")
    select(qtbot, controller, case)
    dialog = open_dialog(qtbot, controller, "dispatch", case)
    qtbot.waitUntil(lambda: dialog.recommendation is not None, timeout=TIMEOUT)
    ws.act(ws.actor("dispatcher"), case.id, "dispatch", expected_version=case.version)

    press_enter(qtbot, dialog)
    qtbot.waitUntil(lambda: "请刷新后重试" in dialog.error.text(), timeout=TIMEOUT)
    assert dialog.error.text() == f"案件 {case.case_no} 已被 dispatcher 于 10:00 派遣，请刷新后重试"
    assert dialog.isVisible()
    assert dialog.ok_button.isEnabled()
    events = ws.load_case(case.id)[2]
    assert [e.action.value for e in events].count("dispatch") == 1


# ------------------------------------------------------------------------------ permissions


def test_forbidden_actions_are_not_offered_and_the_service_refuses_them(
    qtbot, ws, controller_for
) -> None:
    case = filed(ws)
    controller = controller_for("acceptor")
    select(qtbot, controller, case)
    actions = controller.actions
    assert not actions["dispatch"].isVisible()  # acceptors never dispatch
    assert not actions["dispatch"].isEnabled()
    assert not actions["file"].isVisible()
    # 作废 is an acceptor's action, but a filed case needs the shift leader (a guard the
    # transition table alone does not know: the exact answer disables it).
    assert actions["void"].isVisible()
    assert not actions["void"].isEnabled()
    assert actions["note"].isEnabled()
    with pytest.raises(PermissionDenied, match="受理员无权派遣"):
        ws.act(ws.actor("acceptor"), case.id, "dispatch")
    with pytest.raises(PermissionDenied, match="作废需值班长批准"):
        ws.act(ws.actor("acceptor"), case.id, "void", {"reason": "重复上报"})

    # Forced through the controller anyway: the dialog shows the service's refusal.
    dialog = open_dialog(qtbot, controller, "dispatch", case)
    press_enter(qtbot, dialog)
    qtbot.waitUntil(lambda: "无权派遣" in dialog.error.text(), timeout=TIMEOUT)
    assert ws.load_case(case.id)[0].state is CaseState.FILED


def test_keys_follow_the_selection_and_prediction_agrees_with_the_services(
    qtbot, ws, controller_for
) -> None:
    fresh, dispatched_case = report(ws), dispatched(ws, "垃圾满溢")
    controller = controller_for("leader")
    select(qtbot, controller, fresh)
    exact = ws.allowed_actions([fresh.id], ws.actor("leader"))[fresh.id]
    assert set(exact) <= predict(fresh, Role.LEADER)
    assert controller.actions["file"].isEnabled()
    assert not controller.actions["remind"].isEnabled()
    select(qtbot, controller, dispatched_case)
    assert controller.actions["remind"].isEnabled()
    assert not controller.actions["file"].isEnabled()
    select(qtbot, controller, fresh, dispatched_case)  # mixed: only what both allow
    assert controller.actions["escalate"].isEnabled()
    assert not controller.actions["remind"].isEnabled()
    controller.set_selection([])
    assert not any(a.isEnabled() for a in controller.actions.values())


def test_shortcuts_are_unique_and_leave_the_windows_keys_alone(qtbot, controller_for, host) -> None:
    controller = controller_for("leader")
    keys = [k.toString() for spec in SPECS for k in spec.key_sequences()]
    keys += [QKeySequence(s).toString() for s in (*HELP_SHORTCUTS, CALENDAR_SHORTCUT,
                                                  REVISIT_LIST_SHORTCUT, STATS_SHORTCUT,
                                                  HISTORY_SHORTCUT, SWITCH_USER_SHORTCUT,
                                                  QUIT_SHORTCUT, NEXT_NEW_KEY, *STAGE_KEYS,
                                                  ESCALATION_LIST_SHORTCUT, HANDOVER_SHORTCUT)]
    assert all(keys)
    assert len(keys) == len(set(keys))
    reserved = {k.toString() for std in RESERVED[:-1] for k in QKeySequence.keyBindings(std)}
    assert reserved & set(keys) == set()
    for spec in SPECS:
        action = controller.actions[spec.key]
        assert action.shortcut().toString() == spec.key_sequences()[0].toString()
        assert "（" in action.toolTip()
        assert action.text()
    assert controller.actions["file"].shortcut().toString() == "F2"
    assert controller.actions["dispatch"].shortcut().toString() == "F3"
    # F1 opens the list, from the window, with the keyboard.
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    with qtbot.waitSignal(controller.dialog_opened, timeout=TIMEOUT) as blocker:
        qtbot.keyClick(host, Qt.Key.Key_F1)
    dialog = blocker.args[0]
    listed = [(keys, title) for keys, title, _ in dialog.rows]
    assert ("F2", "立案") in listed
    assert ("Ctrl+Shift+S", "统计分析") in listed  # every window key is in the list
    assert ("Ctrl+Shift+R", "待回访") in listed  # the shift leader calls citizens back too
    assert "F3 派遣" in dialog.findChild(QLabel, "keyboardPath").text()
    dialog.reject()


# ------------------------------------------------------------------------------ reasons


def test_void_needs_a_reason(qtbot, ws, controller_for, host) -> None:
    case = report(ws)
    controller = controller_for("leader")
    select(qtbot, controller, case)
    dialog = open_dialog(qtbot, controller, "void", case)
    press_enter(qtbot, dialog)
    assert dialog.error.text() == "请选择或填写原因"
    assert ws.load_case(case.id)[0].state is CaseState.REPORTED
    dialog.reason.combo.setCurrentIndex(dialog.reason.combo.findData("重复上报"))
    dialog.reason.detail.setText("与上午的上报为同一处")
    accept(qtbot, controller, dialog)
    case_now = ws.load_case(case.id)[0]
    assert case_now.state is CaseState.VOIDED
    assert case_now.void_reason == "重复上报：与上午的上报为同一处"
    assert status(host) == f"案件 {case.case_no} 已作废"


def test_check_fail_needs_a_reason_and_sends_the_case_back(qtbot, ws, controller_for) -> None:
    case = awaiting_check(ws)
    ws.act(ws.actor("dispatcher"), case.id, "send_for_check")
    case = ws.cases_by_ids([case.id])[0]
    controller = controller_for("dispatcher")
    select(qtbot, controller, case)
    assert controller.actions["check_fail"].isEnabled()
    dialog = open_dialog(qtbot, controller, "check_fail", case)
    press_enter(qtbot, dialog)
    assert dialog.error.text() == "请选择或填写原因"
    dialog.reason.detail.setText("垃圾仍未清运")
    accept(qtbot, controller, dialog)
    case_now = ws.load_case(case.id)[0]
    assert case_now.state is CaseState.DISPATCHED
    assert case_now.rework_count == 1


def test_check_pass_closes(qtbot, ws, controller_for, host) -> None:
    case = awaiting_check(ws)
    ws.act(ws.actor("dispatcher"), case.id, "send_for_check")
    case = ws.cases_by_ids([case.id])[0]
    controller = controller_for("dispatcher")
    select(qtbot, controller, case)
    dialog = open_dialog(qtbot, controller, "check_pass", case)
    accept(qtbot, controller, dialog)
    assert ws.load_case(case.id)[0].state is CaseState.CLOSED
    assert status(host) == f"案件 {case.case_no} 核查通过，已结案"


# ------------------------------------------------------------------------------ side actions


def test_remind_several_cases_raises_their_counts(qtbot, ws, controller_for, host) -> None:
    cases = [dispatched(ws, text) for text in ("垃圾满溢", "绿地积存垃圾")]
    controller = controller_for("dispatcher")
    select(qtbot, controller, *cases)
    assert controller.actions["remind"].isEnabled()
    dialog = open_dialog(qtbot, controller, "remind", *cases)
    assert dialog.text.text() == "请尽快处置"
    assert "已选 2 件案件" in dialog.header.text()
    dialog.text.setText("今日 16:00 前处置完毕")
    updated = accept(qtbot, controller, dialog)
    assert [c.remind_count for c in updated] == [1, 1]
    for case in cases:
        case_now, _, events = ws.load_case(case.id)
        assert case_now.remind_count == 1
        assert events[-1].payload["message"] == "今日 16:00 前处置完毕"
    assert status(host) == "已催办 2 件案件"
    # A second reminder of one case says how often it was reminded.
    select(qtbot, controller, updated[0])
    accept(qtbot, controller, open_dialog(qtbot, controller, "remind", updated[0]))
    assert status(host) == (f"已催办案件 {cases[0].case_no}（{cases[0].unit_name}），累计催办 2 次")


def test_escalate_marks_a_key_case_with_its_instruction(qtbot, ws, controller_for) -> None:
    case = dispatched(ws)
    controller = controller_for("dispatcher")
    select(qtbot, controller, case)
    dialog = open_dialog(qtbot, controller, "escalate", case)
    dialog.reason.combo.setCurrentIndex(dialog.reason.combo.findData("群众反映强烈"))
    accept(qtbot, controller, dialog)
    case_now, _, events = ws.load_case(case.id)
    assert case_now.is_key
    assert events[-1].payload["reason"] == "群众反映强烈"
    qtbot.waitUntil(lambda: controller.exact, timeout=TIMEOUT)  # the services' answer
    assert not controller.actions["escalate"].isEnabled()  # already a key case


def test_note_needs_text(qtbot, ws, controller_for) -> None:
    case = report(ws)
    controller = controller_for("acceptor")
    select(qtbot, controller, case)
    dialog = open_dialog(qtbot, controller, "note", case)
    press_enter(qtbot, dialog)
    assert dialog.error.text() == "请填写内容"
    dialog.text.insert("已电话联系上报人")
    accept(qtbot, controller, dialog)
    assert ws.load_case(case.id)[2][-1].payload["text"] == "已电话联系上报人"


def test_reclassify_picks_a_new_category(qtbot, ws, controller_for, host) -> None:
    case = filed(ws)
    controller = controller_for("dispatcher")
    select(qtbot, controller, case)
    dialog = open_dialog(qtbot, controller, "reclassify", case)
    qtbot.waitUntil(lambda: dialog.picker.model.rowCount() > 0, timeout=TIMEOUT)
    codes = {
        dialog.picker.model.index(r, 0).data().split("　")[0]
        for r in range(dialog.picker.model.rowCount())
    }
    assert "E0102" not in codes  # not the category it already has
    dialog.picker.search.insert("污水井盖")
    assert dialog.picker.current_code() == "C0102"
    accept(qtbot, controller, dialog)
    assert ws.load_case(case.id)[0].category_code == "C0102"
    assert status(host) == f"案件 {case.case_no} 已重新分类为 污水井盖"


def test_merge_from_the_detail_panel_runs_at_once(qtbot, ws, controller_for, host) -> None:
    original = report(ws, "路口暴露垃圾", minutes_ago=30)
    duplicate = report(ws, "路口有垃圾堆放")
    controller = controller_for("acceptor")
    # The detail panel's duplicate list has asked for confirmation already.
    with qtbot.waitSignal(controller.cases_updated, timeout=TIMEOUT) as blocker:
        controller.merge(duplicate.id, original.id)
    assert {c.id for c in blocker.args[0]} == {original.id, duplicate.id}
    dup_now = ws.load_case(duplicate.id)[0]
    assert dup_now.state is CaseState.VOIDED
    assert dup_now.merged_into == original.id
    assert ws.load_case(original.id)[0].duplicate_ids == (duplicate.id,)
    assert status(host) == f"案件 {duplicate.case_no} 已作为重复案件并入 {original.case_no}"
    # Again: the duplicate is voided now, so the service refuses and says why.
    controller.merge(duplicate.id, original.id)
    qtbot.waitUntil(lambda: "不能合并为重复案件" in status(host), timeout=TIMEOUT)


def test_merge_dialog_with_the_original_prefilled(qtbot, ws, controller_for) -> None:
    original = report(ws, "路口暴露垃圾", minutes_ago=30)
    duplicate = report(ws, "路口有垃圾堆放")
    controller = controller_for("leader")
    with qtbot.waitSignal(controller.dialog_opened, timeout=TIMEOUT) as blocker:
        controller.merge_dialog(duplicate.id, original.id)
    dialog = blocker.args[0]
    assert dialog.original.text() == str(original.id)  # not seen yet: by its id
    qtbot.waitUntil(lambda: original.case_no in dialog.preview.text(), timeout=TIMEOUT)
    accept(qtbot, controller, dialog)
    assert ws.load_case(duplicate.id)[0].merged_into == original.id


def test_merge_by_typing_the_case_number(qtbot, ws, controller_for) -> None:
    original = report(ws, "路口暴露垃圾", minutes_ago=30)
    duplicate = report(ws, "路口有垃圾堆放")
    controller = controller_for("leader")
    select(qtbot, controller, duplicate)
    dialog = open_dialog(qtbot, controller, "merge", duplicate)
    qtbot.keyClicks(dialog.original, "2026112599999")
    qtbot.waitUntil(lambda: "2026112599999" in dialog.preview.text(), timeout=TIMEOUT)
    dialog.original.setText(original.case_no)
    qtbot.waitUntil(lambda: "路口暴露垃圾" in dialog.preview.text(), timeout=TIMEOUT)
    accept(qtbot, controller, dialog)
    assert ws.load_case(duplicate.id)[0].merged_into == original.id


# ------------------------------------------------------------------------------ field tasks


def test_send_for_check_defaults_to_the_grids_supervisor(qtbot, ws, controller_for, host) -> None:
    case = awaiting_check(ws)
    controller = controller_for("dispatcher")
    select(qtbot, controller, case)
    assert controller.actions["send_for_check"].isEnabled()
    dialog = open_dialog(qtbot, controller, "send_for_check", case)
    qtbot.waitUntil(lambda: dialog.supervisor.count() > 1, timeout=TIMEOUT)
    assert dialog.supervisor.currentData() == "jdy001"
    assert "本网格监督员" in dialog.supervisor.currentText()
    accept(qtbot, controller, dialog)
    assert ws.load_case(case.id)[0].check_supervisor == "jdy001"
    name = ws.reference.supervisors["jdy001"].name
    assert status(host) == f"案件 {case.case_no} 已派发核查给监督员 {name}"


def test_hotline_report_goes_to_verification_then_verified(qtbot, ws, controller_for) -> None:
    cell = ws.reference.supervisors["jdy002"].patrol_cells[0]
    case = ws.report(
        ws.actor("acceptor"),
        description="市民来电：小区门口污水外溢",
        source=Source.HOTLINE_12345,
        grid_code=cell,
        category_code="C0102",
    )
    controller = controller_for("acceptor")
    select(qtbot, controller, case)
    assert controller.actions["request_verification"].isEnabled()
    dialog = open_dialog(qtbot, controller, "request_verification", case)
    qtbot.waitUntil(lambda: dialog.supervisor.count() > 1, timeout=TIMEOUT)
    assert dialog.supervisor.currentData() == "jdy002"
    dialog.supervisor.setCurrentIndex(dialog.supervisor.findData("jdy003"))
    [verifying] = accept(qtbot, controller, dialog)
    assert ws.load_case(case.id)[2][-1].payload["supervisor"] == "jdy003"

    leader = controller_for("leader")
    select(qtbot, leader, verifying)
    dialog = open_dialog(qtbot, leader, "verify", verifying)
    dialog.rejected_.setChecked(True)
    press_enter(qtbot, dialog)
    assert dialog.error.text() == "请选择或填写不属实的原因"
    dialog.confirmed.setChecked(True)
    accept(qtbot, leader, dialog)
    case_now = ws.load_case(case.id)[0]
    assert case_now.state is CaseState.REPORTED
    assert case_now.verified


# ------------------------------------------------------------------------------ requests


def test_unit_requests_an_extension(qtbot, ws, controller_for) -> None:
    case = dispatched(ws)
    unit = case.unit.lower()
    controller = controller_for(unit)
    select(qtbot, controller, case)
    assert controller.actions["request_extension"].isEnabled()
    assert not controller.actions["dispatch"].isVisible()
    dialog = open_dialog(qtbot, controller, "request_extension", case)
    dialog.reason.combo.setCurrentIndex(dialog.reason.combo.findData("需采购材料或设备"))
    dialog.extra.setCurrentText("2 工作日")
    [requested] = accept(qtbot, controller, dialog)
    assert requested.pending_request == "extension"
    qtbot.waitUntil(lambda: controller.exact, timeout=TIMEOUT)
    assert not controller.actions["feedback"].isEnabled()  # waits for the leader first


def test_unit_feedback_sends_the_case_to_check(qtbot, ws, controller_for, host) -> None:
    case = dispatched(ws)
    controller = controller_for(case.unit.lower())
    select(qtbot, controller, case)
    assert controller.actions["feedback"].isEnabled()
    dialog = open_dialog(qtbot, controller, "feedback", case)
    assert dialog.text.text() == "已处置"
    dialog.text.setText("已清运完毕")
    accept(qtbot, controller, dialog)
    case_now, _, events = ws.load_case(case.id)
    assert case_now.state is CaseState.AWAITING_CHECK
    assert events[-1].payload["result"] == "已清运完毕"
    assert status(host) == f"案件 {case.case_no} 已反馈处置结果，待核查"


def test_approve_extension_shows_the_units_reason(qtbot, ws, controller_for, host) -> None:
    case = dispatched(ws)
    ws.act(
        ws.actor(case.unit.lower()),
        case.id,
        "request_extension",
        {"reason": "需采购材料或设备", "extra": "2 工作日"},
    )
    case = ws.cases_by_ids([case.id])[0]
    controller = controller_for("leader")
    select(qtbot, controller, case)
    assert controller.actions["approve"].isEnabled()
    assert controller.actions["approve"].text() == "批准延期申请"
    assert controller.actions["reject"].text() == "驳回延期申请"
    dialog = open_dialog(qtbot, controller, "approve", case)
    qtbot.waitUntil(lambda: dialog.reason_label.text() == "需采购材料或设备", timeout=TIMEOUT)
    assert dialog.kind_label.text() == "延期　申请延长 2 工作日"
    assert case.unit_name in dialog.by_label.text()
    assert dialog.extra.text() == "2 工作日"
    accept(qtbot, controller, dialog)
    case_now = ws.load_case(case.id)[0]
    assert case_now.pending_request is None
    assert case_now.extension_count == 1
    assert case_now.deadline > case.deadline
    assert status(host) == (
        f"已批准案件 {case.case_no} 延期，新期限 {case_now.deadline:%m-%d %H:%M}"
    )


def test_reject_return_from_the_detail_panels_action_name(qtbot, ws, controller_for) -> None:
    case = dispatched(ws)
    ws.act(ws.actor(case.unit.lower()), case.id, "request_return", {"reason": "不属于本单位职责"})
    controller = controller_for("leader")
    # The detail panel names the concrete action and the controller does not know the case.
    dialog = open_dialog(qtbot, controller, "reject_return", case)
    qtbot.waitUntil(lambda: dialog.reason_label.text() == "不属于本单位职责", timeout=TIMEOUT)
    assert dialog.action == "reject_return"
    accept(qtbot, controller, dialog)
    case_now, _, events = ws.load_case(case.id)
    assert case_now.pending_request is None
    assert case_now.state is CaseState.DISPATCHED
    assert events[-1].action.value == "reject_return"


def test_self_handled_rejection_needs_a_reason(qtbot, ws, controller_for) -> None:
    case = report(ws, "路面散落垃圾，已现场清理", self_handled=True)
    controller = controller_for("leader")
    select(qtbot, controller, case)
    assert controller.actions["reject"].text() == "驳回先行处置"
    dialog = open_dialog(qtbot, controller, "reject", case)
    qtbot.waitUntil(lambda: "已现场清理" in dialog.reason_label.text(), timeout=TIMEOUT)
    press_enter(qtbot, dialog)
    assert dialog.error.text() == "请选择或填写驳回理由"
    dialog.reason.combo.setCurrentIndex(1)
    accept(qtbot, controller, dialog)
    assert not ws.load_case(case.id)[0].self_handled


def test_suspend_and_restore(qtbot, ws, controller_for, host) -> None:
    case = dispatched(ws)
    ws.act(ws.actor(case.unit.lower()), case.id, "request_suspension", {"reason": "需纳入工程计划"})
    case = ws.cases_by_ids([case.id])[0]
    controller = controller_for("leader")
    select(qtbot, controller, case)
    [suspended] = accept(qtbot, controller, open_dialog(qtbot, controller, "approve", case))
    assert suspended.state == "suspended"
    assert controller.actions["restore"].isEnabled()
    accept(qtbot, controller, open_dialog(qtbot, controller, "restore", suspended))
    assert ws.load_case(case.id)[0].state is CaseState.DISPATCHED
    assert status(host).startswith(f"案件 {case.case_no} 已恢复处置，新期限 ")


def test_closing_a_dialog_while_it_runs_still_reports_the_result(qtbot, ws, controller_for) -> None:
    case = filed(ws)
    controller = controller_for("dispatcher")
    select(qtbot, controller, case)
    dialog = open_dialog(qtbot, controller, "dispatch", case)
    with qtbot.waitSignal(controller.cases_updated, timeout=TIMEOUT):
        press_enter(qtbot, dialog)  # before the recommendation arrives: the service picks it
        dialog.reject()
    assert ws.load_case(case.id)[0].unit_code == ws.recommend(case.id).unit_code


# ------------------------------------------------------------------------------ models


def test_item_models_pass_qtmodeltester(qtmodeltester, ws) -> None:
    categories = CategoryListModel()
    categories.set_categories(ws.reference.catalog.search("井盖"))
    qtmodeltester.check(categories)
    case = filed(ws)
    units = UnitListModel()
    units.set_units(UnitListModel.rows_for(dispatch_options(ws, case)))
    qtmodeltester.check(units)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(units)
    qtmodeltester.check(proxy)
    bulk = BulkDispatchModel([case, filed(ws, "垃圾满溢")])
    qtmodeltester.check(bulk)


def test_dispatch_dialog_shows_the_case_and_the_units_area_on_a_small_map(
    qtbot, ws, ctx_for
) -> None:
    from ui.actions.dispatch import DispatchDialog

    cell = ws.reference.supervisors["jdy001"].patrol_cells[0]
    case = ws.report(ws.actor("jdy001"), description="店外经营", grid_code=cell,
                     category_code="E0504")  # fmt: skip
    case = ws.act(ws.actor("leader"), case.id, "file")
    dialog = DispatchDialog(ctx_for("dispatcher"), case)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.recommendation is not None, timeout=10_000)
    # 店外经营 goes to the street office: its 街道 is highlighted around the case.
    assert dialog.recommendation.unit_code == "JD001"
    assert dialog.minimap.area_cells
    assert all(code.startswith(cell[:9]) for code in dialog.minimap.area_cells)
    assert cell in dialog.minimap.area_cells


def test_send_for_check_suggests_the_nearest_on_duty_supervisor_when_the_own_is_off(
    qtbot, ws, ctx_for
) -> None:
    from datetime import timedelta

    from ui.actions.case_dialogs import SupervisorDialog

    ref = ws.reference
    cell = ref.supervisors["jdy001"].patrol_cells[0]
    case = ws.report(ws.actor("jdy001"), description="暴露垃圾", grid_code=cell,
                     category_code="E0102")  # fmt: skip
    now = ws.clock()
    ws.record_fix(
        ws.actor("jdy001"), ref.cells[cell].lon, ref.cells[cell].lat, at=now - timedelta(minutes=40)
    )  # fmt: skip  — the own one went quiet
    near = ref.cells[ref.supervisors["jdy002"].patrol_cells[0]]
    ws.record_fix(ws.actor("jdy002"), near.lon, near.lat, at=now)
    dialog = SupervisorDialog(ctx_for("dispatcher"), "request_verification", case, title="派发核实")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.supervisor.currentData() is not None, timeout=10_000)
    assert dialog.supervisor.currentData() == "jdy002"
    assert "最近的在岗监督员" in dialog.supervisor.currentText()
