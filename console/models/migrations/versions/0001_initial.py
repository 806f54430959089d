"""The first schema: incidents, transitions, events, counters, processed commands, units, teams.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

from console.models.schema import BigID, UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("priority", sa.String(16), nullable=False),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
        sa.Column("grid", sa.String(15)),
        sa.Column("community", sa.String(12)),
        sa.Column("street", sa.String(9)),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("reported_at", UTCDateTime, nullable=False),
        sa.Column("reported_by", sa.String(200), nullable=False),
        sa.Column("reporter", sa.String(200)),
        sa.Column("address", sa.Text),
        sa.Column("external_id", sa.String(200)),
        sa.Column("photo_url", sa.Text),
        sa.Column("source_category", sa.String(200)),
        sa.Column("drill", sa.Boolean, nullable=False),
        sa.Column("assignee", sa.String(32)),
        sa.Column("assignee_kind", sa.String(16)),
        sa.Column("escalated", sa.Boolean, nullable=False),
        sa.Column("rework", sa.Integer, nullable=False),
        sa.Column("merged_into", sa.String(32)),
        sa.Column("satisfaction", sa.Integer),
        sa.Column("notes", sa.Integer, nullable=False),
        sa.Column("updated_at", UTCDateTime),
        sa.Column("stage", sa.String(16)),
        sa.Column("stage_started_at", UTCDateTime),
        sa.Column("deadline", UTCDateTime),
        sa.Column("sla", sa.String(8)),
        sa.Column("sla_next_at", UTCDateTime),
        sa.Column("extra", sa.JSON, nullable=False),
        sa.UniqueConstraint("source", "external_id", name="uq_incident_source_external"),
    )
    for col in ("state", "category", "grid", "street", "reported_at", "drill", "assignee", "sla_next_at"):
        op.create_index(f"ix_incidents_{col}", "incidents", [col])
    op.create_index("ix_incidents_active_reported", "incidents", ["state", "reported_at"])

    op.create_table(
        "transitions",
        sa.Column("id", BigID, primary_key=True, autoincrement=True),
        sa.Column("incident", sa.String(32), sa.ForeignKey("incidents.id"), nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("from_state", sa.String(16)),
        sa.Column("to_state", sa.String(16), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("deadline", UTCDateTime),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_transitions_incident", "transitions", ["incident"])
    op.create_index("ix_transitions_at", "transitions", ["at"])

    op.create_table(
        "events",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("frame", sa.Text, nullable=False),
    )
    op.create_index("ix_events_at", "events", ["at"])

    counters = op.create_table(
        "counters",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(counters, [{"name": "seq", "value": 0}])

    op.create_table(
        "processed_commands",
        sa.Column("user", sa.String(200), primary_key=True),
        sa.Column("command_id", sa.String(200), primary_key=True),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("result", sa.Text, nullable=False),
    )
    op.create_index("ix_processed_commands_at", "processed_commands", ["at"])

    op.create_table(
        "units",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("team", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("callsign", sa.String(64), nullable=False),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("heading", sa.Float),
        sa.Column("speed", sa.Float),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", UTCDateTime),
    )
    op.create_index("ix_units_team", "units", ["team"])

    op.create_table(
        "teams",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("name_zh", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=False),
        sa.Column("department", sa.String(32)),
        sa.Column("home_grid", sa.String(15)),
        sa.Column("on_duty", sa.Boolean, nullable=False),
    )


def downgrade() -> None:
    for name in ("teams", "units", "processed_commands", "counters", "events", "transitions", "incidents"):
        op.drop_table(name)
