"""The shift hand-over sheet (交接班): shift bounds from the shift times, and the sheet.

Shifts. The setting ``shift_times`` lists when each shift starts, every day (e.g.
``08:30, 17:30``: a day shift 08:30–17:30 and a night shift 17:30–08:30 the next
morning; ``00:00, 08:00, 16:00``: three shifts of eight hours; ``24:00`` means midnight).
The shift of an instant runs from the latest start at or before it to the next start:
`shift_at(now)` is the shift that is on now, i.e. the one that is ending and whose sheet
the outgoing leader writes. A start at the instant itself begins the new shift.

The sheet has two kinds of sections (rows built by the service, rules asked of their
homes: the case clock and the reminder rules say what is overdue, the supervisor board
who is late):
- the shift's flow, counted from the case events of the period: reports that came in (by
  source), cases filed, dispatched, closed and voided;
- the situation the incoming shift takes over, as of the moment the sheet was made:
  overdue and nearly overdue cases (≥ 80 % of their time), key cases (督办), units'
  requests waiting for a decision, supervisors with problems.
A stored sheet keeps that content as it was (`to_json` / `from_json`), with the outgoing
leader's notes and the incoming leader's acknowledgement.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from workstation.domain.errors import ValidationError

DEFAULT_SHIFT_TIMES = "08:30, 17:30"
SHIFT_TIMES_SETTING = "shift_times"
_TIME_RE = re.compile(r"^(\d{1,2})[:：](\d{2})$")
MAX_NOTES = 4000  # characters of the leader's free notes


def parse_shift_times(text: str) -> tuple[time, ...]:
    """The shift start times of "08:30, 17:30" (also "，", "、", ";"), sorted; "24:00" is
    midnight. At least one; no time twice."""
    normalised = unicodedata.normalize("NFKC", text or "")
    starts: list[time] = []
    for part in re.split(r"[,;、\s]+", normalised.strip()):
        if not part:
            continue
        match = _TIME_RE.match(part)
        hour, minute = (int(g) for g in match.groups()) if match else (-1, -1)
        if (hour, minute) == (24, 0):
            hour = 0
        if not (0 <= hour <= 23 and 0 <= minute <= 59):
            raise ValidationError(f"无法识别的交接班时刻：{part!r}（应为如 08:30, 17:30）")
        start = time(hour, minute)
        if start in starts:
            raise ValidationError(f"交接班时刻重复：{start:%H:%M}")
        starts.append(start)
    if not starts:
        raise ValidationError("交接班时刻不能为空（应为如 08:30, 17:30）")
    return tuple(sorted(starts))


def shift_at(now: datetime, starts: Sequence[time]) -> tuple[datetime, datetime]:
    """[start, end) of the shift on at ``now``: from the latest start at or before it to
    the next start (which may be the next day's first)."""
    if not starts:
        raise ValidationError("交接班时刻不能为空")
    ordered = sorted(starts)
    day = now.date()
    candidates = [datetime.combine(day + timedelta(days=d), t)
                  for d in (-1, 0, 1) for t in ordered]  # fmt: skip
    begin = max(c for c in candidates if c <= now)
    end = min(c for c in candidates if c > now)
    return begin, end


def check_period(start: datetime, end: datetime) -> None:
    if start.tzinfo is not None or end.tzinfo is not None:
        raise ValidationError("交接班时段必须是不带时区的北京时间")
    if end <= start:
        raise ValidationError(f"交接班时段的结束（{end:%Y-%m-%d %H:%M}）必须晚于开始"
                              f"（{start:%Y-%m-%d %H:%M}）")  # fmt: skip
    if end - start > timedelta(days=7):
        raise ValidationError("交接班时段不能超过 7 天")


# ---------------------------------------------------------------------------- the sheet


@dataclass(frozen=True, slots=True)
class Flow:
    """What the shift did, counted from the events of the period."""

    reported: int = 0  # 新上报 (came in)
    filed: int = 0  # 立案
    dispatched: int = 0  # 派遣
    closed: int = 0  # 结案
    voided: int = 0  # 作废
    by_source: Mapping[str, int] = field(default_factory=dict)  # reports per source code
    open_now: int = 0  # 在办 when the sheet was made

    def to_json(self) -> dict[str, Any]:
        return {"reported": self.reported, "filed": self.filed,
                "dispatched": self.dispatched, "closed": self.closed, "voided": self.voided,
                "by_source": dict(self.by_source), "open_now": self.open_now}  # fmt: skip

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Flow:
        return cls(int(data.get("reported", 0)), int(data.get("filed", 0)),
                   int(data.get("dispatched", 0)), int(data.get("closed", 0)),
                   int(data.get("voided", 0)),
                   {str(k): int(v) for k, v in dict(data.get("by_source", {})).items()},
                   int(data.get("open_now", 0)))  # fmt: skip


# (action, from_state, to_state) of one case event
EventFacts = tuple[str, str | None, str]


def tally(events: Iterable[EventFacts], sources_of_reports: Iterable[str],
          open_now: int) -> Flow:  # fmt: skip
    """The flow of a period from its events (each counted once: a case filed twice in the
    shift, after a return, counts twice) and the sources of the reports that came in."""
    filed = dispatched = closed = voided = 0
    for action, before, after in events:
        if action == "file":
            filed += 1
        elif action == "dispatch":
            dispatched += 1
        if after == "closed" and before != "closed":
            closed += 1
        elif after == "voided" and before != "voided":
            voided += 1
    sources = Counter(sources_of_reports)
    return Flow(sum(sources.values()), filed, dispatched, closed, voided,
                dict(sorted(sources.items())), open_now)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CaseLine:
    """A case in a section of the sheet, as it stood when the sheet was made."""

    case_id: int
    case_no: str
    title: str  # category · address
    state_label: str
    unit_name: str
    due: datetime | None  # the deadline concerned (timer sections), else the case's
    detail: str  # what about it, in words: "处置超期", "延期申请", "督办 2 次"…

    def to_json(self) -> dict[str, Any]:
        return {"case_id": self.case_id, "case_no": self.case_no, "title": self.title,
                "state_label": self.state_label, "unit_name": self.unit_name,
                "due": _iso(self.due), "detail": self.detail}  # fmt: skip

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CaseLine:
        return cls(int(data["case_id"]), str(data["case_no"]), str(data.get("title", "")),
                   str(data.get("state_label", "")), str(data.get("unit_name", "")),
                   _from_iso(data.get("due")), str(data.get("detail", "")))  # fmt: skip


@dataclass(frozen=True, slots=True)
class SupervisorLine:
    """A supervisor the board flags: no position for too long, or tasks overdue."""

    code: str
    name: str
    street_name: str
    status_label: str
    last_fix_at: datetime | None
    problem: str  # in words

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "street_name": self.street_name,
                "status_label": self.status_label, "last_fix_at": _iso(self.last_fix_at),
                "problem": self.problem}  # fmt: skip

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SupervisorLine:
        return cls(str(data["code"]), str(data.get("name", "")),
                   str(data.get("street_name", "")), str(data.get("status_label", "")),
                   _from_iso(data.get("last_fix_at")), str(data.get("problem", "")))  # fmt: skip


