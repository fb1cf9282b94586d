"""The evaluation tables of EVALUATION.md §5 (QTableView + model), sortable, with the
formula printed under each; a cell click asks for the cases behind its figure."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.stats.labels import indicator, level_colour
from workstation.services.evaluation import EvaluationRow

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1

# The columns of each table, after 序号 and the name (EVALUATION.md §5), then 综合指标值
# and 评价等级.
COLUMNS: dict[str, tuple[str, ...]] = {
    "unit": ("filed", "closed_on_time", "closed", "due_to_close", "closing_rate",
             "handled_on_time", "due_to_handle", "on_time_handling_rate", "rework", "handled",
             "rework_rate"),
    "supervisor": ("cells", "reports", "valid_reports", "valid_report_rate", "verified_on_time",
                   "verifications", "on_time_verification_rate", "checked_on_time", "checks",
                   "on_time_check_rate", "missed", "missed_rate"),
    "acceptor": ("received", "verification_due", "verification_sent_on_time",
                 "on_time_verification_dispatch_rate", "checks_sent", "checks_sent_on_time",
                 "on_time_check_dispatch_rate"),
    "leader": ("filed", "filed_on_time", "on_time_filing_rate", "accurate_filing_rate",
               "closed", "on_time_closing_rate"),
    "dispatcher": ("dispatched", "dispatched_on_time", "on_time_dispatch_rate",
                   "accurate_dispatch_rate"),
    "street": ("filed", "undispatched", "due_to_close", "closed", "closing_rate", "closed_on_time",
               "on_time_closing_rate", "rework", "extended", "extension_rate",
               "public_report_rate"),
}  # fmt: skip
# What a click on the name, the score or the level shows: the object's main count.
MAIN_COUNT = {"unit": "due_to_handle", "supervisor": "reports", "acceptor": "received",
              "leader": "filed", "dispatcher": "dispatched", "street": "due_to_close"}  # fmt: skip
RATES = frozenset(k for cols in COLUMNS.values() for k in cols if k.endswith("_rate"))


class EvaluationTableModel(QAbstractTableModel):
    """One grouping's rows: 序号 | name | its columns | 综合指标值 | 评价等级."""

    def __init__(self, grouping: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.grouping = grouping
        self.keys = ("rank", "name", *COLUMNS[grouping], "score", "level")
        self.rows: list[EvaluationRow] = []
        self.cells: dict[str, int] = {}  # a supervisor's 责任网格 count

    def set_rows(self, rows: Sequence[EvaluationRow], cells: dict[str, int] | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.cells = dict(cells or {})
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.keys)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        key = self.keys[section]
        if key == "rank":
            return self.tr("序号")
        if key == "name":
            names = {"unit": self.tr("部门"), "street": self.tr("街道")}
            return names.get(self.grouping, self.tr("姓名"))
        if key == "cells":
            return self.tr("责任网格")
        return indicator(key, self.grouping)

    def value(self, row: int, key: str) -> Any:
        r = self.rows[row]
        if key == "rank":
            return row + 1
        if key == "name":
            return r.name
        if key == "cells":
            return self.cells.get(r.key, 0)
        if key == "score":
            return r.score
        if key == "level":
            return r.level
        return r.indicators.get(key)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.keys[index.column()]
        value = self.value(index.row(), key)
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return "—"
            if key in RATES:
                return f"{value:.1f}%"
            if key == "score":
                return f"{value:.1f}"
            return str(value)
        if role == SortRole:
            # "—" sorts below every number, whichever the order.
            return value if value is not None else float("-inf") if key != "name" else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and key != "name":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and key == "level" and value:
            return QBrush(level_colour(value).lighter(170))
        if role == Qt.ItemDataRole.ForegroundRole and key == "level" and value:
            return QBrush(QColor(level_colour(value).darker(160)))
        return None

    def figure(self, row: int, column: int) -> tuple[EvaluationRow, str]:
        """The row and the indicator a cell stands for (name, score, level: the main count)."""
        key = self.keys[column]
        if key in ("rank", "name", "cells", "score", "level"):
            key = MAIN_COUNT[self.grouping]
        return self.rows[row], key


class EvaluationTable(QWidget):
    """The table, sortable by any column, with the 综合指标值 formula under it."""

    figure_clicked = Signal(object, str)  # EvaluationRow, indicator key

    def __init__(self, grouping: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"evaluationTable_{grouping}")
        self.model = EvaluationTableModel(grouping, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # ranked: 序号 1 first
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.clicked.connect(self._clicked)
        self.formula = QLabel(self)
        self.formula.setObjectName("formula")
        self.formula.setWordWrap(True)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.formula)

    def set_rows(self, rows: Sequence[EvaluationRow], formula: str,
                 cells: dict[str, int] | None = None) -> None:  # fmt: skip
        self.model.set_rows(rows, cells)
        self.formula.setText(formula)

    def _clicked(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if source.isValid():
            row, key = self.model.figure(source.row(), source.column())
            self.figure_clicked.emit(row, key)
