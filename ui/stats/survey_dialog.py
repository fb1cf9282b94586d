"""满意度调查: the shift leader enters a month's survey of each handling unit and of the
dispatch staff (how many were asked, how many were 满意 or 基本满意).

The month's stored figures are loaded first; saving writes the whole month in one
transaction (`Workstation.record_surveys`, which validates and audits); an error is shown
in the dialog, which stays open with what was typed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from workstation.services.surveys import STAFF, STAFF_SUBJECT, UNIT, SurveyEntry

ERROR_STYLE = "QLabel { color: #c62828; }"


class SurveyDialog(QDialog):
    saved = Signal()

    def __init__(self, ctx: AppContext, month: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("surveyDialog")
        self.setWindowTitle(self.tr("录入满意度调查"))
        self.setMinimumSize(560, 520)
        self._ctx = ctx
        self._token = 0
        self.month = QDateEdit(QDate.fromString(month + "-01", "yyyy-MM-dd"), self)
        self.month.setObjectName("surveyMonth")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.dateChanged.connect(lambda _date: self._load())
        subjects: list[tuple[str, str, str]] = [
            (UNIT, code, unit.name) for code, unit in sorted(ctx.ws.reference.matrix.units.items())
        ]
        subjects.append((STAFF, STAFF_SUBJECT, self.tr("派遣人员（全体）")))
        self._subjects = subjects
        self.table = QTableWidget(len(subjects), 3, self)
        self.table.setObjectName("surveyTable")
        self.table.setHorizontalHeaderLabels([self.tr("调查对象"), self.tr("调查人数"),
                                              self.tr("满意人数（含基本满意）")])  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.spins: dict[tuple[str, str], tuple[QSpinBox, QSpinBox]] = {}
        for row, (respondent, subject, name) in enumerate(subjects):
            item = QTableWidgetItem(name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, item)
            pair = (self._spin(), self._spin())
            self.table.setCellWidget(row, 1, pair[0])
            self.table.setCellWidget(row, 2, pair[1])
            self.spins[(respondent, subject)] = pair
        self.error = QLabel(self)
        self.error.setObjectName("surveyError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("调查月份"), self.month)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("调查人数为 0 的对象不计入满意度。"), self))
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._load()

    def _spin(self) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(0, 100000)
        return spin

    def month_text(self) -> str:
        return self.month.date().toString("yyyy-MM")

    def entries(self) -> list[SurveyEntry]:
        return [SurveyEntry(respondent, subject, surveyed.value(), satisfied.value())
                for (respondent, subject), (surveyed, satisfied) in self.spins.items()]

    def _load(self) -> None:
        """The month's stored figures; nothing can be typed until they are in (a late
        answer would overwrite what was typed)."""
        self._token += 1
        token, ws, month = self._token, self._ctx.ws, self.month_text()
        self.table.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.error.setStyleSheet("")
        self.error.setText(self.tr("正在加载 {month} 的调查数据…").format(month=month))

        def loaded(entries: list[SurveyEntry]) -> None:
            if token != self._token:
                return
            self.table.setEnabled(True)
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
            self.error.clear()
            for surveyed, satisfied in self.spins.values():
                surveyed.setValue(0)
                satisfied.setValue(0)
            for e in entries:
                pair = self.spins.get((e.respondent, e.subject))
                if pair is not None:
                    pair[0].setValue(e.surveyed)
                    pair[1].setValue(e.satisfied)

        self._ctx.ops.run(lambda: ws.month_surveys(month), loaded, self._failed,
                          description="load surveys", owner=self)  # fmt: skip

    @property
    def ready(self) -> bool:
        """The month's figures are loaded and may be edited."""
        return self.table.isEnabled()

    def save(self) -> None:
        if not self.ready:
            return
        ws, actor, month, entries = self._ctx.ws, self._ctx.actor, self.month_text(), self.entries()
        self.buttons.setEnabled(False)

        def done(_changed: Any) -> None:
            self.saved.emit()
            self.accept()

        def failed(message: str, exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self._failed(message, exc)

        self._ctx.ops.run(lambda: ws.record_surveys(actor, month, entries), done, failed,
                          description="record surveys", owner=self)  # fmt: skip

    def _failed(self, message: str, exc: BaseException) -> None:
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setText(message)
