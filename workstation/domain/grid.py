"""Unit-grid model (街道 / 社区 / 单元网格) with a fast point → cell index."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
import shapely
from shapely.geometry import MultiPolygon, Polygon

DISTRICT_CODE = "530114"

# The district's 10 街道 in the order of their 3-digit codes 001..010 (demo numbering; real
# codes, if they differ, arrive with imported data).
STREET_NAMES: tuple[str, ...] = (
    "龙城街道",
    "斗南街道",
    "乌龙街道",
    "洛龙街道",
    "吴家营街道",
    "雨花街道",
    "马金铺街道",
    "大渔街道",
    "七甸街道",
    "洛羊街道",
)

# Metres per degree of the local equirectangular projection (see LocalProjection).
METRES_PER_DEG_LON_AT_EQUATOR = 111_320.0
METRES_PER_DEG_LAT = 110_574.0

Point = tuple[float, float]
Ring = tuple[Point, ...]
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


class GridError(ValueError):
    """The streets, communities and cells do not form a consistent grid."""


class RandomSource(Protocol):
    """Anything with ``random() -> float`` in [0, 1): ``random.Random`` or a numpy Generator."""

    def random(self) -> float: ...


@dataclass(frozen=True)
class LocalProjection:
    """Local equirectangular projection: lon/lat degrees ↔ metres east/north of (lon0, lat0).

    x = (lon − lon0)·111320·cos(lat0), y = (lat − lat0)·110574. It is affine, so lines,
    centroids and area ratios map exactly and shapely predicates give the same answers in
    either space. Over Chenggong (±15 km, ±0.15° of latitude around 24.84°N) the east-west
    scale drifts by tan(lat0)·Δlat ≤ 0.12 % from the centre to the north/south edge, the
    spherical 111320·cos(lat0) differs from the ellipsoid's parallel by 0.06 %, and the
    meridian constant 110574 m/° (its equatorial value) is 0.18 % short of the 110771 m/°
    at this latitude: distances are off by < 0.3 % and areas by < 0.4 %, far below what a
    100 m unit grid or a phone's GPS can resolve.
    """

    lon0: float
    lat0: float

    @classmethod
    def around(cls, bounds: Sequence[float]) -> LocalProjection:
        """Projection centred on a (minx, miny, maxx, maxy) lon/lat box."""
        return cls((bounds[0] + bounds[2]) / 2.0, (bounds[1] + bounds[3]) / 2.0)

    @property
    def kx(self) -> float:
        """Metres per degree of longitude."""
        return METRES_PER_DEG_LON_AT_EQUATOR * math.cos(math.radians(self.lat0))

    @property
    def ky(self) -> float:
        """Metres per degree of latitude."""
        return METRES_PER_DEG_LAT

    def to_metres(self, lon: float, lat: float) -> Point:
        return ((lon - self.lon0) * self.kx, (lat - self.lat0) * self.ky)

    def to_lonlat(self, x: float, y: float) -> Point:
        return (x / self.kx + self.lon0, y / self.ky + self.lat0)

    def coords_to_metres(self, coords: FloatArray) -> FloatArray:
        """(N, 2) lon/lat array → (N, 2) metres array."""
        out = np.empty_like(coords, dtype=np.float64)
        out[:, 0] = (coords[:, 0] - self.lon0) * self.kx
        out[:, 1] = (coords[:, 1] - self.lat0) * self.ky
        return out

    def coords_to_lonlat(self, coords: FloatArray) -> FloatArray:
        """(N, 2) metres array → (N, 2) lon/lat array."""
        out = np.empty_like(coords, dtype=np.float64)
        out[:, 0] = coords[:, 0] / self.kx + self.lon0
        out[:, 1] = coords[:, 1] / self.ky + self.lat0
        return out

    def geometry_to_metres(self, geometry: Any) -> Any:
        """Shapely geometry (or array of them) in lon/lat → metres."""
        return shapely.transform(geometry, self.coords_to_metres)

    def geometry_to_lonlat(self, geometry: Any) -> Any:
        """Shapely geometry (or array of them) in metres → lon/lat."""
        return shapely.transform(geometry, self.coords_to_lonlat)


# The fixed projection used for every Chenggong grid: the centre of the district's bounding
# box. Fixed rather than derived from each grid so that areas of the same polygon never
# depend on which data set it came with.
CHENGGONG_PROJECTION = LocalProjection(lon0=102.853, lat0=24.844)


def _is_digits(code: str, length: int) -> bool:
    # str.isdigit() also accepts full-width and other Unicode digits; codes are ASCII.
    return len(code) == length and code.isascii() and code.isdigit()


def is_street_code(code: str) -> bool:
    """9 digits: district 530114 + 3-digit 街道."""
    return _is_digits(code, 9) and code.startswith(DISTRICT_CODE)


def is_community_code(code: str) -> bool:
    """12 digits: 街道 code + 3-digit 社区."""
    return _is_digits(code, 12) and code.startswith(DISTRICT_CODE)


def is_cell_code(code: str) -> bool:
    """15 digits: 社区 code + 3-digit sequence (001..999)."""
    return _is_digits(code, 15) and code.startswith(DISTRICT_CODE) and code[12:] != "000"


@dataclass(frozen=True)
class Street:
    """街道: 9-digit code, name, area (shapely Polygon/MultiPolygon, lon/lat)."""

    code: str
    name: str
    polygon: Polygon | MultiPolygon


@dataclass(frozen=True)
class Community:
    """社区: 12-digit code (street code + 3 digits), name, area (lon/lat)."""

    code: str
    name: str
    street_code: str
    polygon: Polygon | MultiPolygon


@dataclass(frozen=True)
class GridCell:
    """单元网格: 15-digit code and one closed ring (first point repeated last, CCW, lon/lat).

    ``centroid`` is the area centroid, except for a non-convex cell whose centroid falls
    outside it or on its edge: then a point on its surface, so that it is always a point
    inside the cell (labels, demo case locations, locate() round trips).
    """

    code: str
    community_code: str
    street_code: str
    ring: Ring
    centroid: Point
    area_m2: float

    @property
    def sequence(self) -> int:
        """The 3-digit number inside the community (1..999)."""
        return int(self.code[12:])

    @property
    def polygon(self) -> Polygon:
        return Polygon(self.ring)


# A centroid closer than this (degrees, ≈1 cm) to a cell's edge is replaced by a point on the
# surface: far clear of the index's 1 µm edge tolerance.
_LABEL_EDGE_CLEARANCE_DEG = 1e-7


def cell_from_polygon(
    code: str, polygon: Polygon, projection: LocalProjection = CHENGGONG_PROJECTION
) -> GridCell:
    """A GridCell from a lon/lat Polygon (see cells_from_polygons)."""
    return cells_from_polygons([code], [polygon], projection)[0]


def cells_from_polygons(
    codes: Sequence[str],
    polygons: Sequence[Polygon] | npt.NDArray[np.object_],
    projection: LocalProjection = CHENGGONG_PROJECTION,
) -> list[GridCell]:
    """GridCells from lon/lat Polygons: shell only, made CCW; centroid and area derived.

    The demo generator and the GeoJSON importer both come through here, so a grid exported
    and imported again yields identical cells, down to the last bit of area and centroid.
    """
    polys = np.asarray(polygons, dtype=object)
    if len(codes) != len(polys):
        raise ValueError("one code per polygon")
    if len(polys) == 0:
        return []
    if shapely.get_num_interior_rings(polys).any():
        polys = shapely.polygons(shapely.get_exterior_ring(polys))
    shells = shapely.orient_polygons(polys, exterior_cw=False)
    areas = shapely.area(projection.geometry_to_metres(shells))
    centre = shapely.centroid(shells)
    # A centroid outside (or ≈ on the edge of) a non-convex cell gives way to a surface point.
    shapely.prepare(shells)
    clear = shapely.contains(shells, centre) & (
        shapely.distance(shapely.get_exterior_ring(shells), centre) > _LABEL_EDGE_CLEARANCE_DEG
    )
    label = np.where(clear, centre, shapely.point_on_surface(shells))
    lx = shapely.get_x(label).tolist()
    ly = shapely.get_y(label).tolist()
    coords, owner = shapely.get_coordinates(shells, return_index=True)
    off = np.concatenate(([0], np.cumsum(np.bincount(owner, minlength=len(shells))))).tolist()
    pts = list(map(tuple, coords.tolist()))
    cells = []
    for i, code in enumerate(codes):
        cells.append(
            GridCell(
                code=code,
                community_code=code[:12],
                street_code=code[:9],
                ring=tuple(pts[off[i] : off[i + 1]]),
                centroid=(lx[i], ly[i]),
                area_m2=float(areas[i]),
            )
        )
    return cells


def _inside(xs: Sequence[float], ys: Sequence[float], x: float, y: float) -> bool:
    """Crossing-number point-in-ring test on a closed ring (first point repeated last).

    The half-open rule ((yi > y) != (yj > y), x strictly left of the crossing) puts a point
    on an edge shared by two cells into exactly one of them. CellIndex.locate_many
    evaluates the very same float expression with numpy, so both agree bit for bit.
    """
    inside = False
    xj = xs[0]
    yj = ys[0]
    for k in range(1, len(xs)):
        xi = xs[k]
        yi = ys[k]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        xj = xi
        yj = yi
    return inside


class CellIndex:
    """Point → polygon index over a bucket raster (independent of any lattice regularity).

    The polygons' bounding box is cut into buckets of about a quarter of the typical cell
    side. Each bucket is either
      - covered by one polygon (stores its index: the answer for any point in it, O(1)),
      - empty (stores −1: no polygon there), or
      - a boundary bucket with the short list of polygons that reach into it, tested with
        the crossing-number rule (pure Python in locate_index, numpy in locate_indices).
    Building is vectorised: shapely covers/intersects on (polygon, bucket box) pairs, and
    plain bounds arithmetic for polygons that are axis-aligned rectangles. The raster is
    aligned to the most common phase of the polygons' west and south edges, so on a lattice
    grid nearly every non-empty bucket is covered. Against the nanometre noise of lon/lat ↔
    metre round trips, "covered" is tested on the bucket shrunk by EDGE_TOLERANCE_M and
    candidates on the bucket grown by it: answers can differ from an exact point-in-polygon
    test only for points within 1 µm of an edge. Polygons are used by their exterior ring.
    """

    EDGE_TOLERANCE_M = 1e-6
    # Buckets per typical cell side, and a cap on the raster size (int32 each).
    BUCKETS_PER_CELL = 4
    MAX_BUCKETS = 6_000_000
    # Pairs (polygon, bucket) handed to shapely at once: bounds temporary memory.
    _CHUNK = 250_000

    def __init__(
        self,
        polygons: Sequence[Polygon] | npt.NDArray[np.object_],
        projection: LocalProjection = CHENGGONG_PROJECTION,
        bucket_m: float | None = None,
    ) -> None:
        polys = np.asarray(polygons, dtype=object)
        self.n = len(polys)
        # Unit cells are single rings; holes, if any, are ignored everywhere alike.
        if self.n and shapely.get_num_interior_rings(polys).any():
            polys = shapely.polygons(shapely.get_exterior_ring(polys))
        self._build_rings(polys)
        self._build_raster(polys, projection, bucket_m)

    # -- building -----------------------------------------------------------------------

    def _build_rings(self, polys: npt.NDArray[np.object_]) -> None:
        # Flat CSR copies of the exterior rings: numpy for locate_many, tuples for locate.
        if self.n:
            coords, owner = shapely.get_coordinates(polys, return_index=True)
        else:
            coords = np.empty((0, 2))
            owner = np.empty(0, dtype=np.int64)
        counts = np.bincount(owner, minlength=self.n)
        self._ring_off = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        self._ring_x = np.ascontiguousarray(coords[:, 0])
        self._ring_y = np.ascontiguousarray(coords[:, 1])
        xs = self._ring_x.tolist()
        ys = self._ring_y.tolist()
        off = self._ring_off.tolist()
        self._xs: list[tuple[float, ...]] = [tuple(xs[off[i] : off[i + 1]]) for i in range(self.n)]
        self._ys: list[tuple[float, ...]] = [tuple(ys[off[i] : off[i + 1]]) for i in range(self.n)]

    def _build_raster(
        self,
        polys: npt.NDArray[np.object_],
        projection: LocalProjection,
        bucket_m: float | None,
    ) -> None:
        bounds = shapely.bounds(polys) if self.n else np.zeros((0, 4))
        if bucket_m is None:
            if self.n:
                side = np.sqrt(shapely.area(projection.geometry_to_metres(polys)))
                bucket_m = max(float(np.median(side)) / self.BUCKETS_PER_CELL, 0.5)
            else:
                bucket_m = 100.0
        if self.n:
            minx, miny = float(bounds[:, 0].min()), float(bounds[:, 1].min())
            maxx, maxy = float(bounds[:, 2].max()), float(bounds[:, 3].max())
        else:
            minx = miny = maxx = maxy = 0.0
        # Grow the buckets until the raster fits the cap (huge extents, tiny cells).
        while True:
            bdx = bucket_m / projection.kx
            bdy = bucket_m / projection.ky
            nx = int(math.floor((maxx - minx) / bdx)) + 3
            ny = int(math.floor((maxy - miny) / bdy)) + 3
            if nx * ny <= self.MAX_BUCKETS:
                break
            bucket_m *= 1.5
        ox = minx - bdx + _dominant_phase(bounds[:, 0] - minx, bdx) * bdx
        oy = miny - bdy + _dominant_phase(bounds[:, 1] - miny, bdy) * bdy
        self.bucket_m = bucket_m
        self._ox, self._oy = ox, oy
        self._bdx, self._bdy = bdx, bdy
        # Multiplying by the inverse (not dividing) in both locate paths keeps them identical.
        self._sx, self._sy = 1.0 / bdx, 1.0 / bdy
        self._nx, self._ny = nx, ny
        epsx = self.EDGE_TOLERANCE_M / projection.kx
        epsy = self.EDGE_TOLERANCE_M / projection.ky

        table = np.full(nx * ny, -1, dtype=np.int32)
        cand_bucket: list[IntArray] = []
        cand_cell: list[IntArray] = []
        if self.n:
            shapely.prepare(polys)
            # Axis-aligned rectangles (a lattice grid is mostly those) are answered from their
            # bounds alone; only the other polygons need shapely predicates on bucket boxes.
            rect = _is_rectangle(self._ring_x, self._ring_y, self._ring_off, bounds)
            pair_c, bx, by = self._pairs(bounds, epsx, epsy)
            x0, y0 = ox + bx * bdx, oy + by * bdy
            x1, y1 = ox + (bx + 1) * bdx, oy + (by + 1) * bdy
            # "Covered" is possible only where the shrunk bucket lies within the bbox.
            inb = (
                (x0 + epsx >= bounds[pair_c, 0])
                & (x1 - epsx <= bounds[pair_c, 2])
                & (y0 + epsy >= bounds[pair_c, 1])
                & (y1 - epsy <= bounds[pair_c, 3])
            )
            cov = inb & rect[pair_c]
            for k in _chunks(np.flatnonzero(inb & ~rect[pair_c]), self._CHUNK):
                cov[k] = shapely.covers(
                    polys[pair_c[k]],
                    shapely.box(x0[k] + epsx, y0[k] + epsy, x1[k] - epsx, y1[k] - epsy),
                )
            pair_b = by * nx + bx
            # Overlapping polygons (bad data) may both cover a bucket: the lowest index wins.
            best = np.full(nx * ny, np.iinfo(np.int64).max, dtype=np.int64)
            np.minimum.at(best, pair_b[cov], pair_c[cov])
            is_cov = best < np.iinfo(np.int64).max
            table[is_cov] = best[is_cov]
            # Boundary candidates: pairs on uncovered buckets whose polygon reaches in. For a
            # rectangle the pair range itself (its grown bbox) is the exact answer.
            hit = ~is_cov[pair_b]
            for k in _chunks(np.flatnonzero(hit & ~rect[pair_c]), self._CHUNK):
                hit[k] = shapely.intersects(
                    polys[pair_c[k]],
                    shapely.box(x0[k] - epsx, y0[k] - epsy, x1[k] + epsx, y1[k] + epsy),
                )
            cand_bucket.append(pair_b[hit])
            cand_cell.append(pair_c[hit])
        if cand_bucket:
            bk = np.concatenate(cand_bucket)
            cl = np.concatenate(cand_cell)
        else:
            bk = cl = np.empty(0, dtype=np.int64)
        order = np.lexsort((cl, bk))
        bk, cl = bk[order], cl[order]
        ubk, first_idx = np.unique(bk, return_index=True)
        table[ubk] = -2 - np.arange(len(ubk), dtype=np.int32)
        self._cand_off = np.append(first_idx, len(bk)).astype(np.int32)
        self._cand = cl.astype(np.int32)
        self._table = table
        # memoryviews index ~2x faster than numpy scalars and return plain ints.
        self._table_mv = table.data
        self._cand_mv = self._cand.data
        self._off_mv = self._cand_off.data
        self.stats = {
            "bucket_m": round(bucket_m, 3),
            "buckets": nx * ny,
            "covered": int((table >= 0).sum()),
            "boundary": len(ubk),
            "empty": int((table == -1).sum()),
            "mean_candidates": round(len(bk) / max(len(ubk), 1), 2),
        }

    def __getstate__(self) -> dict[str, Any]:
        # memoryviews do not pickle; they are cheap views rebuilt on load.
        return {k: v for k, v in self.__dict__.items() if not k.endswith("_mv")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._table_mv = self._table.data
        self._cand_mv = self._cand.data
        self._off_mv = self._cand_off.data

    def _pairs(
        self, bounds: FloatArray, epsx: float, epsy: float
    ) -> tuple[IntArray, IntArray, IntArray]:
        """(polygon, bucket x, bucket y) for every bucket meeting a polygon's grown bbox."""

        def span(lo: FloatArray, o: float, s: float, n: int) -> IntArray:
            index: IntArray = np.clip(np.floor((lo - o) * s), 0, n - 1).astype(np.int64)
            return index

        ix0 = span(bounds[:, 0] - epsx, self._ox, self._sx, self._nx)
        ix1 = span(bounds[:, 2] + epsx, self._ox, self._sx, self._nx)
        iy0 = span(bounds[:, 1] - epsy, self._oy, self._sy, self._ny)
        iy1 = span(bounds[:, 3] + epsy, self._oy, self._sy, self._ny)
        wx = ix1 - ix0 + 1
        counts = wx * (iy1 - iy0 + 1)
        cell = np.repeat(np.arange(self.n), counts)
        # Position of each pair inside its polygon's block of the bbox range.
        local = np.arange(len(cell)) - np.repeat(np.cumsum(counts) - counts, counts)
        w = wx[cell]
        return cell, ix0[cell] + local % w, iy0[cell] + local // w

    # -- queries ------------------------------------------------------------------------

    def random_point(self, i: int, rng: RandomSource) -> Point | None:
        """A uniform random point inside polygon ``i`` (rejection sampling in its bbox)."""
        xs, ys = self._xs[i], self._ys[i]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        # Cells are near-square, so 1–2 draws are typical; the cap only guards slivers.
        for _ in range(1000):
            x = x0 + rng.random() * (x1 - x0)
            y = y0 + rng.random() * (y1 - y0)
            if _inside(xs, ys, x, y):
                return (x, y)
        return None

    def locate_index(self, lon: float, lat: float) -> int:
        """Index of the polygon containing (lon, lat), or −1."""
        fx = (lon - self._ox) * self._sx
        fy = (lat - self._oy) * self._sy
        # Written so that NaN fails the test too.
        if not (0.0 <= fx < self._nx and 0.0 <= fy < self._ny):
            return -1
        v: int = self._table_mv[int(fy) * self._nx + int(fx)]
        if v >= -1:
            return v
        b = -2 - v
        xs, ys = self._xs, self._ys
        for c in self._cand_mv[self._off_mv[b] : self._off_mv[b + 1]]:
            if _inside(xs[c], ys[c], lon, lat):
                return int(c)
        return -1

    def locate_indices(self, lons: npt.ArrayLike, lats: npt.ArrayLike) -> IntArray:
        """Vectorised locate_index: int64 array, −1 where no polygon contains the point."""
        x = np.asarray(lons, dtype=np.float64).ravel()
        y = np.asarray(lats, dtype=np.float64).ravel()
        if x.shape != y.shape:
            raise ValueError("lons and lats must have the same length")
        out = np.full(len(x), -1, dtype=np.int64)
        fx = (x - self._ox) * self._sx
        fy = (y - self._oy) * self._sy
        ok = (fx >= 0.0) & (fx < self._nx) & (fy >= 0.0) & (fy < self._ny)
        pts = np.flatnonzero(ok)
        v = self._table[fy[pts].astype(np.int64) * self._nx + fx[pts].astype(np.int64)]
        out[pts] = np.where(v >= 0, v, -1)
        bnd = v <= -2
        if bnd.any():
            p = pts[bnd]
            out[p] = self._test_candidates(p, -2 - v[bnd].astype(np.int64), x, y)
        return out

    def _test_candidates(
        self, p: IntArray, bid: IntArray, x: FloatArray, y: FloatArray
    ) -> IntArray:
        # Expand (point, candidate) pairs, then (pair, edge) triples, and run the same
        # crossing-number expression as _inside() on all of them at once.
        start = self._cand_off[bid].astype(np.int64)
        ncand = self._cand_off[bid + 1] - start
        pair_pt = np.repeat(np.arange(len(p)), ncand)
        pair_first = np.repeat(np.cumsum(ncand) - ncand, ncand)
        cand = self._cand[np.repeat(start, ncand) + np.arange(len(pair_pt)) - pair_first]
        cand = cand.astype(np.int64)
        r0 = self._ring_off[cand]
        nedge = self._ring_off[cand + 1] - r0 - 1
        edge_pair = np.repeat(np.arange(len(cand)), nedge)
        edge_first = np.repeat(np.cumsum(nedge) - nedge, nedge)
        k = np.repeat(r0, nedge) + 1 + np.arange(len(edge_pair)) - edge_first
        xi, yi = self._ring_x[k], self._ring_y[k]
        xj, yj = self._ring_x[k - 1], self._ring_y[k - 1]
        px = x[p][pair_pt][edge_pair]
        py = y[p][pair_pt][edge_pair]
        spans = (yi > py) != (yj > py)
        s = np.flatnonzero(spans)
        cross = np.zeros(len(k), dtype=bool)
        cross[s] = px[s] < (xj[s] - xi[s]) * (py[s] - yi[s]) / (yj[s] - yi[s]) + xi[s]
        inside = np.zeros(len(cand), dtype=np.int64)
        np.add.at(inside, edge_pair, cross)
        hit = np.flatnonzero(inside & 1)
        res = np.full(len(p), -1, dtype=np.int64)
        # Pairs are ordered by point, then candidate index: the first hit per point wins.
        hp, first = np.unique(pair_pt[hit], return_index=True)
        res[hp] = cand[hit[first]]
        return res


