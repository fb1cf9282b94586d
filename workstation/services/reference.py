"""Reference data (catalog, units, matrix, calendar, accounts, areas) loaded from the database."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.orm import Session

from workstation.domain.calendar import OfficeHours, TimeLimit, WorkCalendar
from workstation.domain.case import CaseContext, StageLimits
from workstation.domain.catalog import (
    Catalog,
    Category,
    CategoryKind,
    read_catalog_csv,
    read_defaults_csv,
)
from workstation.domain.errors import NotFound
from workstation.domain.handover import DEFAULT_SHIFT_TIMES
from workstation.domain.lifecycle import Priority
from workstation.domain.roles import Account, Role, Supervisor
from workstation.domain.scores import DEFAULT_RULES
from workstation.domain.units import (
    HandlingUnit,
    ResponsibilityMatrix,
    ResponsibilityRule,
    UnitKind,
)
from workstation.persistence.tables import (
    AccountRow,
    CalendarOverrideRow,
    CalendarYearRow,
    CategoryRow,
    CommunityRow,
    GridCellRow,
    PatrolCellRow,
    ResponsibilityRuleRow,
    SettingRow,
    StreetRow,
    SupervisorRow,
    UnitRow,
)

if TYPE_CHECKING:
    from workstation.domain.gazetteer import Gazetteer, RoadIndex
    from workstation.domain.grid import Grid

DEFAULT_SETTINGS = {
    "office_hours": "09:00-12:00, 14:30-18:00",
    "stage_limit.verify": "2 工作时",
    "stage_limit.file": "1 工作时",
    "stage_limit.dispatch": "1 工作时",
    "stage_limit.check": "4 工作时",
    "stage_limit.urgent_handling": "4 自然小时",
    "stage_limit.urgent.verify": "2 工作时",
    "stage_limit.urgent.file": "1 工作时",
    "stage_limit.urgent.dispatch": "1 工作时",
    "stage_limit.urgent.check": "4 工作时",
    # weights, count bands and level bounds of the 综合评价 (domain.scores), as JSON
    "evaluation.rules": DEFAULT_RULES.to_json(),
    "demo": "0",
    # when each shift starts, every day (交接班: domain.handover)
    "shift_times": DEFAULT_SHIFT_TIMES,
}


@dataclass(frozen=True, slots=True)
class CellInfo:
    community_code: str
    street_code: str
    lon: float
    lat: float
    area_class: int = 1  # 一类 / 二类区域 (evaluation bands)


@dataclass
class Reference:
    """Everything an action needs besides the case; immutable once loaded (share freely)."""

    catalog: Catalog
    matrix: ResponsibilityMatrix
    calendar: WorkCalendar
    stage_limits: StageLimits
    accounts: dict[str, Account]
    supervisors: dict[str, Supervisor]
    street_names: dict[str, str]
    community_names: dict[str, str]
    cells: dict[str, CellInfo]
    settings: dict[str, str]
    _grid_loader: Callable[[], Grid] | None = field(default=None, repr=False)
    _grid: Grid | None = field(default=None, repr=False)
    _cell_supervisor: dict[str, Supervisor] | None = field(default=None, repr=False)
    _gazetteer: Gazetteer | None = field(default=None, repr=False)
    _roads: RoadIndex | None = field(default=None, repr=False)

    @property
    def context(self) -> CaseContext:
        return CaseContext(self.calendar, self.catalog.limit_of, self.stage_limits)

    @property
    def is_demo(self) -> bool:
        return self.settings.get("demo") == "1"

    def category_name(self, code: str | None) -> str:
        if not code or code not in self.catalog:
            return ""
        return self.catalog.get(code).name

    def unit_name(self, code: str | None) -> str:
        if not code:
            return ""
        unit = self.matrix.units.get(code)
        return unit.name if unit else code

    def account_name(self, username: str) -> str:
        account = self.accounts.get(username)
        return account.display_name if account else username

    def area_names(self) -> dict[str, str]:
        return {**self.street_names, **self.community_names}

    def supervisor_for_cell(self, cell_code: str | None) -> Supervisor | None:
        """The supervisor whose patrol grids include the cell (the default checker)."""
        if self._cell_supervisor is None:
            self._cell_supervisor = {
                cell: s for s in self.supervisors.values() for cell in s.patrol_cells
            }
        return self._cell_supervisor.get(cell_code or "")

    @property
    def grid(self) -> Grid:
        """The full grid with its point index, built on first use (a second or two)."""
        if self._grid is None:
            if self._grid_loader is None:
                raise NotFound("没有加载单元网格数据")
            self._grid = self._grid_loader()
        return self._grid

    # -- addresses (reverse geocoding: domain.gazetteer) -----------------------------------

    @property
    def roads(self) -> RoadIndex:
        """The named roads of the district's gazetteer (cheap: no grid needed)."""
        if self._roads is None:
            from workstation.domain.gazetteer import RoadIndex

            self._roads = RoadIndex()
        return self._roads

    @property
    def gazetteer(self) -> Gazetteer:
        """The reverse geocoder over the full grid (loads the grid on first use)."""
        if self._gazetteer is None:
            from workstation.domain.gazetteer import Gazetteer

            self._gazetteer = Gazetteer(self.grid, self.roads)
        return self._gazetteer

    def address_at(self, lon: float | None, lat: float | None,
                   grid_code: str | None = None) -> str:  # fmt: skip
        """The gazetteer's address of a point ("彩云北路 · 洛龙街道梅林社区"), "" outside the
        district or without coordinates. With the point's cell known, the 社区 comes from
        the reference data and only the road index is asked (no grid load)."""
        if lon is None or lat is None or not (math.isfinite(lon) and math.isfinite(lat)):
            return ""
        from workstation.domain.gazetteer import format_address

        cell = self.cells.get(grid_code or "")
        if cell is not None:
            area = self.street_names.get(cell.street_code, "") + self.community_names.get(
                cell.community_code, ""
            )
            road = self.roads.nearest(lon, lat)
            return format_address(road[0] if road else None, area)
        if self._grid is None and (self._grid_loader is None or not self.cells):
            return ""  # no grid in this database: nothing to geocode against
        return self.gazetteer.address(lon, lat)

    def display_address(self, address: str | None, lon: float | None, lat: float | None,
                        grid_code: str | None) -> str:  # fmt: skip
        """What a case's address shows: the stored one, else the gazetteer's for its point
        (cases registered before reports were geocoded). The one home of that rule."""
        if address:
            return address
        return self.address_at(lon, lat, grid_code)


