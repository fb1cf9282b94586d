"""The banner across the top of the window while the database cannot be reached: what is
wrong, since when the views have not changed, and that the console is reconnecting; when
the feed answers again, a short note that the changes made meanwhile are in.

Text and an icon, not colour alone, say it (a red band that someone cannot tell apart
still reads "数据库连接中断").
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

_LOST = "QFrame#outageBanner { background: #c62828; } QLabel { color: white; }"
_BACK = "QFrame#outageBanner { background: #2e7d32; } QLabel { color: white; }"


class OutageBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outageBanner")
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.text.setObjectName("outageText")
        self.text.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        self._hide_later = QTimer(self)
        self._hide_later.setSingleShot(True)
        self._hide_later.timeout.connect(self.hide)
        self.hide()

    def show_lost(self, cause: str, last_good: datetime | None) -> None:
        self._hide_later.stop()
        if last_good is None:
            head = self.tr("数据库连接中断，正在重连…")
        else:
            head = self.tr("数据库连接中断，正在重连…（显示的是 %1 的数据，可能已过期）") \
                .replace("%1", last_good.strftime("%H:%M:%S"))  # fmt: skip
        tail = self.tr("期间无法保存操作；恢复后自动补齐其他席位的变化。")
        self.text.setText(f"{head}\n{tail}  {cause}".rstrip())
        self._icon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.setStyleSheet(_LOST)
        self.show()

    def show_restored(self) -> None:
        if not self.isVisible():
            return
        self.text.setText(self.tr("数据库连接已恢复，中断期间的变化已补齐"))
        self._icon(QStyle.StandardPixmap.SP_DialogApplyButton)
        self.setStyleSheet(_BACK)
        self._hide_later.start(4000)

    @property
    def lost(self) -> bool:
        return self.isVisible() and not self._hide_later.isActive()

    def _icon(self, which: QStyle.StandardPixmap) -> None:
        self.icon.setPixmap(self.style().standardIcon(which).pixmap(20, 20))