def supervisor_problem(late: bool, late_minutes: int | None, overdue_tasks: int) -> str:
    """The board's flags in words (the board decides who is late, this only says it)."""
    parts = []
    if late:
        parts.append("从未上报位置" if late_minutes is None
                     else f"{late_minutes} 分钟未上报位置")  # fmt: skip
    if overdue_tasks:
        parts.append(f"核实/核查超期 {overdue_tasks} 件")
    return "；".join(parts)


@dataclass(frozen=True, slots=True)
class HandoverSheet:
    """The generated content of a hand-over sheet (the notes are stored beside it)."""

    start: datetime
    end: datetime  # exclusive
    generated_at: datetime
    flow: Flow
    overdue: tuple[CaseLine, ...] = ()  # 超期
    due_soon: tuple[CaseLine, ...] = ()  # 即将超期 (≥ 80 % of the time used)
    key_cases: tuple[CaseLine, ...] = ()  # 督办 (escalated, open)
    requests: tuple[CaseLine, ...] = ()  # units' 延期/回退/挂账 requests waiting
    supervisors: tuple[SupervisorLine, ...] = ()  # 监督员异常

    def to_json(self) -> dict[str, Any]:
        """The stable JSON of a sheet (stored, and the CLI's --json): snake_case keys."""
        return {
            "start": _iso(self.start),
            "end": _iso(self.end),
            "generated_at": _iso(self.generated_at),
            "flow": self.flow.to_json(),
            "overdue": [c.to_json() for c in self.overdue],
            "due_soon": [c.to_json() for c in self.due_soon],
            "key_cases": [c.to_json() for c in self.key_cases],
            "requests": [c.to_json() for c in self.requests],
            "supervisors": [s.to_json() for s in self.supervisors],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> HandoverSheet:
        def lines(key: str) -> tuple[CaseLine, ...]:
            return tuple(CaseLine.from_json(c) for c in data.get(key, ()))

        start, end = _from_iso(data["start"]), _from_iso(data["end"])
        generated = _from_iso(data.get("generated_at"))
        assert start is not None
        assert end is not None
        return cls(
            start,
            end,
            generated or end,
            Flow.from_json(data.get("flow", {})),
            lines("overdue"),
            lines("due_soon"),
            lines("key_cases"),
            lines("requests"),
            tuple(SupervisorLine.from_json(s) for s in data.get("supervisors", ())),
        )


def shift_label(start: datetime, end: datetime) -> str:
    """ "2026-11-25 08:30 至 17:30", or with both dates when the shift spans midnight."""
    if end.date() == start.date() or (
        end.time() == time(0) and end.date() == start.date() + timedelta(days=1)
    ):
        until = "24:00" if end.time() == time(0) and end.date() != start.date() \
            else f"{end:%H:%M}"  # fmt: skip
        return f"{start:%Y-%m-%d %H:%M} 至 {until}"
    return f"{start:%Y-%m-%d %H:%M} 至 {end:%Y-%m-%d %H:%M}"


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")


def _from_iso(value: Any) -> datetime | None:
    return None if not value else datetime.fromisoformat(str(value))