# The settings that shape deadlines: office hours and the stage limits.
CALENDAR_SETTINGS = ("office_hours", "stage_limit.verify", "stage_limit.file",
                     "stage_limit.dispatch", "stage_limit.check",
                     "stage_limit.urgent.verify", "stage_limit.urgent.file",
                     "stage_limit.urgent.dispatch", "stage_limit.urgent.check",
                     "stage_limit.urgent_handling")  # fmt: skip


@dataclass(frozen=True)
class CalendarConfig:
    """The stored calendar: overrides with their notes, confirmed years, timing settings."""

    overrides: Mapping[date, bool]
    notes: Mapping[date, str]
    confirmed_years: frozenset[int]
    settings: Mapping[str, str]

    def calendar(self) -> WorkCalendar:
        return WorkCalendar(OfficeHours.parse(self.settings["office_hours"]), self.overrides,
                            self.confirmed_years)  # fmt: skip

    def stage_limits(self) -> StageLimits:
        s = self.settings
        return StageLimits(
            verify=TimeLimit.parse(s["stage_limit.verify"]),
            file=TimeLimit.parse(s["stage_limit.file"]),
            dispatch=TimeLimit.parse(s["stage_limit.dispatch"]),
            check=TimeLimit.parse(s["stage_limit.check"]),
            urgent_handling=TimeLimit.parse(s["stage_limit.urgent_handling"]),
            urgent_verify=TimeLimit.parse(s["stage_limit.urgent.verify"]),
            urgent_file=TimeLimit.parse(s["stage_limit.urgent.file"]),
            urgent_dispatch=TimeLimit.parse(s["stage_limit.urgent.dispatch"]),
            urgent_check=TimeLimit.parse(s["stage_limit.urgent.check"]),
        )


def load_calendar_config(db: Session | Connection) -> CalendarConfig:
    """Read the calendar as stored (also inside a write transaction, on its connection)."""
    settings = dict(DEFAULT_SETTINGS)
    stored = db.execute(select(SettingRow.key, SettingRow.value))
    settings.update({key: value for key, value in stored})
    overrides: dict[date, bool] = {}
    notes: dict[date, str] = {}
    for day, working, note in db.execute(
        select(CalendarOverrideRow.day, CalendarOverrideRow.is_workday, CalendarOverrideRow.note)
    ):
        overrides[day] = bool(working)
        if note:
            notes[day] = note
    years = frozenset(int(y) for y in db.execute(select(CalendarYearRow.year)).scalars())
    return CalendarConfig(overrides, notes, years, settings)


