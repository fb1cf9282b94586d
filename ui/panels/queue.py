"""The live case queue: the central table of the main window (model + proxy + controller).

Contract with the main window (other panels rely on it):
- signals `current_case_changed(int)` (case id, -1 for none), `selection_changed(list)`
  (the selected `CaseSummary` objects), `cases_loaded(list)` (every loaded summary);
- slots `reload()`, `apply_changes(list[CaseSummary])` (incremental: no model reset),
  `select_case(int)`.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.models.case_table import CaseRole, CaseTableModel, SortKeyRole
from workstation.domain.lifecycle import CaseState
from workstation.services.dto import CaseSummary
from workstation.services.queries import CaseFilter


class QueuePanel(QWidget):
    current_case_changed = Signal(int)
    selection_changed = Signal(list)
    cases_loaded = Signal(list)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("queuePanel")
        self.model = CaseTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortKeyRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit(self)
        self.search.setObjectName("queueSearch")
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
        for column, width in enumerate((118, 92, 86, 110, 130, 130, 300, 70, 150, 92, 48, 48)):
            header.resizeSection(column, width)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

        self.status = QLabel(self.tr("正在加载案件…"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    # -- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        self.status.setText(self.tr("正在加载案件…"))
        flt = CaseFilter(states=[s for s in CaseState if s.is_open])
        ws, actor = self._ctx.ws, self._ctx.actor
        self._ctx.ops.run(lambda: ws.list_cases(flt, actor), self._loaded,
                          description="load open cases")  # fmt: skip

    def _loaded(self, rows: list[CaseSummary]) -> None:
        self.model.reset_rows(rows)
        self._update_status()
        self.cases_loaded.emit(rows)

    def apply_changes(self, rows: list[CaseSummary]) -> None:
        self.model.upsert(rows)
        self._update_status()

    def _update_status(self) -> None:
        self.status.setText(self.tr("在办案件 %n 件", "", self.model.rowCount()))

    # -- selection -----------------------------------------------------------------------

    def selected_cases(self) -> list[CaseSummary]:
        rows = self.table.selectionModel().selectedRows()
        return [r.data(CaseRole) for r in sorted(rows, key=lambda i: i.row())]

    def current_case(self) -> CaseSummary | None:
        index = self.table.currentIndex()
        return index.data(CaseRole) if index.isValid() else None

    def select_case(self, case_id: int) -> bool:
        row = self.model.row_of(case_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _on_selection(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self.selection_changed.emit(self.selected_cases())

    def _on_current(self, current: object, previous: object) -> None:
        case = self.current_case()
        self.current_case_changed.emit(case.id if case else -1)
