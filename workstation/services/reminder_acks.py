"""Reminder acknowledgements (确认) and snoozes (稍后提醒), stored, audited, shared by the shift.

Who shares them — the "shift": every centre desk account (受理员, 值班长, 派遣员, 管理员)
works the same queue, so one person's 确认 hides the item for all of them, and every
console says who did it and when ("张三 10:42 已确认"; the shift leader lists them).
Handling-unit staff see only their own unit's clocks: their holds are their unit's (the
scope is the unit's code), on their unit's cases only, and never touch the centre's.
Supervisors (the mobile app) hold nothing.

When a hold holds — the rules the reminder centre had when it kept them per console:
- 确认 (ack): while the item has the stamp it had (the same deadline, the same request)
  and began when it did. A new deadline, yellow turning red, a new request is a new item
  and reminds again.
- 稍后提醒 (snooze): until its time, unless the item began anew meanwhile; then it
  comes back and reminds (on every console that had it hidden).
A hold is not deleted when its item goes away: it simply stops matching, because what
comes back later begins anew. One row per item and scope; a later hold replaces it.
For 待审批申请 the case's last update stands for the request's time (summaries carry no
request time of their own): another update while the request waits (催办, a note) shows
it again — better once too often than a new request hidden by an old 确认.

Every write is one transaction with an admin_audit row per item and a change-feed row
per case (topic `TOPIC`), so that every console reloads the holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workstation.domain.errors import NotFound, PermissionDenied, ValidationError
from workstation.domain.lifecycle import CaseState
from workstation.domain.roles import Actor, Role
from workstation.persistence.tables import AccountRow, AdminAuditRow, CaseRow, ReminderAckRow
from workstation.persistence.uow import SqlUnitOfWork
from workstation.services.attention import AttentionItem

ACK, SNOOZE = "ack", "snooze"
CENTRE = "centre"  # the scope of every centre desk account
TOPIC = "reminder"  # the change-feed topic of holds
MAX_SNOOZE = timedelta(hours=24)  # longer is not "later" but "never": that is 确认
# Who may hold items (their scope: the centre, or their unit).
HOLD_ROLES = frozenset({Role.ACCEPTOR, Role.LEADER, Role.DISPATCHER, Role.ADMIN, Role.UNIT})
# Who may release anybody's hold; everybody else releases their own.
RELEASE_ANY_ROLES = frozenset({Role.LEADER, Role.ADMIN})
_CLOSED = (CaseState.CLOSED.value, CaseState.VOIDED.value)

ItemKey = tuple[str, int]  # (attention kind, case id), as AttentionItem.key


@dataclass(frozen=True, slots=True)
class ReminderHold:
    """One acknowledgement or snooze of an attention item, as stored."""

    kind: str  # ACK | SNOOZE
    item_kind: str  # attention.Kind value
    case_id: int
    stamp: str  # the item's stamp when held
    item_since: datetime  # the item's `since` when held
    until: datetime | None  # the end of a snooze
    actor: str  # username
    actor_name: str  # display name ("派遣员 张三")
    at: datetime

    @property
    def key(self) -> ItemKey:
        return (self.item_kind, self.case_id)

    def same_item(self, item: AttentionItem) -> bool:
        """The item is the one held, not one that began anew since."""
        return item.key == self.key and item.since <= self.item_since

    def holds(self, item: AttentionItem, now: datetime) -> bool:
        if not self.same_item(item):
            return False
        if self.kind == ACK:
            return item.stamp == self.stamp
        return self.until is not None and now < self.until

    def ended(self, item: AttentionItem, now: datetime) -> bool:
        """A snooze of this very item whose time has come."""
        return (self.kind == SNOOZE and self.until is not None and now >= self.until
                and self.same_item(item))  # fmt: skip

    @classmethod
    def of(cls, item: AttentionItem, kind: str, until: datetime | None, actor: str,
           actor_name: str, at: datetime) -> ReminderHold:  # fmt: skip
        return cls(kind, item.key[0], item.case_id, item.stamp, item.since,
                   until if kind == SNOOZE else None, actor, actor_name, at)  # fmt: skip


# --------------------------------------------------------------------------- writes


def acknowledge(uow: SqlUnitOfWork, actor: Actor, now: datetime,
                items: Sequence[AttentionItem]) -> list[ReminderHold]:  # fmt: skip
    """确认: hide these items for the shift until they change."""
    return _hold(uow, actor, now, items, ACK, None, "确认提醒")


def snooze(uow: SqlUnitOfWork, actor: Actor, now: datetime, items: Sequence[AttentionItem],
           until: datetime) -> list[ReminderHold]:  # fmt: skip
    """稍后提醒: hide these items for the shift until ``until``."""
    if until <= now:
        raise ValidationError("稍后提醒的时间必须晚于现在")
    if until - now > MAX_SNOOZE:
        raise ValidationError("稍后提醒最长 24 小时；不再需要提醒请使用“确认”")
    return _hold(uow, actor, now, items, SNOOZE, until, "设置稍后提醒")


def release(uow: SqlUnitOfWork, actor: Actor, now: datetime,
            keys: Iterable[ItemKey] | None = None) -> int:  # fmt: skip
    """Show held items again: those of ``keys``, or (None) every hold the actor may
    release — their own, or, for the shift leader, everybody's. Returns how many."""
    wanted = None if keys is None else {(str(k), int(c)) for k, c in keys}
    with uow:
        conn = uow.connection
        account = _account(conn, actor.username)
        scope = _scope(account, "恢复提醒")
        anyone = Role(account.role) in RELEASE_ANY_ROLES
        t = ReminderAckRow
        rows = conn.execute(
            select(t.id, t.item_kind, t.case_id, t.kind, t.actor, CaseRow.case_no)
            .join(CaseRow, CaseRow.id == t.case_id)
            .where(t.scope == scope)
        ).all()  # fmt: skip
        if wanted is not None:
            rows = [r for r in rows if (r.item_kind, r.case_id) in wanted]
            foreign = [r for r in rows if r.actor != actor.username]
            if foreign and not anyone:
                raise PermissionDenied("只能恢复自己确认或稍后提醒的事项（值班长可恢复任何人的）")
        elif not anyone:
            rows = [r for r in rows if r.actor == actor.username]
        if not rows:
            return 0
        conn.execute(delete(t).where(t.id.in_([r.id for r in rows])))
        conn.execute(insert(AdminAuditRow), [
            _audit(account, actor, now, "reminder.release", r.item_kind, r.case_no,
                   {"scope": scope, "kind": r.kind, "by": r.actor})
            for r in rows
        ])  # fmt: skip
        for case_id in sorted({r.case_id for r in rows}):
            uow.feed.append(TOPIC, case_id, "release", actor.username, now)
        uow.commit()
    return len(rows)


