"""The history search window (案件检索, Ctrl+Shift+F): every case ever recorded.

Words (Chinese of any length, case numbers, addresses) and filters (period, state, source,
unit); results page in as the table is scrolled; choosing a case shows it in the main
window's detail panel with its whole timeline (a closed case offers only what the role may
still do with it). Enter searches at once; typing searches after a short pause.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.history.model import CaseIdRole, HistoryModel
from ui.labels import source_label, state_label
from workstation.domain.lifecycle import CaseState, Source
from workstation.services.history import HistoryFilter

TYPING_PAUSE_MS = 350


class HistoryWindow(QWidget):
    case_chosen = Signal(int)  # a case id: show it in the detail panel

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("historyWindow")
        self.setWindowTitle(self.tr("案件检索 — 全部历史案件"))
        self._ctx = ctx
        self.text = QLineEdit(self)
        self.text.setObjectName("historyText")
        self.text.setPlaceholderText(self.tr(
            "检索编号、地址、描述、上报人，如 井盖、彩云路、2026112（多个词用空格分开）"))
        self.text.setClearButtonEnabled(True)
        self.period = QCheckBox(self.tr("上报日期"), self)
        self.period.setObjectName("historyPeriod")
        today = QDate(ctx.clock().date())
        self.first_day = QDateEdit(today.addMonths(-1), self)
        self.last_day = QDateEdit(today, self)
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self.search)
        self.period.toggled.connect(self._period_toggled)
        self.state = QComboBox(self)
        self.state.setObjectName("historyState")
        self.state.addItem(self.tr("全部状态"), "")
        for s in CaseState:
            self.state.addItem(state_label(s.value), s.value)
        self.source = QComboBox(self)
        self.source.setObjectName("historySource")
        self.source.addItem(self.tr("全部来源"), "")
        for src in Source:
            self.source.addItem(source_label(src.value), src.value)
        self.unit = QComboBox(self)
        self.unit.setObjectName("historyUnit")
        self.unit.addItem(self.tr("全部单位"), "")
        for code, unit in sorted(ctx.ws.reference.matrix.units.items()):
            self.unit.addItem(unit.name, code)
        for combo in (self.state, self.source, self.unit):
            combo.currentIndexChanged.connect(self.search)

        self.model = HistoryModel(ctx, self)
        self.model.page_loaded.connect(self._loaded)
        self.model.failed.connect(lambda message: self.status.setText(message))
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((120, 130, 90, 150, 170, 380, 70, 170, 130)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(self._activated)
        self.status = QLabel(self)
        self.status.setObjectName("historyStatus")

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.search)
        self.text.textEdited.connect(lambda _t: self._typing.start())
        self.text.returnPressed.connect(self.search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        # From the search box, ↓ goes to the results.
        QShortcut(QKeySequence(Qt.Key.Key_Down), self.text, self.table.setFocus,
                  context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip

        filters = QHBoxLayout()
        filters.addWidget(self.text, 3)
        filters.addWidget(self.period)
        filters.addWidget(self.first_day)
        filters.addWidget(QLabel("—", self))
        filters.addWidget(self.last_day)
        filters.addWidget(self.state)
        filters.addWidget(self.source)
        filters.addWidget(self.unit, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.resize(1400, 760)
        self.text.setFocus()

    def current_filter(self) -> HistoryFilter:
        first: date | None = None
        last: date | None = None
        if self.period.isChecked():
            first, last = self.first_day.date().toPython(), self.last_day.date().toPython()
            if last < first:
                first, last = last, first
        state = str(self.state.currentData() or "")
        return HistoryFilter(self.text.text().strip(), first, last, (state,) if state else (),
                             str(self.source.currentData() or ""),
                             str(self.unit.currentData() or ""))  # fmt: skip

    def search(self) -> None:
        self._typing.stop()
        self.status.setText(self.tr("正在检索…"))
        self.model.search(self.current_filter())

    def _period_toggled(self, on: bool) -> None:
        self.first_day.setEnabled(on)
        self.last_day.setEnabled(on)
        self.search()

    def _loaded(self, rows: int, more: bool) -> None:
        if rows == 0:
            self.status.setText(self.tr("没有符合条件的案件"))
        elif more:
            shown = self.tr("已列出 %1 件，向下滚动加载更多")
            self.status.setText(shown.replace("%1", f"{rows:,}"))
        else:
            self.status.setText(self.tr("共 %1 件").replace("%1", f"{rows:,}"))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.case_chosen.emit(int(current.data(CaseIdRole)))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_chosen.emit(int(index.data(CaseIdRole)))
