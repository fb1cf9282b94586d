"""One tool window of a kind at a time (statistics, history, hand-over …)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


class SingleWindow(Generic[W]):
    """Made and shown the first time, raised (perhaps from behind the main window) after;
    it deletes itself when closed and is made afresh the next time."""

    def __init__(self, make: Callable[[], W]) -> None:
        self._make = make
        self._window: W | None = None

    @property
    def window(self) -> W | None:
        """The open one, if any."""
        window = self._window
        return window if window is not None and shiboken6.isValid(window) else None

    def open(self) -> tuple[W, bool]:
        """The window, and whether it was made just now."""
        window = self.window
        if window is None:
            window = self._window = self._make()
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.show()
            return window, True
        window.raise_()
        window.activateWindow()
        return window, False
