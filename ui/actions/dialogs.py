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
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.actions.category_picker import CategoryPicker
from ui.actions.jobs import (
    ActionItem,
    BatchResult,
)
from ui.context import AppContext
from ui.labels import state_label
from ui.widgets.confirm import ask
from ui.widgets.phrases import PhraseButton, PhraseEditor, Target
from workstation.domain.catalog import Category
from workstation.domain.lifecycle import Priority
from workstation.services.dto import CaseSummary
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
        # Another console on the same case (ui.presence): said, not prevented.
        self.presence = QLabel(self)
        self.presence.setObjectName("actionPresence")
        self.presence.setWordWrap(True)
        self.presence.setStyleSheet("QLabel { color: #8d4b00; font-weight: bold; }")
        self.presence.hide()
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.header)
        self.body.addWidget(self.presence)
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
