"""The case's event timeline: who, role, when, what, state change and the payload in Chinese."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.labels import action_label, limit_text, role_label, state_label, word_label
from ui.widgets.detail_fields import wrapping_policy
from ui.widgets.detail_style import (
    SIDE_ACTION_COLOUR,
    STATE_COLOURS,
    esc,
    fmt_dt,
    secondary_colour,
)
from workstation.domain.attachments import AttachmentKind
from workstation.domain.lifecycle import Action
from workstation.services.dto import EventView

# Spelled out at each call: lupdate reads translate("Context", "literal") only.
translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class Names:
    """Display names for the codes a payload carries (resolved on the worker)."""

    units: dict[str, str]
    people: dict[str, str]
    categories: dict[str, str]

    def unit(self, code: Any) -> str:
        return self.units.get(str(code), str(code))

    def person(self, username: Any) -> str:
        return self.people.get(str(username), str(username))

    def category(self, code: Any) -> str:
        name = self.categories.get(str(code), "")
        return f"{name}（{code}）" if name else str(code)


def _when(value: Any) -> str:
    if not value:
        return ""
    try:
        return fmt_dt(value if isinstance(value, datetime) else datetime.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def _state(value: Any) -> str:
    return state_label(str(value))


def _action(event: EventView) -> str:
    """The action's name: the domain's label, translated (unknown actions as recorded)."""
    return action_label(event.action) if event.action_label else event.action


def _who(event: EventView) -> str:
    if not event.role_label:
        return event.actor_name
    role = role_label(event.role)
    return translate("CaseTimeline", "%1（%2）").replace("%1", event.actor_name).replace("%2", role)


def describe(event: EventView, names: Names) -> list[tuple[str, str]]:
    """The meaningful parts of an event's payload as (label, value) pairs, in Chinese.

    Only what a dispatcher reads: internal keys (ids next to numbers, kinds already in the
    action's name) are left out; stage deadlines are shown as "环节时限".
    """
    p = event.payload
    a = event.action
    out: list[tuple[str, str]] = []

    def add(label: str, value: Any) -> None:
        if value not in (None, "", [], {}):
            out.append((label, str(value)))

    if a == Action.REPORT:
        add(
            translate("CaseTimeline", "上报人"),
            names.person(p.get("reporter")) if p.get("reporter") else "",
        )
        if p.get("category_code"):
            add(translate("CaseTimeline", "类别"), names.category(p["category_code"]))
        add(translate("CaseTimeline", "地址"), p.get("address"))
        if p.get("priority") == "urgent":
            add(translate("CaseTimeline", "紧急程度"), translate("CaseTimeline", "紧急"))
        if p.get("self_handled"):
            add(
                translate("CaseTimeline", "先行处置"),
                translate("CaseTimeline", "监督员已现场处置，待值班长批准结案"),
            )
    elif a == Action.REQUEST_VERIFICATION:
        add(
            translate("CaseTimeline", "核实监督员"),
            names.person(p["supervisor"]) if p.get("supervisor") else "",
        )
    elif a == Action.VERIFY:
        add(
            translate("CaseTimeline", "核实结果"),
            translate("CaseTimeline", "属实")
            if p.get("confirmed")
            else translate("CaseTimeline", "不属实"),
        )
        add(translate("CaseTimeline", "原因"), p.get("reason"))
    elif a == Action.FILE:
        add(
            translate("CaseTimeline", "类别"),
            names.category(p["category_code"]) if p.get("category_code") else "",
        )
        add(translate("CaseTimeline", "网格"), p.get("grid_code"))
        if p.get("priority") == "urgent":
            add(translate("CaseTimeline", "紧急程度"), translate("CaseTimeline", "紧急"))
    elif a == Action.ESCALATE:
        add(translate("CaseTimeline", "督办意见"), p.get("reason"))
    elif a == Action.ESCALATION_REPLY:
        add(translate("CaseTimeline", "回复"), p.get("reply"))
    elif a in (Action.VOID, Action.REOPEN):
        add(translate("CaseTimeline", "原因"), p.get("reason"))
        if a == Action.REOPEN and p.get("to"):
            add(translate("CaseTimeline", "回到"), _state(p["to"]))
    elif a == Action.DISPATCH:
        add(
            translate("CaseTimeline", "处置单位"),
            names.unit(p["unit_code"]) if p.get("unit_code") else "",
        )
        add(translate("CaseTimeline", "处置时限"), limit_text(p.get("limit")))
        add(translate("CaseTimeline", "截止时间"), _when(p.get("deadline")))
        add(translate("CaseTimeline", "派遣依据"), p.get("reason"))
    elif a == Action.FEEDBACK:
        add(translate("CaseTimeline", "处置结果"), p.get("result"))
    elif a in (Action.REQUEST_RETURN, Action.REQUEST_EXTENSION, Action.REQUEST_SUSPENSION):
        add(translate("CaseTimeline", "申请理由"), p.get("reason"))
        add(translate("CaseTimeline", "申请延长"), limit_text(p.get("extra")))
    elif a in (Action.APPROVE_EXTENSION,):
        add(translate("CaseTimeline", "延长"), limit_text(p.get("extra")))
        add(translate("CaseTimeline", "新的截止时间"), _when(p.get("deadline")))
        add(translate("CaseTimeline", "意见"), p.get("comment"))
    elif a in (
        Action.APPROVE_RETURN, Action.REJECT_RETURN, Action.REJECT_EXTENSION,
        Action.APPROVE_SUSPENSION, Action.REJECT_SUSPENSION,
        Action.CHECK_PASS, Action.CHECK_FAIL,
        Action.APPROVE_SELF_HANDLED, Action.REJECT_SELF_HANDLED,
    ):  # fmt: skip
        add(translate("CaseTimeline", "意见"), p.get("comment"))
    elif a == Action.RESTORE:
        add(translate("CaseTimeline", "新的截止时间"), _when(p.get("deadline")))
    elif a == Action.RECOMPUTE_DEADLINES:
        add(translate("CaseTimeline", "原因"), p.get("reason"))
        if p.get("deadline") != p.get("previous_deadline"):
            add(translate("CaseTimeline", "处置期限"),
                f"{_when(p.get('previous_deadline'))} → {_when(p.get('deadline'))}")  # fmt: skip
        if p.get("stage_deadline") != p.get("previous_stage_deadline") and \
                p.get("stage_deadline") != p.get("deadline"):  # fmt: skip
            before, after = p.get("previous_stage_deadline"), p.get("stage_deadline")
            add(translate("CaseTimeline", "环节时限"), f"{_when(before)} → {_when(after)}")
    elif a == Action.SEND_FOR_CHECK:
        add(
            translate("CaseTimeline", "核查监督员"),
            names.person(p["supervisor"]) if p.get("supervisor") else "",
        )
    elif a == Action.REMIND:
        if p.get("supervisor"):
            add(translate("CaseTimeline", "催办监督员"), names.person(p["supervisor"]))
        else:
            add(translate("CaseTimeline", "催办单位"),
                names.unit(p["unit_code"]) if p.get("unit_code") else "")  # fmt: skip
        add(translate("CaseTimeline", "催办内容"), p.get("message"))
    elif a == Action.MERGE:
        add(translate("CaseTimeline", "并入案件"), p.get("original_no") or p.get("original_id"))
    elif a == Action.ABSORB_DUPLICATE:
        add(translate("CaseTimeline", "重复案件"), p.get("duplicate_no") or p.get("duplicate_id"))
    elif a == Action.RECLASSIFY:
        before = (
            names.category(p["previous"])
            if p.get("previous")
            else translate("CaseTimeline", "未分类")
        )
        add(
            translate("CaseTimeline", "类别"),
            f"{before} → {names.category(p.get('category_code'))}",
        )
    elif a == Action.REVISIT:
        answers = {
            "satisfied": translate("CaseTimeline", "满意"),
            "basically_satisfied": translate("CaseTimeline", "基本满意"),
            "dissatisfied": translate("CaseTimeline", "不满意"),
            "not_reached": translate("CaseTimeline", "未回访（联系不上）"),
        }
        add(translate("CaseTimeline", "回访结果"), answers.get(p.get("result"), p.get("result")))
        add(translate("CaseTimeline", "市民意见"), p.get("comment"))
    elif a == Action.NOTE:
        add(translate("CaseTimeline", "内容"), p.get("text"))
        files = [
            _labelled(_kind_label(f.get("kind"))) + str(f.get("filename"))
            for f in p.get("attachments") or ()
            if isinstance(f, dict)
        ]
        add(translate("CaseTimeline", "附件"), "、".join(files))
    if "stage_deadline" in p and p["stage_deadline"] and \
            a not in (Action.DISPATCH, Action.RECOMPUTE_DEADLINES):  # fmt: skip
        add(translate("CaseTimeline", "环节时限至"), _when(p["stage_deadline"]))
    return out


def _labelled(label: str) -> str:
    """ "地址：" — the label and its colon (a full-width one in Chinese)."""
    return translate("CaseTimeline", "%1：").replace("%1", label)


def _kind_label(kind: Any) -> str:
    try:
        return word_label(AttachmentKind(str(kind)).label)
    except ValueError:
        return translate("CaseTimeline", "附件")


class _Rail(QWidget):
    """The dot and the line on the left of an entry: the colour of the state it led to."""

    def __init__(self, colour: str, first: bool, last: bool, changed: bool,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._colour = QColor(colour)
        self._first, self._last, self._changed = first, last, changed
        self.setFixedWidth(22)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cx, cy, r = self.width() / 2, 11.0, 5.0 if self._changed else 3.5
        line = QPen(self.palette().color(self.backgroundRole()).darker(135), 2)
        painter.setPen(line)
        if not self._first:
            painter.drawLine(QPointF(cx, 0), QPointF(cx, cy - r))
        if not self._last:
            painter.drawLine(QPointF(cx, cy + r), QPointF(cx, self.height()))
        painter.setPen(QPen(self._colour, 2))
        painter.setBrush(self._colour if self._changed else Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(cx - r, cy - r, 2 * r, 2 * r))
        painter.end()


class TimelineEntry(QWidget):
    """One event: action and state change, who and when, then the payload and the note."""

    def __init__(self, event: EventView, names: Names, *, first: bool, last: bool,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.case_event = event  # not `event`: that would shadow QWidget.event()
        changed = event.from_state is not None and event.from_state != event.to_state
        colour = STATE_COLOURS.get(event.to_state, SIDE_ACTION_COLOUR) if changed or \
            event.action == Action.REPORT else SIDE_ACTION_COLOUR  # fmt: skip
        self.details = describe(event, names)
        muted = secondary_colour(self)

        title = f"<b>{esc(_action(event))}</b>"
        if changed and event.from_state is not None:
            title += (
                f'&nbsp;&nbsp;<span style="color:{muted};">{esc(_state(event.from_state))}'
                f' → </span><span style="color:{colour};"><b>{esc(_state(event.to_state))}'
                "</b></span>"
            )
        who = _who(event)
        lines = [
            title,
            f'<span style="color:{muted};">{esc(fmt_dt(event.at))} · {esc(who)}</span>',
        ]
        for label, value in self.details:
            lines.append(f'<span style="color:{muted};">{esc(_labelled(label))}</span>{esc(value)}')
        if event.note:
            note = _labelled(translate("CaseTimeline", "备注"))
            lines.append(f'<span style="color:{muted};">{esc(note)}</span><i>{esc(event.note)}</i>')
        self.label = QLabel("<br>".join(lines), self)
        self.label.setObjectName("timelineText")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(wrapping_policy())
        self.label.setContentsMargins(0, 2, 0, 10)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(_Rail(colour, first, last, changed or first, self))
        layout.addWidget(self.label, 1)

    def plain_text(self) -> str:
        """What the entry says, for tests and the clipboard."""
        e = self.case_event
        parts = [_action(e)]
        if e.from_state and e.from_state != e.to_state:
            parts.append(f"{_state(e.from_state)} → {_state(e.to_state)}")
        parts.append(_who(e))
        parts += [_labelled(label) + value for label, value in self.details]
        if e.note:
            parts.append(_labelled(translate("CaseTimeline", "备注")) + e.note)
        return " | ".join(parts)


class TimelineView(QWidget):
    """All events of the case, newest or oldest first (a toggle the user keeps)."""

    order_changed = Signal(bool)  # True: newest first

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self._events: tuple[EventView, ...] = ()
        self._names = Names({}, {}, {})
        self._newest_first = True
        self.entries: list[TimelineEntry] = []

        self.order = QToolButton(self)
        self.order.setObjectName("timelineOrder")
        self.order.setAutoRaise(True)
        self.order.clicked.connect(lambda: self.set_newest_first(not self._newest_first))
        self._update_order_text()
        self._list = QVBoxLayout()
        self._list.setContentsMargins(0, 0, 0, 0)
        self._list.setSpacing(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._list)

    @property
    def newest_first(self) -> bool:
        return self._newest_first

    def set_newest_first(self, newest_first: bool) -> None:
        if newest_first == self._newest_first:
            return
        self._newest_first = newest_first
        self._update_order_text()
        self._rebuild()
        self.order_changed.emit(newest_first)

    def _update_order_text(self) -> None:
        if self._newest_first:
            self.order.setText(self.tr("最新在前 ↓"))
            self.order.setToolTip(self.tr("点击改为按时间顺序（最早在前）"))
        else:
            self.order.setText(self.tr("最早在前 ↑"))
            self.order.setToolTip(self.tr("点击改为最新在前"))

    def set_events(self, events: Sequence[EventView], names: Names) -> None:
        self._events = tuple(events)
        self._names = names
        self._rebuild()

    def _rebuild(self) -> None:
        for entry in self.entries:
            self._list.removeWidget(entry)
            entry.hide()
            entry.deleteLater()
        ordered = list(reversed(self._events)) if self._newest_first else list(self._events)
        self.entries = []
        for i, event in enumerate(ordered):
            entry = TimelineEntry(event, self._names, first=i == 0,
                                  last=i == len(ordered) - 1, parent=self)  # fmt: skip
            self._list.addWidget(entry)
            self.entries.append(entry)
