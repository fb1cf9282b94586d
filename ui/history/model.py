"""The history search's results: pages of cases fetched in the background as the user
scrolls (Qt's canFetchMore/fetchMore), newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ui.context import AppContext
from ui.labels import source_label, state_label
from workstation.services.dto import CaseSummary
from workstation.services.history import HistoryFilter, HistoryPage

Index = QModelIndex | QPersistentModelIndex
CaseIdRole = Qt.ItemDataRole.UserRole + 1


def _when(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else ""


class HistoryModel(QAbstractTableModel):
    page_loaded = Signal(int, bool)  # rows now, more to come
    failed = Signal(str)

    COLUMNS = ("case_no", "reported_at", "source", "category", "area", "text", "state", "unit",
               "closed_at")  # fmt: skip

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.page_size = 100
        self.rows: list[CaseSummary] = []
        self._filter: HistoryFilter | None = None
        self._next: int | None = None  # the next page starts below this case id
        self._loading = False
        self._token = 0
        self._titles = [self.tr("案件编号"), self.tr("上报时间"), self.tr("来源"), self.tr("类别"),
                        self.tr("街道/社区"), self.tr("地址/描述"), self.tr("状态"),
                        self.tr("处置单位"), self.tr("结案时间")]  # fmt: skip

    # -- searching -----------------------------------------------------------------------

    def search(self, flt: HistoryFilter) -> None:
        """A new search: the results so far are dropped, the first page is fetched."""
        self._token += 1
        self.beginResetModel()
        self.rows, self._filter, self._next, self._loading = [], flt, None, False
        self.endResetModel()
        self._fetch()

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def more(self) -> bool:
        return self._next is not None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self.more and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._fetch()

    def _fetch(self) -> None:
        flt = self._filter
        if flt is None:
            return
        self._loading = True
        token, before, size = self._token, self._next, self.page_size
        ws, actor = self._ctx.ws, self._ctx.actor

        def loaded(page: HistoryPage) -> None:
            if token != self._token:
                return  # a newer search replaced this one
            self._loading = False
            if page.cases:
                first = len(self.rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page.cases) - 1)
                self.rows.extend(page.cases)
                self.endInsertRows()
            self._next = page.next_before
            self.page_loaded.emit(len(self.rows), page.more)

        def failed(message: str, exc: BaseException) -> None:
            if token == self._token:
                self._loading = False
                self.failed.emit(message)

        self._ctx.ops.run(lambda: ws.search_cases(flt, actor, before, size), loaded, failed,
                          description="history search", owner=self)  # fmt: skip

    # -- the table -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self.rows[index.row()]
        if role == CaseIdRole:
            return c.id
        if role == Qt.ItemDataRole.ToolTipRole and self.COLUMNS[index.column()] == "text":
            return f"{c.address}\n{c.description}".strip()
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        key = self.COLUMNS[index.column()]
        if key == "case_no":
            return c.case_no
        if key == "reported_at":
            return _when(c.reported_at)
        if key == "source":
            return source_label(c.source)
        if key == "category":
            return c.category_name or self.tr("未分类")
        if key == "area":
            return "/".join(p for p in (c.street_name, c.community_name) if p)
        if key == "text":
            return " ".join(p for p in (c.address, c.description) if p)
        if key == "state":
            return state_label(c.state)
        if key == "unit":
            return c.unit_name
        return _when(c.closed_at)

    def case_at(self, row: int) -> CaseSummary:
        return self.rows[row]
