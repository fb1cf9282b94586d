"""Another console on the case a dispatcher has open (issue 10 §4), from the real login:
the detail says who and what, the action dialog warns, nothing is blocked; when the
other console leaves, the warning goes."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from workstation.bootstrap import Workstation

from support.world import dispatched_case


def test_the_detail_and_the_dialog_show_another_console(qtbot, ws, log_in) -> None:
    case = dispatched_case(ws, ws.clock())
    window = log_in("leader")
    qtbot.waitUntil(lambda: window.follower.cursor is not None, timeout=10_000)
    window.queue.select_case(case.id)
    qtbot.waitUntil(lambda: window.detail.case_id == case.id, timeout=10_000)
    other = Workstation(replace(ws.settings, workstation_name="席位-2"), ws.engine, ws.clock)
    other.touch_presence(other.actor("dispatcher"), case.id, "remind")
    label = window.detail.presence
    qtbot.waitUntil(label.isVisible, timeout=10_000)
    assert "（席位-2）正在「催办」此案件" in label.text()
    assert "⚠" in label.text()  # not colour alone
    model = window.queue.model
    row = model.row_of(case.id)
    assert model.look_at(row, 0)[0] == "● " + case.case_no  # marked in the queue too
    assert "席位-2" in model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    window.actions.trigger("note", [case.id])
    dialog = window.actions.dialog
    qtbot.waitUntil(lambda: dialog.presence.isVisible(), timeout=10_000)
    assert "席位-2" in dialog.presence.text()
    assert dialog.ok_button.isEnabled()  # a warning, not a lock
    # This console's own dialog is presence too, as the other console sees it.
    qtbot.waitUntil(lambda: any(p.activity == "note" for p in other.presence_on([case.id])),
                    timeout=10_000)  # fmt: skip
    dialog.reject()
    other.touch_presence(other.actor("dispatcher"), None)  # the other console moves on
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=10_000)
    assert model.look_at(model.row_of(case.id), 0)[0] == case.case_no
