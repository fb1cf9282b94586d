"""Chenggong reference set-up: handling units, responsibility matrix, accounts, supervisors.

Used by the demo generator and by tests (on a small hand-made grid as well as the demo
grid). Deterministic for a given grid and seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from workstation.domain.grid import Grid
from workstation.domain.roles import Role
from workstation.domain.units import HandlingUnit, ResponsibilityRule, UnitKind
from workstation.persistence.tables import (
    AccountRow,
    PatrolCellRow,
    ResponsibilityRuleRow,
    SettingRow,
    SupervisorFixRow,
    SupervisorRow,
    SupervisorStateRow,
    UnitRow,
)
from workstation.services.auth import hash_password

DEMO_PASSWORD = "demo1234"

# code, name, kind, the unit types it owns (see resources/data/catalog-defaults.csv)
DISTRICT_UNITS: tuple[tuple[str, str, UnitKind, tuple[str, ...]], ...] = (
    ("CGJ", "呈贡区城市管理局", UnitKind.BUREAU, ("city_management",)),
    ("HWS", "呈贡区环境卫生管理站", UnitKind.BUREAU, ("sanitation",)),
    ("YLJ", "呈贡区园林绿化局", UnitKind.BUREAU, ("landscaping",)),
    ("ZJJ", "呈贡区住房和城乡建设局", UnitKind.BUREAU, ("housing",)),
    ("JTJ", "呈贡区交通运输局", UnitKind.BUREAU, ("transport",)),
    ("JJDD", "呈贡公安分局交通警察大队", UnitKind.BUREAU, ("traffic_police",)),
    ("GAFJ", "昆明市公安局呈贡分局", UnitKind.BUREAU, ("police",)),
    ("ZRZY", "呈贡区自然资源局", UnitKind.BUREAU, ("natural_resources",)),
    ("STHJ", "昆明市生态环境局呈贡分局", UnitKind.BUREAU, ("ecology",)),
    ("SWJ", "呈贡区水务局", UnitKind.BUREAU, ("water_affairs",)),
    ("YJJ", "呈贡区应急管理局", UnitKind.BUREAU, ("emergency", "civil_defense")),
    ("MZJ", "呈贡区民政局", UnitKind.BUREAU, ("civil_affairs",)),
    ("XFJY", "呈贡区消防救援大队", UnitKind.BUREAU, ("fire",)),
    ("GDJ", "云南电网呈贡供电局", UnitKind.UTILITY, ("power",)),
    ("LDS", "呈贡区路灯管理所", UnitKind.UTILITY, ("street_light",)),
    ("ZLS", "呈贡自来水公司", UnitKind.UTILITY, ("water_supply",)),
    ("PSGS", "呈贡排水有限公司", UnitKind.UTILITY, ("drainage",)),
    ("RQGS", "昆明燃气呈贡分公司", UnitKind.UTILITY, ("gas",)),
    ("DXGS", "中国电信呈贡分公司", UnitKind.UTILITY, ("telecom",)),
    ("GDWL", "云南广电网络呈贡分公司", UnitKind.UTILITY, ("cable_tv",)),
)


@dataclass(frozen=True, slots=True)
class SeedResult:
    units: int
    rules: int
    accounts: int
    supervisors: int


def street_office_code(street_code: str) -> str:
    return f"JD{street_code[-3:]}"


def build_units(grid: Grid) -> list[HandlingUnit]:
    units = [HandlingUnit(code, name, kind, types, None, f"0871-6{i:07d}")
             for i, (code, name, kind, types) in enumerate(DISTRICT_UNITS, start=1)]  # fmt: skip
    for i, street in enumerate(grid.streets, start=1):
        name = street.name if street.name.endswith("办事处") else f"{street.name}办事处"
        units.append(HandlingUnit(street_office_code(street.code), name, UnitKind.STREET_OFFICE,
                                  ("street_office",), street.code, f"0871-67{i:06d}"))  # fmt: skip
    return units


def build_rules(units: list[HandlingUnit], catalog_unit_types: dict[str, str],
                grid: Grid) -> list[ResponsibilityRule]:  # fmt: skip
    """One rule per category to the unit owning its type; street-office work stays local.

    Plus a few area-specific rules, as real matrices have: the sanitation of the three
    outer 街道 is contracted to their street offices.
    """
    owner = {t: u.code for u in units if u.kind is not UnitKind.STREET_OFFICE
             for t in u.unit_types}  # fmt: skip
    rules = [ResponsibilityRule(code, "", owner[unit_type], "按类别权属")
             for code, unit_type in sorted(catalog_unit_types.items())
             if unit_type in owner]  # fmt: skip
    outer = [s for s in grid.streets if s.name.startswith(("七甸", "马金铺", "大渔"))]
    for street in outer:
        for code, unit_type in sorted(catalog_unit_types.items()):
            if unit_type == "sanitation":
                rules.append(ResponsibilityRule(code, street.code,
                                                street_office_code(street.code),
                                                "环卫作业由街道承包"))  # fmt: skip
    return rules


SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"  # noqa: E501
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志宏斌波亮飞林云峰海燕晶晨琳雪梅鑫"  # noqa: E501


def person_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
    return rng.choice(SURNAMES) + given


def seed_reference(session: Session, grid: Grid, catalog_unit_types: dict[str, str],
                   seed: int = 1, supervisors: int = 30,
                   password: str = DEMO_PASSWORD) -> SeedResult:  # fmt: skip
    """Replace units, rules, accounts and supervisors (inside the caller's transaction)."""
    rng = random.Random(seed)
    units = build_units(grid)
    rules = build_rules(units, catalog_unit_types, grid)
    for table in (SupervisorFixRow, SupervisorStateRow, PatrolCellRow, SupervisorRow, AccountRow,
                  ResponsibilityRuleRow, UnitRow):  # fmt: skip
        session.execute(delete(table))
    session.execute(insert(UnitRow), [
        {"code": u.code, "name": u.name, "kind": u.kind.value, "unit_types": ",".join(u.unit_types),
         "street_code": u.street_code, "phone": u.phone} for u in units
    ])  # fmt: skip
    if rules:
        session.execute(insert(ResponsibilityRuleRow), [
            {"category": r.category, "area": r.area, "unit_code": r.unit_code, "note": r.note}
            for r in rules
        ])  # fmt: skip
    # Hashing is deliberately slow (scrypt); every demo account shares one password, so
    # hash it once.
    hashed = hash_password(password)
    accounts: list[tuple[str, str, Role, str | None]] = [
        ("admin", "系统管理员", Role.ADMIN, None),
        ("leader", f"值班长 {person_name(rng)}", Role.LEADER, None),
        ("acceptor", f"受理员 {person_name(rng)}", Role.ACCEPTOR, None),
        ("dispatcher", f"派遣员 {person_name(rng)}", Role.DISPATCHER, None),
    ]
    accounts += [(u.code.lower(), u.name, Role.UNIT, u.code) for u in units]
    supervisor_rows, patrol_rows = _supervisors(grid, rng, supervisors)
    accounts += [(s["username"], s["name"], Role.SUPERVISOR, None) for s in supervisor_rows]
    session.execute(insert(AccountRow), [
        {"username": u, "display_name": n, "role": r.value, "unit_code": unit,
         "password_hash": hashed, "active": True} for u, n, r, unit in accounts
    ])  # fmt: skip
    if supervisor_rows:
        session.execute(insert(SupervisorRow), supervisor_rows)
        session.execute(insert(PatrolCellRow), patrol_rows)
    session.merge(SettingRow(key="demo_password", value=password))
    return SeedResult(len(units), len(rules), len(accounts), len(supervisor_rows))


def _supervisors(grid: Grid, rng: random.Random,
                 count: int) -> tuple[list[dict[str, str]], list[dict[str, str]]]:  # fmt: skip
    """Share the communities among `count` supervisors, by cell count, street by street.

    Every cell gets exactly one patrolling supervisor; a supervisor's cells are whole
    communities next to each other in code order, so their patrol area is compact.
    """
    communities = [c for c in grid.communities if grid.cells_of_community(c.code)]
    if not communities or count <= 0:
        return [], []
    total = sum(len(grid.cells_of_community(c.code)) for c in communities)
    per = total / count
    groups: list[list[str]] = [[]]
    filled = 0
    for community in communities:
        if filled >= per * len(groups) and len(groups) < count:
            groups.append([])
        groups[-1].append(community.code)
        filled += len(grid.cells_of_community(community.code))
    supervisors, patrol = [], []
    for i, group in enumerate(groups, start=1):
        code = f"JDY{i:03d}"  # 监督员; street offices are JD001…
        supervisors.append({"code": code, "name": person_name(rng),
                            "phone": f"139{rng.randrange(10**8):08d}",
                            "street_code": group[0][:9], "username": code.lower()})  # fmt: skip
        for community_code in group:
            patrol += [{"supervisor_code": code, "cell_code": cell.code}
                       for cell in grid.cells_of_community(community_code)]  # fmt: skip
    return supervisors, patrol
