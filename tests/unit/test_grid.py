"""Unit-grid model, demo generator and point → cell index."""

from __future__ import annotations

import math
import pickle
import random
import re
from collections import Counter

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, Polygon

from workstation.adapters.demo_grid import generate_demo_grid
from workstation.adapters.grid_geojson import load_default_boundary
from workstation.domain.grid import (
    CHENGGONG_PROJECTION,
    STREET_NAMES,
    Community,
    Grid,
    GridCell,
    GridError,
    LocalProjection,
    Street,
    cell_from_polygon,
    is_cell_code,
)

REAL_STREETS = ("龙城", "斗南", "乌龙", "洛龙", "吴家营", "雨花", "马金铺", "大渔", "七甸", "洛羊")


@pytest.fixture(scope="module")
def boundary() -> Polygon:
    return load_default_boundary()


@pytest.fixture(scope="module")
def grid(boundary: Polygon) -> Grid:
    return generate_demo_grid(boundary, seed=1)


def metres(cell: GridCell) -> tuple[float, float]:
    return CHENGGONG_PROJECTION.to_metres(*cell.centroid)


# -- demo grid structure ------------------------------------------------------------------


def test_counts_and_real_street_names(grid: Grid) -> None:
    assert 15_000 <= len(grid.cells) <= 25_000
    assert len(grid.communities) >= 95
    assert [s.name for s in grid.streets] == [f"{n}街道" for n in REAL_STREETS]
    assert tuple(s.name for s in grid.streets) == STREET_NAMES
    assert [s.code for s in grid.streets] == [f"530114{i:03d}" for i in range(1, 11)]
    # Every street has communities and cells of its own.
    for s in grid.streets:
        comms = grid.communities_of_street(s.code)
        assert len(comms) >= 4
        assert sum(len(grid.cells_of_community(c.code)) for c in comms) > 500


def test_codes_are_nested_unique_and_well_formed(grid: Grid) -> None:
    street_codes = {s.code for s in grid.streets}
    for s in grid.streets:
        assert re.fullmatch(r"530114[0-9]{3}", s.code)
    for m in grid.communities:
        assert re.fullmatch(r"530114[0-9]{6}", m.code)
        assert m.code[:9] == m.street_code
        assert m.street_code in street_codes
    community_codes = {m.code for m in grid.communities}
    for c in grid.cells:
        assert re.fullmatch(r"530114[0-9]{6}(?!000)[0-9]{3}", c.code)
        assert is_cell_code(c.code)
        assert c.code[:12] == c.community_code
        assert c.community_code in community_codes
        assert c.code[:9] == c.street_code
    assert len({c.code for c in grid.cells}) == len(grid.cells)
    assert len(community_codes) == len(grid.communities)
    names = [m.name for m in grid.communities]
    assert len(set(names)) == len(names)
    assert all(n.endswith("社区") and len(n) >= 4 for n in names)


def test_sequences_run_from_001_without_gaps_and_under_1000(grid: Grid) -> None:
    for m in grid.communities:
        seqs = [c.sequence for c in grid.cells_of_community(m.code)]
        assert seqs == list(range(1, len(seqs) + 1))
        assert 0 < len(seqs) <= 999


def test_cell_areas_are_about_ten_thousand_square_metres(grid: Grid) -> None:
    areas = np.array([c.area_m2 for c in grid.cells])
    assert abs(np.median(areas) - 10_000) <= 500
    assert areas.min() >= 1_000  # slivers dropped
    assert areas.max() <= 10_000 * (1 + 1e-9)
    # Independent check against shapely on the metric polygon of a sample.
    for c in grid.cells[::997]:
        m = CHENGGONG_PROJECTION.geometry_to_metres(c.polygon)
        assert m.area == pytest.approx(c.area_m2, rel=1e-9)


def test_numbering_runs_west_to_east_then_north_to_south(grid: Grid) -> None:
    # Cells are the demo's 100 m lattice squares in the district projection, possibly
    # clipped; a clipped piece's centroid still lies in its square, so flooring the
    # centroid gives each cell's lattice row and column.
    checked = 0
    for m in grid.communities:
        keys = []
        for c in grid.cells_of_community(m.code):
            x, y = metres(c)
            keys.append((-math.floor(y / 100), math.floor(x / 100)))
        # North row first; inside a row west to east (a square split in two gives two
        # cells with the same key).
        assert keys == sorted(keys), m.code
        assert keys[0] == min(keys)
        checked += len(keys)
    assert checked == len(grid.cells)


