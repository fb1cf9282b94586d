"""Action dialogs that ask for words: a reason, a text, a verification result, a reply
(each opinion box with its 惯用语)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.actions.dialogs import ActionDialog
from ui.actions.shortcuts import (
    QT_TRANSLATE_NOOP,
    tr,
)
from ui.context import AppContext
from workstation.services.dto import CaseSummary, EscalationView

# ------------------------------------------------------------------------------ reasons

# Common reasons per action (marked for translation; shown through tr()).
COMMON_REASONS: dict[str, tuple[str, ...]] = {
    "void": (
        QT_TRANSLATE_NOOP("ActionController", "重复上报"),
        QT_TRANSLATE_NOOP("ActionController", "不属于受理范围"),
        QT_TRANSLATE_NOOP("ActionController", "现场未发现问题"),
        QT_TRANSLATE_NOOP("ActionController", "信息不全，无法核实"),
        QT_TRANSLATE_NOOP("ActionController", "已自行处置完毕"),
    ),
    "check_fail": (
        QT_TRANSLATE_NOOP("ActionController", "现场问题未解决"),
        QT_TRANSLATE_NOOP("ActionController", "处置不彻底"),
        QT_TRANSLATE_NOOP("ActionController", "处置后现场未清理"),
        QT_TRANSLATE_NOOP("ActionController", "处置结果与上报问题不符"),
    ),
    "verify": (
        QT_TRANSLATE_NOOP("ActionController", "现场未发现问题"),
        QT_TRANSLATE_NOOP("ActionController", "问题不属实"),
        QT_TRANSLATE_NOOP("ActionController", "位置有误，无法找到"),
    ),
    "request_return": (
        QT_TRANSLATE_NOOP("ActionController", "不属于本单位职责"),
        QT_TRANSLATE_NOOP("ActionController", "位置不在本单位辖区"),
        QT_TRANSLATE_NOOP("ActionController", "问题类别有误"),
    ),
    "request_extension": (
        QT_TRANSLATE_NOOP("ActionController", "需协调其他部门"),
        QT_TRANSLATE_NOOP("ActionController", "工程量较大"),
        QT_TRANSLATE_NOOP("ActionController", "需采购材料或设备"),
        QT_TRANSLATE_NOOP("ActionController", "天气原因无法施工"),
    ),
    "request_suspension": (
        QT_TRANSLATE_NOOP("ActionController", "需纳入工程计划"),
        QT_TRANSLATE_NOOP("ActionController", "季节性原因，暂无法处置"),
        QT_TRANSLATE_NOOP("ActionController", "历史遗留问题，需上级协调"),
    ),
    "reject": (
        QT_TRANSLATE_NOOP("ActionController", "属于本单位职责"),
        QT_TRANSLATE_NOOP("ActionController", "理由不充分"),
        QT_TRANSLATE_NOOP("ActionController", "请按原期限处置"),
    ),
    "reject_self_handled": (
        QT_TRANSLATE_NOOP("ActionController", "照片不能证明已处置"),
        QT_TRANSLATE_NOOP("ActionController", "不属于先行处置范围"),
    ),
    "escalate": (
        QT_TRANSLATE_NOOP("ActionController", "群众反映强烈"),
        QT_TRANSLATE_NOOP("ActionController", "多次催办仍未处置"),
        QT_TRANSLATE_NOOP("ActionController", "领导批示"),
        QT_TRANSLATE_NOOP("ActionController", "存在安全隐患"),
    ),
    "reopen": (
        QT_TRANSLATE_NOOP("ActionController", "结案有误"),
        QT_TRANSLATE_NOOP("ActionController", "问题复发"),
        QT_TRANSLATE_NOOP("ActionController", "误作废"),
    ),
}
# Which list of 惯用语 (services.phrases.PURPOSES) each action's opinion box offers.
PHRASE_PURPOSES: dict[str, str] = {
    "void": "void", "verify": "void", "check_fail": "check_fail", "check_pass": "check",
    "request_return": "request", "request_extension": "request", "request_suspension": "request",
    "escalate": "escalate", "escalation_reply": "escalation_reply", "remind": "remind",
    "feedback": "feedback", "note": "note", "dispatch": "dispatch",
}  # fmt: skip


def purpose_of(action: str) -> str:
    return PHRASE_PURPOSES.get(action, "general")


# Not translated: TimeLimit.parse reads them (it knows the Chinese units).
EXTENSION_CHOICES = ("1 工作日", "2 工作日", "3 工作日", "5 工作日", "4 工作时")


class ReasonField(QWidget):
    """Common reasons in a list plus free text: "重复上报" or "重复上报：与 0012 同一井盖"."""

    def __init__(self, reasons: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName("reasonChoice")
        self.combo.addItem(self.tr("（请选择常用原因，或在下方填写）"), "")
        for reason in reasons:
            self.combo.addItem(tr(reason), tr(reason))
        self.detail = QLineEdit(self)
        self.detail.setObjectName("reasonText")
        self.detail.setPlaceholderText(self.tr("补充说明（可直接填写原因）"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        self._detail_row = QHBoxLayout()
        self._detail_row.addWidget(self.detail, 1)
        layout.addLayout(self._detail_row)
        self.setFocusProxy(self.combo)

    def attach(self, tool: QWidget) -> None:
        """A tool beside the free-text line (the 惯用语 button)."""
        self._detail_row.addWidget(tool)

    def text(self) -> str:
        choice = str(self.combo.currentData() or "")
        detail = self.detail.text().strip()
        return "：".join(p for p in (choice, detail) if p)


class ReasonDialog(ActionDialog):
    """作废 / 核查不通过 / 申请回退·延期·挂账 / 督办 / 重新打开: a reason, required or not."""

    def __init__(self, ctx: AppContext, action: str, cases: Sequence[CaseSummary], *,
                 title: str, ok_text: str, key: str = "reason", required: bool = True,
                 reasons: Sequence[str] = (), extra: bool = False, label: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(ctx, action, cases, title, ok_text, parent)
        self._key = key
        self._required = required
        self.reason = ReasonField(reasons or COMMON_REASONS.get(action, ()), self)
        self.reason.attach(self.phrase_button(self.reason.detail, purpose_of(action)))
        label = label or (self.tr("原因") if required else self.tr("原因（可选）"))
        self.form.addRow(label, self.reason)
        self.extra: QComboBox | None = None
        if extra:
            self.extra = QComboBox(self)
            self.extra.setObjectName("extensionLength")
            self.extra.setEditable(True)
            self.extra.addItems(list(EXTENSION_CHOICES))
            self.form.addRow(self.tr("延期时长"), self.extra)
        self.finish_layout()
        self.reason.setFocus()

    def params(self) -> dict[str, Any] | None:
        text = self.reason.text()
        if self._required and not text:
            self.show_error(self.tr("请选择或填写原因"))
            self.reason.setFocus()
            return None
        out: dict[str, Any] = {self._key: text} if text else {}
        if self.extra is not None:
            out["extra"] = self.extra.currentText().strip()
        return out


class TextDialog(ActionDialog):
    """备注 / 催办 / 处置反馈 / 核查通过 / 恢复处置: one line of text (maybe prefilled)."""

    def __init__(self, ctx: AppContext, action: str, cases: Sequence[CaseSummary], *,
                 title: str, ok_text: str, label: str, key: str, text: str = "",
                 required: bool = False, explanation: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(ctx, action, cases, title, ok_text, parent)
        self._key = key
        self._required = required
        self.text = QLineEdit(text, self)
        self.text.setObjectName("actionText")
        if explanation:
            self.form.addRow(self._explanation_label(explanation))
        self.form.addRow(label, self.with_phrases(self.text, purpose_of(action)))
        self.finish_layout()
        self.text.setFocus()
        self.text.selectAll()

    def _explanation_label(self, text: str) -> QLabel:
        note = QLabel(text, self)
        note.setWordWrap(True)
        return note

    def params(self) -> dict[str, Any] | None:
        value = self.text.text().strip()
        if self._required and not value:
            self.show_error(self.tr("请填写内容"))
            return None
        return {self._key: value} if value else {}


class EscalationReplyDialog(TextDialog):
    """督办回复: the handling unit answers the 督办 shown above its reply box."""

    def __init__(self, ctx: AppContext, case: CaseSummary, *, title: str, ok_text: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(ctx, "escalation_reply", [case], title=title, ok_text=ok_text,
                         label=self.tr("回复内容"), key="reply", required=True,
                         explanation=self.tr("督办意见：正在加载…"), parent=parent)  # fmt: skip
        self.instruction = self.findChild(QLabel, "escalationInstruction")
        ws, actor = ctx.ws, ctx.actor
        self.load(lambda: ws.case_detail(case.id, actor), self._loaded, "load the escalation")

    def _explanation_label(self, text: str) -> QLabel:
        label = super()._explanation_label(text)
        label.setObjectName("escalationInstruction")
        return label

    def _loaded(self, detail: Any) -> None:
        escalation: EscalationView | None = next(
            (e for e in reversed(detail.escalations) if e.is_open), None
        )
        if self.instruction is None:
            return
        if escalation is None:
            self.instruction.setText(self.tr("该案件没有待回复的督办"))
            return
        when = escalation.escalated_at.strftime("%m-%d %H:%M")
        self.instruction.setText(
            self.tr("督办意见：{text}（{who} {when}）").format(
                text=escalation.instruction or self.tr("（未填写）"),
                who=escalation.escalated_by_name, when=when)
        )  # fmt: skip


class VerifyDialog(ActionDialog):
    """录入核实结果: 属实 → 待立案; 不属实 → 作废 (with a reason)."""

    def __init__(self, ctx: AppContext, case: CaseSummary, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "verify", [case], self.tr("录入核实结果"), self.tr("确定（Enter）"),
                         parent)  # fmt: skip
        self.confirmed = QRadioButton(self.tr("属实（转待立案）"), self)
        self.confirmed.setObjectName("verifyConfirmed")
        self.rejected_ = QRadioButton(self.tr("不属实（作废）"), self)
        self.rejected_.setObjectName("verifyRejected")
        group = QButtonGroup(self)
        group.addButton(self.confirmed)
        group.addButton(self.rejected_)
        # No answer is preselected: a field result is what the supervisor found, never a
        # default one Enter away (an unread Enter must not record 属实).
        self.reason = ReasonField(COMMON_REASONS["verify"], self)
        self.reason.attach(self.phrase_button(self.reason.detail, purpose_of("verify")))
        self.reason.setEnabled(False)
        self.rejected_.toggled.connect(self.reason.setEnabled)
        self.form.addRow(self.tr("核实结果"), self.confirmed)
        self.form.addRow("", self.rejected_)
        self.form.addRow(self.tr("不属实原因"), self.reason)
        self.finish_layout()
        self.confirmed.setFocus()

    def params(self) -> dict[str, Any] | None:
        if self.confirmed.isChecked():
            return {"confirmed": True}
        if not self.rejected_.isChecked():
            self.show_error(self.tr("请选择核实结果：属实或不属实"))
            return None
        reason = self.reason.text()
        if not reason:
            self.show_error(self.tr("请选择或填写不属实的原因"))
            return None
        return {"confirmed": False, "reason": reason}
