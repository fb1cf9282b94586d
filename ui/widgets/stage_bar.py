"""The queue's stage bar: one segment per stage (待受理 … 全部) with a live count."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QSizePolicy, QToolButton, QWidget

from ui.models.queue_rows import STAGE_ORDER, Stage

_STYLE = """
QToolButton#stageButton {
    border: 1px solid #b0bec5; border-left: none; padding: 3px 7px;
    background: #eceff1; color: #263238;
}
QToolButton#stageButton[first="true"] { border-left: 1px solid #b0bec5; }
QToolButton#stageButton:checked { background: #1565c0; color: white; border-color: #1565c0; }
QToolButton#stageButton[alert="true"] { color: #c62828; font-weight: bold; }
QToolButton#stageButton[alert="true"]:checked { color: white; background: #c62828; }
"""


class StageBar(QWidget):
    """Exclusive segments; `stage_changed(int)` carries the `Stage` value picked."""

    stage_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stageBar")
        self.setStyleSheet(_STYLE)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[Stage, QToolButton] = {}
        self._counts: dict[Stage, int] = dict.fromkeys(STAGE_ORDER, 0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        labels, tips = self._labels(), self._tips()
        for i, stage in enumerate(STAGE_ORDER):
            button = QToolButton(self)
            button.setObjectName("stageButton")
            button.setProperty("first", i == 0)
            button.setProperty("stage", stage.value)
            button.setCheckable(True)
            button.setAutoRaise(False)
            # The table keeps the keyboard; the bar is for the mouse (and the wall).
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.setToolTip(tips[stage])
            self._group.addButton(button, stage.value)
            self._buttons[stage] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self._labels_text = labels
        self._buttons[Stage.ALL].setChecked(True)
        self._group.idClicked.connect(self.stage_changed)
        self._refresh()

    def _labels(self) -> dict[Stage, str]:
        return {
            Stage.PENDING_ACCEPT: self.tr("待受理"),
            Stage.VERIFYING: self.tr("待核实"),
            Stage.PENDING_FILE: self.tr("待立案"),
            Stage.PENDING_DISPATCH: self.tr("待派遣"),
            Stage.HANDLING: self.tr("处置中"),
            Stage.PENDING_CHECK: self.tr("待核查"),
            Stage.SUSPENDED: self.tr("挂账"),
            Stage.OVERDUE: self.tr("超期"),
            Stage.KEY: self.tr("重点"),
            Stage.CLOSED_TODAY: self.tr("今日结案"),
            Stage.ALL: self.tr("全部"),
        }

    def _tips(self) -> dict[Stage, str]:
        return {
            Stage.PENDING_ACCEPT: self.tr("热线、来访、上级平台的上报，尚未派发核实"),
            Stage.VERIFYING: self.tr("已派监督员现场核实"),
            Stage.PENDING_FILE: self.tr("监督员上报、已核实的上报、待批准的先行处置"),
            Stage.PENDING_DISPATCH: self.tr("已立案，待派遣处置单位"),
            Stage.HANDLING: self.tr("已派遣，处置单位处置中"),
            Stage.PENDING_CHECK: self.tr("处置单位已反馈，待监督员核查"),
            Stage.SUSPENDED: self.tr("已批准挂账，处置时限暂停"),
            Stage.OVERDUE: self.tr("在办且当前环节已超过时限"),
            Stage.KEY: self.tr("督办中的在办案件"),
            Stage.CLOSED_TODAY: self.tr("今天结案的案件"),
            Stage.ALL: self.tr("全部在办案件和今日结案"),
        }

    def stage(self) -> Stage:
        return Stage(self._group.checkedId())

    def set_stage(self, stage: Stage) -> None:
        """Select a segment (emits `stage_changed` when it changes)."""
        if stage is not self.stage():
            self._buttons[stage].setChecked(True)
            self.stage_changed.emit(stage.value)

    def counts(self) -> dict[Stage, int]:
        return dict(self._counts)

    def set_counts(self, counts: dict[Stage, int]) -> None:
        if counts != self._counts:
            self._counts = dict(counts)
            self._refresh()

    def button(self, stage: Stage) -> QToolButton:
        return self._buttons[stage]

    def _refresh(self) -> None:
        for stage, button in self._buttons.items():
            n = self._counts.get(stage, 0)
            button.setText(f"{self._labels_text[stage]} {n:,}")
            alert = stage is Stage.OVERDUE and n > 0
            if bool(button.property("alert")) != alert:
                button.setProperty("alert", alert)
                button.style().unpolish(button)
                button.style().polish(button)
