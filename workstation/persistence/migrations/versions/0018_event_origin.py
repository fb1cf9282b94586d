"""Each case event records the workstation it came from

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-08

`origin`: the console's name (`Settings.workstation_name`: $WORKSTATION_NAME or the
machine's name), for the audit. Events recorded before say '' (not known).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("case_events", sa.Column("origin", sa.String(64), nullable=False,
                                           server_default=""))  # fmt: skip


def downgrade() -> None:
    op.drop_column("case_events", "origin")
