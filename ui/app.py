"""GUI start-up: Qt application, translations, database preparation, login, main window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
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


def run_gui(settings: Settings, argv: list[str] | None = None) -> int:
    from ui.platform_check import problem

    reason = problem()
    if reason is not None:  # Qt would abort with a core dump and a misleading message
        print(f"错误：{reason}", file=sys.stderr)
        return 1
    qt_environment()
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

    from ui.operations import Operations
    from ui.session import Session
    from workstation.bootstrap import bootstrap

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("grid-dispatch-workstation")
    app.setOrganizationName("chenggong-grid")
    install_translations(app, settings.lang)
    apply_fonts(app)

    ws = bootstrap(settings)
    ops = Operations(app)

    class Progress(QObject):
        changed = Signal(str, int, int)

    bridge = Progress()
    dialog = QProgressDialog(app.translate("app", "正在准备数据库…"), None, 0, 100)
    dialog.setWindowTitle(app.translate("app", "网格化指挥调度工作站"))
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(420)
    dialog.setAutoClose(False)

    def on_progress(step: str, done: int, total: int) -> None:
        dialog.setLabelText(step)
        dialog.setValue(int(100 * done / total) if total else 100)

    bridge.changed.connect(on_progress)

    def show_login(_: object) -> None:
        dialog.close()
        # ws.reference was loaded on the worker by prepare_database.
        session = Session(ws, ops, demo=ws.reference.is_demo, parent=app)
        session.finished.connect(app.quit)
        session.start()

    def failed(message: str, exc: BaseException) -> None:
        dialog.close()
        QMessageBox.critical(None, app.translate("app", "无法打开数据库"), message)
        app.exit(1)

    def prepare() -> bool:
        built = prepare_database(ws, bridge.changed.emit)
        _ = ws.reference  # warm the reference data off the GUI thread
        return built

    ops.run(prepare, show_login, failed, description="prepare database")
    try:
        return int(app.exec())
    finally:
        ops.wait_for_done(5000)
        ws.dispose()
