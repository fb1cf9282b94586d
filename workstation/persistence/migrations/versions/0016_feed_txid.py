"""The change feed records the writing transaction's id (PostgreSQL)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-08

On PostgreSQL feed ids are taken at insert, not at commit: a transaction that took id k
can commit after the one that took k+1, and a follower reading `id > last` skipped it for
good. With the transaction id beside each row, followers read below (and just above) the
oldest transaction still running (`services.feed`). SQLite has one writer at a time, so
its ids are in commit order; the column stays NULL there.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    default = sa.text("(pg_current_xact_id()::text)::bigint") if postgres else None
    # Plain ALTER TABLE (no copy of the table on SQLite): the feed may be long.
    op.add_column("change_feed", sa.Column("txid", sa.BigInteger, server_default=default))
    op.create_index("ix_change_feed_txid", "change_feed", ["txid"])


def downgrade() -> None:
    op.drop_index("ix_change_feed_txid", "change_feed")
    op.drop_column("change_feed", "txid")
