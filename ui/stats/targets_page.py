"""The 绩效目标 page: the sub-centre's declared 2026 targets against what the system measured
for the statistics window's period, each with a pass/fail mark that is text and colour
(never colour alone), and what cannot be measured saying which data it lacks.

The figures come from `Workstation.performance_targets` (rules in domain.metrics.targets)
on a worker; a result for a period that is no longer shown is dropped.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.stats.survey_dialog import SurveyDialog
from workstation.domain.metrics import Period
from workstation.domain.metrics.targets import TargetRow, Verdict
from workstation.services.surveys import SURVEY_ROLES
from workstation.services.targets import TargetsReport

# (mark, text colour, background) per verdict
_LOOK = {
    Verdict.MET: ("✔", "#1b5e20", "#e8f5e9"),
    Verdict.MISSED: ("✘", "#b71c1c", "#ffebee"),
    Verdict.NO_DATA: ("—", "#546e7a", "#eceff1"),
    Verdict.NOT_MEASURED: ("？", "#546e7a", "#eceff1"),
}


class TargetsPage(QWidget):
    loaded = Signal()  # a report was shown (tests wait on it)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetsPage")
        self._ctx = ctx
        self._token = 0
        self._period: Period | None = None
        self._label = ""
        self.report: TargetsReport | None = None
        self.title = QLabel(self)
        self.title.setObjectName("targetsTitle")
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("targetsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("绩效目标"), self.tr("目标值"), self.tr("本期实测"), self.tr("结果"),
             self.tr("计算口径")])  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel(self.tr(
            "目标依据：呈贡分中心 2026 年度网格化监督项目绩效目标申报。"
            "实测按本页所选统计期计算（不受街道、社区、类别、单位筛选影响）；"
            "满意度调查由值班长每月录入。"), self)  # fmt: skip
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #546e7a;")
        self.survey_button = QPushButton(self.tr("录入满意度调查…"), self)
        self.survey_button.setObjectName("surveyButton")
        self.survey_button.setVisible(ctx.role in SURVEY_ROLES)
        self.survey_button.clicked.connect(self.open_survey)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.survey_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def show_period(self, period: Period, label: str) -> None:
        """Measure the targets for ``period`` (the window's filter) in the background."""
        self._period, self._label = period, label
        self._token += 1
        token = self._token
        self.title.setText(self.tr("项目绩效目标 · 本期实测（{period}）").format(period=label))
        ws = self._ctx.ws
        first, last = period.start.date(), (period.end - timedelta(seconds=1)).date()
        as_of = period.as_of

        def shown(report: TargetsReport) -> None:
            if token == self._token:
                self._show(report)

        def failed(message: str, exc: BaseException) -> None:
            if token == self._token:
                self.title.setText(self.tr("绩效目标无法计算：{message}").format(message=message))

        self._ctx.ops.run(lambda: ws.performance_targets(first.isoformat(), last.isoformat(),
                                                         at=as_of),
                          shown, failed, description="performance targets", owner=self)  # fmt: skip

    def _wording(self) -> dict[str, tuple[str, str, str]]:
        """key → (name, target, basis) in the window's language (the domain's are Chinese)."""
        rate = self.tr("≥ 95%")
        return {
            "supervisors": (self.tr("30 名监督员 365 天采集信息"), self.tr("每天 30 人在岗"),
                            self.tr("当天有定位上报或上报、核实、核查案件的监督员计为在岗")),
            "acceptance": (self.tr("验收合格率"), rate,
                           self.tr("监督员有效上报率 = 有效上报数 ÷ 上报数")),
            "budget": (self.tr("预算执行率"), rate,
                       self.tr("系统中没有项目预算与实际支出数据，需财务部门提供预算执行情况")),
            "cost": (self.tr("月度外包服务费"), self.tr("103,500 元／月（全年 1,242,000 元）"),
                     self.tr("系统不记录外包服务合同与付款数据")),
            "hazards": (self.tr("消除安全隐患，市民出行安全"), rate,
                        self.tr("安全隐患类（井盖、燃气、路面塌陷、线缆脱落等）"
                                "按期结案数 ÷ 应结案数")),
            "citizens": (self.tr("市民满意度"), rate,
                         self.tr("回访中（满意 + 基本满意）÷ 已回访案件数")),
            "units": (self.tr("处置单位满意度"), rate,
                      self.tr("值班长录入的处置单位满意度调查：满意人数 ÷ 调查人数")),
            "staff": (self.tr("派遣人员满意度"), rate,
                      self.tr("值班长录入的派遣人员满意度调查：满意人数 ÷ 调查人数")),
        }  # fmt: skip

    def _measured(self, target: TargetRow) -> str:
        if target.verdict is Verdict.NOT_MEASURED:
            return self.tr("无法计算")
        if target.measured is None:
            return self.tr("—（本期无数据）")
        if target.key == "supervisors":
            return self.tr("日均 {mean} 人，最少 {least} 人；满员 {full}/{days} 天").format(
                mean=f"{target.measured:.1f}", least=target.minimum, full=target.numerator,
                days=target.denominator)  # fmt: skip
        return f"{target.measured:.1f}%（{target.numerator}/{target.denominator}）"

    def _show(self, report: TargetsReport) -> None:
        self.report = report
        names = {Verdict.MET: self.tr("达标"), Verdict.MISSED: self.tr("未达标"),
                 Verdict.NO_DATA: self.tr("本期无数据"),
                 Verdict.NOT_MEASURED: self.tr("无法计算")}  # fmt: skip
        wording = self._wording()
        self.table.setRowCount(len(report.rows))
        for row, target in enumerate(report.rows):
            mark, fg, bg = _LOOK[target.verdict]
            name, declared, basis = wording.get(target.key, (target.name, target.target,
                                                             target.basis))  # fmt: skip
            cells = [name, declared, self._measured(target), f"{mark} {names[target.verdict]}",
                     basis]  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setForeground(QBrush(QColor(fg)))
                    item.setBackground(QBrush(QColor(bg)))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setData(Qt.ItemDataRole.UserRole, target.verdict.value)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.loaded.emit()

    def verdicts(self) -> dict[str, str]:
        """key → verdict of the rows shown (for tests and the wall)."""
        if self.report is None:
            return {}
        return {r.key: r.verdict.value for r in self.report.rows}

    def open_survey(self) -> None:
        period = self._period
        month = (period.start if period is not None else self._ctx.clock()).strftime("%Y-%m")
        dialog = SurveyDialog(self._ctx, month, self)
        dialog.saved.connect(self._refresh_after_survey)
        dialog.open()

    def _refresh_after_survey(self) -> None:
        if self._period is not None:
            self.show_period(self._period, self._label)
