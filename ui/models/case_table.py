"""Table model of the case queue: a thin adapter over a list of `CaseSummary` DTOs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from workstation.services.dto import CaseSummary

Index = QModelIndex | QPersistentModelIndex

# Custom roles, named once (Qt.UserRole + n).
CaseIdRole = Qt.ItemDataRole.UserRole + 1
SortKeyRole = Qt.ItemDataRole.UserRole + 2
CaseRole = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str
    display: Callable[[CaseSummary], str]
    sort_key: Callable[[CaseSummary], Any]


def _dt(value: datetime | None) -> str:
    return value.strftime("%m-%d %H:%M") if value else ""


def _area(c: CaseSummary) -> str:
    return "/".join(p for p in (c.street_name, c.community_name) if p)


class CaseTableModel(QAbstractTableModel):
    # Titles are translated by the view's owner via `retranslate`; the defaults are Chinese.
    COLUMNS: tuple[Column, ...] = (
        Column("case_no", "案件编号", lambda c: c.case_no, lambda c: c.case_no),
        Column("reported_at", "上报时间", lambda c: _dt(c.reported_at), lambda c: c.reported_at),
        Column("source", "来源", lambda c: c.source_label, lambda c: c.source),
        Column(
            "category",
            "类别",
            lambda c: c.category_name or "未分类",
            lambda c: c.category_code or "",
        ),  # fmt: skip
        Column("area", "街道/社区", _area, _area),
        Column("grid", "网格", lambda c: c.grid_code or "", lambda c: c.grid_code or ""),
        Column(
            "description",
            "地址/描述",
            lambda c: f"{c.address} {c.description}".strip(),
            lambda c: c.description,
        ),  # fmt: skip
        Column("state", "状态", lambda c: c.state_label, lambda c: c.state),
        Column("unit", "处置单位", lambda c: c.unit_name, lambda c: c.unit_name),
        Column(
            "deadline", "处置期限", lambda c: _dt(c.deadline), lambda c: c.deadline or datetime.max
        ),  # fmt: skip
        Column("key", "督办", lambda c: "督办" if c.is_key else "", lambda c: c.is_key),
        Column(
            "reminds",
            "催办",
            lambda c: str(c.remind_count) if c.remind_count else "",
            lambda c: c.remind_count,
        ),  # fmt: skip
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseSummary] = []
        self._row_of: dict[int, int] = {}
        self._titles = [c.title for c in self.COLUMNS]
        self._urgent = QBrush(QColor("#c62828"))

    # -- Qt interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        case = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(case)
        if role == SortKeyRole:
            return column.sort_key(case)
        if role == CaseIdRole:
            return case.id
        if role == CaseRole:
            return case
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "description":
            return f"{case.address}\n{case.description}".strip()
        if role == Qt.ItemDataRole.ForegroundRole and column.key == "category" \
                and case.priority == "urgent":  # fmt: skip
            return self._urgent
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._titles):  # fmt: skip
            return self._titles[section]
        return None

    # -- updates -----------------------------------------------------------------------

    def set_titles(self, titles: Sequence[str]) -> None:
        self._titles = list(titles)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._titles) - 1)

    def reset_rows(self, rows: Iterable[CaseSummary]) -> None:
        """Replace everything (first load only; later changes come through `upsert`)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {c.id: i for i, c in enumerate(self._rows)}
        self.endResetModel()

    def upsert(self, cases: Iterable[CaseSummary]) -> None:
        """Update changed rows in place and append new ones: selection and scroll stay."""
        new = []
        for case in cases:
            row = self._row_of.get(case.id)
            if row is None:
                new.append(case)
                continue
            self._rows[row] = case
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for offset, case in enumerate(new):
                self._row_of[case.id] = first + offset
                self._rows.append(case)
            self.endInsertRows()

    def case_at(self, row: int) -> CaseSummary:
        return self._rows[row]

    def row_of(self, case_id: int) -> int | None:
        return self._row_of.get(case_id)
