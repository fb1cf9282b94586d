"""Reminder acknowledgements and snoozes, shared by the shift

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08

Acknowledgements and snoozes kept so far in each console's QSettings are not carried
over: they were one person's, for a few hours; the shift's start afresh.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# 64-bit ids on PostgreSQL; SQLite only autoincrements a column declared INTEGER.
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "reminder_acks",
        sa.Column("id", BigId, nullable=False),
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("item_kind", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("stamp", sa.String(length=80), nullable=False),
        sa.Column("item_since", sa.DateTime(), nullable=False),
        sa.Column("snooze_until", sa.DateTime(), nullable=True),
        sa.Column("actor", sa.String(length=40), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"],
                                name=op.f("fk_reminder_acks_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_acks")),
        sa.UniqueConstraint("scope", "item_kind", "case_id", name="uq_reminder_acks_item"),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("reminder_acks")
