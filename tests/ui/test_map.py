"""The grid map: clicks, markers, centring, area selection, layers, heat, item count, mini map."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from ui.map import style
from ui.map.heat import class_ranges, counts_by_code, counts_by_index, heat_breaks, heat_classes
from ui.map.widget import GridMapWidget, MiniMap, is_overdue
from workstation.adapters.demo_grid import generate_demo_grid
from workstation.adapters.grid_geojson import load_default_boundary
from workstation.domain.calendar import WorkCalendar
from workstation.domain.grid import Grid
from workstation.services.dto import CaseSummary
from workstation.services.field import SupervisorView

from support.summaries import with_clock
from support.world import small_grid

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture(scope="module")
def grid() -> Grid:
    return small_grid()


@pytest.fixture(scope="module")
def demo() -> Grid:
    return generate_demo_grid(load_default_boundary(), 1)


def case(grid: Grid, case_id: int, code: str, state: str = "dispatched", **kw) -> CaseSummary:
    lon, lat = grid.cell(code).centroid
    fields = dict(
        id=case_id, case_no=f"20261125{case_id:05d}", version=1, state=state, state_label="",
        source="supervisor", source_label="", priority="normal", reported_at=NOW,
        category_code="E0102", category_name="", grid_code=code, street_name="",
        community_name="", address="", description="", unit=None, unit_name="",
        deadline=NOW + timedelta(hours=4), stage_deadline=None, handling_limit=None,
        pending_request=None, remind_count=0, is_key=False, rework_count=0,
        self_handled=False, lon=lon, lat=lat, closed_at=None, updated_at=NOW,
    )  # fmt: skip
    fields.update(kw)
    made = CaseSummary(**fields)
    return made if "clock_stage" in kw else with_clock(made, WorkCalendar())


def supervisor(grid: Grid, code: str, cell: str, late: bool = False) -> SupervisorView:
    lon, lat = grid.cell(cell).centroid
    return SupervisorView(
        code=code, username=code.lower(), name="张伟", phone="", street_code=cell[:9],
        street_name="", status="patrolling", status_label="巡查中", last_fix_at=NOW,
        lon=lon, lat=lat, fix_age_seconds=1200.0 if late else 30.0, patrol_cells=9,
        reports_today=0, pending_verifications=0, pending_checks=0, overdue_tasks=0,
        late=late,
    )  # fmt: skip


@pytest.fixture
def make_map(qtbot):
    def make(g: Grid, size: tuple[int, int] = (900, 700)) -> GridMapWidget:
        w = GridMapWidget(clock=lambda: NOW)
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        w.set_grid(g)
        settle(w)
        return w

    return make


def settle(w) -> None:
    """Apply pending view changes, as the next paint would (pyqtgraph updates lazily)."""
    w.view.scene().prepareForPaint()


def viewport_pos(w, x: float, y: float) -> QPoint:
    """Where a map point (metres) is on the view's viewport, in pixels."""
    settle(w)
    return w.view.mapFromScene(w.vb.mapViewToScene(QPointF(x, y)))


def metres(grid: Grid, code: str) -> tuple[float, float]:
    return grid.projection.to_metres(*grid.cell(code).centroid)


def send_mouse(widget, kind: QEvent.Type, pos: QPoint, button, buttons, mods) -> None:
    local = QPointF(pos)
    event = QMouseEvent(kind, local, widget.mapToGlobal(local), button, buttons, mods)
    QApplication.sendEvent(widget, event)


