"""Shift hand-over sheets and their acknowledgement

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handover_sheets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.DateTime(), nullable=False),
        sa.Column("period_end", sa.DateTime(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("acknowledged_by", sa.String(length=40), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("acknowledge_note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_sheets")),
        sa.UniqueConstraint("period_start", "period_end", name="uq_handover_sheets_period"),
    )
    op.create_index(op.f("ix_handover_sheets_period_start"), "handover_sheets",
                    ["period_start"], unique=False)  # fmt: skip


def downgrade() -> None:
    op.drop_index(op.f("ix_handover_sheets_period_start"), table_name="handover_sheets")
    op.drop_table("handover_sheets")
