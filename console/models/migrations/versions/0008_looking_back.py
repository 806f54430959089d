"""Looking back (issue 16, CONTRACT §5): the event log is kept (retention_days) instead of pruned
after a day, so it gets what reading it back needs — each event's subject (the incident, unit,
camera or notice it is about: thinning keeps one position per unit per minute, a replay decodes
only each one's last event), an (at, seq) index for time → seq, and the state checkpoints that
query.state_at starts from. Existing events get their subject from their frames; the first
checkpoint is written by the store when it opens (it needs the catalog's cameras), at the head
the database has then.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08
"""

import sqlalchemy as sa
from alembic import op

from console.models.schema import UTCDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# the id inside an event's data: every event frame carries {"data":{"id":…}}
SUBJECT_SQL = {
    "sqlite": "json_extract(frame, '$.data.id')",
    "postgresql": "(CAST(frame AS json) -> 'data' ->> 'id')",
}


def upgrade() -> None:
    # in place (ALTER TABLE … ADD COLUMN, SQLite too), as 0007: no table is copied
    op.add_column("events", sa.Column("subject", sa.String(64)))
    backfill(op.execute, op.get_bind().dialect.name)
    op.create_index("ix_events_at_seq", "events", ["at", "seq"])
    op.drop_index("ix_events_at", "events")  # the new index answers every question it did
    op.create_table(
        "checkpoints",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("at", UTCDateTime),
        sa.Column("made_at", UTCDateTime, nullable=False),
        sa.Column("state", sa.LargeBinary, nullable=False),
    )


def backfill(execute, dialect: str) -> None:
    """Each stored event's subject, read from its frame (re-runnable: only rows without one)."""
    execute(f"UPDATE events SET subject = {SUBJECT_SQL[dialect]} WHERE subject IS NULL")


def downgrade() -> None:
    op.drop_table("checkpoints")
    op.create_index("ix_events_at", "events", ["at"])
    op.drop_index("ix_events_at_seq", "events")
    # in place (SQLite ≥ 3.35 drops an unindexed column itself), as 0006 and 0007
    op.drop_column("events", "subject")
