"""The grid in map (metre) coordinates as flat numpy arrays: rings, centroids, lines, labels."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.ops import polylabel

from workstation.domain.grid import Grid, LocalProjection

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

# Vector tiles for the cell layers: a cell belongs to the tile of its centroid, and a paint
# pass only touches the tiles that meet the visible rectangle.
TILE_M = 2000.0
# Boundary lines simplified for the zoomed-out view: well under a pixel at ≥ 6 m/px.
SIMPLIFY_M = 4.0


@dataclass(frozen=True)
class Polyline:
    """Many polylines as one vertex list: ``connect[i]`` joins vertex i to vertex i + 1."""

    x: FloatArray
    y: FloatArray
    connect: BoolArray

    @classmethod
    def from_geometry(cls, geom: object) -> Polyline:
        """Every line part of a (Multi)LineString/-Polygon boundary as one Polyline."""
        parts = shapely.get_parts(np.asarray(geom, dtype=object))
        coords, owner = shapely.get_coordinates(parts, return_index=True)
        if len(coords) == 0:
            empty = np.empty(0, dtype=np.float64)
            return cls(empty, empty.copy(), np.empty(0, dtype=bool))
        connect = np.ones(len(coords), dtype=bool)
        # The last vertex of each part does not join the first vertex of the next.
        connect[:-1] = owner[1:] == owner[:-1]
        connect[-1] = False
        return cls(coords[:, 0].copy(), coords[:, 1].copy(), connect)


@dataclass(frozen=True)
class Label:
    """A name drawn at a point (metres); lower ``rank`` wins when labels would overlap."""

    x: float
    y: float
    text: str
    rank: int
    code: str


@dataclass
class MapGeometry:
    """The grid projected to metres (x east, y north) in the shapes the layers draw.

    Cells keep the Grid's order (sorted by code), so a cell index here is a cell index there.
    """

    projection: LocalProjection
    codes: tuple[str, ...]
    x: FloatArray  # ring vertices of every cell, concatenated
    y: FloatArray
    ring_off: IntArray  # cell i owns vertices ring_off[i] .. ring_off[i + 1] − 1
    cx: FloatArray  # a point inside each cell (the Grid's centroid)
    cy: FloatArray
    bounds: FloatArray  # (n, 4) minx, miny, maxx, maxy per cell
    street_of: IntArray  # index into street_codes per cell
    street_codes: tuple[str, ...]
    community_codes: tuple[str, ...]
    extent: tuple[float, float, float, float]  # the district (and cells) in metres
    district: Polyline
    streets: Polyline
    communities: Polyline
    streets_simple: Polyline
    communities_simple: Polyline
    street_labels: tuple[Label, ...]
    community_labels: tuple[Label, ...]
    tile_cells: dict[tuple[int, int], IntArray] = field(default_factory=dict)
    tile_bounds: dict[tuple[int, int], tuple[float, float, float, float]] = field(
        default_factory=dict
    )
    _index: dict[str, int] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.codes)

    def index_of(self, code: str) -> int:
        """The cell index of a 15-digit code (KeyError if unknown)."""
        return self._index[code]

    def cell_rings(self, cells: Iterable[int]) -> tuple[FloatArray, FloatArray, BoolArray]:
        """The rings of some cells as (x, y, connect) for one batched path."""
        idx = np.asarray(list(cells) if not isinstance(cells, np.ndarray) else cells, np.int64)
        if len(idx) == 0:
            empty = np.empty(0, dtype=np.float64)
            return empty, empty.copy(), np.empty(0, dtype=bool)
        start = self.ring_off[idx]
        counts = self.ring_off[idx + 1] - start
        first = np.cumsum(counts) - counts
        k = np.repeat(start - first, counts) + np.arange(int(counts.sum()))
        connect = np.ones(len(k), dtype=bool)
        connect[np.cumsum(counts) - 1] = False
        return self.x[k], self.y[k], connect

    def cells_with_prefix(self, prefixes: Iterable[str]) -> IntArray:
        """Indices of cells whose code starts with any prefix (街道 9, 社区 12 or cell 15)."""
        codes = self.codes
        found: list[int] = []
        for prefix in sorted(set(prefixes)):
            # Codes are sorted, so a prefix is one contiguous run found by bisection.
            lo = int(np.searchsorted(self._codes_array, prefix, side="left"))
            hi = int(np.searchsorted(self._codes_array, prefix + "\uffff", side="left"))
            found.extend(i for i in range(lo, hi) if codes[i].startswith(prefix))
        return np.unique(np.asarray(found, dtype=np.int64))

    def cells_in_rect(self, x0: float, y0: float, x1: float, y1: float) -> IntArray:
        """Cells whose inner point lies in the rectangle (any corner order)."""
        lx, hx = min(x0, x1), max(x0, x1)
        ly, hy = min(y0, y1), max(y0, y1)
        inside = (self.cx >= lx) & (self.cx <= hx) & (self.cy >= ly) & (self.cy <= hy)
        return np.flatnonzero(inside).astype(np.int64)

    def cells_in_polygon(self, points: Sequence[tuple[float, float]]) -> IntArray:
        """Cells whose inner point lies inside a lasso polygon (metres)."""
        if len(points) < 3:
            return np.empty(0, dtype=np.int64)
        lasso = shapely.make_valid(Polygon(points))
        inside = shapely.contains_xy(lasso, self.cx, self.cy)
        return np.flatnonzero(inside).astype(np.int64)

    def visible_tiles(self, x0: float, y0: float, x1: float, y1: float) -> list[tuple[int, int]]:
        """Tiles whose cells' bounds meet the rectangle."""
        return [
            key
            for key, (bx0, by0, bx1, by1) in self.tile_bounds.items()
            if bx0 <= x1 and bx1 >= x0 and by0 <= y1 and by1 >= y0
        ]

    @property
    def _codes_array(self) -> npt.NDArray[np.str_]:
        cached = self.__dict__.get("_codes_np")
        if cached is None:
            cached = np.asarray(self.codes, dtype=str)
            self.__dict__["_codes_np"] = cached
        return cached


