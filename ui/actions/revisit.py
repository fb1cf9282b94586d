"""回访: record what the citizen who reported said about the closed case.

The answer is never preselected (a call is recorded as it went, not as it usually goes);
不满意 needs the citizen's reason. 未回访 (not reached) can be recorded and tried again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLineEdit, QRadioButton, QWidget

from ui.actions.dialogs import ActionDialog
from ui.context import AppContext
from workstation.domain.lifecycle import Satisfaction
from workstation.services.dto import CaseSummary


class RevisitDialog(ActionDialog):
    def __init__(self, ctx: AppContext, case: CaseSummary, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "revisit", [case], self.tr("回访"), self.tr("记录回访（Enter）"),
                         parent)  # fmt: skip
        labels = {
            Satisfaction.SATISFIED: self.tr("满意"),
            Satisfaction.BASICALLY_SATISFIED: self.tr("基本满意"),
            Satisfaction.DISSATISFIED: self.tr("不满意"),
            Satisfaction.NOT_REACHED: self.tr("未回访（联系不上）"),
        }
        self.answers = QButtonGroup(self)
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.buttons_by_answer: dict[Satisfaction, QRadioButton] = {}
        for answer, label in labels.items():
            button = QRadioButton(label, row)
            button.setObjectName(f"revisit_{answer.value}")
            self.answers.addButton(button)
            self.buttons_by_answer[answer] = button
            line.addWidget(button)
        line.addStretch(1)
        self.comment = QLineEdit(self)
        self.comment.setObjectName("revisitComment")
        self.comment.setPlaceholderText(self.tr("市民意见（不满意时必填）"))
        self.form.addRow(self.tr("回访结果"), row)
        self.form.addRow(self.tr("市民意见"), self.comment)
        self.finish_layout()
        self.buttons_by_answer[Satisfaction.SATISFIED].setFocus()

    def answer(self) -> Satisfaction | None:
        for answer, button in self.buttons_by_answer.items():
            if button.isChecked():
                return answer
        return None

    def params(self) -> dict[str, Any] | None:
        answer = self.answer()
        if answer is None:
            self.show_error(self.tr("请选择回访结果"))
            return None
        comment = self.comment.text().strip()
        if answer is Satisfaction.DISSATISFIED and not comment:
            self.show_error(self.tr("市民不满意时请记录不满意的原因"))
            self.comment.setFocus()
            return None
        return {"result": answer.value, "comment": comment}