def _hold(uow: SqlUnitOfWork, actor: Actor, now: datetime, items: Sequence[AttentionItem],
          kind: str, until: datetime | None, what: str) -> list[ReminderHold]:  # fmt: skip
    unique = list({item.key: item for item in items}.values())
    if not unique:
        return []
    for attempt in (1, 2):
        try:
            return _write_holds(uow, actor, now, unique, kind, until, what)
        except IntegrityError:
            # Two consoles held the same item at the same instant (both deleted nothing,
            # both inserted): the other one's row is there now; replace it.
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _write_holds(uow: SqlUnitOfWork, actor: Actor, now: datetime, items: list[AttentionItem],
                 kind: str, until: datetime | None, what: str) -> list[ReminderHold]:  # fmt: skip
    with uow:
        conn = uow.connection
        account = _account(conn, actor.username)
        scope = _scope(account, what)
        case_ids = sorted({i.case_id for i in items})
        cases = {r.id: r for r in conn.execute(
            select(CaseRow.id, CaseRow.case_no, CaseRow.unit_code).where(CaseRow.id.in_(case_ids))
        )}  # fmt: skip
        missing = [c for c in case_ids if c not in cases]
        if missing:
            raise NotFound(f"案件 {missing[0]} 不存在")
        if scope != CENTRE and any(cases[c].unit_code != scope for c in case_ids):
            raise PermissionDenied(f"{Role(account.role).label}只能{what}本单位的案件")
        holds = [ReminderHold.of(i, kind, until, actor.username, account.display_name, now)
                 for i in items]  # fmt: skip
        t = ReminderAckRow
        for h in holds:
            conn.execute(delete(t).where(t.scope == scope, t.item_kind == h.item_kind,
                                         t.case_id == h.case_id))  # fmt: skip
        conn.execute(insert(t), [
            dict(scope=scope, case_id=h.case_id, item_kind=h.item_kind, kind=h.kind,
                 stamp=h.stamp, item_since=h.item_since, snooze_until=h.until,
                 actor=h.actor, at=now)
            for h in holds
        ])  # fmt: skip
        conn.execute(insert(AdminAuditRow), [
            _audit(account, actor, now, f"reminder.{kind}", h.item_kind, cases[h.case_id].case_no,
                   {"scope": scope, "stamp": h.stamp,
                    "until": h.until.isoformat() if h.until else None})
            for h in holds
        ])  # fmt: skip
        for case_id in case_ids:
            uow.feed.append(TOPIC, case_id, kind, actor.username, now)
        uow.commit()
    return holds


# --------------------------------------------------------------------------- reads


def holds_for(session: Session, actor: Actor) -> list[ReminderHold]:
    """The holds the actor's reminder centre applies (their scope), on open cases, oldest
    first. Someone who may hold nothing gets none."""
    account = session.execute(
        select(AccountRow.role, AccountRow.active, AccountRow.unit_code)
        .where(AccountRow.username == actor.username)
    ).first()  # fmt: skip
    if account is None or not account.active or Role(account.role) not in HOLD_ROLES:
        return []
    if Role(account.role) is Role.UNIT and not account.unit_code:
        return []
    scope = account.unit_code if Role(account.role) is Role.UNIT else CENTRE
    t = ReminderAckRow
    rows = session.execute(
        select(t.kind, t.item_kind, t.case_id, t.stamp, t.item_since, t.snooze_until,
               t.actor, AccountRow.display_name, t.at)
        .join(CaseRow, CaseRow.id == t.case_id)
        .outerjoin(AccountRow, AccountRow.username == t.actor)
        .where(t.scope == scope, CaseRow.state.not_in(_CLOSED))
        .order_by(t.at, t.id)
    )  # fmt: skip
    return [ReminderHold(r.kind, r.item_kind, r.case_id, r.stamp, r.item_since,
                         r.snooze_until, r.actor, r.display_name or r.actor, r.at)
            for r in rows]  # fmt: skip


