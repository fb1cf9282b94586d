"""Demo data: the Chenggong demo grid, units, accounts and a realistic case history (演示数据)."""

from __future__ import annotations

import json
import logging
import math
import operator
import os
import pickle
import queue
import random
import sqlite3
import subprocess
import sys
import threading
import time
import traceback
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sqlalchemy import Connection, delete, func, insert, select, text
from sqlalchemy.orm import Session

from workstation.adapters.seed import DEMO_PASSWORD, seed_reference
from workstation.domain.calendar import LimitUnit, OfficeHours, TimeLimit, WorkCalendar
from workstation.domain.case import Case, CaseContext, StageLimits, execute
from workstation.domain.catalog import Catalog, CategoryKind
from workstation.domain.errors import DomainError, ValidationError
from workstation.domain.holiday_rules import unconfirmed_year_message
from workstation.domain.lifecycle import Action, CaseState, Priority, Source
from workstation.domain.roles import Actor, Role
from workstation.domain.units import ResponsibilityMatrix
from workstation.persistence import append_only, search_index
from workstation.persistence.database import sqlite_synchronous, writer_engine
from workstation.persistence.repositories import (
    CASES,
    COUNTERS,
    EVENTS,
    ChangeFeed,
    case_to_row,
    event_to_row,
)
from workstation.persistence.tables import (
    AttachmentRow,
    SatisfactionSurveyRow,
    SettingRow,
    UnitRow,
)
from workstation.services import escalations

if TYPE_CHECKING:
    from workstation.bootstrap import Workstation
    from workstation.domain.grid import Grid

__all__ = ["DEFAULT_CASES_PER_DAY", "DemoOptions", "DemoStats", "ProgressFn", "build_demo"]

ProgressFn = Callable[[str, int, int], None]
T = TypeVar("T")
log = logging.getLogger("workstation.demo")

DEFAULT_CASES_PER_DAY = 300.0
MAX_CASES_PER_DAY = 99_999  # the case number has a 5-digit daily sequence
# Below this many cases one process is quicker than starting generator processes.
PARALLEL_THRESHOLD = 50_000

# ----------------------------------------------------------------------------- options


@dataclass(frozen=True, slots=True)
class DemoOptions:
    """What to generate. Same seed and same end → identical data."""

    days: int = 30
    seed: int = 1
    end: datetime | None = None  # the demo's "now"; default: the workstation clock
    cases_per_day: float = DEFAULT_CASES_PER_DAY
    replace: bool = False  # delete existing cases first instead of refusing
    workers: int | None = None  # generator processes; None: 1 for small runs, else ≤ 2

    def with_rate(self, cases_per_day: float) -> DemoOptions:
        return replace(self, cases_per_day=float(cases_per_day))


@dataclass(frozen=True, slots=True)
class DemoStats:
    """What a demo run produced; `describe()` is the summary the CLI prints."""

    cells: int
    communities: int
    streets: int
    units: int
    accounts: int
    supervisors: int
    cases: int
    events: int
    open_cases: int
    overdue_cases: int
    seconds: float
    by_state: tuple[tuple[str, int], ...] = ()  # (state, cases) in CaseState order
    by_action: tuple[tuple[str, int], ...] = ()  # (action, events) in Action order
    supervisor_names: tuple[str, ...] = field(default=())  # usernames, e.g. jdy001…

    def state_count(self, state: CaseState | str) -> int:
        return dict(self.by_state).get(CaseState(state).value, 0)

    def action_count(self, action: Action | str) -> int:
        return dict(self.by_action).get(Action(action).value, 0)

    def describe(self) -> str:
        rate = self.cases / self.seconds if self.seconds > 0 else 0.0
        states = "，".join(
            f"{CaseState(s).label} {n:,}" for s, n in self.by_state if n
        )  # fmt: skip
        loops = [
            ("返工", Action.CHECK_FAIL), ("回退", Action.APPROVE_RETURN),
            ("延期", Action.APPROVE_EXTENSION), ("挂账", Action.APPROVE_SUSPENSION),
            ("催办", Action.REMIND), ("督办", Action.ESCALATE), ("合并", Action.MERGE),
            ("先行处置", Action.APPROVE_SELF_HANDLED),
        ]  # fmt: skip
        side = "，".join(f"{label} {self.action_count(a):,}" for label, a in loops)
        sups = self.supervisor_names
        sup_text = f"{sups[0]}…{sups[-1]}" if len(sups) > 1 else (sups[0] if sups else "—")
        lines = [
            f"演示数据已生成（用时 {self.seconds:.1f} 秒，{rate:,.0f} 件/秒）",
            f"  单元网格 {self.cells:,} 个，{self.streets} 个街道，{self.communities} 个社区",
            f"  处置单位 {self.units} 个，账号 {self.accounts} 个，监督员 {self.supervisors} 名",
            f"  案件 {self.cases:,} 件（事件记录 {self.events:,} 条），"
            f"未结 {self.open_cases:,} 件，其中超期 {self.overdue_cases:,} 件",
        ]
        if states:
            lines.append(f"  按状态：{states}")
        if self.by_action:
            lines.append(f"  其中：{side}")
        lines += [
            f"  演示账号（密码均为 {DEMO_PASSWORD}）：",
            "    admin 管理员，leader 值班长，dispatcher 派遣员，acceptor 受理员",
            f"    监督员 {sup_text}；处置单位账号为单位代码小写（如 hws、cgj、jd001）",
        ]
        return "\n".join(lines)


# ----------------------------------------------------------------------------- realism
# Shares and delays below are tuned so that a month of demo data reads like a real
# centre's: ~75 % supervisor reports, most units 90–99 % on time with a few under the 95 %
# line (each unit has its own share of late handlings, `late_share`), ~96 % checks passed…

SUPERVISOR_SHARE = 0.75
WORKDAY_FACTOR, RESTDAY_FACTOR = 1.12, 0.72  # ≈ 1.0 averaged over a week
OTHER_SOURCES = (
    (Source.HOTLINE_12345, 0.60), (Source.HOTLINE_12319, 0.18),
    (Source.PLATFORM, 0.16), (Source.WALK_IN, 0.06),
)  # fmt: skip
P_SELF_HANDLED = 0.04  # of supervisor reports → ~3 % of all
P_SELF_HANDLED_REJECTED = 0.05
P_DUPLICATE = 0.10  # of non-supervisor reports that repeat a recent supervisor report
P_NOT_CONFIRMED = 0.10  # verification finds nothing → voided
P_VOID_AT_FILING = 0.05
P_RECLASSIFY = 0.01
P_RETURN, P_RETURN_APPROVED = 0.03, 0.85
P_SUSPENSION, P_SUSPENSION_APPROVED, P_RESTORED = 0.01, 0.75, 0.7
P_EXTENSION, P_EXTENSION_APPROVED = 0.04, 0.85
# A unit's share of late handlings: 1 %–9 %, most near the low end (u² of a per-unit
# uniform draw), so that a few units fall under the 95 % line.
P_LATE_MIN, P_LATE_SPREAD = 0.01, 0.08
P_CHECK_FAIL, MAX_REWORK = 0.04, 2
P_ESCALATE = 0.012  # plus the long-overdue cases below
# 回访 of citizens' closed reports: most are called back within hours; some are not
# reached at first (tried again later), a few never; a late handling pleases fewer.
P_NO_REVISIT, P_NOT_REACHED, P_GIVE_UP = 0.06, 0.08, 0.3
SATISFACTION_ON_TIME = (("satisfied", 0.86), ("basically_satisfied", 0.12),
                        ("dissatisfied", 0.02))  # fmt: skip
SATISFACTION_LATE = (("satisfied", 0.62), ("basically_satisfied", 0.25), ("dissatisfied", 0.13))
DISSATISFIED = ("处置速度慢", "问题仍未彻底解决", "处置后现场未清理", "与市民沟通不够")
P_ESCALATE_LATE = 0.25

# Seconds of the day: the centre's shift leader and dispatchers work 08:00–21:30, the
# supervisors patrol 08:00–18:30; call-takers (acceptors) answer the hotline around the clock.
# Non-urgent work waits for the people who do the next step, so a demo ending at any hour
# has cases in every stage: a hotline ticket taken after 18:30 is sent for verification in
# the morning (the night team, see NIGHT_TEAM, only handles urgent matters), and a case the
# leader files after 18:30, when the units have gone home, is dispatched the next morning
# (the dispatch limit counts working time, so it is not late for that).
CENTRE_HOURS = (8 * 3600, 21 * 3600 + 1800)
PATROL_HOURS = (8 * 3600, 18 * 3600 + 1800)
DISPATCH_HOURS = PATROL_HOURS


def _half_hours(spans: Sequence[tuple[float, float, float]]) -> list[float]:
    """48 half-hour weights from (from hour, to hour, weight) spans, normalised to 1."""
    bins = [0.0] * 48
    for lo, hi, w in spans:
        for b in range(int(lo * 2), int(hi * 2)):
            bins[b] = w
    total = sum(bins)
    return [b / total for b in bins]


SUPERVISOR_PROFILE = _half_hours([
    (8, 9, 0.6), (9, 11.5, 1.0), (11.5, 12, 0.7), (12, 14, 0.35), (14, 14.5, 0.7),
    (14.5, 17.5, 1.0), (17.5, 18.5, 0.6),
])  # fmt: skip
HOTLINE_PROFILE = _half_hours([
    (0, 6, 0.08), (6, 8, 0.3), (8, 12, 1.0), (12, 14, 0.7), (14, 18, 1.0), (18, 21, 0.7),
    (21, 24, 0.3),
])  # fmt: skip
DAY_PROFILE = [
    SUPERVISOR_SHARE * s + (1 - SUPERVISOR_SHARE) * h
    for s, h in zip(SUPERVISOR_PROFILE, HOTLINE_PROFILE, strict=True)
]
SUPERVISOR_ODDS = [
    SUPERVISOR_SHARE * s / w if w else 0.0 for s, w in zip(SUPERVISOR_PROFILE, DAY_PROFILE,
                                                          strict=True)
]  # fmt: skip