def test_full_squares_have_distinct_lattice_positions(grid: Grid) -> None:
    keys = Counter()
    for c in grid.cells:
        if c.area_m2 > 9_999:
            x, y = metres(c)
            # A (near-)full square's centroid is its centre, 50 m from the lattice lines.
            assert (x % 100, y % 100) == pytest.approx((50, 50), abs=0.01)
            keys[(math.floor(x / 100), math.floor(y / 100))] += 1
    assert len(keys) > 15_000
    assert max(keys.values()) == 1


def test_cells_nest_in_their_community_and_communities_tile_the_district(
    grid: Grid, boundary: Polygon
) -> None:
    proj = CHENGGONG_PROJECTION
    comm = {m.code: proj.geometry_to_metres(m.polygon) for m in grid.communities}
    for c in grid.cells[::23]:
        outside = proj.geometry_to_metres(c.polygon).difference(comm[c.community_code])
        assert outside.area < 0.01  # m²: only the 1 mm snapping of the overlays
    total = sum(g.area for g in comm.values())
    assert total == pytest.approx(proj.geometry_to_metres(boundary).area, rel=1e-6)
    for s in grid.streets:
        parts = [comm[m.code] for m in grid.communities_of_street(s.code)]
        assert (
            shapely.union_all(parts).symmetric_difference(proj.geometry_to_metres(s.polygon)).area
            < 1.0
        )
    assert all(shapely.is_valid(m.polygon) for m in grid.communities)
    assert all(shapely.is_valid(s.polygon) for s in grid.streets)


def test_street_seats_lie_in_their_streets(grid: Grid) -> None:
    from workstation.adapters.demo_grid import STREET_SEEDS

    for s, (lon, lat) in zip(grid.streets, STREET_SEEDS, strict=True):
        assert s.polygon.contains(Point(lon, lat)), s.name


def test_same_seed_same_grid_other_seed_other_communities(grid: Grid, boundary: Polygon) -> None:
    again = generate_demo_grid(boundary, seed=1)
    assert [c.code for c in again.cells] == [c.code for c in grid.cells]
    assert [c.ring for c in again.cells] == [c.ring for c in grid.cells]
    assert [(m.code, m.name) for m in again.communities] == [
        (m.code, m.name) for m in grid.communities
    ]
    other = generate_demo_grid(boundary, seed=2)
    assert [m.name for m in other.communities] != [m.name for m in grid.communities]
    assert {c.ring: c.code for c in other.cells} != {c.ring: c.code for c in grid.cells}
    assert 15_000 <= len(other.cells) <= 25_000


# -- lookups by code ------------------------------------------------------------------------


def test_lookups_by_code(grid: Grid) -> None:
    cell = grid.cells[1234]
    assert grid.cell(cell.code) is cell
    assert grid.street_of(cell.code).code == cell.street_code
    assert grid.street_of(cell.community_code).code == cell.street_code
    assert grid.community_of(cell.code).code == cell.community_code
    assert cell in grid.cells_of_community(cell.community_code)
    assert grid.cell_centroid(cell.code) == cell.centroid
    assert cell.polygon.contains(Point(cell.centroid))
    with pytest.raises(KeyError):
        grid.cell("530114999999999")
    with pytest.raises(KeyError):
        grid.cells_of_community("530114999999")


def test_random_points_fall_in_their_cell(grid: Grid) -> None:
    rng = np.random.default_rng(7)
    pyrng = random.Random(7)
    for cell in grid.cells[::401]:
        for r in (rng, pyrng):
            lon, lat = grid.random_point_in_cell(cell.code, r)
            assert cell.polygon.contains(Point(lon, lat))
            assert grid.locate(lon, lat) == cell.code


# -- point → cell -------------------------------------------------------------------------


def test_locate_many_finds_every_cell_at_its_centroid(grid: Grid) -> None:
    lons = np.array([c.centroid[0] for c in grid.cells])
    lats = np.array([c.centroid[1] for c in grid.cells])
    found = grid.locate_many(lons, lats)
    assert found.dtype == object
    assert list(found) == [c.code for c in grid.cells]


