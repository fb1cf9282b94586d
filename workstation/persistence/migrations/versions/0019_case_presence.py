"""Who is on which case: consoles' presence, a soft lock that expires

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_presence",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("workstation", sa.String(length=64), nullable=False),
        sa.Column("activity", sa.String(length=40), nullable=False),
        sa.Column("since", sa.DateTime(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("case_id", "username", "workstation",
                                name=op.f("pk_case_presence")),
    )  # fmt: skip
    op.create_index(op.f("ix_case_presence_seen_at"), "case_presence", ["seen_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_case_presence_seen_at"), table_name="case_presence")
    op.drop_table("case_presence")
