"""GUI start-up: Qt application, translations, database preparation, login, main window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from workstation.settings import Settings

log = logging.getLogger("ui")


def qt_environment() -> None:
    # Every library that looks for a Qt binding must pick PySide6.
    os.environ.setdefault("QT_API", "pyside6")
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")


def install_translations(app: Any, lang: str) -> list[Any]:
    """Our strings are Chinese at source; other languages come from resources/i18n (ui.i18n).

    Qt's own strings (dialog buttons…) come from Qt's catalogues in the same language.
    """
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    if lang == "en":
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    else:
        locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    QLocale.setDefault(locale)
    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt_translator)
        translators.append(qt_translator)
    if lang != "zh_CN":
        from ui.i18n import compiled_qm

        qm = compiled_qm(lang)
        translator = QTranslator(app)
        if qm is not None and translator.load(str(qm)):
            app.installTranslator(translator)
            translators.append(translator)
        else:
            log.warning("no %s translation; the interface stays Chinese", lang)
    return translators


CJK_FAMILIES = ("Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
                "WenQuanYi Micro Hei")  # fmt: skip


def apply_fonts(app: Any) -> None:
    """Make a Chinese UI font the main font: with a Latin default, digits come from another
    font than the Chinese around them and sit a few pixels higher."""
    from PySide6.QtGui import QFont, QFontDatabase

    installed = set(QFontDatabase.families())
    families = [f for f in CJK_FAMILIES if f in installed]
    if families:
        font = QFont(app.font())
        font.setFamilies(families)
        app.setFont(font)


def prepare_database(ws: Any, progress: Callable[[str, int, int], None]) -> bool:
    """Migrate; on an empty database build the demo data. True when it did."""
    ws.upgrade(progress)
    if ws.has_grid():
        return False
    from workstation.adapters.demo import DemoOptions, build_demo

    build_demo(ws, DemoOptions(), progress=progress)
    return True


SAVED_URL_KEY = "database/url"


def saved_settings(settings: Settings, store: Any) -> Settings:
    """The database chosen in 连接设置… last time (QSettings), when the command line and
    the environment named none; without one, the embedded file as before."""
    from workstation.persistence.database import resolve_url

    saved = str(store.value(SAVED_URL_KEY, "") or "").strip()
    return replace(settings, db_url=resolve_url(saved)) if saved else settings


def shown_url(url: str) -> str:
    """An address to show: the file, or the server's URL without any password."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    # (URL.set(password=None) would keep it: None there means "unchanged".)
    return parsed._replace(password=None).render_as_string(hide_password=False)


