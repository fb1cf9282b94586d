"""Batched graphics items of the grid map: one item per layer, level of detail inside each."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
import shapely
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)

from ui.map import style
from ui.map.geometry import BoolArray, FloatArray, IntArray, Label, MapGeometry, Polyline


def make_path(x: FloatArray, y: FloatArray, connect: BoolArray) -> QPainterPath:
    """One QPainterPath for many rings or polylines (pyqtgraph fills it from numpy)."""
    if len(x) == 0:
        return QPainterPath()
    return pg.arrayToQPath(x, y, connect=connect.astype(np.int32), finiteCheck=False)


def polyline_path(line: Polyline) -> QPainterPath:
    return make_path(line.x, line.y, line.connect)


def metres_per_pixel(painter: QPainter) -> float:
    """Map metres per device pixel under the painter's current transform (aspect is locked)."""
    t = painter.transform()
    det = abs(t.m11() * t.m22() - t.m12() * t.m21())
    return 1.0 / math.sqrt(det) if det > 0 else math.inf


def device_rect(painter: QPainter) -> QRectF:
    """What the painter can touch, in device pixels: the clip if any, else the device."""
    device = painter.device()
    full = QRectF(0, 0, device.width(), device.height())
    if painter.hasClipping():
        clip = painter.transform().mapRect(painter.clipBoundingRect())
        if not clip.isEmpty():
            return clip.intersected(full)
    return full


def visible_rect(painter: QPainter) -> QRectF:
    """The device area the painter can touch, in the item's (metre) coordinates."""
    inverse, ok = painter.transform().inverted()
    return inverse.mapRect(device_rect(painter)) if ok else QRectF()


class PassiveScatter(pg.ScatterPlotItem):
    """pyqtgraph's scatter item that leaves clicks to the map.

    A ScatterPlotItem accepts a click on one of its points, and the view box would then
    never see it; the map does its own picking (markers, then pins, then cells).
    """

    def mouseClickEvent(self, ev: MouseClickEvent) -> None:
        ev.ignore()


class MapLayer(pg.GraphicsObject):
    """Base: an item covering the map's extent, painted only when visible."""

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()

    def set_extent(self, extent: tuple[float, float, float, float]) -> None:
        x0, y0, x1, y1 = extent
        # Generous margin: labels and markers drawn in pixels may reach past the cells.
        mx, my = (x1 - x0) * 0.25 + 500.0, (y1 - y0) * 0.25 + 500.0
        self.prepareGeometryChange()
        self._rect = QRectF(x0 - mx, y0 - my, x1 - x0 + 2 * mx, y1 - y0 + 2 * my)
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)