# Relative frequency of each category (per cent of reports, roughly): 事件 dominate.
CATEGORY_WEIGHTS: dict[str, float] = {
    # 事件
    "E0102": 18, "E0201": 12, "E0504": 9, "E0505": 6, "E0507": 6, "E0506": 4, "E0306": 3,
    "E0501": 3, "E0103": 2, "E0304": 1.5, "E0305": 1, "E0302": 1, "E0503": 1, "E0510": 1,
    "E0106": 1, "E0104": 1, "E0204": 1, "E0202": 1, "E0603": 0.8, "E0203": 0.6,
    "E0108": 0.6, "E0703": 0.6, "E0602": 0.6, "E0111": 0.5, "E0307": 0.5, "E0701": 0.5,
    "E0107": 0.4, "E0601": 0.4, "E0301": 0.3, "E0508": 0.3, "E0509": 0.3, "E0109": 0.3,
    "E0303": 0.3, "E0205": 0.3, "E0502": 0.2, "E0101": 0.1, "E0105": 0.1,
    # 部件: mostly manhole covers, street lights, litter bins, railings, street trees
    "C0103": 1.1, "C0102": 0.9, "C0104": 0.8, "C0101": 0.6, "C0107": 0.5, "C0105": 0.4,
    "C0114": 0.3, "C0106": 0.2, "C0111": 0.2, "C0108": 0.1, "C0109": 0.1, "C0112": 0.1,
    "C0127": 0.1, "C0128": 0.1, "C0118": 2.0, "C0117": 0.3, "C0120": 0.3, "C0119": 0.2,
    "C0305": 2.0, "C0301": 0.4, "C0304": 0.2, "C0703": 0.4, "C0211": 1.5, "C0209": 0.4,
    "C0213": 0.3, "C0212": 0.2, "C0203": 0.3, "C0210": 0.1, "C0402": 1.5, "C0403": 0.6,
    "C0405": 0.5, "C0407": 0.3, "C0408": 0.3, "C0404": 0.2, "C0501": 0.2, "C0701": 0.3,
    "C0126": 0.2, "C0115": 0.2, "C0116": 0.1, "C0134": 0.1, "C0132": 0.1, "C0604": 0.1,
    "C0603": 0.1, "C0307": 0.2, "C0306": 0.1,
    # 突发事件 and other urgent ones: a few
    "E0401": 0.1, "E0402": 0.15, "E0403": 0.03, "E0404": 0.3, "E0702": 0.1, "C0135": 0.02,
    "C0601": 0.02,
}  # fmt: skip
OTHER_CATEGORY_WEIGHT = 0.02
# Citizens call about what bothers them (noise, dust, water, dark streets), seldom about ads.
HOTLINE_FACTORS: dict[str, float] = {
    "E0301": 25, "E0508": 20, "E0302": 4, "E0111": 5, "E0602": 3, "C0118": 2, "E0401": 3,
    "E0402": 3, "E0403": 3, "E0404": 3, "E0702": 3, "E0510": 3, "E0502": 2, "E0505": 1.5,
    "E0201": 0.2, "E0204": 0.5, "E0102": 0.8,
}  # fmt: skip
# What a supervisor fixes on the spot (先行处置): tears off ads, lines up bicycles, …
SELF_HANDLED_WEIGHTS = {"E0201": 5, "E0506": 2, "E0102": 2, "E0204": 1, "E0109": 1}

# Steps that come with a photo from the phone (the kind; REPORT and VERIFY: see _photo).
PHOTO_ACTIONS = {
    Action.REPORT: "before", Action.VERIFY: "before", Action.FEEDBACK: "after",
    Action.CHECK_PASS: "after", Action.CHECK_FAIL: "other",
}  # fmt: skip
PHOTO_WINDOW = timedelta(days=1)  # closed cases reported this close to the end get photos
PHOTO_VARIANTS = 8  # distinct generated pictures per kind (each stored per attachment)
# The supervisors' positions at the demo's end: the track of the last hours on duty.
TRACK_HOURS, TRACK_FIX_SECONDS, TRACK_WALK_SPEED = 2.0, 60, 1.3

ROADS = (
    "彩云北路", "彩云中路", "彩云南路", "春融西路", "春融东路", "锦绣大街", "聚贤街", "呈贡大道",
    "昆洛路", "洛龙路", "吴家营路", "雨花路", "乌龙路", "斗南路", "联大街", "龙街", "学府路",
    "石龙路", "洛羊路", "七甸街", "马金铺路", "大渔路", "环湖东路", "万青路", "祥和街", "致远路",
    "白龙路", "沁园路", "梁王路", "古城路",
)  # fmt: skip
SPOTS = (
    "与{r2}交叉口", "路口", "公交站旁", "小区门口", "人行道上", "{n}号附近", "商铺门前",
    "绿化带旁", "学校门口", "农贸市场旁",
)  # fmt: skip
DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "E0102": ("{p}有暴露垃圾堆积，影响市容", "{p}垃圾散落未及时清运", "{p}有生活垃圾随意倾倒"),
    "E0201": ("{p}电杆上张贴小广告", "{p}墙面有大量非法小广告", "{p}配电箱上张贴小广告"),
    "E0504": ("{p}商户店外摆摊经营，占用人行道", "{p}餐馆占道经营"),
    "E0505": ("{p}机动车乱停放，占用人行道", "{p}车辆停放堵塞消防通道"),
    "E0506": ("{p}共享单车乱停放，阻碍通行", "{p}电动车乱停放"),
    "E0507": ("{p}乱堆建筑材料", "{p}堆放杂物占用公共空间"),
    "E0306": ("{p}道路破损，路面坑洼", "{p}路面开裂下沉"),
    "E0501": ("{p}有无照游商摆卖水果", "{p}流动摊贩占道经营"),
    "E0304": ("{p}渣土车遗撒，路面污染",),
    "E0302": ("{p}工地未覆盖，扬尘严重",),
    "E0301": ("{p}工地夜间施工，噪音扰民",),
    "E0508": ("{p}商户高音喇叭招揽顾客，噪音扰民",),
    "E0510": ("{p}有露天烧烤，油烟扰民",),
    "E0111": ("{p}道路积水严重，影响通行",),
    "E0401": ("{p}路面塌陷，已设置临时警示",),
    "E0402": ("{p}自来水管破裂，大量漏水",),
    "E0403": ("{p}燃气管道破裂，有刺鼻气味",),
    "E0404": ("{p}下水道堵塞，污水外溢",),
    "E0702": ("{p}树木倒伏，影响通行",),
    "C0118": ("{p}路灯不亮", "{p}路灯灯杆倾斜", "{p}路灯白天长亮"),
    "C0305": ("{p}垃圾箱破损", "{p}垃圾箱满溢未清运"),
    "C0211": ("{p}交通护栏倾倒", "{p}交通护栏破损"),
    "C0402": ("{p}行道树枯死", "{p}行道树倾斜", "{p}行道树缺株"),
}  # fmt: skip
COVER_DESCRIPTIONS = ("{p}{name}破损，存在安全隐患", "{p}{name}缺失，存在安全隐患",
                      "{p}{name}移位、下沉")  # fmt: skip
COMPONENT_DESCRIPTIONS = ("{p}{name}损坏", "{p}{name}破损，需维修")
EVENT_DESCRIPTIONS = ("{p}发现{name}问题", "{p}存在{name}现象")
RESULTS_EVENT = ("已清理完毕", "已劝导整改", "已依法处置", "现场已整改到位", "已清除")
RESULTS_COMPONENT = ("已修复", "已更换", "已维修完毕", "已加固", "已恢复正常使用")
RESULTS_URGENT = ("已抢修完毕", "险情已排除")
VOID_REASONS = ("重复上报", "经核实不属实", "不属于受理范围", "信息不全，无法立案")
NOT_CONFIRMED = ("现场核实不属实", "现场未发现所述问题", "问题已自行消除")
RETURN_REASONS = ("非本单位职责范围", "权属不清，请重新派遣", "该设施已移交其他单位管理")
SUSPENSION_REASONS = ("需纳入年度维修计划", "涉及管线迁改，需多部门协调",
                      "雨季无法施工，待旱季处置")  # fmt: skip
EXTENSION_REASONS = ("需采购配件", "工程量较大", "需协调相关部门配合")
CHECK_FAILS = ("现场复查问题仍存在", "处置不彻底，仍有残留", "修复质量不合格")
ESCALATE_REASONS = ("群众反映强烈，列为督办件", "超期未处置，列入督办")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭"


# ----------------------------------------------------------------------------- rows
# Rows go to the driver as tuples in table-column order, converted exactly as SQLAlchemy's
# own bind processors would (tests compare against rows written through the repository).

CASE_COLUMNS = tuple(c.name for c in CASES.columns)
EVENT_COLUMNS = tuple(c.name for c in EVENTS.columns if c.name != "id")
_EXPECTED_EVENT_COLUMNS = (
    "case_id", "seq", "action", "actor", "role", "at", "from_state", "to_state", "payload",
    "note", "origin",
)  # fmt: skip
DEMO_ORIGIN = "demo"  # the workstation recorded with the generated events
assert EVENT_COLUMNS == _EXPECTED_EVENT_COLUMNS, "case_events changed: update _event_tuple"


def _kind_of(column: Any) -> str:
    name = type(column.type).__name__
    if name in ("DateTime", "DATETIME", "TIMESTAMP"):
        return "datetime"
    if name in ("Boolean", "BOOLEAN"):
        return "bool"
    if name in ("JSON", "JSONB"):
        return "json"
    return "plain"


