"""The responsibility matrix recommends the most specific rule, else the street office."""

from __future__ import annotations

import pytest

from workstation.domain.errors import NotFound
from workstation.domain.units import (
    HandlingUnit,
    ResponsibilityMatrix,
    ResponsibilityRule,
    UnitKind,
)

UNITS = [
    HandlingUnit("PSGS", "呈贡排水有限公司", UnitKind.UTILITY, ("drainage",)),
    HandlingUnit("HWS", "呈贡区环境卫生管理站", UnitKind.BUREAU, ("sanitation",)),
    HandlingUnit("CGJ", "呈贡区城市管理局", UnitKind.BUREAU, ("city_management",)),
    HandlingUnit("JD001", "龙城街道办事处", UnitKind.STREET_OFFICE, (), "530114001"),
    HandlingUnit("JD007", "七甸街道办事处", UnitKind.STREET_OFFICE, (), "530114007"),
]
RULES = [
    ResponsibilityRule("E01", "", "HWS"),  # 市容环境 → 环卫站, everywhere
    ResponsibilityRule("E0102", "530114007", "JD007"),  # 暴露垃圾 in 七甸 → the street office
    ResponsibilityRule("C0102", "", "PSGS"),
    ResponsibilityRule("", "530114001001", "CGJ"),  # anything in one community → 城管局
]
MATRIX = ResponsibilityMatrix(UNITS, RULES)
NAMES = {"E01": "市容环境", "E0102": "暴露垃圾", "C0102": "污水井盖"}
AREAS = {"530114007": "七甸街道"}


def test_most_specific_category_and_area_wins() -> None:
    rec = MATRIX.recommend("E0102", "530114007003012", NAMES, AREAS)
    assert rec.unit_code == "JD007"
    assert rec.reason == "责任规则：暴露垃圾 · 七甸街道 → 七甸街道办事处"
    assert MATRIX.recommend("E0102", "530114002003012").unit_code == "HWS"
    assert MATRIX.recommend("C0102", "530114001001005").unit_code == "PSGS"


def test_area_rule_applies_to_any_category_in_it() -> None:
    assert MATRIX.recommend("E0501", "530114001001005").unit_code == "CGJ"


def test_no_rule_falls_back_to_the_street_office() -> None:
    rec = MATRIX.recommend("E0501", "530114001002005")
    assert (rec.unit_code, rec.rule) == ("JD001", None)
    assert rec.reason == "无匹配责任规则，按属地原则派至龙城街道办事处"


def test_no_rule_and_no_street_office_is_a_clear_error() -> None:
    with pytest.raises(NotFound, match="网格 530114005001001 没有匹配的责任单位"):
        MATRIX.recommend("E0501", "530114005001001")


def test_candidates_list_matching_units_then_the_street_office() -> None:
    codes = [u.code for u in MATRIX.candidates("E0102", "530114007001001")]
    assert codes == ["JD007", "HWS"]


def test_rule_to_an_unknown_unit_is_refused() -> None:
    with pytest.raises(NotFound, match="不存在的处置单位：XXX"):
        ResponsibilityMatrix(UNITS, [ResponsibilityRule("E01", "", "XXX")])