def test_single_locate_on_a_sample(grid: Grid) -> None:
    for c in grid.cells[::37]:
        assert grid.locate(*c.centroid) == c.code
        # A corner nudged 1 m (≈1e-5°) towards the centroid is still in the cell.
        x0, y0 = c.ring[0]
        cx, cy = c.centroid
        f = 1e-5 / math.hypot(cx - x0, cy - y0)
        assert grid.locate(x0 + (cx - x0) * f, y0 + (cy - y0) * f) == c.code


def test_points_outside_give_none(grid: Grid, boundary: Polygon) -> None:
    outside = [
        (102.70, 24.70),  # bbox corner, outside the district
        (103.5, 25.5),
        (0.0, 0.0),
        (102.72, 24.88),  # Dianchi, inside the district but not built up
        (102.98, 24.75),
        (float("nan"), 24.88),
        (102.8, float("inf")),
    ]
    assert not boundary.contains(Point(102.70, 24.70))
    for lon, lat in outside:
        assert grid.locate(lon, lat) is None
    found = grid.locate_many(np.array([p[0] for p in outside]), np.array([p[1] for p in outside]))
    assert list(found) == [None] * len(outside)


def test_locate_and_locate_many_agree_with_brute_force(grid: Grid, boundary: Polygon) -> None:
    rng = np.random.default_rng(3)
    minx, miny, maxx, maxy = boundary.bounds
    lons = rng.uniform(minx, maxx, 20_000)
    lats = rng.uniform(miny, maxy, 20_000)
    tree = shapely.STRtree(grid.polygons)
    pi, ci = tree.query(shapely.points(lons, lats), predicate="intersects")
    expected = np.full(len(lons), None, dtype=object)
    expected[pi] = np.array([c.code for c in grid.cells], dtype=object)[ci]
    assert (expected != None).sum() > 3_000  # noqa: E711 - elementwise numpy comparison
    found = grid.locate_many(lons, lats)
    assert list(found) == list(expected)
    assert [grid.locate(x, y) for x, y in zip(lons[:3000], lats[:3000], strict=True)] == list(
        expected[:3000]
    )


def test_point_just_inside_an_irregular_clipped_edge(grid: Grid) -> None:
    proj = CHENGGONG_PROJECTION
    tested = 0
    for cell in grid.cells:
        if cell.area_m2 > 8_000 or tested >= 25:
            continue
        ring = [proj.to_metres(*p) for p in cell.ring]
        for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
            length = math.hypot(x1 - x0, y1 - y0)
            # A clipped (non-lattice) edge: neither horizontal nor vertical, ≥ 5 m long.
            if length < 5 or min(abs(x1 - x0), abs(y1 - y0)) < 0.5:
                continue
            mx, my = (x0 + x1) / 2, (y0 + y1) / 2
            # CCW ring: the interior lies to the left of each edge.
            nx, ny = -(y1 - y0) / length, (x1 - x0) / length
            inside = proj.to_lonlat(mx + nx * 0.05, my + ny * 0.05)  # 5 cm in
            outside = proj.to_lonlat(mx - nx * 0.05, my - ny * 0.05)
            if not cell.polygon.contains(Point(inside)):
                continue  # edge next to a concave corner; not the case under test
            assert grid.locate(*inside) == cell.code
            assert grid.locate(*outside) != cell.code
            assert grid.locate_many(np.array([inside[0]]), np.array([inside[1]]))[0] == cell.code
            tested += 1
            break
    assert tested == 25


def test_index_is_mostly_direct_hits_on_the_lattice(grid: Grid) -> None:
    # The raster aligns with the lattice, so nearly all non-empty buckets need no geometry.
    stats = grid.index.stats
    assert stats["covered"] > 20 * stats["boundary"]


# -- arbitrary polygons: the index must not depend on a lattice -----------------------------

LON0, LAT0, UNIT = 102.80, 24.85, 0.001


def _poly(*pts: tuple[float, float]) -> Polygon:
    return Polygon([(LON0 + x * UNIT, LAT0 + y * UNIT) for x, y in pts])


def _star(cx: float, cy: float, r1: float, r2: float, n: int) -> Polygon:
    pts = []
    for k in range(2 * n):
        r = r1 if k % 2 == 0 else r2
        a = math.pi * k / n + 0.1
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return _poly(*pts)


