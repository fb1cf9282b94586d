"""Handling units and the responsibility matrix (category × area → unit) that recommends one."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from workstation.domain.errors import NotFound


class UnitKind(enum.StrEnum):
    BUREAU = "bureau"  # 区级职能部门
    UTILITY = "utility"  # 权属/公用事业单位
    STREET_OFFICE = "street_office"  # 街道办事处

    @property
    def label(self) -> str:
        return {"bureau": "职能部门", "utility": "公用事业单位", "street_office": "街道办事处"}[
            self.value
        ]


@dataclass(frozen=True, slots=True)
class HandlingUnit:
    code: str
    name: str
    kind: UnitKind
    unit_types: tuple[str, ...] = ()  # the kinds of work it owns ("water_supply", …)
    street_code: str | None = None  # for street offices: the 街道 it answers for
    phone: str = ""


@dataclass(frozen=True, slots=True)
class ResponsibilityRule:
    """Who owns a category in an area. Empty category/area match anything.

    `category` is a category code ('C0101'), a major key ('C01') or '' (any);
    `area` is a 街道 (9 digits), 社区 (12) or grid cell code (15) prefix, or '' (anywhere).
    """

    category: str
    area: str
    unit_code: str
    note: str = ""

    def matches(self, category_code: str, grid_code: str) -> bool:
        return category_code.startswith(self.category) and grid_code.startswith(self.area)

    @property
    def specificity(self) -> tuple[int, int]:
        # An exact subclass beats a major class; a narrower area beats a wider one.
        return (len(self.category), len(self.area))


@dataclass(frozen=True, slots=True)
class Recommendation:
    unit_code: str
    unit_name: str
    reason: str
    rule: ResponsibilityRule | None  # None: the 属地 fallback to the street office


class ResponsibilityMatrix:
    def __init__(
        self, units: Iterable[HandlingUnit], rules: Iterable[ResponsibilityRule]
    ) -> None:
        self.units: dict[str, HandlingUnit] = {u.code: u for u in units}
        self.rules = sorted(rules, key=lambda r: r.specificity, reverse=True)
        self._street_office = {
            u.street_code: u for u in self.units.values()
            if u.kind is UnitKind.STREET_OFFICE and u.street_code
        }  # fmt: skip
        for rule in self.rules:
            if rule.unit_code not in self.units:
                raise NotFound(f"责任规则引用了不存在的处置单位：{rule.unit_code}")

    def unit(self, code: str) -> HandlingUnit:
        try:
            return self.units[code]
        except KeyError:
            raise NotFound(f"未知的处置单位：{code}") from None

    def street_office(self, street_code: str) -> HandlingUnit | None:
        return self._street_office.get(street_code)

    def recommend(
        self,
        category_code: str,
        grid_code: str,
        category_names: Mapping[str, str] | None = None,
        area_names: Mapping[str, str] | None = None,
    ) -> Recommendation:
        """The most specific matching rule, else the street office of the case's 街道."""
        names = dict(category_names or {})
        areas = dict(area_names or {})
        for rule in self.rules:
            if rule.matches(category_code, grid_code):
                unit = self.units[rule.unit_code]
                what = names.get(rule.category, rule.category) if rule.category else "所有类别"
                where = areas.get(rule.area, rule.area) if rule.area else "全区"
                return Recommendation(
                    unit.code, unit.name, f"责任规则：{what} · {where} → {unit.name}", rule
                )
        street = grid_code[:9]
        office = self.street_office(street)
        if office is None:
            raise NotFound(f"网格 {grid_code} 没有匹配的责任单位，也找不到所属街道办事处")
        return Recommendation(
            office.code, office.name, f"无匹配责任规则，按属地原则派至{office.name}", None
        )

    def candidates(self, category_code: str, grid_code: str) -> list[HandlingUnit]:
        """Every unit whose rule matches, best first, then the street office."""
        seen: dict[str, HandlingUnit] = {}
        for rule in self.rules:
            if rule.matches(category_code, grid_code):
                seen.setdefault(rule.unit_code, self.units[rule.unit_code])
        office = self.street_office(grid_code[:9])
        if office is not None:
            seen.setdefault(office.code, office)
        return list(seen.values())
