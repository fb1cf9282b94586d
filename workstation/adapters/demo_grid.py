"""Deterministic demo grid: 10 街道, ~100 社区 and ~20,000 万米单元网格 inside the real boundary."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
import shapely
from shapely.geometry import MultiPolygon, Polygon

from workstation.domain.grid import (
    CHENGGONG_PROJECTION,
    DISTRICT_CODE,
    STREET_NAMES,
    Community,
    FloatArray,
    Grid,
    GridCell,
    IntArray,
    LocalProjection,
    Street,
    cells_from_polygons,
)

# Approximate real seats of the 街道 governments (lon, lat), in STREET_NAMES order. 斗南
# sits on the Dianchi shore, so its seat is nudged ~700 m east onto land; the Voronoi
# partition of these points gives every street 17–121 km² (the real range is similar).
STREET_SEEDS: tuple[tuple[float, float], ...] = (
    (102.800, 24.890),  # 龙城
    (102.782, 24.900),  # 斗南
    (102.780, 24.860),  # 乌龙
    (102.840, 24.885),  # 洛龙
    (102.860, 24.845),  # 吴家营
    (102.840, 24.860),  # 雨花
    (102.830, 24.770),  # 马金铺
    (102.760, 24.800),  # 大渔
    (102.930, 24.920),  # 七甸
    (102.850, 24.950),  # 洛羊
)

# Built-up area as ellipses (centre lon, lat; semi-axes east-west and north-south in m;
# rotation in degrees counter-clockwise): the new city between 斗南 and 吴家营 runs NW–SE,
# plus the towns of 马金铺 (industrial park), 大渔, 七甸 and 洛羊. Sized for ~19,000 cells.
URBAN_ELLIPSES: tuple[tuple[float, float, float, float, float], ...] = (
    (102.818, 24.872, 9000.0, 5400.0, -35.0),  # new city
    (102.830, 24.772, 2600.0, 2000.0, 0.0),  # 马金铺
    (102.766, 24.800, 1700.0, 1500.0, 0.0),  # 大渔
    (102.930, 24.918, 1800.0, 1400.0, 0.0),  # 七甸
    (102.850, 24.945, 2200.0, 1700.0, 0.0),  # 洛羊
)

CELL_SIZE_M = 100.0
MIN_CELL_AREA_M2 = 1_000.0
COMMUNITY_COUNT = 100
MIN_COMMUNITIES_PER_STREET = 4
MAX_CELLS_PER_COMMUNITY = 999
# All overlays run on a 1 mm precision grid (metres): OverlayNG then nodes shared edges
# exactly, so unions of neighbouring pieces dissolve without micro-gaps, slivers or spikes.
PRECISION_M = 1e-3

# Two-character community names: first and second syllables that read like real 社区 names.
_NAME_HEADS = "龙凤景春福祥和兴宝安泰云星金玉锦华明德康乐瑞丰清彩白柏映桂梅兰松石溪莲昌怡新"
_NAME_TAILS = "苑湖园山泉林庄桥湾阳城坝营邑街院池岭台源"


def generate_demo_grid(boundary: Polygon | MultiPolygon, seed: int = 1) -> Grid:
    """Build the demo grid inside ``boundary`` (lon/lat); same seed → identical grid.

    Streets are a Voronoi partition of the real 街道 seats; communities subdivide each street
    around k-means centres of its cells (so they hold similar numbers of cells); cells are
    100 m squares of the projection lattice clipped to the built-up area. Streets and
    communities are then redrawn to follow cell edges, so every cell lies wholly in its
    community and street (to the 1 mm overlay precision) and the communities still tile the
    district. The seed varies the community partition and names; streets and cell squares
    are fixed by the real seats and the lattice.
    """
    proj = CHENGGONG_PROJECTION
    rng = np.random.default_rng(seed)
    area_m = proj.geometry_to_metres(boundary)
    street_seeds = np.array([proj.to_metres(lon, lat) for lon, lat in STREET_SEEDS])
    street_zones = _voronoi(street_seeds, area_m)

    built = shapely.intersection(_urban_area(proj), area_m, grid_size=PRECISION_M)
    pieces, rows, cols, dropped = _lattice_cells(built)
    # Every cell piece joins the community holding its label point (inside the piece).
    label = shapely.point_on_surface(pieces)
    centre = shapely.centroid(pieces)
    use_centroid = shapely.contains(pieces, centre)
    label = np.where(use_centroid, centre, label)
    lx, ly = shapely.get_x(label), shapely.get_y(label)
    pts = np.column_stack((lx, ly))
    street_of = _nearest(pts, street_seeds)

    counts = _allocate(np.bincount(street_of, minlength=len(STREET_SEEDS)))
    names = _community_names(rng, int(counts.sum()))
    cells_union = (
        shapely.difference(built, shapely.union_all(dropped), grid_size=PRECISION_M)
        if len(dropped)
        else built
    )

    streets: list[Street] = []
    communities: list[Community] = []
    cell_codes = np.empty(len(pieces), dtype=object)
    for s, (zone, k) in enumerate(zip(street_zones, counts, strict=True)):
        street_code = f"{DISTRICT_CODE}{s + 1:03d}"
        members = np.flatnonzero(street_of == s)
        centres = _kmeans(pts[members], int(k), rng)
        # Communities must cover the whole street even where it has no cells.
        comm_zones = _voronoi(centres, zone)
        comm_of = _nearest(pts[members], centres)
        rural = shapely.difference(zone, cells_union, grid_size=PRECISION_M)
        parts: list[Polygon | MultiPolygon] = []
        for j, czone in enumerate(comm_zones):
            code = f"{street_code}{j + 1:03d}"
            mine = members[comm_of == j]
            # North→south by lattice row, then west→east by column; pieces of one split
            # square follow from west to east.
            order = np.lexsort((lx[mine], cols[mine], -rows[mine]))
            if len(mine) > MAX_CELLS_PER_COMMUNITY:  # pragma: no cover - guarded by _allocate
                raise RuntimeError(f"community {code} would get {len(mine)} cells")
            for seq, i in enumerate(mine[order], start=1):
                cell_codes[i] = f"{code}{seq:03d}"
            poly = _clean(
                shapely.union_all(
                    [
                        shapely.intersection(czone, rural, grid_size=PRECISION_M),
                        shapely.coverage_union_all(pieces[mine]),
                    ],
                    grid_size=PRECISION_M,
                )
            )
            parts.append(poly)
            communities.append(
                Community(code, names.pop(0), street_code, proj.geometry_to_lonlat(poly))
            )
        street_poly = _clean(shapely.union_all(parts, grid_size=PRECISION_M))
        streets.append(Street(street_code, STREET_NAMES[s], proj.geometry_to_lonlat(street_poly)))

    cells: list[GridCell] = cells_from_polygons(
        list(cell_codes), proj.geometry_to_lonlat(pieces), proj
    )
    return Grid(boundary, streets, communities, cells, proj)


def _urban_area(proj: LocalProjection) -> Polygon | MultiPolygon:
    shapes = []
    for lon, lat, a, b, rot in URBAN_ELLIPSES:
        cx, cy = proj.to_metres(lon, lat)
        t = np.linspace(0.0, 2.0 * math.pi, 96, endpoint=False)
        c, s = math.cos(math.radians(rot)), math.sin(math.radians(rot))
        ex, ey = a * np.cos(t), b * np.sin(t)
        shapes.append(Polygon(np.column_stack((cx + c * ex - s * ey, cy + s * ex + c * ey))))
    return shapely.union_all(shapes)


def _lattice_cells(
    built: Polygon | MultiPolygon,
) -> tuple[npt.NDArray[np.object_], IntArray, IntArray, npt.NDArray[np.object_]]:
    """100 m lattice squares (metres) clipped to ``built``: pieces, rows, cols, slivers."""
    minx, miny, maxx, maxy = built.bounds
    c0, c1 = math.floor(minx / CELL_SIZE_M), math.ceil(maxx / CELL_SIZE_M)
    r0, r1 = math.floor(miny / CELL_SIZE_M), math.ceil(maxy / CELL_SIZE_M)
    grid_c, grid_r = np.meshgrid(np.arange(c0, c1), np.arange(r0, r1))
    cc, rr = grid_c.ravel(), grid_r.ravel()
    boxes = shapely.box(
        cc * CELL_SIZE_M, rr * CELL_SIZE_M, (cc + 1) * CELL_SIZE_M, (rr + 1) * CELL_SIZE_M
    )
    shapely.prepare(built)
    touching = shapely.intersects(built, boxes)
    boxes, cc, rr = boxes[touching], cc[touching], rr[touching]
    inner = shapely.contains_properly(built, boxes)
    edge = np.flatnonzero(~inner)
    # Clipping can split a square in two; each part ≥ 1,000 m² becomes a cell of its own.
    clipped, owner = shapely.get_parts(
        shapely.intersection(boxes[edge], built, grid_size=PRECISION_M), return_index=True
    )
    poly = shapely.get_type_id(clipped) == 3
    clipped, owner = clipped[poly], owner[poly]
    big = shapely.area(clipped) >= MIN_CELL_AREA_M2
    keep = np.flatnonzero(inner)
    pieces = np.concatenate((boxes[keep], clipped[big]))
    rows = np.concatenate((rr[keep], rr[edge][owner[big]]))
    cols = np.concatenate((cc[keep], cc[edge][owner[big]]))
    # GeoJSON wants counter-clockwise shells; GEOS returns clipped shells clockwise.
    pieces = shapely.orient_polygons(pieces, exterior_cw=False)
    return pieces, rows, cols, clipped[~big]


def _voronoi(seeds: FloatArray, zone: Polygon | MultiPolygon) -> list[Polygon | MultiPolygon]:
    """Voronoi regions of ``seeds`` (metres) clipped to ``zone``, in seed order."""
    if len(seeds) == 1:
        return [zone]
    regions = shapely.get_parts(
        shapely.voronoi_polygons(
            shapely.multipoints(seeds), extend_to=zone.buffer(1000.0), ordered=True
        )
    )
    if len(regions) != len(seeds):  # coincident seeds would merge regions
        raise RuntimeError(f"{len(seeds)} Voronoi seeds gave {len(regions)} regions")
    return [_clean(shapely.intersection(r, zone, grid_size=PRECISION_M)) for r in regions]


def _clean(geom: Polygon | MultiPolygon) -> Polygon | MultiPolygon:
    """Polygonal part of an overlay result without sub-m² parts or holes (snapping debris)."""
    parts = [
        Polygon(p.exterior, [r for r in p.interiors if Polygon(r).area > 1.0])
        for p in shapely.get_parts(geom)
        if p.geom_type == "Polygon" and p.area > 1.0
    ]
    if len(parts) == 1:
        return parts[0]
    return MultiPolygon(parts)


def _nearest(points: FloatArray, seeds: FloatArray) -> IntArray:
    """Index of the nearest seed for each point (ties → lowest index): a Voronoi lookup."""
    d2 = ((points[:, None, :] - seeds[None, :, :]) ** 2).sum(axis=2)
    nearest: IntArray = np.argmin(d2, axis=1)
    return nearest


def _allocate(cells_per_street: IntArray) -> IntArray:
    """Communities per street: proportional to cells (largest remainder), at least a few."""
    total_cells = int(cells_per_street.sum())
    extra = COMMUNITY_COUNT - MIN_COMMUNITIES_PER_STREET * len(cells_per_street)
    share = cells_per_street / total_cells * extra
    counts = MIN_COMMUNITIES_PER_STREET + np.floor(share).astype(np.int64)
    rest = COMMUNITY_COUNT - int(counts.sum())
    counts[np.argsort(-(share - np.floor(share)), kind="stable")[:rest]] += 1
    # Keep every community comfortably below the 999-cell limit of the 3-digit sequence.
    limit = MAX_CELLS_PER_COMMUNITY // 2
    need = np.ceil(cells_per_street / limit).astype(np.int64)
    return np.maximum(counts, need)


def _kmeans(points: FloatArray, k: int, rng: np.random.Generator) -> FloatArray:
    """k centres over ``points`` (k-means++ start, Lloyd steps): balanced communities."""
    if len(points) == 0:
        raise RuntimeError("a street without built-up cells cannot be divided")
    k = min(k, len(points))
    centres = [points[int(rng.integers(len(points)))]]
    d2 = ((points - centres[0]) ** 2).sum(axis=1)
    for _ in range(1, k):
        probs = d2 / d2.sum()
        centres.append(points[int(rng.choice(len(points), p=probs))])
        d2 = np.minimum(d2, ((points - centres[-1]) ** 2).sum(axis=1))
    c = np.array(centres)
    for _ in range(25):
        lab = _nearest(points, c)
        sums = np.zeros_like(c)
        np.add.at(sums, lab, points)
        n = np.bincount(lab, minlength=k)
        moved = np.where(n[:, None] > 0, sums / np.maximum(n, 1)[:, None], c)
        if np.allclose(moved, c, atol=0.01):
            break
        c = moved
    return c


def _community_names(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` distinct names such as 景湖社区, drawn in a seed-determined order."""
    combos = [h + t for h in _NAME_HEADS for t in _NAME_TAILS]
    order = rng.permutation(len(combos))[:n]
    return [combos[i] + "社区" for i in order]
