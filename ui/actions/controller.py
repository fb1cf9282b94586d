"""Action controller: one QAction (with shortcut) per user action, enabled by the selection.

Contract with the main window:
- `actions` (dict action name → QAction) for menus and toolbars; `set_selection(list)`;
  `trigger(action: str, case_ids: list[int])`;
- signal `cases_updated(list)`: the `CaseSummary` objects an action returned, so views
  update at once (the change feed confirms them shortly after).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from workstation.services.dto import CaseSummary


class ActionController(QObject):
    cases_updated = Signal(list)

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self._ctx = ctx
        self._window = window
        self._selection: list[CaseSummary] = []
        self.actions: dict[str, QAction] = {}

    def set_selection(self, cases: list[CaseSummary]) -> None:
        self._selection = list(cases)

    def trigger(self, action: str, case_ids: list[int]) -> None:
        return None
