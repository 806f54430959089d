"""Evaluation facts on each case (issue 15): who accepted it, whether it was ever dispatched,
returned, given more time or parked, whether its last resolve was on time, and the rating that
counts. query.indicators is then one GROUP BY over the cases. Existing cases are filled in from
their transitions.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_FLAGS = {"f_dispatched": "dispatch", "f_returned": "return", "f_extended": "extend", "f_parked": "park"}


def upgrade() -> None:
    with op.batch_alter_table("incidents") as t:  # batch: SQLite cannot alter a table in place
        t.add_column(sa.Column("accepted_by", sa.String(200)))
        for name in _FLAGS:
            t.add_column(sa.Column(name, sa.Boolean, nullable=False, server_default=sa.false()))
        t.add_column(sa.Column("handled_on_time", sa.Boolean))
        t.add_column(sa.Column("rating", sa.Integer))
    backfill(op.execute)


def backfill(execute) -> None:
    """What the trail says of the cases already stored (one statement each, both databases)."""
    execute("UPDATE incidents SET accepted_by = (SELECT t.actor FROM transitions t WHERE t.incident = "
               "incidents.id AND t.action = 'accept' ORDER BY t.id LIMIT 1)")
    for name, action in _FLAGS.items():
        execute(f"UPDATE incidents SET {name} = EXISTS (SELECT 1 FROM transitions t WHERE "
                   f"t.incident = incidents.id AND t.action = '{action}')")
    execute("UPDATE incidents SET handled_on_time = (SELECT CASE WHEN p.deadline IS NULL OR r.at <= p.deadline "
               "THEN 1 = 1 ELSE 1 = 0 END FROM transitions r LEFT JOIN transitions p ON p.id = (SELECT MAX(q.id) "
               "FROM transitions q WHERE q.incident = r.incident AND q.id < r.id) WHERE r.incident = incidents.id "
               "AND r.action = 'resolve' ORDER BY r.id DESC LIMIT 1)")
    execute("UPDATE incidents SET rating = satisfaction")


def downgrade() -> None:
    with op.batch_alter_table("incidents") as t:
        for name in ("rating", "handled_on_time", *reversed(list(_FLAGS)), "accepted_by"):
            t.drop_column(name)
