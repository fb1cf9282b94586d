"""Reverse geocoding for the district: a point → nearest named road + its 社区 and 街道.

A report that comes with coordinates but no address (a phone fix, a map click, the field
simulator) gets one from here, e.g. "彩云北路 · 洛龙街道梅林社区"; a point farther than
``ROAD_RADIUS_M`` from every road gets the area alone ("洛龙街道梅林社区"), and a point
outside the district gets nothing (no address is ever invented there).

The road table ``CHENGGONG_ROADS`` holds the roads and streets the demo data names (its
case descriptions draw from the same names). Their lines are approximate — a few vertices
each, placed by the real roads' general course through the new city and the towns, not
surveyed — good enough to name the road a supervisor stands on in the demo grid. Real road
data, when there is some, replaces the table (``Gazetteer(grid, roads)``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely import STRtree

from workstation.domain.grid import CHENGGONG_PROJECTION, LocalProjection, Point

if TYPE_CHECKING:
    from workstation.domain.grid import Grid

# Farther than this from every road a point is "in the community", not "on a road": half a
# block in the new city, and the width of the widest roads with their green belts.
ROAD_RADIUS_M = 150.0
SEPARATOR = " · "


@dataclass(frozen=True, slots=True)
class Road:
    """A named road or street: its centre line as (lon, lat) vertices, west/north first."""

    name: str
    line: tuple[Point, ...]


# fmt: off
CHENGGONG_ROADS: tuple[Road, ...] = (
    # The new city's north–south spine and its east–west axes.
    Road("彩云北路", ((102.815, 24.915), (102.818, 24.900), (102.822, 24.885))),
    Road("彩云中路", ((102.822, 24.885), (102.825, 24.870), (102.828, 24.855))),
    Road("彩云南路", ((102.828, 24.855), (102.831, 24.838), (102.835, 24.820))),
    Road("春融西路", ((102.790, 24.880), (102.806, 24.879), (102.822, 24.878))),
    Road("春融东路", ((102.822, 24.878), (102.841, 24.876), (102.860, 24.874))),
    Road("呈贡大道", ((102.775, 24.905), (102.797, 24.888), (102.820, 24.870),
                    (102.842, 24.853), (102.865, 24.835))),
    Road("昆洛路", ((102.815, 24.945), (102.792, 24.915), (102.795, 24.880),
                  (102.798, 24.840), (102.800, 24.800), (102.820, 24.760))),
    Road("环湖东路", ((102.786, 24.915), (102.765, 24.870), (102.755, 24.830),
                    (102.760, 24.790))),
    Road("锦绣大街", ((102.800, 24.900), (102.822, 24.898), (102.845, 24.895))),
    Road("聚贤街", ((102.835, 24.870), (102.850, 24.860), (102.865, 24.850))),
    # Streets of the 街道 seats and the quarters around them.
    Road("洛龙路", ((102.835, 24.900), (102.843, 24.888), (102.850, 24.875))),
    Road("吴家营路", ((102.850, 24.860), (102.860, 24.850), (102.870, 24.840))),
    Road("雨花路", ((102.830, 24.865), (102.840, 24.860), (102.850, 24.855))),
    Road("乌龙路", ((102.770, 24.870), (102.780, 24.862), (102.790, 24.855))),
    Road("斗南路", ((102.770, 24.905), (102.782, 24.902), (102.795, 24.900))),
    Road("联大街", ((102.855, 24.835), (102.865, 24.842), (102.875, 24.850))),
    Road("龙街", ((102.795, 24.893), (102.801, 24.890), (102.808, 24.888))),
    Road("学府路", ((102.845, 24.840), (102.857, 24.835), (102.870, 24.830))),
    Road("石龙路", ((102.800, 24.870), (102.807, 24.860), (102.815, 24.850))),
    Road("万青路", ((102.805, 24.860), (102.815, 24.852), (102.825, 24.845))),
    Road("祥和街", ((102.810, 24.880), (102.811, 24.872), (102.812, 24.865))),
    Road("致远路", ((102.860, 24.885), (102.867, 24.875), (102.875, 24.865))),
    Road("白龙路", ((102.790, 24.890), (102.800, 24.897), (102.810, 24.905))),
    Road("沁园路", ((102.825, 24.890), (102.832, 24.885), (102.840, 24.880))),
    Road("梁王路", ((102.860, 24.900), (102.872, 24.890), (102.885, 24.880))),
    Road("古城路", ((102.800, 24.885), (102.802, 24.878), (102.805, 24.870))),
    # The towns.
    Road("洛羊路", ((102.840, 24.960), (102.850, 24.948), (102.860, 24.935))),
    Road("七甸街", ((102.920, 24.925), (102.930, 24.918), (102.940, 24.912))),
    Road("马金铺路", ((102.820, 24.780), (102.831, 24.772), (102.842, 24.765))),
    Road("大渔路", ((102.755, 24.808), (102.765, 24.801), (102.775, 24.795))),
)
# fmt: on


@dataclass(frozen=True, slots=True)
class Place:
    """Where a point is: its cell (None between cells), 社区, 街道 and nearest road."""

    street_code: str
    street_name: str
    community_code: str
    community_name: str
    cell_code: str | None
    road: str | None
    road_distance_m: float | None

    @property
    def address(self) -> str:
        return format_address(self.road, self.street_name + self.community_name)


def format_address(road: str | None, area: str) -> str:
    """"彩云北路 · 洛龙街道梅林社区", or the area alone without a road nearby."""
    if road and area:
        return f"{road}{SEPARATOR}{area}"
    return road or area


class RoadIndex:
    """Nearest named road within a radius, over an STRtree of the lines in metres."""

    def __init__(self, roads: Iterable[Road] = CHENGGONG_ROADS,
                 projection: LocalProjection = CHENGGONG_PROJECTION,
                 radius_m: float = ROAD_RADIUS_M) -> None:  # fmt: skip
        self.roads = tuple(r for r in roads if len(r.line) >= 2)
        self.radius_m = radius_m
        self._projection = projection
        lines = [shapely.LineString([projection.to_metres(*p) for p in r.line])
                 for r in self.roads]  # fmt: skip
        self._lines = np.array(lines, dtype=object)
        self._tree = STRtree(self._lines)

    def nearest(self, lon: float, lat: float) -> tuple[str, float] | None:
        """(name, distance in m) of the nearest road within the radius, else None."""
        if not self.roads:
            return None
        point = shapely.Point(self._projection.to_metres(lon, lat))
        hits, distances = self._tree.query_nearest(
            point, max_distance=self.radius_m, return_distance=True, all_matches=False
        )
        if len(hits) == 0:
            return None
        return self.roads[int(hits[0])].name, float(distances[0])

    def line(self, name: str) -> Sequence[Point]:
        """The vertices of a road by name (KeyError if unknown)."""
        for road in self.roads:
            if road.name == name:
                return road.line
        raise KeyError(name)


class Gazetteer:
    """Reverse geocoder over a grid: its cell index, its 社区 areas and a road index."""

    def __init__(self, grid: Grid, roads: Iterable[Road] | RoadIndex = CHENGGONG_ROADS) -> None:
        self.grid = grid
        if not isinstance(roads, RoadIndex):
            roads = RoadIndex(roads, grid.projection)
        self.roads = roads
        # Communities tile the district: a point between the built-up cells still has one.
        self._community_polygons = np.array([c.polygon for c in grid.communities],
                                            dtype=object)  # fmt: skip
        self._communities = STRtree(self._community_polygons)
        self._boundary = grid.boundary
        shapely.prepare(self._boundary)

    def place(self, lon: float, lat: float) -> Place | None:
        """The place of (lon, lat); None outside the district (or without coordinates)."""
        if not (np.isfinite(lon) and np.isfinite(lat)):
            return None
        grid = self.grid
        cell = grid.locate(lon, lat)
        if cell is not None:
            community = grid.community_of(cell)
        else:
            point = shapely.Point(lon, lat)
            if not self._boundary.covers(point):
                return None
            hits = self._communities.query(point, predicate="covered_by")
            if len(hits) == 0:
                return None
            community = grid.communities[int(min(hits))]
        street = grid.street(community.street_code)
        road = self.roads.nearest(lon, lat)
        return Place(street.code, street.name, community.code, community.name, cell,
                     road[0] if road else None, road[1] if road else None)  # fmt: skip

    def address(self, lon: float, lat: float) -> str:
        """The address of (lon, lat), or "" outside the district."""
        place = self.place(lon, lat)
        return place.address if place else ""
