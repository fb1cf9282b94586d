"""Case events and the administration audit refuse UPDATE and DELETE (triggers)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-08

Measured before: UPDATE and DELETE on case_events committed on both databases. The
triggers are in `persistence.append_only`, which also lifts them for a demo reset.
"""

from __future__ import annotations

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from workstation.persistence.append_only import create_statements

    for sql in create_statements(op.get_bind().dialect.name):
        op.execute(sql)


def downgrade() -> None:
    from workstation.persistence.append_only import drop_statements

    dialect = op.get_bind().dialect.name
    for sql in drop_statements(dialect):
        op.execute(sql)
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS workstation_append_only()")
