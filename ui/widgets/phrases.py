"""Canned phrases (惯用语) beside an opinion box: a menu that inserts one at the cursor, and
the small editor of the person's own lists (and, for the shift leader and the
administrator, the shared ones).

The phrases come as one `PhraseBook` loaded in the background by whoever shows the
buttons (an action dialog loads it once for all its boxes); the editor saves a whole list
through `Workstation.save_phrases` on a worker and hands the new book back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from workstation.services.phrases import PhraseBook

Target = QLineEdit | QTextEdit | QPlainTextEdit


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    return text


# services.phrases.PURPOSES, in the words the editor shows (translated where shown).
PURPOSE_LABELS: dict[str, str] = {
    "general": QT_TRANSLATE_NOOP("PhraseEditor", "通用（所有意见框）"),
    "dispatch": QT_TRANSLATE_NOOP("PhraseEditor", "派遣意见"),
    "remind": QT_TRANSLATE_NOOP("PhraseEditor", "催办"),
    "escalate": QT_TRANSLATE_NOOP("PhraseEditor", "督办意见"),
    "escalation_reply": QT_TRANSLATE_NOOP("PhraseEditor", "督办回复"),
    "feedback": QT_TRANSLATE_NOOP("PhraseEditor", "处置反馈"),
    "request": QT_TRANSLATE_NOOP("PhraseEditor", "申请理由（回退、延期、挂账）"),
    "approve": QT_TRANSLATE_NOOP("PhraseEditor", "审批意见"),
    "reject": QT_TRANSLATE_NOOP("PhraseEditor", "驳回理由"),
    "check": QT_TRANSLATE_NOOP("PhraseEditor", "核查意见"),
    "check_fail": QT_TRANSLATE_NOOP("PhraseEditor", "核查不通过原因"),
    "void": QT_TRANSLATE_NOOP("PhraseEditor", "作废原因"),
    "note": QT_TRANSLATE_NOOP("PhraseEditor", "备注"),
}


def insert_text(target: Target, text: str) -> None:
    """Insert at the cursor (replacing a selection), as typing would."""
    if isinstance(target, QLineEdit):
        target.insert(text)
    else:
        target.insertPlainText(text)
    target.setFocus(Qt.FocusReason.OtherFocusReason)


class PhraseButton(QToolButton):
    """「惯用语 ▾」: the phrases for one box (shared, then the person's own) and 编辑惯用语…"""

    edit_requested = Signal(str)  # the purpose whose lists the person wants to edit

    def __init__(self, target: Target, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phraseButton")
        self.setText(self.tr("惯用语"))
        self.setToolTip(self.tr("插入常用的意见（惯用语）；可编辑自己的惯用语"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # Mouse only, like the detail panel's buttons: Tab goes from the box to OK.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target = target
        self.purpose = purpose
        self.book: PhraseBook | None = None
        self.setMenu(QMenu(self))
        self._rebuild()

    def set_book(self, book: PhraseBook | None) -> None:
        self.book = book
        self._rebuild()

    def phrases(self) -> list[str]:
        """The texts offered, in menu order (tests)."""
        return [p.text for p in self.book.offered(self.purpose)] if self.book else []

    def insert(self, text: str) -> None:
        insert_text(self.target, text)

    def _rebuild(self) -> None:
        menu = self.menu()
        menu.clear()
        if self.book is None:
            menu.addAction(self.tr("正在加载…")).setEnabled(False)
        else:
            offered = self.book.offered(self.purpose)
            shared = True
            for phrase in offered:
                if phrase.shared != shared:
                    shared = phrase.shared
                    menu.addSection(self.tr("我的惯用语"))
                action = menu.addAction(phrase.text.replace("&", "&&"))
                action.setObjectName("phrase")
                action.setData(phrase.text)
                action.triggered.connect(lambda _=False, t=phrase.text: self.insert(t))
            if not offered:
                menu.addAction(self.tr("（暂无惯用语）")).setEnabled(False)
        menu.addSeparator()
        edit = menu.addAction(self.tr("编辑惯用语…"))
        edit.setObjectName("editPhrases")
        edit.triggered.connect(lambda: self.edit_requested.emit(self.purpose))

    def action_for(self, text: str) -> QAction:
        """The menu entry of one phrase (tests trigger it as a click would)."""
        return next(a for a in self.menu().actions() if a.data() == text)


class PhraseEditor(QDialog):
    """编辑惯用语: one list at a time (a purpose, 我的 or 共享); 保存 writes it whole."""

    saved = Signal(object)  # the new PhraseBook

    def __init__(self, ctx: AppContext, book: PhraseBook, purpose: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("phraseEditor")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("编辑惯用语"))
        self.setMinimumWidth(460)
        self._ctx = ctx
        self.book = book
        self._saving = False
        self.purpose = QComboBox(self)
        self.purpose.setObjectName("phrasePurpose")
        for key, text in PURPOSE_LABELS.items():
            self.purpose.addItem(QCoreApplication.translate("PhraseEditor", text), key)
        self.purpose.setCurrentIndex(max(0, self.purpose.findData(purpose)))
        self.scope = QComboBox(self)
        self.scope.setObjectName("phraseScope")
        self.scope.addItem(self.tr("我的惯用语"), False)
        if book.can_edit_shared:
            self.scope.addItem(self.tr("共享惯用语（全中心）"), True)
        self.list = QListWidget(self)
        self.list.setObjectName("phraseList")
        self.new_text = QLineEdit(self)
        self.new_text.setObjectName("newPhrase")
        self.new_text.setMaxLength(200)
        self.new_text.setPlaceholderText(self.tr("输入新的惯用语，按“添加”"))
        self.new_text.returnPressed.connect(self.add_phrase)
        add = QPushButton(self.tr("添加"), self)
        add.setObjectName("addPhrase")
        add.setAutoDefault(False)
        add.clicked.connect(self.add_phrase)
        self.remove = QPushButton(self.tr("删除"), self)
        self.up = QPushButton(self.tr("上移"), self)
        self.down = QPushButton(self.tr("下移"), self)
        for button, slot in ((self.remove, self.remove_phrase), (self.up, lambda: self.move(-1)),
                             (self.down, lambda: self.move(1))):  # fmt: skip
            button.setAutoDefault(False)
            button.clicked.connect(slot)
        self.status = QLabel(self)
        self.status.setObjectName("phraseStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Close, self)  # fmt: skip
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        self.save_button.setAutoDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("用途"), self.purpose)
        form.addRow(self.tr("列表"), self.scope)
        adding = QHBoxLayout()
        adding.addWidget(self.new_text, 1)
        adding.addWidget(add)
        tools = QVBoxLayout()
        for button in (self.up, self.down, self.remove):
            tools.addWidget(button)
        tools.addStretch(1)
        rows = QHBoxLayout()
        rows.addWidget(self.list, 1)
        rows.addLayout(tools)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(rows)
        layout.addLayout(adding)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.purpose.currentIndexChanged.connect(lambda _: self._show_list())
        self.scope.currentIndexChanged.connect(lambda _: self._show_list())
        self._show_list()
        self.new_text.setFocus()

    @property
    def shared(self) -> bool:
        return bool(self.scope.currentData())

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _show_list(self) -> None:
        self.list.clear()
        key = str(self.purpose.currentData())
        for text in self.book.texts(key, shared=self.shared):
            self._add_item(text)
        self.status.clear()

    def _add_item(self, text: str) -> None:
        item = QListWidgetItem(text, self.list)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)

    def add_phrase(self) -> None:
        text = self.new_text.text().strip()
        if not text:
            return
        if text not in self.texts():
            self._add_item(text)
        self.list.setCurrentRow(self.texts().index(text))
        self.new_text.clear()

    def remove_phrase(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def save(self) -> None:
        if self._saving:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("正在保存…"))
        ws, actor = self._ctx.ws, self._ctx.actor
        key, texts, shared = str(self.purpose.currentData()), self.texts(), self.shared
        self._ctx.ops.run(lambda: ws.save_phrases(actor, key, texts, shared=shared),
                          self._saved, self._failed, description="save phrases",
                          owner=self)  # fmt: skip

    def _saved(self, book: PhraseBook) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.book = book
        self.status.setStyleSheet("")
        self.status.setText(self.tr("已保存"))
        self.saved.emit(book)

    def _failed(self, message: str, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.status.setStyleSheet("QLabel { color: #c62828; }")
        self.status.setText(message)
