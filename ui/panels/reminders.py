"""Reminder centre: what needs attention now (thresholds crossed, urgent reports, requests).

Contract with the main window:
- slots `set_cases(list[CaseSummary])` (the open cases just loaded),
  `on_cases_changed(list[CaseSummary])`;
- signal `case_activated(int)`: the user picked an item; the queue selects that case.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QListWidget, QVBoxLayout, QWidget

from ui.context import AppContext
from workstation.services.dto import CaseSummary


class ReminderPanel(QWidget):
    case_activated = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("reminderPanel")
        self.items = QListWidget(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.items)

    def set_cases(self, rows: list[CaseSummary]) -> None:
        self.items.clear()

    def on_cases_changed(self, rows: list[CaseSummary]) -> None:
        return None
