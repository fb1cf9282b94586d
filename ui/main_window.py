"""The main window: arranges the panels and the actions; the panels do the work."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui.models.case_table import CaseTableModel, SortKeyRole
from ui.operations import Operations
from workstation.bootstrap import Workstation
from workstation.domain.lifecycle import CaseState
from workstation.services.dto import CaseSummary
from workstation.services.queries import CaseFilter


class CaseQueuePanel(QWidget):
    """The case table with a search box; loads open cases in the background."""

    def __init__(self, ws: Workstation, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._ops = ops
        self.model = CaseTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortKeyRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索案件编号、地址、描述、处置单位（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QTableView(self)
        self.table.setObjectName("caseTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((118, 92, 86, 110, 130, 130, 300, 70, 150, 92, 48, 48)):
            header.resizeSection(column, width)

        self.status = QLabel(self.tr("正在加载案件…"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def reload(self) -> None:
        self.status.setText(self.tr("正在加载案件…"))
        flt = CaseFilter(states=[s for s in CaseState if s.is_open])
        self._ops.run(lambda: self._ws.list_cases(flt), self._loaded,
                      description="load open cases")  # fmt: skip

    def _loaded(self, rows: list[CaseSummary]) -> None:
        self.model.reset_rows(rows)
        self.status.setText(self.tr("在办案件 %n 件", "", len(rows)))


class MainWindow(QMainWindow):
    def __init__(self, ws: Workstation, ops: Operations, *, demo: bool = False) -> None:
        super().__init__()
        self._ws = ws
        self._ops = ops
        self.setObjectName("mainWindow")
        title = self.tr("网格化指挥调度工作站 — 呈贡分中心")
        self.setWindowTitle(title + (self.tr("（演示模式）") if demo else ""))
        self.queue = CaseQueuePanel(ws, ops, self)
        self.setCentralWidget(self.queue)

        toolbar = QToolBar(self.tr("常用"), self)
        toolbar.setObjectName("mainToolbar")
        self.addToolBar(toolbar)
        self.refresh_action = QAction(self.tr("刷新"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.queue.reload)
        toolbar.addAction(self.refresh_action)
        find = QAction(self.tr("搜索"), self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(lambda: self.queue.search.setFocus())
        self.addAction(find)

        self.message = QLabel(self)
        self.statusBar().addPermanentWidget(self.message)
        ops.error.connect(self.show_error)
        if demo:
            badge = QLabel(self.tr("演示模式"), self)
            badge.setStyleSheet("QLabel { background: #ef6c00; color: white; padding: 2px 8px; }")
            self.statusBar().addPermanentWidget(badge)

    def start(self) -> None:
        # Started from the event loop, not the constructor: the window paints first.
        QTimer.singleShot(0, self.queue.reload)

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 15_000)
