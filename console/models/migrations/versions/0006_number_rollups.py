"""Per-hour rollups of query.indicators (issue 15: a million cases in ≤ 1 s): each case's report
hour, the hours' versions, and the rollups with the versions they were built from
(console/models/store/rollups.py). Existing cases get their hour and every hour a version; the
rollups themselves are built by the first query of each grouping.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COUNTS = ("reported", "accepted", "rejected", "gone", "dispatched", "returned", "reworks", "closed", "closed_on_time",
          "extensions", "parked", "urged", "rated", "satisfied", "hotline", "hotline_accepted", "hotline_closed",
          "hotline_rated", "hotline_satisfied")

# Whole hours since 1970 of reported_at, exactly as store/rollups.hour_of counts them. SQLite keeps
# naive UTC text ('YYYY-MM-DD HH:MM:SS.ffffff'); its date functions round to the millisecond, so the
# fraction is cut off first (23:59:59.9996 is still hour 23).
HOUR_SQL = {
    "sqlite": "CAST(strftime('%s', substr(reported_at, 1, 19)) AS INTEGER) / 3600",
    "postgresql": "CAST(FLOOR(EXTRACT(EPOCH FROM reported_at)) AS BIGINT) / 3600",
}


def upgrade() -> None:
    with op.batch_alter_table("incidents") as t:  # batch: SQLite cannot alter a table in place
        t.add_column(sa.Column("report_hour", sa.Integer))
    op.create_table(
        "number_hours",
        sa.Column("hour", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "number_built",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("hour", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "number_rollups",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("hour", sa.Integer, nullable=False),
        sa.Column("drill", sa.Boolean, nullable=False),
        sa.Column("key", sa.String(200)),
        *[sa.Column(name, sa.Integer, nullable=False) for name in COUNTS],
    )
    op.create_index("ix_number_rollups_kind_drill_hour", "number_rollups", ["kind", "drill", "hour"])
    backfill(op.execute, op.get_bind().dialect.name)
    op.create_index("ix_incidents_drill_report_hour", "incidents", ["drill", "report_hour"])


def backfill(execute, dialect: str) -> None:
    """The report hour of cases without one, and a new version of every hour that has cases (so
    any rollup of them is stale). Run again after writing cases straight into the tables, as
    bench/bench_indicators.py does."""
    execute(f"UPDATE incidents SET report_hour = {HOUR_SQL[dialect]} WHERE report_hour IS NULL")
    # WHERE: SQLite would read "ON CONFLICT" after a bare FROM as a join's ON
    execute("INSERT INTO number_hours (hour, version) SELECT DISTINCT report_hour, 1 FROM incidents "
            "WHERE report_hour IS NOT NULL ON CONFLICT (hour) DO UPDATE SET version = number_hours.version + 1")


def downgrade() -> None:
    op.drop_index("ix_incidents_drill_report_hour", "incidents")
    op.drop_index("ix_number_rollups_kind_drill_hour", "number_rollups")
    for name in ("number_rollups", "number_built", "number_hours"):
        op.drop_table(name)
    # in place (SQLite ≥ 3.35 drops an unindexed column itself): a batch would copy the table,
    # and dropping the old one fails while the transitions' foreign keys point at it
    op.drop_column("incidents", "report_hour")
