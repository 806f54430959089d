"""Camera live state and notices (feeds issue: drills inject camera events and notices).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from console.models.schema import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "camera_states",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("incident", sa.String(32)),
        sa.Column("note", sa.Text),
        sa.Column("drill", sa.Boolean, nullable=False),
        sa.Column("drill_run", sa.String(200)),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
    )
    op.create_index("ix_camera_states_drill_run", "camera_states", ["drill_run"])
    op.create_table(
        "notices",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("drill", sa.Boolean, nullable=False),
        sa.Column("drill_run", sa.String(200)),
        sa.Column("by", sa.String(200), nullable=False),
    )
    for col in ("at", "drill", "drill_run"):
        op.create_index(f"ix_notices_{col}", "notices", [col])


def downgrade() -> None:
    op.drop_table("notices")
    op.drop_table("camera_states")
