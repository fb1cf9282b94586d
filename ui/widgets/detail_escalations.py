"""The case's 督办: who gave which instruction when, and the handling unit's reply or how
long it has been waited for."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.widgets.detail_fields import wrapping_label
from ui.widgets.detail_style import KEY_COLOUR, OK_COLOUR, esc, fmt_dt, fmt_span, secondary_colour
from workstation.services.dto import EscalationView


class EscalationList(QWidget):
    """One block per 督办, oldest first; an open one in the key colour with its age."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailEscalations")
        self.label = wrapping_label(self)
        self.label.setObjectName("detailEscalationsText")
        self.escalations: tuple[EscalationView, ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)

    def set_escalations(self, escalations: Sequence[EscalationView]) -> None:
        self.escalations = tuple(escalations)
        muted = secondary_colour(self)
        blocks = []
        for e in self.escalations:
            head = self.tr("%1 督办 · %2").replace("%1", fmt_dt(e.escalated_at))
            head = head.replace("%2", e.escalated_by_name)
            lines = [
                f'<span style="color:{muted};">{esc(head)}</span>',
                esc(self.tr("督办意见：%1").replace("%1", e.instruction or self.tr("（未填写）"))),
            ]
            if e.is_open:
                waiting = self.tr("待回复，已等待 %1").replace("%1", fmt_span(e.age))
                lines.append(f'<span style="color:{KEY_COLOUR};">{esc(waiting)}</span>')
            else:
                reply = self.tr("回复：%1").replace("%1", e.reply or "")
                by = self.tr("%1 %2 回复，用时 %3").replace("%1", e.replied_by_name)
                by = by.replace("%2", fmt_dt(e.replied_at)).replace("%3", fmt_span(e.age))
                lines.append(f'<span style="color:{OK_COLOUR};">{esc(reply)}</span>')
                lines.append(f'<span style="color:{muted};">{esc(by)}</span>')
            blocks.append("<br>".join(lines))
        self.label.setText("<br><br>".join(blocks))

    def text(self) -> str:
        """What is shown, as plain text (tests, copy)."""
        doc = QTextDocument()
        doc.setHtml(self.label.text())
        return doc.toPlainText()
