"""What an empty queue says: which list is empty, and why (a stage with nothing in it, a
search or filters that match nothing, a drill-down without cases) — never a blank table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

from ui.models.queue_rows import Stage


class EmptyState(QLabel):
    """A centred line over the table's viewport, shown only while the table is empty."""

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.setObjectName("queueEmpty")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#queueEmpty { color: #607d8b; font-size: 11pt; }")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        viewport.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect().adjusted(24, 24, -24, -24))
        return False

    def update_for(self, rows: int, *, loading: bool, stage: Stage, search: str,
                   filtered: bool, drill_down: bool) -> None:  # fmt: skip
        if rows or loading:
            self.hide()
            return
        self.setText(self.describe(stage, search, filtered, drill_down))
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect().adjusted(24, 24, -24, -24))
        self.show()

    def describe(self, stage: Stage, search: str, filtered: bool, drill_down: bool) -> str:
        if drill_down:
            return self.tr("这一项没有案件（Esc 返回实时队列）")
        if search:
            return self.tr("没有符合“%1”的案件。这里只列在办案件和今日结案，全部历史案件请用"
                           "案件检索（Ctrl+Shift+F）").replace("%1", search)  # fmt: skip
        if filtered:
            return self.tr("当前筛选条件下没有案件（“清除筛选”显示全部）")
        empty = {
            Stage.PENDING_ACCEPT: self.tr("待受理：没有等待受理的上报"),
            Stage.VERIFYING: self.tr("待核实：没有正在核实的上报"),
            Stage.PENDING_FILE: self.tr("待立案：没有等待立案的案件"),
            Stage.PENDING_DISPATCH: self.tr("待派遣：没有等待派遣的案件"),
            Stage.HANDLING: self.tr("处置中：没有正在处置的案件"),
            Stage.PENDING_CHECK: self.tr("待核查：没有等待核查的案件"),
            Stage.SUSPENDED: self.tr("挂账：没有挂账的案件"),
            Stage.OVERDUE: self.tr("超期：没有超期的案件"),
            Stage.KEY: self.tr("重点：没有督办中的案件"),
            Stage.CLOSED_TODAY: self.tr("今日结案：今天还没有结案的案件"),
        }
        return empty.get(stage, self.tr("没有在办案件，也没有今日结案的案件"))
