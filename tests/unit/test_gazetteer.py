"""Reverse geocoding (domain.gazetteer) on the demo grid, and the supervisors' duty roster."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import shapely

from workstation.adapters.demo import ROADS
from workstation.adapters.demo_grid import generate_demo_grid
from workstation.adapters.grid_geojson import load_default_boundary
from workstation.domain.gazetteer import (
    CHENGGONG_ROADS,
    ROAD_RADIUS_M,
    SEPARATOR,
    Gazetteer,
    format_address,
)
from workstation.domain.grid import Grid
from workstation.domain.roster import NIGHT_ROTA, night_team, on_duty, shift_start


@pytest.fixture(scope="module")
def grid() -> Grid:
    return generate_demo_grid(load_default_boundary(), seed=1)


@pytest.fixture(scope="module")
def gazetteer(grid: Grid) -> Gazetteer:
    return Gazetteer(grid)


def _area(grid: Grid, lon: float, lat: float) -> str:
    cell = grid.locate(lon, lat)
    assert cell is not None
    return grid.street_of(cell).name + grid.community_of(cell).name


def test_a_point_on_a_demo_road_gets_the_road_and_its_community(grid, gazetteer) -> None:
    line = shapely.LineString(gazetteer.roads.line("彩云北路"))
    point = line.interpolate(0.5, normalized=True)
    place = gazetteer.place(point.x, point.y)
    assert place is not None
    assert place.road == "彩云北路"
    assert place.road_distance_m is not None
    assert place.road_distance_m < 1.0
    assert place.cell_code == grid.locate(point.x, point.y)
    assert place.community_name == grid.community_of(place.cell_code).name
    area = _area(grid, point.x, point.y)
    assert gazetteer.address(point.x, point.y) == f"彩云北路{SEPARATOR}{area}"
    assert area.startswith(place.street_name)
    assert area.endswith("社区")


def test_every_road_the_demo_names_is_in_the_gazetteer_and_on_the_grid(gazetteer) -> None:
    names = {r.name for r in CHENGGONG_ROADS}
    assert set(ROADS) <= names
    for road in CHENGGONG_ROADS:
        mid = shapely.LineString(road.line).interpolate(0.5, normalized=True)
        place = gazetteer.place(mid.x, mid.y)
        assert place is not None, road.name
        assert place.road == road.name or place.road_distance_m == 0.0, road.name


def test_a_point_far_from_every_road_gets_community_and_street(grid, gazetteer) -> None:
    far = next(c for c in grid.cells if gazetteer.roads.nearest(*c.centroid) is None)
    lon, lat = far.centroid
    lines = [shapely.LineString(r.line) for r in CHENGGONG_ROADS]
    x, y = grid.projection.to_metres(lon, lat)
    metres = [shapely.LineString([grid.projection.to_metres(*p) for p in ln.coords])
              for ln in lines]  # fmt: skip
    assert min(m.distance(shapely.Point(x, y)) for m in metres) > ROAD_RADIUS_M
    address = gazetteer.address(lon, lat)
    assert address == _area(grid, lon, lat)
    assert SEPARATOR not in address


def test_between_the_cells_the_community_still_names_the_place(grid, gazetteer) -> None:
    # Rural land inside the district: no cell, but the communities tile the district.
    lon, lat = 102.97, 24.95
    assert grid.boundary.contains(shapely.Point(lon, lat))
    assert grid.locate(lon, lat) is None
    place = gazetteer.place(lon, lat)
    assert place is not None
    assert place.cell_code is None
    assert grid.community(place.community_code).polygon.covers(shapely.Point(lon, lat))
    assert gazetteer.address(lon, lat).endswith(place.community_name)


@pytest.mark.parametrize(("lon", "lat"), [(102.60, 24.90), (102.853, 25.20), (116.4, 39.9)])
def test_outside_the_district_no_address_is_invented(gazetteer, lon, lat) -> None:
    assert gazetteer.place(lon, lat) is None
    assert gazetteer.address(lon, lat) == ""
    assert gazetteer.address(float("nan"), lat) == ""


def test_format_address() -> None:
    assert format_address("龙街", "龙城街道白坝社区") == "龙街 · 龙城街道白坝社区"
    assert format_address(None, "龙城街道白坝社区") == "龙城街道白坝社区"
    assert format_address(None, "") == ""


def test_the_day_shift_is_everyone_and_the_night_team_a_rota() -> None:
    names = [f"jdy{i:03d}" for i in range(1, 31)]
    assert on_duty(names, datetime(2026, 11, 25, 15, 0)) == tuple(names)
    night = on_duty(names, datetime(2026, 11, 25, 3, 0))
    assert night == night_team(names, date(2026, 11, 24))  # the night began the day before
    assert 1 <= len(night) == 30 // NIGHT_ROTA
    assert on_duty(names, datetime(2026, 11, 24, 22, 0)) == night
    covered = {u for d in range(NIGHT_ROTA) for u in night_team(names, date(2026, 11, 1 + d))}
    assert covered == set(names)  # everyone takes a night in turn
    assert night_team(["jdy001"], date(2026, 11, 25)) == ("jdy001",)  # never empty
    assert night_team([], date(2026, 11, 25)) == ()
    assert shift_start(datetime(2026, 11, 25, 3, 0)) == datetime(2026, 11, 24, 18, 30)
    assert shift_start(datetime(2026, 11, 25, 9, 0)) == datetime(2026, 11, 25, 8, 0)
