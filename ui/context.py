"""What every panel and dialog of a signed-in window shares (passed in, never global)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ui.operations import Operations
from workstation.bootstrap import Workstation
from workstation.domain.roles import Account, Actor, Role


@dataclass(frozen=True)
class AppContext:
    ws: Workstation
    ops: Operations
    account: Account
    demo: bool = False

    @property
    def actor(self) -> Actor:
        return self.account.as_actor()

    @property
    def role(self) -> Role:
        return self.account.role

    @property
    def clock(self) -> Callable[[], datetime]:
        return self.ws.clock
