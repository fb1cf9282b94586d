"""The grid map (网格地图): GridMapWidget for the main window, MiniMap for the dispatch dialog."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import cast

import numpy as np
import pyqtgraph as pg
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent, MouseDragEvent
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QImage,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar, QVBoxLayout, QWidget
from shapely.geometry import Polygon

from ui.map import style
from ui.map.geometry import FloatArray, IntArray, Label, MapGeometry, Polyline, build_geometry
from ui.map.heat import class_ranges, counts_by_code, heat_breaks, heat_classes
from ui.map.layers import (
    CellClassLayer,
    ClusterLayer,
    LabelLayer,
    LabelStyle,
    LineLayer,
    PassiveScatter,
    PathLayer,
    make_path,
)
from ui.map.overlay import (
    LegendSection,
    Swatch,
    draw_north_arrow,
    draw_scale_bar,
    render_legend,
)
from workstation.domain.clock import clock_deadline
from workstation.domain.grid import CHENGGONG_PROJECTION, Grid, LocalProjection
from workstation.services.dto import CaseSummary
from workstation.services.field import SupervisorView
from workstation.services.map_queries import HeatQuery

Track = Sequence[tuple[datetime, float, float]]

_geometries: weakref.WeakKeyDictionary[Grid, MapGeometry] = weakref.WeakKeyDictionary()


def geometry_for(grid: Grid) -> MapGeometry:
    """The map geometry of a grid, built once and shared by every map showing that grid."""
    geometry = _geometries.get(grid)
    if geometry is None:
        geometry = build_geometry(grid)
        _geometries[grid] = geometry
    return geometry


def is_overdue(case: CaseSummary, now: datetime) -> bool:
    """Past the deadline of its running clock (`domain.clock`: never while 挂账)."""
    found = clock_deadline(case)
    return found is not None and not found[2] and now > found[1]


class MapViewBox(pg.ViewBox):
    """pyqtgraph's view box with north up, a locked aspect and the map's mouse gestures.

    Left drag pans and the wheel zooms (pyqtgraph); Shift+left drag draws a selection
    rectangle and Ctrl+left drag a lasso; a left click is reported with its position.
    """

    clicked = Signal(QPointF, QPointF)  # view (metres), scene (viewport pixels)
    band_changed = Signal(QPainterPath)  # the rubber band in metres; empty when done
    rect_selected = Signal(QRectF)
    lasso_selected = Signal(list)  # [QPointF] in metres

    def __init__(self, selectable: bool = True) -> None:
        super().__init__(lockAspect=True, enableMenu=False, invertY=False, defaultPadding=0.02)
        self.selectable = selectable
        self._mode: str | None = None
        self._lasso: list[QPointF] = []

    def mouseClickEvent(self, ev: MouseClickEvent) -> None:
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self.clicked.emit(self.mapToView(ev.pos()), ev.scenePos())
        else:
            ev.ignore()

    def mouseDragEvent(self, ev: MouseDragEvent, axis: int | None = None) -> None:
        e = ev
        if e.isStart():
            self._mode = None
            mods = e.modifiers()
            if self.selectable and e.button() == Qt.MouseButton.LeftButton:
                if mods & Qt.KeyboardModifier.ShiftModifier:
                    self._mode = "rect"
                elif mods & Qt.KeyboardModifier.ControlModifier:
                    self._mode = "lasso"
                    self._lasso = []
        if self._mode is None:
            super().mouseDragEvent(ev, axis)
            return
        e.accept()
        start = self.mapToView(e.buttonDownPos())
        here = self.mapToView(e.pos())
        band = QPainterPath()
        if self._mode == "rect":
            rect = QRectF(start, here).normalized()
            band.addRect(rect)
            if e.isFinish():
                self._mode = None
                self.band_changed.emit(QPainterPath())
                self.rect_selected.emit(rect)
                return
        else:
            if not self._lasso:
                self._lasso.append(start)
            self._lasso.append(here)
            band.moveTo(self._lasso[0])
            for p in self._lasso[1:]:
                band.lineTo(p)
            band.closeSubpath()
            if e.isFinish():
                self._mode = None
                points, self._lasso = self._lasso, []
                self.band_changed.emit(QPainterPath())
                self.lasso_selected.emit(points)
                return
        self.band_changed.emit(band)


class MapView(pg.GraphicsView):
    """The graphics view: keyboard navigation and the screen-fixed overlays."""

    def __init__(self, parent: QWidget, viewbox: MapViewBox) -> None:
        super().__init__(parent, background=style.BACKGROUND)
        self.vb = viewbox
        self.setCentralItem(viewbox)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.legend_sections: list[LegendSection] = []
        self.legend_visible = True
        self.furniture_visible = True  # scale bar and north arrow
        self.north_label = "北"
        self.key_handler: Callable[[QKeyEvent], bool] | None = None
        self._legend_cache: tuple[int, QImage | None] | None = None

    def set_legend(self, sections: list[LegendSection]) -> None:
        self.legend_sections = sections
        self._legend_cache = None
        self.viewport().update()

    def keyPressEvent(self, ev: QKeyEvent) -> None:
        if self.key_handler is not None and self.key_handler(ev):
            ev.accept()
            return
        super().keyPressEvent(ev)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        viewport = self.viewport().rect()
        w, h = viewport.width(), viewport.height()
        painter.save()
        painter.resetTransform()
        if self.furniture_visible:
            mpp = self.vb.viewPixelSize()[0]
            draw_scale_bar(painter, mpp, w - 12, h - 12)
            draw_north_arrow(painter, w - 8, 8, self.north_label)
        if self.legend_visible and self.legend_sections:
            height = max(int(h * 0.9) - 20, 120)
            if self._legend_cache is None or self._legend_cache[0] != height:
                self._legend_cache = (height, render_legend(self.legend_sections, height))
            image = self._legend_cache[1]
            if image is not None:
                painter.drawImage(QPointF(10, h - 10 - image.height()), image)
        painter.restore()


class _MapBase(QWidget):
    """What both maps share: view, base layers (land, cells, boundaries, names), navigation."""

    ZOOM_STEP = 1.5
    PAN_FRACTION = 0.2

    def __init__(self, parent: QWidget | None, *, selectable: bool) -> None:
        super().__init__(parent)
        self.vb = MapViewBox(selectable)
        self.view = MapView(self, self.vb)
        self.view.north_label = self.tr("北")
        self.view.key_handler = self.handle_key
        self.vb.disableAutoRange()
        self._grid: Grid | None = None
        self.map_geometry: MapGeometry | None = None

        self.land = PathLayer(QPen(Qt.PenStyle.NoPen), style.LAND)
        self.cells = CellClassLayer(style.STREET_FILLS, style.cosmetic_pen(style.CELL_OUTLINE))
        community_pen = style.cosmetic_pen(style.COMMUNITY_PEN, 1.4)
        community_pen.setDashPattern([5.0, 3.0])
        self.community_lines = LineLayer(
            community_pen, overview_pen=style.cosmetic_pen(style.COMMUNITY_PEN.lighter(115), 1.0)
        )
        self.street_lines = LineLayer(style.cosmetic_pen(style.STREET_PEN, 1.8))
        self.district_line = LineLayer(style.cosmetic_pen(style.DISTRICT_PEN, 2.6))
        self.highlight = PathLayer(
            style.cosmetic_pen(style.HIGHLIGHT, 3.0), QColor(0, 179, 255, 70)
        )
        self.labels = LabelLayer()
        # Cell numbers lie under the markers; they give way to the names placed above.
        self.cell_labels = LabelLayer(first=self.labels)
        for z, item in enumerate(
            (self.land, self.cells, self.community_lines, self.street_lines, self.district_line)
        ):
            item.setZValue(z)
        self.highlight.setZValue(20)
        self.labels.setZValue(50)
        self.cell_labels.setZValue(12)
        # The grid's own layers: added once here; set_grid gives them their extent.
        self._grid_layers = (
            self.land,
            self.cells,
            self.community_lines,
            self.street_lines,
            self.district_line,
            self.highlight,
            self.labels,
            self.cell_labels,
        )
        for item in self._grid_layers:
            self.vb.addItem(item, ignoreBounds=True)
        self._highlighted: str | None = None

    # -- grid ------------------------------------------------------------------------------

    @property
    def projection(self) -> LocalProjection:
        return (
            self.map_geometry.projection if self.map_geometry is not None else CHENGGONG_PROJECTION
        )

    def set_grid(self, grid: Grid) -> None:
        """Show this grid (its geometry is built once per Grid object and shared)."""
        self._grid = grid
        g = self.map_geometry = geometry_for(grid)
        boundary = self.projection.geometry_to_metres(grid.boundary)
        land = QPainterPath()
        land.setFillRule(Qt.FillRule.OddEvenFill)
        for polygon in getattr(boundary, "geoms", [boundary]):
            if polygon.is_empty:
                continue
            land.addPath(make_path(*_ring_arrays(polygon)))
        for layer in self._grid_layers:
            layer.set_extent(g.extent)
        self.land.set_path(land)
        self.cells.set_geometry(g)
        self.cells.set_classes(g.street_of)
        self.community_lines.set_lines(g.communities, g.communities_simple)
        self.street_lines.set_lines(g.streets, g.streets_simple)
        self.district_line.set_lines(g.district)
        self._set_label_groups(g)
        x0, y0, x1, y1 = g.extent
        # Pan no further than one district size beyond its edges (the same margin on both
        # axes: a long flat grid must still fit whole with the aspect locked).
        m = max(x1 - x0, y1 - y0)
        self.vb.setLimits(
            xMin=x0 - m, xMax=x1 + m, yMin=y0 - m, yMax=y1 + m,
            minXRange=120.0, minYRange=120.0, maxXRange=3 * m, maxYRange=3 * m,
        )  # fmt: skip
        self._highlighted = None
        self.highlight.set_path(QPainterPath())
        self.show_district()

    def _set_label_groups(self, g: MapGeometry) -> None:
        self.labels.set_group(
            "streets",
            LabelStyle(style.ui_font(12.5, bold=True), QColor("#24324a"),
                       min_mpp=style.STREET_LABEL_MIN_MPP, halo=3.0, padding=8.0, always=True),
            g.street_labels,
        )  # fmt: skip
        self.labels.set_group(
            "communities",
            LabelStyle(style.ui_font(9.5, bold=True), QColor("#4a5870"),
                       max_mpp=style.COMMUNITY_LABEL_MPP, halo=2.5, padding=6.0),
            g.community_labels,
        )  # fmt: skip

        def visible_cells(rect: QRectF, limit: int = 800) -> IntArray:
            inside = g.cells_in_rect(rect.left(), rect.top(), rect.right(), rect.bottom())
            return inside[:limit]

        def cell_codes(rect: QRectF, mpp: float) -> list[Label]:
            return [Label(g.cx[i], g.cy[i], g.codes[i], 3, g.codes[i]) for i in visible_cells(rect)]

        def cell_numbers(rect: QRectF, mpp: float) -> list[Label]:
            return [
                Label(g.cx[i], g.cy[i], g.codes[i][12:], 3, g.codes[i]) for i in visible_cells(rect)
            ]

        # Cell numbers sit on pale fills: no halo needed, and plain text is cheap to render.
        cell_style = LabelStyle(style.ui_font(7.5), QColor("#5b6b80"), halo=0.0, padding=2.0)
        self.cell_labels.set_group(
            "cell_codes",
            LabelStyle(cell_style.font, cell_style.color, max_mpp=style.CELL_CODE_LABEL_MPP,
                       halo=0.0, padding=2.0, solo=True),
            cell_codes,
        )  # fmt: skip
        self.cell_labels.set_group(
            "cell_numbers",
            LabelStyle(cell_style.font, cell_style.color, min_mpp=style.CELL_CODE_LABEL_MPP,
                       max_mpp=style.CELL_SEQ_LABEL_MPP, halo=0.0, padding=2.0, solo=True),
            cell_numbers,
        )  # fmt: skip

    # -- navigation ------------------------------------------------------------------------

    @property
    def metres_per_pixel(self) -> float:
        return float(self.vb.viewPixelSize()[0])

    def show_district(self) -> None:
        """Home: the whole district."""
        if self.map_geometry is None:
            return
        x0, y0, x1, y1 = self.map_geometry.extent
        self.vb.setRange(QRectF(x0, y0, x1 - x0, y1 - y0), padding=0.02)

    def view_centre(self) -> tuple[float, float]:
        """The centre of the view in metres."""
        c = self.vb.viewRect().center()
        return c.x(), c.y()

    def center_on_xy(self, x: float, y: float, max_mpp: float | None = None) -> None:
        """Centre the view on a point (metres); zoom in to at most ``max_mpp`` if given."""
        rect = self.vb.viewRect()
        w, h = rect.width(), rect.height()
        mpp = self.metres_per_pixel
        if max_mpp is not None and mpp > max_mpp > 0:
            w, h = w * max_mpp / mpp, h * max_mpp / mpp
        self.vb.setRange(QRectF(x - w / 2, y - h / 2, w, h), padding=0.0)

    def center_on(self, lon: float, lat: float, max_mpp: float | None = None) -> None:
        """Centre the view on a lon/lat point (keeping the zoom unless ``max_mpp``)."""
        self.center_on_xy(*self.projection.to_metres(lon, lat), max_mpp=max_mpp)

    def fit_rect(self, x0: float, y0: float, x1: float, y1: float, padding: float = 0.08) -> None:
        self.vb.setRange(QRectF(x0, y0, x1 - x0, y1 - y0), padding=padding)

    def zoom_by(self, factor: float) -> None:
        """factor > 1 zooms in, around the view's centre."""
        x, y = self.view_centre()
        self.vb.scaleBy(s=(1 / factor, 1 / factor), center=QPointF(x, y))

    def pan_by(self, fx: float, fy: float) -> None:
        """Pan by fractions of the view (positive: east, north)."""
        rect = self.vb.viewRect()
        self.vb.translateBy(x=fx * rect.width(), y=fy * rect.height())

    def handle_key(self, ev: QKeyEvent) -> bool:
        """Arrows pan, + and − zoom, Home shows the whole district."""
        key = Qt.Key(ev.key())
        step = self.PAN_FRACTION
        moves = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, step),
            Qt.Key.Key_Down: (0.0, -step),
        }
        if key in moves:
            self.pan_by(*moves[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(self.ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(1 / self.ZOOM_STEP)
        elif key == Qt.Key.Key_Home:
            self.show_district()
        else:
            return False
        return True

    def keyPressEvent(self, ev: QKeyEvent) -> None:
        if not self.handle_key(ev):
            super().keyPressEvent(ev)

    # -- cells -----------------------------------------------------------------------------

    def cell_path(self, cells: Iterable[int] | IntArray) -> QPainterPath:
        assert self.map_geometry is not None
        return make_path(*self.map_geometry.cell_rings(np.asarray(list(cells), dtype=np.int64)
                                                   if not isinstance(cells, np.ndarray)
                                                   else cells))  # fmt: skip

    def highlight_cell(self, code: str | None) -> bool:
        """Outline one cell (None clears); False when the code is not in the grid."""
        g = self.map_geometry
        if code is None or g is None or code not in g._index:
            self._highlighted = None
            self.highlight.set_path(QPainterPath())
            return code is None
        self._highlighted = code
        self.highlight.set_path(self.cell_path([g.index_of(code)]))
        return True

    @property
    def highlighted_cell(self) -> str | None:
        return self._highlighted

    def scene_pos_of(self, x: float, y: float) -> QPointF:
        """Where a map point (metres) is in the view's viewport pixels."""
        return self.vb.mapViewToScene(QPointF(x, y))

    def cell_at(self, x: float, y: float) -> str | None:
        """The cell under a map point (metres), by the Grid's point index."""
        if self._grid is None:
            return None
        lon, lat = self.projection.to_lonlat(x, y)
        return self._grid.locate(lon, lat)


def _ring_arrays(polygon: Polygon) -> tuple[FloatArray, FloatArray, np.ndarray]:
    line = Polyline.from_geometry([polygon.exterior, *polygon.interiors])
    return line.x, line.y, line.connect


def _device_xy(vb: pg.ViewBox, x: FloatArray, y: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Map many view points to viewport pixels at once (the view transform is affine)."""
    t = vb.childGroup.sceneTransform()
    return (
        t.m11() * x + t.m21() * y + t.dx(),
        t.m12() * x + t.m22() * y + t.dy(),
    )


class GridMapWidget(_MapBase):
    """The dispatcher's grid map: cells, boundaries, cases, supervisors, heat; linked selection.

    Coordinates are metres east/north of the district centre (CHENGGONG_PROJECTION), so
    distances, areas and the aspect ratio are true and north is up. Every layer is one
    batched graphics item (layers.py); the scene holds ~20 items whatever the cell count.

    Contract with the main window:
    - data in: set_grid(grid), set_cases(list[CaseSummary]), apply_case_changes(list[...])
      (incremental; closed/voided cases leave the map), set_supervisors(list[SupervisorView]),
      set_tracks({supervisor code: [(at, lon, lat), ...]}), set_heat({cell code: count});
    - navigation: center_on_case(case_id), focus_case(summary), highlight_cell(code),
      center_on(lon, lat), show_district(), select_cells(codes), clear_selection();
    - signals out: case_clicked(int), cell_clicked(str), area_selected(list[str]) (Shift+drag
      rectangle, Ctrl+drag lasso), supervisor_clicked(str) (SupervisorView.code),
      heat_query_changed(HeatQuery) (the heat layer was switched on or its period/category
      changed: run map_queries.heat_counts in the background and call set_heat —
      MapController does).
    """

    case_clicked = Signal(int)
    cell_clicked = Signal(str)
    area_selected = Signal(list)
    supervisor_clicked = Signal(str)
    heat_query_changed = Signal(object)

    LAYERS = ("cells", "boundaries", "labels", "cases", "supervisors", "tracks", "heat", "legend")

    def __init__(self, parent: QWidget | None = None, *,
                 clock: Callable[[], datetime] | None = None) -> None:  # fmt: skip
        super().__init__(parent, selectable=True)
        self.setObjectName("gridMap")
        self._clock = clock or datetime.now
        self._cases: dict[int, CaseSummary] = {}
        self._marker_ids = np.empty(0, dtype=np.int64)
        self._marker_x = np.empty(0)
        self._marker_y = np.empty(0)
        self._marker_size = np.empty(0)
        self._supervisors: list[SupervisorView] = []
        self._sup_codes: list[str] = []
        self._sup_x = np.empty(0)
        self._sup_y = np.empty(0)
        self._tracks: dict[str, Track] = {}
        self._heat_counts: np.ndarray | None = None
        self._heat_source: Mapping[str, int] | None = None
        self.heat_breaks: list[int] = []
        self._selected_case: int | None = None
        self.selected_cells: list[str] = []

        self._cell_outline = style.cosmetic_pen(style.CELL_OUTLINE)
        self.heat = CellClassLayer(style.HEAT_FILLS)
        self.selection = PathLayer(style.cosmetic_pen(style.SELECTION, 2.0),
                                   QColor(29, 57, 196, 50))  # fmt: skip
        band_pen = style.cosmetic_pen(style.SELECTION, 1.5)
        band_pen.setStyle(Qt.PenStyle.DashLine)
        self.band = PathLayer(band_pen, QColor(29, 57, 196, 28))
        self.tracks = LineLayer(style.cosmetic_pen(style.TRACK, 2.0), detail_mpp=0.0)
        self.clusters = ClusterLayer()
        self.markers = PassiveScatter(pxMode=True, hoverable=False)
        self.case_ring = PassiveScatter(pxMode=True, hoverable=False)
        self.supervisor_markers = PassiveScatter(pxMode=True, hoverable=False)
        for z, item in (
            (1.5, self.heat),
            (15, self.selection),
            (25, self.tracks),
            (30, self.clusters),
            (31, self.markers),
            (32, self.case_ring),
            (40, self.supervisor_markers),
            (60, self.band),
        ):
            item.setZValue(z)
            self.vb.addItem(item, ignoreBounds=True)
        self.clusters.setVisible(False)
        self._pens = {
            "ring": pg.mkPen(style.MARKER_RING, width=1.2),
            "overdue": pg.mkPen(style.OVERDUE, width=2.6),
            "sup": pg.mkPen(QColor("white"), width=1.3),
            "late": pg.mkPen(style.OVERDUE, width=2.4),
        }
        self._brushes = {state: pg.mkBrush(color) for state, color in style.STAGE_COLORS.items()}
        self._sup_brushes = {k: pg.mkBrush(c) for k, c in style.SUPERVISOR_COLORS.items()}
        self._sup_brushes["late"] = pg.mkBrush(style.LATE)
        self._pin = style.supervisor_symbol()

        self.vb.clicked.connect(self._on_click)
        self.vb.band_changed.connect(self.band.set_path)
        self.vb.rect_selected.connect(self._on_rect)
        self.vb.lasso_selected.connect(self._on_lasso)
        self.vb.sigTransformChanged.connect(self._update_level_of_detail)
        self.labels.obstacles = self._label_obstacles

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("gridMapToolbar")
        self.layer_actions: dict[str, QAction] = {}
        names = {
            "cells": self.tr("网格"),
            "boundaries": self.tr("界线"),
            "labels": self.tr("名称"),
            "cases": self.tr("案件"),
            "supervisors": self.tr("监督员"),
            "tracks": self.tr("轨迹"),
            "heat": self.tr("热力"),
            "legend": self.tr("图例"),
        }
        tips = {
            "cells": self.tr("单元网格（按街道着色，放大后显示网格线和编号）"),
            "boundaries": self.tr("区界、街道界和社区界"),
            "labels": self.tr("街道、社区名称和网格编号"),
            "cases": self.tr("在办案件（缩小时聚合显示件数）"),
            "supervisors": self.tr("监督员当前位置"),
            "tracks": self.tr("监督员今日轨迹"),
            "heat": self.tr("各网格案件数热力图（时段和类别见右侧）"),
            "legend": self.tr("图例"),
        }
        for key in self.LAYERS:
            action = QAction(names[key], self)
            action.setObjectName(f"mapLayer_{key}")
            action.setCheckable(True)
            action.setChecked(key != "heat")
            action.setToolTip(tips[key])
            action.toggled.connect(self._apply_layer_visibility)
            self.toolbar.addAction(action)
            self.layer_actions[key] = action
        self.layer_actions["heat"].toggled.connect(self._heat_toggled)
        self.toolbar.addSeparator()
        self.period = QComboBox(self)
        self.period.setObjectName("heatPeriod")
        for key, text in (
            ("today", self.tr("今日")),
            ("7d", self.tr("近7天")),
            ("30d", self.tr("近30天")),
            ("90d", self.tr("近90天")),
            ("year", self.tr("本年度")),
        ):
            self.period.addItem(text, key)
        self.period.setCurrentIndex(2)
        self.category = QComboBox(self)
        self.category.setObjectName("heatCategory")
        self.set_heat_categories(self._default_categories())
        self.period.currentIndexChanged.connect(self._heat_query_edited)
        self.category.currentIndexChanged.connect(self._heat_query_edited)
        self.toolbar.addWidget(self.period)
        self.toolbar.addWidget(self.category)
        self.toolbar.addSeparator()
        home = QAction(self.tr("全区"), self)
        home.setObjectName("mapHome")
        home.setToolTip(
            self.tr("显示全区（Home）；方向键平移，+/− 缩放，Shift+拖动框选，Ctrl+拖动圈选")
        )  # noqa: E501
        home.triggered.connect(self.show_district)
        self.toolbar.addAction(home)
        self.status = QLabel(self)
        self.status.setObjectName("mapStatus")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.setMinimumSize(320, 240)
        self._heat_controls_enabled()
        self._apply_layer_visibility()

    # -- layers ----------------------------------------------------------------------------

    def _default_categories(self) -> list[tuple[str, str]]:
        return [
            ("", self.tr("全部类别")),
            ("C", self.tr("部件")),
            ("E", self.tr("事件")),
            ("C01", self.tr("部件·公用设施")),
            ("C02", self.tr("部件·道路交通")),
            ("C03", self.tr("部件·市容环境")),
            ("C04", self.tr("部件·园林绿化")),
            ("C05", self.tr("部件·房屋土地")),
            ("C06", self.tr("部件·其他设施")),
            ("E01", self.tr("事件·市容环境")),
            ("E02", self.tr("事件·宣传广告")),
            ("E03", self.tr("事件·施工管理")),
            ("E04", self.tr("事件·突发事件")),
            ("E05", self.tr("事件·街面秩序")),
        ]

    def set_heat_categories(self, categories: Sequence[tuple[str, str]]) -> None:
        """Replace the heat layer's category choices: (code prefix, label), "" for all."""
        self.category.blockSignals(True)
        self.category.clear()
        for prefix, text in categories:
            self.category.addItem(text, prefix)
        self.category.blockSignals(False)

    def layer_visible(self, key: str) -> bool:
        return self.layer_actions[key].isChecked()

    def set_layer_visible(self, key: str, visible: bool) -> None:
        self.layer_actions[key].setChecked(visible)

    def _apply_layer_visibility(self) -> None:
        on = self.layer_visible
        heat = on("heat") and self.heat.classes is not None and self.map_geometry is not None
        if heat and self.map_geometry is not None:
            # The heat layer takes over the base fill (one pass instead of two).
            base = self.map_geometry.street_of if on("cells") else None
            self.heat.set_underlay(base, style.STREET_FILLS)
            self.heat.set_outline(self._cell_outline if on("cells") else None)
        self.heat.setVisible(heat)
        self.cells.setVisible(on("cells") and not heat)
        for item in (self.community_lines, self.street_lines, self.district_line):
            item.setVisible(on("boundaries"))
        self.labels.setVisible(on("labels"))
        self.cell_labels.setVisible(on("labels") and on("cells"))
        self.tracks.setVisible(on("tracks"))
        self.supervisor_markers.setVisible(on("supervisors"))
        self.view.legend_visible = on("legend")
        self._update_level_of_detail()
        self._refresh_legend()

    def _update_level_of_detail(self) -> None:
        """Markers one by one when zoomed in, counted clusters when zoomed out."""
        cases = self.layer_visible("cases")
        clustered = self.metres_per_pixel > style.CLUSTER_MPP
        if self.markers.isVisible() != (cases and not clustered):
            self.markers.setVisible(cases and not clustered)
        if self.clusters.isVisible() != (cases and clustered):
            self.clusters.setVisible(cases and clustered)
            self.labels.invalidate()
        self.case_ring.setVisible(cases)

    def _label_obstacles(self, transform: QTransform, mpp: float) -> list[QRectF]:
        # Names move aside for the cluster circles (the circles are drawn under them).
        if not self.clusters.isVisible():
            return []
        return self.clusters.device_rects(transform, mpp)

    @property
    def clustered(self) -> bool:
        return self.clusters.isVisible()

    # -- grid ------------------------------------------------------------------------------

    def set_grid(self, grid: Grid) -> None:
        super().set_grid(grid)
        g = self.map_geometry
        assert g is not None
        for item in (self.heat, self.selection, self.band, self.tracks, self.clusters):
            item.set_extent(g.extent)
        self.heat.set_geometry(g)
        self.selected_cells = []
        self.selection.set_path(QPainterPath())
        if self._heat_source is not None:
            self.set_heat(self._heat_source)
        self._rebuild_markers()
        self._rebuild_supervisors()
        self.set_tracks(self._tracks)
        self._apply_layer_visibility()

    # -- cases -----------------------------------------------------------------------------

    def set_cases(self, cases: Iterable[CaseSummary]) -> None:
        """Show these cases (open ones only: closed and voided leave the map)."""
        self._cases = {c.id: c for c in cases if c.state in style.STAGE_COLORS}
        self._rebuild_markers()

    def apply_case_changes(self, changes: Iterable[CaseSummary]) -> None:
        """Apply changed cases from the change feed: insert, restyle, move or remove."""
        for c in changes:
            if c.state in style.STAGE_COLORS:
                self._cases[c.id] = c
            else:
                self._cases.pop(c.id, None)
                if self._selected_case == c.id:
                    self._set_case_ring(None)
        self._rebuild_markers()

    def remove_cases(self, ids: Iterable[int]) -> None:
        for case_id in ids:
            self._cases.pop(case_id, None)
        self._rebuild_markers()

    @property
    def case_count(self) -> int:
        """Markers on the map (cases with a known position)."""
        return len(self._marker_ids)

    def case_position(self, case: CaseSummary) -> tuple[float, float] | None:
        """The case on the map (metres): its own fix, else its cell's inner point."""
        if case.lon is not None and case.lat is not None:
            return self.projection.to_metres(case.lon, case.lat)
        g = self.map_geometry
        if case.grid_code and g is not None and case.grid_code in g._index:
            i = g.index_of(case.grid_code)
            return float(g.cx[i]), float(g.cy[i])
        return None

    def refresh(self) -> None:
        """Restyle markers for the current time (overdue rings); call on the minute tick."""
        self._rebuild_markers()

    def _rebuild_markers(self) -> None:
        now = self._clock()
        rows: list[tuple[int, int, float, float, str, float, object, object]] = []
        for c in self._cases.values():
            pos = self.case_position(c)
            if pos is None:
                continue
            overdue = is_overdue(c, now)
            urgent = c.priority == "urgent"
            if c.is_key:
                symbol, size = "star", style.KEY_SIZE
            elif urgent:
                symbol, size = "d", style.URGENT_SIZE
            else:
                symbol, size = "o", style.MARKER_SIZE
            level = 2 if overdue else 1 if (urgent or c.is_key) else 0
            pen = self._pens["overdue" if overdue else "ring"]
            rows.append((level, c.id, pos[0], pos[1], symbol, size, pen, self._brushes[c.state]))
        # The most urgent are drawn last, on top of the others.
        rows.sort(key=lambda r: (r[0], r[1]))
        n = len(rows)
        ids = np.fromiter((r[1] for r in rows), dtype=np.int64, count=n)
        x = np.fromiter((r[2] for r in rows), dtype=np.float64, count=n)
        y = np.fromiter((r[3] for r in rows), dtype=np.float64, count=n)
        sizes = np.fromiter((r[5] for r in rows), dtype=np.float64, count=n)
        severity = np.fromiter((r[0] for r in rows), dtype=np.int64, count=n)
        self._marker_ids, self._marker_x, self._marker_y, self._marker_size = ids, x, y, sizes
        self.markers.setData(
            x=x, y=y, data=ids, size=sizes,
            symbol=[r[4] for r in rows], pen=[r[6] for r in rows], brush=[r[7] for r in rows],
        )  # fmt: skip
        self.clusters.set_points(x, y, severity)
        self.labels.invalidate()
        if self._selected_case is not None:
            case = self._cases.get(self._selected_case)
            self._set_case_ring(self.case_position(case) if case else None, self._selected_case)
        self.status.setText(self.tr("在办案件 %n 件", "", n))

    def _set_case_ring(self, pos: tuple[float, float] | None, case_id: int | None = None) -> None:
        self._selected_case = case_id if pos is not None else None
        if pos is None:
            self.case_ring.setData(x=[], y=[])
            return
        self.case_ring.setData(
            x=[pos[0]], y=[pos[1]], size=27, symbol="o",
            pen=pg.mkPen(style.HIGHLIGHT, width=3.0), brush=pg.mkBrush(0, 0, 0, 0),
        )  # fmt: skip

    def center_on_case(self, case_id: int) -> bool:
        """Centre on a case shown on the map, ring it and highlight its cell."""
        case = self._cases.get(case_id)
        return self.focus_case(case) if case is not None else False

    def focus_case(self, case: CaseSummary) -> bool:
        """Like center_on_case for any summary (also one not on the map, e.g. closed)."""
        pos = self.case_position(case)
        if pos is None:
            return False
        self.center_on_xy(*pos, max_mpp=style.FOCUS_MPP)
        code = case.grid_code or self.cell_at(*pos)
        self.highlight_cell(code)
        self._set_case_ring(pos, case.id)
        return True

    # -- supervisors -----------------------------------------------------------------------

    def set_supervisors(self, rows: Iterable[SupervisorView]) -> None:
        """Current positions: a pin per supervisor with a fix; late ones orange, ringed red."""
        self._supervisors = list(rows)
        self._rebuild_supervisors()

    def _rebuild_supervisors(self) -> None:
        codes, xs, ys, brushes, pens, labels = [], [], [], [], [], []
        for s in self._supervisors:
            if s.lon is None or s.lat is None:
                continue
            x, y = self.projection.to_metres(s.lon, s.lat)
            codes.append(s.code)
            xs.append(x)
            ys.append(y)
            brush = self._sup_brushes.get(s.status, self._sup_brushes["offline"])
            if s.late:
                brush = self._sup_brushes["late"]
            brushes.append(brush)
            pens.append(self._pens["late" if s.late else "sup"])
            text = s.name
            if s.late and s.fix_age_seconds is not None:
                text = (
                    self.tr("%1（%2分钟未定位）")
                    .replace("%1", s.name)
                    .replace("%2", str(int(s.fix_age_seconds // 60)))
                )
            labels.append(Label(x, y, text, 0 if s.late else 1, s.code))
        self._sup_codes = codes
        self._sup_x, self._sup_y = np.asarray(xs, dtype=np.float64), np.asarray(ys, np.float64)
        self.supervisor_markers.setData(
            x=self._sup_x, y=self._sup_y, data=codes, size=style.SUPERVISOR_SIZE,
            symbol=self._pin, pen=pens, brush=brushes,
        )  # fmt: skip
        # Names sit under the pins; placed before 社区 names, which yield to them.
        self.labels.set_group(
            "supervisors",
            LabelStyle(style.ui_font(8.5, bold=True), QColor("#10239e"),
                       max_mpp=style.SUPERVISOR_LABEL_MPP, halo=2.5, padding=2.0),
            _OffsetLabels(labels, dy_px=17.0),
        )  # fmt: skip
        self.labels.order_groups(["streets", "supervisors", "communities"])

    def set_tracks(self, tracks: Mapping[str, Track]) -> None:
        """Today's tracks, one polyline per supervisor, all in one batched path."""
        self._tracks = dict(tracks)
        xs: list[FloatArray] = []
        ys: list[FloatArray] = []
        connect: list[np.ndarray] = []
        proj = self.projection
        for fixes in self._tracks.values():
            if len(fixes) < 2:
                continue
            lonlat = np.array([(lon, lat) for _, lon, lat in fixes], dtype=np.float64)
            m = _simplify_track(proj.coords_to_metres(lonlat))
            xs.append(m[:, 0])
            ys.append(m[:, 1])
            c = np.ones(len(m), dtype=bool)
            c[-1] = False
            connect.append(c)
        if xs:
            line = Polyline(np.concatenate(xs), np.concatenate(ys), np.concatenate(connect))
        else:
            line = Polyline(np.empty(0), np.empty(0), np.empty(0, dtype=bool))
        self.tracks.set_lines(line)

    # -- heat ------------------------------------------------------------------------------

    def heat_query(self) -> HeatQuery:
        """The period and category chosen in the toolbar, as a query for map_queries."""
        now = self._clock()
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        until = midnight + timedelta(days=1)
        key = self.period.currentData()
        days = {"today": 1, "7d": 7, "30d": 30, "90d": 90}.get(key)
        since = until - timedelta(days=days) if days else midnight.replace(month=1, day=1)
        return HeatQuery(since, until, self.category.currentData() or "")

    def heat_description(self) -> str:
        return f"{self.period.currentText()} · {self.category.currentText()}"

    def _heat_controls_enabled(self) -> None:
        on = self.layer_visible("heat")
        self.period.setEnabled(on)
        self.category.setEnabled(on)

    def _heat_toggled(self, on: bool) -> None:
        self._heat_controls_enabled()
        if on:
            self.heat_query_changed.emit(self.heat_query())

    def _heat_query_edited(self) -> None:
        if self.layer_visible("heat"):
            self.heat_query_changed.emit(self.heat_query())

    def set_heat(self, counts: Mapping[str, int]) -> None:
        """Cases per cell ({cell code: count}) for the heat layer; classes by quantiles."""
        self._heat_source = counts
        if self.map_geometry is None:
            return
        self.set_heat_array(counts_by_code(counts, self.map_geometry.codes))

    def set_heat_array(self, counts: IntArray) -> None:
        """Cases per cell in the grid's cell order (from a numpy bincount)."""
        self._heat_counts = np.asarray(counts, dtype=np.int64)
        self.heat_breaks = heat_breaks(self._heat_counts)
        self.heat.set_classes(heat_classes(self._heat_counts, self.heat_breaks))
        self._apply_layer_visibility()

    # -- clicks and selection --------------------------------------------------------------

    def _on_click(self, view_pt: QPointF, scene_pt: QPointF) -> None:
        self.view.setFocus(Qt.FocusReason.MouseFocusReason)
        kind, value = self.hit_test(scene_pt.x(), scene_pt.y(), view_pt.x(), view_pt.y())
        if kind == "case":
            case_id = cast(int, value)
            case = self._cases.get(case_id)
            if case is not None:
                self._set_case_ring(self.case_position(case), case.id)
            self.case_clicked.emit(case_id)
        elif kind == "supervisor":
            self.supervisor_clicked.emit(str(value))
        elif kind == "cluster":
            x0, y0, x1, y1 = cast(tuple[float, float, float, float], value)
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            # Zoom to the cluster's cases, at least one level further and no further than
            # where clusters break up into markers.
            mpp = self.metres_per_pixel
            target = min(mpp / 2.5, max(style.CLUSTER_MPP * 0.9, 1e-3))
            vr = self.vb.viewRect()
            need = max((x1 - x0) / max(vr.width() / mpp, 1), (y1 - y0) / max(vr.height() / mpp, 1))
            target = max(min(target, mpp / 2), need * 1.3) if need > 0 else target
            w, h = vr.width() * target / mpp, vr.height() * target / mpp
            self.vb.setRange(QRectF(cx - w / 2, cy - h / 2, w, h), padding=0.0)
        elif kind == "cell":
            self.highlight_cell(str(value))
            self.cell_clicked.emit(str(value))
        else:
            self.highlight_cell(None)

    def hit_test(self, px: float, py: float, x: float, y: float) -> tuple[str, object]:
        """What a click at viewport pixel (px, py) = map point (x, y) metres hits.

        Case marker (within its radius + 3 px) → supervisor pin → cluster → cell (by the
        Grid's point index) → ("none", None).
        """
        if self.markers.isVisible() and len(self._marker_ids):
            dx, dy = _device_xy(self.vb, self._marker_x, self._marker_y)
            d2 = (dx - px) ** 2 + (dy - py) ** 2
            reach = (self._marker_size / 2 + 3) ** 2
            hit = np.flatnonzero(d2 <= reach)
            if len(hit):
                # Among overlapping markers the one drawn on top (last) wins.
                return "case", int(self._marker_ids[hit[-1]])
        if self.supervisor_markers.isVisible() and len(self._sup_codes):
            dx, dy = _device_xy(self.vb, self._sup_x, self._sup_y)
            d2 = (dx - px) ** 2 + (dy - py) ** 2
            best = int(np.argmin(d2))
            if d2[best] <= (style.SUPERVISOR_SIZE / 2 + 3) ** 2:
                return "supervisor", self._sup_codes[best]
        if self.clusters.isVisible():
            level = self.clusters.level_for(self.metres_per_pixel)
            for c in self.clusters.clusters(level):
                p = self.scene_pos_of(c.x, c.y)
                r = self.clusters.radius(c.count) + 2
                if (p.x() - px) ** 2 + (p.y() - py) ** 2 <= r * r:
                    return "cluster", c.bounds
        code = self.cell_at(x, y)
        if code is not None:
            return "cell", code
        return "none", None

    def _on_rect(self, rect: QRectF) -> None:
        if self.map_geometry is None:
            return
        cells = self.map_geometry.cells_in_rect(
            rect.left(), rect.top(), rect.right(), rect.bottom()
        )
        self._select(cells)

    def _on_lasso(self, points: list[QPointF]) -> None:
        if self.map_geometry is None:
            return
        self._select(self.map_geometry.cells_in_polygon([(p.x(), p.y()) for p in points]))

    def _select(self, cells: IntArray) -> None:
        assert self.map_geometry is not None
        codes = [self.map_geometry.codes[i] for i in cells.tolist()]
        self.selected_cells = codes
        self.selection.set_path(self.cell_path(cells))
        self.area_selected.emit(codes)

    def select_cells(self, codes: Iterable[str]) -> None:
        """Show an area selection made elsewhere (does not emit area_selected)."""
        g = self.map_geometry
        if g is None:
            return
        cells = np.array([g.index_of(c) for c in codes if c in g._index], dtype=np.int64)
        self.selected_cells = [g.codes[i] for i in cells.tolist()]
        self.selection.set_path(self.cell_path(cells))

    def clear_selection(self) -> None:
        self.selected_cells = []
        self.selection.set_path(QPainterPath())

    # -- legend ----------------------------------------------------------------------------

    def _refresh_legend(self) -> None:
        on = self.layer_visible
        sections: list[LegendSection] = []
        if on("cases"):
            labels = {
                "reported": self.tr("上报"),
                "verifying": self.tr("核实中"),
                "filed": self.tr("已立案"),
                "dispatched": self.tr("已派遣"),
                "awaiting_check": self.tr("待核查"),
                "suspended": self.tr("挂账"),
            }
            sections.append(
                LegendSection(
                    self.tr("案件阶段"),
                    tuple(
                        Swatch("dot", style.STAGE_COLORS[s], labels[s]) for s in style.STAGE_ORDER
                    ),
                )
            )
            grey = QColor("#8c8c8c")
            sections.append(
                LegendSection(
                    self.tr("紧急程度"),
                    (
                        Swatch("dot", grey, self.tr("超期（红圈）"), style.OVERDUE, 2.2),
                        Swatch("diamond", grey, self.tr("紧急")),
                        Swatch("star", grey, self.tr("督办")),
                        Swatch(
                            "cluster",
                            QColor(38, 60, 140),
                            self.tr("聚合件数，红弧为超期占比"),
                            style.OVERDUE,
                        ),
                    ),
                )
            )
        if on("supervisors") or on("tracks"):
            rows = []
            if on("supervisors"):
                rows += [
                    Swatch("pin", style.SUPERVISOR_COLORS["patrolling"], self.tr("巡查中")),
                    Swatch("pin", style.SUPERVISOR_COLORS["on_task"], self.tr("核实/核查中")),
                    Swatch("pin", style.LATE, self.tr("超时未定位"), style.OVERDUE, 2.0),
                    Swatch("pin", style.SUPERVISOR_COLORS["offline"], self.tr("离线/休息")),
                ]
            if on("tracks"):
                rows.append(Swatch("line", style.TRACK, self.tr("今日轨迹"), ring_width=2.0))
            sections.append(LegendSection(self.tr("监督员"), tuple(rows)))
        if on("heat"):
            rows = [
                Swatch("fill", style.HEAT_FILLS[i % len(style.HEAT_FILLS)],
                       self.tr("%1–%2 件").replace("%1", str(lo)).replace("%2", str(hi))
                       if lo != hi else self.tr("%n 件", "", lo))
                for i, (lo, hi) in enumerate(class_ranges(self.heat_breaks))
            ]  # fmt: skip
            if not rows:
                rows = [Swatch("fill", QColor(0, 0, 0, 0), self.tr("无案件"))]
            sections.append(LegendSection(self.tr("热力：") + self.heat_description(), tuple(rows)))
        if on("boundaries"):
            sections.append(
                LegendSection(
                    self.tr("界线"),
                    (
                        Swatch("line", style.DISTRICT_PEN, self.tr("区界"), ring_width=2.6),
                        Swatch("line", style.STREET_PEN, self.tr("街道界"), ring_width=1.8),
                        Swatch("line", style.COMMUNITY_PEN, self.tr("社区界"), ring_width=1.4,
                               dashed=True),
                        Swatch("fill", style.HIGHLIGHT.lighter(150), self.tr("选中网格"),
                               style.HIGHLIGHT),
                    ),
                )
            )  # fmt: skip
        self.view.set_legend(sections)


def _simplify_track(m: FloatArray, tolerance: float = 2.0) -> FloatArray:
    """A track without points that add nothing at 2 m: walks along streets are mostly
    straight runs, and every vertex costs stroking time on every repaint."""
    if len(m) < 3:
        return m
    import shapely

    simple = shapely.simplify(shapely.linestrings(m), tolerance, preserve_topology=False)
    coords: FloatArray = shapely.get_coordinates(simple)
    return coords if len(coords) >= 2 else m


class _OffsetLabels:
    """A label provider whose labels sit ``dy_px`` screen pixels below their points."""

    def __init__(self, labels: Sequence[Label], dy_px: float) -> None:
        self._labels = labels
        self._dy = dy_px

    def __call__(self, rect: QRectF, mpp: float) -> list[Label]:
        # The view's y axis points north: "below" on screen is a smaller y.
        return [Label(lab.x, lab.y - self._dy * mpp, lab.text, lab.rank, lab.code)
                for lab in self._labels]  # fmt: skip


class MiniMap(_MapBase):
    """A small map for the dispatch dialog: one case and the candidate units' areas.

    Lightly interactive: drag pans and the wheel zooms; nothing is clicked.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, selectable=False)
        self.setObjectName("miniMap")
        self.area = PathLayer(QPen(Qt.PenStyle.NoPen), style.AREA_FILL)
        self.area_outline = LineLayer(style.cosmetic_pen(style.AREA_PEN, 2.0), detail_mpp=0.0)
        self.marker = PassiveScatter(pxMode=True, hoverable=False)
        for z, item in ((6, self.area), (7, self.area_outline), (45, self.marker)):
            item.setZValue(z)
            self.vb.addItem(item, ignoreBounds=True)
        self.area_cells: list[str] = []
        self.view.furniture_visible = True
        self._set_legend(style.STAGE_COLORS["filed"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setMinimumSize(240, 180)

    def _set_legend(self, case_color: QColor) -> None:
        self.view.set_legend([
            LegendSection(self.tr("图例"), (
                Swatch("dot", case_color, self.tr("本案件")),
                Swatch("fill", style.AREA_FILL, self.tr("候选单位责任区"), style.AREA_PEN),
            )),
        ])  # fmt: skip

    def set_grid(self, grid: Grid) -> None:
        super().set_grid(grid)
        assert self.map_geometry is not None
        for item in (self.area, self.area_outline):
            item.set_extent(self.map_geometry.extent)

    def show_case(self, case: CaseSummary, highlight_area_codes: Iterable[str] = ()) -> None:
        """Show the case, its cell and the cells of the given 街道/社区 (or cell) codes."""
        g = self.map_geometry
        if g is None:
            return
        codes = [c for c in highlight_area_codes if c]
        cells = g.cells_with_prefix(codes)
        self.area_cells = [g.codes[i] for i in cells.tolist()]
        self.area.set_path(self.cell_path(cells))
        self._outline_areas(codes)
        pos = _case_xy(case, g)
        color = style.STAGE_COLORS.get(case.state, style.STAGE_COLORS["filed"])
        self._set_legend(color)
        if pos is None:
            self.marker.setData(x=[], y=[])
        else:
            self.marker.setData(
                x=[pos[0]], y=[pos[1]], size=15, symbol="o",
                pen=pg.mkPen("white", width=2), brush=pg.mkBrush(color),
            )  # fmt: skip
        self.highlight_cell(case.grid_code)
        xs: list[float] = []
        ys: list[float] = []
        if len(cells):
            b = g.bounds[cells]
            xs += [float(b[:, 0].min()), float(b[:, 2].max())]
            ys += [float(b[:, 1].min()), float(b[:, 3].max())]
        if pos is not None:
            xs.append(pos[0])
            ys.append(pos[1])
        if not xs:
            self.show_district()
            return
        # At least 1.5 km across, so a lone case shows its surroundings.
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        half = max(max(xs) - min(xs), max(ys) - min(ys), 1500.0) / 2
        self.fit_rect(cx - half, cy - half, cx + half, cy + half)

    def _outline_areas(self, codes: Sequence[str]) -> None:
        grid = self._grid
        polygons = []
        if grid is not None:
            for code in codes:
                try:
                    if len(code) == 9:
                        polygons.append(grid.street(code).polygon)
                    elif len(code) == 12:
                        polygons.append(grid.community(code).polygon)
                    elif len(code) == 15:
                        polygons.append(grid.cell(code).polygon)
                except KeyError:
                    continue
        if polygons:
            import shapely

            merged = shapely.union_all(self.projection.geometry_to_metres(
                np.asarray(polygons, dtype=object)))  # fmt: skip
            self.area_outline.set_lines(Polyline.from_geometry(shapely.boundary(merged)))
        else:
            self.area_outline.set_lines(Polyline(np.empty(0), np.empty(0), np.empty(0, bool)))


def _case_xy(case: CaseSummary, g: MapGeometry) -> tuple[float, float] | None:
    if case.lon is not None and case.lat is not None:
        return g.projection.to_metres(case.lon, case.lat)
    if case.grid_code and case.grid_code in g._index:
        i = g.index_of(case.grid_code)
        return float(g.cx[i]), float(g.cy[i])
    return None


__all__ = ["GridMapWidget", "MapView", "MapViewBox", "MiniMap", "geometry_for", "is_overdue"]
