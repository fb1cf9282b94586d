"""Accounts the small world does not have (a second shift leader, for the hand-over)."""

from __future__ import annotations

from workstation.bootstrap import Workstation
from workstation.persistence.tables import AccountRow
from workstation.services.auth import hash_password

from support.world import PASSWORD


def add_account(ws: Workstation, username: str = "leader2", name: str = "值班长 李四",
                role: str = "leader") -> None:  # fmt: skip
    with ws.write_session() as s:
        s.add(AccountRow(username=username, display_name=name, role=role, unit_code=None,
                         password_hash=hash_password(PASSWORD), active=True))  # fmt: skip
    ws.invalidate_reference()
