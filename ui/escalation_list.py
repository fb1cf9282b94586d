"""The 督办 list (督办件): escalations waiting for the handling unit's reply, with their age.

The longest-waiting first, as `Workstation.open_escalations` gives them (a unit's account
sees its own cases' only); the age is the service's (`escalations.escalation_age`). Enter
or a double-click shows the case in the queue and the detail; 在队列中列出 puts them all in
the queue under a chip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.widgets.detail_style import fmt_dt, fmt_span
from workstation.services.dto import EscalationView

CaseIdRole = Qt.ItemDataRole.UserRole


class EscalationListWindow(QWidget):
    case_chosen = Signal(int)
    list_in_queue = Signal(list)  # the case ids, longest-waiting first
    loaded = Signal(int)  # how many are listed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("escalationList")
        self.setWindowTitle(self.tr("督办件"))
        self.resize(980, 520)
        self._ctx = ctx
        self.escalations: list[EscalationView] = []
        self.status = QLabel(self.tr("正在读取…"), self)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("escalationTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("案件编号"), self.tr("处置单位"), self.tr("督办人"), self.tr("督办时间"),
            self.tr("已等待"), self.tr("督办意见")])  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellActivated.connect(lambda row, _col: self._choose(row))
        self.refresh_button = QPushButton(self.tr("刷新（F5）"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.queue_button = QPushButton(self.tr("在队列中列出"), self)
        self.queue_button.setObjectName("escalationsToQueue")
        self.queue_button.clicked.connect(
            lambda: self.list_in_queue.emit([e.case_id for e in self.escalations]))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.queue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        ws, actor = self._ctx.ws, self._ctx.actor
        self.status.setText(self.tr("正在读取…"))
        self._ctx.ops.run(lambda: ws.open_escalations(actor), self._show, self._failed,
                          description="open escalations")  # fmt: skip

    def _show(self, escalations: list[EscalationView]) -> None:
        self.escalations = list(escalations)
        self.table.setRowCount(len(self.escalations))
        for row, e in enumerate(self.escalations):
            cells = (e.case_no, e.unit_name or "—", e.escalated_by_name, fmt_dt(e.escalated_at),
                     fmt_span(e.age), e.instruction)  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(CaseIdRole, e.case_id)
                self.table.setItem(row, column, item)
        self.status.setText(self.tr("待回复的督办 %1 件，等待最久的在前")
                            .replace("%1", str(len(self.escalations))))  # fmt: skip
        self.queue_button.setEnabled(bool(self.escalations))
        if self.escalations:
            self.table.selectRow(0)
        self.table.setFocus()
        self.loaded.emit(len(self.escalations))

    def _failed(self, message: str, _exc: BaseException) -> None:
        self.status.setText(self.tr("无法读取督办件：%1").replace("%1", message))

    def _choose(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.case_chosen.emit(int(item.data(CaseIdRole)))
