"""The case clock: running stage, its start and limit, paused handling time

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

The columns of cases recorded before stay empty here; `Workstation.upgrade()` fills them
by replaying those cases' events (the domain, not SQL, knows which stage runs).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("clock_stage", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("clock_started_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("clock_limit", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("handling_paused_seconds", sa.Float(), nullable=False,
                                   server_default="0"))  # fmt: skip


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("handling_paused_seconds")
        batch.drop_column("clock_limit")
        batch.drop_column("clock_started_at")
        batch.drop_column("clock_stage")