# --------------------------------------------------------------------------- applying them


class HoldBook:
    """The holds one console applies: the shift's as last read, plus the console's own
    that a read has not brought back yet. Not thread-safe (the GUI thread's)."""

    def __init__(self) -> None:
        self._holds: dict[ItemKey, ReminderHold] = {}
        self._snoozed: dict[ItemKey, ReminderHold] = {}  # seen hiding an item here

    def replace(self, holds: Iterable[ReminderHold]) -> None:
        self._holds = {h.key: h for h in holds}

    def put(self, holds: Iterable[ReminderHold]) -> None:
        self._holds.update((h.key, h) for h in holds)

    def drop(self, keys: Iterable[ItemKey]) -> None:
        for key in keys:
            self._holds.pop(key, None)

    def all(self) -> list[ReminderHold]:
        return list(self._holds.values())

    def get(self, key: ItemKey) -> ReminderHold | None:
        return self._holds.get(key)

    def holding(self, item: AttentionItem, now: datetime) -> ReminderHold | None:
        hold = self._holds.get(item.key)
        return hold if hold is not None and hold.holds(item, now) else None

    def is_hidden(self, item: AttentionItem, now: datetime) -> bool:
        return self.holding(item, now) is not None

    def split(self, items: Iterable[AttentionItem],
              now: datetime) -> tuple[list[AttentionItem], list[AttentionItem]]:  # fmt: skip
        """(visible, held), each in the order given."""
        if not self._holds:
            return list(items), []
        visible: list[AttentionItem] = []
        held: list[AttentionItem] = []
        for item in items:
            (held if self.is_hidden(item, now) else visible).append(item)
        return visible, held

    def woke(self, items: Iterable[AttentionItem], now: datetime) -> list[AttentionItem]:
        """The items whose snooze ended since the last call, among those this console saw
        snoozed (a console started later does not remind of yesterday's snoozes)."""
        snoozes = {k for k, h in self._holds.items() if h.kind == SNOOZE}
        wanted = snoozes | self._snoozed.keys()
        if not wanted:
            return []
        current = {i.key: i for i in items if i.key in wanted}
        woke: list[AttentionItem] = []
        seen: dict[ItemKey, ReminderHold] = {}
        for key, was in self._snoozed.items():
            item, hold = current.get(key), self._holds.get(key)
            if item is None or hold is None or not _same_snooze(was, hold):
                continue  # gone, released, acknowledged or snoozed again
            if hold.holds(item, now):
                seen[key] = hold
            elif hold.ended(item, now):
                woke.append(item)
        for key in snoozes:
            item, hold = current.get(key), self._holds[key]
            if item is not None and hold.holds(item, now):
                seen[key] = hold
        self._snoozed = seen
        return woke

    def next_wake(self, now: datetime) -> datetime | None:
        """When the next snooze ends (to re-evaluate on time rather than at the next tick)."""
        ends = (h.until for h in self._holds.values() if h.kind == SNOOZE and h.until)
        return min((u for u in ends if u > now), default=None)


def _same_snooze(a: ReminderHold, b: ReminderHold) -> bool:
    # Not `==`: the stored hold has the server's time where the console's guess had its own.
    return (a.kind, a.until, a.item_since, a.stamp) == (b.kind, b.until, b.item_since, b.stamp)


# --------------------------------------------------------------------------- helpers


def _account(conn: Connection, username: str) -> Any:
    row = conn.execute(
        select(AccountRow.role, AccountRow.active, AccountRow.unit_code,
               AccountRow.display_name).where(AccountRow.username == username)
    ).first()  # fmt: skip
    if row is None or not row.active:
        raise PermissionDenied(f"账号 {username} 不存在或已停用")
    return row


def _scope(account: Any, what: str) -> str:
    role = Role(account.role)
    if role not in HOLD_ROLES:
        raise PermissionDenied(f"{role.label}无权{what}")
    if role is Role.UNIT:
        if not account.unit_code:
            raise PermissionDenied(f"{role.label}账号未关联处置单位，无权{what}")
        return str(account.unit_code)
    return CENTRE


def _audit(account: Any, actor: Actor, now: datetime, action: str, item_kind: str,
           case_no: str, detail: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    # The role as stored, as the permission check read it.
    return dict(at=now, actor=actor.username, role=str(account.role), action=action,
                subject=f"{case_no}/{item_kind}", detail=detail, note="")  # fmt: skip
