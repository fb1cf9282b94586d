"""The calendar screen's two small dialogs: what to make of one day, and what to do with
the deadlines a change moves.

Neither calls a service: each says what the administrator chose through a signal, and the
screen runs it. Both are opened with `open()` (window-modal, no nested event loop) and
delete themselves on close.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.admin.year_grid import day_style, kind_label, source_label
from ui.labels import state_label
from workstation.domain.holiday_rules import DayKind, DaySource
from workstation.services.calendar_admin import CalendarImpact, DayChange, DayView

MAX_ROWS = 300  # the table lists this many affected cases; the count says how many in all


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else "—"


class DayDialog(QDialog):
    """节假日 / 工作日 / 按规则（清除录入） and a note for one day; OK emits `chosen`."""

    chosen = Signal(object)  # DayChange: only when it changes something

    def __init__(self, view: DayView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("calendarDayDialog")
        self.setMinimumWidth(320)
        self.view = view
        day = view.day
        self.setWindowTitle(self.tr("设置 %1").replace("%1", day.isoformat()))
        weekday = QLocale().dayName(day.isoweekday(), QLocale.FormatType.LongFormat)
        special = view.special
        source = source_label(special.source if special else DaySource.WEEK)
        now = self.tr("当前：%1（%2）").replace("%1", kind_label(day_style(view)))
        now = now.replace("%2", source)
        if special is not None and special.name:
            now += f"　{special.name}"
        header = QLabel(f"<b>{day.isoformat()} {weekday}</b><br>{now}", self)
        header.setObjectName("dayHeader")
        header.setTextFormat(Qt.TextFormat.RichText)

        self.holiday = QRadioButton(self.tr("节假日（休息）"), self)
        self.holiday.setObjectName("dayHoliday")
        self.workday = QRadioButton(self.tr("工作日（上班）"), self)
        self.workday.setObjectName("dayWorkday")
        self.rule = QRadioButton(self.tr("按规则（清除录入）"), self)
        self.rule.setObjectName("dayRule")
        group = QButtonGroup(self)
        for button in (self.holiday, self.workday, self.rule):
            group.addButton(button)
        if view.is_override and special is not None:
            (self.workday if special.kind is DayKind.WORKDAY else self.holiday).setChecked(True)
        else:
            self.rule.setChecked(True)  # what the day is now: it follows the rules
        self.note = QLineEdit(special.note if view.is_override and special else "", self)
        self.note.setObjectName("dayNote")
        self.note.setMaxLength(100)
        self.note.setPlaceholderText(self.tr("如：春节调休（可选）"))
        self.rule.toggled.connect(lambda on: self.note.setEnabled(not on))
        self.note.setEnabled(not self.rule.isChecked())

        form = QFormLayout()
        form.addRow(self.tr("设为"), self.holiday)
        form.addRow("", self.workday)
        form.addRow("", self.rule)
        form.addRow(self.tr("备注"), self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        if self.rule.isChecked():  # most clicks turn the day into the other kind
            (self.holiday if view.is_workday else self.workday).setFocus()
        else:
            self.rule.setFocus()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def change(self) -> DayChange | None:
        """What OK writes, or None when it would change nothing."""
        view, special = self.view, self.view.special
        if self.rule.isChecked():
            return DayChange(view.day, None) if view.is_override else None
        kind = DayKind.WORKDAY if self.workday.isChecked() else DayKind.HOLIDAY
        note = self.note.text().strip()
        if view.is_override and special is not None \
                and (special.kind, special.note) == (kind, note):  # fmt: skip
            return None
        return DayChange(view.day, kind, note)

    def accept(self) -> None:
        change = self.change()
        super().accept()
        if change is not None:
            self.chosen.emit(change)


class ImpactDialog(QDialog):
    """The impact dialog, "此变更影响 N 件在办案件的期限": the cases, old → new, and the
    three choices.

    `decided(object)` carries True (重算期限), False (保留原期限) or None (取消, or the
    dialog closed), exactly once.
    """

    decided = Signal(object)

    def __init__(self, impact: CalendarImpact, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("impactDialog")
        self.setWindowTitle(self.tr("日历变更影响在办案件"))
        self.setMinimumWidth(640)
        self.impact = impact
        self._decision: bool | None = None
        self._reported = False

        count = impact.count
        title = QLabel(self.tr("此变更影响 %1 件在办案件的期限").replace("%1", str(count)), self)
        title.setObjectName("impactTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        explain = QLabel(self.tr(
            "重算期限：按新的日历重新计算这些案件的期限，并记入各案件的处理记录。\n"
            "保留原期限：已给出的期限不变；之后的环节按新的日历计时。"
        ), self)  # fmt: skip
        explain.setWordWrap(True)

        self.table = QTableWidget(min(count, MAX_ROWS), 4, self)
        self.table.setObjectName("impactTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("案件编号"), self.tr("状态"), self.tr("处置期限（原 → 新）"),
            self.tr("环节期限（原 → 新）"),
        ])  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        for row, case in enumerate(impact.affected[:MAX_ROWS]):
            state = state_label(case.state)
            cells = (
                case.case_no,
                state,
                f"{_when(case.deadline)} → {_when(case.new_deadline)}",
                f"{_when(case.stage_deadline)} → {_when(case.new_stage_deadline)}",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        more = QLabel(self)
        if count > MAX_ROWS:
            more.setText(self.tr("仅列出前 %1 件（共 %2 件）")
                         .replace("%1", str(MAX_ROWS)).replace("%2", str(count)))  # fmt: skip
        more.setVisible(count > MAX_ROWS)

        self.recompute_button = QPushButton(self.tr("重算期限"), self)
        self.recompute_button.setObjectName("recomputeButton")
        self.keep_button = QPushButton(self.tr("保留原期限"), self)
        self.keep_button.setObjectName("keepButton")
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.setObjectName("cancelButton")
        self.recompute_button.setDefault(True)
        self.recompute_button.clicked.connect(lambda: self._decide(True))
        self.keep_button.clicked.connect(lambda: self._decide(False))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.recompute_button, self.keep_button, self.cancel_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(more)
        layout.addLayout(buttons)
        self.resize(760, 420)

    def _decide(self, recompute: bool) -> None:
        self._decision = recompute
        self.accept()

    def done(self, result: int) -> None:
        decision = self._decision if result == QDialog.DialogCode.Accepted else None
        super().done(result)
        if not self._reported:
            self._reported = True
            self.decided.emit(decision)
