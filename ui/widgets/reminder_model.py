"""List model of the reminder centre: attention items in Chinese, updated row by row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from workstation.services.attention import AttentionItem, Kind, Stage
from workstation.services.dto import CaseSummary
from workstation.services.reminder_acks import ACK, ReminderHold

Index = QModelIndex | QPersistentModelIndex

# Custom roles, named once.
ItemRole = Qt.ItemDataRole.UserRole + 1  # the AttentionItem
CaseIdRole = Qt.ItemDataRole.UserRole + 2
SeverityRole = Qt.ItemDataRole.UserRole + 3  # int (attention.Severity)
HeadingRole = Qt.ItemDataRole.UserRole + 4  # "案件编号  what happened"
WhenRole = Qt.ItemDataRole.UserRole + 5  # "超期 2 小时", "已用 86%", "5 分钟前"
SubtitleRole = Qt.ItemDataRole.UserRole + 6  # the case in a line, deadline, reminders
BadgeRole = Qt.ItemDataRole.UserRole + 7  # one character for the coloured badge
LabelRole = Qt.ItemDataRole.UserRole + 8  # what happened, alone
HoldRole = Qt.ItemDataRole.UserRole + 9  # "张三 10:42 已确认": who held it, when ("" if nobody)
HeldRole = Qt.ItemDataRole.UserRole + 10  # bool: hidden by a hold (listed by 显示已确认)


class ReminderTexts(QObject):
    """Every user-visible wording of attention items (one place, translated with tr)."""

    def kind_label(self, kind: Kind) -> str:
        """The name of a kind, for the filter box."""
        return {
            Kind.OVERDUE: self.tr("超期"),
            Kind.CHECK_OVERDUE: self.tr("核查超期"),
            Kind.URGENT_REPORT: self.tr("紧急上报"),
            Kind.YELLOW: self.tr("即将超期"),
            Kind.REQUEST: self.tr("待审批申请"),
            Kind.SELF_HANDLED: self.tr("先行处置待审批"),
        }[kind]

    def label(self, item: AttentionItem) -> str:
        """What happened to the case, e.g. 处置超期, 延期申请待审批."""
        kind, detail = item.kind, item.detail
        if kind is Kind.OVERDUE:
            return {
                Stage.HANDLING: self.tr("处置超期"),
                Stage.FILE: self.tr("立案超时"),
                Stage.DISPATCH: self.tr("派遣超时"),
                Stage.VERIFY: self.tr("核实超时"),
                Stage.CHECK: self.tr("核查超期"),
            }.get(Stage(detail), self.tr("超期"))
        if kind is Kind.YELLOW:
            return {
                Stage.HANDLING: self.tr("处置即将超期"),
                Stage.FILE: self.tr("立案即将超时"),
                Stage.DISPATCH: self.tr("派遣即将超时"),
                Stage.VERIFY: self.tr("核实即将超时"),
                Stage.CHECK: self.tr("核查即将超期"),
            }.get(Stage(detail), self.tr("即将超期"))
        if kind is Kind.REQUEST:
            return {
                "extension": self.tr("延期申请待审批"),
                "return": self.tr("回退申请待审批"),
                "suspension": self.tr("挂账申请待审批"),
            }.get(detail, self.tr("申请待审批"))
        return self.kind_label(kind)

    def badge(self, item: AttentionItem) -> str:
        if item.kind is Kind.REQUEST:
            return {"extension": self.tr("延"), "return": self.tr("退"),
                    "suspension": self.tr("挂")}.get(item.detail, self.tr("审"))  # fmt: skip
        return {
            Kind.OVERDUE: self.tr("超"),
            Kind.CHECK_OVERDUE: self.tr("核"),
            Kind.URGENT_REPORT: self.tr("急"),
            Kind.YELLOW: self.tr("警"),
            Kind.SELF_HANDLED: self.tr("先"),
        }[item.kind]

    def duration(self, seconds: float) -> str:
        minutes = int(seconds // 60)
        if minutes < 1:
            return self.tr("不到 1 分钟")
        if minutes < 60:
            return self.tr("%n 分钟", "", minutes)
        hours, minutes = divmod(minutes, 60)
        if hours < 24:
            if minutes == 0:
                return self.tr("%n 小时", "", hours)
            return self.tr("%1 小时 %2 分").replace("%1", str(hours)).replace("%2", str(minutes))
        days, hours = divmod(hours, 24)
        if hours == 0:
            return self.tr("%n 天", "", days)
        return self.tr("%1 天 %2 小时").replace("%1", str(days)).replace("%2", str(hours))

    def when(self, item: AttentionItem, now: datetime) -> str:
        """How long ago, in the terms that matter for the kind."""
        seconds = max(0.0, (now - item.since).total_seconds())
        if item.kind in (Kind.OVERDUE, Kind.CHECK_OVERDUE):
            return self.tr("超期 %1").replace("%1", self.duration(seconds))
        if item.kind is Kind.YELLOW and item.fraction is not None:
            return self.tr("已用 %1%").replace("%1", str(min(100, int(item.fraction * 100))))
        if seconds < 60:
            return self.tr("刚刚")
        return self.tr("%1前").replace("%1", self.duration(seconds))

    def subtitle(self, item: AttentionItem, case: CaseSummary | None) -> str:
        parts = [item.title or self.tr("（无描述）")]
        if item.due is not None:
            parts.append(self.tr("期限 %1").replace("%1", item.due.strftime("%m-%d %H:%M")))
        if case is not None and case.unit_name and item.detail == Stage.HANDLING:
            parts.append(case.unit_name)
        if case is not None and case.remind_count:
            parts.append(self.tr("已催办 %n 次", "", case.remind_count))
        return " · ".join(parts)

    def hold(self, hold: ReminderHold | None, item: AttentionItem, now: datetime) -> str:
        """Who acknowledged or snoozed the item and when; "" when no hold is about it."""
        if hold is None or not hold.same_item(item):
            return ""
        fmt = "%H:%M" if hold.at.date() == now.date() else "%m-%d %H:%M"
        who = f"{hold.actor_name or hold.actor} {hold.at.strftime(fmt)}"
        if hold.kind == ACK:
            if hold.stamp != item.stamp:
                return ""  # acknowledged before it changed: of no interest now
            return self.tr("%1 已确认").replace("%1", who)
        if hold.until is not None and now < hold.until:
            until = hold.until.strftime("%H:%M")
            return self.tr("%1 设为稍后提醒（%2 再提醒）").replace("%1", who).replace("%2", until)
        return self.tr("%1 设的稍后提醒已到时").replace("%1", who)

    def toast_meta(self, item: AttentionItem, case: CaseSummary | None, now: datetime) -> str:
        """The small line of a toast: how long, the deadline, the unit."""
        parts = [self.when(item, now)]
        if item.due is not None:
            parts.append(self.tr("期限 %1").replace("%1", item.due.strftime("%m-%d %H:%M")))
        if case is not None and case.unit_name and item.detail == Stage.HANDLING:
            parts.append(case.unit_name)
        return " · ".join(parts)


class ReminderListModel(QAbstractListModel):
    """A thin adapter over the visible attention items, sorted red first.

    `set_items` merges the new list into the old one with row removals and insertions, so
    the selection, the current row and the scroll position survive every re-evaluation.
    """

    def __init__(self, parent: QObject | None = None,
                 case_of: Callable[[int], CaseSummary | None] | None = None,
                 hold_of: Callable[[AttentionItem], ReminderHold | None] | None = None,
                 ) -> None:  # fmt: skip
        super().__init__(parent)
        self._items: list[AttentionItem] = []
        self._now = datetime.min
        self._case_of = case_of or (lambda _id: None)
        self._hold_of = hold_of or (lambda _item: None)
        self.texts = ReminderTexts(self)

    # -- Qt interface ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._items)):
            return None
        item = self._items[index.row()]
        t = self.texts
        if role == Qt.ItemDataRole.DisplayRole or role == HeadingRole:
            return f"{item.case_no}  {t.label(item)}"
        if role == ItemRole:
            return item
        if role == CaseIdRole:
            return item.case_id
        if role == SeverityRole:
            return int(item.severity)
        if role == LabelRole:
            return t.label(item)
        if role == WhenRole:
            return t.when(item, self._now)
        if role == SubtitleRole:
            return t.subtitle(item, self._case_of(item.case_id))
        if role == BadgeRole:
            return t.badge(item)
        if role == HoldRole:
            return t.hold(self._hold_of(item), item, self._now)
        if role == HeldRole:
            hold = self._hold_of(item)
            return hold is not None and hold.holds(item, self._now)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{item.case_no}  {t.label(item)}  {t.when(item, self._now)}",
                     t.subtitle(item, self._case_of(item.case_id))]  # fmt: skip
            held = t.hold(self._hold_of(item), item, self._now)
            return "\n".join([*lines, held] if held else lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            held = t.hold(self._hold_of(item), item, self._now)
            return " ".join(p for p in (item.case_no, t.label(item),
                                        t.when(item, self._now), held) if p)  # fmt: skip
        return None

    # -- access ------------------------------------------------------------------------

    def item_at(self, row: int) -> AttentionItem:
        return self._items[row]

    def items(self) -> list[AttentionItem]:
        return list(self._items)

    def row_of(self, key: tuple[str, int]) -> int | None:
        for row, item in enumerate(self._items):
            if item.key == key:
                return row
        return None

    # -- updates -----------------------------------------------------------------------

    def set_items(self, items: Sequence[AttentionItem], now: datetime) -> None:
        """Show these items (sorted by `rank`), changing only the rows that changed.

        Both lists are sorted by `rank`, a total order that includes the item's key, so
        one merge pass finds every removal and insertion: an old row whose rank is below
        the next new one is gone, a new item whose rank is below the next old row is new.
        """
        self._now = now
        rows, new = self._items, list(items)
        i = j = 0
        while j < len(new) or i < len(rows):
            if i < len(rows) and j < len(new):
                old_item, new_item = rows[i], new[j]
                if old_item is new_item or old_item.rank == new_item.rank:
                    rows[i] = new_item  # the same item; its texts may have moved on
                    i += 1
                    j += 1
                    continue
                removing = old_item.rank < new_item.rank
            else:
                removing = i < len(rows)
            if removing:
                start = i
                limit = new[j].rank if j < len(new) else None
                while i < len(rows) and (limit is None or rows[i].rank < limit):
                    i += 1
                self.beginRemoveRows(QModelIndex(), start, i - 1)
                del rows[start:i]
                self.endRemoveRows()
                i = start
            else:
                start = j
                limit = rows[i].rank if i < len(rows) else None
                while j < len(new) and (limit is None or new[j].rank < limit):
                    j += 1
                self.beginInsertRows(QModelIndex(), i, i + j - start - 1)
                rows[i:i] = new[start:j]
                self.endInsertRows()
                i += j - start
        if rows:
            # Texts move with the clock ("超期 2 小时", "已用 86%"): one signal for all rows;
            # the view only repaints what is visible.
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))

    def refresh_texts(self, now: datetime) -> None:
        self._now = now
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))
