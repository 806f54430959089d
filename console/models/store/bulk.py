"""The writes of every batch, compiled once, and the small SQL helpers the store shares."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Any, Protocol

from sqlalchemy import Engine, bindparam, insert, literal_column, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Dialect

from ..schema import Base, CounterRow
from .wire import INCIDENT_COLS, UNIT_LIVE_COLS

SEQ = "seq"


class StoreParts(Protocol):
    """What the batch, the SLA clock and the readers use of a Store (core.py makes it)."""

    engine: Engine
    catalog: Any
    sql: Statements
    camera_places: dict[str, dict[str, Any]]

    def camera_wire(self, row: dict[str, Any]) -> dict[str, Any]: ...


class Many:
    """One INSERT or UPDATE, compiled once for the engine's dialect and run as a plain driver
    executemany.

    Core's own executemany rebuilt and re-processed every parameter of every row through its
    generic machinery, which cost more than the database's work. Here each value still goes
    through the bind processor of its column type (UTCDateTime, JSON: the very functions Core
    uses), so the stored values are the same; the rest is one tuple or dict per row.
    ``exec_driver_sql`` keeps SQLAlchemy's transaction and its IntegrityError wrapping.
    """

    def __init__(self, stmt: Any, dialect: Dialect) -> None:
        compiled = stmt.compile(dialect=dialect, for_executemany=True)
        self.sql = compiled.string
        self.positional = compiled.positional  # qmark on SQLite; named (pyformat) on psycopg
        self.names = tuple(compiled.positiontup if compiled.positional else compiled.binds)
        assert len(self.names) > 1  # itemgetter of one name would return a bare value
        self.values = itemgetter(*self.names)  # a row's values in bind order, in one C call
        self.processors = [
            (k, proc)
            for k, name in enumerate(self.names)
            if (proc := compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)) is not None
        ]

    def run(self, conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        params: list[Any] = []
        for row in rows:
            v = list(self.values(row))
            for k, proc in self.processors:
                v[k] = proc(v[k])
            params.append(tuple(v) if self.positional else dict(zip(self.names, v, strict=True)))
        conn.exec_driver_sql(self.sql, params)


def _insert_all(table: Any, skip: tuple[str, ...] = ()) -> Any:
    return insert(table).values({c.name: bindparam(c.name) for c in table.c if c.name not in skip})


def _update_by_id(table: Any, cols: Iterable[str]) -> Any:
    # "_id", not "id": a bound name may not repeat a column that SET assigns.
    return update(table).where(table.c.id == bindparam("_id")).values({c: bindparam(c) for c in cols})


class Statements:
    """Every statement a batch or the SLA sweep writes with, prepared once per store."""

    def __init__(self, dialect: Dialect) -> None:
        t = Base.metadata.tables
        self.ins_incidents = Many(_insert_all(t["incidents"]), dialect)
        # report_hour is written once, with the row: reported_at never changes
        self.upd_incidents = Many(_update_by_id(t["incidents"], [c for c in INCIDENT_COLS
                                                                 if c not in ("id", "report_hour")]), dialect)
        self.ins_transitions = Many(_insert_all(t["transitions"], skip=("id",)), dialect)
        self.ins_events = Many(_insert_all(t["events"]), dialect)
        self.ins_processed = Many(_insert_all(t["processed_commands"]), dialect)
        self.upd_units = Many(_update_by_id(t["units"], UNIT_LIVE_COLS), dialect)
        # The clock's two writes change no column a count, key or window of query.indicators reads
        # (store/counts.py), so they leave the hours' versions (and the rollups) alone.
        self.upd_sla = Many(_update_by_id(t["incidents"], ("sla", "deadline", "sla_next_at")), dialect)
        self.upd_clocked = Many(_update_by_id(t["incidents"], ("sla", "deadline", "sla_next_at", "version",
                                                               "updated_at")), dialect)
        self.ins_notices = Many(_insert_all(t["notices"]), dialect)
        self.bump_hours = Many(_bump_hours(t["number_hours"], dialect), dialect)


def _bump_hours(t: Any, dialect: Dialect) -> Any:
    """number_hours' version + 1 (or 1, new): the hour's rollups are stale (store/rollups.py)."""
    ins = (pg_insert if dialect.name == "postgresql" else sqlite_insert)(t)
    ins = ins.values(hour=bindparam("hour"), version=bindparam("version"))
    # a literal, not a bound 1: Many binds only the row's own values
    return ins.on_conflict_do_update(index_elements=[t.c.hour], set_={"version": t.c.version + literal_column("1")})


def head(conn: Connection) -> int:
    return conn.scalar(select(CounterRow.value).where(CounterRow.name == SEQ)) or 0


CHANNEL = "console_events"  # the NOTIFY channel of committed seq ranges
WRITER = "console_writer"  # key in a connection's info: the id of the Store (hub) that writes
_NOTIFY = text(f"SELECT pg_notify('{CHANNEL}', :p)")


def bump(conn: Connection, name: str, n: int) -> int:
    """Add n to a counter (creating it at 0); return the first of the n new values. The UPDATE
    holds the row lock until commit, which orders concurrent writers."""
    t = CounterRow.__table__
    dialect_insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    conn.execute(dialect_insert(t).values(name=name, value=0).on_conflict_do_nothing())
    new = conn.execute(update(t).where(t.c.name == name).values(value=t.c.value + n).returning(t.c.value)).scalar_one()
    if name == SEQ and conn.dialect.name == "postgresql":
        # CONTRACT §5 "Several hubs": one NOTIFY per committed batch with its seq range, sent by
        # PostgreSQL at commit (never if it rolls back); every hub LISTENs (net/relay.py). The
        # writer's id lets a hub skip its own batches, which it hands out itself.
        conn.execute(_NOTIFY, {"p": f"{conn.info.get(WRITER, '-')} {new - n + 1} {new}"})
    return new - n + 1


def pairs_in(conn: Connection, first: Any, second: Any, pairs: Iterable[tuple[Any, Any]], *more: Any) -> Iterable[Any]:
    """Rows (first, second, *more) whose (first, second) is one of ``pairs``.

    Asked as ``first = ? AND second IN (...)`` per distinct first value: SQLite answers a
    row-value ``(first, second) IN (...)`` by scanning the whole table (it was most of a batch's
    read time, and grows with the history), while this form uses the (first, second) index on
    both databases."""
    by_first: dict[Any, list[Any]] = {}
    for a, b in pairs:
        by_first.setdefault(a, []).append(b)
    for a in sorted(by_first):
        for chunk in chunks(sorted(by_first[a]), 400):
            yield from conn.execute(select(first, second, *more).where(first == a, second.in_(chunk)))


def chunks(items: list[Any], n: int) -> Iterable[list[Any]]:
    for k in range(0, len(items), n):
        yield items[k : k + n]
