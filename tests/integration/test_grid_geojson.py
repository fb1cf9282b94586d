"""GeoJSON boundary loading, grid import validation and export/import round trips."""

from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import shapely
from shapely.geometry import MultiPolygon, Polygon

from workstation.adapters.demo_grid import generate_demo_grid
from workstation.adapters.grid_geojson import (
    GridImportError,
    grid_from_geojson,
    grid_from_geojson_files,
    grid_to_geojson,
    load_boundary,
    load_default_boundary,
    read_feature_collection,
    write_grid_geojson,
)
from workstation.domain.grid import CHENGGONG_PROJECTION, Grid


@pytest.fixture(scope="module")
def demo() -> Grid:
    return generate_demo_grid(load_default_boundary(), seed=1)


# -- boundary -------------------------------------------------------------------------------


def test_default_boundary_is_the_real_district() -> None:
    b = load_default_boundary()
    assert isinstance(b, Polygon | MultiPolygon)
    assert b.is_valid
    minx, miny, maxx, maxy = b.bounds
    assert (round(minx, 3), round(miny, 3), round(maxx, 3), round(maxy, 3)) == (
        102.705,
        24.698,
        103.001,
        24.990,
    )
    area_km2 = CHENGGONG_PROJECTION.geometry_to_metres(b).area / 1e6
    assert 490 < area_km2 < 510  # ~498 km² (official figure ~510 km²)


def test_boundary_loads_from_str_path_and_traversable(tmp_path: Path) -> None:
    res = resources.files("resources.data").joinpath("chenggong-530114.geojson")
    copy_path = tmp_path / "b.geojson"
    copy_path.write_text(res.read_text(encoding="utf-8"), encoding="utf-8")
    expected = load_default_boundary()
    for source in (res, copy_path, str(copy_path)):
        assert load_boundary(source).equals(expected)


def test_boundary_accepts_feature_and_bare_geometry(tmp_path: Path) -> None:
    sq = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}
    for doc in (sq, {"type": "Feature", "properties": {}, "geometry": sq}):
        path = tmp_path / "x.geojson"
        path.write_text(json.dumps(doc), encoding="utf-8")
        assert load_boundary(path).area == 1.0


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('{"type": "FeatureCollection", "features": [', "不是有效的 JSON"),
        ("[1, 2]", "顶层不是 GeoJSON 对象"),
        ('{"type": "FeatureCollection", "features": []}', "没有任何要素"),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},'
            ' "geometry": {"type": "Point", "coordinates": [102.8, 24.8]}}]}',
            "features[0]：几何类型为 Point",
        ),
    ],
)
def test_bad_boundary_files_raise(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "bad.geojson"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GridImportError, match=fragment.replace("[", r"\[").replace("]", r"\]")):
        load_boundary(path)


def test_missing_file_raises_import_error(tmp_path: Path) -> None:
    with pytest.raises(GridImportError, match="无法读取文件"):
        read_feature_collection(tmp_path / "nope.geojson")


def test_invalid_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "cells.geojson"
    path.write_text('{"type": "FeatureCollection",\n "features": [}', encoding="utf-8")
    with pytest.raises(GridImportError, match="第 2 行第 15 列"):
        grid_from_geojson_files(path, path, path)


# -- round trip -----------------------------------------------------------------------------


def test_round_trip_preserves_codes_names_and_geometry(demo: Grid) -> None:
    streets, communities, cells = grid_to_geojson(demo)
    # Through JSON text, as a file would carry it.
    back = grid_from_geojson(
        *(json.loads(json.dumps(fc, ensure_ascii=False)) for fc in (streets, communities, cells))
    )
    assert [(s.code, s.name) for s in back.streets] == [(s.code, s.name) for s in demo.streets]
    assert [(c.code, c.name, c.street_code) for c in back.communities] == [
        (c.code, c.name, c.street_code) for c in demo.communities
    ]
    # Cells come back bit-identical: ring, derived centroid and area.
    assert back.cells == demo.cells
    for a, b in zip(back.streets, demo.streets, strict=True):
        assert a.polygon.equals_exact(b.polygon, tolerance=0)
    for a, b in zip(back.communities, demo.communities, strict=True):
        assert a.polygon.equals_exact(b.polygon, tolerance=0)
    # The default boundary of an import is the union of its streets: the district.
    assert back.boundary.symmetric_difference(demo.boundary).area < 1e-8
    rng = np.random.default_rng(5)
    minx, miny, maxx, maxy = demo.boundary.bounds
    lons, lats = rng.uniform(minx, maxx, 50_000), rng.uniform(miny, maxy, 50_000)
    assert list(back.locate_many(lons, lats)) == list(demo.locate_many(lons, lats))


