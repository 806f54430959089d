"""The reason a case is parked (挂账), kept on the case while it is parked: the queue's parked
ledger shows it with the time since (issue 13).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents") as t:  # batch: SQLite cannot alter a table in place
        t.add_column(sa.Column("parked_reason", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("incidents") as t:
        t.drop_column("parked_reason")
