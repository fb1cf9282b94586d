"""A small, hand-made Chenggong world for integration tests: 2 街道, 4 社区, 36 cells."""

from __future__ import annotations

from datetime import datetime

from shapely.geometry import Polygon, box

from workstation.adapters.grid_store import save_grid
from workstation.adapters.seed import seed_reference
from workstation.bootstrap import Workstation, bootstrap
from workstation.domain.grid import (
    CHENGGONG_PROJECTION,
    Community,
    Grid,
    Street,
    cells_from_polygons,
)
from workstation.services.dto import CaseSummary
from workstation.settings import Settings

PASSWORD = "test-pass"
LON0, LAT0 = 102.85, 24.88  # 洛龙 / new city centre
STREETS = (("530114001", "龙城街道"), ("530114002", "斗南街道"))


def _square(x0: float, y0: float, size: float) -> Polygon:
    p = CHENGGONG_PROJECTION
    (lon0, lat0), (lon1, lat1) = p.to_lonlat(x0, y0), p.to_lonlat(x0 + size, y0 + size)
    return box(lon0, lat0, lon1, lat1)


def small_grid() -> Grid:
    """Two streets side by side; each has two communities of 3 × 3 cells of 100 m."""
    x0, y0 = CHENGGONG_PROJECTION.to_metres(LON0, LAT0)
    streets, communities, codes, polygons = [], [], [], []
    for s, (street_code, street_name) in enumerate(STREETS):
        street_cells = []
        for c in range(2):
            community_code = f"{street_code}{c + 1:03d}"
            cx = x0 + s * 600 + c * 300
            seq = 0
            cells = []
            for row in range(3):  # north → south
                for col in range(3):  # west → east
                    seq += 1
                    poly = _square(cx + col * 100, y0 - row * 100, 100)
                    codes.append(f"{community_code}{seq:03d}")
                    polygons.append(poly)
                    cells.append(poly)
            area = cells[0].union(cells[-1]).envelope
            communities.append(
                Community(community_code, f"测试{s + 1}{c + 1}社区", street_code, area)
            )
            street_cells.append(area)
        streets.append(Street(street_code, street_name, street_cells[0].union(street_cells[1])))
    boundary = streets[0].polygon.union(streets[1].polygon).envelope
    return Grid(boundary, streets, communities, cells_from_polygons(codes, polygons))


def make_world(db_url: str, now: datetime) -> Workstation:
    """A migrated database with the catalog, the small grid, units, accounts, supervisors."""
    ws = bootstrap(Settings(db_url=db_url), clock=lambda: now, upgrade=True)
    grid = small_grid()
    unit_types = {c.code: c.unit_type for c in ws.reference.catalog}
    with ws.write_session() as session:
        save_grid(session, grid)
        seed_reference(session, grid, unit_types, seed=7, supervisors=4, password=PASSWORD)
    ws.invalidate_reference()
    return ws


def dispatched_case(ws: Workstation, at: datetime, limit: str = "2 工作时") -> CaseSummary:
    """A case reported, filed and dispatched at ``at`` with ``limit``: its deadline counts
    from then (a supervisor's report in jdy001's first patrol cell, category E0102)."""
    supervisor = ws.reference.supervisors["jdy001"]
    cell = ws.reference.cells[supervisor.patrol_cells[0]]
    case = ws.report(ws.actor("jdy001"), description="井盖破损", lon=cell.lon, lat=cell.lat,
                     category_code="E0102", at=at)  # fmt: skip
    ws.act(ws.actor("leader"), case.id, "file", at=at)
    return ws.act(ws.actor("dispatcher"), case.id, "dispatch", {"limit": limit}, at=at)