class Startup:
    """Prepare the database (progress dialog), then the login. When the database cannot
    be opened (server down, timeout, a newer schema, a bad file) the start-up problem
    dialog offers 重试, 连接设置… and 退出 instead of ending the program.

    A plain object, not a QObject: this module is imported before Qt may be (see
    platform_check); Qt is loaded here only when a Startup is made."""

    def __init__(self, settings: Settings, ops: Any, store: Any, *,
                 on_finished: Callable[[int], None]) -> None:  # fmt: skip
        from PySide6.QtCore import QObject, Signal
        from PySide6.QtWidgets import QApplication

        from workstation.bootstrap import bootstrap

        class Progress(QObject):  # made on the GUI thread: the worker's steps queue to it
            changed = Signal(str, int, int)

        self.settings = settings
        self.ops = ops
        self.store = store
        self.on_finished = on_finished  # exit code: 0 nobody logs in any more, 1 退出
        self.ws = bootstrap(settings)
        self.session: Any = None
        self.progress: Any = None
        self.problem: Any = None  # StartupProblemDialog, made at the first failure
        self.connection: Any = None  # ConnectionDialog, while open
        self._bridge = Progress()
        self._bridge.changed.connect(self._progressed)
        app = QApplication.instance()
        # Between the progress, the problem and the connection dialogs no window may be
        # open for a moment: this object, not Qt, decides when the program ends.
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)

    def start(self) -> None:
        """Prepare the database on a worker; the login follows, or the problem dialog."""
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QProgressDialog

        translate = QCoreApplication.translate
        if self.progress is None:
            self.progress = QProgressDialog(translate("app", "正在准备数据库…"), None, 0, 100)
            self.progress.setWindowTitle(translate("app", "网格化指挥调度工作站"))
            self.progress.setMinimumDuration(0)
            self.progress.setMinimumWidth(420)
            self.progress.setAutoClose(False)
            self.progress.setAutoReset(False)
        self.progress.setLabelText(translate("app", "正在准备数据库…"))
        self.progress.setValue(0)
        self.progress.show()
        ws, report = self.ws, self._bridge.changed.emit

        def prepare() -> bool:
            built = prepare_database(ws, report)
            _ = ws.reference  # warm the reference data off the GUI thread
            return built

        self.ops.run(prepare, self._prepared, self._failed, description="prepare database")

    def _progressed(self, step: str, done: int, total: int) -> None:
        self.progress.setLabelText(step)
        self.progress.setValue(int(100 * done / total) if total else 100)

    def _prepared(self, _: object) -> None:
        from PySide6.QtWidgets import QApplication

        from ui.session import Session

        self.progress.close()
        # ws.reference was loaded on the worker by prepare_database.
        self.session = Session(self.ws, self.ops, demo=self.ws.reference.is_demo,
                               parent=QApplication.instance())  # fmt: skip
        self.session.finished.connect(lambda: self.on_finished(0))
        self.session.start()

    def _failed(self, message: str, exc: BaseException) -> None:
        from ui.dialogs.startup_problem import StartupProblemDialog
        from ui.labels import error_text
        from workstation.persistence.problems import database_problem

        self.progress.close()
        text = error_text(database_problem(exc) or message)  # the user's language
        where = shown_url(self.settings.db_url)
        if self.problem is None:
            self.problem = StartupProblemDialog(text, where)
            self.problem.retry_requested.connect(self.start)
            self.problem.settings_requested.connect(self.change_connection)
            self.problem.rejected.connect(lambda: self.on_finished(1))
        else:
            self.problem.show_problem(text, where)
        self.problem.open()

    def change_connection(self) -> None:
        from ui.dialogs.connection import ConnectionDialog

        dialog = ConnectionDialog(self.settings.db_url, self.ops,
                                  connect_timeout=self.settings.connect_timeout)  # fmt: skip
        dialog.accepted.connect(lambda: self.use(dialog.url(), dialog.saved_url()))
        dialog.rejected.connect(self.problem.open)  # back to the choice it came from
        dialog.finished.connect(dialog.deleteLater)
        self.connection = dialog
        dialog.open()

    def use(self, url: str, saved_url: str) -> None:
        """Work on this database from now on (and, without a password, on later starts)."""
        from workstation.bootstrap import bootstrap

        self.connection = None
        self.store.setValue(SAVED_URL_KEY, saved_url)
        self.store.sync()
        old = self.ws  # its last task, the failed preparation, is over
        self.settings = replace(self.settings, db_url=url)
        self.ws = bootstrap(self.settings)
        old.dispose()
        self.start()


def run_gui(settings: Settings, argv: list[str] | None = None, *,
            use_saved_url: bool = False) -> int:  # fmt: skip
    """``use_saved_url``: neither --db nor $WORKSTATION_DB was given (the CLI knows)."""
    from ui.platform_check import problem

    reason = problem()
    if reason is not None:  # Qt would abort with a core dump and a misleading message
        print(f"错误：{reason}", file=sys.stderr)
        return 1
    qt_environment()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.operations import Operations

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("grid-dispatch-workstation")
    app.setOrganizationName("chenggong-grid")
    install_translations(app, settings.lang)
    apply_fonts(app)

    store = QSettings()  # after the names above: they say where it lives
    if use_saved_url:
        settings = saved_settings(settings, store)
    ops = Operations(app)
    startup = Startup(settings, ops, store, on_finished=app.exit)
    startup.start()
    try:
        return int(app.exec())
    finally:
        ops.wait_for_done(5000)
        startup.ws.dispose()
