"""Category picker: find a 部件/事件 subclass by code ('0102', 'E0102') or name ('井盖')."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from ui.labels import limit_text, word_label
from workstation.domain.catalog import Catalog, Category

Index = QModelIndex | QPersistentModelIndex
CategoryRole = Qt.ItemDataRole.UserRole + 1
CodeRole = Qt.ItemDataRole.UserRole + 2

# Keys typed in a search field that move the result list instead of the text cursor.
NAVIGATION_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class CategoryListModel(QAbstractListModel):
    """Search results: a thin adapter over a list of `Category` (replaced per keystroke)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Category] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        c = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            kind, limit = word_label(c.kind.label), limit_text(c.limit)
            return f"{c.code}　{c.name}　（{kind}/{c.major_name} · {limit}）"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(t for t in (c.full_name, c.filing_standard, c.closing_standard) if t)
        if role == CategoryRole:
            return c
        if role == CodeRole:
            return c.code
        return None

    def set_categories(self, rows: Sequence[Category]) -> None:
        # A new search result is a new list, not an edit of the old one: reset is right here.
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def category_at(self, row: int) -> Category:
        return self._rows[row]


def forward_navigation(source: QObject, target: QWidget, event: QEvent) -> bool:
    """Send ↑ ↓ PgUp PgDn typed in a search field to the result view; True if sent."""
    if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
            and event.key() in NAVIGATION_KEYS:  # fmt: skip
        QApplication.sendEvent(target, QKeyEvent(event.type(), event.key(), event.modifiers()))
        return True
    return False


class CategoryPicker(QWidget):
    """A search field over the catalog with a result list; the first hit is preselected."""

    category_changed = Signal(object)  # Category | None

    def __init__(self, parent: QWidget | None = None, *, initial: str | None = None,
                 initial_name: str = "", exclude: str | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("categoryPicker")
        self._catalog: Catalog | None = None
        self._initial = initial
        self._exclude = exclude
        self.search = QLineEdit(initial or "", self)
        self.search.setObjectName("categorySearch")
        self.search.setPlaceholderText(self.tr("输入类别代码或名称查找，如 0102、E0102、井盖"))
        self.search.setClearButtonEnabled(True)
        self.model = CategoryListModel(self)
        self.view = QListView(self)
        self.view.setObjectName("categoryList")
        self.view.setModel(self.model)
        self.view.setMinimumHeight(180)
        self.view.setUniformItemSizes(True)
        self.chosen = QLabel(self)
        self.chosen.setObjectName("categoryChosen")
        self.chosen.setWordWrap(True)
        if initial:
            chosen = self.tr("已选：{code} {name}").format(code=initial, name=initial_name)
            self.chosen.setText(chosen)
        else:
            self.chosen.setText(self.tr("正在加载问题类别…"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.chosen)
        self.search.textChanged.connect(self._search)
        self.search.installEventFilter(self)
        self.view.selectionModel().currentChanged.connect(self._current_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search and forward_navigation(watched, self.view, event):
            return True
        return super().eventFilter(watched, event)

    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._search(self.search.text())

    def _search(self, text: str) -> None:
        if self._catalog is None:
            return
        hits = [c for c in self._catalog.search(text, limit=len(self._catalog))
                if c.code != self._exclude]  # fmt: skip
        self.model.set_categories(hits)
        if hits:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        else:
            self._current_changed(QModelIndex(), QModelIndex())

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        category = self.current()
        if category is None:
            self.chosen.setText(self.tr("没有匹配的类别"))
        else:
            self.chosen.setText(
                self.tr("已选：{code} {path}，处置时限 {limit}").format(
                    code=category.code, path=category.full_name, limit=category.limit
                )
            )
        self.category_changed.emit(category)

    def current(self) -> Category | None:
        index = self.view.currentIndex()
        return self.model.category_at(index.row()) if index.isValid() else None

    def current_code(self) -> str | None:
        """The chosen code; before the catalog arrives, the prefilled one."""
        if self._catalog is None:
            return self._initial
        category = self.current()
        return category.code if category else None
