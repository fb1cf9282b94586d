"""Action dialogs: small non-blocking forms that collect one action's input.

A dialog never calls a service to *change* anything: on Enter/OK it validates its input
and emits `submitted(list[ActionItem])`; the controller runs the items in the background
and answers with `succeeded()` (the dialog closes) or `failed(message)` (shown inline, the
dialog stays open). Data a dialog needs to show (reference data, a request's reason) is
loaded through `ops.run` too, and a result that arrives after the dialog closed is dropped.
Dialogs are opened with `open()` (window-modal, no nested event loop) and delete
themselves on close.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.actions.category_picker import CategoryPicker
from ui.actions.jobs import (
    SELF_HANDLED,
    ActionItem,
    BatchResult,
    CasePreview,
    RequestInfo,
    SupervisorChoice,
    preview_case,
    request_info,
    supervisor_choice,
)
from ui.actions.shortcuts import (
    APPROVALS,
    QT_TRANSLATE_NOOP,
    REJECTIONS,
    REQUEST_LABELS,
    request_kind,
    tr,
)
from ui.context import AppContext
from ui.labels import state_label
from ui.widgets.confirm import ask
from ui.widgets.phrases import PhraseButton, PhraseEditor, Target
from workstation.domain.catalog import Category
from workstation.domain.lifecycle import Priority
from workstation.services.dto import CaseSummary, EscalationView
from workstation.services.phrases import PhraseBook
from workstation.services.reference import Reference

ERROR_STYLE = "QLabel { color: #c62828; }"
BUSY_STYLE = "QLabel { color: #546e7a; }"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ActionDialog(QDialog):
    submitted = Signal(list)  # list[ActionItem]

    def __init__(self, ctx: AppContext, action: str, cases: Sequence[CaseSummary], title: str,
                 ok_text: str, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName(f"{action}Dialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self._ctx = ctx
        self.action = action
        self.cases = list(cases)
        self._closed = False
        self._busy = False
        self._shown_texts: list[str] | None = None
        self.phrase_buttons: list[PhraseButton] = []  # 惯用语 beside the opinion boxes
        self._phrase_book: PhraseBook | None = None
        self.phrase_editor: PhraseEditor | None = None
        self._discard_confirmed = False
        self.question: QMessageBox | None = None  # an open "discard?" question

        self.header = QLabel(self._header_text(), self)
        self.header.setObjectName("actionHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = QLabel(self)
        self.error.setObjectName("actionError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button.setText(ok_text)
        self.ok_button.setDefault(True)
        self.cancel_button.setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.header)
        self.body.addLayout(self.form)

    def _header_text(self) -> str:
        """What the dialog acts on, in the words of the queue."""
        cases = self.cases
        if len(cases) == 1:
            c = cases[0]
            area = "/".join(p for p in (c.street_name, c.community_name) if p)
            category = _escape(c.category_name or self.tr("未分类"))
            lines = [
                f"<b>{c.case_no}</b>　{_escape(state_label(c.state))}　{category}",
                _escape("　".join(p for p in (area, c.grid_code or "", c.unit_name) if p)),
                _escape(f"{c.address} {c.description}".strip()),
            ]
            return "<br>".join(line for line in lines if line)
        numbers = "、".join(c.case_no for c in cases[:6]) + ("…" if len(cases) > 6 else "")
        return self.tr("已选 {n} 件案件：{numbers}").format(n=len(cases), numbers=numbers)

    def finish_layout(self) -> None:
        """Subclasses call this after adding their widgets: the error line and buttons last."""
        self.body.addWidget(self.error)
        self.body.addWidget(self.buttons)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    @property
    def cancel_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

    # -- what subclasses provide -------------------------------------------------------

    def params(self) -> dict[str, Any] | None:
        """The action's input, or None after showing what is missing."""
        return {}

    def items(self) -> list[ActionItem] | None:
        params = self.params()
        if params is None:
            return None
        return [ActionItem(c, self.action, params) for c in self.cases]

    # -- life cycle ----------------------------------------------------------------------

    def accept(self) -> None:
        """Enter / OK: validate and submit; the dialog closes once the action succeeded."""
        if self._busy:
            return  # a second Enter while the first is running must not act twice
        items = self.items()
        if items is None:
            return
        self._set_busy(True)
        self.submitted.emit(items)

    def succeeded(self) -> None:
        self._busy = False
        super().accept()

    def failed(self, message: str) -> None:
        self._set_busy(False)
        self.show_error(message)

    def show_outcomes(self, result: BatchResult) -> None:
        """Some items failed (the successes are already applied): say which and why."""
        failed = result.failed
        if len(self.cases) == 1:
            self.failed(failed[0].error)
            return
        lines = [self.tr("{ok} 件成功，{bad} 件失败：").format(ok=len(result.succeeded),
                                                         bad=len(failed))]  # fmt: skip
        lines += [f"{o.item.case.case_no}：{o.error}" for o in failed]
        self.failed("\n".join(lines))

    def show_error(self, message: str) -> None:
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setText(message)

    def show_info(self, message: str) -> None:
        self.error.setStyleSheet(BUSY_STYLE)
        self.error.setText(message)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)
        if busy:
            self.show_info(self.tr("正在提交…"))

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)

    def _typed_texts(self) -> list[str]:
        lines = [e.text() for e in self.findChildren(QLineEdit) if not e.isReadOnly()]
        plain = [e.toPlainText() for e in self.findChildren(QPlainTextEdit) if not e.isReadOnly()]
        rich = [e.toPlainText() for e in self.findChildren(QTextEdit) if not e.isReadOnly()]
        return lines + plain + rich

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if self._shown_texts is None:  # what the dialog opened with, prefills included
            self._shown_texts = self._typed_texts()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # The title bar's close and Alt+F4 ask before typed input is lost (Esc and 取消
        # are the deliberate ways out).
        if self.has_unsaved_input() and not self._discard_confirmed:
            event.ignore()
            self.question = ask(self, self.tr("放弃输入"),
                                self.tr("已输入的内容尚未提交，关闭后将丢失。仍要关闭吗？"),
                                self.tr("放弃并关闭"), self._discard)  # fmt: skip
            return
        super().closeEvent(event)

    def _discard(self) -> None:
        self._discard_confirmed = True
        self.reject()

    def has_unsaved_input(self) -> bool:
        """Whether the person typed something that closing would lose."""
        return self.is_open() and self._shown_texts not in (None, self._typed_texts())

    def is_open(self) -> bool:
        # The Python flag first: after deletion only plain attributes are safe to read.
        return not self._closed and shiboken6.isValid(self)

    def load(self, fn: Callable[[], Any], on_loaded: Callable[[Any], None],
             description: str = "") -> None:  # fmt: skip
        """Fetch what the dialog shows in the background; dropped if the dialog closed."""

        def loaded(result: Any) -> None:
            if self.is_open():
                on_loaded(result)

        def failed(message: str, exc: BaseException) -> None:
            if self.is_open():
                self.show_error(message)

        self._ctx.ops.run(fn, loaded, failed, description=description or f"load {self.action}")

    def load_reference(self, on_loaded: Callable[[Reference], None]) -> None:
        ws = self._ctx.ws
        self.load(lambda: ws.reference, on_loaded, "load reference data")

    # -- 惯用语 ----------------------------------------------------------------------------

    def phrase_button(self, target: Target, purpose: str) -> PhraseButton:
        """A 惯用语 button for one opinion box; the phrases are loaded once per dialog."""
        button = PhraseButton(target, purpose, self)
        button.edit_requested.connect(self._edit_phrases)
        if not self.phrase_buttons:
            ws, actor = self._ctx.ws, self._ctx.actor
            self.load(lambda: ws.phrase_book(actor), self._phrases_loaded, "load phrases")
        self.phrase_buttons.append(button)
        button.set_book(self._phrase_book)
        return button

    def with_phrases(self, target: QLineEdit, purpose: str) -> QWidget:
        """The box with its 惯用语 button beside it, for a form row."""
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(target, 1)
        layout.addWidget(self.phrase_button(target, purpose))
        row.setFocusProxy(target)
        return row

    def _phrases_loaded(self, book: PhraseBook) -> None:
        self._phrase_book = book
        for button in self.phrase_buttons:
            button.set_book(book)

    def _edit_phrases(self, purpose: str) -> None:
        if self._phrase_book is None:
            return  # still loading: the menu says so
        editor = PhraseEditor(self._ctx, self._phrase_book, purpose, self)
        editor.saved.connect(lambda book: self.is_open() and self._phrases_loaded(book))
        self.phrase_editor = editor
        editor.open()


