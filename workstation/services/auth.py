"""Accounts and passwords (scrypt hashes; the plain password is never stored)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Collection

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session

from workstation.domain.errors import PermissionDenied
from workstation.domain.roles import Account, Actor, Role
from workstation.persistence.tables import AccountRow

_N, _R, _P = 2**14, 8, 1


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                               p=int(p))  # fmt: skip
    return hmac.compare_digest(candidate.hex(), digest)


def authenticate(session: Session, username: str, password: str) -> Account:
    """The account for these credentials; one message for every failure (no user probing)."""
    row = session.scalar(select(AccountRow).where(AccountRow.username == username.strip()))
    if row is None or not row.active or not verify_password(password, row.password_hash):
        raise PermissionDenied("账号或密码错误，或账号已停用")
    return Account(row.username, row.display_name, Role(row.role), row.unit_code, row.active)


def find_account(session: Session, username: str) -> Account:
    row = session.scalar(select(AccountRow).where(AccountRow.username == username.strip()))
    if row is None or not row.active:
        raise PermissionDenied(f"账号 {username} 不存在或已停用")
    return Account(row.username, row.display_name, Role(row.role), row.unit_code, row.active)


def resolve_actor(db: Connection | Session, claimed: Actor) -> Actor:
    """The acting account as stored, read inside the action's transaction: it must exist
    and be active, and its stored role, unit and name are what the action records — not
    what the caller's `Actor` says (made up, or obtained before the account changed)."""
    row = db.execute(_ACTING, {"username": claimed.username}).first()
    if row is None or not row.active:
        raise PermissionDenied(f"账号 {claimed.username} 不存在或已停用")
    return Actor(claimed.username, Role(row.role), row.display_name, row.unit_code)


# Built once (Core, not ORM): it runs at the start of every action.
_ACCOUNTS = AccountRow.__table__.c
_ACTING = select(_ACCOUNTS.role, _ACCOUNTS.active, _ACCOUNTS.unit_code, _ACCOUNTS.display_name) \
    .where(_ACCOUNTS.username == bindparam("username"))  # fmt: skip


def require_stored_role(db: Connection | Session, username: str, roles: Collection[Role],
                        what: str) -> Role:  # fmt: skip
    """The role of the account as stored (active), which must be one of ``roles``: a
    service checks this, not what the caller claims. ``what`` completes "无权…"."""
    row = db.execute(
        select(AccountRow.role, AccountRow.active).where(AccountRow.username == username)
    ).first()
    if row is None or not row.active:
        raise PermissionDenied(f"账号 {username} 不存在或已停用")
    role = Role(row.role)
    if role not in roles:
        allowed = "、".join(r.label for r in Role if r in roles)
        raise PermissionDenied(f"{role.label}无权{what}（仅限{allowed}）")
    return role
