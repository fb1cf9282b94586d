"""supervisor_fixes and supervisor_states: positions, tracks and status of the field

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "supervisor_fixes",
        sa.Column("id", BigId, nullable=False),
        sa.Column("supervisor_code", sa.String(length=10), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["supervisor_code"], ["supervisors.code"],
                                name=op.f("fk_supervisor_fixes_supervisor_code_supervisors")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervisor_fixes")),
    )  # fmt: skip
    op.create_index("ix_supervisor_fixes_code_at", "supervisor_fixes", ["supervisor_code", "at"])
    op.create_table(
        "supervisor_states",
        sa.Column("supervisor_code", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_since", sa.DateTime(), nullable=False),
        sa.Column("last_fix_at", sa.DateTime(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["supervisor_code"], ["supervisors.code"],
                                name=op.f("fk_supervisor_states_supervisor_code_supervisors")),
        sa.PrimaryKeyConstraint("supervisor_code", name=op.f("pk_supervisor_states")),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("supervisor_states")
    op.drop_index("ix_supervisor_fixes_code_at", table_name="supervisor_fixes")
    op.drop_table("supervisor_fixes")
