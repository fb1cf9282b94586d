"""The category catalog: every reference code present, defaults applied, search, round trip."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from workstation.domain.calendar import LimitUnit, TimeLimit
from workstation.domain.catalog import (
    Catalog,
    CategoryKind,
    read_catalog_csv,
    write_catalog_csv,
)
from workstation.domain.errors import NotFound, ValidationError
from workstation.domain.lifecycle import Priority
from workstation.services.reference import default_catalog


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog(default_catalog())


def _reference_rows() -> list[dict[str, str]]:
    text = resources.files("resources.data").joinpath("catalog-reference.csv").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def test_every_reference_code_is_in_the_catalog(catalog: Catalog) -> None:
    rows = _reference_rows()
    assert len(rows) == 116
    for row in rows:
        prefix = "C" if row["kind"] == "部件" else "E"
        category = catalog.get(prefix + row["minor_code"])
        assert category.name == row["minor_name"]
        assert category.major_name == row["major_name"]


def test_reference_limits_win_over_defaults(catalog: Catalog) -> None:
    assert catalog.limit_of("E0101") == TimeLimit(15, LimitUnit.WORK_DAYS)  # 新增建筑
    assert catalog.limit_of("E0102") == TimeLimit(1, LimitUnit.WORK_DAYS)  # 暴露垃圾
    assert catalog.limit_of("E0104") == TimeLimit(5, LimitUnit.WORK_HOURS)  # 道路保洁
    assert catalog.limit_of("E0111") == TimeLimit(4, LimitUnit.WORK_HOURS)  # 道路积水


def test_every_category_has_limit_priority_and_owner(catalog: Catalog) -> None:
    for category in catalog:
        assert category.limit.value > 0
        assert category.unit_type, category.code
    manhole = catalog.get("C0101")  # 上水井盖: 6 h, urgent, the water company
    assert (manhole.limit, manhole.default_priority, manhole.unit_type) == (
        TimeLimit(6, LimitUnit.NATURAL_HOURS), Priority.URGENT, "water_supply"
    )  # fmt: skip


def test_extension_classes_are_marked(catalog: Catalog) -> None:
    extensions = [c for c in catalog if c.extension]
    assert {c.kind for c in extensions} == {CategoryKind.COMPONENT, CategoryKind.EVENT}
    assert catalog.get("E0601").name == "井盖缺失破损"
    assert len(catalog) == 116 + len(extensions)


def test_same_four_digits_in_both_kinds_are_different_categories(catalog: Catalog) -> None:
    assert catalog.get("C0101").name == "上水井盖"
    assert catalog.get("E0101").name == "新增建筑"


def test_search_by_code_and_name(catalog: Catalog) -> None:
    assert catalog.search("E0102")[0].name == "暴露垃圾"
    assert {c.code for c in catalog.search("0101")} >= {"C0101", "E0101"}
    names = [c.name for c in catalog.search("井盖", limit=50)]
    assert "上水井盖" in names
    assert "井盖缺失破损" in names


def test_csv_round_trip_keeps_everything(catalog: Catalog) -> None:
    again = Catalog(read_catalog_csv(write_catalog_csv(catalog)))
    assert list(again) == list(catalog)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("部件,01,公用设施,0201,错位,,", "代码不合法"),
        ("部件,01,公用设施,0101,上水井盖,abc,工作日", "无法识别的时限"),
        ("其他,01,公用设施,0101,上水井盖,,", "未知的类别种类"),
    ],
)
def test_bad_rows_name_the_line(row: str, message: str) -> None:
    text = "kind,major_code,major_name,minor_code,minor_name,example_limit,example_limit_unit\n"
    with pytest.raises(ValidationError, match=f"第 2 行有误.*{message}"):
        read_catalog_csv(text + row + "\n")


def test_unknown_code_is_not_found(catalog: Catalog) -> None:
    with pytest.raises(NotFound, match="未知的问题类别：E9999"):
        catalog.get("E9999")
