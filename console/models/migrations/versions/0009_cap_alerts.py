"""CAP 1.2 alerts (issue 18, CONTRACT §5 "Outside systems (HTTP)"): ``notice.post`` with ``cap``
sends an alert. Its fields are kept in ``cap_alerts`` (the XML renders from them the same every
time; GET /cap/alerts reads them newest first, drill or not), and the notice keeps the alert's
identifier (``cap_id``) so that a snapshot's notices carry it as the live event did.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

from console.models.schema import UTCDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # in place (ALTER TABLE … ADD COLUMN, SQLite too), as 0007 and 0008: no table is copied
    op.add_column("notices", sa.Column("cap_id", sa.String(64)))
    op.create_table(
        "cap_alerts",
        sa.Column("identifier", sa.String(64), primary_key=True),
        sa.Column("number", sa.BigInteger, nullable=False),
        sa.Column("notice", sa.String(32), nullable=False),
        sa.Column("sender", sa.String(200), nullable=False),
        sa.Column("sent", sa.String(32), nullable=False),
        sa.Column("sent_at", UTCDateTime, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("msg_type", sa.String(16), nullable=False),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("refers_to", sa.String(64)),
        sa.Column("refs", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("drill", sa.Boolean, nullable=False),
        sa.Column("drill_run", sa.String(200)),
        sa.Column("info", sa.JSON, nullable=False),
    )
    op.create_index("ix_cap_alerts_refers_to", "cap_alerts", ["refers_to"])
    op.create_index("ix_cap_alerts_drill_sent_at", "cap_alerts", ["drill", "sent_at", "number"])


def downgrade() -> None:
    op.drop_table("cap_alerts")
    # in place (SQLite ≥ 3.35 drops an unindexed column itself), as 0006, 0007 and 0008
    op.drop_column("notices", "cap_id")
