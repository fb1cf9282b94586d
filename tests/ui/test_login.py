"""The login dialog checks credentials in the background and shows demo accounts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.dialogs.login import LoginDialog

from support.world import PASSWORD


def test_demo_mode_prefills_and_logs_in(qtbot, ws, ops) -> None:
    dialog = LoginDialog(ws, ops, demo_password=PASSWORD)
    qtbot.addWidget(dialog)
    assert PASSWORD in dialog.findChild(type(dialog.error), "demoBanner").text()
    assert dialog.username.text() == "leader"
    dialog.show()
    with qtbot.waitSignal(dialog.logged_in, timeout=10_000) as blocker:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert blocker.args[0].username == "leader"


def test_wrong_password_is_a_clear_message(qtbot, ws, ops) -> None:
    dialog = LoginDialog(ws, ops)
    qtbot.addWidget(dialog)
    dialog.username.setText("dispatcher")
    dialog.password.setText("wrong")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.text() == "账号或密码错误，或账号已停用", timeout=10_000)
    assert dialog.buttons.isEnabled()


def test_supervisors_do_not_log_in_on_the_desktop(qtbot, ws, ops) -> None:
    dialog = LoginDialog(ws, ops)
    qtbot.addWidget(dialog)
    dialog.username.setText("jdy001")
    dialog.password.setText(PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: "监督员请使用移动端" in dialog.error.text(), timeout=10_000)