def load_reference(session: Session, grid_loader: Callable[[], Grid] | None = None) -> Reference:
    config = load_calendar_config(session)
    settings = dict(config.settings)
    calendar = config.calendar()
    stage = config.stage_limits()
    catalog = Catalog(
        Category(
            kind=CategoryKind(r.kind), major_code=r.major_code, major_name=r.major_name,
            minor_code=r.minor_code, name=r.name, limit=TimeLimit.parse(r.time_limit),
            default_priority=Priority(r.priority), unit_type=r.unit_type,
            filing_standard=r.filing_standard, closing_standard=r.closing_standard,
            extension=r.extension, safety_related=r.safety_related,
        )
        for r in session.scalars(select(CategoryRow).order_by(CategoryRow.position))
    )  # fmt: skip
    units = [
        HandlingUnit(r.code, r.name, UnitKind(r.kind),
                     tuple(t for t in r.unit_types.split(",") if t), r.street_code, r.phone)
        for r in session.scalars(select(UnitRow).order_by(UnitRow.code))
    ]  # fmt: skip
    rules = [
        ResponsibilityRule(r.category, r.area, r.unit_code, r.note)
        for r in session.scalars(select(ResponsibilityRuleRow))
    ]
    accounts = {
        r.username: Account(r.username, r.display_name, Role(r.role), r.unit_code, r.active)
        for r in session.scalars(select(AccountRow))
    }
    patrol: dict[str, list[str]] = {}
    for supervisor_code, cell_code in session.execute(
        select(PatrolCellRow.supervisor_code, PatrolCellRow.cell_code).order_by(
            PatrolCellRow.cell_code
        )
    ):
        patrol.setdefault(supervisor_code, []).append(cell_code)
    supervisors = {
        r.username: Supervisor(r.code, r.name, r.phone, r.street_code,
                               tuple(patrol.get(r.code, ())))
        for r in session.scalars(select(SupervisorRow).order_by(SupervisorRow.code))
    }  # fmt: skip
    cells = {
        code: CellInfo(community, street, lon, lat, int(area_class or 1))
        for code, community, street, lon, lat, area_class in session.execute(
            select(GridCellRow.code, GridCellRow.community_code, GridCellRow.street_code,
                   GridCellRow.lon, GridCellRow.lat, GridCellRow.area_class)
        )
    }  # fmt: skip
    return Reference(
        catalog=catalog,
        matrix=ResponsibilityMatrix(units, rules),
        calendar=calendar,
        stage_limits=stage,
        accounts=accounts,
        supervisors=supervisors,
        # (Result has .keys(), so dict(result) would treat it as a mapping: build explicitly.)
        street_names={c: n for c, n in session.execute(select(StreetRow.code, StreetRow.name))},
        community_names={
            c: n for c, n in session.execute(select(CommunityRow.code, CommunityRow.name))
        },
        cells=cells,
        settings=settings,
        _grid_loader=grid_loader,
    )


# ---------------------------------------------------------------------------- demo mode

DEMO_AUTOSTART = "demo_autostart"  # "0": the GUI's field simulation waits to be started


def demo_autostart(db: Session | Connection) -> bool:
    """Whether the GUI starts the field simulation by itself: on a demo database, unless
    someone paused it last time (the switch remembers; absent means on)."""
    values = dict(db.execute(
        select(SettingRow.key, SettingRow.value).where(SettingRow.key.in_(("demo", DEMO_AUTOSTART)))
    ).tuples().all())  # fmt: skip
    return values.get("demo") == "1" and values.get(DEMO_AUTOSTART, "1") != "0"


def set_demo_autostart(session: Session, on: bool) -> None:
    session.merge(SettingRow(key=DEMO_AUTOSTART, value="1" if on else "0"))


# ---------------------------------------------------------------------------- seeding


def default_catalog() -> list[Category]:
    """The reference catalog plus the local extension classes, defaults filled in."""
    data = resources.files("resources.data")
    defaults = read_defaults_csv(data.joinpath("catalog-defaults.csv").read_text("utf-8"))
    reference = read_catalog_csv(data.joinpath("catalog-reference.csv").read_text("utf-8"),
                                 defaults)  # fmt: skip
    extensions = read_catalog_csv(data.joinpath("catalog-extensions.csv").read_text("utf-8"),
                                  defaults)  # fmt: skip
    return reference + extensions


def replace_catalog(session: Session, categories: list[Category]) -> None:
    Catalog(categories)  # validates (no duplicate codes) before anything is deleted
    session.execute(delete(CategoryRow))
    session.execute(
        insert(CategoryRow),
        [
            dict(code=c.code, kind=c.kind.value, major_code=c.major_code,
                 major_name=c.major_name, minor_code=c.minor_code, name=c.name,
                 time_limit=str(c.limit), priority=c.default_priority.value,
                 unit_type=c.unit_type, filing_standard=c.filing_standard,
                 closing_standard=c.closing_standard, extension=c.extension,
                 safety_related=c.safety_related, position=i)
            for i, c in enumerate(categories)
        ],
    )  # fmt: skip


def seed_defaults(session: Session) -> bool:
    """Fill an empty database with the catalog and default settings. True if it did."""
    if session.scalar(select(CategoryRow.code).limit(1)) is not None:
        return False
    replace_catalog(session, default_catalog())
    existing = set(session.scalars(select(SettingRow.key)))
    session.execute(
        insert(SettingRow),
        [{"key": k, "value": v} for k, v in DEFAULT_SETTINGS.items() if k not in existing],
    )
    return True


def geometry_json(geometry: object) -> str:
    """GeoJSON text of a shapely geometry (kept here so persistence stays shapely-free)."""
    from shapely.geometry import mapping

    return json.dumps(mapping(geometry), separators=(",", ":"))
