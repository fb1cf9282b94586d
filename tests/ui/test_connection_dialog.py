"""Connecting from the GUI (issue 10 §3): the connection dialog tests a real SQLite file and a
real PostgreSQL server in the background, says in Chinese what it found or why it failed,
refuses what cannot be right, and never keeps a password; at start-up a database that
cannot be opened offers 重试 / 连接设置… / 退出 instead of ending the program."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ui.app import SAVED_URL_KEY, Startup, saved_settings
from ui.dialogs.connection import ConnectionDialog
from workstation.settings import Settings

PASSWORD_TYPED = "s3cret-pw"


@pytest.fixture
def dialog_for(qtbot, ops):
    def make(url: str, connect_timeout: float = 5.0) -> ConnectionDialog:
        dialog = ConnectionDialog(url, ops, connect_timeout=connect_timeout)
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def _fill_server(dialog: ConnectionDialog, url: str, password: str = "") -> None:
    parsed = make_url(url)
    dialog.shared.setChecked(True)
    dialog.host.setText(parsed.host or "")
    dialog.port.setText(str(parsed.port or 5432))
    dialog.database.setText(parsed.database or "")
    dialog.user.setText(parsed.username or "")
    dialog.password.setText(password)


def _activate(qtbot, window) -> None:
    # Shortcuts and mnemonics reach the active window only; offscreen, nothing activates
    # a window by itself.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _tested(qtbot, dialog: ConnectionDialog, timeout: int = 15_000) -> str:
    qtbot.mouseClick(dialog.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.testing, timeout=timeout)
    return dialog.status.text()


# ----------------------------------------------------------------- the dialog


def test_a_real_sqlite_file_is_tested_in_the_background(qtbot, dialog_for, ws) -> None:
    dialog = dialog_for(ws.settings.db_url)
    assert dialog.embedded.isChecked()
    assert dialog.path.text() == make_url(ws.settings.db_url).database
    dialog.test.click()
    assert dialog.status.text() == "正在连接…"  # said at once; the answer comes later
    assert not dialog.test.isEnabled()
    qtbot.waitUntil(lambda: not dialog.testing, timeout=10_000)
    assert dialog.status.text().startswith("连接成功（SQLite 3.")
    assert dialog.status.text().endswith("数据库结构为最新")
    assert dialog.test.isEnabled()
    assert dialog.url() == dialog.saved_url() == ws.settings.db_url


def test_a_file_that_is_not_there_is_not_created_by_the_test(qtbot, dialog_for, tmp_path) -> None:
    target = tmp_path / "new" / "workstation.sqlite"
    dialog = dialog_for(f"sqlite:///{target}")
    assert _tested(qtbot, dialog) == "文件尚不存在：启动时将新建数据库并写入演示数据"
    assert not target.parent.exists()


def test_a_file_that_is_not_a_database_says_so(qtbot, dialog_for, tmp_path) -> None:
    junk = tmp_path / "notes.sqlite"
    junk.write_bytes(b"not a database at all " * 100)
    dialog = dialog_for(str(junk))  # a bare path is read as the SQLite file
    assert "file is not a database" in _tested(qtbot, dialog)
    assert dialog.status.text().startswith("数据库错误")


@pytest.mark.postgres
def test_a_real_postgresql_server_is_tested(qtbot, dialog_for, postgres_url) -> None:
    dialog = dialog_for("")
    _fill_server(dialog, postgres_url)
    assert dialog.url() == postgres_url  # no password typed: libpq finds its own
    assert _tested(qtbot, dialog).startswith("连接成功（PostgreSQL ")
    assert dialog.status.text().endswith("数据库为空，启动时将建立表结构并写入演示数据")

    # A newer workstation's schema: refused before anything reads it.
    engine = create_engine(postgres_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)"))
        conn.execute(text("INSERT INTO alembic_version VALUES ('9999_from_the_future')"))
    engine.dispose()
    assert "比本程序新" in _tested(qtbot, dialog)
    assert "9999_from_the_future" in dialog.status.text()


def test_a_port_where_nothing_listens_fails_in_chinese(qtbot, dialog_for, refused_port) -> None:
    dialog = dialog_for(f"postgresql+psycopg://dispatch@127.0.0.1:{refused_port}/grid")
    assert dialog.shared.isChecked()
    assert dialog.port.text() == str(refused_port)
    assert _tested(qtbot, dialog).startswith("无法连接数据库（")
    assert dialog.test.isEnabled()


def test_a_server_that_never_answers_does_not_block_the_window(
        qtbot, dialog_for, silent_server) -> None:  # fmt: skip
    dialog = dialog_for(f"postgresql+psycopg://dispatch@127.0.0.1:{silent_server}/grid",
                        connect_timeout=1)  # fmt: skip
    ticks: list[float] = []
    timer = QTimer(dialog)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    started = time.monotonic()
    qtbot.mouseClick(dialog.test, Qt.MouseButton.LeftButton)
    assert time.monotonic() - started < 0.5  # the click returned: the wait is elsewhere
    assert dialog.status.text() == "正在连接…"
    qtbot.waitUntil(lambda: dialog.status.text().startswith("无法连接数据库：服务器没有在限定"),
                    timeout=20_000)  # fmt: skip
    timer.stop()
    # The event loop kept turning all along: the window repainted, keys were heard.
    assert len(ticks) >= 10
    assert max(b - a for a, b in zip(ticks, ticks[1:], strict=False)) < 0.5


@pytest.mark.parametrize(("port", "message"), [
    ("70000", "端口应为 1 到 65535 之间的整数"),
    ("0", "端口应为 1 到 65535 之间的整数"),
    ("54x", "端口应为 1 到 65535 之间的整数"),
    ("", "请填写端口"),
])  # fmt: skip
def test_an_invalid_port_is_refused_in_the_dialog(qtbot, dialog_for, ops, port, message) -> None:
    dialog = dialog_for("postgresql+psycopg://dispatch@db.example:5432/grid")
    dialog.port.setText(port)
    dialog.test.click()
    assert dialog.status.text() == message
    assert ops.running == 0  # nothing was tried
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.status.text() == message


def test_required_fields_are_asked_for(qtbot, dialog_for) -> None:
    dialog = dialog_for("postgresql+psycopg://dispatch@db.example:5432/grid")
    dialog.database.setText("")
    qtbot.keyClick(dialog.host, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.status.text() == "请填写数据库"
    dialog.embedded.setChecked(True)
    dialog.path.setText("  ")
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.status.text() == "请填写数据库文件的位置"


def test_the_password_is_used_but_never_in_the_saved_address(qtbot, dialog_for) -> None:
    dialog = dialog_for("")
    _fill_server(dialog, "postgresql+psycopg://dispatch@db.example:6432/grid", PASSWORD_TYPED)
    assert make_url(dialog.url()).password == PASSWORD_TYPED
    assert dialog.saved_url() == "postgresql+psycopg://dispatch@db.example:6432/grid"
    assert PASSWORD_TYPED not in dialog.saved_url()


def test_keyboard_enter_accepts_esc_cancels_alt_t_tests(qtbot, dialog_for, ws) -> None:
    dialog = dialog_for(ws.settings.db_url)
    _activate(qtbot, dialog)
    qtbot.keyClick(dialog.path, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("连接成功"), timeout=10_000)
    with qtbot.waitSignal(dialog.accepted, timeout=2_000):
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return)

    other = dialog_for(ws.settings.db_url)
    with qtbot.waitSignal(other.rejected, timeout=2_000):
        qtbot.keyClick(other.path, Qt.Key.Key_Escape)


# ----------------------------------------------------------------- at start-up


@pytest.fixture
def start(qtbot, ops, qsettings):
    """The start-up run_gui makes: prepare the database, then the login or the problem."""
    made: list[Startup] = []

    def run(url: str) -> tuple[Startup, list[int]]:
        codes: list[int] = []
        startup = Startup(Settings(db_url=url, connect_timeout=2), ops, qsettings,
                          on_finished=codes.append)  # fmt: skip
        made.append(startup)
        startup.start()
        return startup, codes

    yield run
    assert ops.wait_for_done(20_000)
    for startup in made:
        login = startup.session.login if startup.session is not None else None
        for widget in (startup.progress, startup.problem, startup.connection, login):
            if widget is not None and shiboken6.isValid(widget):
                widget.close()
                widget.deleteLater()
        startup.ws.dispose()


def _problem_shown(qtbot, startup: Startup) -> str:
    qtbot.waitUntil(lambda: startup.problem is not None and startup.problem.isVisible(),
                    timeout=20_000)  # fmt: skip
    assert not startup.progress.isVisible()
    _activate(qtbot, startup.problem)
    return startup.problem.message.text()


def _click(dialog, name: str) -> None:
    dialog.findChild(QPushButton, name).click()


def test_a_newer_schema_at_startup_then_retry(qtbot, start, ws) -> None:
    """重试: the same database again, with the progress dialog, and the login follows."""
    with ws.write_session() as session:
        real = session.scalar(text("SELECT version_num FROM alembic_version"))
        session.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    startup, codes = start(ws.settings.db_url)
    assert "比本程序新" in _problem_shown(qtbot, startup)
    assert startup.problem.where.text() == f"数据库：{make_url(ws.settings.db_url).database}"

    with ws.write_session() as session:  # the administrator put the right version back
        session.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": real})
    qtbot.keyClick(startup.problem, Qt.Key.Key_R)
    assert not startup.problem.isVisible()
    qtbot.waitUntil(lambda: startup.session is not None and startup.session.login.isVisible(),
                    timeout=20_000)  # fmt: skip
    assert not startup.progress.isVisible()
    assert codes == []  # still running


def test_a_server_that_is_down_then_connection_settings(
        qtbot, start, ws, qsettings, refused_port) -> None:  # fmt: skip
    """连接设置…: another database chosen, saved without a password, prepared, login."""
    default = Settings(db_url="sqlite:///elsewhere.sqlite")
    assert saved_settings(default, qsettings) is default  # nothing saved: the file as before
    down = f"postgresql+psycopg://dispatch@127.0.0.1:{refused_port}/grid"
    startup, codes = start(down)
    assert _problem_shown(qtbot, startup).startswith("无法连接数据库（")
    first_ws = startup.ws

    _click(startup.problem, "startupSettings")
    dialog = startup.connection
    qtbot.waitUntil(dialog.isVisible)
    assert not startup.problem.isVisible()
    assert dialog.shared.isChecked()
    assert dialog.port.text() == str(refused_port)
    dialog.embedded.setChecked(True)
    dialog.path.setText(make_url(ws.settings.db_url).database)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    qtbot.waitUntil(lambda: startup.session is not None and startup.session.login.isVisible(),
                    timeout=20_000)  # fmt: skip
    assert startup.ws is not first_ws
    assert startup.settings.db_url == ws.settings.db_url
    assert qsettings.value(SAVED_URL_KEY) == ws.settings.db_url
    # The next start without --db or $WORKSTATION_DB opens it.
    assert saved_settings(default, qsettings).db_url == ws.settings.db_url
    assert codes == []


def test_a_typed_password_never_reaches_the_settings_file(
        qtbot, start, qsettings, refused_port, silent_server) -> None:  # fmt: skip
    startup, codes = start(f"postgresql+psycopg://dispatch@127.0.0.1:{refused_port}/grid")
    _problem_shown(qtbot, startup)
    _click(startup.problem, "startupSettings")
    dialog = startup.connection
    qtbot.waitUntil(dialog.isVisible)
    saved = f"postgresql+psycopg://dispatch@127.0.0.1:{silent_server}/grid"
    _fill_server(dialog, saved, PASSWORD_TYPED)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    assert _problem_shown(qtbot, startup).startswith("无法连接数据库：服务器没有在限定时间内应答")
    assert PASSWORD_TYPED not in startup.problem.where.text()
    assert make_url(startup.settings.db_url).password == PASSWORD_TYPED  # this run, in memory
    assert qsettings.value(SAVED_URL_KEY) == saved
    qsettings.sync()
    stored = Path(qsettings.fileName()).read_text(encoding="utf-8")
    assert PASSWORD_TYPED not in stored
    assert all(PASSWORD_TYPED not in str(qsettings.value(k)) for k in qsettings.allKeys())
    assert codes == []


def test_cancelled_settings_come_back_and_esc_quits(qtbot, start, qsettings, refused_port) -> None:
    startup, codes = start(f"postgresql+psycopg://dispatch@127.0.0.1:{refused_port}/grid")
    _problem_shown(qtbot, startup)
    qtbot.keyClick(startup.problem, Qt.Key.Key_S)
    dialog = startup.connection
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog.host, Qt.Key.Key_Escape)
    qtbot.waitUntil(startup.problem.isVisible)
    assert qsettings.value(SAVED_URL_KEY) is None  # nothing chosen, nothing saved
    qtbot.keyClick(startup.problem, Qt.Key.Key_Escape)
    assert codes == [1]


def test_the_main_window_chooses_the_database_for_the_next_start(
        qtbot, log_in, qsettings, tmp_path) -> None:  # fmt: skip
    window = log_in("leader")
    window.connection_action.trigger()
    dialog = window.findChild(ConnectionDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.embedded.isChecked()  # the database this session works on
    other = tmp_path / "other.sqlite"
    dialog.path.setText(str(other))
    dialog.accept()
    assert qsettings.value(SAVED_URL_KEY) == dialog.saved_url()
    assert str(other) in qsettings.value(SAVED_URL_KEY)
    assert "下次启动时连接" in window.statusBar().currentMessage()
