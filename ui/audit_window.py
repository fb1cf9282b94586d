"""审计记录: who did what to which case, from which workstation, and every administration
change — filtered, newest first, exported to CSV (the rule and the reading in
services.audit; shift leaders and administrators only)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.labels import action_label
from workstation.services.audit import AuditEntry, AuditFilter, to_csv

LIMIT = 5000


class AuditWindow(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._ctx = ctx
        self.entries: list[AuditEntry] = []
        self._generation = 0  # bumped by every query: an older answer arriving late is dropped
        self.setObjectName("auditWindow")
        self.setWindowTitle(self.tr("审计记录"))
        self.resize(1100, 640)
        self.user = self._line(self.tr("账号，如 dispatcher"))
        self.case = self._line(self.tr("案件编号或 ID"))
        self.action = self._line(self.tr("操作，如 dispatch"))
        self.workstation = self._line(self.tr("工作站名称"))
        self.first_day, self.last_day = self._date(), self._date()
        today = QDate.currentDate()
        self.first_day.setDate(today.addDays(-6))
        self.last_day.setDate(today)
        self.search = QPushButton(self.tr("查询(&Q)"), self)
        self.search.setDefault(True)
        self.search.clicked.connect(self.load)
        self.export = QPushButton(self.tr("导出 CSV(&E)…"), self)
        self.export.clicked.connect(self.export_csv)
        self.status = QLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("账号"), self.user)
        form.addRow(self.tr("案件"), self.case)
        form.addRow(self.tr("操作"), self.action)
        form.addRow(self.tr("工作站"), self.workstation)
        period = QHBoxLayout()
        period.addWidget(self.first_day)
        period.addWidget(QLabel(self.tr("至"), self))
        period.addWidget(self.last_day)
        period.addStretch(1)
        form.addRow(self.tr("日期"), period)
        self.model = QStandardItemModel(0, 7, self)
        self.model.setHorizontalHeaderLabels([
            self.tr("时间"), self.tr("账号"), self.tr("角色"), self.tr("工作站"),
            self.tr("操作"), self.tr("案件/对象"), self.tr("说明")])  # fmt: skip
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.search)
        buttons.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self, self.load)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.load()

    def _line(self, placeholder: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setPlaceholderText(placeholder)
        line.setClearButtonEnabled(True)
        return line

    def _date(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def filter(self) -> AuditFilter:
        def day(edit: QDateEdit) -> date:
            return edit.date().toPython()  # type: ignore[no-any-return]

        return AuditFilter(self.user.text().strip(), self.case.text().strip(),
                           self.action.text().strip(), self.workstation.text().strip(),
                           day(self.first_day), day(self.last_day))  # fmt: skip

    def load(self) -> None:
        flt, ws, reader = self.filter(), self._ctx.ws, self._ctx.actor
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("正在读取…"))
        self.search.setEnabled(False)
        self._ctx.ops.run(lambda: ws.audit_trail(reader, flt, LIMIT),
                          lambda entries: self._loaded(entries, generation),
                          lambda message, exc: self._failed(message, generation),
                          description="audit trail", owner=self)  # fmt: skip

    def _loaded(self, entries: list[AuditEntry], generation: int) -> None:
        if generation != self._generation:
            return  # a later query is on its way
        self.search.setEnabled(True)
        self.entries = entries
        self.model.setRowCount(0)
        for e in entries:
            cells = [f"{e.at:%Y-%m-%d %H:%M:%S}", e.actor, e.role, e.workstation,
                     action_label(e.action) if e.case_no else e.action,
                     e.case_no or e.subject, e.note]  # fmt: skip
            self.model.appendRow([QStandardItem(c) for c in cells])
        self.table.resizeColumnsToContents()  # the header alone had sized them: text clipped
        more = self.tr("（仅列出最新的 %1 条，请缩小范围）").replace("%1", str(LIMIT)) \
            if len(entries) >= LIMIT else ""  # fmt: skip
        self.status.setText(self.tr("共 %1 条").replace("%1", str(len(entries))) + more)

    def _failed(self, message: str, generation: int) -> None:
        if generation != self._generation:
            return
        self.search.setEnabled(True)
        self.status.setText(message)

    def export_csv(self) -> None:
        dialog = QFileDialog(self, self.tr("导出审计记录"), "audit.csv",
                             self.tr("CSV 文件 (*.csv)"))  # fmt: skip
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.fileSelected.connect(self.write_csv)
        dialog.open()

    def write_csv(self, path: str) -> None:
        """What the table shows, as UTF-8 with a BOM (Excel reads the Chinese)."""
        try:
            with open(path, "w", encoding="utf-8-sig", newline="") as out:
                out.write(to_csv(self.entries))
        except OSError as exc:
            self.status.setText(self.tr("无法写入文件：%1").replace("%1", str(exc)))
            return
        self.status.setText(self.tr("已导出 %1 条：%2").replace("%1", str(len(self.entries)))
                            .replace("%2", path))  # fmt: skip
