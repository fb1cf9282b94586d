"""Which database to work on: the embedded SQLite file or a shared PostgreSQL server, with a
connection test that runs in the background.

The password is never stored: left empty, libpq finds it as it always does (~/.pgpass,
$PGPASSWORD); typed here, it lives in this process's memory for this run only — `url()`
carries it, `saved_url()` (what the caller may keep) does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text
from sqlalchemy.engine import URL, make_url

from ui.labels import error_text
from ui.operations import Operations
from workstation.persistence import migrate
from workstation.persistence.database import (
    create_db_engine,
    default_sqlite_path,
    is_sqlite,
    resolve_url,
)
from workstation.persistence.problems import SchemaTooNew, database_problem

DEFAULT_PORT = 5432
OK_STYLE = "color: #2e7d32"
PROBLEM_STYLE = "color: #c62828"


@dataclass(frozen=True, slots=True)
class Probe:
    state: str  # current, behind, too_new, empty or new_file (nothing was opened)
    version: str = ""  # the server's, or SQLite's
    detail: str = ""  # too_new: the sentence saying so


def probe(url: str, connect_timeout: float) -> Probe:
    """Connect, SELECT 1, read the schema revision. On a worker: it may wait for the server
    up to ``connect_timeout`` seconds."""
    if is_sqlite(url):
        database = make_url(url).database or ""
        # Connecting would create the file (and its folder): a test must not leave one.
        if database and database != ":memory:" and not Path(database).exists():
            return Probe("new_file")
    engine = create_db_engine(url, connect_timeout=connect_timeout)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        version = ".".join(str(p) for p in engine.dialect.server_version_info or ())
        try:
            migrate.refuse_newer(engine)
        except SchemaTooNew as exc:
            return Probe("too_new", version, str(exc))
        current = migrate.current_revision(engine)
        if current is None:
            return Probe("empty", version)
        return Probe("current" if current == migrate.head_revision(engine) else "behind", version)
    finally:
        engine.dispose()


class ConnectionDialog(QDialog):
    def __init__(self, url: str, ops: Operations, *, connect_timeout: float = 5.0,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._ops = ops
        self._connect_timeout = connect_timeout
        self._generation = 0  # bumped by every edit: a late test result for old fields is stale
        self.testing = False
        self.setObjectName("connectionDialog")
        self.setWindowTitle(self.tr("连接设置 — 网格化指挥调度工作站"))
        self.setMinimumWidth(500)

        self.embedded = QRadioButton(self.tr("内置数据库（SQLite 文件）(&L)"), self)
        self.embedded.setObjectName("connEmbedded")
        self.shared = QRadioButton(self.tr("共享数据库（PostgreSQL）(&G)"), self)
        self.shared.setObjectName("connShared")
        choice = QButtonGroup(self)
        choice.addButton(self.embedded)
        choice.addButton(self.shared)

        self.path = self._line("connPath")
        self.browse = QPushButton(self.tr("浏览(&B)…"), self)
        self.browse.setObjectName("connBrowse")
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        self.file_box = QWidget(self)
        file_form = QFormLayout(self.file_box)
        file_form.addRow(self.tr("文件"), file_row)

        self.host = self._line("connHost")
        self.port = self._line("connPort", str(DEFAULT_PORT))
        self.port.setMaximumWidth(90)
        self.database = self._line("connDatabase")
        self.user = self._line("connUser")
        self.password = self._line("connPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("可留空"))
        note = QLabel(self.tr("密码留空则使用 ~/.pgpass 或环境变量 PGPASSWORD；"
                              "在此填写的密码仅用于本次运行，不会保存"), self)  # fmt: skip
        note.setObjectName("connPasswordNote")
        note.setWordWrap(True)
        note.setStyleSheet("color: #616161")
        self.server_box = QWidget(self)
        server_form = QFormLayout(self.server_box)
        server_form.addRow(self.tr("服务器"), self.host)
        server_form.addRow(self.tr("端口"), self.port)
        server_form.addRow(self.tr("数据库"), self.database)
        server_form.addRow(self.tr("用户"), self.user)
        server_form.addRow(self.tr("密码"), self.password)
        server_form.addRow("", note)

        self.test = QPushButton(self.tr("测试连接(&T)"), self)
        self.test.setObjectName("connTest")
        self.test.setAutoDefault(False)  # Enter is 确定, wherever the focus is
        self.test.clicked.connect(self.run_test)
        self.status = QLabel(self)
        self.status.setObjectName("connStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Room for two lines from the start: a wrapped answer must not squeeze the form.
        self.status.setMinimumHeight(2 * self.status.fontMetrics().lineSpacing() + 4)
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.embedded)
        layout.addWidget(self.file_box)
        layout.addWidget(self.shared)
        layout.addWidget(self.server_box)
        layout.addWidget(self.test, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self._fill(url)
        self.embedded.toggled.connect(self._kind_changed)
        for field in (self.path, self.host, self.port, self.database, self.user, self.password):
            field.textChanged.connect(self._edited)
        self._kind_changed()

    def _line(self, name: str, text: str = "") -> QLineEdit:
        field = QLineEdit(text, self)
        field.setObjectName(name)
        return field

    # ----------------------------------------------------------------- the address

    def _fill(self, url: str) -> None:
        try:
            parsed = make_url(resolve_url(url)) if url else None
        except Exception:  # an unreadable saved address: start from the defaults
            parsed = None
        if parsed is not None and parsed.get_backend_name() != "sqlite":
            self.shared.setChecked(True)
            self.host.setText(parsed.host or "")
            self.port.setText(str(parsed.port or DEFAULT_PORT))
            self.database.setText(parsed.database or "")
            self.user.setText(parsed.username or "")
            self.password.setText(parsed.password or "")  # typed earlier in this run, if at all
            self.path.setText(str(default_sqlite_path()))
        else:
            self.embedded.setChecked(True)
            database = parsed.database if parsed is not None else None
            self.path.setText(database or str(default_sqlite_path()))

    def problem(self) -> str | None:
        """What is missing or wrong in the fields, in a sentence; None when complete."""
        if self.embedded.isChecked():
            return None if self.path.text().strip() else self.tr("请填写数据库文件的位置")
        required = ((self.host, self.tr("服务器")), (self.port, self.tr("端口")),
                    (self.database, self.tr("数据库")), (self.user, self.tr("用户")))  # fmt: skip
        for field, name in required:
            if not field.text().strip():
                return self.tr("请填写%1").replace("%1", name)
        port = self.port.text().strip()
        if not port.isdigit() or not 1 <= int(port) <= 65535:
            return self.tr("端口应为 1 到 65535 之间的整数")
        return None

    def _address(self, *, with_password: bool) -> str:
        if self.embedded.isChecked():
            return resolve_url(self.path.text().strip())
        password = self.password.text() if with_password else ""
        return URL.create(
            "postgresql+psycopg",
            username=self.user.text().strip(),
            password=password or None,
            host=self.host.text().strip(),
            port=int(self.port.text().strip()),
            database=self.database.text().strip(),
        ).render_as_string(hide_password=False)

    def url(self) -> str:
        """The address to connect with (the typed password included, in memory only)."""
        return self._address(with_password=True)

    def saved_url(self) -> str:
        """The address to keep between runs: never a password."""
        return self._address(with_password=False)

    # ----------------------------------------------------------------- the test

    def run_test(self) -> None:
        if self.testing:
            return
        problem = self.problem()
        if problem is not None:
            self._show(problem, ok=False)
            return
        url, timeout, generation = self.url(), self._connect_timeout, self._generation
        self.testing = True
        self.test.setEnabled(False)
        self._show(self.tr("正在连接…"), ok=None)
        self._ops.run(lambda: probe(url, timeout),
                      lambda result: self._tested(generation, result),
                      lambda message, exc: self._test_failed(generation, message, exc),
                      description="test connection", owner=self)  # fmt: skip

    def _tested(self, generation: int, result: Probe) -> None:
        if not self._test_done(generation):
            return
        if result.state == "too_new":
            self._show(error_text(result.detail), ok=False)
            return
        texts = {
            "current": self.tr("连接成功（%1）：数据库结构为最新"),
            "behind": self.tr("连接成功（%1）：数据库结构较旧，启动时将自动升级"),
            "empty": self.tr("连接成功（%1）：数据库为空，启动时将建立表结构并写入演示数据"),
            "new_file": self.tr("文件尚不存在：启动时将新建数据库并写入演示数据"),
        }
        server = f"{'SQLite' if self.embedded.isChecked() else 'PostgreSQL'} {result.version}"
        self._show(texts[result.state].replace("%1", server.strip()), ok=True)

    def _test_failed(self, generation: int, message: str, exc: BaseException) -> None:
        if self._test_done(generation):
            self._show(error_text(database_problem(exc) or message), ok=False)

    def _test_done(self, generation: int) -> bool:
        """Ready for the next test; whether this answer is still about the fields shown."""
        self.testing = False
        self.test.setEnabled(True)
        if generation != self._generation:  # the fields changed meanwhile: not their answer
            self.status.setText("")
            return False
        return True

    def _show(self, text: str, *, ok: bool | None) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("" if ok is None else OK_STYLE if ok else PROBLEM_STYLE)
        # A longer answer than the room kept for it grows the dialog rather than clip it.
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else 0
        if needed > self.height():
            self.resize(self.width(), needed)

    # ----------------------------------------------------------------- the form

    def _kind_changed(self) -> None:
        embedded = self.embedded.isChecked()
        self.file_box.setEnabled(embedded)
        self.server_box.setEnabled(not embedded)
        (self.path if embedded else self.host).setFocus()
        self._edited()

    def _edited(self) -> None:
        self._generation += 1
        if not self.testing:
            self.status.setText("")

    def _browse(self) -> None:
        # A new file is allowed: the workstation creates it and builds the demo in it.
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("选择数据库文件"), self.path.text(),
            self.tr("SQLite 数据库 (*.sqlite *.db);;所有文件 (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )  # fmt: skip
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            self._show(problem, ok=False)
            return
        super().accept()
