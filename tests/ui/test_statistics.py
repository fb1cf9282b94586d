"""The statistics window on a real SQLite file: the figures of a known month, and a click
on a unit's bar putting exactly that unit's cases in the queue (closing the chip returns
to the live queue)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from ui.main_window import MainWindow
from ui.stats.window import StatsWindow

from support.month import known_month


def _open(qtbot, ctx_for, qsettings) -> tuple[MainWindow, StatsWindow]:
    window = MainWindow(ctx_for("leader"), qsettings)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.queue.model.rowCount() > 0, timeout=10_000)
    stats = window.open_statistics()
    qtbot.waitUntil(lambda: stats.stats is not None and not stats.busy_now, timeout=10_000)
    return window, stats


def _ids(window: MainWindow) -> set[int]:
    q = window.queue
    return {q.model.case_at(q.proxy.source_row(r)).id for r in range(q.proxy.rowCount())}


def _click_bar(qtbot, chart, index: int) -> None:
    """A real mouse click in the middle of bar ``index`` of a chart, once the chart has
    been laid out (a tab just shown resizes its plot, and the view box follows later)."""
    seen: list[object] = []

    def settled() -> bool:
        rect = chart.plot.getViewBox().sceneBoundingRect()
        seen.append(rect)
        return chart.plot.isVisible() and len(seen) > 1 and seen[-2] == rect

    qtbot.waitUntil(settled)
    item = chart.bars[0]
    x0, y0, x1, y1 = item.bar_rect(index)
    scene = item.mapToScene(QPointF((x0 + x1) / 2, (y0 + y1) / 2))
    view = chart.plot
    point = view.mapFromScene(scene)
    QTest.mouseMove(view.viewport(), point)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     point)  # fmt: skip


def test_the_panel_shows_the_figures_of_a_known_month(qtbot, ws, ctx_for, qsettings) -> None:
    ids = known_month(ws)
    window, stats = _open(qtbot, ctx_for, qsettings)
    unit = str(ids["unit"])

    # headline: 4 reported, 3 filed, 3 dispatched, 1 closed; the centre's rates
    assert stats.headline_values["reported"].text() == "4"
    assert stats.headline_values["filed"].text() == "3"
    assert stats.headline_values["closed"].text() == "1"
    assert stats.headline_values["on_time_handling_rate"].text() == "33.3%"
    assert stats.headline_values["closing_rate"].text() == "33.3%"
    assert stats.headline_changes["reported"].text().startswith("环比 —")  # nothing in October

    # the funnel, as drawn
    funnel = stats.funnel.bars[0].opts["width"]
    assert [round(w) for w in funnel] == [4, 3, 3, 2, 1]

    # reports per day, stacked by source: 23rd two supervisor reports, 24th one + a hotline
    day = {name: b.opts["height"] for name, b in zip(stats.by_source.names,
                                                      stats.by_source.bars, strict=True)}
    assert list(day["监督员上报"][22:24]) == [2, 1]
    assert list(day["12345热线"][22:24]) == [0, 1]

    # the unit's ranked bars: 按期处置率 33.3 %, 结案率 33.3 %, score 60.0 → level C
    [bar] = [b for b in stats.unit_on_time.ranked if b.key == unit]
    assert (bar.value, bar.level) == (33.3, "C")
    [bar] = [b for b in stats.unit_closing.ranked if b.key == unit]
    assert bar.value == 33.3

    # time per stage: handling 1 h and 3.5 h → median 2.25, p90 3.5
    times = {t.stage: t for t in stats.stats.stage_times}
    assert (times["handling"].median_hours, times["handling"].p90_hours) == (2.25, 3.5)
    heights = [b.opts["height"] for b in stats.stage_times.bars]
    assert heights[0][3] == 2.25  # median bar of 处置
    assert heights[1][3] == 3.5  # p90 bar

    # the 专业部门评价 table, and its formula from the stored weights
    table = stats.tables["unit"]
    model = table.model
    row = next(r for r in range(model.rowCount()) if model.rows[r].key == unit)
    column = {k: i for i, k in enumerate(model.keys)}
    cell = lambda key: model.index(row, column[key]).data()  # noqa: E731
    assert (cell("due_to_handle"), cell("handled_on_time"), cell("due_to_close")) == \
        ("3", "1", "3")  # fmt: skip
    assert (cell("on_time_handling_rate"), cell("rework_rate"), cell("score"), cell("level")) \
        == ("33.3%", "0.0%", "60.0", "C")  # fmt: skip
    assert table.formula.text() == \
        "综合指标值 = 立案数分值×10% + 结案率×30% + 按期处置率×30% + (1−返工率)×30%"  # fmt: skip
    # sortable: by 应处置数, descending, the unit with cases comes first
    table.view.sortByColumn(column["due_to_handle"], Qt.SortOrder.DescendingOrder)
    assert table.proxy.index(0, column["name"]).data() == model.rows[row].name

    # a filter: 部件 only → nothing was reported
    stats.filters.category.setCurrentIndex(stats.filters.category.findData("C"))
    qtbot.waitUntil(lambda: stats.headline_values["reported"].text() == "0", timeout=10_000)
    window.close()


def test_clicking_a_units_bar_puts_exactly_its_cases_in_the_queue(qtbot, ws, ctx_for,
                                                                  qsettings) -> None:  # fmt: skip
    ids = known_month(ws)
    window, stats = _open(qtbot, ctx_for, qsettings)
    live = _ids(window)
    assert live == {ids["b"], ids["c"], ids["d"]}  # a was closed on the 23rd: not live

    stats.tabs.setCurrentIndex(1)  # 专业部门
    chart = stats.unit_on_time
    index = next(i for i, b in enumerate(chart.ranked) if b.key == ids["unit"])
    _click_bar(qtbot, chart, index)
    queue = window.queue
    expected = {ids["a"], ids["b"], ids["c"]}  # its 应处置数, the closed one too
    qtbot.waitUntil(lambda: queue.drill_down is not None and not queue._loading
                    and _ids(window) == expected, timeout=10_000)  # fmt: skip
    assert queue.drill_chip.isVisible()
    chip = queue.drill_chip.label.text()
    assert chip.startswith("统计：")
    assert "应处置数" in chip
    assert "2026-11" in chip
    assert "（3 件）" in chip

    # Live updates do not add unrelated cases to the drill-down …
    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    new = ws.report(ws.actor("jdy001"), description="新的上报", lon=cell.lon, lat=cell.lat,
                    category_code="E0102")  # fmt: skip
    queue.apply_changes([new])
    assert _ids(window) == expected
    # … but keep its own cases up to date.
    remind = ws.act(ws.actor("leader"), ids["c"], "remind", {"note": "请尽快处置"})
    queue.apply_changes([remind])
    row = queue.model.row_of(ids["c"])
    assert queue.model.case_at(row).remind_count == remind.remind_count

    # Esc (or the ×) returns to the live queue, the new report included.
    queue.table.setFocus()
    QTest.keyClick(queue.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: queue.drill_down is None and not queue._loading
                    and _ids(window) == live | {new.id}, timeout=10_000)  # fmt: skip
    assert not queue.drill_chip.isVisible()
    window.close()


def test_a_table_cell_drills_down_and_the_chip_closes(qtbot, ws, ctx_for, qsettings) -> None:
    ids = known_month(ws)
    window, stats = _open(qtbot, ctx_for, qsettings)
    table = stats.tables["unit"]
    model = table.model
    row = next(r for r in range(model.rowCount()) if model.rows[r].key == ids["unit"])
    stats.tabs.setCurrentWidget(table.parentWidget().parentWidget())  # 考核评价表 → 专业部门
    qtbot.waitUntil(lambda: table.view.isVisible())
    # a real click on the unit's 按期处置数 cell: the one case handled on time
    index = table.proxy.mapFromSource(model.index(row, model.keys.index("handled_on_time")))
    table.view.scrollTo(index)
    QTest.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, table.view.visualRect(index).center())
    queue = window.queue
    qtbot.waitUntil(lambda: queue.drill_down is not None and not queue._loading
                    and _ids(window) == {ids["a"]}, timeout=10_000)  # fmt: skip
    queue.drill_chip.close_button.click()
    qtbot.waitUntil(lambda: queue.drill_down is None and not queue._loading
                    and _ids(window) == {ids["b"], ids["c"], ids["d"]}, timeout=10_000)
    window.close()


def test_a_filter_change_computes_from_the_period_read_and_refresh_reads_again(
        qtbot, ws, ctx_for, qsettings, monkeypatch) -> None:  # fmt: skip
    known_month(ws)
    reads: list[object] = []
    read = ws.load_period
    monkeypatch.setattr(ws, "load_period", lambda *a, **k: reads.append(a) or read(*a, **k))
    window, stats = _open(qtbot, ctx_for, qsettings)
    assert len(reads) == 1
    assert stats.headline_values["reported"].text() == "4"
    with qtbot.waitSignal(stats.loaded, timeout=10_000):
        stats.filters.category.setCurrentIndex(stats.filters.category.findData("C"))
    assert stats.headline_values["reported"].text() == "0"
    assert len(reads) == 1  # the same November, narrowed: nothing read again
    cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
    ws.report(ws.actor("jdy001"), description="井盖缺失", lon=cell.lon, lat=cell.lat,
              category_code="C0102")  # fmt: skip
    with qtbot.waitSignal(stats.loaded, timeout=10_000):
        stats.refresh_button.click()
    assert len(reads) == 2
    assert stats.headline_values["reported"].text() == "1"  # the new 部件 report
    window.close()
