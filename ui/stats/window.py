"""The statistics window (统计分析): filters, headline with 环比, charts, evaluation tables.

Every figure is computed on an `Operations` worker (`Workstation.statistics`); a busy bar
shows when it takes longer than `BUSY_AFTER_MS`; a result whose filters have changed
meanwhile is dropped. A click on a bar or a table cell emits `drill_requested(title, ids)`
with exactly the cases behind that figure (the main window shows them in the queue).
Pages live in a QTabWidget; `add_page` adds another (the 绩效目标 page).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.stats.charts import (
    FunnelChart,
    RankedBar,
    RankedBarChart,
    Series,
    StackedBarChart,
    StageTimeChart,
)
from ui.stats.filters import StatsFilterBar, period_label
from ui.stats.labels import (
    FUNNEL,
    GROUPINGS,
    KIND_COLOURS,
    KINDS,
    SOURCE_COLOURS,
    SOURCES,
    STAGES,
    formula,
    indicator,
    level_colour,
    tr,
)
from ui.stats.tables import EvaluationTable
from ui.stats.targets_page import TargetsPage
from workstation.services.evaluation import EvaluationRow
from workstation.services.queue_queries import QueueOptions, queue_options
from workstation.services.statistics import RATE_BASIS, TABLES, LoadedPeriod, Statistics

BUSY_AFTER_MS = 300
PREPARE_AFTER_MS = 1500  # the filters left alone this long: prepare the tables' drill-down

# The people charts: (grouping, rate) choices.
PEOPLE_RATES = (
    ("supervisor", "valid_report_rate"), ("supervisor", "on_time_verification_rate"),
    ("supervisor", "on_time_check_rate"), ("acceptor", "on_time_verification_dispatch_rate"),
    ("leader", "on_time_filing_rate"), ("leader", "accurate_filing_rate"),
    ("dispatcher", "on_time_dispatch_rate"), ("dispatcher", "accurate_dispatch_rate"),
)  # fmt: skip
HEADLINE = (  # (where, key): the funnel's counts, then the centre's rates
    ("funnel", "reported"), ("funnel", "filed"), ("funnel", "dispatched"),
    ("funnel", "closed"), ("centre", "on_time_handling_rate"), ("centre", "closing_rate"),
    ("centre", "on_time_closing_rate"), ("centre", "rework_rate"), ("centre", "score"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Result:
    stats: Statistics
    options: QueueOptions
    cells: dict[str, int]  # a supervisor's 责任网格 count
    names: dict[str, str]  # unit codes → names (the per-unit handling times)
    loaded: LoadedPeriod  # what a filter change computes from again


class StatsWindow(QWidget):
    drill_requested = Signal(str, list)  # title, case ids
    loaded = Signal()  # a result was shown (tests wait on it)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._ctx = ctx
        self._token = 0
        self.stats: Statistics | None = None
        self._names: dict[str, str] = {}
        self.setObjectName("statsWindow")
        self.setWindowTitle(self.tr("统计分析 — 呈贡分中心"))

        self.filters = StatsFilterBar(ctx.clock, self)
        self._loaded_period: LoadedPeriod | None = None
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(PREPARE_AFTER_MS)
        self._prepare_timer.timeout.connect(self._prepare_drill_down)
        self.filters.changed.connect(self.recompute)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("statsBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("statsStatus")
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.timeout.connect(lambda: self.busy.setVisible(True))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)

        self.headline = QGridLayout()
        self.headline_values: dict[str, QLabel] = {}
        self.headline_changes: dict[str, QLabel] = {}
        for column, (_, key) in enumerate(HEADLINE):
            name = QLabel(self._headline_name(key), self)
            value = QLabel("—", self)
            value.setObjectName(f"headline_{key}")
            value.setStyleSheet("font-size: 18pt; font-weight: bold; color: #0d47a1;")
            change = QLabel(self)
            change.setObjectName(f"change_{key}")
            for row, label in enumerate((name, value, change)):
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self.headline.addWidget(label, row, column)
            self.headline_values[key], self.headline_changes[key] = value, change

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("statsTabs")
        self._build_overview()
        self._build_units()
        self._build_people()
        self._build_stages()
        self._build_tables()
        # 绩效目标: the centre's declared targets for the same period (not the area filters)
        self.targets = TargetsPage(ctx, self)
        self.add_page(self.targets, self.tr("绩效目标"))

        top = QHBoxLayout()
        top.addWidget(self.filters, 1)
        top.addWidget(self.busy)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.headline)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.resize(1500, 950)

    def add_page(self, widget: QWidget, title: str) -> None:
        """Another page of the window (e.g. 绩效目标); it follows the tabs' order."""
        self.tabs.addTab(widget, title)

    # -- pages ---------------------------------------------------------------------------

    def _build_overview(self) -> None:
        page = QSplitter(Qt.Orientation.Horizontal, self)
        self.funnel = FunnelChart(self.tr("本期上报案件的流转（上报 → 立案 → 派遣 → 处置 → 结案）"))
        self.funnel.bar_clicked.connect(lambda key: self._drill("funnel", key, ""))
        days = QSplitter(Qt.Orientation.Vertical, page)
        self.by_source = StackedBarChart(self.tr("每日案件量（按来源）"))
        self.by_kind = StackedBarChart(self.tr("每日案件量（部件 / 事件）"))
        self.by_source.bar_clicked.connect(lambda k: self._drill("day", k[0], k[1]))
        self.by_kind.bar_clicked.connect(lambda k: self._drill("day_kind", k[0], k[1]))
        days.addWidget(self.by_source)
        days.addWidget(self.by_kind)
        page.addWidget(days)
        page.addWidget(self.funnel)
        page.setSizes([900, 500])
        self.tabs.addTab(page, self.tr("案件量与流转"))

    def _build_units(self) -> None:
        page = QSplitter(Qt.Orientation.Horizontal, self)
        self.unit_on_time = RankedBarChart(self.tr("按期处置率（专业部门）"))
        self.unit_closing = RankedBarChart(self.tr("结案率（专业部门）"))
        self.unit_on_time.bar_clicked.connect(
            lambda key: self._drill("unit", key, "on_time_handling_rate"))
        self.unit_closing.bar_clicked.connect(lambda key: self._drill("unit", key, "closing_rate"))
        page.addWidget(self.unit_on_time)
        page.addWidget(self.unit_closing)
        self.tabs.addTab(page, self.tr("专业部门"))

    def _build_people(self) -> None:
        page = QWidget(self)
        self.people_choice = QComboBox(page)
        self.people_choice.setObjectName("peopleRate")
        for grouping, key in PEOPLE_RATES:
            self.people_choice.addItem(f"{tr(GROUPINGS[grouping])} · {indicator(key, grouping)}",
                                       (grouping, key))  # fmt: skip
        self.people_choice.currentIndexChanged.connect(self._show_people)
        self.people = RankedBarChart("")
        self.people.bar_clicked.connect(self._people_clicked)
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("指标"), page))
        row.addWidget(self.people_choice)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.people, 1)
        self.tabs.addTab(page, self.tr("监督员与岗位"))

    def _build_stages(self) -> None:
        page = QSplitter(Qt.Orientation.Horizontal, self)
        self.stage_times = StageTimeChart(self.tr("各环节用时（中位数 / P90，工作时间）"))
        self.stage_times.bar_clicked.connect(lambda key: self._drill("stage", key, ""))
        self.unit_times = RankedBarChart(self.tr("各单位处置用时中位数（小时，工作时间）"))
        self.unit_times.bar_clicked.connect(lambda key: self._drill("handling_time", key, ""))
        page.addWidget(self.stage_times)
        page.addWidget(self.unit_times)
        self.tabs.addTab(page, self.tr("环节用时"))

    def _build_tables(self) -> None:
        self.tables: dict[str, EvaluationTable] = {}
        inner = QTabWidget(self)
        inner.setObjectName("evaluationTabs")
        for grouping in TABLES:
            table = EvaluationTable(grouping, inner)
            table.figure_clicked.connect(
                lambda row, key, g=grouping: self._drill(g, row.key, key, row.name))
            self.tables[grouping] = table
            inner.addTab(table, tr(GROUPINGS[grouping]))
        self.tabs.addTab(inner, self.tr("考核评价表"))

    # -- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the period again and compute its figures, in the background (刷新, F5,
        another period)."""
        self._loaded_period = None
        self.recompute()

    def recompute(self) -> None:
        """Compute the figures for the current filters in the background; when only the
        街道 / 社区 / 类别 / 单位 filters changed, from the period already read."""
        self._token += 1
        token = self._token
        ws = self._ctx.ws
        period, flt = self.filters.current_period(), self.filters.stats_filter()
        self._prepare_timer.stop()
        cached = self._loaded_period
        if cached is not None and not cached.covers(period, compare=True):
            cached = None
        if cached is None:  # the targets follow the period only, not the area filters
            self.targets.show_period(period, period_label(self.filters.period_code(), period))

        def compute() -> _Result:
            loaded = cached or ws.load_period(period)
            stats = ws.statistics_of(loaded, flt)
            ref = ws.reference
            cells = {u: len(s.patrol_cells) for u, s in ref.supervisors.items()}
            names = {code: unit.name for code, unit in ref.matrix.units.items()}
            return _Result(stats, queue_options(ref), cells, names, loaded)

        self._busy_timer.start(BUSY_AFTER_MS)
        self.status.setText(self.tr("正在统计…"))
        self._ctx.ops.run(compute, lambda result: self._loaded(token, result),
                          lambda message, _: self._failed(token, message),
                          description="statistics", owner=self)  # fmt: skip

    @property
    def busy_now(self) -> bool:
        return self._token != getattr(self, "_shown_token", -1)

    def _failed(self, token: int, message: str) -> None:
        if token != self._token:
            return
        self._shown_token = token
        self._busy_timer.stop()
        self.busy.setVisible(False)
        self.status.setText(self.tr("统计失败：%1").replace("%1", message))

    def _loaded(self, token: int, result: _Result) -> None:
        if token != self._token:
            return  # the filters changed meanwhile: a newer result is on its way
        self._shown_token = token
        self._busy_timer.stop()
        self.busy.setVisible(False)
        self.filters.set_options(result.options)
        self.stats, self._names = result.stats, result.names
        self._loaded_period = result.loaded
        stats = result.stats
        self._show_headline(stats)
        self._show_days(stats)
        self.funnel.set_data([(k, tr(FUNNEL[k]), stats.funnel[k]) for k in FUNNEL])
        self._show_units(stats)
        self._show_people()
        self.stage_times.set_data([(t.stage, tr(STAGES[t.stage]), t.median_hours, t.p90_hours)
                                   for t in stats.stage_times])  # fmt: skip
        times = sorted(stats.handling_times.items(), key=lambda kv: kv[1].median_hours or 0.0)
        p90 = {code: f"P90 {t.p90_hours:.1f}" for code, t in times if t.p90_hours is not None}
        self.unit_times.set_data([RankedBar(code, self._names.get(code, code), t.median_hours,
                                            p90.get(code), level_colour(None))
                                  for code, t in times], unit=self.tr("小时"), target=None)
        for grouping, table in self.tables.items():
            kind = "region" if grouping == "street" else grouping
            table.set_rows(stats.tables[grouping], formula(stats.rules, kind),
                           result.cells if grouping == "supervisor" else None)  # fmt: skip
        self.status.setText(self.tr("统计期 %1；案件按其应处置、处置或结案的时间计入统计期，"
                                    "在办案件按统计期末（或当前时刻）判断。")
                            .replace("%1", self._period_text()))  # fmt: skip
        self.loaded.emit()
        # The tables' cells' cases, ready before anyone clicks one: on a worker, once the
        # filters have rested a moment (it would slow the next filter change down).
        self._prepare_timer.start()

    def _prepare_drill_down(self) -> None:
        stats = self.stats
        if stats is not None:
            self._ctx.ops.run(lambda: stats.cases_behind("unit", "", "filed"),
                              description="statistics drill-down", owner=self)  # fmt: skip

    # -- drawing ---------------------------------------------------------------------------

    def _headline_name(self, key: str) -> str:
        counts = {"reported": "reports", "filed": "filed", "dispatched": "dispatched",
                  "closed": "closed"}  # the funnel's steps as counts: 上报数, 立案数 …
        return indicator(counts.get(key, key))

    def _show_headline(self, stats: Statistics) -> None:
        def figure(where: str, key: str, h: object) -> float | None:
            if h is None:
                return None
            if where == "funnel":
                return float(h.funnel[key])  # type: ignore[attr-defined]
            if key == "score":
                return h.score  # type: ignore[attr-defined, no-any-return]
            value = h.centre.get(key)  # type: ignore[attr-defined]
            return None if value is None else float(value)

        for where, key in HEADLINE:
            now, before = figure(where, key, stats.headline), figure(where, key, stats.previous)
            rate = where == "centre"
            text = "—" if now is None else f"{now:.1f}%" if rate and key != "score" \
                else f"{now:.1f}" if key == "score" else f"{int(now):,}"  # fmt: skip
            self.headline_values[key].setText(text)
            self.headline_changes[key].setText(self._change(now, before, rate))

    def _change(self, now: float | None, before: float | None, points: bool) -> str:
        """环比: a rate's change in points, a count's in per cent; an arrow, not only colour."""
        if now is None or before is None:
            return self.tr("环比 —")
        if points:
            delta = now - before
            text = f"{delta:+.1f}"
        elif before == 0:
            return self.tr("环比 —（上期为 0）")
        else:
            delta = 100.0 * (now - before) / before
            text = f"{delta:+.1f}%"
        arrow = "↑" if delta > 0 else "↓" if delta < 0 else "→"
        return self.tr("环比 %1 %2").replace("%1", arrow).replace("%2", text)

    def _show_days(self, stats: Statistics) -> None:
        labels = [d.strftime("%m-%d") for d in stats.days]
        keys = [d.isoformat() for d in stats.days]
        sources = [Series(tr(SOURCES.get(code, code)), SOURCE_COLOURS[i % len(SOURCE_COLOURS)],
                          values, code)
                   for i, (code, values) in enumerate(sorted(stats.by_source.items()))]  # fmt: skip
        self.by_source.set_data(labels, sources, keys)
        kinds = [Series(tr(KINDS[k]), KIND_COLOURS[k], v, k) for k, v in stats.by_kind.items()]
        self.by_kind.set_data(labels, kinds, keys)

    def _ranked(self, rows: tuple[EvaluationRow, ...], key: str) -> list[RankedBar]:
        ranked = sorted(rows, key=lambda r: (r.indicators.get(key) is None,
                                             -(r.indicators.get(key) or 0.0), r.key))  # fmt: skip
        return [RankedBar(r.key, r.name, r.indicators.get(key), r.level, level_colour(r.level))
                for r in ranked if r.score is not None]  # fmt: skip

    def _show_units(self, stats: Statistics) -> None:
        units = stats.tables["unit"]
        self.unit_on_time.set_data(self._ranked(units, "on_time_handling_rate"))
        self.unit_closing.set_data(self._ranked(units, "closing_rate"))

    def _show_people(self) -> None:
        if self.stats is None:
            return
        grouping, key = self.people_choice.currentData()
        self.people.plot.setTitle(self.people_choice.currentText(), color="#212121",
                                  size="11pt")  # fmt: skip
        self.people.set_data(self._ranked(self.stats.tables[grouping], key))

    def _people_clicked(self, key: str) -> None:
        grouping, rate = self.people_choice.currentData()
        self._drill(grouping, key, rate)

    # -- drill-down ------------------------------------------------------------------------

    def _period_text(self) -> str:
        period = self.stats.period if self.stats is not None else self.filters.current_period()
        return period_label(self.filters.period_code(), period)

    def _drill(self, what: str, key: str, measure: str, name: str | None = None) -> None:
        """Ask for the cases behind a figure, with a title naming it."""
        stats = self.stats
        if stats is None:
            return
        title = self._title(what, key, measure, name)
        # On a worker: a table cell's cases are computed on first use (usually already
        # done in the background after the figures were shown).
        self._ctx.ops.run(lambda: list(stats.cases_behind(what, key, measure)),
                          lambda ids: self.drill_requested.emit(title, ids),
                          lambda message, _exc: self.status.setText(message),
                          description="statistics drill-down", owner=self)  # fmt: skip

    def _title(self, what: str, key: str, measure: str, name: str | None) -> str:
        assert self.stats is not None
        if what in ("day", "day_kind"):
            series = tr(SOURCES.get(measure, KINDS.get(measure, measure))) if measure \
                else self.tr("全部来源")  # fmt: skip
            parts = [key, series, self.tr("上报")]
        elif what == "funnel":
            parts = [self.tr("本期上报"), self.tr("已到%1").replace("%1", tr(FUNNEL[key]))]
        elif what in ("stage", "handling_time"):
            who = self._names.get(key, key) if what == "handling_time" else tr(STAGES[key])
            parts = [who, self.tr("环节用时"), self._period_text()]
        else:
            rows = {r.key: r for r in self.stats.tables.get(what, ())}
            who = name or (rows[key].name if key in rows else key)
            # a rate shows its denominator's cases: the title says which
            shown = RATE_BASIS.get(f"{measure}:{what}", RATE_BASIS.get(measure, measure))
            parts = [who, indicator(shown, what), self._period_text()]
        extra = self.filters.describe()
        if extra:
            parts.append(extra)
        return self.tr("统计：%1").replace("%1", " · ".join(parts))
