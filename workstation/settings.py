"""Settings from the command line and the environment (never read at import time)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from workstation.persistence.database import resolve_url


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str
    lang: str = "zh_CN"
    echo_sql: bool = False

    @classmethod
    def from_env(cls, db: str | None = None, lang: str | None = None) -> Settings:
        return cls(
            db_url=resolve_url(db),
            lang=lang or os.environ.get("WORKSTATION_LANG") or "zh_CN",
            echo_sql=os.environ.get("WORKSTATION_ECHO_SQL") == "1",
        )
