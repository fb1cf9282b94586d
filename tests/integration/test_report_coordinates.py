"""Coordinates a report may carry, on both databases: NaN, infinity, text and points
outside the district are refused with a clear message and write nothing (stored, a NaN
made a case that no longer replayed)."""

from __future__ import annotations

import math
from datetime import datetime

import pytest
from sqlalchemy import func, select

from workstation.domain.errors import ValidationError
from workstation.persistence.repositories import CASES

from support.world import make_world

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.mark.parametrize(("lon", "lat", "message"), [
    (math.nan, 24.88, "经度无效"),
    (102.85, math.inf, "纬度无效"),
    (1002.85, 24.88, "经度无效"),
    (103.9, 25.9, "不在本区的单元网格内"),
])  # fmt: skip
def test_bad_coordinates_are_refused_and_nothing_is_written(db_url: str, lon: float, lat: float,
                                                            message: str) -> None:  # fmt: skip
    ws = make_world(db_url, NOW)
    try:
        with pytest.raises(ValidationError, match=message):
            ws.report(ws.actor("jdy001"), description="井盖破损", lon=lon, lat=lat)
        with ws.read_session() as s:
            assert s.execute(select(func.count()).select_from(CASES)).scalar() == 0
        cell = ws.reference.cells[ws.reference.supervisors["jdy001"].patrol_cells[0]]
        case = ws.report(ws.actor("jdy001"), description="井盖破损", lon=cell.lon, lat=cell.lat)
        assert ws.load_case(case.id)[0].lon == cell.lon  # a good point still goes through
    finally:
        ws.dispose()
