"""工作日历: the administrator's working-calendar screen (a non-modal window).

A year at a glance with its status (官方安排 / 已确认 / 调休未录入), the days to click
and set, the schedule import, the office hours and stage limits. Every change goes
through the affected-cases rule (see `CalendarController`): the open cases whose
deadlines it moves are listed first, and the administrator recomputes or keeps them.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.admin.calendar_controller import CalendarController
from ui.admin.calendar_dialogs import DayDialog, ImpactDialog
from ui.admin.year_grid import CalendarLegend, DayStyle, YearGrid, day_style
from ui.context import AppContext
from ui.widgets.calendar_notice import unconfirmed_warning
from workstation.domain.holiday_rules import YearStatus
from workstation.services.calendar_admin import (
    CalendarChange,
    CalendarChangeResult,
    CalendarImpact,
    DayChange,
    YearView,
)

STATUS_COLOURS = {
    YearStatus.OFFICIAL: "#2e7d32",
    YearStatus.CONFIRMED: "#1565c0",
    YearStatus.UNCONFIRMED: "#ef6c00",
}
BANNER_STYLE = ("QLabel#calendarWarning { background: #fff3e0; color: #8a3c00;"
                " border: 1px solid #ef6c00; padding: 6px 8px; }")  # fmt: skip
OK_STYLE = "QLabel { color: #2e7d32; }"
ERROR_STYLE = "QLabel { color: #c62828; }"
BUSY_STYLE = "QLabel { color: #546e7a; }"
FIRST_YEAR, LAST_YEAR = 2000, 2100  # what the service accepts


class CalendarScreen(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarScreen")
        self.setWindowTitle(self.tr("工作日历"))
        self.setModal(False)
        self._ctx = ctx
        self._view: YearView | None = None
        self.day_dialog: DayDialog | None = None
        self.impact_dialog: ImpactDialog | None = None
        self._focus: QWidget | None = None
        self.controller = CalendarController(ctx, self)

        # -- the year and its status -----------------------------------------------------
        self.previous = QToolButton(self)
        self.previous.setObjectName("previousYear")
        self.previous.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous.setToolTip(self.tr("上一年"))
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("yearSpin")
        self.year_spin.setRange(FIRST_YEAR, LAST_YEAR)
        self.year_spin.setKeyboardTracking(False)  # 2, 20, 202 are not years to load
        self.year_spin.setValue(ctx.clock().year)
        self.next = QToolButton(self)
        self.next.setObjectName("nextYear")
        self.next.setArrowType(Qt.ArrowType.RightArrow)
        self.next.setToolTip(self.tr("下一年"))
        self.status_badge = QLabel(self)
        self.status_badge.setObjectName("yearStatus")
        self.confirmation = QLabel(self)
        self.confirmation.setObjectName("yearConfirmation")
        self.confirm_button = QPushButton(self.tr("确认本年安排"), self)
        self.confirm_button.setObjectName("confirmYear")
        self.import_button = QPushButton(self.tr("导入调休表…"), self)
        self.import_button.setObjectName("importSchedule")
        self.import_button.setToolTip(self.tr(
            "CSV 文件，每行“日期,类型,备注”，如 2027-02-20,workday,春节调休；"
            "类型为 holiday（休）或 workday（班）"
        ))  # fmt: skip
        top = QHBoxLayout()
        for widget in (self.previous, self.year_spin, self.next):
            top.addWidget(widget)
        top.addSpacing(12)
        top.addWidget(self.status_badge)
        top.addWidget(self.confirmation)
        top.addStretch(1)
        top.addWidget(self.confirm_button)
        top.addWidget(self.import_button)

        self.warning = QLabel(self)
        self.warning.setObjectName("calendarWarning")
        self.warning.setStyleSheet(BANNER_STYLE)
        self.warning.setWordWrap(True)
        self.warning.hide()

        # -- the year ----------------------------------------------------------------------
        self.grid = YearGrid(self)
        self.grid.set_today(ctx.clock().date())
        self.legend = CalendarLegend(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("yearSummary")
        hint = QLabel(self.tr("单击日期或按 Enter 设置；方向键移动，PageUp/PageDown 换月"), self)
        hint.setStyleSheet(BUSY_STYLE)
        self.legend.setMinimumWidth(self.legend.sizeHint().width())  # never clipped
        hint_row = QHBoxLayout()  # the summary below the legend: English labels are long
        hint_row.addWidget(hint)
        hint_row.addStretch(1)
        hint_row.addWidget(self.summary)

        # -- office hours and stage limits -----------------------------------------------
        self.settings_box = QGroupBox(self.tr("办公时段与环节时限（全局，对所有年份有效）"), self)
        self.setting_edits: dict[str, QLineEdit] = {}
        fields = QGridLayout(self.settings_box)
        # 办公时段 on its own row; then the stage limits as a table: a row per priority, a
        # column per stage; the urgent handling limit at the end of the urgent row.
        fields.addWidget(QLabel(self.tr("办公时段"), self.settings_box), 0, 0)
        fields.addWidget(self._setting_edit("office_hours"), 0, 1, 1, 4)
        self.setting_edits["office_hours"].setPlaceholderText("09:00-12:00, 14:30-18:00")
        stages = (("verify", self.tr("核实")), ("file", self.tr("立案")),
                  ("dispatch", self.tr("派遣")), ("check", self.tr("核查")))  # fmt: skip
        for column, (_, title) in enumerate(stages, start=1):
            fields.addWidget(QLabel(title, self.settings_box), 1, column)
        for row, (prefix, title) in enumerate(
            (("stage_limit.", self.tr("一般案件")), ("stage_limit.urgent.", self.tr("紧急案件"))),
            start=2,
        ):
            fields.addWidget(QLabel(title, self.settings_box), row, 0)
            for column, (stage, _) in enumerate(stages, start=1):
                fields.addWidget(self._setting_edit(prefix + stage), row, column)
        fields.addWidget(QLabel(self.tr("紧急案件处置时限"), self.settings_box), 3, 5)
        fields.addWidget(self._setting_edit("stage_limit.urgent_handling"), 3, 6)
        self.save_settings_button = QPushButton(self.tr("保存时限设置"), self.settings_box)
        self.save_settings_button.setObjectName("saveSettings")
        fields.addWidget(self.save_settings_button, 0, 8)
        limits = QLabel(self.tr("时限写法如：1 工作时、3 工作日、4 自然小时、30 分钟"),
                        self.settings_box)  # fmt: skip
        limits.setStyleSheet(BUSY_STYLE)
        fields.addWidget(limits, 4, 0, 1, 7)
        fields.setColumnStretch(7, 1)  # the fields keep a readable width on a wide window
        for column in (1, 2, 3, 4, 6):
            fields.setColumnMinimumWidth(column, 120)

        # -- what happened -------------------------------------------------------------------
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("calendarBusy")
        self.busy_label.setStyleSheet(BUSY_STYLE)
        # How far the re-derivation of the open cases is (seconds on a large centre).
        self.progress = QProgressBar(self)
        self.progress.setObjectName("calendarProgress")
        self.progress.setMaximumWidth(220)
        self.progress.setFormat(self.tr("%v / %m 件"))
        self.progress.hide()
        self.result_label = QLabel(self)
        self.result_label.setObjectName("calendarResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.busy_label)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.result_label, 1)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warning)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.legend)
        layout.addLayout(hint_row)
        layout.addWidget(self.settings_box)
        layout.addLayout(bottom)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter belongs to the grid and the line edits
        self.controls: list[QWidget] = [self.previous, self.year_spin, self.next,
                                        self.confirm_button, self.import_button, self.grid,
                                        self.settings_box]  # fmt: skip

        self.previous.clicked.connect(lambda: self.year_spin.stepBy(-1))
        self.next.clicked.connect(lambda: self.year_spin.stepBy(1))
        self.year_spin.valueChanged.connect(self.controller.load)
        self.confirm_button.clicked.connect(self.toggle_confirmed)
        self.import_button.clicked.connect(self.choose_import_file)
        self.save_settings_button.clicked.connect(self.save_settings)
        self.grid.day_activated.connect(self.edit_day)
        c = self.controller
        c.year_loaded.connect(self.show_year)
        c.busy_changed.connect(self._busy)
        c.progress_changed.connect(self._progress)
        c.impact_ready.connect(self.ask_impact)
        c.applied.connect(self._applied)
        c.failed.connect(self.show_error)
        self.resize(1180, 860)
        self.grid.setFocus()
        c.load(self.year)

    def _setting_edit(self, key: str) -> QLineEdit:
        edit = QLineEdit(self.settings_box)
        edit.setObjectName(f"setting_{key}")
        edit.returnPressed.connect(self.save_settings)
        edit.setMinimumWidth(110)
        self.setting_edits[key] = edit
        return edit

    def _status_label(self, status: YearStatus) -> str:
        return {
            YearStatus.OFFICIAL: self.tr("官方安排"),
            YearStatus.CONFIRMED: self.tr("已确认"),
            YearStatus.UNCONFIRMED: self.tr("调休未录入"),
        }[status]

    @property
    def year(self) -> int:
        return self.year_spin.value()

    @property
    def view(self) -> YearView | None:
        return self._view

    # -- showing -------------------------------------------------------------------------

    def show_year(self, view: YearView) -> None:
        if view.year != self.year:
            return  # the administrator moved on to another year meanwhile
        self._view = view
        self.grid.set_year_view(view)
        status = view.status
        colour = STATUS_COLOURS[status]
        self.status_badge.setText(self._status_label(status))
        self.status_badge.setStyleSheet(f"QLabel {{ background: {colour}; color: white;"
                                        " padding: 2px 10px; font-weight: bold; }")  # fmt: skip
        if status is YearStatus.CONFIRMED:
            when = view.confirmed_at.strftime("%Y-%m-%d %H:%M") if view.confirmed_at else ""
            text = self.tr("由 %1 于 %2 确认").replace("%1", view.confirmed_by)
            self.confirmation.setText(text.replace("%2", when))
        elif status is YearStatus.OFFICIAL:
            self.confirmation.setText(self.tr("国务院公布的放假安排"))
        else:
            self.confirmation.setText("")
        if status is YearStatus.UNCONFIRMED:
            self.warning.setText(unconfirmed_warning(str(view.year)))
        self.warning.setVisible(status is YearStatus.UNCONFIRMED)
        self.confirm_button.setVisible(status is not YearStatus.OFFICIAL)
        self.confirm_button.setText(
            self.tr("取消确认") if status is YearStatus.CONFIRMED else self.tr("确认本年安排")
        )
        self.confirm_button.setToolTip(
            self.tr("改回“调休未录入”，工作台将重新提示")
            if status is YearStatus.CONFIRMED
            else self.tr("确认本年的节假日和调休上班日已按国务院公布的安排录入完毕")
        )
        counts = Counter(day_style(d) for d in view.days)
        overrides = sum(1 for d in view.days if d.is_override)
        self.summary.setText(
            self.tr("工作日 %1 天 · 节假日 %2 天 · 调休上班 %3 天 · 管理员录入 %4 天")
            .replace("%1", str(sum(1 for d in view.days if d.is_workday)))
            .replace("%2", str(counts[DayStyle.HOLIDAY]))
            .replace("%3", str(counts[DayStyle.MAKEUP])).replace("%4", str(overrides))
        )  # fmt: skip
        for key, edit in self.setting_edits.items():
            edit.setText(view.settings.get(key, ""))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setVisible(total > 0 and bool(self.controller.busy))

    def _busy(self, text: str) -> None:
        self.busy_label.setText(text)
        if not text:
            self.progress.hide()
        if text and self._focus is None:
            self._focus = self.focusWidget()  # disabling moves the focus: give it back after
        for widget in self.controls:
            widget.setEnabled(not text)
        if not text:
            focus, self._focus = self._focus, None
            if focus is not None and shiboken6.isValid(focus) and focus.isEnabled():
                focus.setFocus()

    def show_result(self, text: str) -> None:
        self.result_label.setStyleSheet(OK_STYLE)
        self.result_label.setText(text)

    def show_error(self, message: str) -> None:
        self.result_label.setStyleSheet(ERROR_STYLE)
        self.result_label.setText(message)

    # -- changing ------------------------------------------------------------------------

    def edit_day(self, day: date) -> None:
        view = self.grid.day_view(day)
        if view is None or self.controller.busy:
            return
        dialog = DayDialog(view, self)
        dialog.chosen.connect(self._day_chosen)
        self.day_dialog = dialog
        dialog.open()

    def _day_chosen(self, change: DayChange) -> None:
        self.propose(CalendarChange(days=(change,)))

    def propose(self, change: CalendarChange) -> None:
        """Run a change through the affected-cases rule (the result line says how it went)."""
        self.result_label.clear()
        self.controller.propose(change)

    def toggle_confirmed(self) -> None:
        view = self._view
        if view is None or view.status is YearStatus.OFFICIAL:
            return
        if view.status is YearStatus.CONFIRMED:
            self.propose(CalendarChange(unconfirm_years=(view.year,)))
        else:
            self.propose(CalendarChange(confirm_years=(view.year,)))

    def choose_import_file(self) -> None:
        dialog = QFileDialog(self, self.tr("导入调休表"), "",
                             self.tr("调休表 (*.csv *.txt);;所有文件 (*)"))  # fmt: skip
        dialog.setObjectName("importFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.import_file)
        dialog.open()

    def import_file(self, path: str) -> None:
        if path:
            self.result_label.clear()
            self.controller.import_file(path)

    def save_settings(self) -> None:
        if self._view is None or self.controller.busy:
            return
        current = self._view.settings
        changed = tuple((key, edit.text().strip()) for key, edit in self.setting_edits.items()
                        if edit.text().strip() != current.get(key, ""))  # fmt: skip
        if not changed:
            self.show_result(self.tr("时限设置没有变化"))
            return
        self.propose(CalendarChange(settings=changed))

    def ask_impact(self, found: CalendarImpact) -> None:
        dialog = ImpactDialog(found, self)
        dialog.decided.connect(lambda recompute: self._decided(found.change, recompute))
        self.impact_dialog = dialog
        dialog.open()

    def _decided(self, change: CalendarChange, recompute: bool | None) -> None:
        if recompute is None:
            self.controller.cancel()
            self.show_result(self.tr("已取消：未保存任何变更"))
        else:
            self.controller.apply(change, recompute)

    def _applied(self, result: CalendarChangeResult) -> None:
        if result.recomputed:
            text = self.tr("已保存；已重算 %1 件案件的期限").replace("%1", str(result.recomputed))
        elif result.kept:
            text = self.tr("已保存；保留了 %1 件案件的原期限").replace("%1", str(result.kept))
        else:
            text = self.tr("已保存")
        self.show_result(text)
        # An imported schedule of another year: show that year (which loads it).
        years = sorted({d.day.year for d in result.change.days})
        if years and self.year not in years:
            self.year_spin.setValue(years[0])
        else:
            self.controller.load(self.year)
