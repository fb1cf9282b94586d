"""The main window's layout: the default arrangement, each person's own, and each role's.

- Default (first use, or 恢复默认布局): the queue in the centre at full height; on the right
  the case detail above a tab group of 提醒中心 (raised), 网格地图 and 监督员状态 — the queue,
  the detail and the reminder centre get the room a shift works in; the map and the board
  are one click (or a second screen) away.
- Each account keeps its own window geometry, docks, queue columns and filters
  (`accounts/<user>/…`): a shared console never hands one person's layout to the next.
- A role's layout (`roles/<role>/…`, e.g. the shift leader's with the map raised) is saved
  by anyone of that role from the 视图 → 布局 menu; an account without a layout of its own
  starts from its role's, else from the default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt

if TYPE_CHECKING:
    from ui.main_window import MainWindow

VERSION = 4  # bump when the default layout or the queue's columns change


class WindowLayout:
    def __init__(self, window: MainWindow, settings: QSettings, username: str,
                 role: str) -> None:  # fmt: skip
        self._w = window
        self._s = settings
        self._account = f"accounts/{username}"
        self._role = f"roles/{role}"
        self._default: QByteArray | None = None  # the default arrangement, as saveState()

    # -- the default ----------------------------------------------------------------------

    def arrange_default(self) -> None:
        """Put the docks where the default layout has them; call on the new window (its
        docks all docked) — `reset()` brings it back later."""
        w = self._w
        right = Qt.DockWidgetArea.RightDockWidgetArea
        docks = (w.detail_dock, w.reminder_dock, w.map_dock, w.supervisor_dock)
        for dock in docks:
            w.addDockWidget(right, dock)  # moves a dock already in the window
        w.splitDockWidget(w.detail_dock, w.reminder_dock, Qt.Orientation.Vertical)
        w.tabifyDockWidget(w.reminder_dock, w.map_dock)
        w.tabifyDockWidget(w.map_dock, w.supervisor_dock)
        for dock in docks:
            dock.show()
        w.reminder_dock.raise_()
        self.proportion()
        if self._default is None:
            self._default = w.saveState(VERSION)

    def proportion(self) -> None:
        """The default sizes for the window's current size."""
        w = self._w
        width = max(560, w.width() // 3)  # 640 of 1920: the detail's fields and buttons fit
        w.resizeDocks([w.detail_dock], [width], Qt.Orientation.Horizontal)
        half = max(300, (w.height() - 120) // 2)
        w.resizeDocks([w.detail_dock, w.reminder_dock], [half, half], Qt.Orientation.Vertical)

    # -- each person's --------------------------------------------------------------------

    def restore(self) -> bool:
        """This account's layout, else its role's; False when neither exists (first use:
        the caller shows the window maximised with the default layout)."""
        s = self._s
        for prefix in (self._account, self._role):
            if s.value(f"{prefix}/window/version", 0, int) == VERSION:
                self._apply(prefix)
                return True
        return False

    def save(self) -> None:
        self._store(self._account)

    def _apply(self, prefix: str) -> None:
        s, w = self._s, self._w
        state = s.value(f"{prefix}/window/state")
        if isinstance(state, QByteArray):
            w.restoreState(state, VERSION)
        # The geometry after the docks: a maximised geometry restored first left a
        # floating dock that crashed Qt when it was docked again.
        geometry = s.value(f"{prefix}/window/geometry")
        if isinstance(geometry, QByteArray):
            w.restoreGeometry(geometry)
        header = s.value(f"{prefix}/queue/header")
        if isinstance(header, QByteArray):
            w.queue.table.horizontalHeader().restoreState(header)
        filters = s.value(f"{prefix}/queue/filters")
        if isinstance(filters, dict):
            w.queue.restore_filter_state(filters)

    def _store(self, prefix: str) -> None:
        s, w = self._s, self._w
        s.setValue(f"{prefix}/window/version", VERSION)
        s.setValue(f"{prefix}/window/geometry", w.saveGeometry())
        s.setValue(f"{prefix}/window/state", w.saveState(VERSION))
        s.setValue(f"{prefix}/queue/header", w.queue.table.horizontalHeader().saveState())
        s.setValue(f"{prefix}/queue/filters", w.queue.filter_state())

    # -- the role's -----------------------------------------------------------------------

    def save_for_role(self) -> None:
        """This window's docks and columns become the role's layout (filters stay personal)."""
        self._store(self._role)
        # Docks and columns only: the filters stay personal, and the window's size and
        # place belong to the screen it was saved on.
        self._s.remove(f"{self._role}/queue/filters")
        self._s.remove(f"{self._role}/window/geometry")

    def has_role_layout(self) -> bool:
        return self._s.value(f"{self._role}/window/version", 0, int) == VERSION

    def restore_role(self) -> bool:
        if not self.has_role_layout():
            return False
        self._apply(self._role)
        return True

    def reset(self) -> None:
        """Back to the default arrangement (this account's own layout is replaced on close).

        Through the state saved when the window was new: re-docking a floating or tabbed
        dock by hand (setFloating, removeDockWidget) crashes Qt 6 here."""
        if self._default is not None:
            self._w.restoreState(self._default, VERSION)
            self.proportion()