def test_files_round_trip(demo: Grid, tmp_path: Path) -> None:
    paths = write_grid_geojson(demo, tmp_path / "export")
    assert [p.name for p in paths] == ["streets.geojson", "communities.geojson", "cells.geojson"]
    assert "龙城街道" in paths[0].read_text(encoding="utf-8")  # UTF-8, not \\u escapes
    back = grid_from_geojson_files(*paths, boundary=demo.boundary)
    assert [c.code for c in back.cells] == [c.code for c in demo.cells]
    assert back.cells[100] == demo.cells[100]
    assert back.boundary is demo.boundary


def test_exported_features_follow_geojson(demo: Grid) -> None:
    streets, communities, cells = grid_to_geojson(demo)
    assert {f["geometry"]["type"] for f in cells["features"]} == {"Polygon"}
    feat = cells["features"][0]
    assert set(feat["properties"]) == {"code", "street_code", "community_code", "area_m2"}
    ring = feat["geometry"]["coordinates"][0]
    assert ring[0] == ring[-1]
    assert Polygon(ring).exterior.is_ccw  # RFC 7946: exterior rings counter-clockwise
    assert set(communities["features"][0]["properties"]) == {"code", "name", "street_code"}
    assert streets["features"][0]["properties"] == {"code": "530114001", "name": "龙城街道"}


# -- import errors --------------------------------------------------------------------------


def _fc(*features: dict[str, Any]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


def _feature(props: dict[str, Any] | None, coords: Any, kind: str = "Polygon") -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": props,
        "geometry": {"type": kind, "coordinates": coords},
    }


def _square(x: float, y: float, d: float = 0.001) -> list[list[list[float]]]:
    return [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]]


def _valid() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """A small valid grid: 1 street, 2 communities, 3 cells."""
    streets = _fc(_feature({"code": "530114001", "name": "龙城街道"}, _square(102.8, 24.8, 0.01)))
    communities = _fc(
        _feature(
            {"code": "530114001001", "name": "景湖社区", "street_code": "530114001"},
            _square(102.8, 24.8, 0.005),
        ),
        _feature(
            {"code": "530114001002", "name": "龙苑社区", "street_code": "530114001"},
            _square(102.805, 24.8, 0.005),
        ),
    )
    cells = _fc(
        _feature(
            {"code": "530114001001001", "community_code": "530114001001"}, _square(102.8, 24.8)
        ),
        _feature(
            {
                "code": "530114001001002",
                "community_code": "530114001001",
                "street_code": "530114001",
            },
            _square(102.801, 24.8),
        ),
        _feature(
            {"code": 530114001002001, "community_code": "530114001002"}, _square(102.805, 24.8)
        ),
    )
    return streets, communities, cells


def test_small_valid_grid_imports() -> None:
    g = grid_from_geojson(*_valid())
    assert [c.code for c in g.cells] == ["530114001001001", "530114001001002", "530114001002001"]
    assert g.locate(102.8005, 24.8005) == "530114001001001"
    assert g.locate(102.8055, 24.8005) == "530114001002001"
    assert g.locate(102.803, 24.803) is None
    assert g.cells[0].area_m2 == pytest.approx(101.018 * 110.574, rel=1e-4)


def _set(path: str, value: Any) -> Any:
    """A mutation of _valid(): ``layer/index/key...`` set to value (None deletes the key)."""

    def apply(layers: list[dict[str, Any]]) -> None:
        layer, index, *keys = path.split("/")
        target: Any = layers[int(layer)]["features"][int(index)]
        for key in keys[:-1]:
            target = target[key]
        if value is None:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value

    return apply


BOWTIE = [[[102.8, 24.8], [102.801, 24.801], [102.801, 24.8], [102.8, 24.801], [102.8, 24.8]]]
HOLED = _square(102.8, 24.8) + [[[102.8002, 24.8002], [102.8004, 24.8002], [102.8004, 24.8004],
                                 [102.8002, 24.8002]]]  # fmt: skip
TWO_PARTS = [_square(102.8, 24.8), _square(102.802, 24.8)]


