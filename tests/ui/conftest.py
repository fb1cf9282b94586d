"""UI fixtures: a real SQLite world, a signed-in context, an isolated QSettings store."""

from __future__ import annotations

from datetime import datetime

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMainWindow

from ui.context import AppContext
from ui.operations import Operations
from ui.session import Session

from support.world import PASSWORD, make_world

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def ws(sqlite_url: str):
    ws = make_world(sqlite_url, NOW)
    yield ws
    ws.dispose()


@pytest.fixture
def ops(qapp):
    ops = Operations(qapp)  # parented: outlives the widgets that queue work on it
    yield ops
    assert ops.wait_for_done(10_000)


@pytest.fixture
def ctx_for(ws, ops):
    def make(username: str = "leader", demo: bool = True) -> AppContext:
        with ws.read_session() as session:
            from workstation.services.auth import find_account

            account = find_account(session, username)
        return AppContext(ws, ops, account, demo=demo)

    return make


@pytest.fixture
def host(qtbot):
    """A plain shown main window for panels and controllers tested on their own."""
    window = QMainWindow()
    window.resize(1200, 800)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def qsettings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def log_in(qtbot, ws, ops, qsettings):
    """The real start: the login dialog, credentials typed, Enter; the main window."""
    sessions = []

    def run(username: str):
        session = Session(ws, ops, demo=True, settings=qsettings)
        sessions.append(session)
        login = session.start(prefill=False)
        qtbot.waitUntil(login.isVisible)
        login.username.setText(username)
        login.password.setText(PASSWORD)
        with qtbot.waitSignal(session.window_opened, timeout=10_000) as opened:
            qtbot.keyClick(login.password, Qt.Key.Key_Return)
        window = opened.args[0]
        qtbot.waitExposed(window)
        return window

    yield run
    for session in sessions:
        window = session.window
        if window is not None and shiboken6.isValid(window):
            window._end(switch_user=False)
