"""Login dialog: account and password, checked in the background; demo accounts shown."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.operations import Operations
from workstation.bootstrap import Workstation
from workstation.domain.roles import Account, Role

DEMO_ACCOUNTS = (
    ("leader", QT_TRANSLATE_NOOP("LoginDialog", "值班长")),
    ("dispatcher", QT_TRANSLATE_NOOP("LoginDialog", "派遣员")),
    ("acceptor", QT_TRANSLATE_NOOP("LoginDialog", "受理员")),
    ("admin", QT_TRANSLATE_NOOP("LoginDialog", "管理员")),
    ("cgj", QT_TRANSLATE_NOOP("LoginDialog", "处置单位：呈贡区城市管理局")),
)


class LoginDialog(QDialog):
    logged_in = Signal(object)  # Account

    def __init__(self, ws: Workstation, ops: Operations, *, demo_password: str | None = None,
                 prefill: bool = True, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._ws = ws
        self._ops = ops
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("登录 — 网格化指挥调度工作站"))
        self.setMinimumWidth(420)

        self.username = QLineEdit(self)
        self.username.setObjectName("loginUser")
        self.password = QLineEdit(self)
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("账号"), self.username)
        form.addRow(self.tr("密码"), self.password)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        if demo_password is not None:
            banner = QLabel(self.tr("演示模式：以下为演示账号，密码均为 %1（双击填入）")
                            .replace("%1", demo_password), self)  # fmt: skip
            banner.setObjectName("demoBanner")
            banner.setWordWrap(True)
            banner.setStyleSheet("QLabel { background: #fff3e0; color: #e65100; padding: 6px; }")
            layout.addWidget(banner)
            self.demo_list = QListWidget(self)
            self.demo_list.setObjectName("demoAccounts")
            for username, label in DEMO_ACCOUNTS:
                item = QListWidgetItem(f"{username}　{self.tr(label)}", self.demo_list)
                item.setData(Qt.ItemDataRole.UserRole, username)
            self.demo_list.setMaximumHeight(110)
            self.demo_list.itemDoubleClicked.connect(
                lambda item: self._fill(item.data(Qt.ItemDataRole.UserRole), demo_password)
            )
            layout.addWidget(self.demo_list)
            if prefill:
                self._fill("leader", demo_password)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if not self.username.text():
            self.username.setFocus()

    def _fill(self, username: str, password: str) -> None:
        self.username.setText(username)
        self.password.setText(password)
        self.password.setFocus()

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.setText(self.tr("请输入账号和密码"))
            return
        self.buttons.setEnabled(False)
        self.error.setText(self.tr("正在登录…"))
        ws = self._ws
        self._ops.run(lambda: ws.login(username, password), self._ok, self._failed,
                      description="login")  # fmt: skip

    def _ok(self, account: Account) -> None:
        if account.role is Role.SUPERVISOR:
            self._failed(self.tr("监督员请使用移动端，桌面工作站不提供监督员账号登录"), None)
            return
        self.buttons.setEnabled(True)
        self.logged_in.emit(account)
        self.accept()

    def _failed(self, message: str, exc: BaseException | None) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(message)
        self.password.selectAll()
        self.password.setFocus()
