"""The queue's table view: row-wise keyboard moves for a list of cases (Home/End = rows)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class QueueTableView(QTableView):
    """Rows are cases, so Home/End go to the first/last case (QTableView's default
    goes to the first/last column of the current row), and Tab leaves the table."""

    # After a (re)load, once its rows are on the screen: the window starts its other
    # panels then, so that they do not compete with the queue's first paint.
    rows_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._announce = False
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab moves on to the search box, not cell by cell
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        # Fixed heights: with 20,000 rows the header never measures a row.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(26)
        self.horizontalHeader().setHighlightSections(False)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self._loaded)

    def _loaded(self) -> None:
        self._announce = True

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        model = self.model()
        if self._announce and model is not None and model.rowCount():
            self._announce = False
            # From the event loop: this paint reaches the screen before anything else runs.
            QTimer.singleShot(0, self.rows_painted.emit)

    def moveCursor(self, action: QAbstractItemView.CursorAction,  # noqa: N802
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:  # fmt: skip
        if action in (QAbstractItemView.CursorAction.MoveHome,
                      QAbstractItemView.CursorAction.MoveEnd):  # fmt: skip
            modifiers = modifiers | Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)

    def refresh_geometry(self) -> None:
        """Bring the scroll range up to date now (Qt defers it to the next event loop)."""
        self.updateGeometries()
