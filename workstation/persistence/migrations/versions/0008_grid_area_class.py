"""Region class of each unit grid (一类 / 二类区域) for the evaluation's 立案数 bands

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("grid_cells") as batch:
        batch.add_column(sa.Column("area_class", sa.Integer(), nullable=False,
                                   server_default="1"))  # fmt: skip


def downgrade() -> None:
    with op.batch_alter_table("grid_cells") as batch:
        batch.drop_column("area_class")
