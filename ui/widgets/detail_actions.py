"""Buttons for the actions the signed-in person may take on the case, most important first."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ui.widgets.detail_flow import FlowLayout
from workstation.domain.lifecycle import Action

# The step that moves the case along the closed loop: one of these is usually the next
# thing to do, so they are drawn as primary buttons, in the loop's order.
PRIMARY: tuple[Action, ...] = (
    Action.FILE,
    Action.DISPATCH,
    Action.FEEDBACK,
    Action.SEND_FOR_CHECK,
    Action.CHECK_PASS,
    Action.APPROVE_SELF_HANDLED,
    Action.APPROVE_EXTENSION,
    Action.APPROVE_RETURN,
    Action.APPROVE_SUSPENSION,
    Action.RESTORE,
    Action.REQUEST_VERIFICATION,
    Action.VERIFY,
    Action.REVISIT,  # the closed loop's last contact: the citizen who reported
)
# Everything else, the usual before the rare and the destructive last.
SECONDARY: tuple[Action, ...] = (
    Action.CHECK_FAIL,
    Action.REJECT_SELF_HANDLED,
    Action.REJECT_EXTENSION,
    Action.REJECT_RETURN,
    Action.REJECT_SUSPENSION,
    Action.REMIND,
    Action.ESCALATE,
    Action.ESCALATION_REPLY,
    Action.REQUEST_EXTENSION,
    Action.REQUEST_RETURN,
    Action.REQUEST_SUSPENSION,
    Action.RECLASSIFY,
    Action.NOTE,
    Action.MERGE,
    Action.VOID,
    Action.REOPEN,
)
# The buttons show the domain's action names; marked here so `tr(label(action))` finds them
# (the same order as above).
ACTION_NAMES = (
    QT_TRANSLATE_NOOP("ActionBar", "立案"),
    QT_TRANSLATE_NOOP("ActionBar", "派遣"),
    QT_TRANSLATE_NOOP("ActionBar", "处置反馈"),
    QT_TRANSLATE_NOOP("ActionBar", "派发核查"),
    QT_TRANSLATE_NOOP("ActionBar", "核查通过（结案）"),
    QT_TRANSLATE_NOOP("ActionBar", "批准先行处置结案"),
    QT_TRANSLATE_NOOP("ActionBar", "批准延期"),
    QT_TRANSLATE_NOOP("ActionBar", "批准回退"),
    QT_TRANSLATE_NOOP("ActionBar", "批准挂账"),
    QT_TRANSLATE_NOOP("ActionBar", "恢复处置"),
    QT_TRANSLATE_NOOP("ActionBar", "派发核实"),
    QT_TRANSLATE_NOOP("ActionBar", "核实反馈"),
    QT_TRANSLATE_NOOP("ActionBar", "回访"),
    QT_TRANSLATE_NOOP("ActionBar", "核查不通过（返工）"),
    QT_TRANSLATE_NOOP("ActionBar", "驳回先行处置"),
    QT_TRANSLATE_NOOP("ActionBar", "驳回延期"),
    QT_TRANSLATE_NOOP("ActionBar", "驳回回退"),
    QT_TRANSLATE_NOOP("ActionBar", "驳回挂账"),
    QT_TRANSLATE_NOOP("ActionBar", "催办"),
    QT_TRANSLATE_NOOP("ActionBar", "督办"),
    QT_TRANSLATE_NOOP("ActionBar", "督办回复"),
    QT_TRANSLATE_NOOP("ActionBar", "申请延期"),
    QT_TRANSLATE_NOOP("ActionBar", "申请回退"),
    QT_TRANSLATE_NOOP("ActionBar", "申请挂账"),
    QT_TRANSLATE_NOOP("ActionBar", "重新分类"),
    QT_TRANSLATE_NOOP("ActionBar", "备注"),
    QT_TRANSLATE_NOOP("ActionBar", "合并为重复案件"),
    QT_TRANSLATE_NOOP("ActionBar", "作废"),
    QT_TRANSLATE_NOOP("ActionBar", "重新打开"),
)
_RANK = {a.value: i for i, a in enumerate(PRIMARY + SECONDARY)}
_PRIMARY = frozenset(a.value for a in PRIMARY)


def ordered(actions: Sequence[str], demoted: Collection[str] = ()) -> list[str]:
    """Allowed actions, most important first; an action not ranked here goes last."""

    def key(a: str) -> tuple[bool, int, str]:
        return (a not in _PRIMARY or a in demoted, _RANK.get(a, len(_RANK)), a)

    return sorted(actions, key=key)


def label(action: str) -> str:
    try:
        return Action(action).label
    except ValueError:
        return action


class ActionBar(QWidget):
    """One button per allowed action; a forbidden action has no button at all."""

    triggered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailActions")
        self.buttons: dict[str, QPushButton] = {}
        self._flow = FlowLayout(spacing=6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._flow)

    def set_actions(self, actions: Sequence[str], demoted: Collection[str] = ()) -> None:
        """One button per action; `demoted` primary actions are drawn (and placed) as
        secondary ones, e.g. 派发核实 for a supervisor's own report, which needs none."""
        pal = self.palette()
        fill = pal.color(QPalette.ColorRole.Highlight)
        text = pal.color(QPalette.ColorRole.HighlightedText).name()
        # Filled in the palette's highlight colour: the next step of the loop stands out.
        self._primary_style = (
            f"QPushButton {{ background: {fill.name()}; color: {text}; border: none;"
            " border-radius: 4px; padding: 5px 12px; font-weight: bold; }"
            f"QPushButton:hover {{ background: {fill.darker(115).name()}; }}"
            f"QPushButton:pressed {{ background: {fill.darker(130).name()}; }}"
            "QPushButton:disabled { background: palette(mid); }"
        )
        self._secondary_style = "QPushButton { padding: 4px 10px; }"
        self._flow.clear()
        self.buttons = {}
        for action in ordered(actions, demoted):
            button = QPushButton(self.tr(label(action)), self)
            button.setObjectName(f"action_{action}")
            primary = action in _PRIMARY and action not in demoted
            button.setProperty("primary", primary)
            button.setDefault(False)
            button.setAutoDefault(False)
            # Mouse only: the keyboard acts through the action keys (F2, F3 …) on the
            # queue's selection. A focusable button here was one Tab away from the queue,
            # and Space then pressed it for the case on show, not the one just selected.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet(self._primary_style if primary else self._secondary_style)
            button.clicked.connect(lambda _=False, a=action: self.triggered.emit(a))
            self._flow.addWidget(button)
            self.buttons[action] = button
        self.setVisible(bool(self.buttons))
        self.updateGeometry()
