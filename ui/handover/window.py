"""The hand-over window (交接班): past sheets, newest first, and the one chosen.

The outgoing shift leader generates the sheet of the shift ending now (or of the one
before, written just after the change-over), writes the notes and saves it; the incoming
leader — another leader account — reads it and acknowledges it (确认接班); anyone at a
desk may read and export a sheet to PDF. Every service call goes through `ctx.ops`; the
window only shows what comes back (`refresh()` reloads, e.g. on a ``handover`` feed topic).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.handover.document import sheet_html
from ui.handover.pdf import write_pdf
from workstation.domain.handover import HandoverSheet, shift_label
from workstation.domain.roles import Role
from workstation.services.handover import SheetInfo, StoredSheet

SheetId = Qt.ItemDataRole.UserRole
ERROR_STYLE = "QLabel { color: #c62828; }"
CURRENT, PREVIOUS = 0, 1


class HandoverWindow(QWidget):
    sheet_shown = Signal(object)  # the StoredSheet or the draft HandoverSheet now shown
    sheets_loaded = Signal(int)  # how many past sheets are listed
    saved = Signal(object)  # a StoredSheet
    acknowledged = Signal(object)  # a StoredSheet

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("handoverWindow")
        self.setWindowTitle(self.tr("交接班"))
        self._ctx = ctx
        self.sheets: list[SheetInfo] = []
        self.stored: StoredSheet | None = None  # the stored sheet shown
        self.draft: HandoverSheet | None = None  # a generated sheet not saved yet
        self._pending_select: int | None = None
        self._wanted = 0  # the latest sheet asked for: a slower earlier answer is dropped
        is_leader = ctx.role is Role.LEADER

        self.list = QListWidget(self)
        self.list.setObjectName("handoverList")
        self.list.currentItemChanged.connect(self._current_changed)
        self.view = QTextBrowser(self)
        self.view.setObjectName("handoverView")
        self.view.setOpenLinks(False)

        self.period = QComboBox(self)
        self.period.setObjectName("handoverPeriod")
        self.period.addItem(self.tr("本班"), CURRENT)
        self.period.addItem(self.tr("上一班"), PREVIOUS)
        self.generate_button = QPushButton(self.tr("生成本班交接单"), self)
        self.generate_button.setObjectName("handoverGenerate")
        self.generate_button.clicked.connect(self.generate)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button = QPushButton(self.tr("导出 PDF…"), self)
        self.pdf_button.setObjectName("handoverPdf")
        self.pdf_button.clicked.connect(self._choose_pdf)
        for w in (self.period, self.generate_button):
            w.setVisible(is_leader)

        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("handoverNotes")
        self.notes.setPlaceholderText(self.tr(
            "交接备注：需要接班人员跟进的事项、电话通知、设备情况等"))  # fmt: skip
        self.notes.setMaximumHeight(110)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName("handoverSave")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("放弃"), self)
        self.cancel_button.clicked.connect(self._discard_draft)
        self.draft_box = QWidget(self)
        draft = QVBoxLayout(self.draft_box)
        draft.setContentsMargins(0, 0, 0, 0)
        draft.addWidget(self.notes)
        draft_buttons = QHBoxLayout()
        draft_buttons.addStretch(1)
        draft_buttons.addWidget(self.cancel_button)
        draft_buttons.addWidget(self.save_button)
        draft.addLayout(draft_buttons)
        self.draft_box.setVisible(False)

        self.ack_note = QLineEdit(self)
        self.ack_note.setObjectName("handoverAckNote")
        self.ack_note.setPlaceholderText(self.tr("接班意见（可选）"))
        self.ack_button = QPushButton(self.tr("确认接班"), self)
        self.ack_button.setObjectName("handoverAcknowledge")
        self.ack_button.clicked.connect(self.acknowledge)
        self.ack_state = QLabel(self)
        self.ack_state.setObjectName("handoverAckState")
        self.ack_box = QWidget(self)
        ack = QHBoxLayout(self.ack_box)
        ack.setContentsMargins(0, 0, 0, 0)
        ack.addWidget(self.ack_state, 1)
        ack.addWidget(self.ack_note, 1)
        ack.addWidget(self.ack_button)

        self.status = QLabel(self)
        self.status.setObjectName("handoverStatus")
        self.status.setWordWrap(True)

        tools = QHBoxLayout()
        tools.addWidget(self.period)
        tools.addWidget(self.generate_button)
        tools.addStretch(1)
        tools.addWidget(self.refresh_button)
        tools.addWidget(self.pdf_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("历次交接单"), left))
        left_layout.addWidget(self.list, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(tools)
        right_layout.addWidget(self.view, 1)
        right_layout.addWidget(self.draft_box)
        right_layout.addWidget(self.ack_box)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.resize(1300, 860)
        self._update_buttons()
        self.refresh()

    # ----------------------------------------------------------------- loading

    def refresh(self) -> None:
        """Reload the list of past sheets (keeps the one chosen)."""
        ws, actor = self._ctx.ws, self._ctx.actor
        if self.stored is not None and self._pending_select is None:
            self._pending_select = self.stored.id
        self._ctx.ops.run(lambda: ws.handover_sheets(actor), self._listed, self._failed,
                          description="handover.list", owner=self)  # fmt: skip

    def _listed(self, sheets: list[SheetInfo]) -> None:
        self.sheets = sheets
        wanted = self._pending_select
        self._pending_select = None
        self.list.blockSignals(True)
        self.list.clear()
        for info in sheets:
            item = QListWidgetItem(self._item_text(info))
            item.setData(SheetId, info.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((n for n, s in enumerate(sheets) if s.id == wanted), None)
        if row is None and self.draft is None and self.stored is None and sheets:
            row = 0  # newest first: open the latest sheet
        if row is not None:
            self.list.setCurrentRow(row)  # loads it
        self.sheets_loaded.emit(len(sheets))

    def _item_text(self, info: SheetInfo) -> str:
        state = (self.tr("已接班：%1").replace("%1", info.acknowledged_by_name)
                 if info.acknowledged else self.tr("待接班确认"))  # fmt: skip
        who = self.tr("交班：%1").replace("%1", info.created_by_name)
        return f"{shift_label(info.start, info.end)}\n{who}　{state}"

    def _current_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.open_sheet(int(item.data(SheetId)))

    def open_sheet(self, sheet_id: int) -> None:
        ws, actor = self._ctx.ws, self._ctx.actor
        self.status.setText(self.tr("正在读取交接单…"))
        token = self._next_token()
        self._ctx.ops.run(lambda: ws.handover_sheet(actor, sheet_id),
                          lambda stored: self._show_stored(stored, token), self._failed,
                          description="handover.sheet", owner=self)  # fmt: skip

    def _next_token(self) -> int:
        self._wanted += 1
        return self._wanted

    def _show_stored(self, stored: StoredSheet, token: int | None = None) -> None:
        if token is not None and token != self._wanted:
            return  # another sheet, or a draft, was asked for since
        self.draft = None
        self.draft_box.setVisible(False)
        self.stored = stored
        self.view.setHtml(sheet_html(stored.sheet, stored))
        self._set_status("")
        self._update_buttons()
        self.sheet_shown.emit(stored)

    # ----------------------------------------------------------------- writing

    def generate(self) -> None:
        """Generate the sheet of the chosen shift (not stored until 保存)."""
        ws, actor = self._ctx.ws, self._ctx.actor
        previous = self.period.currentData() == PREVIOUS
        now = self._ctx.clock()

        def work() -> HandoverSheet:
            start, end = ws.handover_shift(now, previous=previous)
            return ws.handover_preview(actor, start, end, at=now)

        self.generate_button.setEnabled(False)
        self.status.setText(self.tr("正在生成交接单…"))
        token = self._next_token()
        self._ctx.ops.run(work, lambda sheet: self._show_draft(sheet, token), self._failed,
                          description="handover.preview", owner=self)  # fmt: skip

    def _show_draft(self, sheet: HandoverSheet, token: int) -> None:
        if token != self._wanted:
            return
        self.draft = sheet
        self.stored = None
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        existing = next((s for s in self.sheets if (s.start, s.end) == (sheet.start, sheet.end)),
                        None)  # fmt: skip
        self.view.setHtml(sheet_html(sheet, notes=self.notes.toPlainText()))
        self.draft_box.setVisible(True)
        self.notes.setFocus()
        if existing is not None and existing.acknowledged:
            self._set_status(self.tr("该班次的交接单已确认接班，不能再保存"), error=True)
        elif existing is not None:
            self._set_status(self.tr("该班次已有交接单（尚未确认接班）：保存将以此替换"))
        else:
            self._set_status(self.tr("请填写交接备注后保存"))
        self._update_buttons()
        self.sheet_shown.emit(sheet)

    def save(self) -> None:
        if self.draft is None:
            return
        ws, actor = self._ctx.ws, self._ctx.actor
        period = (self.draft.start, self.draft.end)
        notes = self.notes.toPlainText()
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("正在保存…"))
        self._ctx.ops.run(lambda: ws.save_handover(actor, notes, period), self._saved,
                          self._failed, description="handover.save", owner=self)  # fmt: skip

    def _saved(self, stored: StoredSheet) -> None:
        self.notes.clear()
        self._next_token()
        self._show_stored(stored)
        self._set_status(self.tr("交接单已保存，等待接班值班长确认"))
        self._pending_select = stored.id
        self.refresh()
        self.saved.emit(stored)

    def _discard_draft(self) -> None:
        self._next_token()
        self.draft = None
        self.draft_box.setVisible(False)
        self.view.clear()
        self._update_buttons()
        if self.sheets:
            self.list.setCurrentRow(0)

    def acknowledge(self) -> None:
        if self.stored is None:
            return
        ws, actor = self._ctx.ws, self._ctx.actor
        sheet_id, note = self.stored.id, self.ack_note.text()
        self.ack_button.setEnabled(False)
        self._ctx.ops.run(lambda: ws.acknowledge_handover(actor, sheet_id, note),
                          self._acknowledged, self._failed,
                          description="handover.acknowledge", owner=self)  # fmt: skip

    def _acknowledged(self, stored: StoredSheet) -> None:
        self.ack_note.clear()
        self._next_token()
        self._show_stored(stored)
        self._set_status(self.tr("已确认接班"))
        self.refresh()
        self.acknowledged.emit(stored)

    # ----------------------------------------------------------------- PDF

    def _choose_pdf(self) -> None:
        sheet = self._shown_sheet()
        if sheet is None:
            return
        settings = QSettings()
        folder = str(settings.value("handover/pdfFolder", "") or "")
        name = self.tr("交接班记录") + f"-{sheet.start:%Y%m%d-%H%M}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出交接单"), f"{folder}/{name}" if folder else name,
            self.tr("PDF 文件 (*.pdf)"))  # fmt: skip
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            settings.setValue("handover/pdfFolder", path.rsplit("/", 1)[0] if "/" in path else "")
            self.export_pdf(path)

    def export_pdf(self, path: str) -> int:
        """The sheet shown, as an A4 PDF at ``path``; returns its number of pages."""
        sheet = self._shown_sheet()
        if sheet is None:
            raise RuntimeError("no sheet shown")
        html = sheet_html(sheet, self.stored) if self.stored is not None \
            else sheet_html(sheet, notes=self.notes.toPlainText())  # fmt: skip
        title = self.tr("交接班记录 %1").replace("%1", shift_label(sheet.start, sheet.end))
        try:
            pages = write_pdf(html, path, title, self.view.font())
        except OSError as exc:
            self._set_status(self.tr("无法写入 PDF：%1").replace("%1", str(exc)), error=True)
            return 0
        self._set_status(self.tr("已导出 %1（%2 页）").replace("%1", path)
                         .replace("%2", str(pages)))  # fmt: skip
        return pages

    def _shown_sheet(self) -> HandoverSheet | None:
        return self.stored.sheet if self.stored is not None else self.draft

    # ----------------------------------------------------------------- state

    def _update_buttons(self) -> None:
        me = self._ctx.account.username
        is_leader = self._ctx.role is Role.LEADER
        self.generate_button.setEnabled(is_leader)
        self.save_button.setEnabled(is_leader and self.draft is not None)
        self.pdf_button.setEnabled(self._shown_sheet() is not None)
        stored = self.stored
        self.ack_box.setVisible(stored is not None and self.draft is None)
        if stored is None:
            return
        info = stored.info
        if info.acknowledged_at is not None:
            self.ack_state.setText(self.tr("%1 已于 %2 确认接班")
                                   .replace("%1", info.acknowledged_by_name)
                                   .replace("%2", _t(info.acknowledged_at)))  # fmt: skip
        elif info.created_by == me:
            self.ack_state.setText(self.tr("待接班值班长确认（须由另一位值班长确认）"))
        else:
            self.ack_state.setText(self.tr("待接班确认"))
        can_ack = is_leader and info.acknowledged_at is None and info.created_by != me
        self.ack_button.setVisible(info.acknowledged_at is None)
        self.ack_note.setVisible(can_ack)
        self.ack_button.setEnabled(can_ack)

    def _failed(self, message: str, _exc: BaseException) -> None:
        self._set_status(message, error=True)
        self._update_buttons()

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)


def _t(value: datetime) -> str:
    return f"{value:%Y-%m-%d %H:%M}"
