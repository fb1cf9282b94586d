"""Schema migrations through Alembic, configured in code (no alembic.ini to lose)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # env.py uses this engine's connection instead of building its own from a URL.
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    refuse_newer(engine)
    command.upgrade(alembic_config(engine), revision)


def refuse_newer(engine: Engine) -> None:
    """`SchemaTooNew` when the database carries a revision this version does not know (a
    newer workstation migrated it): upgrading or using it could only do harm."""
    from workstation.persistence.problems import SchemaTooNew, too_new_message

    current = current_revision(engine)
    if current is None:
        return
    scripts = ScriptDirectory.from_config(alembic_config(engine))
    if current not in {r.revision for r in scripts.walk_revisions()}:
        raise SchemaTooNew(too_new_message(current, scripts.get_current_head()))


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def is_up_to_date(engine: Engine) -> bool:
    return current_revision(engine) == head_revision(engine)
