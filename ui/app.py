"""GUI start-up: Qt application, translations, database preparation, the main window."""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from workstation.settings import Settings

log = logging.getLogger("ui")


def _qt_environment() -> None:
    # Every library that looks for a Qt binding must pick PySide6.
    os.environ.setdefault("QT_API", "pyside6")
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")


def install_translations(app: Any, lang: str) -> list[Any]:
    """Qt's own strings (dialog buttons…) in the chosen language; ours are Chinese at source."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    if lang == "en":
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    else:
        locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    QLocale.setDefault(locale)
    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase",):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", qt_dir):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def prepare_database(ws: Any, progress: Any) -> bool:
    """Migrate; on an empty embedded database build the demo data. True when it did."""
    ws.upgrade()
    if ws.has_grid():
        return False
    from workstation.adapters.demo import DemoOptions, build_demo

    build_demo(ws, DemoOptions(), progress=progress)
    return True


def run_gui(settings: Settings, argv: list[str] | None = None) -> int:
    _qt_environment()
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

    from ui.main_window import MainWindow
    from ui.operations import Operations
    from workstation.bootstrap import bootstrap

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("grid-dispatch-workstation")
    app.setOrganizationName("chenggong-grid")
    install_translations(app, settings.lang)

    ws = bootstrap(settings)
    ops = Operations(app)

    class Progress(QObject):
        changed = Signal(str, int, int)

    bridge = Progress()
    dialog = QProgressDialog(app.translate("app", "正在准备数据库…"), None, 0, 100)
    dialog.setWindowTitle(app.translate("app", "网格化指挥调度工作站"))
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(420)

    def on_progress(step: str, done: int, total: int) -> None:
        dialog.setLabelText(step)
        dialog.setValue(int(100 * done / total) if total else 100)

    bridge.changed.connect(on_progress)
    windows: list[MainWindow] = []

    def ready(_: object) -> None:
        dialog.close()
        window = MainWindow(ws, ops, demo=ws.reference.is_demo)
        window.resize(1500, 900)
        window.show()
        window.start()
        windows.append(window)

    def failed(message: str, exc: BaseException) -> None:
        dialog.close()
        QMessageBox.critical(None, app.translate("app", "无法打开数据库"), message)
        app.exit(1)

    ops.run(lambda: prepare_database(ws, bridge.changed.emit), ready, failed,
            description="prepare database")  # fmt: skip
    try:
        return int(app.exec())
    finally:
        ops.wait_for_done(5000)
        ws.dispose()
