"""Two-way assessment of departments (issue 15, Huangpu's): each case keeps whether it was ever
escalated, whether the department's last sign-off (签收) was on time, and the calling street's
1–5 rating of the department's work (``department_rating``, from incident.rate_department);
query.indicators counts them, so the rollups get their columns and every rollup is built again.
Existing cases are filled in from their transitions (no case has a street's rating yet).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COUNTS = ("escalated", "signed", "signed_on_time", "esc_handled", "esc_handled_on_time", "street_rated",
          "street_stars")


def upgrade() -> None:
    # in place (ALTER TABLE … ADD COLUMN, SQLite too): a batch may copy the table, and dropping the
    # old incidents table fails while the transitions' foreign keys point at it
    op.add_column("incidents", sa.Column("department_rating", sa.JSON))
    op.add_column("incidents", sa.Column("f_escalated", sa.Boolean, nullable=False, server_default=sa.false()))
    op.add_column("incidents", sa.Column("signed_on_time", sa.Boolean))
    op.add_column("incidents", sa.Column("street_stars", sa.Integer))
    for name in COUNTS:
        op.add_column("number_rollups", sa.Column(name, sa.Integer, nullable=False, server_default="0"))
    backfill(op.execute)


def backfill(execute) -> None:
    """What the trail says of the cases already stored; then every rollup is stale (it predates
    the new counts) and is built again by the next query."""
    execute("UPDATE incidents SET f_escalated = EXISTS (SELECT 1 FROM transitions t WHERE "
            "t.incident = incidents.id AND t.action = 'escalate')")
    # the last acknowledge out of 'escalated', against the deadline the step before it left
    execute("UPDATE incidents SET signed_on_time = (SELECT CASE WHEN p.deadline IS NULL OR r.at <= p.deadline "
            "THEN 1 = 1 ELSE 1 = 0 END FROM transitions r LEFT JOIN transitions p ON p.id = (SELECT MAX(q.id) "
            "FROM transitions q WHERE q.incident = r.incident AND q.id < r.id) WHERE r.incident = incidents.id "
            "AND r.action = 'acknowledge' AND r.from_state = 'escalated' AND r.to_state <> 'escalated' "
            "ORDER BY r.id DESC LIMIT 1)")
    execute("DELETE FROM number_built")


def downgrade() -> None:
    # in place, as 0006: a batch would copy the table, which the transitions' foreign keys forbid
    for name in COUNTS:
        op.drop_column("number_rollups", name)
    for name in ("street_stars", "signed_on_time", "f_escalated", "department_rating"):
        op.drop_column("incidents", name)