# ------------------------------------------------------------------------------ 立案


class FileDialog(ActionDialog):
    """立案: category (prefilled with the report's), grid code, priority; Enter files."""

    def __init__(self, ctx: AppContext, case: CaseSummary, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "file", [case], self.tr("立案"), self.tr("立案（Enter）"), parent)
        self._ref: Reference | None = None
        self._priority_touched = False
        self.picker = CategoryPicker(self, initial=case.category_code,
                                     initial_name=case.category_name)  # fmt: skip
        self.grid = QLineEdit(case.grid_code or "", self)
        self.grid.setObjectName("gridCode")
        self.grid.setMaxLength(15)
        self.grid.setPlaceholderText(self.tr("15 位单元网格编码"))
        self.area = QLabel("/".join(p for p in (case.street_name, case.community_name) if p), self)
        self.priority = QComboBox(self)
        self.priority.setObjectName("priority")
        self.priority.addItem(self.tr("一般"), Priority.NORMAL.value)
        self.priority.addItem(self.tr("紧急（自然时计时，全天候）"), Priority.URGENT.value)
        self.priority.setCurrentIndex(max(0, self.priority.findData(case.priority)))
        self.priority.activated.connect(lambda _: setattr(self, "_priority_touched", True))
        self.form.addRow(self.tr("问题类别"), self.picker)
        self.form.addRow(self.tr("单元网格"), self.grid)
        self.form.addRow("", self.area)
        self.form.addRow(self.tr("紧急程度"), self.priority)
        self.finish_layout()
        self.picker.category_changed.connect(self._category_changed)
        self.grid.textChanged.connect(self._grid_changed)
        self.picker.search.setFocus()
        self.picker.search.selectAll()  # typing replaces the prefilled code
        self.load_reference(self._reference_loaded)

    def _reference_loaded(self, ref: Reference) -> None:
        self._ref = ref
        self.picker.set_catalog(ref.catalog)
        self._grid_changed(self.grid.text())

    def _category_changed(self, category: Category | None) -> None:
        # A different category brings its default priority, unless the user chose one.
        if category is not None and not self._priority_touched \
                and category.code != self.cases[0].category_code:  # fmt: skip
            self.priority.setCurrentIndex(self.priority.findData(category.default_priority.value))

    def _grid_changed(self, text: str) -> None:
        if self._ref is None:
            return
        cell = self._ref.cells.get(text.strip())
        if cell is None:
            self.area.setText(self.tr("（不是有效的单元网格编码）") if text.strip() else "")
            return
        street = self._ref.street_names.get(cell.street_code, "")
        community = self._ref.community_names.get(cell.community_code, "")
        self.area.setText("/".join(p for p in (street, community) if p))

    def params(self) -> dict[str, Any] | None:
        code = self.picker.current_code()
        if not code:
            self.show_error(self.tr("请选择问题类别"))
            return None
        grid = self.grid.text().strip()
        if not (len(grid) == 15 and grid.isdigit()):
            self.show_error(self.tr("请填写 15 位单元网格编码"))
            self.grid.setFocus()
            return None
        if self._ref is not None and self._ref.cells and grid not in self._ref.cells:
            self.show_error(self.tr("单元网格 {grid} 不存在").format(grid=grid))
            self.grid.setFocus()
            return None
        return {"category_code": code, "grid_code": grid, "priority": self.priority.currentData()}


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