class CellClassLayer(MapLayer):
    """All unit cells filled by class (−1: not drawn): the base cells and the heat layer.

    Level of detail:
    - zoomed out (≥ VECTOR_MPP): a raster of the whole layer, rendered once per change of
      classes and drawn scaled — a constant few milliseconds whatever the cell count;
    - zoomed in: vector paths of the visible 2 km tiles only, one path per class per tile
      (built lazily and cached), and the cell outlines (one path per tile, cosmetic pen)
      once cells are big enough for outlines to mean something.

    An underlay (other classes and colours, e.g. the base fill by 街道) fills the cells
    this layer leaves empty: the heat layer then replaces the base cell layer instead of
    being painted over it, which saves a full-view pass whenever heat is shown.
    """

    RASTER_PX = 2400  # longest side of the raster

    def __init__(self, palette: Sequence[QColor], outline: QPen | None = None) -> None:
        super().__init__()
        self._geometry: MapGeometry | None = None
        self._classes: IntArray | None = None
        self._brushes = [QBrush(c) for c in palette]
        self._outline = outline
        self._underlay: IntArray | None = None
        self._underlay_brushes: list[QBrush] = []
        # What is drawn: own classes after the underlay's (combined when set).
        self._draw_classes: IntArray | None = None
        self._draw_brushes: list[QBrush] = self._brushes
        self._tile_fills: dict[tuple[int, int], list[tuple[int, QPainterPath]]] = {}
        self._tile_outlines: dict[tuple[int, int], QPainterPath] = {}
        self._image: QImage | None = None
        self._image_rect = QRectF()
        self._image_res = 1.0  # metres per raster pixel
        self._mips: list[QImage] = []  # the raster halved, quartered, ... (built lazily)

    def itemChange(self, change: object, value: object) -> object:
        # A hidden layer gives its raster back (≈ 25 MB for the district); showing it again
        # rebuilds it in ≈ 30 ms. The vector tile paths are small and kept.
        if change == self.GraphicsItemChange.ItemVisibleHasChanged and not value:
            self._image = None
            self._mips = []
        return super().itemChange(change, value)

    def set_geometry(self, geometry: MapGeometry | None) -> None:
        self._geometry = geometry
        self._classes = None
        self._tile_outlines.clear()
        self._invalidate()
        if geometry is not None:
            self.set_extent(geometry.extent)

    def set_classes(self, classes: IntArray | None) -> None:
        """Class index per cell (same order as the geometry's codes); None hides all."""
        self._classes = None if classes is None else np.asarray(classes, dtype=np.int64)
        self._invalidate()

    @property
    def classes(self) -> IntArray | None:
        return self._classes

    def set_palette(self, palette: Sequence[QColor]) -> None:
        self._brushes = [QBrush(c) for c in palette]
        self._invalidate()

    def set_underlay(self, classes: IntArray | None, palette: Sequence[QColor] = ()) -> None:
        """Classes drawn in the cells this layer leaves empty (None: nothing there)."""
        if classes is self._underlay:
            return
        self._underlay = classes
        self._underlay_brushes = [QBrush(c) for c in palette]
        self._invalidate()

    def set_outline(self, pen: QPen | None) -> None:
        self._outline = pen
        self.update()

    def _invalidate(self) -> None:
        own = self._classes
        if own is not None and self._underlay is not None and self._underlay_brushes:
            k = len(self._underlay_brushes)
            under = self._underlay % k
            self._draw_classes = np.where(own >= 0, own + k, under)
            self._draw_brushes = self._underlay_brushes + self._brushes
        else:
            self._draw_classes = own
            self._draw_brushes = self._brushes
        self._tile_fills.clear()
        self._image = None
        self._mips = []
        self.update()

    # -- painting --------------------------------------------------------------------------

    def paint(self, painter: QPainter, *args: object) -> None:
        g, classes = self._geometry, self._draw_classes
        if g is None or classes is None or g.n == 0:
            return
        mpp = metres_per_pixel(painter)
        if mpp >= style.VECTOR_MPP:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(self._image_rect, self._raster_for(mpp))
            return
        r = visible_rect(painter)
        tiles = g.visible_tiles(r.left(), r.top(), r.right(), r.bottom())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        brushes = self._draw_brushes
        for key in tiles:
            for cls, path in self._fills(key):
                painter.setBrush(brushes[cls % len(brushes)])
                painter.drawPath(path)
        if self._outline is not None and mpp <= style.OUTLINE_MPP:
            painter.setPen(self._outline)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for key in tiles:
                painter.drawPath(self._outline_path(key))

    def _fills(self, key: tuple[int, int]) -> list[tuple[int, QPainterPath]]:
        cached = self._tile_fills.get(key)
        if cached is None:
            g, classes = self._geometry, self._draw_classes
            assert g is not None
            assert classes is not None
            cells = g.tile_cells[key]
            cls = classes[cells]
            cached = []
            for c in np.unique(cls[cls >= 0]).tolist():
                cached.append((int(c), make_path(*g.cell_rings(cells[cls == c]))))
            self._tile_fills[key] = cached
        return cached

    def _outline_path(self, key: tuple[int, int]) -> QPainterPath:
        path = self._tile_outlines.get(key)
        if path is None:
            assert self._geometry is not None
            path = make_path(*self._geometry.cell_rings(self._geometry.tile_cells[key]))
            self._tile_outlines[key] = path
        return path

    def _raster_for(self, mpp: float) -> QImage:
        """The raster level scaled down by less than 2× at this zoom: bilinear sampling of
        a bigger reduction would skip pixels (shimmer) and read 4× the memory per level."""
        image = self._raster()
        level = 0
        while mpp / (self._image_res * 2 ** (level + 1)) >= 1.0 and level < 4:
            level += 1
        while len(self._mips) < level:
            src = self._mips[-1] if self._mips else image
            half = src.scaled(max(src.width() // 2, 1), max(src.height() // 2, 1),
                              Qt.AspectRatioMode.IgnoreAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)  # fmt: skip
            self._mips.append(half)
        return self._mips[level - 1] if level else image

    def _raster(self) -> QImage:
        if self._image is not None:
            return self._image
        g, classes = self._geometry, self._draw_classes
        assert g is not None
        assert classes is not None
        x0, y0, x1, y1 = g.extent
        res = max((x1 - x0) / self.RASTER_PX, (y1 - y0) / self.RASTER_PX, 0.5)
        w, h = int(math.ceil((x1 - x0) / res)) + 1, int(math.ceil((y1 - y0) / res)) + 1
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        qp = QPainter(image)
        # Row 0 is the south edge: the view's y axis points north, and drawImage puts row 0
        # at the rectangle's smallest y.
        qp.setTransform(QTransform(1 / res, 0, 0, 1 / res, -x0 / res, -y0 / res))
        # No antialiasing: 10× faster to build (≈ 30 ms instead of ≈ 300 ms), and the
        # smooth scaling when it is drawn softens the edges anyway.
        qp.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        qp.setPen(Qt.PenStyle.NoPen)
        brushes = self._draw_brushes
        for c in np.unique(classes[classes >= 0]).tolist():
            qp.setBrush(brushes[int(c) % len(brushes)])
            qp.drawPath(make_path(*g.cell_rings(np.flatnonzero(classes == c))))
        qp.end()
        self._image = image
        self._image_res = res
        self._image_rect = QRectF(x0, y0, w * res, h * res)
        return image


class LineLayer(MapLayer):
    """Boundary lines or tracks: a cosmetic pen, a simplified version when zoomed out.

    The lines are cut into 2 km tiles, one path each, and only tiles in view are stroked:
    - a dashed pen is dashed along the whole path in device space, so stroking every
      community boundary at 1 m/px would generate hundreds of thousands of dashes;
    - an antialiased cosmetic pen wider than 1 px turns a path into one outline polygon
      that is filled at once: for the street boundaries as a single path that took 8.5 ms
      at district scale, as 2 km tiles 0.9 ms (measured, offscreen raster engine).
    """

    TILE_M = 2000.0

    def __init__(self, pen: QPen, detail_mpp: float = style.DETAIL_LINES_MPP,
                 overview_pen: QPen | None = None) -> None:  # fmt: skip
        super().__init__()
        self._pen = pen
        # Zoomed out, a dashed pen costs tens of milliseconds (thousands of dashes, each
        # antialiased) and its dashes are too small to read: a plain pen stands in.
        self._overview_pen = overview_pen or pen
        self._detail_mpp = detail_mpp
        self._paths: dict[bool, QPainterPath] = {True: QPainterPath(), False: QPainterPath()}
        self._tiles: dict[bool, list[tuple[QRectF, QPainterPath]]] = {True: [], False: []}

    def set_lines(self, full: Polyline, simple: Polyline | None = None,
                  tiled: bool = True) -> None:  # fmt: skip
        """The lines in full detail, optionally simplified for zoomed-out views."""
        self._paths = {True: polyline_path(full)}
        self._paths[False] = polyline_path(simple) if simple is not None else self._paths[True]
        self._tiles = {True: [], False: []}
        if tiled and len(full.x):
            self._tiles[True] = _tile_lines(full, self.TILE_M)
            self._tiles[False] = (
                _tile_lines(simple, self.TILE_M) if simple is not None else self._tiles[True]
            )
        self.update()

    def set_pen(self, pen: QPen) -> None:
        self._pen = pen
        self.update()

    def paint(self, painter: QPainter, *args: object) -> None:
        detail = metres_per_pixel(painter) <= self._detail_mpp
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(self._pen if detail else self._overview_pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        tiles = self._tiles[detail]
        if not tiles:
            painter.drawPath(self._paths[detail])
            return
        view = visible_rect(painter)
        for rect, path in tiles:
            if rect.intersects(view):
                painter.drawPath(path)


def _tile_lines(line: Polyline, size: float) -> list[tuple[QRectF, QPainterPath]]:
    """Cut polylines into square tiles (shapely clip_by_rect), one path per tile."""
    if len(line.x) == 0:
        return []
    starts = np.concatenate(([True], ~line.connect[:-1]))
    part = np.cumsum(starts) - 1
    counts = np.bincount(part)
    keep = counts[part] >= 2  # a part needs two vertices to be a line
    coords = np.column_stack((line.x[keep], line.y[keep]))
    _, part = np.unique(part[keep], return_inverse=True)
    lines = shapely.multilinestrings(shapely.linestrings(coords, indices=part))
    x0, y0, x1, y1 = lines.bounds
    out = []
    for tx in np.arange(math.floor(x0 / size) * size, x1, size).tolist():
        for ty in np.arange(math.floor(y0 / size) * size, y1, size).tolist():
            piece = shapely.clip_by_rect(lines, tx, ty, tx + size, ty + size)
            if piece.is_empty:
                continue
            path = polyline_path(Polyline.from_geometry(piece))
            # The pen's width reaches a little past the tile: grow the culling box.
            out.append((QRectF(tx - 50, ty - 50, size + 100, size + 100), path))
    return out


class PathLayer(MapLayer):
    """One path with a pen and a brush: highlighted cell, selected area, rubber band."""

    def __init__(self, pen: QPen, brush: QBrush | QColor | None = None) -> None:
        super().__init__()
        self._pen = pen
        self._brush = QBrush(brush) if brush is not None else QBrush(Qt.BrushStyle.NoBrush)
        self._path = QPainterPath()

    def set_path(self, path: QPainterPath) -> None:
        self._path = path
        self.update()

    @property
    def path(self) -> QPainterPath:
        return self._path

    def paint(self, painter: QPainter, *args: object) -> None:
        if self._path.isEmpty():
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(self._pen)
        painter.setBrush(self._brush)
        painter.drawPath(self._path)


@dataclass(frozen=True)
class LabelStyle:
    """How a group of names looks and at which scales (metres per pixel) it shows.

    ``always``: the label is drawn even when every candidate place is taken (district and
    street names must not vanish); otherwise it is dropped for this frame.
    """

    font: QFont
    color: QColor
    min_mpp: float = 0.0
    max_mpp: float = math.inf
    halo: float = 3.0
    padding: float = 4.0  # extra room kept free around a label
    always: bool = False
    # One label per cell, each smaller than its cell: they cannot overlap one another, so
    # they are placed in one numpy pass, only against the labels already placed.
    solo: bool = False


LabelProvider = Callable[[QRectF, float], Sequence[Label]]
Obstacles = Callable[[QTransform, float], Sequence[QRectF]]
Placement = tuple[QImage, QRectF, str]

# Where a label may go, as multiples of its (width, height) from its anchor: centred first,
# then above, below, left and right of it.
_CANDIDATES = ((0.0, 0.0), (0.0, -1.05), (0.0, 1.05), (-0.62, 0.0), (0.62, 0.0))


class _Occupancy:
    """Rectangles already taken on screen, bucketed for quick overlap tests."""

    BUCKET = 64.0

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[QRectF]] = {}
        self.rects: list[QRectF] = []

    def copy(self) -> _Occupancy:
        other = _Occupancy()
        other._cells = {k: list(v) for k, v in self._cells.items()}
        other.rects = list(self.rects)
        return other

    def _keys(self, r: QRectF) -> list[tuple[int, int]]:
        b = self.BUCKET
        return [
            (i, j)
            for i in range(int(r.left() // b), int(r.right() // b) + 1)
            for j in range(int(r.top() // b), int(r.bottom() // b) + 1)
        ]

    def free(self, r: QRectF) -> bool:
        return not any(r.intersects(o) for k in self._keys(r) for o in self._cells.get(k, ()))

    def take(self, r: QRectF) -> None:
        self.rects.append(r)
        for k in self._keys(r):
            self._cells.setdefault(k, []).append(r)


class LabelLayer(MapLayer):
    """Names drawn upright in screen pixels, placed greedily so that none overlap.

    Groups are placed in order and within a group by rank; each label tries a few places
    around its anchor and is skipped for this frame when all touch a label already placed
    or an obstacle (cluster circles). A layer may defer to another (``first``): that
    layer's labels are placed before its own, so cell numbers drawn under the case markers
    still give way to 街道/社区 names drawn above them. The layout is computed once per
    view transform on the whole device, never on a partial repaint's clip, so a repaint
    of part of the view never cuts a label in two. Each distinct (group, text) is rendered
    once with its halo into a cached image.
    """

    _CACHE_LIMIT = 6000

    def __init__(self, first: LabelLayer | None = None) -> None:
        super().__init__()
        self._groups: list[tuple[str, LabelStyle, Sequence[Label] | LabelProvider]] = []
        self._images: dict[tuple[str, str], QImage] = {}
        self.first = first
        self._dependants: list[LabelLayer] = []
        if first is not None:
            first._dependants.append(self)
        self.obstacles: Obstacles | None = None
        self._layout_key: tuple[float, ...] | None = None
        self._layout: tuple[list[Placement], _Occupancy] = ([], _Occupancy())

    @property
    def placed(self) -> list[tuple[str, QRectF]]:
        """Last layout's labels as (code, device rect): for tests and tuning."""
        return [(code, rect) for _, rect, code in self._layout[0]]

    def set_group(self, name: str, label_style: LabelStyle,
                  labels: Sequence[Label] | LabelProvider) -> None:  # fmt: skip
        """Add or replace a named group; groups are placed in the order first added."""
        for i, (existing, _, _) in enumerate(self._groups):
            if existing == name:
                self._groups[i] = (name, label_style, labels)
                break
        else:
            self._groups.append((name, label_style, labels))
        self._images = {k: v for k, v in self._images.items() if k[0] != name}
        self.invalidate()

    def order_groups(self, names: Sequence[str]) -> None:
        rank = {n: i for i, n in enumerate(names)}
        self._groups.sort(key=lambda g: rank.get(g[0], len(rank)))
        self.invalidate()

    def invalidate(self) -> None:
        """Lay out again on the next paint (labels or obstacles changed)."""
        self._layout_key = None
        self.update()
        for layer in self._dependants:
            layer.invalidate()

    def _image(self, group: str, s: LabelStyle, text: str) -> QImage:
        key = (group, text)
        image = self._images.get(key)
        if image is None:
            if len(self._images) > self._CACHE_LIMIT:
                self._images.clear()
            metrics = QFontMetricsF(s.font)
            pad = s.halo + 1.0
            w = math.ceil(metrics.horizontalAdvance(text) + 2 * pad)
            h = math.ceil(metrics.height() + 2 * pad)
            image = QImage(max(w, 1), max(h, 1), QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            qp = QPainter(image)
            qp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            qp.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            if s.halo > 0:
                path = QPainterPath()
                path.addText(QPointF(pad, pad + metrics.ascent()), s.font, text)
                halo = QPen(QColor(255, 255, 255, 230), 2 * s.halo)
                halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                qp.strokePath(path, halo)
                qp.fillPath(path, s.color)
            else:  # plain text: a tenth of the cost of a stroked outline
                qp.setFont(s.font)
                qp.setPen(s.color)
                qp.drawText(QPointF(pad, pad + metrics.ascent()), text)
            qp.end()
            self._images[key] = image
        return image

    def layout(self, transform: QTransform, screen: QRectF) -> tuple[list[Placement], _Occupancy]:
        """Where this layer's labels go for a transform and a device size (cached)."""
        key = (transform.m11(), transform.m12(), transform.m21(), transform.m22(),
               transform.dx(), transform.dy(), screen.width(), screen.height())  # fmt: skip
        if key == self._layout_key:
            return self._layout
        mpp = 1.0 / math.sqrt(abs(transform.determinant()) or 1e-300)
        inverse, _ = transform.inverted()
        view = inverse.mapRect(screen)
        if self.first is not None and self.first.isVisible():
            taken = self.first.layout(transform, screen)[1].copy()
        else:
            taken = _Occupancy()
        if self.obstacles is not None:
            for r in self.obstacles(transform, mpp):
                taken.take(r)
        placed: list[Placement] = []
        for name, s, source in self._groups:
            if not (s.min_mpp <= mpp < s.max_mpp):
                continue
            labels = source(view, mpp) if callable(source) else source
            if s.solo:
                placed += self._place_solo(name, s, labels, transform, screen, taken)
                continue
            for label in sorted(labels, key=lambda lab: lab.rank):
                p = transform.map(QPointF(label.x, label.y))
                image = self._image(name, s, label.text)
                w, h = image.width(), image.height()
                rect = None
                for fx, fy in _CANDIDATES:
                    r = QRectF(p.x() - w / 2 + fx * w, p.y() - h / 2 + fy * h, w, h)
                    room = r.adjusted(-s.padding, -s.padding, s.padding, s.padding)
                    if taken.free(room):
                        rect = r
                        break
                if rect is None:
                    if not s.always:
                        continue
                    rect = QRectF(p.x() - w / 2, p.y() - h / 2, w, h)
                if not screen.intersects(rect):
                    continue
                taken.take(rect)
                placed.append((image, rect, label.code))
        self._layout_key = key
        self._layout = (placed, taken)
        return self._layout

    def _place_solo(self, name: str, s: LabelStyle, labels: Sequence[Label],
                    transform: QTransform, screen: QRectF,
                    taken: _Occupancy) -> list[Placement]:  # fmt: skip
        if not labels:
            return []
        x = np.fromiter((lab.x for lab in labels), dtype=np.float64, count=len(labels))
        y = np.fromiter((lab.y for lab in labels), dtype=np.float64, count=len(labels))
        px = transform.m11() * x + transform.m21() * y + transform.dx()
        py = transform.m12() * x + transform.m22() * y + transform.dy()
        images = [self._image(name, s, lab.text) for lab in labels]
        w = np.fromiter((im.width() for im in images), dtype=np.float64, count=len(images))
        h = np.fromiter((im.height() for im in images), dtype=np.float64, count=len(images))
        x0, y0 = px - w / 2, py - h / 2
        x1, y1 = x0 + w, y0 + h
        ok = (
            (x1 > screen.left())
            & (x0 < screen.right())
            & (y1 > screen.top())
            & (y0 < screen.bottom())
        )
        if taken.rects:
            o = np.array([(r.left(), r.top(), r.right(), r.bottom()) for r in taken.rects])
            pad = s.padding
            hit = (
                (x0[:, None] - pad < o[None, :, 2])
                & (x1[:, None] + pad > o[None, :, 0])
                & (y0[:, None] - pad < o[None, :, 3])
                & (y1[:, None] + pad > o[None, :, 1])
            )
            ok &= ~hit.any(axis=1)
        return [
            (images[i], QRectF(x0[i], y0[i], w[i], h[i]), labels[i].code)
            for i in np.flatnonzero(ok).tolist()
        ]

    def paint(self, painter: QPainter, *args: object) -> None:
        device = painter.device()
        screen = QRectF(0, 0, device.width(), device.height())
        placed, _ = self.layout(painter.transform(), screen)
        painter.save()
        painter.resetTransform()
        for image, rect, _code in placed:
            painter.drawImage(rect.topLeft(), image)
        painter.restore()


@dataclass(frozen=True)
class Cluster:
    """Case markers binned together at the current zoom level."""

    x: float
    y: float
    count: int
    severity: int  # 0 normal, 1 urgent or 督办, 2 overdue (the worst member)
    bounds: tuple[float, float, float, float]
    overdue: int = 0  # members past their deadline


class ClusterLayer(MapLayer):
    """Case markers as counted circles when zoomed out (clustered on a metre grid).

    Bins are squares of a power-of-two multiple of 25 m chosen so a bin is about CLUSTER_PX
    on screen: the clustering is stable while zooming within one level and cached per level.
    """

    BASE_M = 25.0

    def __init__(self) -> None:
        super().__init__()
        self._x = np.empty(0)
        self._y = np.empty(0)
        self._sev = np.empty(0, dtype=np.int64)
        self._levels: dict[int, list[Cluster]] = {}
        self._font = style.ui_font(8.0, bold=True)
        self._images: dict[tuple[int, int, int], QImage] = {}

    def set_points(self, x: FloatArray, y: FloatArray, severity: IntArray) -> None:
        self._x, self._y, self._sev = x, y, severity
        self._levels.clear()
        self.update()

    def level_for(self, mpp: float) -> int:
        return max(0, math.ceil(math.log2(max(style.CLUSTER_PX * mpp / self.BASE_M, 1.0))))

    def clusters(self, level: int) -> list[Cluster]:
        cached = self._levels.get(level)
        if cached is None:
            cached = self._cluster(self.BASE_M * 2**level) if len(self._x) else []
            self._levels[level] = cached
        return cached

    def _cluster(self, size: float) -> list[Cluster]:
        """Bin on a grid of ``size`` metres, then merge bins whose centres are closer than
        half a bin (neighbouring bins split a hot spot; their circles would overlap)."""
        bx = np.floor(self._x / size).astype(np.int64)
        by = np.floor(self._y / size).astype(np.int64)
        _, inverse, counts = np.unique(bx * 10_000_019 + by, return_inverse=True,
                                       return_counts=True)  # fmt: skip
        inverse = inverse.ravel()
        cx = np.bincount(inverse, self._x) / counts
        cy = np.bincount(inverse, self._y) / counts
        # Greedy merge, biggest first: each bin joins the first bigger one within reach.
        order = np.argsort(-counts, kind="stable")
        owner = np.arange(len(counts))
        reach2 = (0.5 * size) ** 2
        heads: list[int] = []
        for b in order.tolist():
            for h in heads:
                if (cx[h] - cx[b]) ** 2 + (cy[h] - cy[b]) ** 2 < reach2:
                    owner[b] = h
                    break
            else:
                heads.append(b)
        group = owner[inverse]
        n = np.bincount(group, minlength=len(counts))
        sx = np.bincount(group, self._x, minlength=len(counts))
        sy = np.bincount(group, self._y, minlength=len(counts))
        late = np.bincount(group, self._sev == 2, minlength=len(counts))
        sev = np.zeros(len(counts), dtype=np.int64)
        np.maximum.at(sev, group, self._sev)
        lo_x = np.full(len(counts), np.inf)
        lo_y = np.full(len(counts), np.inf)
        hi_x = np.full(len(counts), -np.inf)
        hi_y = np.full(len(counts), -np.inf)
        np.minimum.at(lo_x, group, self._x)
        np.minimum.at(lo_y, group, self._y)
        np.maximum.at(hi_x, group, self._x)
        np.maximum.at(hi_y, group, self._y)
        return [
            Cluster(float(sx[h] / n[h]), float(sy[h] / n[h]), int(n[h]), int(sev[h]),
                    (float(lo_x[h]), float(lo_y[h]), float(hi_x[h]), float(hi_y[h])),
                    int(late[h]))
            for h in heads
        ]  # fmt: skip

    @staticmethod
    def radius(count: int) -> float:
        return 7.0 + 4.0 * math.log10(max(count, 1))

    def device_rects(self, transform: QTransform, mpp: float) -> list[QRectF]:
        """The circles' boxes on screen: obstacles for the name labels."""
        out = []
        for c in self.clusters(self.level_for(mpp)):
            p = transform.map(QPointF(c.x, c.y))
            r = self.radius(c.count) + 2
            out.append(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r))
        return out

    def _image(self, c: Cluster) -> QImage:
        """A cluster's circle, count and overdue arc, rendered once per look.

        Antialiased ellipses under the view's clip cost ~0.3 ms each; a cached image is
        blitted in a few microseconds. The arc is quantised to 1/24 of a turn.
        """
        share = round(24 * c.overdue / c.count) if c.overdue else 0
        if c.overdue and share == 0:
            share = 1  # any overdue case shows
        key = (c.count, 1 if c.severity == 1 and not c.overdue else 0, share)
        image = self._images.get(key)
        if image is None:
            r = self.radius(c.count)
            side = math.ceil(2 * r + 8)
            image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            qp = QPainter(image)
            qp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            centre = QPointF(side / 2, side / 2)
            qp.setPen(QPen(QColor(255, 255, 255, 240), 1.5))
            qp.setBrush(QColor(173, 52, 62, 225) if key[1] else QColor(38, 60, 140, 220))
            qp.drawEllipse(centre, r, r)
            if share:
                # A red arc around the circle, as long as the overdue share (超期占比).
                late = QPen(style.OVERDUE, 3.0)
                late.setCapStyle(Qt.PenCapStyle.FlatCap)
                qp.setPen(late)
                qp.setBrush(Qt.BrushStyle.NoBrush)
                ring = QRectF(centre.x() - r - 1.5, centre.y() - r - 1.5, 2 * r + 3, 2 * r + 3)
                qp.drawArc(ring, 1440, -240 * share)
            if c.count > 1:
                qp.setPen(QColor("white"))
                qp.setFont(self._font)
                qp.drawText(QRectF(0, 0, side, side), Qt.AlignmentFlag.AlignCenter, str(c.count))
            qp.end()
            if len(self._images) > 2000:
                self._images.clear()
            self._images[key] = image
        return image

    def paint(self, painter: QPainter, *args: object) -> None:
        mpp = metres_per_pixel(painter)
        transform = painter.transform()
        screen = device_rect(painter)
        painter.save()
        painter.resetTransform()
        for c in self.clusters(self.level_for(mpp)):
            p = transform.map(QPointF(c.x, c.y))
            image = self._image(c)
            half = image.width() / 2
            if screen.adjusted(-half, -half, half, half).contains(p):
                painter.drawImage(QPointF(p.x() - half, p.y() - half), image)
        painter.restore()
