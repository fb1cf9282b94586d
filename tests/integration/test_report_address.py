"""A report with coordinates and no address gets the gazetteer's; old cases show one."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import update

from workstation import cli
from workstation.persistence.repositories import CASES
from workstation.services import queue_queries

from support.world import PASSWORD, make_world

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def ws(sqlite_url: str):
    ws = make_world(sqlite_url, NOW)
    yield ws
    ws.dispose()


def _cell(ws):
    code = ws.reference.supervisors["jdy001"].patrol_cells[0]
    return code, ws.reference.cells[code]


def _area(ws, code: str) -> str:
    ref = ws.reference
    cell = ref.cells[code]
    return ref.street_names[cell.street_code] + ref.community_names[cell.community_code]


def test_a_report_with_coordinates_gets_its_address_stored(ws) -> None:
    code, cell = _cell(ws)
    case = ws.report(ws.actor("jdy001"), description="暴露垃圾", lon=cell.lon, lat=cell.lat,
                     category_code="E0102")  # fmt: skip
    assert case.address == ws.reference.address_at(cell.lon, cell.lat, code)
    assert case.address.endswith(_area(ws, code))
    stored, _, events = ws.load_case(case.id)
    assert stored.address == case.address  # in the case row and its REPORT event
    assert events[0].payload["address"] == case.address


def test_a_given_address_is_kept_and_no_coordinates_invent_none(ws) -> None:
    code, cell = _cell(ws)
    kept = ws.report(ws.actor("jdy001"), description="小广告", lon=cell.lon, lat=cell.lat,
                     address="聚贤街 12 号门口")  # fmt: skip
    assert kept.address == "聚贤街 12 号门口"
    hotline = ws.report(ws.actor("acceptor"), description="噪音扰民", source="hotline_12345")
    assert hotline.address == ""
    assert ws.reference.address_at(None, None) == ""
    assert ws.reference.address_at(102.60, 24.90) == ""  # outside the district


def test_the_cli_report_gets_the_address_too(ws, capsys, monkeypatch) -> None:
    monkeypatch.setenv("WORKSTATION_PASSWORD", PASSWORD)
    code, cell = _cell(ws)
    argv = ["--db", ws.settings.db_url, "case", "report", "--as", "jdy001", "--description",
            "井盖破损", "--lon", str(cell.lon), "--lat", str(cell.lat), "--json"]  # fmt: skip
    assert cli.main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["address"].endswith(_area(ws, code))


def test_an_old_case_without_address_shows_the_geocoded_one(ws) -> None:
    code, cell = _cell(ws)
    case = ws.report(ws.actor("jdy001"), description="井盖破损", lon=cell.lon, lat=cell.lat)
    with ws.write_session() as s:  # as recorded before reports were geocoded
        s.execute(update(CASES).where(CASES.c.id == case.id).values(address=""))
    assert ws.load_case(case.id)[0].address == ""
    expected = ws.reference.address_at(cell.lon, cell.lat, code)
    assert expected.endswith(_area(ws, code))
    detail = ws.case_detail(case.id, ws.actor("leader"))
    assert detail.summary.address == expected
    with ws.read_session() as s:
        queue = queue_queries.load_queue(s, ws.reference, ws.actor("leader"), NOW)
    assert [c.address for c in queue.cases if c.id == case.id] == [expected]
    assert [c.address for c in ws.list_cases() if c.id == case.id] == [expected]
