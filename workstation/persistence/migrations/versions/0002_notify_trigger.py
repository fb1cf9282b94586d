"""PostgreSQL: NOTIFY workstation_changes on every change-feed row (no-op on SQLite)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite followers poll the last change id instead
    op.execute(
        """
        CREATE FUNCTION workstation_notify_change() RETURNS trigger AS $$
        BEGIN
            PERFORM pg_notify('workstation_changes', NEW.topic || ':' || NEW.id);
            RETURN NULL;
        END;
        $$ LANGUAGE plpgsql
        """
    )
    op.execute(
        """
        CREATE TRIGGER change_feed_notify AFTER INSERT ON change_feed
        FOR EACH ROW EXECUTE FUNCTION workstation_notify_change()
        """
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS change_feed_notify ON change_feed")
    op.execute("DROP FUNCTION IF EXISTS workstation_notify_change()")
