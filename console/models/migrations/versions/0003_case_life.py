"""Protocol 1.1, the desk's case life: how often a case was urged, the reporter's call-backs, and
a request for more time (extension), parking (挂账), the caller's phone, and joint dispatch.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

from console.models.schema import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents") as t:  # batch: SQLite cannot alter a table in place
        t.add_column(sa.Column("urged", sa.Integer, nullable=False, server_default="0"))
        t.add_column(sa.Column("callbacks", sa.JSON))
        t.add_column(sa.Column("extension", sa.JSON))
        t.add_column(sa.Column("parked", sa.Boolean, nullable=False, server_default=sa.false()))
        t.add_column(sa.Column("parked_since", UTCDateTime))
        t.add_column(sa.Column("parked_spans", sa.JSON))
        t.add_column(sa.Column("caller_phone", sa.String(40)))
        t.add_column(sa.Column("assignees", sa.JSON))


def downgrade() -> None:
    with op.batch_alter_table("incidents") as t:
        t.drop_column("assignees")
        t.drop_column("caller_phone")
        t.drop_column("parked_spans")
        t.drop_column("parked_since")
        t.drop_column("parked")
        t.drop_column("extension")
        t.drop_column("callbacks")
        t.drop_column("urged")