def test_clicking_a_cell_emits_its_code_and_highlights_it(qtbot, make_map, grid) -> None:
    w = make_map(grid)
    code = "530114002001005"  # second street, first community, centre cell
    pos = viewport_pos(w, *metres(grid, code))
    with qtbot.waitSignal(w.cell_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [code]
    assert w.highlighted_cell == code


def test_clicking_a_marker_emits_case_clicked(qtbot, make_map, grid) -> None:
    w = make_map(grid)
    code = "530114001002007"
    w.set_cases([case(grid, 41, code), case(grid, 42, "530114001001001")])
    w.center_on_xy(*metres(grid, code), max_mpp=1.0)
    pos = viewport_pos(w, *metres(grid, code))
    assert w.markers.isVisible()
    assert not w.clustered
    with qtbot.waitSignal(w.case_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [41]
    # Just beside the marker (more than its radius away) is the cell again.
    with qtbot.waitSignal(w.cell_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=pos + QPoint(25, 0))
    assert blocker.args == [code]


def test_clicking_a_supervisor_pin(qtbot, make_map, grid) -> None:
    w = make_map(grid)
    code = "530114001001009"
    w.set_supervisors([supervisor(grid, "JDY007", code, late=True)])
    w.center_on_xy(*metres(grid, code), max_mpp=1.0)
    with qtbot.waitSignal(w.supervisor_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=viewport_pos(w, *metres(grid, code)))  # fmt: skip
    assert blocker.args == ["JDY007"]
    w.view.grab()
    assert "JDY007" in {c for c, _ in w.labels.placed}, "the late supervisor is named"
    assert w.supervisor_markers.data["brush"][0].color() == style.LATE


def test_center_on_case_puts_it_in_the_middle_and_highlights_its_cell(make_map, demo) -> None:
    w = make_map(demo)
    far = demo.cells[len(demo.cells) // 3].code
    w.set_cases([case(demo, 7, far), case(demo, 8, demo.cells[0].code)])
    w.show_district()
    assert w.center_on_case(7)
    settle(w)
    cx, cy = w.view_centre()
    x, y = metres(demo, far)
    assert abs(cx - x) < 1.0
    assert abs(cy - y) < 1.0
    assert w.highlighted_cell == far
    assert w.metres_per_pixel <= style.FOCUS_MPP + 1e-6
    assert not w.center_on_case(999)  # not on the map


def test_rectangle_selection_emits_the_cells_inside(qtbot, make_map, grid) -> None:
    w = make_map(grid)
    community = "530114001001"
    cells = [c for c in grid.cells if c.community_code == community]
    xs, ys = zip(*(metres(grid, c.code) for c in cells), strict=True)
    # A box around the 3 × 3 centres, well short of the neighbours' centres (100 m away).
    p1 = viewport_pos(w, min(xs) - 30, max(ys) + 30)
    p2 = viewport_pos(w, max(xs) + 30, min(ys) - 30)
    vp = w.view.viewport()
    left, shift = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier
    send_mouse(vp, QEvent.Type.MouseButtonPress, p1, left, left, shift)

    def rubber_band_shown() -> bool:
        # pyqtgraph drops moves closer than 10 ms to the previous one (its rate limit):
        # keep moving until the drag has begun and the band is drawn.
        send_mouse(vp, QEvent.Type.MouseMove, p2, Qt.MouseButton.NoButton, left, shift)
        return not w.band.path.isEmpty()

    qtbot.waitUntil(rubber_band_shown, timeout=2000)
    with qtbot.waitSignal(w.area_selected, timeout=2000) as blocker:
        send_mouse(vp, QEvent.Type.MouseButtonRelease, p2, left, Qt.MouseButton.NoButton, shift)
    assert sorted(blocker.args[0]) == sorted(c.code for c in cells)
    assert w.selected_cells == blocker.args[0]
    assert w.band.path.isEmpty()  # the rubber band is gone
    assert not w.selection.path.isEmpty()


def test_lasso_selects_cells_whose_centre_is_inside(qtbot, make_map, grid) -> None:
    w = make_map(grid)
    # A triangle over the first street's western community: its 3 × 3 centres form a
    # square; the triangle holds the diagonal and the cells below it (6 of 9), its long
    # side passing 42 m north-east of the diagonal.
    x0, y0 = metres(grid, "530114001001001")
    x1, y1 = metres(grid, "530114001001009")
    triangle = [QPointF(x0 - 20, y0 + 40), QPointF(x1 + 40, y1 - 20), QPointF(x0 - 20, y1 - 20)]
    with qtbot.waitSignal(w.area_selected, timeout=2000) as blocker:
        w.vb.lasso_selected.emit(triangle)
    seq = sorted(int(c[12:]) for c in blocker.args[0])
    assert seq == [1, 4, 5, 7, 8, 9]


def test_layer_toggles_hide_and_show(make_map, grid) -> None:
    w = make_map(grid)
    w.set_cases([case(grid, 1, "530114001001001")])
    w.center_on_xy(*metres(grid, "530114001001001"), max_mpp=1.0)
    settle(w)
    assert w.markers.isVisible()
    w.layer_actions["cases"].trigger()
    settle(w)
    assert not w.markers.isVisible()
    assert not w.clusters.isVisible()
    w.layer_actions["cases"].trigger()
    settle(w)
    assert w.markers.isVisible()
    for key, items in (
        ("boundaries", (w.street_lines, w.community_lines, w.district_line)),
        ("labels", (w.labels,)),
        ("supervisors", (w.supervisor_markers,)),
        ("tracks", (w.tracks,)),
        ("cells", (w.cells,)),
    ):
        assert all(i.isVisible() for i in items), key
        w.set_layer_visible(key, False)
        assert not any(i.isVisible() for i in items), key
        w.set_layer_visible(key, True)
        assert all(i.isVisible() for i in items), key
    titles = [s.title for s in w.view.legend_sections]
    assert "案件阶段" in titles
    w.set_layer_visible("cases", False)
    assert "案件阶段" not in [s.title for s in w.view.legend_sections]


def test_heat_layer_switches_on_asks_for_data_and_replaces_the_base_fill(
    qtbot, make_map, grid
) -> None:
    w = make_map(grid)
    assert not w.heat.isVisible()
    with qtbot.waitSignal(w.heat_query_changed, timeout=2000) as blocker:
        w.layer_actions["heat"].trigger()
    query = blocker.args[0]
    assert query.until - query.since == timedelta(days=30)  # the default period
    assert query.category_prefix == ""
    with qtbot.waitSignal(w.heat_query_changed, timeout=2000) as blocker:
        w.category.setCurrentIndex(w.category.findData("E"))
    assert blocker.args[0].category_prefix == "E"
    w.set_heat({"530114001001001": 3, "530114002002009": 1, "530114999999999": 5})
    assert w.heat.isVisible()
    assert not w.cells.isVisible()  # heat draws the base fill under its classes
    classes = w.heat.classes
    assert classes is not None
    assert classes[w.map_geometry.index_of("530114001001001")] == 1
    assert classes[w.map_geometry.index_of("530114002002009")] == 0
    assert (classes >= 0).sum() == 2  # the unknown code is ignored
    assert w.heat_breaks == [1, 3]
    heat = next(s for s in w.view.legend_sections if s.title.startswith("热力"))
    assert [r.text for r in heat.rows] == ["1 件", "2–3 件"]
    w.set_layer_visible("heat", False)
    assert w.cells.isVisible()
    assert not w.heat.isVisible()


def test_heat_classes_for_a_small_example() -> None:
    counts = np.array([0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 0])
    # Quantiles 40/70/88/97/100 % of the ten non-zero counts (inverted CDF): 3, 13, 34, 55,
    # 55 → merged into four classes.
    breaks = heat_breaks(counts)
    assert breaks == [3, 13, 34, 55]
    assert heat_classes(counts, breaks).tolist() == [-1, 0, 0, 0, 0, 1, 1, 1, 2, 2, 3, -1]
    assert class_ranges(breaks) == [(1, 3), (4, 13), (14, 34), (35, 55)]
    assert heat_breaks(np.zeros(5)) == []
    assert heat_classes([0, 2], []).tolist() == [-1, -1]
    assert counts_by_index([0, 2, 2, -1, 5], 4).tolist() == [1, 0, 2, 0]  # −1, 5: not cells
    assert counts_by_code({"b": 2, "x": 9}, ["a", "b"]).tolist() == [0, 2]


def test_graphics_items_do_not_grow_with_the_cells(make_map, grid, demo) -> None:
    small = make_map(grid)
    big = make_map(demo)
    assert len(demo.cells) == 18_488
    for w, g in ((small, grid), (big, demo)):
        codes = [c.code for c in g.cells[:: max(1, len(g.cells) // 300)]]
        w.set_cases([case(g, i + 1, code) for i, code in enumerate(codes)])
        w.set_supervisors([supervisor(g, f"JDY{i:03d}", code) for i, code in enumerate(codes[:30])])
        w.set_layer_visible("heat", True)
        w.set_heat({code: 2 for code in codes})
        w.view.grab()
    n_small = len(small.view.scene().items())
    n_big = len(big.view.scene().items())
    assert n_big == n_small
    assert n_big < 40


def test_keyboard_pans_zooms_and_goes_home(qtbot, make_map, demo) -> None:
    w = make_map(demo)
    home = w.vb.viewRect()
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Plus)
    settle(w)
    assert w.vb.viewRect().width() == pytest.approx(home.width() / 1.5, rel=1e-3)
    before = w.view_centre()
    width = w.vb.viewRect().width()
    qtbot.keyClick(w.view, Qt.Key.Key_Right)
    settle(w)
    assert w.view_centre()[0] - before[0] == pytest.approx(0.2 * width, rel=1e-3)
    qtbot.keyClick(w.view, Qt.Key.Key_Down)
    settle(w)
    assert w.view_centre()[1] < before[1]
    qtbot.keyClick(w.view, Qt.Key.Key_Minus)
    qtbot.keyClick(w.view, Qt.Key.Key_Home)
    settle(w)
    assert w.vb.viewRect().center().x() == pytest.approx(home.center().x(), abs=1.0)
    assert w.vb.viewRect().width() == pytest.approx(home.width(), rel=1e-3)


def test_zoomed_out_cases_are_clustered_and_a_cluster_click_zooms_in(qtbot, make_map, demo) -> None:
    w = make_map(demo, size=(800, 600))
    codes = [c.code for c in demo.cells[::40]]
    w.set_cases([case(demo, i + 1, code) for i, code in enumerate(codes)])
    w.show_district()
    settle(w)
    assert w.clustered
    assert not w.markers.isVisible()
    level = w.clusters.level_for(w.metres_per_pixel)
    clusters = w.clusters.clusters(level)
    assert sum(c.count for c in clusters) == len(codes)
    biggest = max(clusters, key=lambda c: c.count)
    before = w.metres_per_pixel
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=viewport_pos(w, biggest.x, biggest.y))  # fmt: skip
    settle(w)
    assert w.metres_per_pixel < before / 1.9


def test_case_changes_restyle_move_and_remove_markers(make_map, grid) -> None:
    w = make_map(grid)
    a = case(grid, 1, "530114001001001")
    b = case(grid, 2, "530114001001002", state="filed", stage_deadline=NOW - timedelta(hours=1))
    w.set_cases([a, b, case(grid, 3, "530114001001003", state="closed")])
    assert w.case_count == 2  # closed cases are not drawn
    assert is_overdue(b, NOW)
    pens = {int(i): p for i, p in zip(w.markers.data["data"], w.markers.data["pen"], strict=True)}
    assert pens[2].color() == style.OVERDUE
    assert pens[1].color() != style.OVERDUE
    moved = replace(a, lon=None, lat=None, grid_code="530114002002005", state="awaiting_check")
    w.apply_case_changes([moved, replace(b, state="closed")])
    assert w.case_count == 1
    x, y = w.markers.data["x"][0], w.markers.data["y"][0]
    assert (x, y) == pytest.approx(metres(grid, "530114002002005"))
    assert w.markers.data["brush"][0].color() == style.STAGE_COLORS["awaiting_check"]
    assert w.status.text() == "在办案件 1 件"


def test_names_never_overlap(make_map, demo) -> None:
    w = make_map(demo, size=(1200, 800))
    for mpp in (None, 12.0, 4.0, 1.2):
        if mpp is None:
            w.show_district()
        else:
            w.center_on_xy(0.0, 0.0, max_mpp=mpp)
        w.view.grab()
        rects = [r for _, r in w.labels.placed] + [r for _, r in w.cell_labels.placed]
        assert rects, mpp
        codes = [c for c, _ in w.labels.placed]
        if mpp is None:
            assert {lab.code for lab in w.map_geometry.street_labels} <= set(codes)
        overlaps = [(i, j) for i in range(len(rects)) for j in range(i + 1, len(rects))
                    if rects[i].intersects(rects[j])]  # fmt: skip
        assert not overlaps, (mpp, overlaps[:3])


def test_scale_bar_adapts_to_the_zoom() -> None:
    from ui.map.overlay import nice_length, scale_text

    assert nice_length(150 * 33.0) == 2000.0
    assert nice_length(150 * 1.0) == 100.0
    assert nice_length(150 * 0.6) == 50.0
    assert scale_text(2000.0) == "2 公里"
    assert scale_text(500.0) == "500 米"


def test_mini_map_shows_the_case_and_the_candidate_areas(qtbot, grid) -> None:
    m = MiniMap()
    qtbot.addWidget(m)
    m.resize(360, 260)
    m.show()
    m.set_grid(grid)
    target = case(grid, 5, "530114002001005", state="filed")
    m.show_case(target, ["530114002", "530114001002"])
    settle(m)
    assert len(m.area_cells) == 18 + 9
    assert all(c.startswith(("530114002", "530114001002")) for c in m.area_cells)
    assert m.highlighted_cell == "530114002001005"
    assert m.vb.viewRect().contains(QPointF(*metres(grid, "530114002001005")))
    m.show_case(target, [])
    assert m.area_cells == []
    m.view.grab()


def test_controller_loads_grid_field_and_heat_in_the_background(qtbot, ws, ctx_for) -> None:
    from ui.map.controller import MapController

    ref = ws.reference
    cell = ref.supervisors["jdy001"].patrol_cells[0]
    info = ref.cells[cell]
    for minutes in (30, 20, 10):
        ws.record_fix(ws.actor("jdy001"), info.lon, info.lat, at=NOW - timedelta(minutes=minutes))
    for text in ("暴露垃圾", "井盖破损"):
        ws.report(ws.actor("jdy001"), description=text, grid_code=cell, category_code="E0102",
                  at=NOW - timedelta(days=2))  # fmt: skip
    w = GridMapWidget(clock=ws.clock)
    qtbot.addWidget(w)
    w.resize(700, 500)
    controller = MapController(ctx_for("dispatcher"), w)
    with qtbot.waitSignals([controller.grid_loaded, controller.field_loaded], timeout=15_000):
        controller.start()
    assert w.map_geometry is not None
    assert len(w.map_geometry.codes) == 36
    assert w._sup_codes == [ref.supervisors["jdy001"].code]
    with qtbot.waitSignal(controller.heat_loaded, timeout=10_000):
        w.set_layer_visible("heat", True)
    assert w.heat.classes is not None
    assert w.heat.classes[w.map_geometry.index_of(cell)] >= 0
    assert (w.heat.classes >= 0).sum() == 1
    summaries = []
    controller.cell_summary(cell, summaries.append)
    qtbot.waitUntil(lambda: len(summaries) == 1, timeout=10_000)
    assert summaries[0].open_cases == 2
    assert summaries[0].supervisor_code == ref.supervisors["jdy001"].code