def _lines(polygons: Sequence[Polygon | MultiPolygon], proj: LocalProjection) -> object:
    """The boundaries of polygons with shared edges merged once (metres)."""
    if not polygons:
        return shapely.GeometryCollection()
    metres = proj.geometry_to_metres(np.asarray(polygons, dtype=object))
    # union_all nodes the rings, so an edge shared by two neighbours is drawn once.
    return shapely.line_merge(shapely.union_all(shapely.boundary(metres), grid_size=1e-3))


def _label_point(polygon: Polygon | MultiPolygon, proj: LocalProjection) -> tuple[float, float]:
    """The pole of inaccessibility of the largest part: the most central place for a name."""
    metres = proj.geometry_to_metres(polygon)
    parts = list(shapely.get_parts(metres))
    largest = max(parts, key=lambda p: p.area)
    size = max(1.0, float(np.sqrt(largest.area)) / 50.0)
    point = polylabel(largest, tolerance=size) if largest.area > 0 else largest.centroid
    return float(point.x), float(point.y)


def build_geometry(grid: Grid) -> MapGeometry:
    """Project a Grid into map coordinates (about 0.3 s for the 18,488-cell demo grid)."""
    proj = grid.projection
    n = len(grid.cells)
    if n:
        coords, owner = shapely.get_coordinates(grid.polygons, return_index=True)
        metres = proj.coords_to_metres(coords)
        counts = np.bincount(owner, minlength=n)
        centre = proj.coords_to_metres(np.array([c.centroid for c in grid.cells], dtype=np.float64))
    else:
        metres = np.empty((0, 2))
        counts = np.zeros(0, dtype=np.int64)
        centre = np.empty((0, 2))
    ring_off = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    x, y = np.ascontiguousarray(metres[:, 0]), np.ascontiguousarray(metres[:, 1])
    bounds = np.empty((n, 4), dtype=np.float64)
    if n:
        starts = ring_off[:-1]
        bounds[:, 0] = np.minimum.reduceat(x, starts)
        bounds[:, 1] = np.minimum.reduceat(y, starts)
        bounds[:, 2] = np.maximum.reduceat(x, starts)
        bounds[:, 3] = np.maximum.reduceat(y, starts)

    street_codes = tuple(s.code for s in grid.streets)
    street_pos = {code: i for i, code in enumerate(street_codes)}
    street_of = np.array([street_pos.get(c.street_code, 0) for c in grid.cells], dtype=np.int64)

    boundary_m = proj.geometry_to_metres(grid.boundary)
    bx0, by0, bx1, by1 = boundary_m.bounds if not boundary_m.is_empty else (0.0, 0.0, 0.0, 0.0)
    if n:
        bx0, by0 = min(bx0, float(bounds[:, 0].min())), min(by0, float(bounds[:, 1].min()))
        bx1, by1 = max(bx1, float(bounds[:, 2].max())), max(by1, float(bounds[:, 3].max()))

    street_lines = _lines([s.polygon for s in grid.streets], proj)
    community_lines = _lines([c.polygon for c in grid.communities], proj)
    geometry = MapGeometry(
        projection=proj,
        codes=tuple(c.code for c in grid.cells),
        x=x,
        y=y,
        ring_off=ring_off,
        cx=np.ascontiguousarray(centre[:, 0]),
        cy=np.ascontiguousarray(centre[:, 1]),
        bounds=bounds,
        street_of=street_of,
        street_codes=street_codes,
        community_codes=tuple(c.code for c in grid.communities),
        extent=(bx0, by0, bx1, by1),
        district=Polyline.from_geometry(shapely.boundary(boundary_m)),
        streets=Polyline.from_geometry(street_lines),
        communities=Polyline.from_geometry(community_lines),
        streets_simple=Polyline.from_geometry(shapely.simplify(street_lines, SIMPLIFY_M)),
        communities_simple=Polyline.from_geometry(shapely.simplify(community_lines, SIMPLIFY_M)),
        street_labels=tuple(
            Label(*_label_point(s.polygon, proj), s.name, 0, s.code) for s in grid.streets
        ),
        community_labels=tuple(
            Label(*_label_point(c.polygon, proj), c.name, 1, c.code) for c in grid.communities
        ),
    )
    geometry._index.update((code, i) for i, code in enumerate(geometry.codes))
    _build_tiles(geometry)
    return geometry


def _build_tiles(g: MapGeometry) -> None:
    if g.n == 0:
        return
    x0, y0 = g.extent[0], g.extent[1]
    tx = np.floor((g.cx - x0) / TILE_M).astype(np.int64)
    ty = np.floor((g.cy - y0) / TILE_M).astype(np.int64)
    order = np.lexsort((ty, tx))
    keys = tx[order] * 1_000_000 + ty[order]
    cuts = np.flatnonzero(np.diff(keys)) + 1
    for run in np.split(order, cuts):
        key = (int(tx[run[0]]), int(ty[run[0]]))
        cells = np.sort(run)
        g.tile_cells[key] = cells
        b = g.bounds[cells]
        g.tile_bounds[key] = (
            float(b[:, 0].min()),
            float(b[:, 1].min()),
            float(b[:, 2].max()),
            float(b[:, 3].max()),
        )
