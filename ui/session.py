"""Who sits at the console: login → main window → log out or switch user → login again.

One person's window at a time. Each window keeps its layout, columns, filters and search
under its account (see `MainWindow._key`), so the next person never inherits them. The
application quits when nobody logs in (login cancelled) or the window is closed for good.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication

from ui.context import AppContext
from ui.dialogs.login import LoginDialog
from ui.main_window import MainWindow
from ui.operations import Operations
from workstation.bootstrap import Workstation
from workstation.domain.roles import Account


class Session(QObject):
    window_opened = Signal(object)  # MainWindow, shown and starting
    finished = Signal()  # nobody at the console any more: the application should quit

    def __init__(self, ws: Workstation, ops: Operations, *, demo: bool,
                 settings: QSettings | None = None,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._ws = ws
        self._ops = ops
        self._demo = demo
        self._settings = settings
        self.login: LoginDialog | None = None
        self.window: MainWindow | None = None
        self._scope: QObject | None = None
        # Between two people no window is open: the session, not Qt, decides when to quit.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)

    def start(self, *, prefill: bool = True) -> LoginDialog:
        """Ask who is there. The demo's first login is prefilled; after a switch the
        next person picks their own account."""
        reference = self._ws.reference
        demo_password = reference.settings.get("demo_password") if self._demo else None
        login = LoginDialog(self._ws, self._ops, demo_password=demo_password, prefill=prefill)
        login.logged_in.connect(self._open_window)
        login.rejected.connect(self.finished)
        self.login = login
        login.open()
        return login

    def _open_window(self, account: Account) -> None:
        # The window's background work answers only while the window lives.
        self._scope = QObject(self)
        ops = self._ops.scoped(self._scope)
        window = MainWindow(AppContext(self._ws, ops, account, demo=self._demo), self._settings)
        window.ended.connect(self._window_ended)
        self.window = window
        if window.first_use:  # a shift's window: the whole screen, the default layout
            window.showMaximized()
        else:
            window.show()
        window.start()
        self.window_opened.emit(window)

    def _window_ended(self, switch_user: bool) -> None:
        if self._scope is not None:
            shiboken6.delete(self._scope)  # now: the window's pending answers are dropped
            self._scope = None
        window, self.window = self.window, None
        if window is not None and shiboken6.isValid(window):
            window.deleteLater()  # its timers, follower and workers stop with it
        if switch_user:
            self.start(prefill=False)
        else:
            self.finished.emit()
