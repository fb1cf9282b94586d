"""The database could not be opened at start-up: say why, and offer to try again, to change
the connection, or to quit — a server that is down for a minute must not end the program."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)


class StartupProblemDialog(QDialog):
    """Non-modal towards the caller: it answers with a signal, it never runs an event loop
    of its own. Esc and the window's close button mean 退出 (``rejected``)."""

    retry_requested = Signal()
    settings_requested = Signal()

    def __init__(self, message: str, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startupProblem")
        self.setWindowTitle(self.tr("无法打开数据库 — 网格化指挥调度工作站"))
        self.setMinimumWidth(480)

        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning, None, self).pixmap(size, size))  # fmt: skip
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = QLabel(message, self)
        self.message.setObjectName("startupMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where = QLabel(self.tr("数据库：%1").replace("%1", where), self)
        self.where.setObjectName("startupWhere")
        self.where.setWordWrap(True)
        self.where.setStyleSheet("color: #616161")
        text = QVBoxLayout()
        text.addWidget(self.message)
        text.addWidget(self.where)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)

        self.buttons = QDialogButtonBox(self)
        self.retry = self._button(self.tr("重试(&R)"), "startupRetry",
                                  QDialogButtonBox.ButtonRole.AcceptRole)  # fmt: skip
        self.settings = self._button(self.tr("连接设置(&S)…"), "startupSettings",
                                     QDialogButtonBox.ButtonRole.ActionRole)  # fmt: skip
        self.quit = self._button(self.tr("退出"), "startupQuit",
                                 QDialogButtonBox.ButtonRole.RejectRole)  # fmt: skip
        self.retry.setDefault(True)
        self.retry.clicked.connect(self._retry)
        self.settings.clicked.connect(self._settings)
        self.quit.clicked.connect(self.reject)
        # Alt+R / Alt+S come from the mnemonics; plain R and S too, as nothing here is typed.
        QShortcut(QKeySequence(Qt.Key.Key_R), self, self._retry)
        QShortcut(QKeySequence(Qt.Key.Key_S), self, self._settings)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _button(self, text: str, name: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = self.buttons.addButton(text, role)
        button.setObjectName(name)
        return button

    def show_problem(self, message: str, where: str) -> None:
        """The next failure, in the same dialog."""
        self.message.setText(message)
        self.where.setText(self.tr("数据库：%1").replace("%1", where))

    def _retry(self) -> None:
        self.hide()
        self.retry_requested.emit()

    def _settings(self) -> None:
        self.hide()
        self.settings_requested.emit()
