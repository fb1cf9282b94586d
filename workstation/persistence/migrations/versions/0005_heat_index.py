"""Index for the map's heat layer: cases per cell over a period and category

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_cases_heat", "cases", ["reported_at", "grid_code", "category_code", "state"]
    )


def downgrade() -> None:
    op.drop_index("ix_cases_heat", table_name="cases")