def _polygons_from_rings(rings: Sequence[Ring]) -> npt.NDArray[np.object_]:
    """Shapely Polygons for many rings in one vectorised call (one Polygon() each is slow)."""
    if not rings:
        return np.empty(0, dtype=object)
    counts = [len(r) for r in rings]
    coords = np.array([pt for r in rings for pt in r], dtype=np.float64).reshape(-1, 2)
    lines = shapely.linearrings(coords, indices=np.repeat(np.arange(len(rings)), counts))
    polygons: npt.NDArray[np.object_] = shapely.polygons(lines)
    return polygons


def _chunks(index: IntArray, size: int) -> list[IntArray]:
    """``index`` in slices of ``size``: bounds the memory of temporary shapely boxes."""
    return [index[i : i + size] for i in range(0, len(index), size)]


def _is_rectangle(
    xs: FloatArray, ys: FloatArray, ring_off: IntArray, bounds: FloatArray
) -> npt.NDArray[np.bool_]:
    """Closed rings that are exactly their bounding box: 4 distinct corners, axis edges."""
    n = len(bounds)
    if n == 0:
        return np.zeros(0, dtype=bool)
    counts = np.diff(ring_off)
    owner = np.repeat(np.arange(n), counts)
    at_min_x, at_max_x = xs == bounds[owner, 0], xs == bounds[owner, 2]
    at_min_y, at_max_y = ys == bounds[owner, 1], ys == bounds[owner, 3]
    on_corner = (at_min_x | at_max_x) & (at_min_y | at_max_y)
    # Each edge keeps its x or its y: rules out the self-crossing "bow tie" order.
    axis_edge = np.ones(len(xs), dtype=bool)
    axis_edge[1:] = (xs[1:] == xs[:-1]) | (ys[1:] == ys[:-1])
    axis_edge[ring_off[:-1]] = True  # no edge ends at a ring's first point
    good = (on_corner & axis_edge).astype(np.int64)
    # One bit per corner over the 4 open-ring vertices: all four corners ⇔ 0b1111.
    corner_bit = np.left_shift(1, 2 * at_max_x + at_max_y)
    corner_bit[ring_off[1:] - 1] = 0  # the closing vertex repeats the first
    starts = ring_off[:-1]
    all_good = np.add.reduceat(good, starts) == counts
    corners = np.add.reduceat(corner_bit, starts) == 15
    result: npt.NDArray[np.bool_] = (counts == 5) & all_good & corners
    return result


