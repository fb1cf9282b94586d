"""A yes/no question that does not block: the event loop (feed, timers) goes on while it
waits, and a test can answer it like a person, by clicking its button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget, title: str, text: str, yes_text: str,
        on_yes: Callable[[], None]) -> QMessageBox:  # fmt: skip
    """Open the question window-modal over `parent`; `on_yes` runs if it is accepted.

    The safe answer is the default: Enter alone never discards anything.
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)  # fmt: skip
    box.setObjectName("confirmBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("confirmYes")
    no = box.addButton(QCoreApplication.translate("Confirm", "取消"),
                       QMessageBox.ButtonRole.RejectRole)  # fmt: skip
    no.setObjectName("confirmNo")
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.buttonClicked.connect(lambda button: button is yes and on_yes())
    box.open()
    return box
