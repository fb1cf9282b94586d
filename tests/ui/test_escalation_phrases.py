"""惯用语 beside the opinion boxes, and 督办 with its reply in the dialogs and the detail panel."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from ui.actions.controller import ActionController
from ui.actions.dialogs import ActionDialog
from ui.panels.detail import CaseDetailPanel
from ui.widgets.phrases import PURPOSE_LABELS, PhraseButton
from workstation.services.phrases import PURPOSES

TIMEOUT = 10_000


def dispatched(ws):
    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    case = ws.report(ws.actor("jdy001"), description="路口暴露垃圾", lon=cell.lon, lat=cell.lat,
                     category_code="E0102", at=ws.clock() - timedelta(hours=2))  # fmt: skip
    ws.act(ws.actor("leader"), case.id, "file")
    return ws.act(ws.actor("dispatcher"), case.id, "dispatch")


def open_dialog(qtbot, controller: ActionController, action: str, case) -> ActionDialog:
    with qtbot.waitSignal(controller.allowed_loaded, timeout=TIMEOUT):
        controller.set_selection([case])
    with qtbot.waitSignal(controller.dialog_opened, timeout=TIMEOUT) as blocker:
        controller.trigger(action, [case.id])
    return blocker.args[0]


def loaded(qtbot, dialog: ActionDialog) -> PhraseButton:
    (button,) = dialog.phrase_buttons
    qtbot.waitUntil(lambda: button.book is not None, timeout=TIMEOUT)
    return button


def accept(qtbot, controller: ActionController, dialog: ActionDialog) -> None:
    with qtbot.waitSignal(controller.cases_updated, timeout=TIMEOUT):
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.is_open(), timeout=TIMEOUT)


def test_every_purpose_has_a_name_in_the_editor() -> None:
    assert set(PURPOSE_LABELS) == set(PURPOSES)


def test_the_phrase_button_inserts_a_phrase_at_the_cursor(qtbot, ws, ctx_for, host) -> None:
    case = dispatched(ws)
    controller = ActionController(ctx_for("dispatcher"), host)
    dialog = open_dialog(qtbot, controller, "remind", case)
    button = loaded(qtbot, dialog)
    assert button.phrases()[:2] == ["请尽快处置", "已临近处置时限，请抓紧处置"]
    assert "请按标准恢复原状并拍照反馈" in button.phrases()  # the general list too
    box = dialog.text
    box.setText("")
    box.insert("今日：")
    button.action_for("已超期，请立即处置并反馈").trigger()
    assert box.text() == "今日：已超期，请立即处置并反馈"
    accept(qtbot, controller, dialog)
    _, _, events = ws.load_case(case.id)
    assert events[-1].payload["message"] == "今日：已超期，请立即处置并反馈"


def test_reason_boxes_have_phrases_too(qtbot, ws, ctx_for, host) -> None:
    case = dispatched(ws)
    controller = ActionController(ctx_for("dispatcher"), host)
    dialog = open_dialog(qtbot, controller, "escalate", case)
    button = loaded(qtbot, dialog)
    assert button.target is dialog.reason.detail
    button.action_for("存在安全隐患，请立即处置并反馈处置情况").trigger()
    assert dialog.reason.text() == "存在安全隐患，请立即处置并反馈处置情况"
    dialog.reject()
    unit = ctx_for(case.unit.lower())
    unit_controller = ActionController(unit, host)
    request = open_dialog(qtbot, unit_controller, "request_return", case)
    assert loaded(qtbot, request).phrases()[0] == "不属于本单位职责"
    request.reject()


def test_a_personal_phrase_is_added_in_the_editor_and_offered_at_once(
    qtbot, ws, ctx_for, host
) -> None:
    case = dispatched(ws)
    controller = ActionController(ctx_for("dispatcher"), host)
    dialog = open_dialog(qtbot, controller, "remind", case)
    button = loaded(qtbot, dialog)
    next(a for a in button.menu().actions() if a.objectName() == "editPhrases").trigger()
    editor = dialog.phrase_editor
    assert editor is not None
    assert editor.isVisible()
    assert editor.scope.count() == 1  # a dispatcher edits only their own lists
    assert editor.purpose.currentData() == "remind"
    editor.new_text.insert("请今天 17 点前电话回复")
    editor.add_phrase()
    assert editor.texts() == ["请今天 17 点前电话回复"]
    editor.save()
    qtbot.waitUntil(lambda: "请今天 17 点前电话回复" in button.phrases(), timeout=TIMEOUT)
    assert editor.status.text() == "已保存"
    book = ws.phrase_book(ws.actor("dispatcher"))
    assert book.texts("remind", shared=False) == ["请今天 17 点前电话回复"]
    assert "请今天 17 点前电话回复" not in book.texts("remind", shared=True)
    editor.close()
    dialog.reject()


def test_the_leader_may_edit_the_shared_list(qtbot, ws, ctx_for, host) -> None:
    case = dispatched(ws)
    controller = ActionController(ctx_for("leader"), host)
    dialog = open_dialog(qtbot, controller, "escalate", case)
    button = loaded(qtbot, dialog)
    button.edit_requested.emit("escalate")
    editor = dialog.phrase_editor
    editor.scope.setCurrentIndex(editor.scope.findData(True))
    assert editor.texts()[0] == "群众反映强烈，请限期处置并回复督办意见"
    editor.list.setCurrentRow(1)
    editor.move(-1)
    editor.save()
    qtbot.waitUntil(lambda: editor.status.text() == "已保存", timeout=TIMEOUT)
    assert ws.phrase_book(ws.actor("dispatcher")).texts("escalate", shared=True)[0] == (
        "多次催办仍未处置，请单位负责人督促落实"
    )
    editor.close()
    dialog.reject()


def test_the_escalation_and_its_reply_appear_in_the_detail_panel(qtbot, ws, ctx_for, host) -> None:
    case = dispatched(ws)
    dispatcher = ActionController(ctx_for("dispatcher"), host)
    dialog = open_dialog(qtbot, dispatcher, "escalate", case)
    loaded(qtbot, dialog)
    dialog.reason.detail.insert("群众反映强烈，请今日处置完毕并回复")
    accept(qtbot, dispatcher, dialog)
    (case,) = ws.cases_by_ids([case.id])  # as the unit's queue has it now

    unit = ctx_for(case.unit.lower())
    panel = CaseDetailPanel(unit)
    qtbot.addWidget(panel)
    panel.resize(420, 900)
    panel.show()
    with qtbot.waitSignal(panel.load_finished, timeout=TIMEOUT):
        panel.show_case(case.id)
    assert panel.escalation_section.isVisibleTo(panel)
    assert "群众反映强烈，请今日处置完毕并回复" in panel.escalations.text()
    assert "待回复" in panel.escalations.text()
    assert "escalation_reply" in panel.action_buttons()

    controller = ActionController(unit, host)
    reply = open_dialog(qtbot, controller, "escalation_reply", case)
    qtbot.waitUntil(lambda: "群众反映强烈" in reply.instruction.text(), timeout=TIMEOUT)
    assert loaded(qtbot, reply).purpose == "escalation_reply"
    assert isinstance(reply.text, QLineEdit)
    reply.text.insert("已安排人员现场清运，今日完成")
    accept(qtbot, controller, reply)
    assert host.statusBar().currentMessage() == f"已回复案件 {case.case_no} 的督办"

    with qtbot.waitSignal(panel.load_finished, timeout=TIMEOUT):
        panel.reload()
    text = panel.escalations.text()
    assert "回复：已安排人员现场清运，今日完成" in text
    assert "待回复" not in text
    assert "escalation_reply" not in panel.action_buttons()
