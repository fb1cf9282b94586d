"""The banner above the queue while it shows a drill-down instead of the live queue."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class DrillChip(QFrame):
    """Names the drill-down ("统计：呈贡区城市管理局 · 应处置数 · 2026-11") with a × that
    returns to the live queue (Esc in the queue does the same)."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillChip")
        self.setStyleSheet(
            "QFrame#drillChip { background: #e3f2fd; border: 1px solid #64b5f6;"
            " border-radius: 4px; } QLabel { color: #0d47a1; }"
        )
        self.label = QLabel(self)
        self.label.setObjectName("drillChipLabel")
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("drillChipClose")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("返回实时案件队列（Esc）"))
        self.close_button.setAccessibleName(self.tr("关闭统计钻取"))
        self.close_button.clicked.connect(self.closed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 2, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self.setVisible(False)

    def show_title(self, title: str, count: int) -> None:
        self.label.setText(
            self.tr("%1（%2 件）").replace("%1", title).replace("%2", f"{count:,}")
        )
        self.setVisible(True)