@pytest.mark.parametrize(
    ("mutation", "fragment"),
    [
        (_set("2/0/properties/code", None), "单元网格图层 features[0]：缺少属性 code"),
        (_set("2/0/properties", None), "单元网格图层 features[0]：缺少 properties"),
        (_set("2/1/properties/code", "53011400100100"), "应为 15 位数字（实际 14 位）"),
        (_set("2/1/properties/code", "５３０１１４００１００１００２"), "应为 15 位数字"),
        (_set("2/1/properties/code", "530115001001002"), "不属于呈贡区（应以 530114 开头）"),
        (_set("2/1/properties/code", "530114001001000"), "顺序号不能为 000"),
        (
            _set("2/1/properties/code", "530114001001001"),
            "features[1]（编码 530114001001001）：编码与 features[0] 重复",
        ),
        (
            _set("2/2/properties/community_code", None),
            "features[2]（编码 530114001002001）：缺少属性 community_code",
        ),
        (
            _set("2/0/properties/community_code", "530114001002"),
            "与编码前 12 位 530114001001 不一致",
        ),
        (_set("2/1/properties/street_code", "530114002"), "street_code 530114002 与编码前 9 位"),
        (_set("2/0/geometry", None), "features[0]（编码 530114001001001）：缺少几何"),
        (
            _set("2/0/geometry/type", "LineString"),
            "几何类型为 LineString，应为 Polygon 或 MultiPolygon",
        ),
        (_set("2/0/geometry/coordinates", [[[102.8, 24.8], [102.9]]]), "几何坐标无法解析"),
        (_set("2/0/geometry/coordinates", BOWTIE), "几何无效：Self-intersection"),
        (_set("2/0/geometry/coordinates", HOLED), "不能含内环"),
        (
            _set(
                "2/0/geometry/coordinates",
                [[[24.8, 302.8], [24.9, 302.8], [24.9, 302.9], [24.8, 302.8]]],
            ),
            "超出经纬度范围",
        ),  # fmt: skip
        (
            lambda ls: ls[2]["features"][0]["geometry"].update(
                type="MultiPolygon", coordinates=TWO_PARTS
            ),
            "2 个部分的 MultiPolygon",
        ),  # fmt: skip
        (
            _set("1/1/properties/street_code", "530114009"),
            "社区图层 features[1]（编码 530114001002）：street_code 530114009 与编码前 9 位",
        ),  # fmt: skip
        (
            _set("1/1/properties/name", "  "),
            "社区图层 features[1]（编码 530114001002）：属性 name 应为非空文字",
        ),  # fmt: skip
        (_set("1/0/properties/code", "530114002001"), "所属社区 530114001001 不在社区图层中"),
        (
            _set("0/0/properties/name", None),
            "街道图层 features[0]（编码 530114001）：缺少属性 name",
        ),
        (_set("0/0/properties/code", 530114001.0), "属性 code 应为数字串，实际为 float"),
        (lambda ls: ls[0].update(type="Feature"), "街道图层不是 GeoJSON FeatureCollection"),
        (lambda ls: ls[1].update(features={}), "社区图层的 features 不是数组"),
        (
            lambda ls: ls[2]["features"].append("x"),
            "单元网格图层 features[3]：不是 GeoJSON 要素对象",
        ),
    ],
)
def test_malformed_input_raises_a_clear_error(mutation: Any, fragment: str) -> None:
    layers = [copy.deepcopy(fc) for fc in _valid()]
    mutation(layers)
    with pytest.raises(GridImportError) as info:
        grid_from_geojson(*layers)
    assert isinstance(info.value, ValueError)
    assert fragment in str(info.value), str(info.value)


def test_community_under_unknown_street_is_reported() -> None:
    streets, communities, cells = _valid()
    communities["features"][1]["properties"].update(code="530114002001", street_code="530114002")
    with pytest.raises(GridImportError, match="所属街道 530114002 不在街道图层中"):
        grid_from_geojson(streets, communities, cells)


def test_all_problems_are_reported_together_and_nothing_is_built() -> None:
    streets, communities, cells = _valid()
    for i in range(3):
        cells["features"][i]["properties"]["code"] = "12345"
    cells["features"].extend(copy.deepcopy(cells["features"]) * 5)
    with pytest.raises(GridImportError) as info:
        grid_from_geojson(streets, communities, cells)
    err = info.value
    assert len(err.problems) == 18
    assert all("应为 15 位数字" in p for p in err.problems)
    assert str(err).startswith("网格数据导入失败，共 18 处问题")
    assert "另有 8 处问题" in str(err)


def test_empty_cells_layer_is_a_valid_grid_without_cells() -> None:
    streets, communities, _ = _valid()
    g = grid_from_geojson(streets, communities, _fc())
    assert g.cells == ()
    assert g.locate(102.8005, 24.8005) is None
    assert shapely.equals(g.boundary, Polygon(_square(102.8, 24.8, 0.01)[0]))
