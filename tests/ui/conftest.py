"""UI fixtures: a real SQLite world, a signed-in context, an isolated QSettings store."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QSettings

from ui.context import AppContext
from ui.operations import Operations

from support.world import make_world

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
def qsettings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
