"""Store the unit grid (streets, communities, cells) in the database and load it back."""

from __future__ import annotations

import json

from shapely.geometry import shape
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from workstation.adapters.grid_geojson import load_default_boundary
from workstation.domain.grid import Community, Grid, GridCell, Street
from workstation.persistence.tables import (
    CommunityRow,
    GridCellRow,
    PatrolCellRow,
    SettingRow,
    StreetRow,
)
from workstation.services.reference import geometry_json

BOUNDARY_KEY = "district_boundary"


def save_grid(session: Session, grid: Grid) -> None:
    """Replace the stored grid with `grid` (inside the caller's transaction)."""
    session.execute(delete(PatrolCellRow))
    session.execute(delete(GridCellRow))
    session.execute(delete(CommunityRow))
    session.execute(delete(StreetRow))
    session.execute(
        insert(StreetRow),
        [{"code": s.code, "name": s.name, "geometry": geometry_json(s.polygon)}
         for s in grid.streets],
    )  # fmt: skip
    session.execute(
        insert(CommunityRow),
        [{"code": c.code, "name": c.name, "street_code": c.street_code,
          "geometry": geometry_json(c.polygon)} for c in grid.communities],
    )  # fmt: skip
    rows = [
        {"code": c.code, "community_code": c.community_code, "street_code": c.street_code,
         "ring": json.dumps(c.ring, separators=(",", ":")), "lon": c.centroid[0],
         "lat": c.centroid[1], "area_m2": c.area_m2}
        for c in grid.cells
    ]  # fmt: skip
    for start in range(0, len(rows), 5000):
        session.execute(insert(GridCellRow), rows[start : start + 5000])
    session.merge(SettingRow(key=BOUNDARY_KEY, value=geometry_json(grid.boundary)))


def load_grid(session: Session) -> Grid:
    boundary_text = session.scalar(select(SettingRow.value).where(SettingRow.key == BOUNDARY_KEY))
    boundary = shape(json.loads(boundary_text)) if boundary_text else load_default_boundary()
    streets = [
        Street(code, name, shape(json.loads(geometry)))
        for code, name, geometry in session.execute(
            select(StreetRow.code, StreetRow.name, StreetRow.geometry)
        )
    ]
    communities = [
        Community(code, name, street, shape(json.loads(geometry)))
        for code, name, street, geometry in session.execute(
            select(CommunityRow.code, CommunityRow.name, CommunityRow.street_code,
                   CommunityRow.geometry)
        )
    ]  # fmt: skip
    cells = [
        GridCell(code, community, street, tuple(map(tuple, json.loads(ring))), (lon, lat), area)
        for code, community, street, ring, lon, lat, area in session.execute(
            select(GridCellRow.code, GridCellRow.community_code, GridCellRow.street_code,
                   GridCellRow.ring, GridCellRow.lon, GridCellRow.lat, GridCellRow.area_m2)
        )
    ]  # fmt: skip
    return Grid(boundary, streets, communities, cells)
