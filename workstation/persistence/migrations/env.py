"""Alembic environment: runs migrations on the engine handed over by `migrate.upgrade`."""

from __future__ import annotations

from alembic import context

from workstation.persistence.tables import Base

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    if connection.dialect.name == "postgresql":
        # An index over millions of rows takes longer than a console's statement limit.
        connection.exec_driver_sql("SET LOCAL statement_timeout TO 0")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things in place: batch mode copies the table.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    context.run_migrations()