def _dominant_phase(offsets: FloatArray, step: float) -> float:
    """Most common fractional position (0..1) of ``offsets`` on a raster of ``step``.

    Lattice grids have most west/south edges at one phase; aligning bucket edges with it
    lets whole buckets fall inside single cells. Returns 0 when no phase dominates.
    """
    if len(offsets) == 0:
        return 0.0
    frac = np.mod(offsets / step, 1.0)
    bins = np.round(frac * 1000).astype(np.int64) % 1000
    values, counts = np.unique(bins, return_counts=True)
    if counts.max() < 0.2 * len(offsets):
        return 0.0
    top = values[np.argmax(counts)]
    # Refine inside the winning bin (its width is 1/1000 of a bucket) with the median.
    sel = frac[bins == top]
    if top == 0:
        sel = np.where(sel > 0.5, sel - 1.0, sel)
    return float(np.median(sel)) % 1.0


class Grid:
    """The district's streets, communities and unit cells, with lookups by code and point.

    Everything is sorted by code; ``cells[i]`` is the cell that index ``i`` refers to.
    Construction validates codes and their nesting (GridError) and builds the point index.
    """

    def __init__(
        self,
        boundary: Polygon | MultiPolygon,
        streets: Iterable[Street],
        communities: Iterable[Community],
        cells: Iterable[GridCell],
        projection: LocalProjection = CHENGGONG_PROJECTION,
        index_bucket_m: float | None = None,
    ) -> None:
        self.boundary = boundary
        self.projection = projection
        self.streets: tuple[Street, ...] = tuple(sorted(streets, key=lambda s: s.code))
        self.communities: tuple[Community, ...] = tuple(sorted(communities, key=lambda c: c.code))
        self.cells: tuple[GridCell, ...] = tuple(sorted(cells, key=lambda c: c.code))
        self._streets = {s.code: s for s in self.streets}
        self._communities = {c.code: c for c in self.communities}
        self._cells = {c.code: i for i, c in enumerate(self.cells)}
        self._validate()
        # Sorted by code, so each community's cells (and each street's communities) are runs.
        self._community_cells = {
            code: tuple(run) for code, run in groupby(self.cells, key=attrgetter("community_code"))
        }
        self._street_communities = {
            code: tuple(run)
            for code, run in groupby(self.communities, key=attrgetter("street_code"))
        }
        self._codes: list[str] = [c.code for c in self.cells]
        self._codes_obj = np.array([*self._codes, None], dtype=object)
        self.polygons = _polygons_from_rings([c.ring for c in self.cells])
        self.index = CellIndex(self.polygons, projection, index_bucket_m)

    def _validate(self) -> None:
        for kind, items, unique in (
            ("street", self.streets, self._streets),
            ("community", self.communities, self._communities),
            ("cell", self.cells, self._cells),
        ):
            if len(unique) != len(items):
                code, _ = Counter(it.code for it in items).most_common(1)[0]
                raise GridError(f"duplicate {kind} code {code}")
        for s in self.streets:
            if not is_street_code(s.code):
                raise GridError(f"street code {s.code!r} is not 530114 + 3 digits")
        for m in self.communities:
            if not is_community_code(m.code) or m.code[:9] != m.street_code:
                raise GridError(f"community code {m.code!r} is not its street code + 3 digits")
            if m.street_code not in self._streets:
                raise GridError(f"community {m.code} refers to unknown street {m.street_code}")
        for c in self.cells:
            if not is_cell_code(c.code):
                raise GridError(f"cell code {c.code!r} is not a 15-digit 530114… code")
            if c.community_code != c.code[:12] or c.street_code != c.code[:9]:
                raise GridError(f"cell {c.code} has inconsistent community/street codes")
            if c.community_code not in self._communities:
                raise GridError(f"cell {c.code} refers to unknown community {c.community_code}")
            if len(c.ring) < 4 or c.ring[0] != c.ring[-1]:
                raise GridError(f"cell {c.code} ring is not closed with ≥ 3 corners")

    # -- by code ------------------------------------------------------------------------

    def cell(self, code: str) -> GridCell:
        """The cell with this 15-digit code (KeyError if unknown)."""
        return self.cells[self._cells[code]]

    def has_cell(self, code: str) -> bool:
        return code in self._cells

    def street(self, code: str) -> Street:
        return self._streets[code]

    def community(self, code: str) -> Community:
        return self._communities[code]

    def street_of(self, code: str) -> Street:
        """The street of a street, community or cell code (KeyError if unknown)."""
        if len(code) == 15:
            return self._streets[self.cell(code).street_code]
        if len(code) == 12:
            return self._streets[self._communities[code].street_code]
        return self._streets[code]

    def community_of(self, code: str) -> Community:
        """The community of a cell code (or of a community code itself)."""
        if len(code) == 15:
            return self._communities[self.cell(code).community_code]
        return self._communities[code]

    def cells_of_community(self, code: str) -> tuple[GridCell, ...]:
        """The community's cells in sequence order (empty if it has none)."""
        if code not in self._communities:
            raise KeyError(code)
        return self._community_cells.get(code, ())

    def communities_of_street(self, code: str) -> tuple[Community, ...]:
        if code not in self._streets:
            raise KeyError(code)
        return self._street_communities.get(code, ())

    def cell_centroid(self, code: str) -> Point:
        """A point inside the cell: its centroid (see GridCell.centroid)."""
        return self.cell(code).centroid

    def random_point_in_cell(self, code: str, rng: RandomSource) -> Point:
        """A uniformly distributed (lon, lat) inside the cell (rejection sampling)."""
        i = self._cells[code]
        point = self.index.random_point(i, rng)
        if point is not None:
            return point
        return self.cells[i].centroid

    # -- by point -----------------------------------------------------------------------

    def locate(self, lon: float, lat: float) -> str | None:
        """Code of the cell containing (lon, lat), or None outside every cell."""
        i = self.index.locate_index(lon, lat)
        return None if i < 0 else self._codes[i]

    def locate_many(self, lons: npt.ArrayLike, lats: npt.ArrayLike) -> npt.NDArray[np.object_]:
        """Vectorised locate: 1-D object array of codes (None outside every cell)."""
        idx = self.index.locate_indices(lons, lats)
        # Index −1 picks the trailing None of _codes_obj.
        result: npt.NDArray[np.object_] = self._codes_obj[idx]
        return result

    def __repr__(self) -> str:
        return (
            f"Grid({len(self.streets)} streets, {len(self.communities)} communities, "
            f"{len(self.cells)} cells)"
        )