IRREGULAR = [
    _poly((0, 0), (4, 0), (0, 3)),  # two triangles sharing a slanted edge
    _poly((4, 0), (4, 3), (0, 3)),
    _poly((5, 0), (9, 0), (9, 4), (8, 4), (8, 1), (6, 1), (6, 4), (5, 4)),  # a U
    _poly((6.5, 1.5), (7.5, 1.5), (7.5, 3.5), (6.5, 3.5)),  # inside the U's notch
    _star(2, 7, 2.2, 0.8, 7),
    _poly((5, 5), (9, 5), (9.5, 7), (7, 9.5), (4.5, 7)),  # pentagon
    _poly((9, 5), (10, 5), (10, 9), (9.5, 7)),  # shares part of the pentagon's edge
    _poly((6, 10), (7, 11), (6, 12), (5, 11)),  # rotated square
    _poly((0, 10), (4, 10.05), (0, 10.1)),  # long thin sliver
    _poly((8, 10), (8.3, 10), (8, 10.2)),  # tiny triangle
]


def _irregular_grid(bucket_m: float | None) -> Grid:
    cells = [cell_from_polygon(f"530114001001{i + 1:03d}", p) for i, p in enumerate(IRREGULAR)]
    area = shapely.box(LON0 - 0.01, LAT0 - 0.01, LON0 + 0.02, LAT0 + 0.02)
    return Grid(
        area,
        [Street("530114001", "龙城街道", area)],
        [Community("530114001001", "测试社区", "530114001", area)],
        cells,
        index_bucket_m=bucket_m,
    )


IRREGULAR_GRIDS = {
    "auto": _irregular_grid(None),
    "fine": _irregular_grid(7.0),
    "coarse": _irregular_grid(400.0),
}
EDGE_TOL_DEG = 1e-9  # ≈0.1 mm: the index may differ from an exact test only this close
VERTICES = sorted({pt for p in IRREGULAR for pt in p.exterior.coords})

