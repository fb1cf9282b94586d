"""Where the window's data comes from and whether it is fresh: the status bar's database
indicator and connection label, the outage banner and the faded lists while the change
feed cannot reach the database, and 系统 → 数据库连接… (the database of the next start).

Strings stay in the main window's translation context: they are its words on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QGraphicsOpacityEffect, QLabel, QMainWindow
from sqlalchemy.engine import make_url

from ui.widgets.outage_banner import OutageBanner

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.feed import ChangeFollower


class DatabaseStatus(QObject):
    def __init__(self, window: QMainWindow, ctx: AppContext, settings: QSettings,
                 outage: OutageBanner) -> None:  # fmt: skip
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self._settings = settings
        self.outage = outage
        self.connection = QLabel(window)
        self.database = QLabel(self.database_text(), window)
        self.database.setObjectName("databaseIndicator")
        self.database.setToolTip(self.safe_url())
        self._follower: ChangeFollower | None = None

    def follow(self, follower: ChangeFollower) -> None:
        self._follower = follower
        follower.connection_lost.connect(self.lost)
        follower.connection_restored.connect(self.restored)

    def safe_url(self) -> str:
        return make_url(self._ctx.ws.settings.db_url).render_as_string(hide_password=True)

    def database_text(self) -> str:
        """Which database this window works on, in a word or two (the full address in the
        tooltip, without a password): the embedded file, or server/database."""
        url = make_url(self._ctx.ws.settings.db_url)
        if url.get_backend_name() == "sqlite":
            name = (url.database or "").replace("\\", "/").rsplit("/", 1)[-1] or ":memory:"
            return QCoreApplication.translate("MainWindow", "数据库：本机 %1").replace("%1", name)
        where = f"{url.host or 'localhost'}{':' + str(url.port) if url.port else ''}/{url.database}"
        return QCoreApplication.translate("MainWindow", "数据库：%1").replace("%1", where)

    def lost(self, message: str) -> None:
        retrying = QCoreApplication.translate("MainWindow", "数据库连接中断，正在重试…")
        self.connection.setText(retrying)
        self.database.setStyleSheet("QLabel { color: #c62828; }")
        last_good = self._follower.last_good if self._follower is not None else None
        self.outage.show_lost(message, last_good)
        self._mark_stale(True)

    def restored(self) -> None:
        self.connection.setText("")
        self.database.setStyleSheet("")
        self.outage.show_restored()
        self._mark_stale(False)

    def _mark_stale(self, stale: bool) -> None:
        """Every list and table of the window faded while its data may be old (whatever
        colours its delegate paints), and back when the feed has caught up."""
        for view in self._window.findChildren(QAbstractItemView):
            view.setProperty("stale", stale)
            if stale:
                fade = QGraphicsOpacityEffect(view.viewport())
                fade.setOpacity(0.45)
                view.viewport().setGraphicsEffect(fade)
            else:
                view.viewport().setGraphicsEffect(None)  # type: ignore[arg-type]

    def open_connection_settings(self) -> None:
        """系统 → 数据库连接…: choose the database for the next start (this session keeps
        its own: its views, feed and open dialogs belong to it)."""
        from ui.app import SAVED_URL_KEY
        from ui.dialogs.connection import ConnectionDialog

        ws = self._ctx.ws
        current = make_url(ws.settings.db_url)._replace(password=None)  # (never shown)
        dialog = ConnectionDialog(current.render_as_string(hide_password=False),
                                  self._ctx.ops, connect_timeout=ws.settings.connect_timeout,
                                  parent=self._window)  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen() -> None:
            self._settings.setValue(SAVED_URL_KEY, dialog.saved_url())
            self._settings.sync()
            saved = QCoreApplication.translate("MainWindow", "已保存：下次启动时连接 %1")
            self._window.statusBar().showMessage(saved.replace("%1", dialog.saved_url()), 15_000)

        dialog.accepted.connect(chosen)
        dialog.open()