CASE_KINDS = tuple(_kind_of(c) for c in CASES.columns)
_pick_case_columns = operator.itemgetter(*CASE_COLUMNS)
_ACTION_OF = operator.itemgetter(EVENT_COLUMNS.index("action"))
_DATETIME_AT = tuple(i for i, k in enumerate(CASE_KINDS) if k == "datetime")
_BOOL_AT = tuple(i for i, k in enumerate(CASE_KINDS) if k == "bool")
_JSON_AT = tuple(i for i, k in enumerate(CASE_KINDS) if k == "json")


def _json_encoder() -> Callable[[Any], str]:
    """json.dumps with its default settings (SQLAlchemy's JSON serializer), made faster.

    json.dumps builds a new C encoder for every call; a demo encodes ~7 million payloads,
    so one encoder is built once and reused. Output is identical (checked in the tests).
    """
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # pragma: no cover - CPython always has the C accelerator
        return json.dumps
    encode = make(None, json.JSONEncoder().default, json.encoder.encode_basestring_ascii,
                  None, ": ", ", ", False, False, True)  # fmt: skip

    def dumps(value: Any) -> str:
        return "".join(encode(value, 0))

    return dumps


_dumps = _json_encoder()


def _case_tuple(row: Mapping[str, Any], sqlite: bool) -> tuple[Any, ...]:
    out = list(_pick_case_columns(row))
    if sqlite:
        # SQLAlchemy's SQLite DATETIME storage format always has 6 fraction digits, and
        # SQLite stores booleans as 0/1.
        for i in _DATETIME_AT:
            value = out[i]
            if value is not None:
                out[i] = value.isoformat(" ", "microseconds")
        for i in _BOOL_AT:
            value = out[i]
            if value is not None:
                out[i] = int(value)
    for i in _JSON_AT:
        out[i] = _dumps(out[i])
    return tuple(out)


def _event_tuple_sqlite(r: Mapping[str, Any]) -> tuple[Any, ...]:
    return (r["case_id"], r["seq"], r["action"], r["actor"], r["role"],
            r["at"].isoformat(" ", "microseconds"), r["from_state"], r["to_state"],
            _dumps(r["payload"]), r["note"], DEMO_ORIGIN)  # fmt: skip


def _event_tuple_pg(r: Mapping[str, Any]) -> tuple[Any, ...]:
    return (r["case_id"], r["seq"], r["action"], r["actor"], r["role"], r["at"],
            r["from_state"], r["to_state"], _dumps(r["payload"]), r["note"],
            DEMO_ORIGIN)  # fmt: skip


# ----------------------------------------------------------------------------- plan


@dataclass(frozen=True, slots=True)
class _Day:
    index: int
    day: date
    lo: datetime  # reports in [lo, hi)
    hi: datetime
    count: int
    first_id: int


@dataclass(frozen=True)
class _World:
    """Everything the generator needs, picklable for the generator processes."""

    seed: int
    end: datetime
    dialect: str
    office_hours: OfficeHours
    overrides: dict[date, bool]
    confirmed_years: frozenset[int]
    stage_limits: StageLimits
    catalog: Catalog
    matrix: ResponsibilityMatrix
    actors: dict[str, Actor]
    supervisors: dict[str, tuple[str, ...]]  # username → patrol cells
    street_names: dict[str, str]
    community_names: dict[str, str]
    cell_count: int

    def calendar(self) -> WorkCalendar:
        return WorkCalendar(self.office_hours, self.overrides, self.confirmed_years)


def late_share(unit_code: str, seed: int) -> float:
    """The unit's share of late handlings (deterministic per unit and seed, in every
    generator process: crc32, not the salted built-in hash)."""
    u = (zlib.crc32(f"{seed}:{unit_code}".encode()) % 10_000) / 10_000
    return P_LATE_MIN + P_LATE_SPREAD * u * u


def _window_mass(day: date, lo: datetime, hi: datetime) -> float:
    """Share of a whole day's reports that fall in [lo, hi) of that day."""
    midnight = datetime.combine(day, clock_time())
    a = (lo - midnight).total_seconds()
    b = (hi - midnight).total_seconds()
    mass = 0.0
    for k, w in enumerate(DAY_PROFILE):
        overlap = min(b, (k + 1) * 1800.0) - max(a, k * 1800.0)
        if overlap > 0:
            mass += w * overlap / 1800.0
    return mass


def _plan(options: DemoOptions, end: datetime, calendar: WorkCalendar) -> list[_Day]:
    """Report counts per day: a pure function of seed and day, so any split agrees."""
    start = end - timedelta(days=options.days)
    days: list[_Day] = []
    day = start.date()
    next_id = 1
    while datetime.combine(day, clock_time()) < end:
        midnight = datetime.combine(day, clock_time())
        lo, hi = max(start, midnight), min(end, midnight + timedelta(days=1))
        if hi > lo:
            rng = random.Random(f"demo-count:{options.seed}:{day.isoformat()}")
            factor = WORKDAY_FACTOR if calendar.is_workday(day) else RESTDAY_FACTOR
            expected = options.cases_per_day * factor * _window_mass(day, lo, hi)
            count = round(rng.gauss(expected, math.sqrt(expected))) if expected > 0 else 0
            count = min(max(count, 0), MAX_CASES_PER_DAY)
            days.append(_Day(len(days), day, lo, hi, count, next_id))
            next_id += count
        day += timedelta(days=1)
    return days


# ----------------------------------------------------------------------------- generator


class _Stop(Exception):
    """The next step would happen after the demo's end: the case stays as it is."""


class _Report:
    __slots__ = ("case_id", "case_no", "at", "source", "actor", "reporter", "cell",
                 "category", "self_handled", "original", "merges", "merged")  # fmt: skip

    def __init__(self, case_id: int, case_no: str, at: datetime) -> None:
        self.case_id = case_id
        self.case_no = case_no
        self.at = at
        self.source = Source.SUPERVISOR
        self.actor: Actor | None = None
        self.reporter = ""
        self.cell = ""
        self.category = ""
        self.self_handled = False
        self.original: _Report | None = None  # this report repeats `original`
        self.merges: list[tuple[datetime, _Report]] = []  # (when, duplicate) to absorb
        self.merged = False  # the duplicate was merged into its original


Batch = tuple[int, list[tuple[Any, ...]], list[tuple[Any, ...]], dict[str, int], dict[str, int],
              int, list["_Photo"]]  # fmt: skip
"""(day index, case rows, event rows, cases by state, events by action, overdue cases,
photos to attach)"""

_Photo = tuple[int, str, int, str, str, datetime]
"""(case id, case number, event seq, kind, by whom, when): a photo taken at that step"""


