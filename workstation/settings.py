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
    # PostgreSQL: how long to wait for the server to accept a connection, and for any one
    # statement (lock waits included) before it is cancelled. Seconds; 0: no limit.
    connect_timeout: float = 5.0
    statement_timeout: float = 30.0

    @classmethod
    def from_env(cls, db: str | None = None, lang: str | None = None) -> Settings:
        return cls(
            db_url=resolve_url(db),
            lang=lang or os.environ.get("WORKSTATION_LANG") or "zh_CN",
            echo_sql=os.environ.get("WORKSTATION_ECHO_SQL") == "1",
            connect_timeout=_seconds("WORKSTATION_CONNECT_TIMEOUT", 5.0),
            statement_timeout=_seconds("WORKSTATION_STATEMENT_TIMEOUT", 30.0),
        )


def _seconds(name: str, default: float) -> float:
    """A number of seconds from the environment; a bad value is refused in plain words."""
    from workstation.domain.errors import ValidationError

    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValidationError(f"环境变量 {name} 应为秒数（如 5），而不是 {raw!r}") from None
    if not 0 <= value <= 86_400:
        raise ValidationError(f"环境变量 {name} 应在 0 到 86400 秒之间")
    return value


def default_workstation_name() -> str:
    name = os.environ.get("WORKSTATION_NAME") or socket.gethostname() or "workstation"
    return name.strip()[:64]
