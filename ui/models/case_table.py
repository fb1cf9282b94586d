"""Table model of the case queue: a thin adapter over precomputed `QueueRow`s of case DTOs.

Why the rows are kept sorted here rather than in the proxy: QSortFilterProxyModel sorts
through `lessThan`, which calls Python `data()` twice per comparison (n log n calls on
20,000 rows, every time the filter lets rows back in). The model sorts its own list with
precomputed Python keys instead, inserts new rows at their sorted place and moves a row
whose key changed (`beginMoveRows`, so selection follows it); the proxy only filters.

Updates never reset the model except `reset_rows` (a reload): `upsert` emits dataChanged /
insert / move / remove, and the minute tick emits dataChanged on the countdown column only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ui.labels import limit_text, source_label, state_label
from ui.models.queue_rows import (
    LEVEL_OF,
    OPEN_STATES,
    Level,
    QueueRow,
    TimerKind,
    infer_verified,
)
from workstation.domain.calendar import WorkCalendar
from workstation.domain.clock import read_clock
from workstation.services.dto import CaseSummary

Index = QModelIndex | QPersistentModelIndex

# Custom roles, named once (Qt.UserRole + n).
CaseIdRole = Qt.ItemDataRole.UserRole + 1
SortKeyRole = Qt.ItemDataRole.UserRole + 2
CaseRole = Qt.ItemDataRole.UserRole + 3
TimerLevelRole = Qt.ItemDataRole.UserRole + 4  # int(Level) of the countdown
StagesRole = Qt.ItemDataRole.UserRole + 5  # int bit mask of queue_rows.Stage
UnseenRole = Qt.ItemDataRole.UserRole + 6  # bool: arrived after the load, not looked at
FilterKeyRole = Qt.ItemDataRole.UserRole + 7  # the lower-cased search key

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_ALIGN = Qt.ItemDataRole.TextAlignmentRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_USER = Qt.ItemDataRole.UserRole.value
# Where each drawing role's answer sits in a cell's `look`.
_LOOK_ROLES = {_DISPLAY: 0, _FONT: 1, _FOREGROUND: 2, _BACKGROUND: 3, _ALIGN: 4}
# (text, font, foreground, background, alignment); None: the view's default
Look = tuple[str, Any, Any, Any, Any]
_STATE_ORDER = {
    s: i for i, s in enumerate(
        ("reported", "verifying", "filed", "dispatched", "awaiting_check", "suspended",
         "closed", "voided"))
}  # fmt: skip
_LATEST = datetime.max


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str
    display: Callable[[QueueRow], str]
    sort_key: Callable[[QueueRow], Any]


def _dt(value: datetime | None) -> str:
    return value.strftime("%m-%d %H:%M") if value else ""


def _tr(text: str) -> str:
    # Module-level texts (column helpers run without a QObject at hand).
    return QCoreApplication.translate("CaseTableModel", text)


def _category(r: QueueRow) -> str:
    c = r.case
    if not c.category_name:
        return QCoreApplication.translate("CaseTableModel", "未分类")
    return f"{r.major_name}/{c.category_name}" if r.major_name else c.category_name


def _area(r: QueueRow) -> str:
    return "/".join(p for p in (r.case.street_name, r.case.community_name) if p)


_PENDING = {
    "return": QT_TRANSLATE_NOOP("CaseTableModel", "申请回退"),
    "extension": QT_TRANSLATE_NOOP("CaseTableModel", "申请延期"),
    "suspension": QT_TRANSLATE_NOOP("CaseTableModel", "申请挂账"),
}


def _state(r: QueueRow) -> str:
    c = r.case
    state = state_label(c.state)
    if c.pending_request:
        return f"{state}·{_tr(_PENDING.get(c.pending_request, c.pending_request))}"
    if c.state == "reported" and c.self_handled:
        marker = QCoreApplication.translate("CaseTableModel", "先行处置")
        return f"{state}·{marker}"
    if c.rework_count and c.state in OPEN_STATES:
        rework = QCoreApplication.translate("CaseTableModel", "返工%1")
        return f"{state}·{rework.replace('%1', str(c.rework_count))}"
    return state


def _description(r: QueueRow) -> str:
    return " ".join(p for p in (r.case.address, r.case.description) if p)


def _key(r: QueueRow) -> str:
    return QCoreApplication.translate("CaseTableModel", "督办") if r.case.is_key else ""


def _reminds(r: QueueRow) -> str:
    return str(r.case.remind_count) if r.case.remind_count else ""


def _timer_sort(r: QueueRow) -> tuple[int, datetime]:
    # Running clocks first by deadline; paused and clock-less rows after them.
    running = r.timer.kind in (TimerKind.STAGE, TimerKind.HANDLING)
    return (0 if running else 1, r.timer.deadline or _LATEST)


PRESENCE_MARK = "● "  # before the case number while another console is on the case


class CaseTableModel(QAbstractTableModel):
    # Titles are translated by the view's owner via `set_titles`; the defaults are Chinese.
    # The order a dispatcher reads in: what and where, its state and clock, then who;
    # the 15-digit grid code last, so the countdown is in sight without scrolling.
    COLUMNS: tuple[Column, ...] = (
        Column("case_no", "案件编号", lambda r: r.case.case_no, lambda r: r.case.case_no),
        Column(
            "reported_at",
            "上报时间",
            lambda r: _dt(r.case.reported_at),
            lambda r: r.case.reported_at,
        ),  # fmt: skip
        Column("source", "来源", lambda r: source_label(r.case.source),
               lambda r: r.case.source),
        Column("category", "类别", _category, lambda r: r.case.category_code or ""),
        Column("area", "街道/社区", _area, _area),
        Column(
            "description", "地址/描述", _description, lambda r: (r.case.address, r.case.description)
        ),  # fmt: skip
        Column("state", "状态", _state, lambda r: _STATE_ORDER.get(r.case.state, 99)),
        Column("timer", "剩余时限", lambda r: "", _timer_sort),
        Column("unit", "处置单位", lambda r: r.case.unit_name, lambda r: r.case.unit_name),
        Column("key", "督办", _key, lambda r: r.case.is_key),
        Column("reminds", "催办", _reminds, lambda r: r.case.remind_count),
        Column(
            "grid", "网格", lambda r: r.case.grid_code or "", lambda r: r.case.grid_code or ""
        ),  # fmt: skip
    )

    @classmethod
    def column(cls, key: str) -> int:
        """The position of a column by its key ("case_no", "timer", "state" …)."""
        return next(i for i, c in enumerate(cls.COLUMNS) if c.key == key)

    TIMER_COLUMN = next(i for i, c in enumerate(COLUMNS) if c.key == "timer")
    _CENTRED = frozenset(i for i, c in enumerate(COLUMNS) if c.key in ("key", "reminds"))

    def __init__(self, parent: Any = None, *, calendar: WorkCalendar | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._rows: list[QueueRow] = []
        self._row_of: dict[int, int] | None = {}  # case id → row; None: rebuild on use
        self._presence: dict[int, str] = {}  # case id → who else is on it (ui.presence)
        self._unseen: int | None = 0  # cached counts, None: recount on use
        self._closed: int | None = 0
        self._titles = [c.title for c in self.COLUMNS]
        self._calendar = calendar or WorkCalendar()
        self._major_names: dict[str, str] = {}
        self._clock = clock or datetime.now
        self._now = self._clock().replace(microsecond=0)
        self._day_start = datetime.combine(self._now.date(), datetime.min.time())
        self._tick = 0  # bumped every minute: countdown texts are recomputed lazily
        self._sort_column = 1
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._sort_fn = self._key_fn(self._sort_column)
        # Cached brushes and fonts: data() runs thousands of times per paint.
        self._urgent = QBrush(QColor("#c62828"))
        self._warning_bg = QBrush(QColor("#ffe082"))
        self._warning_fg = QBrush(QColor("#5d4037"))
        self._overdue_bg = QBrush(QColor("#d32f2f"))
        self._overdue_fg = QBrush(QColor("#ffffff"))
        self._paused_fg = QBrush(QColor("#757575"))
        self._unseen_bg = QBrush(QColor("#e3f2fd"))
        self._key_fg = QBrush(QColor("#ad1457"))
        self._bold = QFont()
        self._bold.setBold(True)
        self._centre = int(Qt.AlignmentFlag.AlignCenter)

    # -- configuration -------------------------------------------------------------------

    def set_reference(self, calendar: WorkCalendar, major_names: dict[str, str]) -> None:
        """The calendar the clocks are read with (from the loaded reference data)."""
        self._calendar, self._major_names = calendar, major_names

    @property
    def now(self) -> datetime:
        return self._now

    def set_clock(self, now: datetime) -> None:
        """The instant countdowns are computed for (a reload sets it; `tick` advances it)."""
        self._now = now.replace(microsecond=0)
        self._day_start = datetime.combine(self._now.date(), datetime.min.time())
        self._tick += 1

    @property
    def day_start(self) -> datetime:
        return self._day_start

    def make_row(self, case: CaseSummary, verified: bool = False) -> QueueRow:
        return QueueRow(case, verified, now=self._now, day_start=self._day_start,
                        major_names=self._major_names)  # fmt: skip

    # -- Qt interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        return self.data_at(index.row(), index.column(), role)  # invalid: row −1, None

    def data_at(self, row: int, column: int, role: int = _DISPLAY) -> Any:
        """`data()` by row and column (the filter proxy calls this directly)."""
        if not 0 <= row < len(self._rows) or not 0 <= column < len(self.COLUMNS):
            return None
        r = self._rows[row]
        look = _LOOK_ROLES.get(role)
        if look is not None:
            return self.look(r, column)[look]
        if role < _USER:
            return self._tooltip(r, column) if role == _TOOLTIP else None
        if role == CaseRole:
            return r.case
        if role == CaseIdRole:
            return r.case.id
        if role == SortKeyRole:
            return self._sort_value(self.COLUMNS[column].sort_key(r))
        if role == TimerLevelRole:
            return int(self._timer(r)[1])
        if role == StagesRole:
            return r.stages
        if role == UnseenRole:
            return r.unseen
        if role == FilterKeyRole:
            return r.key
        return None

    def look_at(self, row: int, column: int) -> Look:
        """How a cell is drawn: the queue's delegate asks this once per painted cell."""
        return self.look(self._rows[row], column)

    def look(self, r: QueueRow, column: int) -> Look:
        """(text, font, foreground, background, alignment) of a cell: the one place that
        decides how a row looks (`data()` hands out the parts, the delegate all at once).
        Hot path: plain compares, cached brushes, display strings built once per row."""
        if column == self.TIMER_COLUMN:
            text, level = self._timer(r)
            if level is Level.OVERDUE:
                fg, bg = self._overdue_fg, self._overdue_bg
            elif level is Level.WARNING:
                fg, bg = self._warning_fg, self._warning_bg
            else:
                fg = self._paused_fg if r.timer.kind is TimerKind.PAUSED else None
                bg = self._unseen_bg if r.unseen else None
        else:
            display = r.display
            if display is None:
                display = r.display = tuple(c.display(r) for c in self.COLUMNS)
            text = display[column]
            key = self.COLUMNS[column].key
            if key == "category" and r.case.priority == "urgent":
                fg = self._urgent
            elif key == "key" and r.case.is_key:
                fg = self._key_fg
            else:
                fg = None
            bg = self._unseen_bg if r.unseen else None
        if column == 0 and self._presence and r.case.id in self._presence:
            text = PRESENCE_MARK + text  # another console is on this case (tooltip: who)
        return (text, self._bold if r.unseen else None, fg, bg,
                self._centre if column in self._CENTRED else None)

    def set_presence(self, marks: dict[int, str]) -> None:
        """Who else is on which case (case id → one line per console); the case-number
        cells of the rows whose marks changed are repainted."""
        changed = set(marks) ^ set(self._presence) | {
            i for i in marks if self._presence.get(i) != marks[i]}  # fmt: skip
        self._presence = dict(marks)
        index = self._index()
        for case_id in changed:
            row = index.get(case_id)
            if row is not None:
                cell = self.index(row, 0)
                self.dataChanged.emit(cell, cell)

    def presence_of(self, case_id: int) -> str:
        return self._presence.get(case_id, "")

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = _DISPLAY) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY \
                and 0 <= section < len(self._titles):  # fmt: skip
            return self._titles[section]
        return None

    def roleNames(self) -> dict[int, bytes]:  # noqa: N802
        names = dict(super().roleNames())
        names.update({CaseIdRole: b"caseId", SortKeyRole: b"sortKey", CaseRole: b"case",
                      TimerLevelRole: b"timerLevel", StagesRole: b"stages",
                      UnseenRole: b"unseen", FilterKeyRole: b"filterKey"})  # fmt: skip
        return names

    @staticmethod
    def _sort_value(value: Any) -> Any:
        # QVariant has no tuple: hand out a string that sorts the same way.
        if isinstance(value, tuple):
            return "\x1f".join(str(v) for v in value)
        return value

    # -- countdown -----------------------------------------------------------------------

    def _timer(self, r: QueueRow) -> tuple[str, Level]:
        if r.timer_tick != self._tick:
            r.timer_text, r.timer_level = self._countdown(r)
            r.timer_tick = self._tick
        return r.timer_text, r.timer_level

    def _countdown(self, r: QueueRow) -> tuple[str, Level]:
        t, now = r.timer, self._now
        if t.kind is TimerKind.PAUSED:
            return self.tr("挂账暂停"), Level.NORMAL
        if t.kind is TimerKind.NONE or t.deadline is None:
            if r.case.state == "closed":
                late = r.case.deadline is not None and r.case.closed_at is not None \
                    and r.case.closed_at > r.case.deadline  # fmt: skip
                return (self.tr("超期结案") if late else self.tr("按期结案")), Level.NORMAL
            return "", Level.NORMAL
        reading = read_clock(r.case, self._calendar, now)  # the one clock: domain.clock
        if reading is None:
            return "", Level.NORMAL
        if reading.overdue:
            late = self._span(-reading.remaining_seconds, reading.working)
            return self.tr("超期 %1").replace("%1", late), Level.OVERDUE
        text = self.tr("剩 %1").replace("%1", self._span(reading.remaining_seconds,
                                                         reading.working))  # fmt: skip
        return text, LEVEL_OF[reading.level]

    def _span(self, seconds: float, working: bool) -> str:
        """Like 3时20分, 1天2时, <1分; in working time a 天 is one working day's office
        time (6.5 h by default), the same 天 the limit "3 工作日" is counted in."""
        minutes = int(seconds // 60)
        if minutes <= 0:
            return self.tr("<1分")
        day = int(self._calendar.seconds_per_workday // 60) if working else 1440
        days, rest = divmod(minutes, day)
        hours, mins = divmod(rest, 60)
        if days and hours:
            return self.tr("%1天%2时").replace("%1", str(days)).replace("%2", str(hours))
        if days:
            return self.tr("%1天").replace("%1", str(days))
        if hours and mins:
            return self.tr("%1时%2分").replace("%1", str(hours)).replace("%2", str(mins))
        if hours:
            return self.tr("%1时").replace("%1", str(hours))
        return self.tr("%1分").replace("%1", str(mins))

    def _tooltip(self, r: QueueRow, column: int) -> str | None:
        key = self.COLUMNS[column].key
        c = r.case
        if column == 0 and c.id in self._presence:
            return self._presence[c.id]
        if key == "description":
            return "\n".join(p for p in (c.address, c.description) if p) or None
        if key == "timer":
            t = r.timer
            if t.deadline is None or t.kind is TimerKind.NONE:
                return None
            what = {TimerKind.HANDLING: self.tr("处置时限"), TimerKind.STAGE: self.tr("本环节时限"),
                    TimerKind.PAUSED: self.tr("处置时限（挂账暂停）")}[t.kind]  # fmt: skip
            limit = f" {limit_text(t.limit)}" if t.limit else ""
            until = self.tr("截止 %1").replace("%1", f"{t.deadline:%Y-%m-%d %H:%M}")
            return self.tr("%1%2，%3").replace("%1", what).replace("%2", limit).replace("%3", until)
        if key == "state" and (c.pending_request or c.self_handled or c.rework_count):
            return _state(r)  # a state with its marker: often wider than the column
        if key == "category" and c.category_code:
            urgent = self.tr("（紧急）") if c.priority == "urgent" else ""
            return f"{c.category_code} {_category(r)}{urgent}"
        return None

    def tick(self, now: datetime) -> bool:
        """A minute passed: refresh the countdown column (dataChanged on it only).

        Returns True when a row changed stage (turned overdue, or today's closed cases
        became yesterday's and were dropped), so the owner re-filters and recounts.
        """
        self._now = now.replace(microsecond=0)
        day_start = datetime.combine(self._now.date(), datetime.min.time())
        changed = False
        if day_start != self._day_start:
            self._day_start = day_start
            gone = [r.case.id for r in self._rows
                    if r.case.state == "closed" and not self._belongs(r.case)]  # fmt: skip
            changed = self._remove_ids(gone) or changed
        for r in self._rows:
            if r.refresh_overdue(self._now, self._day_start):
                changed = True
        self._tick += 1
        if self._rows:
            column = self.TIMER_COLUMN
            self.dataChanged.emit(
                self.index(0, column), self.index(len(self._rows) - 1, column),
                [_DISPLAY, _BACKGROUND, _FOREGROUND, _TOOLTIP, TimerLevelRole],
            )  # fmt: skip
        return changed

    # -- updates -----------------------------------------------------------------------

    def set_titles(self, titles: Sequence[str]) -> None:
        self._titles = list(titles)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._titles) - 1)

    @property
    def rows(self) -> list[QueueRow]:
        """The row objects in model order (read-only use: the filter proxy scans them)."""
        return self._rows

    def reset_rows(self, rows: Iterable[CaseSummary]) -> None:
        """Replace everything (first load only; later changes come through `upsert`)."""
        self.reset_queue_rows([self.make_row(c) for c in rows])

    def reset_queue_rows(self, rows: list[QueueRow], *, sorted_already: bool = False) -> None:
        """Replace everything with prepared rows (built on the loading worker)."""
        if not sorted_already:
            self._sort_list(rows)
        self.beginResetModel()
        self._rows = rows
        self._tick += 1
        self._reindex()
        self.endResetModel()

    def upsert(self, cases: Iterable[CaseSummary], *, mark_new: bool = True) -> list[int]:
        """Apply changed or new cases without a reset: selection and scroll stay.

        A case that left the queue (voided, closed before today, merged) is removed; a newer
        version never gets overwritten by an older one (a reload and the feed may overlap).
        New rows are marked unseen when `mark_new`. Returns the ids that were inserted.
        """
        latest: dict[int, CaseSummary] = {}
        for case in cases:  # one entry per case, its newest version
            seen = latest.get(case.id)
            if seen is None or case.version >= seen.version:
                latest[case.id] = case
        removals: list[int] = []
        moves: list[QueueRow] = []
        inserts: list[QueueRow] = []
        last = len(self.COLUMNS) - 1
        row_of = self._index()
        for case in latest.values():
            at = row_of.get(case.id)
            old = self._rows[at] if at is not None else None
            if old is not None and case.version < old.case.version:
                continue
            if not self._belongs(case):
                if at is not None:
                    removals.append(case.id)
                continue
            row = self.make_row(case, infer_verified(case, old))
            if old is None or at is None:
                row.unseen = mark_new
                inserts.append(row)
                continue
            row.unseen = old.unseen
            self._unseen = self._closed = None
            if self._in_place(at, row):
                self._rows[at] = row
                self.dataChanged.emit(self.index(at, 0), self.index(at, last))
            else:
                moves.append(row)
        self._remove_ids(removals)
        for row in moves:
            self._move(row)
        self._insert(inserts)
        return [r.case.id for r in inserts]

    def remove_cases(self, case_ids: Iterable[int]) -> bool:
        """Remove these cases (no reset); True when one was loaded."""
        return self._remove_ids(list(case_ids))

    def mark_seen(self, case_ids: Iterable[int]) -> None:
        last = len(self.COLUMNS) - 1
        row_of = self._index()
        for case_id in case_ids:
            at = row_of.get(case_id)
            if at is not None and self._rows[at].unseen:
                self._rows[at].unseen = False
                self._unseen = None
                self.dataChanged.emit(self.index(at, 0), self.index(at, last),
                                      [_FONT, _BACKGROUND, UnseenRole])  # fmt: skip

    def unseen_count(self) -> int:
        if self._unseen is None:
            self._unseen = sum(1 for r in self._rows if r.unseen)
        return self._unseen

    def closed_count(self) -> int:
        """Loaded cases closed today (the rest are open)."""
        if self._closed is None:
            self._closed = sum(1 for r in self._rows if r.case.state == "closed")
        return self._closed

    def case_at(self, row: int) -> CaseSummary:
        return self._rows[row].case

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def row_of(self, case_id: int) -> int | None:
        return self._index().get(case_id)

    def _belongs(self, case: CaseSummary) -> bool:
        if case.state in OPEN_STATES:
            return True
        return case.state == "closed" and case.closed_at is not None \
            and case.closed_at >= self._day_start  # fmt: skip

    def _index(self) -> dict[int, int]:
        # Rebuilt on first use after a structural change (20,000 rows: ~2 ms), so a burst
        # of inserts or removals costs one rebuild, yet a slot that asks mid-burst (the
        # list is consistent at every end…Rows signal) still gets the right answer.
        if self._row_of is None:
            self._row_of = {r.case.id: i for i, r in enumerate(self._rows)}
        return self._row_of

    def _reindex(self) -> None:
        self._row_of = None
        self._unseen = self._closed = None

    def _remove_ids(self, case_ids: list[int]) -> bool:
        row_of = self._index()
        positions = sorted((row_of[i] for i in case_ids if i in row_of), reverse=True)
        if not positions:
            return False
        # Contiguous runs removed from the bottom up, so earlier positions stay valid.
        start = end = positions[0]
        for pos in [*positions[1:], -2]:
            if pos == start - 1:
                start = pos
                continue
            self.beginRemoveRows(QModelIndex(), start, end)
            del self._rows[start : end + 1]
            self._reindex()
            self.endRemoveRows()
            start = end = pos
        return True

    # -- sorting -------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self._sort_column, self._sort_order = column, order
        self._sort_fn = self._key_fn(column)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [(p, self._rows[p.row()]) for p in persistent if 0 <= p.row() < len(self._rows)]
        self._sort_list(self._rows)
        self._reindex()
        row_of = self._index()
        self.changePersistentIndexList(
            [p for p, _ in held],
            [self.index(row_of[r.case.id], p.column()) for p, r in held],
        )
        self.layoutChanged.emit()

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def set_sort(self, column: int, order: Qt.SortOrder) -> None:
        """Choose the order rows will be sorted in, without sorting (before a reload)."""
        if 0 <= column < len(self.COLUMNS):
            self._sort_column, self._sort_order = column, order
            self._sort_fn = self._key_fn(column)

    def sort_key_function(self) -> Callable[[QueueRow], tuple[Any, int]]:
        """The current column's key (pure Python: a loading worker may sort with it)."""
        return self._sort_fn

    def _key_fn(self, column: int) -> Callable[[QueueRow], tuple[Any, int]]:
        key = self.COLUMNS[column].sort_key
        return lambda r: (key(r), r.case.id)  # the id makes every key unique: stable order

    def _sort_list(self, rows: list[QueueRow]) -> None:
        rows.sort(key=self._sort_fn, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    def _position(self, row: QueueRow, rows: list[QueueRow]) -> int:
        """Where `row` goes in the sorted `rows` (binary search on the precomputed keys)."""
        key, fn = self._sort_fn(row), self._sort_fn
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        lo, hi = 0, len(rows)
        while lo < hi:
            mid = (lo + hi) // 2
            other = fn(rows[mid])
            if (other > key) if descending else (other < key):
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _in_place(self, at: int, row: QueueRow) -> bool:
        key, fn, rows = self._sort_fn(row), self._sort_fn, self._rows
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        before = fn(rows[at - 1]) if at > 0 else None
        after = fn(rows[at + 1]) if at + 1 < len(rows) else None
        if descending:
            return (before is None or before > key) and (after is None or key > after)
        return (before is None or before < key) and (after is None or key < after)

    def _move(self, row: QueueRow) -> None:
        source = self._index()[row.case.id]
        rest = self._rows[:source] + self._rows[source + 1 :]
        target = self._position(row, rest)  # index after the move
        destination = target + 1 if target >= source else target  # Qt counts before it
        last = len(self.COLUMNS) - 1
        if destination in (source, source + 1):
            self._rows[source] = row
            self.dataChanged.emit(self.index(source, 0), self.index(source, last))
            return
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), destination)
        rest.insert(target, row)
        self._rows = rest
        self._reindex()
        self.endMoveRows()
        self.dataChanged.emit(self.index(target, 0), self.index(target, last))

    def _insert(self, rows: list[QueueRow]) -> None:
        if not rows:
            return
        # Group the new rows by the place they go, then insert the groups from the bottom
        # up: one beginInsertRows per contiguous block (a burst of new reports is one).
        self._sort_list(rows)
        groups: dict[int, list[QueueRow]] = {}
        for row in rows:
            groups.setdefault(self._position(row, self._rows), []).append(row)
        for position in sorted(groups, reverse=True):
            block = groups[position]
            self.beginInsertRows(QModelIndex(), position, position + len(block) - 1)
            self._rows[position:position] = block
            self._reindex()
            self.endInsertRows()