coordinate = st.floats(-1.0, 13.0, allow_nan=False)
unit_point = st.one_of(
    st.tuples(coordinate, coordinate).map(lambda p: (LON0 + p[0] * UNIT, LAT0 + p[1] * UNIT)),
    # Vertices and half-unit lattice points hit edges and corners exactly.
    st.sampled_from(VERTICES),
    st.tuples(st.integers(-2, 26), st.integers(-2, 26)).map(
        lambda p: (LON0 + p[0] * UNIT / 2, LAT0 + p[1] * UNIT / 2)
    ),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(point=unit_point, which=st.sampled_from(sorted(IRREGULAR_GRIDS)))
def test_index_agrees_with_brute_force_on_irregular_polygons(
    point: tuple[float, float], which: str
) -> None:
    g = IRREGULAR_GRIDS[which]
    lon, lat = point
    found = g.locate(lon, lat)
    assert g.locate_many(np.array([lon]), np.array([lat]))[0] == found
    p = Point(lon, lat)
    containing = {c.code for c, poly in zip(g.cells, g.polygons, strict=True) if poly.contains(p)}
    near = {
        c.code
        for c, poly in zip(g.cells, g.polygons, strict=True)
        if poly.exterior.distance(p) <= EDGE_TOL_DEG
    }
    assert len(containing) <= 1
    if not near:
        assert found == (containing.pop() if containing else None)
    else:
        # On (or within 0.1 mm of) an edge any adjacent answer is right.
        assert found in containing | near | {None}


def test_irregular_grid_shared_edges_belong_to_exactly_one_cell() -> None:
    g = IRREGULAR_GRIDS["fine"]
    a, b = g.cells[0].code, g.cells[1].code
    # Points on the shared hypotenuse of the two triangles, away from the corners.
    for t in np.linspace(0.05, 0.95, 19):
        lon = LON0 + (4 - 4 * t) * UNIT
        lat = LAT0 + 3 * t * UNIT
        assert g.locate(lon, lat) in {a, b}


def test_index_buckets_adapt_to_cell_size() -> None:
    assert IRREGULAR_GRIDS["fine"].index.bucket_m == 7.0
    auto = IRREGULAR_GRIDS["auto"].index
    sides = [math.sqrt(c.area_m2) for c in IRREGULAR_GRIDS["auto"].cells]
    assert auto.bucket_m == pytest.approx(float(np.median(sides)) / 4)
    assert auto.stats["boundary"] > 0
    assert auto.stats["covered"] > 0


@pytest.mark.parametrize("bucket_m", [20.0, 1000.0])
def test_overlapping_cells_resolve_to_the_lowest_code(bucket_m: float) -> None:
    # Bad data, but the answer must still be deterministic and the same in both paths,
    # whether the overlap falls in covered buckets (fine raster) or boundary ones (coarse).
    big = cell_from_polygon("530114001001001", _poly((0, 0), (4, 0), (4, 4), (0, 4)))
    small = cell_from_polygon("530114001001002", _poly((1, 1), (3, 1), (2, 3)))
    area = shapely.box(LON0 - 0.01, LAT0 - 0.01, LON0 + 0.02, LAT0 + 0.02)
    g = Grid(
        area,
        [Street("530114001", "龙城街道", area)],
        [Community("530114001001", "测试社区", "530114001", area)],
        [small, big],
        index_bucket_m=bucket_m,
    )
    rng = np.random.default_rng(11)
    lons = LON0 + rng.uniform(1, 3, 2000) * UNIT
    lats = LAT0 + rng.uniform(1, 3, 2000) * UNIT
    assert set(g.locate_many(lons, lats)) == {big.code}
    assert {g.locate(x, y) for x, y in zip(lons, lats, strict=True)} == {big.code}


def test_grid_survives_pickling() -> None:
    # Workers in other processes (exports, reports) may receive a grid.
    g = pickle.loads(pickle.dumps(IRREGULAR_GRIDS["fine"]))
    lon, lat = LON0 + 3 * UNIT, LAT0 + 2.5 * UNIT
    assert g.locate(lon, lat) == IRREGULAR_GRIDS["fine"].locate(lon, lat) == "530114001001002"


def test_empty_grid_locates_nothing() -> None:
    area = shapely.box(102.8, 24.8, 102.9, 24.9)
    g = Grid(area, [], [], [])
    assert g.locate(102.85, 24.85) is None
    assert list(g.locate_many(np.array([102.85]), np.array([24.85]))) == [None]


# -- model validation ------------------------------------------------------------------------


def _tiny(cell_codes: list[str], community: str = "530114001001") -> Grid:
    area = shapely.box(102.8, 24.8, 102.81, 24.81)
    sq = shapely.box(102.8, 24.8, 102.801, 24.801)
    return Grid(
        area,
        [Street("530114001", "龙城街道", area)],
        [Community(community, "测试社区", community[:9], area)],
        [cell_from_polygon(code, sq) for code in cell_codes],
    )


@pytest.mark.parametrize(
    ("cells", "community", "message"),
    [
        (["530114001001001", "530114001001001"], "530114001001", "duplicate cell"),
        (["53011400100100"], "530114001001", "15-digit"),
        (["530115001001001"], "530114001001", "15-digit"),
        (["530114001001000"], "530114001001", "15-digit"),
        (["530114001002001"], "530114001001", "unknown community"),
        ([], "530114002001", "unknown street"),
    ],
)
def test_inconsistent_grids_are_rejected(cells: list[str], community: str, message: str) -> None:
    with pytest.raises(GridError, match=message):
        _tiny(cells, community)


def test_cell_from_polygon_normalises_orientation_and_derives_area() -> None:
    cw = Polygon([(102.8, 24.8), (102.8, 24.801), (102.801, 24.801), (102.801, 24.8)])
    cell = cell_from_polygon("530114001001001", cw)
    assert Polygon(cell.ring).exterior.is_ccw
    assert cell.ring[0] == cell.ring[-1]
    proj = CHENGGONG_PROJECTION
    expected = 0.001 * proj.kx * 0.001 * proj.ky
    assert cell.area_m2 == pytest.approx(expected, rel=1e-9)
    assert cell.centroid == pytest.approx((102.8005, 24.8005))


def test_projection_round_trip_and_scale() -> None:
    proj = LocalProjection(102.853, 24.844)
    x, y = proj.to_metres(102.863, 24.854)
    # 0.01° east at 24.844° N ≈ 1010.18 m; 0.01° north = 1105.74 m.
    assert (x, y) == pytest.approx((1010.18, 1105.74), abs=0.01)
    assert proj.to_lonlat(x, y) == pytest.approx((102.863, 24.854), abs=1e-12)
    assert proj.kx == pytest.approx(101_017.9, abs=0.1)
    assert proj.ky == 110_574