class _Generator:
    """Plays every report of a day through the real domain transitions (decide + evolve)."""

    def __init__(self, world: _World, grid: Grid) -> None:
        if len(grid.cells) != world.cell_count:
            raise RuntimeError("演示网格与数据库中的网格不一致")
        self.world = world
        self.grid = grid
        self.end = world.end
        self.calendar = world.calendar()
        self.ctx = CaseContext(self.calendar, world.catalog.limit_of, world.stage_limits)
        self.sqlite = world.dialect == "sqlite"
        self.event_tuple = _event_tuple_sqlite if world.dialect == "sqlite" else _event_tuple_pg
        actors = world.actors
        self.leader = actors["leader"]
        self.dispatcher = actors["dispatcher"]
        self.acceptor = actors["acceptor"]
        self.unit_actor = {a.unit_code: a for a in actors.values()
                           if a.role is Role.UNIT and a.unit_code}  # fmt: skip
        self.sup_names = sorted(world.supervisors)
        self.sup_actor = [actors[u] for u in self.sup_names]
        self.patrol = [world.supervisors[u] for u in self.sup_names]
        self.checker = {cell: actors[u] for u, cells in world.supervisors.items()
                        for cell in cells}  # fmt: skip
        self.all_cells = [c.code for c in grid.cells]
        self.catalog = world.catalog
        codes = [c.code for c in world.catalog]
        self.cat_codes = codes
        base = [CATEGORY_WEIGHTS.get(c, OTHER_CATEGORY_WEIGHT) for c in codes]
        self.cum_sup = _cumulative(base)
        self.cum_hot = _cumulative(
            [w * HOTLINE_FACTORS.get(c, 1.0) for c, w in zip(codes, base, strict=True)]
        )
        fixable = [c for c in SELF_HANDLED_WEIGHTS if c in world.catalog]
        self.fixable = fixable or codes[:1]
        self.cum_fix = _cumulative([SELF_HANDLED_WEIGHTS.get(c, 1.0) for c in self.fixable])
        self.same_kind = {kind: [c.code for c in world.catalog if c.kind is kind]
                          for kind in CategoryKind}  # fmt: skip
        self.priority = {c.code: c.default_priority for c in world.catalog}
        self.names = {c.code: c.name for c in world.catalog}
        self.category_names = dict(self.names)
        self.category_names.update(dict(world.catalog.majors()))
        self.area_names = {**world.street_names, **world.community_names}
        # Rules name at most a 街道 in the seeded matrix: cache recommendations per street.
        self.area_len = max([len(r.area) for r in world.matrix.rules] + [9])
        self.recommend_cache: dict[tuple[str, str], tuple[str, str]] = {}
        self.alternative_cache: dict[tuple[str, str, str], str] = {}
        self.limits: dict[str, TimeLimit] = {}
        self.work_minutes: dict[int, TimeLimit] = {}
        self.addresses: dict[str, str] = {}
        self.photo_since = world.end - PHOTO_WINDOW
        self.photos_out: list[_Photo] = []
        self.case_photos: list[tuple[int, str, str, datetime]] = []  # (seq, kind, by, at)
        # per-case state
        self.rng = random.Random(0)
        self.case: Case | None = None
        self.t = world.end
        self.absorbs: list[tuple[datetime, _Report]] = []
        self.events_out: list[tuple[Any, ...]] = []

    # -- one day ------------------------------------------------------------------------

    def day(self, d: _Day) -> Batch:
        self.rng = rng = random.Random(f"demo:{self.world.seed}:{d.day.isoformat()}")
        reports = self._reports(d, rng)
        self.events_out = []
        self.photos_out = []
        cases_out: list[tuple[Any, ...]] = []
        states: Counter[str] = Counter()
        overdue = 0
        end = self.end
        for report in reports:
            case = self._simulate(report)
            row = case_to_row(case)
            # CaseRepository: version 1 on add, +1 per saved event.
            row["version"] = case.event_count
            cases_out.append(_case_tuple(row, self.sqlite))
            states[case.state.value] += 1
            if case.state is CaseState.DISPATCHED and case.deadline is not None \
                    and case.deadline < end:  # fmt: skip
                overdue += 1
        actions = Counter(map(_ACTION_OF, self.events_out))
        return (d.index, cases_out, self.events_out, dict(states), dict(actions), overdue,
                self.photos_out)  # fmt: skip

    def _reports(self, d: _Day, rng: random.Random) -> list[_Report]:
        if d.count == 0:
            return []
        midnight = datetime.combine(d.day, clock_time())
        a = (d.lo - midnight).total_seconds()
        b = (d.hi - midnight).total_seconds()
        weights = []
        spans = []
        for k, w in enumerate(DAY_PROFILE):
            lo, hi = max(a, k * 1800.0), min(b, (k + 1) * 1800.0)
            weights.append(w * (hi - lo) / 1800.0 if hi > lo else 0.0)
            spans.append((lo, hi))
        bins = rng.choices(range(48), weights=weights, k=d.count)
        seconds = []
        for k in bins:
            lo, hi = spans[k]
            seconds.append((int(lo + rng.random() * (hi - lo)), k))
        seconds.sort()
        prefix = d.day.strftime("%Y%m%d")
        reports = []
        recent: list[_Report] = []  # supervisor reports that a caller may repeat
        for i, (sec, k) in enumerate(seconds):
            r = _Report(d.first_id + i, f"{prefix}{i + 1:05d}",
                        midnight + timedelta(seconds=sec))  # fmt: skip
            if rng.random() < SUPERVISOR_ODDS[k]:
                s = rng.randrange(len(self.sup_actor))
                r.actor = self.sup_actor[s]
                r.reporter = r.actor.username
                cells = self.patrol[s]
                r.cell = cells[rng.randrange(len(cells))] if cells else \
                    self.all_cells[rng.randrange(len(self.all_cells))]  # fmt: skip
                if rng.random() < P_SELF_HANDLED:
                    r.self_handled = True
                    r.category = self._pick(self.fixable, self.cum_fix, rng)
                else:
                    r.category = self._pick(self.cat_codes, self.cum_sup, rng)
                    recent.append(r)
            else:
                r.source = _pick_source(rng)
                r.actor = self.acceptor
                r.reporter = _caller(r.source, rng)
                while recent and (r.at - recent[0].at).total_seconds() > 3 * 3600:
                    recent.pop(0)
                if recent and rng.random() < P_DUPLICATE:
                    original = recent[rng.randrange(len(recent))]
                    r.original = original
                    r.cell = original.cell
                    r.category = original.category
                    merge_at = r.at + timedelta(seconds=300 + rng.randrange(2100))
                    original.merges.append((merge_at, r))
                else:
                    r.cell = self.all_cells[rng.randrange(len(self.all_cells))]
                    r.category = self._pick(self.cat_codes, self.cum_hot, rng)
            reports.append(r)
        return reports

    @staticmethod
    def _pick(codes: list[str], cumulative: list[float], rng: random.Random) -> str:
        return rng.choices(codes, cum_weights=cumulative)[0]

    # -- one case -----------------------------------------------------------------------

    def _do(self, action: Action, actor: Actor, at: datetime,
            params: dict[str, Any] | None = None) -> None:  # fmt: skip
        if at > self.end:
            raise _Stop
        if self.absorbs and self.absorbs[0][0] <= at:
            self._absorb(at)
        self.case, event = execute(self.case, action, actor, at, self.ctx, params)
        self.events_out.append(self.event_tuple(event_to_row(event)))
        self.t = at
        if action in PHOTO_ACTIONS:
            self._photo(action, event.seq, actor, at, params or {})

    def _photo(self, action: Action, seq: int, actor: Actor, at: datetime,
               params: dict[str, Any]) -> None:  # fmt: skip
        """The photos a step comes with on the phone: the supervisor's report (and the
        after-photo of 先行处置), a confirmed verification, the unit's feedback, a check."""
        case = self._current()
        kind = PHOTO_ACTIONS[action]
        if action is Action.REPORT:
            if case.source is not Source.SUPERVISOR:
                return
            if case.self_handled:
                self.case_photos.append((seq, "before", actor.username, at))
                kind = "after"
        elif action is Action.VERIFY and not params.get("confirmed"):
            return
        self.case_photos.append((seq, kind, actor.username, at))

    def _absorb(self, until: datetime) -> None:
        # The original takes in its duplicates (合并) when the acceptor merges them.
        while self.absorbs and self.absorbs[0][0] <= until:
            at, dup = self.absorbs.pop(0)
            self.case, event = execute(
                self._current(),
                Action.ABSORB_DUPLICATE,
                self.acceptor,
                at,
                self.ctx,
                {"duplicate_id": dup.case_id, "duplicate_no": dup.case_no},
            )
            self.events_out.append(self.event_tuple(event_to_row(event)))
            dup.merged = True
            self.t = at

    def _simulate(self, r: _Report) -> Case:
        self.case = None
        self.case_photos = []
        self.absorbs = sorted(r.merges, key=lambda m: m[0]) if r.merges else []
        with suppress(_Stop):
            self._run(r)
        if self.absorbs:
            # Merges that come after the last step: possible while the case is still open.
            if self._current().state.is_open:
                self._absorb(self.end)
            self.absorbs = []
        case = self._current()
        # Photos only where someone will look (open cases and the last day's): a month of
        # them all would make the demo database hundreds of MB.
        if self.case_photos and (case.state.is_open or r.at >= self.photo_since):
            self.photos_out += [(case.id, case.case_no, seq, kind, by, at)
                                for seq, kind, by, at in self.case_photos]  # fmt: skip
        return case

    def _current(self) -> Case:
        if self.case is None:  # pragma: no cover - REPORT always comes first
            raise AssertionError("no case reported yet")
        return self.case

    def _run(self, r: _Report) -> None:
        rng = self.rng
        assert r.actor is not None
        lon, lat = self.grid.random_point_in_cell(r.cell, rng)
        urgent = self.priority[r.category] is Priority.URGENT
        self._do(Action.REPORT, r.actor, r.at, {
            "case_id": r.case_id, "case_no": r.case_no, "source": r.source.value,
            "description": self._description(r.category, rng), "address": self._address(r.cell),
            "lon": lon, "lat": lat, "grid_code": r.cell, "category_code": r.category,
            "priority": self.priority[r.category].value, "reporter": r.reporter,
            "self_handled": r.self_handled, "reported_at": r.at,
        })  # fmt: skip
        t = r.at
        if r.original is not None and r.merged:
            merge_at = next(m for m, dup in r.original.merges if dup is r)
            self._do(
                Action.MERGE,
                self.acceptor,
                merge_at,
                {"original_id": r.original.case_id, "original_no": r.original.case_no},
            )
            return
        if r.self_handled:
            t = self._centre(t, 20, urgent)
            if rng.random() >= P_SELF_HANDLED_REJECTED:
                self._do(Action.APPROVE_SELF_HANDLED, self.leader, t,
                         {"comment": "现场已处置，同意结案"})  # fmt: skip
                return
            self._do(Action.REJECT_SELF_HANDLED, self.leader, t,
                     {"comment": "处置后照片不清晰，按正常流程立案"})  # fmt: skip
        checker = self.checker.get(r.cell) or self.sup_actor[0]
        if r.source is not Source.SUPERVISOR:
            t = t + timedelta(seconds=120 + int(rng.expovariate(1 / 600)))
            if not urgent:
                t = self._patrol(t)
            self._do(
                Action.REQUEST_VERIFICATION, self.acceptor, t, {"supervisor": checker.username}
            )
            t = self._patrol(t + timedelta(seconds=600 + int(rng.expovariate(1 / 3600))))
            if rng.random() < P_NOT_CONFIRMED:
                self._do(
                    Action.VERIFY,
                    checker,
                    t,
                    {"confirmed": False, "reason": rng.choice(NOT_CONFIRMED)},
                )
                return
            self._do(Action.VERIFY, checker, t, {"confirmed": True})
        t = self._centre(t, 15, urgent)
        roll = rng.random()
        if roll < P_VOID_AT_FILING:
            self._do(Action.VOID, self.leader, t, {"reason": rng.choice(VOID_REASONS)})
            return
        file_params: dict[str, Any] = {}
        if roll < P_VOID_AT_FILING + P_RECLASSIFY:
            category = self._other_category(r.category, rng)
            self._do(Action.RECLASSIFY, self.leader, t, {"category_code": category})
            t = t + timedelta(seconds=60 + rng.randrange(240))
            file_params["priority"] = self.priority[category].value
            urgent = self.priority[category] is Priority.URGENT
        self._do(Action.FILE, self.leader, t, file_params)
        unit, reason = self._recommend(_given(self._current().category_code), r.cell)
        t = self._centre(t, 12, urgent)
        if not urgent:
            t = self._on_duty(t, DISPATCH_HOURS)
        self._do(Action.DISPATCH, self.dispatcher, t, {"unit_code": unit, "reason": reason})
        self._handle(r, checker, urgent, returned=False)

    def _handle(self, r: _Report, checker: Actor, urgent: bool, returned: bool) -> None:
        """From dispatch to close: requests, reminders, feedback, check and rework."""
        rng = self.rng
        case = self._current()
        unit = self.unit_actor[_given(case.unit_code)]
        start = self.t
        roll = rng.random()
        if roll < P_RETURN and not returned:
            t = self._unit_at(start, _given(case.deadline), 0.05 + 0.25 * rng.random())
            self._do(Action.REQUEST_RETURN, unit, t, {"reason": rng.choice(RETURN_REASONS)})
            t = self._centre(t, 40, urgent)
            if rng.random() < P_RETURN_APPROVED:
                self._do(Action.APPROVE_RETURN, self.leader, t, {"comment": "同意回退，改派"})
                category = _given(self._current().category_code)
                other = self._alternative(category, r.cell, unit.unit_code or "")
                t = self._centre(t, 15, urgent)
                self._do(
                    Action.DISPATCH,
                    self.dispatcher,
                    t,
                    {"unit_code": other, "reason": "回退后改派"},
                )
                self._handle(r, checker, urgent, returned=True)
                return
            self._do(Action.REJECT_RETURN, self.leader, t,
                     {"comment": "经核实属本单位职责，请继续处置"})  # fmt: skip
        elif roll < P_RETURN + P_SUSPENSION:
            t = self._unit_at(start, _given(case.deadline), 0.2 + 0.5 * rng.random())
            self._do(Action.REQUEST_SUSPENSION, unit, t, {"reason": rng.choice(SUSPENSION_REASONS)})
            t = self._centre(t, 120, urgent)
            if rng.random() < P_SUSPENSION_APPROVED:
                self._do(Action.APPROVE_SUSPENSION, self.leader, t, {"comment": "同意挂账"})
                if rng.random() >= P_RESTORED:
                    return  # 挂账 for good (engineering plan): stays open
                # Engineering or seasonal work: back in hand after a day to a few weeks.
                wait = timedelta(days=1, seconds=int(rng.expovariate(1 / (6 * 86400))))
                t = self._centre(t + wait, 60, urgent)
                self._do(Action.RESTORE, self.dispatcher, t)
            else:
                self._do(Action.REJECT_SUSPENSION, self.leader, t, {"comment": "请按期处置"})
        elif roll < P_RETURN + P_SUSPENSION + P_EXTENSION:
            t = self._unit_at(start, _given(case.deadline), 0.5 + 0.4 * rng.random())
            extra = "8 小时" if self._natural(case) else f"{1 + rng.randrange(3)} 工作日"
            self._do(
                Action.REQUEST_EXTENSION,
                unit,
                t,
                {"reason": rng.choice(EXTENSION_REASONS), "extra": extra},
            )
            t = self._centre(t, 60, urgent)
            if rng.random() < P_EXTENSION_APPROVED:
                self._do(Action.APPROVE_EXTENSION, self.leader, t, {"comment": "同意延期"})
            else:
                self._do(Action.REJECT_EXTENSION, self.leader, t, {"comment": "请按原期限处置"})
        deadline = _given(self._current().deadline)
        late = rng.random() < late_share(unit.unit_code or "", self.world.seed)
        if late:
            frac = 1.0 + rng.expovariate(2.0)
        else:  # a hump around half the time allowed (a triangle: cheaper than a beta)
            frac = 0.03 + 0.47 * (rng.random() + rng.random())
        # After a request was decided the unit works on from then: its share of the
        # (possibly extended) time left, not of the time since dispatch.
        start = self.t
        feedback = max(self._unit_at(start, deadline, frac), start + timedelta(minutes=5))
        self._side_actions(deadline, feedback, late, urgent)
        self._check_loop(r, unit, checker, feedback, urgent)

    def _side_actions(self, deadline: datetime, until: datetime, late: bool,
                      urgent: bool) -> None:  # fmt: skip
        """Reminders on overdue cases, escalation of some: all before the unit's feedback."""
        rng = self.rng
        steps: list[tuple[datetime, Action, dict[str, Any]]] = []
        if rng.random() < P_ESCALATE:
            at = self.t + (until - self.t) * rng.random()
            steps.append((at.replace(microsecond=0), Action.ESCALATE,
                          {"reason": ESCALATE_REASONS[0]}))  # fmt: skip
        elif late or until > deadline:
            at = self._centre(max(deadline, self.t), 90, urgent)
            for n in range(3):
                if at >= until:
                    break
                steps.append((at, Action.REMIND, {"message": "已超期，请尽快处置"}))
                if n == 1 and rng.random() < P_ESCALATE_LATE:
                    steps.append((at + timedelta(minutes=5), Action.ESCALATE,
                                  {"reason": ESCALATE_REASONS[1]}))  # fmt: skip
                at = self._centre(at + timedelta(days=1), 60, urgent)
        steps.sort(key=lambda s: s[0])
        for at, action, params in steps:
            if action is Action.ESCALATE and self._current().is_key:
                continue  # already 督办 (escalation is refused twice)
            if self.t <= at < until:
                self._do(action, self.dispatcher, at, params)

    def _check_loop(self, r: _Report, unit: Actor, checker: Actor, feedback: datetime,
                    urgent: bool) -> None:  # fmt: skip
        rng = self.rng
        results = RESULTS_URGENT if urgent else (
            RESULTS_COMPONENT if r.category.startswith("C") else RESULTS_EVENT)  # fmt: skip
        rework = 0
        while True:
            self._do(Action.FEEDBACK, unit, feedback, {"result": rng.choice(results)})
            t = self._centre(feedback, 20, urgent)
            self._do(Action.SEND_FOR_CHECK, self.dispatcher, t, {"supervisor": checker.username})
            t = self._patrol(t + timedelta(seconds=600 + int(rng.expovariate(1 / 3600))))
            if rework < MAX_REWORK and rng.random() < P_CHECK_FAIL:
                self._do(Action.CHECK_FAIL, checker, t, {"comment": rng.choice(CHECK_FAILS)})
                rework += 1
                case = self._current()
                deadline = _given(case.deadline)
                if t < deadline and rng.random() < 0.7:  # most reworks are done in time
                    feedback = self._unit_at(t, deadline, 0.2 + 0.7 * rng.random())
                elif self._natural(case):
                    feedback = t + timedelta(seconds=1800 + int(rng.expovariate(1 / 7200)))
                else:
                    hours = 1 + rng.expovariate(1 / 6)
                    feedback = self.calendar.deadline(
                        t, TimeLimit(round(hours, 2), LimitUnit.WORK_HOURS)
                    ).replace(microsecond=0)
                feedback = max(feedback, t + timedelta(minutes=5))
                self._side_actions(_given(case.deadline), feedback, False, urgent)
                continue
            self._do(Action.CHECK_PASS, checker, t)
            self._revisit(feedback > _given(self._current().deadline), t)
            return

    def _revisit(self, late: bool, closed: datetime) -> None:
        """The acceptor calls the citizen back (回访) about a closed report of theirs."""
        case = self._current()
        if not case.source.needs_verification:
            return  # a supervisor's own report: no citizen to call
        # Its own random stream: the day's other draws (and so the rest of the data set)
        # stay what they were before revisits were generated.
        rng = random.Random(case.id * 1_000_003 + self.world.seed)
        if rng.random() < P_NO_REVISIT:
            return
        t = closed + timedelta(seconds=1800 + int(rng.expovariate(1 / (5 * 3600))))
        if rng.random() < P_NOT_REACHED:
            self._do(Action.REVISIT, self.acceptor, t, {"result": "not_reached"})
            if rng.random() < P_GIVE_UP:
                return
            t += timedelta(seconds=3600 + int(rng.expovariate(1 / (8 * 3600))))
        table = SATISFACTION_LATE if late else SATISFACTION_ON_TIME
        answer = rng.choices([a for a, _ in table], weights=[w for _, w in table])[0]
        comment = rng.choice(DISSATISFIED) if answer == "dissatisfied" else ""
        self._do(Action.REVISIT, self.acceptor, t, {"result": answer, "comment": comment})

    # -- helpers ------------------------------------------------------------------------

    def _natural(self, case: Case) -> bool:
        text = case.handling_limit or ""
        limit = self.limits.get(text)
        if limit is None:
            limit = self.limits[text] = TimeLimit.parse(text)
        return not limit.unit.is_working_time

    def _unit_at(self, start: datetime, deadline: datetime, frac: float) -> datetime:
        """When a unit has used `frac` of the time between start and deadline."""
        if self._natural(self._current()):
            seconds = max((deadline - start).total_seconds(), 3600.0) * frac
            return start + timedelta(seconds=int(seconds) + 60)
        budget = max(self.calendar.working_seconds(start, deadline), 3600.0) * frac
        minutes = max(int(budget // 60), 2)
        limit = self.work_minutes.get(minutes)
        if limit is None:  # a few thousand distinct values: build each TimeLimit once
            limit = self.work_minutes[minutes] = TimeLimit(minutes / 60, LimitUnit.WORK_HOURS)
        return self.calendar.deadline(start, limit).replace(microsecond=0)

    def _centre(self, t: datetime, mean_minutes: float, urgent: bool) -> datetime:
        """The shift leader or a dispatcher acts: minutes later, on duty (always if urgent)."""
        t = t + timedelta(seconds=60 + int(self.rng.expovariate(1 / (mean_minutes * 60))))
        return t if urgent else self._on_duty(t, CENTRE_HOURS)

    def _patrol(self, t: datetime) -> datetime:
        return self._on_duty(t, PATROL_HOURS)

    def _on_duty(self, t: datetime, hours: tuple[int, int]) -> datetime:
        s = t.hour * 3600 + t.minute * 60 + t.second
        if hours[0] <= s < hours[1]:
            return t
        midnight = datetime(t.year, t.month, t.day)
        if s >= hours[1]:
            midnight += timedelta(days=1)
        return midnight + timedelta(seconds=hours[0] + self.rng.randrange(2400))

    def _description(self, code: str, rng: random.Random) -> str:
        road = ROADS[rng.randrange(len(ROADS))]
        spot = SPOTS[rng.randrange(len(SPOTS))]
        if "{" in spot:
            spot = spot.format(r2=ROADS[rng.randrange(len(ROADS))], n=1 + rng.randrange(300))
        templates = DESCRIPTIONS.get(code)
        name = self.names[code]
        if templates is None:
            if code.startswith("C") and name.endswith("井盖"):
                templates = COVER_DESCRIPTIONS
            elif code.startswith("C"):
                templates = COMPONENT_DESCRIPTIONS
            else:
                templates = EVENT_DESCRIPTIONS
        return templates[rng.randrange(len(templates))].format(p=road + spot, name=name)

    def _address(self, cell: str) -> str:
        address = self.addresses.get(cell)
        if address is None:
            street = self.world.street_names.get(cell[:9], "")
            community = self.world.community_names.get(cell[:12], "")
            address = self.addresses[cell] = f"{street}{community}附近 {int(cell[12:])}号网格"
        return address

    def _other_category(self, code: str, rng: random.Random) -> str:
        kind = self.catalog.get(code).kind
        choices = [c for c in self.same_kind[kind] if c != code] or [code]
        return choices[rng.randrange(len(choices))]

    def _recommend(self, category: str, cell: str) -> tuple[str, str]:
        key = (category, cell[: self.area_len])
        hit = self.recommend_cache.get(key)
        if hit is None:
            rec = self.world.matrix.recommend(category, cell, self.category_names,
                                              self.area_names)  # fmt: skip
            hit = self.recommend_cache[key] = (rec.unit_code, rec.reason)
        return hit

    def _alternative(self, category: str, cell: str, current: str) -> str:
        """The unit a returned case goes to next: another matching unit, else the 街道."""
        key = (category, cell[: self.area_len], current)
        hit = self.alternative_cache.get(key)
        if hit is None:
            units = [u.code for u in self.world.matrix.candidates(category, cell)
                     if u.code != current and u.code in self.unit_actor]  # fmt: skip
            fallback = [u for u in ("CGJ", *sorted(self.unit_actor)) if u != current]
            hit = self.alternative_cache[key] = (units or fallback)[0]
        return hit


def _given(value: T | None) -> T:
    """A field the lifecycle guarantees at this point (a dispatched case has a deadline)."""
    if value is None:  # pragma: no cover - would be a bug in the generator
        raise AssertionError("missing case field")
    return value


def _cumulative(weights: Sequence[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


_SOURCE_CUM = _cumulative([w for _, w in OTHER_SOURCES])


def _pick_source(rng: random.Random) -> Source:
    return rng.choices([s for s, _ in OTHER_SOURCES], cum_weights=_SOURCE_CUM)[0]


def _caller(source: Source, rng: random.Random) -> str:
    if source is Source.PLATFORM:
        return "上级平台转办"
    name = SURNAMES[rng.randrange(len(SURNAMES))] + ("先生" if rng.random() < 0.55 else "女士")
    if source is Source.WALK_IN:
        return f"{name}（来访）"
    return f"{name}（1{rng.randrange(30, 99)}****{rng.randrange(10000):04d}）"


# ----------------------------------------------------------------------------- workers


def _demo_grid(seed: int) -> Grid:
    """The demo grid for a seed: a second to build, so not worth keeping in memory."""
    from workstation.adapters.demo_grid import generate_demo_grid
    from workstation.adapters.grid_geojson import load_default_boundary

    return generate_demo_grid(load_default_boundary(), seed)


def worker_main() -> None:
    """Entry of a generator process: argv = [fd for batches, seed]; the job comes on stdin.

    Plain subprocesses rather than multiprocessing: nothing re-imports the caller's main
    module (an unguarded script would hang under spawn), and unlike fork nothing of the
    GUI's threads or open database connections is inherited.
    """
    out = os.fdopen(int(sys.argv[1]), "wb", buffering=1 << 20)
    try:
        # Deadlines that run into a year chinesecalendar does not know yet: the parent
        # warns about that once; a warning from every process would only be noise.
        logging.getLogger("workstation.calendar").setLevel(logging.ERROR)
        # The grid first: it needs only the seed, so it is built while the parent seeds
        # the reference data.
        grid = _demo_grid(int(sys.argv[2]))
        world, days = pickle.load(sys.stdin.buffer)
        generator = _Generator(world, grid)
        for d in days:
            _send(out, generator.day(d))
    except BaseException:  # report everything; the parent decides
        _send(out, ("error", traceback.format_exc()))
    finally:
        out.close()


def _send(out: Any, item: Any) -> None:
    # Length-prefixed, so that the parent's reader thread can take whole batches off the
    # pipe without unpickling them (it must not hold the GIL for that).
    blob = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(len(blob).to_bytes(8, "little"))
    out.write(blob)
    out.flush()


_WORKER_CODE = "from workstation.adapters.demo import worker_main; worker_main()"


class _Worker:
    """One generator subprocess and the pipe its batches come through."""

    def __init__(self, seed: int) -> None:
        read_fd, write_fd = os.pipe()
        env = dict(os.environ)
        # The child must import this very package, whether installed or run from a tree.
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", _WORKER_CODE, str(write_fd), str(seed)],
                stdin=subprocess.PIPE, pass_fds=(write_fd,), env=env,
            )  # fmt: skip
        finally:
            os.close(write_fd)
        self.pipe = os.fdopen(read_fd, "rb", buffering=1 << 20)
        self.feeder: threading.Thread | None = None
        # A batch is larger than a pipe's buffer: without a reader the child would stall
        # on every write until we get round to its day. The thread keeps it generating.
        self.inbox: queue.Queue[bytes | None] = queue.Queue(maxsize=32)
        self.closing = False
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        try:
            while not self.closing:
                head = self.pipe.read(8)
                if len(head) < 8:
                    break
                self.inbox.put(self.pipe.read(int.from_bytes(head, "little")))
        except (OSError, ValueError):  # the pipe was closed under us
            pass
        finally:
            self.inbox.put(None)

    def send(self, world: _World, days: list[_Day]) -> None:
        # A thread feeds the job so that a large one cannot block us against the child.
        job = pickle.dumps((world, days), protocol=pickle.HIGHEST_PROTOCOL)
        self.feeder = threading.Thread(target=self._feed, args=(job,), daemon=True)
        self.feeder.start()

    def _feed(self, job: bytes) -> None:
        stdin = self.proc.stdin
        if stdin is None:  # pragma: no cover - always a pipe
            return
        try:
            stdin.write(job)
            stdin.close()
        except OSError:  # the child died; next() reports it
            pass

    def next(self) -> Batch:
        blob = self.inbox.get()
        if blob is None:
            code = self.proc.wait()
            raise RuntimeError(f"演示数据生成进程意外退出（退出码 {code}）")
        item = pickle.loads(blob)
        if item[0] == "error":
            raise RuntimeError(f"演示数据生成进程出错：\n{item[1]}")
        return cast(Batch, item)

    def close(self) -> None:
        self.closing = True
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        while self.reader.is_alive():  # let it see the end of the pipe
            with suppress(queue.Empty):
                self.inbox.get(timeout=0.1)
        self.pipe.close()
        if self.proc.stdin is not None:
            with suppress(OSError):
                self.proc.stdin.close()
        if self.feeder is not None:
            self.feeder.join(timeout=5)


class _Pool:
    """The generator processes, started early so that their start-up overlaps ours.

    Days are dealt round-robin and read back in day order, so event ids come out the same
    however many processes ran (each day has its own random stream).
    """

    def __init__(self, workers: int, seed: int) -> None:
        self.workers: list[_Worker] = []
        try:
            for _ in range(workers):
                self.workers.append(_Worker(seed))
        except BaseException:
            self.close()
            raise

    def batches(self, world: _World, days: list[_Day]) -> Iterator[Batch]:
        n = len(self.workers)
        for k, worker in enumerate(self.workers):
            worker.send(world, days[k::n])
        for d in days:
            yield self.workers[d.index % n].next()

    def close(self) -> None:
        for worker in self.workers:
            worker.close()


def _local_batches(world: _World, grid: Grid, days: list[_Day]) -> Iterator[Batch]:
    generator = _Generator(world, grid)
    for d in days:
        yield generator.day(d)


# ----------------------------------------------------------------------------- writing


class _Sink:
    """Bulk writer inside one transaction; `commit()` or `rollback()` ends it."""

    def __init__(self, conn: Connection, large: bool = False) -> None:
        self.conn = conn
        self.large = large
        self.raw: Any = conn.connection.driver_connection
        self.prepare()
        self.trans = conn.begin()

    def prepare(self) -> None:
        """Connection settings for the load, made before the transaction begins."""

    def existing_cases(self) -> int:
        return int(self.conn.execute(select(func.count()).select_from(CASES)).scalar() or 0)

    def write(self, cases: list[tuple[Any, ...]], events: list[tuple[Any, ...]]) -> None:
        raise NotImplementedError

    def flush(self) -> None:
        return None

    def finish(self) -> None:
        return None

    def commit(self) -> None:
        started = time.perf_counter()
        self.flush()
        self.finish()
        self.trans.commit()
        committed = time.perf_counter()
        self.after_commit()
        log.debug("demo commit %.1f s, after commit %.1f s", committed - started,
                  time.perf_counter() - committed)  # fmt: skip

    def after_commit(self) -> None:
        return None

    def rollback(self) -> None:
        if self.trans.is_active:
            self.trans.rollback()

    def restore(self) -> None:
        """Undo prepare() before the connection goes back to the pool."""

    def close(self) -> None:
        try:
            if self.trans.is_active:
                self.trans.rollback()
            self.restore()
        finally:
            self.conn.close()


class _SqliteSink(_Sink):
    """executemany on the driver connection, inside one BEGIN IMMEDIATE transaction.

    A large load that finds the database to itself also leaves WAL for the rollback
    journal while it runs: in WAL every page is written twice (WAL, then checkpoint), and
    the final checkpoint of a million cases alone takes ~8 s; with a rollback journal new
    pages go straight into the file and the commit is instant. The price: a connection
    opened during the load waits for it (busy_timeout) instead of reading the old state,
    so small loads (the GUI's month of data) always stay in WAL.
    """

    left_wal = False

    def prepare(self) -> None:
        cur = self.raw.cursor()
        self.cursor = cur
        # A demo load can simply be run again: no fsync, and a big page cache for the
        # indexes. Connection-wide settings, reset in restore() before the connection goes
        # back to the pool.
        cur.execute("PRAGMA synchronous=OFF")
        cur.execute("PRAGMA cache_size=-262144")
        # Every row references cases written just before it; checking each costs ~15 %.
        cur.execute("PRAGMA foreign_keys=OFF")
        if self.large:
            # Only if nobody else has the file open: do not wait for them.
            cur.execute("PRAGMA busy_timeout=200")
            with suppress(sqlite3.OperationalError):
                self.left_wal = cur.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete"
            cur.execute("PRAGMA busy_timeout=30000")

    def __init__(self, conn: Connection, large: bool = False) -> None:
        super().__init__(conn, large)
        marks = ", ".join("?" * len(CASE_COLUMNS))
        self.case_sql = f"INSERT INTO cases ({', '.join(CASE_COLUMNS)}) VALUES ({marks})"
        marks = ", ".join("?" * len(EVENT_COLUMNS))
        self.event_sql = f"INSERT INTO case_events ({', '.join(EVENT_COLUMNS)}) VALUES ({marks})"

    def write(self, cases: list[tuple[Any, ...]], events: list[tuple[Any, ...]]) -> None:
        # Cases first: case_events.case_id references them (foreign_keys=ON).
        self.cursor.executemany(self.case_sql, cases)
        self.cursor.executemany(self.event_sql, events)

    def after_commit(self) -> None:
        if self.left_wal:
            return
        # The load went through the WAL; give its space back now rather than leave a WAL
        # as large as the database until the last connection closes. Best effort: a
        # reader elsewhere only makes this a no-op.
        self.cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def restore(self) -> None:
        if self.left_wal:
            # Back to WAL (database.py sets it on every new connection too, so a
            # connection that came in meanwhile and holds the file only delays this).
            with suppress(sqlite3.OperationalError):
                self.cursor.execute("PRAGMA journal_mode=WAL")
        # The values database.py sets on every new connection, and SQLite's default cache.
        self.cursor.execute(f"PRAGMA synchronous={sqlite_synchronous()}")
        self.cursor.execute("PRAGMA cache_size=-2000")
        self.cursor.execute("PRAGMA foreign_keys=ON")
        self.cursor.close()


TEXT_OID, JSON_OID, JSONB_OID = 25, 114, 3802  # PostgreSQL's built-in type oids


class _PostgresSink(_Sink):
    BUFFER_EVENTS = 40_000

    def __init__(self, conn: Connection, large: bool = False) -> None:
        super().__init__(conn, large)
        # Losing the last commit in a crash only means running the demo again.
        conn.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
        # One COPY of a large data set takes longer than a console's statement limit.
        conn.exec_driver_sql("SET LOCAL statement_timeout TO 0")
        self.cursor = self.raw.cursor()
        self.cases: list[tuple[Any, ...]] = []
        self.events: list[tuple[Any, ...]] = []
        # Binary COPY: half the client CPU of text and less parsing for the server. It
        # needs each column's type, taken from the table itself.
        self.copies = [self._copy("cases", CASE_COLUMNS), self._copy("case_events", EVENT_COLUMNS)]

    def _copy(self, table: str, columns: Sequence[str]) -> tuple[str, list[int]]:
        names = ", ".join(columns)
        self.cursor.execute(f"SELECT {names} FROM {table} LIMIT 0")
        types = [int(d.type_code) for d in self.cursor.description]
        if JSONB_OID in types:  # pragma: no cover - the schema uses json: keep text COPY
            return f"COPY {table} ({names}) FROM STDIN", []
        # json's binary form is its text: send our JSON text as text, so that psycopg does
        # not encode the (already encoded) string once more.
        types = [TEXT_OID if t == JSON_OID else t for t in types]
        return f"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", types

    def write(self, cases: list[tuple[Any, ...]], events: list[tuple[Any, ...]]) -> None:
        self.cases += cases
        self.events += events
        if len(self.events) >= self.BUFFER_EVENTS:
            self.flush()

    def flush(self) -> None:
        for (sql, types), rows in zip(self.copies, (self.cases, self.events), strict=True):
            if rows:
                with self.cursor.copy(sql) as copy:
                    if types:
                        copy.set_types(types)
                    for row in rows:
                        copy.write_row(row)
        self.cases = []
        self.events = []

    def finish(self) -> None:
        # Fresh statistics, so the planner knows the tables are no longer empty.
        self.conn.exec_driver_sql("ANALYZE cases")
        self.conn.exec_driver_sql("ANALYZE case_events")

    def restore(self) -> None:
        self.cursor.close()


def _sink(ws: Workstation, large: bool) -> _Sink:
    if large and ws.engine.dialect.name == "sqlite":
        # Close our own idle pooled connections, so that the file may be ours alone.
        ws.engine.dispose()
    conn = writer_engine(ws.engine).connect()
    try:
        if conn.dialect.name == "sqlite":
            return _SqliteSink(conn, large)
        if conn.dialect.name == "postgresql":
            return _PostgresSink(conn, large)
    except BaseException:
        conn.close()
        raise
    conn.close()
    raise ValidationError(f"演示数据不支持该数据库：{conn.dialect.name}")


def _delete_cases(session: Session) -> None:
    """Everything case-related; the change feed stays, followers track where they are.
    Only on a demo or training database: elsewhere the events are append-only."""
    session.execute(delete(AttachmentRow))
    search_index.remove_all(session)  # (outside the models: see search_index)
    session.execute(text("DELETE FROM escalations"))  # (the 督办 records: of the events)
    with append_only.lifted(session):
        session.execute(delete(EVENTS))
    session.execute(delete(CASES))
    session.execute(delete(COUNTERS).where(COUNTERS.c.name == "case_id"))
    session.execute(delete(COUNTERS).where(COUNTERS.c.name.like("case\\_no:%", escape="\\")))


def _count_cases(ws: Workstation) -> int:
    with ws.read_session() as session:
        return int(session.scalar(select(func.count()).select_from(CASES)) or 0)


def _refuse(existing: int) -> DomainError:
    return DomainError(
        f"数据库中已有 {existing:,} 件案件，不能再生成演示数据（会与现有案件混在一起）。"
        "请使用新的空数据库，或选择替换现有数据后重试。"
    )


# ----------------------------------------------------------------------------- entry


def build_demo(ws: Workstation, options: DemoOptions | None = None,
               progress: ProgressFn | None = None) -> DemoStats:  # fmt: skip
    """Fill the database with the demo grid, reference data and `options.days` of cases.

    Refuses (DomainError, nothing written) when the database already holds cases, unless
    `options.replace`. Cases are played through the domain's decide/evolve with the seeded
    accounts, so each replays from its events; they are written in bulk in one transaction.

    `progress(step, done, total)` is called from this thread for every generated day; it
    may raise (a GUI's cancel) to abort: the case transaction is rolled back and the
    generator processes are stopped. The grid and reference data, committed before the
    cases, stay; running the demo again simply replaces them.
    """
    options = options or DemoOptions()
    started = time.perf_counter()
    report: ProgressFn = progress or (lambda step, done, total: None)
    if options.days < 0:
        raise ValidationError("演示数据的天数不能为负数（0：只生成网格、单位和账号）")
    if not 0 < options.cases_per_day <= MAX_CASES_PER_DAY / 2:
        raise ValidationError(f"每天上报量应在 1 到 {MAX_CASES_PER_DAY // 2:,} 之间")
    end = (options.end or ws.clock()).replace(microsecond=0, tzinfo=None)

    report("准备数据库", 0, 1)
    ws.upgrade()
    existing = _count_cases(ws)
    if existing and not options.replace:
        raise _refuse(existing)
    before = ws.reference
    unit_types = {c.code: c.unit_type for c in before.catalog}
    # The plan needs only the working calendar, which the demo does not change.
    days = _plan(options, end, before.calendar)
    total = sum(d.count for d in days)
    workers = options.workers
    if workers is None:
        workers = 1 if total < PARALLEL_THRESHOLD else min(2, os.cpu_count() or 1)
    # Handling deadlines (suspensions, extensions) reach weeks past the end. In this
    # process the calendar warns about an unknown year itself; the generator processes
    # keep quiet, so say it once here.
    first_day = days[0].day if days else end.date()
    unconfirmed = before.calendar.unconfirmed_years(first_day, (end + timedelta(days=60)).date())
    if workers > 1:
        for year in sorted(unconfirmed):
            log.warning(unconfirmed_year_message(year))
    report("准备数据库", 1, 1)

    with ExitStack() as stack:
        pool = _Pool(workers, options.seed) if workers > 1 else None
        if pool is not None:
            stack.callback(pool.close)
        report("生成网格", 0, 1)
        grid = _demo_grid(options.seed)
        report("生成网格", 1, 1)

        report("写入参考数据", 0, 1)
        with ws.write_session() as session:
            if options.replace:
                _delete_cases(session)
            from workstation.adapters.grid_store import save_grid

            save_grid(session, grid)
            seeded = seed_reference(session, grid, unit_types, seed=options.seed)
            session.merge(SettingRow(key="demo", value="1"))
            session.merge(SettingRow(key="demo_seed", value=str(options.seed)))
            session.merge(SettingRow(key="demo_end", value=end.isoformat(timespec="seconds")))
        ws.invalidate_reference()
        ref = ws.reference
        report("写入参考数据", 1, 1)

        sink = _sink(ws, large=total >= PARALLEL_THRESHOLD)
        stack.callback(sink.close)
        world = _World(
            seed=options.seed, end=end, dialect=sink.conn.dialect.name,
            office_hours=ref.calendar.office_hours, overrides=dict(ref.calendar.overrides),
            confirmed_years=ref.calendar.confirmed_years, stage_limits=ref.stage_limits,
            catalog=ref.catalog, matrix=ref.matrix,
            actors={u: a.as_actor() for u, a in ref.accounts.items()},
            supervisors={u: s.patrol_cells for u, s in ref.supervisors.items()},
            street_names=ref.street_names, community_names=ref.community_names,
            cell_count=len(grid.cells),
        )  # fmt: skip
        states: Counter[str] = Counter()
        actions: Counter[str] = Counter()
        cases = events = overdue = 0
        try:
            existing = sink.existing_cases()  # again, inside the write transaction
            if existing:
                raise _refuse(existing)
            report("生成案件", 0, total)
            batches = pool.batches(world, days) if pool else _local_batches(world, grid, days)
            photos: list[_Photo] = []
            for _index, case_rows, event_rows, by_state, by_action, late, shots in batches:
                sink.write(case_rows, event_rows)
                photos += shots
                cases += len(case_rows)
                events += len(event_rows)
                states.update(by_state)
                actions.update(by_action)
                overdue += late
                report("生成案件", cases, total)
            report("写入数据库", 0, 1)
            sink.flush()
            _write_counters(sink.conn, days)
            report("写入照片和监督员位置", 0, 1)
            _write_photos(sink.conn, photos)
            _write_positions(sink.conn, ref, grid, end, options.seed)
            report("写入照片和监督员位置", 1, 1)
            report("建立检索索引", 0, 1)
            search_index.fill_missing(sink.conn)  # the cases were written in bulk, not one by one
            escalations.fill_missing(sink.conn)  # (the 督办 records, likewise)
            report("建立检索索引", 1, 1)
            _write_surveys(sink.conn, days, options.seed, end)
            # One row for the whole load (not one per event): followers reload everything.
            ChangeFeed(sink.conn).append("reference", "demo", "demo_loaded", "admin", ws.clock())
            sink.commit()
        except BaseException:
            sink.rollback()
            raise
    ws.invalidate_reference()
    report("写入数据库", 1, 1)
    open_cases = sum(n for s, n in states.items() if CaseState(s).is_open)
    return DemoStats(
        cells=len(grid.cells), communities=len(grid.communities), streets=len(grid.streets),
        units=seeded.units, accounts=seeded.accounts, supervisors=seeded.supervisors,
        cases=cases, events=events, open_cases=open_cases, overdue_cases=overdue,
        seconds=time.perf_counter() - started,
        by_state=tuple((s.value, states.get(s.value, 0)) for s in CaseState),
        by_action=tuple((a.value, actions[a.value]) for a in Action if actions.get(a.value)),
        supervisor_names=tuple(sorted(ref.supervisors)),
    )  # fmt: skip


def _write_photos(conn: Connection, photos: Sequence[_Photo]) -> None:
    """The generated photos of the steps that come with one (a few shared pictures)."""
    from workstation.adapters.images import placeholder_photo, thumbnail_png

    conn.execute(delete(AttachmentRow))
    pool: dict[tuple[str, int], tuple[bytes, bytes]] = {}
    rows: list[dict[str, Any]] = []
    for case_id, case_no, seq, kind, by, at in photos:
        variant = (case_id + seq) % PHOTO_VARIANTS
        pictures = pool.get((kind, variant))
        if pictures is None:
            data = placeholder_photo(f"demo {kind} {variant + 1}", seed=variant * 7 + len(kind),
                                     size=(400, 300))  # fmt: skip
            pictures = pool[(kind, variant)] = (data, thumbnail_png(data))
        rows.append({"case_id": case_id, "event_seq": seq, "kind": kind,
                     "filename": f"{case_no}-{seq}-{kind}.jpg", "mime": "image/jpeg",
                     "data": pictures[0], "thumbnail": pictures[1], "created_at": at,
                     "created_by": by})  # fmt: skip
        if len(rows) >= 2000:
            conn.execute(insert(AttachmentRow), rows)
            rows = []
    if rows:
        conn.execute(insert(AttachmentRow), rows)


def _write_positions(conn: Connection, ref: Any, grid: Grid, end: datetime, seed: int) -> None:
    """The supervisors' last positions at the demo's end (the status board and the map):
    who is on duty (domain.roster: the day shift, or the night team) walked their patrol
    grids for the last hours; the others rest since the end of their shift."""
    from workstation.domain.grid import CHENGGONG_PROJECTION as proj
    from workstation.domain.roles import SupervisorStatus
    from workstation.domain.roster import on_duty, shift_start
    from workstation.services.field import FIXES, STATES

    conn.execute(delete(FIXES))
    conn.execute(delete(STATES))
    supervisors = ref.supervisors
    out = set(on_duty(list(supervisors), end, PATROL_HOURS))
    started = shift_start(end, PATROL_HOURS)
    fixes: list[dict[str, Any]] = []
    states: list[dict[str, Any]] = []
    for username in sorted(supervisors):
        s = supervisors[username]
        cells = [c for c in s.patrol_cells if grid.has_cell(c)]
        if not cells:
            continue
        rng = random.Random(f"demo-field:{seed}:{username}")
        x, y = proj.to_metres(*grid.random_point_in_cell(cells[rng.randrange(len(cells))], rng))
        if username not in out:
            # Off duty only by night (domain.roster): home since the day shift ended.
            home = started
            lon, lat = proj.to_lonlat(x, y)
            fixes.append({"supervisor_code": s.code, "at": home, "lon": lon, "lat": lat})
            states.append({"supervisor_code": s.code, "status": SupervisorStatus.RESTING.value,
                           "status_since": home, "last_fix_at": home, "lon": lon, "lat": lat})
            continue
        t = max(started, end - timedelta(hours=TRACK_HOURS)) + timedelta(
            seconds=rng.randrange(TRACK_FIX_SECONDS))
        target = proj.to_metres(*grid.random_point_in_cell(cells[rng.randrange(len(cells))], rng))
        last = None
        while t <= end:
            lon, lat = proj.to_lonlat(x, y)
            fixes.append({"supervisor_code": s.code, "at": t, "lon": lon, "lat": lat})
            last = (t, lon, lat)
            step = TRACK_WALK_SPEED * TRACK_FIX_SECONDS * (0.5 + rng.random())
            dx, dy = target[0] - x, target[1] - y
            distance = math.hypot(dx, dy)
            if distance <= step:
                x, y = target
                target = proj.to_metres(
                    *grid.random_point_in_cell(cells[rng.randrange(len(cells))], rng))
            else:
                x, y = x + dx / distance * step, y + dy / distance * step
            t += timedelta(seconds=TRACK_FIX_SECONDS)
        if last is not None:
            states.append({"supervisor_code": s.code,
                           "status": SupervisorStatus.PATROLLING.value, "status_since": started,
                           "last_fix_at": last[0], "lon": last[1], "lat": last[2]})  # fmt: skip
    for start in range(0, len(fixes), 5000):
        conn.execute(insert(FIXES), fixes[start : start + 5000])
    if states:
        conn.execute(insert(STATES), states)


def _write_surveys(conn: Connection, days: Sequence[_Day], seed: int, end: datetime) -> None:
    """The shift leader's monthly satisfaction surveys of the units and the dispatch staff
    for the demo's last twelve months (the 绩效目标 page's unit and staff satisfaction)."""
    conn.execute(delete(SatisfactionSurveyRow))
    if not days:
        return
    months = sorted({f"{d.day:%Y-%m}" for d in days})[-12:]
    units = list(conn.execute(select(UnitRow.code).order_by(UnitRow.code)).scalars())
    rows = []
    for month in months:
        rng = random.Random(f"demo-survey:{seed}:{month}")
        for respondent, subject, asked in [*(("unit", u, rng.randint(3, 8)) for u in units),
                                           ("staff", "staff", rng.randint(18, 24))]:
            unhappy = sum(rng.random() < 0.03 for _ in range(asked))
            rows.append({"month": month, "respondent": respondent, "subject": subject,
                         "surveyed": asked, "satisfied": asked - unhappy,
                         "recorded_by": "leader", "recorded_at": end})  # fmt: skip
    conn.execute(insert(SatisfactionSurveyRow), rows)


def _write_counters(conn: Connection, days: Sequence[_Day]) -> None:
    """Where new cases continue: the last id and each day's last sequence number."""
    rows = [{"name": f"case_no:{d.day.strftime('%Y%m%d')}", "value": d.count}
            for d in days if d.count]  # fmt: skip
    last_id = max((d.first_id + d.count - 1 for d in days if d.count), default=0)
    conn.execute(delete(COUNTERS).where(COUNTERS.c.name == "case_id"))
    conn.execute(delete(COUNTERS).where(COUNTERS.c.name.like("case\\_no:%", escape="\\")))
    if last_id:
        rows.append({"name": "case_id", "value": last_id})
        conn.execute(insert(COUNTERS), rows)