# ------------------------------------------------------------------------------ people


class SupervisorDialog(ActionDialog):
    """派发核实 / 派发核查: to the grid's own supervisor by default, or another one."""

    def __init__(self, ctx: AppContext, action: str, case: CaseSummary, *, title: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(ctx, action, [case], title, self.tr("派发（Enter）"), parent)
        self.supervisor = QComboBox(self)
        self.supervisor.setObjectName("supervisor")
        self.supervisor.addItem(self.tr("本网格监督员（正在加载…）"), None)
        self.form.addRow(self.tr("监督员"), self.supervisor)
        self.finish_layout()
        self.supervisor.setFocus()
        ws, grid, lon, lat = ctx.ws, case.grid_code, case.lon, case.lat
        self.load(lambda: supervisor_choice(ws, grid, lon, lat), self._loaded,
                  "load supervisors")  # fmt: skip

    def _loaded(self, choice: SupervisorChoice) -> None:
        self.supervisor.clear()
        for s in choice.supervisors:
            street = choice.street_names.get(s.street_code, "")
            label = f"{s.code}　{s.name}　{street}"
            if s.username == choice.default:
                nearest = choice.why == "nearest"
                label += self.tr("（最近的在岗监督员）") if nearest else self.tr("（本网格监督员）")
            self.supervisor.addItem(label, s.username)
        if choice.default is not None:
            self.supervisor.setCurrentIndex(self.supervisor.findData(choice.default))
            if choice.why == "nearest":
                self.show_info(self.tr("本网格监督员不在岗，已推荐最近的在岗监督员"))
        else:
            self.show_info(self.tr("本网格没有负责的监督员，请指定"))
            self.supervisor.setCurrentIndex(-1)

    def params(self) -> dict[str, Any] | None:
        username = self.supervisor.currentData()
        if username is None and self.supervisor.count() > 1:
            self.show_error(self.tr("请选择监督员"))
            return None
        # Before the list arrives the service picks the grid's own supervisor itself.
        return {"supervisor": username} if username else {}


# ------------------------------------------------------------------------------ merge


class MergeDialog(ActionDialog):
    """合并: the selected report is a duplicate of an original given by its case number."""

    def __init__(self, ctx: AppContext, case: CaseSummary, original: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(ctx, "merge", [case], self.tr("合并重复案件"),
                         self.tr("合并（Enter）"), parent)  # fmt: skip
        self.original = QLineEdit(original, self)
        self.original.setObjectName("originalCase")
        self.original.setPlaceholderText(self.tr("原案件的案件编号（13 位）或序号"))
        self.preview = QLabel(self)
        self.preview.setObjectName("originalPreview")
        self.preview.setWordWrap(True)
        explanation = QLabel(self.tr("合并后本案件作废（重复上报），其记录并入原案件。"), self)
        explanation.setWordWrap(True)
        self.form.addRow(explanation)
        self.form.addRow(self.tr("原案件"), self.original)
        self.form.addRow("", self.preview)
        self.finish_layout()
        # Look the original up once typing pauses, not on every keystroke.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._lookup)
        self.original.textChanged.connect(lambda _: self._timer.start())
        self.original.setFocus()
        if original:
            self._lookup()

    def _lookup(self) -> None:
        text = self.original.text().strip()
        if not text:
            self.preview.clear()
            return
        if not text.isdigit():
            self.preview.setText(self.tr("案件编号应为数字"))
            return
        ws, actor = self._ctx.ws, self._ctx.actor
        self.load(lambda: preview_case(ws, actor, text), lambda p: self._show(text, p),
                  "look up the original case")  # fmt: skip

    def _show(self, text: str, preview: CasePreview) -> None:
        if text != self.original.text().strip():
            return  # the user typed on
        c = preview.case
        if c is None:
            self.preview.setText(preview.error or self.tr("未找到案件 {ref}").format(ref=text))
            return
        self.preview.setText(f"{c.case_no}　{state_label(c.state)}　{c.category_name}　"
                             f"{c.address} {c.description}".strip())  # fmt: skip

    def params(self) -> dict[str, Any] | None:
        text = self.original.text().strip()
        if not text.isdigit():
            self.show_error(self.tr("请填写原案件的案件编号"))
            return None
        return {"original": text}


# ------------------------------------------------------------------------------ reclassify


class ReclassifyDialog(ActionDialog):
    def __init__(self, ctx: AppContext, case: CaseSummary, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "reclassify", [case], self.tr("重新分类"),
                         self.tr("确定（Enter）"), parent)  # fmt: skip
        self.picker = CategoryPicker(self, exclude=case.category_code)
        name = case.category_name or self.tr("未分类")
        current = QLabel(f"{case.category_code or ''} {name}", self)
        self.form.addRow(self.tr("当前类别"), current)
        self.form.addRow(self.tr("新的类别"), self.picker)
        self.finish_layout()
        self.picker.search.setFocus()
        self.load_reference(lambda ref: self.picker.set_catalog(ref.catalog))

    def params(self) -> dict[str, Any] | None:
        code = self.picker.current_code()
        if not code:
            self.show_error(self.tr("请选择新的问题类别"))
            return None
        return {"category_code": code}


# ------------------------------------------------------------------------------ approvals


class ApprovalDialog(ActionDialog):
    """批准 / 驳回 a unit's request (延期/回退/挂账) or a 先行处置 report, showing its reason."""

    def __init__(self, ctx: AppContext, case: CaseSummary, *, approve: bool,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        kind = request_kind(case) or ""
        table = APPROVALS if approve else REJECTIONS
        verb = self.tr("批准") if approve else self.tr("驳回")
        super().__init__(ctx, table.get(kind, "approve" if approve else "reject"), [case],
                         self.tr("{verb}申请").format(verb=verb),
                         self.tr("{verb}（Enter）").format(verb=verb), parent)  # fmt: skip
        self._approve = approve
        self._kind = kind
        self._info: RequestInfo | None = None
        box = QGroupBox(self.tr("待审批的申请"), self)
        info = QFormLayout(box)
        self.kind_label = QLabel(tr(REQUEST_LABELS.get(kind, "")) or self.tr("（正在加载…）"), box)
        self.kind_label.setObjectName("requestKind")
        self.by_label = QLabel(box)
        self.reason_label = QLabel(box)
        self.reason_label.setObjectName("requestReason")
        self.reason_label.setWordWrap(True)
        info.addRow(self.tr("申请类型"), self.kind_label)
        info.addRow(self.tr("申请人"), self.by_label)
        info.addRow(self.tr("申请理由"), self.reason_label)
        self.form.addRow(box)
        self.extra: QLineEdit | None = None
        self.comment: QLineEdit | None = None
        self.reason: ReasonField | None = None
        if approve:
            if kind == "extension":
                self.extra = QLineEdit(self)
                self.extra.setObjectName("extensionLength")
                self.form.addRow(self.tr("批准延期时长"), self.extra)
            self.comment = QLineEdit(self)
            self.comment.setObjectName("approvalComment")
            self.form.addRow(self.tr("审批意见（可选）"),
                             self.with_phrases(self.comment, "approve"))  # fmt: skip
        else:
            reasons = COMMON_REASONS["reject_self_handled" if kind == SELF_HANDLED else "reject"]
            self.reason = ReasonField(reasons, self)
            self.reason.attach(self.phrase_button(self.reason.detail, "reject"))
            required = kind == SELF_HANDLED  # the domain requires it only there
            self.form.addRow(self.tr("驳回理由") if required else self.tr("驳回理由（可选）"),
                             self.reason)  # fmt: skip
        self.finish_layout()
        (self.comment or self.reason or self.ok_button).setFocus()
        ws, actor = ctx.ws, ctx.actor
        self.load(lambda: request_info(ws, actor, case.id), self._loaded, "load the request")

    def _loaded(self, info: RequestInfo | None) -> None:
        self._info = info
        if info is None:
            self.kind_label.setText(self.tr("（没有待审批的申请）"))
            self.show_error(self.tr("该案件没有待审批的申请，请刷新后重试"))
            return
        self._kind = info.kind
        self.action = (APPROVALS if self._approve else REJECTIONS)[info.kind]
        kind = tr(REQUEST_LABELS[info.kind])
        if info.extra:
            kind += self.tr("　申请延长 {extra}").format(extra=info.extra)
        self.kind_label.setText(kind)
        when = info.requested_at.strftime("%m-%d %H:%M") if info.requested_at else ""
        # A unit's account is named after the unit: say it once.
        who = (
            [info.unit_name]
            if info.requested_by == info.unit_name
            else [info.unit_name, info.requested_by]
        )
        self.by_label.setText("　".join(p for p in (*who, when) if p))
        reason = info.reason + (f"（{info.note}）" if info.note else "")
        self.reason_label.setText(reason or self.tr("（未填写）"))
        if self.extra is not None and not self.extra.text():
            self.extra.setText(info.extra)

    def params(self) -> dict[str, Any] | None:
        if self.action not in APPROVALS.values() and self.action not in REJECTIONS.values():
            self.show_error(self.tr("该案件没有待审批的申请，请刷新后重试"))
            return None
        out: dict[str, Any] = {}
        if self.extra is not None and self.extra.text().strip():
            out["extra"] = self.extra.text().strip()
        if self.comment is not None and self.comment.text().strip():
            out["comment"] = self.comment.text().strip()
        if self.reason is not None:
            text = self.reason.text()
            if not text and self._kind == SELF_HANDLED:
                self.show_error(self.tr("请选择或填写驳回理由"))
                return None
            if text:
                out["comment"] = text
        return out
