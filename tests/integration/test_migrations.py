"""Alembic migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from workstation.persistence import migrate
from workstation.persistence.database import create_db_engine
from workstation.persistence.tables import Base


def test_upgrade_from_empty_matches_the_models(db_url: str) -> None:
    engine = create_db_engine(db_url)
    try:
        assert migrate.current_revision(engine) is None
        migrate.upgrade(engine)
        assert migrate.is_up_to_date(engine)
        with engine.connect() as conn:
            # The search index is each database's own kind of table (FTS5 and its shadow
            # tables, a tsvector): built by migration 0010, outside the models.
            def modelled(name: str | None, kind: str, parents: object) -> bool:
                return not (kind == "table" and (name or "").startswith("case_search"))

            context = MigrationContext.configure(conn, opts={"include_name": modelled})
            diff = compare_metadata(context, Base.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
    finally:
        engine.dispose()


def test_downgrade_to_base_and_up_again(db_url: str) -> None:
    engine = create_db_engine(db_url)
    try:
        migrate.upgrade(engine)
        from alembic import command

        command.downgrade(migrate.alembic_config(engine), "base")
        assert migrate.current_revision(engine) is None
        migrate.upgrade(engine)
        assert migrate.is_up_to_date(engine)
    finally:
        engine.dispose()
