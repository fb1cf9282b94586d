"""Table model of the supervisor status board: a thin adapter over `SupervisorView` DTOs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from workstation.domain.roles import SupervisorStatus
from workstation.services.field import LATE_FIX, SupervisorView

Index = QModelIndex | QPersistentModelIndex

# Custom roles, named once (Qt.UserRole + n).
SupervisorRole = Qt.ItemDataRole.UserRole + 1  # the SupervisorView of the row
UsernameRole = Qt.ItemDataRole.UserRole + 2
SortKeyRole = Qt.ItemDataRole.UserRole + 3
StatusRole = Qt.ItemDataRole.UserRole + 4  # SupervisorStatus value, e.g. "patrolling"
StreetRole = Qt.ItemDataRole.UserRole + 5  # 街道 code
AttentionRole = Qt.ItemDataRole.UserRole + 6  # bool: late or an overdue task

ON_DUTY = frozenset({SupervisorStatus.PATROLLING.value, SupervisorStatus.ON_TASK.value})
STATUS_COLOURS = {
    SupervisorStatus.PATROLLING.value: "#2e7d32",
    SupervisorStatus.ON_TASK.value: "#1565c0",
    SupervisorStatus.OFFLINE.value: "#757575",
    SupervisorStatus.RESTING.value: "#a16207",
}
ATTENTION_COLOUR = "#c62828"
ATTENTION_BACKGROUND = "#fde7e7"


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    # None: the model words it itself (translated status, ages relative to its clock).
    display: Callable[[SupervisorView], str] | None
    sort_key: Callable[[SupervisorView], Any]
    numeric: bool = False


def _count(value: int) -> str:
    # Zero stays blank so that the few non-zero figures stand out in a column of 30.
    return str(value) if value else ""


def fix_time_text(at: datetime | None, now: datetime | None) -> str:
    if at is None:
        return ""
    if now is not None and at.date() == now.date():
        return at.strftime("%H:%M:%S")
    return at.strftime("%m-%d %H:%M")


class SupervisorTableModel(QAbstractTableModel):
    """One row per supervisor, keyed by username; refreshed in place with `dataChanged`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SupervisorView] = []
        self._row_of: dict[str, int] = {}
        self._now: datetime | None = None  # when the rows were computed
        self._titles = [
            self.tr("编号"), self.tr("姓名"), self.tr("状态"), self.tr("所属街道"),
            self.tr("巡查网格数"), self.tr("最后定位"), self.tr("距今"),
            self.tr("今日上报"), self.tr("待核实"), self.tr("待核查"), self.tr("超时任务"),
        ]  # fmt: skip
        self._status_text = {
            SupervisorStatus.PATROLLING.value: self.tr("巡查中"),
            SupervisorStatus.ON_TASK.value: self.tr("核实/核查中"),
            SupervisorStatus.OFFLINE.value: self.tr("离线"),
            SupervisorStatus.RESTING.value: self.tr("休息"),
        }
        # Brushes, fonts and icons are built once: data() runs for every painted cell.
        self._status_brush = {k: QBrush(QColor(v)) for k, v in STATUS_COLOURS.items()}
        self._status_icon: dict[str, QIcon] = {}  # painted on first use (needs a QGuiApplication)
        self._alert = QBrush(QColor(ATTENTION_COLOUR))
        self._alert_background = QBrush(QColor(ATTENTION_BACKGROUND))
        self._flag: QIcon | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self.columns = COLUMNS
        self._column_of = {c.key: i for i, c in enumerate(self.columns)}

    # -- texts -------------------------------------------------------------------------

    def status_text(self, row: SupervisorView) -> str:
        return self._status_text.get(row.status, row.status_label)

    def age_text(self, row: SupervisorView) -> str:
        age = row.fix_age_seconds
        if age is None:
            return self.tr("无定位")
        if age < 60:  # also a fix "from the future" (a clock running ahead): just now
            return self.tr("刚刚")
        minutes = int(age // 60)
        if minutes < 60:
            return self.tr("%1 分钟前").replace("%1", str(minutes))
        if minutes < 24 * 60:
            return self.tr("%1 小时前").replace("%1", str(minutes // 60))
        return self.tr("%1 天前").replace("%1", str(minutes // (24 * 60)))

    def attention_reasons(self, row: SupervisorView) -> list[str]:
        reasons = []
        if row.late:
            if row.last_fix_at is None:
                reasons.append(self.tr("在岗但没有定位"))
            else:
                minutes = int(LATE_FIX.total_seconds() // 60)
                reasons.append(self.tr("超过 %1 分钟没有定位").replace("%1", str(minutes)))
        if row.overdue_tasks:
            reasons.append(self.tr("%1 件核实/核查任务超时").replace("%1", str(row.overdue_tasks)))
        return reasons

    def _text(self, row: SupervisorView, key: str) -> str:
        if key == "status":
            return self.status_text(row)
        if key == "fix_at":
            return fix_time_text(row.last_fix_at, self._now)
        return self.age_text(row)

    # -- Qt interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self.columns)):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        key = column.key
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row) if column.display is not None else self._text(row, key)
        if role == SortKeyRole:
            return column.sort_key(row)
        if role == SupervisorRole:
            return row
        if role == UsernameRole:
            return row.username
        if role == StatusRole:
            return row.status
        if role == StreetRole:
            return row.street_code
        if role == AttentionRole:
            return row.needs_attention
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row.needs_attention:
            return self._alert_background
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, key)
        if role == Qt.ItemDataRole.FontRole and (
            (key == "overdue" and row.overdue_tasks) or (key == "fix_age" and row.late)
        ):
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole:
            if key == "status":
                return self._icon_for(row.status)
            if key == "name" and row.needs_attention:
                if self._flag is None:
                    self._flag = _flag_icon(ATTENTION_COLOUR)
                return self._flag
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        return None

    def _icon_for(self, status: str) -> QIcon | None:
        icon = self._status_icon.get(status)
        if icon is None and status in STATUS_COLOURS:
            icon = self._status_icon[status] = _dot_icon(STATUS_COLOURS[status])
        return icon

    def _foreground(self, row: SupervisorView, key: str) -> QBrush | None:
        if key == "status":
            return self._status_brush.get(row.status)
        if (key == "fix_age" and row.late) or (key == "overdue" and row.overdue_tasks):
            return self._alert
        return None

    def _tooltip(self, row: SupervisorView, key: str) -> str | None:
        lines = [f"{row.code} {row.name}  {row.phone}".strip()]
        reasons = self.attention_reasons(row)
        if reasons:
            lines.append(self.tr("需关注：") + self.tr("；").join(reasons))
        if key in ("fix_at", "fix_age") and row.lon is not None and row.lat is not None:
            lines.append(self.tr("位置：%1, %2").replace("%1", f"{row.lon:.5f}")
                         .replace("%2", f"{row.lat:.5f}"))  # fmt: skip
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._titles):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._titles[section]
            if role == Qt.ItemDataRole.ToolTipRole and self.columns[section].key == "fix_age":
                return self.tr("距最后一次定位的时间；在岗超过 15 分钟无定位标红")
        return None

    # -- updates -----------------------------------------------------------------------

    def set_rows(self, rows: Iterable[SupervisorView], now: datetime | None = None) -> None:
        """Bring the table to `rows`: changed rows in place, new ones inserted, gone ones
        removed. Only the very first load resets the model, so selection and scroll stay."""
        rows = list(rows)
        self._now = now
        if not self._rows:
            if rows:
                self.beginResetModel()
                self._rows = rows
                self._reindex()
                self.endResetModel()
            return
        wanted = {r.username for r in rows}
        # Remove from the bottom up so that the row numbers still to remove stay valid.
        for i in range(len(self._rows) - 1, -1, -1):
            if self._rows[i].username not in wanted:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
        self._reindex()
        last = len(self.columns) - 1
        new = []
        for row in rows:
            at = self._row_of.get(row.username)
            if at is None:
                new.append(row)
            elif self._rows[at] != row:
                self._rows[at] = row
                self.dataChanged.emit(self.index(at, 0), self.index(at, last))
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new)
            self._reindex()
            self.endInsertRows()

    def _reindex(self) -> None:
        self._row_of = {r.username: i for i, r in enumerate(self._rows)}

    def rows(self) -> list[SupervisorView]:
        return list(self._rows)

    def row_of(self, username: str) -> int | None:
        return self._row_of.get(username)

    def supervisor(self, username: str) -> SupervisorView | None:
        i = self._row_of.get(username)
        return None if i is None else self._rows[i]

    def column_of(self, key: str) -> int:
        return self._column_of[key]


_STATUS_ORDER = {
    SupervisorStatus.ON_TASK.value: 0,
    SupervisorStatus.PATROLLING.value: 1,
    SupervisorStatus.RESTING.value: 2,
    SupervisorStatus.OFFLINE.value: 3,
}

# Module-level, free of references to a model: a model whose columns held lambdas over
# `self` would sit in a reference cycle and could be freed by the garbage collector on
# whichever thread happens to run it (a worker), deleting a QObject off its thread.
COLUMNS: tuple[Column, ...] = (
    Column("code", lambda r: r.code, lambda r: r.code),
    Column("name", lambda r: r.name, lambda r: r.name),
    Column("status", None, lambda r: (_STATUS_ORDER.get(r.status, 9), r.code)),
    Column("street", lambda r: r.street_name, lambda r: (r.street_code, r.code)),
    Column("cells", lambda r: str(r.patrol_cells), lambda r: r.patrol_cells, True),
    Column("fix_at", None, lambda r: r.last_fix_at.isoformat() if r.last_fix_at else ""),
    Column("fix_age", None, lambda r: _age_sort_key(r), True),
    Column("reports", lambda r: _count(r.reports_today), lambda r: r.reports_today, True),
    Column(
        "verifications",
        lambda r: _count(r.pending_verifications),
        lambda r: r.pending_verifications,
        True,
    ),  # fmt: skip
    Column("checks", lambda r: _count(r.pending_checks), lambda r: r.pending_checks, True),
    Column("overdue", lambda r: _count(r.overdue_tasks), lambda r: r.overdue_tasks, True),
)


def _age_sort_key(row: SupervisorView) -> float:
    # No fix at all sorts as the oldest.
    return float("inf") if row.fix_age_seconds is None else row.fix_age_seconds


def _dot_icon(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(2, 2, size - 4, size - 4)
    painter.end()
    return QIcon(pixmap)


def _flag_icon(colour: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(colour))
    painter.drawLine(3, 1, 3, size - 1)  # the pole
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRect(4, 1, size - 6, size // 2)  # the cloth
    painter.end()
    return QIcon(pixmap)


class SupervisorFilterProxy(QSortFilterProxyModel):
    """Sorts by each column's own key; filters by 街道, status and "needs attention"."""

    ANY_STATUS = ""
    ON_DUTY = "on_duty"  # 巡查中 or 核实/核查中

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._street = ""
        self._status = self.ANY_STATUS
        self._attention_only = False
        self.setSortRole(SortKeyRole)
        # Rows change in place on every refresh; re-sort and re-filter them as they do.
        self.setDynamicSortFilter(True)

    def set_street(self, street_code: str) -> None:
        if street_code != self._street:
            self.beginFilterChange()
            self._street = street_code
            self.endFilterChange()

    def set_status(self, status: str) -> None:
        if status != self._status:
            self.beginFilterChange()
            self._status = status
            self.endFilterChange()

    def set_attention_only(self, on: bool) -> None:
        if on != self._attention_only:
            self.beginFilterChange()
            self._attention_only = on
            self.endFilterChange()

    @property
    def filtering(self) -> bool:
        return bool(self._street or self._status or self._attention_only)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._street and index.data(StreetRole) != self._street:
            return False
        status = index.data(StatusRole)
        if self._status == self.ON_DUTY:
            if status not in ON_DUTY:
                return False
        elif self._status and status != self._status:
            return False
        return not (self._attention_only and not index.data(AttentionRole))

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        # Python-side comparison: sort keys are tuples and floats that QVariant cannot order.
        a, b = left.data(SortKeyRole), right.data(SortKeyRole)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
