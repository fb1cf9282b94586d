"""Settings from the command line and the environment (never read at import time)."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field

from workstation.persistence.database import resolve_url


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str
    lang: str = "zh_CN"
    echo_sql: bool = False
    # Recorded with every action (case events): which console it came from. The machine's
    # name unless $WORKSTATION_NAME says otherwise (a desk's number, say).
    workstation_name: str = field(default_factory=lambda: default_workstation_name())

    @classmethod
    def from_env(cls, db: str | None = None, lang: str | None = None) -> Settings:
        return cls(
            db_url=resolve_url(db),
            lang=lang or os.environ.get("WORKSTATION_LANG") or "zh_CN",
            echo_sql=os.environ.get("WORKSTATION_ECHO_SQL") == "1",
        )


def default_workstation_name() -> str:
    name = os.environ.get("WORKSTATION_NAME") or socket.gethostname() or "workstation"
    return name.strip()[:64]
