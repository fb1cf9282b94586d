"""Case detail panel: every field, photos, the event timeline, duplicates and actions.

Contract with the main window:
- slot `show_case(int)` (-1 clears), `on_cases_changed(list[CaseSummary])` (reloads the
  shown case if it is among them);
- signal `action_requested(str, int)`: the user asked for an action on the shown case
  (the action controller performs it), `merge_requested(int, int)` (duplicate, original).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.context import AppContext
from workstation.services.dto import CaseDetail, CaseSummary


class CaseDetailPanel(QWidget):
    action_requested = Signal(str, int)
    merge_requested = Signal(int, int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("detailPanel")
        self._case_id = -1
        self.summary = QLabel(self.tr("未选择案件"), self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    @property
    def case_id(self) -> int:
        return self._case_id

    def show_case(self, case_id: int) -> None:
        self._case_id = case_id
        if case_id < 0:
            self.summary.setText(self.tr("未选择案件"))
            return
        ws, actor = self._ctx.ws, self._ctx.actor
        self._ctx.ops.run(lambda: ws.case_detail(case_id, actor), self._loaded,
                          description="load case detail")  # fmt: skip

    def _loaded(self, detail: CaseDetail) -> None:
        if detail.summary.id != self._case_id:
            return  # the user moved on while it loaded
        s = detail.summary
        self.summary.setText(f"{s.case_no}  {s.state_label}\n{s.category_name}\n{s.description}")

    def on_cases_changed(self, rows: list[CaseSummary]) -> None:
        if any(r.id == self._case_id for r in rows):
            self.show_case(self._case_id)
