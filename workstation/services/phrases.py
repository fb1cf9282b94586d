"""Canned phrases (惯用语) for the opinion boxes: shared lists and each account's own.

Each phrase belongs to a purpose (the kind of box: 催办, 督办意见, 作废原因 …); a box offers
its purpose's phrases and the general ones (通用), shared first, then the person's own.
Anybody edits their own lists; the shared lists only the shift leader and the
administrator, checked against the account as stored (not the one the window signed in
with). A list is saved whole, in one transaction with its change-feed row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.orm import Session

from workstation.domain.errors import PermissionDenied, ValidationError
from workstation.domain.roles import Actor, Role
from workstation.persistence.tables import AccountRow, Base, PhraseRow
from workstation.persistence.uow import SqlUnitOfWork

PHRASES = Base.metadata.tables[PhraseRow.__tablename__]
ACCOUNTS = Base.metadata.tables[AccountRow.__tablename__]
Executor = Connection | Session

SHARED = ""  # the owner of the shared lists
GENERAL = "general"
# purpose → what the box is for (the UI shows its own translated names).
PURPOSES: dict[str, str] = {
    GENERAL: "通用",
    "dispatch": "派遣意见",
    "remind": "催办",
    "escalate": "督办意见",
    "escalation_reply": "督办回复",
    "feedback": "处置反馈",
    "request": "申请理由（回退、延期、挂账）",
    "approve": "审批意见",
    "reject": "驳回理由",
    "check": "核查意见",
    "check_fail": "核查不通过原因",
    "void": "作废原因",
    "note": "备注",
}
EDITORS_OF_SHARED = frozenset({Role.LEADER, Role.ADMIN})
MAX_LENGTH = 200
MAX_PHRASES = 50


@dataclass(frozen=True, slots=True)
class Phrase:
    purpose: str
    text: str
    shared: bool


@dataclass(frozen=True, slots=True)
class PhraseBook:
    """The shared phrases and one account's own, each list in its order."""

    username: str
    can_edit_shared: bool
    phrases: tuple[Phrase, ...]  # shared lists first, then the account's own

    def offered(self, purpose: str) -> tuple[Phrase, ...]:
        """What a box of ``purpose`` offers: its own purpose's phrases, then the general
        ones; shared before personal; a text offered once."""
        seen: set[str] = set()
        out: list[Phrase] = []
        for shared in (True, False):
            for wanted in dict.fromkeys((purpose, GENERAL)):
                for p in self.phrases:
                    if p.shared is shared and p.purpose == wanted and p.text not in seen:
                        seen.add(p.text)
                        out.append(p)
        return tuple(out)

    def texts(self, purpose: str, *, shared: bool) -> list[str]:
        """One list, as the editor shows it."""
        return [p.text for p in self.phrases if p.purpose == purpose and p.shared is shared]


def phrase_book(db: Executor, username: str) -> PhraseBook:
    account = _stored_account(db, username)
    rows = db.execute(
        select(PHRASES.c.owner, PHRASES.c.purpose, PHRASES.c.text)
        .where(PHRASES.c.owner.in_([SHARED, username]))
        .order_by(PHRASES.c.owner != SHARED, PHRASES.c.purpose, PHRASES.c.position,
                  PHRASES.c.id)
    ).all()  # fmt: skip
    phrases = tuple(Phrase(purpose, text, owner == SHARED) for owner, purpose, text in rows)
    return PhraseBook(username, account is not None and _may_edit_shared(account), phrases)


def save_phrases(uow: SqlUnitOfWork, actor: Actor, now: datetime, *, purpose: str,
                 texts: Sequence[str], shared: bool = False) -> PhraseBook:  # fmt: skip
    """Replace one list (the account's own of ``purpose``, or the shared one) with ``texts``
    in their order; blank lines are dropped, a repeated text kept once."""
    if purpose not in PURPOSES:
        raise ValidationError(f"未知的惯用语用途：{purpose}")
    cleaned = list(dict.fromkeys(t.strip() for t in texts if t and t.strip()))
    too_long = [t for t in cleaned if len(t) > MAX_LENGTH]
    if too_long:
        raise ValidationError(f"惯用语不能超过 {MAX_LENGTH} 个字：{too_long[0][:20]}…")
    if len(cleaned) > MAX_PHRASES:
        raise ValidationError(f"每个列表最多 {MAX_PHRASES} 条惯用语")
    with uow:
        conn = uow.connection
        account = _stored_account(conn, actor.username)
        if account is None:
            raise PermissionDenied(f"账号 {actor.username} 不存在或已停用")
        if shared and not _may_edit_shared(account):
            raise PermissionDenied("只有值班长和系统管理员可以编辑共享惯用语")
        owner = SHARED if shared else actor.username
        conn.execute(delete(PHRASES).where(PHRASES.c.owner == owner,
                                           PHRASES.c.purpose == purpose))  # fmt: skip
        if cleaned:
            conn.execute(insert(PHRASES), [
                {"owner": owner, "purpose": purpose, "position": i, "text": text}
                for i, text in enumerate(cleaned)
            ])  # fmt: skip
        uow.feed.append("phrases", owner or "shared", "phrases_saved", actor.username, now)
        book = phrase_book(conn, actor.username)
        uow.commit()
    return book


def _stored_account(db: Executor, username: str) -> tuple[str, bool] | None:
    row = db.execute(select(ACCOUNTS.c.role, ACCOUNTS.c.active)
                     .where(ACCOUNTS.c.username == username)).first()  # fmt: skip
    if row is None or not row.active:
        return None
    return str(row.role), bool(row.active)


def _may_edit_shared(account: tuple[str, bool]) -> bool:
    role, active = account
    return active and role in {r.value for r in EDITORS_OF_SHARED}
