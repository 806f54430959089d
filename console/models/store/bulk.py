"""The writes of every batch, compiled once, and the small SQL helpers the store shares."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any, Protocol

from sqlalchemy import JSON, Boolean, Engine, and_, bindparam, func, insert, literal_column, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.elements import Null

from ..frames import dumps
from ..schema import Base, CounterRow, UTCDateTime
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

    ``copy``: a plain INSERT into ``copy`` (a table) is sent on PostgreSQL as one ``COPY ... FROM
    STDIN`` of all the rows (psycopg formats each row in C), not as one INSERT per row: the
    pipelined INSERTs' per-row protocol and dumping were most of a batch's time. The values are
    the same: the same bind processors, except JSON's, which gives psycopg's ``Json(value)`` and
    here gives the very text that dumper writes (``json.dumps(value)``); errors are wrapped as
    SQLAlchemy wraps them (an IntegrityError stays one).
    """

    def __init__(self, stmt: Any, dialect: Dialect, copy: Any = None) -> None:
        compiled = stmt.compile(dialect=dialect, for_executemany=True)
        self.sql = compiled.string
        self.positional = compiled.positional  # qmark on SQLite; named (pyformat) on psycopg
        self.names = tuple(compiled.positiontup if compiled.positional else compiled.binds)
        assert len(self.names) > 1  # itemgetter of one name would return a bare value
        self.values = itemgetter(*self.names)  # a row's values in bind order, in one C call
        types = [compiled.binds[name].type for name in self.names]
        self.copy_sql = None
        self.copy_types: list[int] | None = None  # the columns' types for a binary COPY, asked once
        if copy is not None and dialect.name == "postgresql":
            q = dialect.identifier_preparer
            assert set(self.names) <= set(copy.c.keys())  # the binds are the columns
            self.copy_table = q.format_table(copy)
            self.copy_sql = f"COPY {self.copy_table} ({', '.join(q.quote(n) for n in self.names)}) FROM STDIN"
        processors = [_copy_processor(t, dialect) if self.copy_sql else _bind_processor(t, dialect) for t in types]
        self.processors = [(k, proc) for k, proc in enumerate(processors) if proc is not None]
        self.convert = _converter(self.names, processors, types, as_dict=not (self.positional or self.copy_sql),
                                  copy=self.copy_sql is not None)

    def run(self, conn: Connection, rows: Iterable[dict[str, Any]]) -> None:
        """Write ``rows``. For COPY they may be a generator, consumed while the rows already sent
        are being stored: the database's work overlaps the making of the next rows."""
        rows = iter(rows)
        first = next(rows, None)
        if first is None:
            return
        params = map(self.convert, chain((first,), rows))
        if self.copy_sql:
            if self.copy_types is None:
                self.copy_types = _binary_types(conn, self.copy_table, self.names)
            if self.copy_types:
                copy_rows(conn, self.copy_sql + " (FORMAT BINARY)", params, self.copy_types)
            else:
                copy_rows(conn, self.copy_sql, params)
        else:
            conn.exec_driver_sql(self.sql, list(params))


def _converter(names: Sequence[str], processors: Sequence[Any], types: Sequence[Any], as_dict: bool,
               copy: bool) -> Any:
    """``row -> the bound values`` (a tuple in bind order, or a dict by name), each through its
    processor: one generated expression, where a loop over the columns cost a batch of reports
    more than formatting their COPY. Inline, without the call: a time's None (its processor gives
    None), and for COPY a boolean that is already one (``_copy_processor``'s own shortcut)."""
    env: dict[str, Any] = {}
    parts = []
    for k, (name, proc, t) in enumerate(zip(names, processors, types, strict=True)):
        value = f"row[{name!r}]"
        if proc is not None:
            env[f"p{k}"] = proc
            if isinstance(t, UTCDateTime):
                value = f"(None if (v{k} := {value}) is None else p{k}(v{k}))"
            elif copy and isinstance(t, Boolean):
                value = f"(v{k} if (v{k} := {value}) is True or v{k} is False or v{k} is None else p{k}(v{k}))"
            else:
                value = f"p{k}({value})"
        parts.append(f"{name!r}: {value}" if as_dict else value)
    body = "{" + ", ".join(parts) + "}" if as_dict else "(" + ", ".join(parts) + ",)"
    exec(f"def convert(row):\n    return {body}\n", env)  # noqa: S102 - names are the table's own columns
    return env["convert"]


def _bind_processor(t: Any, dialect: Dialect) -> Any:
    return t.dialect_impl(dialect).bind_processor(dialect)


_json_text = dumps  # compact; the same value as json.dumps(value) (psycopg's Json dumper) writes, 7x faster


def _copy_processor(t: Any, dialect: Dialect) -> Any:
    """A value's bind processor for COPY: the same value, with JSON as its text."""
    proc = _bind_processor(t, dialect)
    if isinstance(t, JSON):
        none_as_null = t.none_as_null

        def json_text(value: Any) -> Any:
            if value is None:
                return None if none_as_null else "null"
            if value is JSON.NULL:
                return "null"
            if isinstance(value, Null):
                return None
            if not value and type(value) in (list, dict):  # the usual empty ones, without the encoder
                return "[]" if type(value) is list else "{}"
            return _json_text(value)

        return json_text
    if isinstance(t, Boolean) and proc is not None:
        return lambda value: value if value is True or value is False or value is None else proc(value)
    return proc


# PostgreSQL types whose binary form psycopg writes from the values a batch binds exactly as the
# text form would be read: text, varchar, int2/4/8, float8, bool, timestamptz; json is sent as its
# text (json's binary form is the text). Any other column keeps the whole COPY in text form.
_BINARY_AS = {25: 25, 1043: 1043, 21: 21, 23: 23, 20: 20, 701: 701, 16: 16, 1184: 1184, 114: 25}


def _binary_types(conn: Connection, table: str, names: Sequence[str]) -> list[int]:
    """The type (oid) to write each column with in a binary COPY, or [] for the text form."""
    oid = dict(conn.exec_driver_sql(
        "SELECT attname, atttypid FROM pg_attribute WHERE attrelid = %(t)s::regclass AND attnum > 0 "
        "AND NOT attisdropped", {"t": table}).all())
    types = [_BINARY_AS.get(oid.get(n, 0), 0) for n in names]
    return types if all(types) else []


def copy_rows(conn: Connection, sql: str, rows: Iterable[tuple[Any, ...]], types: Sequence[int] = ()) -> None:
    """``COPY ... FROM STDIN`` of ``rows`` in the connection's transaction (psycopg), its errors
    wrapped as SQLAlchemy wraps a statement's; binary when the columns' ``types`` are given (psycopg
    formats the rows in C either way; binary costs about half the client's time)."""
    dbapi_conn = conn.connection.driver_connection
    assert dbapi_conn is not None
    try:
        with dbapi_conn.cursor() as cur, cur.copy(sql) as copy:
            if types:
                copy.set_types(types)
            for row in rows:
                copy.write_row(row)
    except conn.dialect.loaded_dbapi.Error as e:
        invalidated = conn.dialect.is_disconnect(e, dbapi_conn, None)
        if invalidated:
            conn.invalidate(e)
        raise DBAPIError.instance(sql, None, e, conn.dialect.loaded_dbapi.Error, connection_invalidated=invalidated,
                                  dialect=conn.dialect) from e


def _insert_all(table: Any, skip: tuple[str, ...] = ()) -> Any:
    return insert(table).values({c.name: bindparam(c.name) for c in table.c if c.name not in skip})


def _update_by_id(table: Any, cols: Iterable[str]) -> Any:
    # "_id", not "id": a bound name may not repeat a column that SET assigns.
    return update(table).where(table.c.id == bindparam("_id")).values({c: bindparam(c) for c in cols})


class Statements:
    """Every statement a batch or the SLA sweep writes with, prepared once per store."""

    def __init__(self, dialect: Dialect) -> None:
        t = Base.metadata.tables
        self.ins_incidents = Many(_insert_all(t["incidents"]), dialect, copy=t["incidents"])
        # report_hour is written once, with the row: reported_at never changes
        self.upd_incidents = Many(_update_by_id(t["incidents"], [c for c in INCIDENT_COLS
                                                                 if c not in ("id", "report_hour")]), dialect)
        self.ins_transitions = Many(_insert_all(t["transitions"], skip=("id",)), dialect, copy=t["transitions"])
        self.ins_events = Many(_insert_all(t["events"]), dialect, copy=t["events"])
        self.ins_processed = Many(_insert_all(t["processed_commands"]), dialect, copy=t["processed_commands"])
        self.upd_units = Many(_update_by_id(t["units"], UNIT_LIVE_COLS), dialect)
        # The clock's two writes change no column a count, key or window of query.indicators reads
        # (store/counts.py), so they leave the hours' versions (and the rollups) alone.
        self.upd_sla = Many(_update_by_id(t["incidents"], ("sla", "deadline", "sla_next_at")), dialect)
        self.upd_clocked = Many(_update_by_id(t["incidents"], ("sla", "deadline", "sla_next_at", "version",
                                                               "updated_at")), dialect)
        self.ins_notices = Many(_insert_all(t["notices"]), dialect, copy=t["notices"])
        self.bump_hours = Many(_bump_hours(t["number_hours"], dialect), dialect)


def _bump_hours(t: Any, dialect: Dialect) -> Any:
    """number_hours' version + 1 (or 1, new): the hour's rollups are stale (store/rollups.py)."""
    ins = (pg_insert if dialect.name == "postgresql" else sqlite_insert)(t)
    ins = ins.values(hour=bindparam("hour"), version=bindparam("version"))
    # a literal, not a bound 1: Many binds only the row's own values
    return ins.on_conflict_do_update(index_elements=[t.c.hour], set_={"version": t.c.version + literal_column("1")})


def head(conn: Connection) -> int:
    return conn.scalar(select(CounterRow.value).where(CounterRow.name == SEQ)) or 0


CHANNEL = "console_events"  # the NOTIFY channel of committed seq ranges (net/relay.py)
WRITER = "console_writer"  # key in a connection's info: the id of the Store (hub) that writes
_CHANNEL_KEY = "console_channel"
_NOTIFY = text("SELECT pg_notify(:c, :p)")


def channel_for(schema: str | None, base: str = CHANNEL) -> str:
    """The NOTIFY channel of one database schema: channels are per database, and hubs of two
    schemas in one database (tests, benchmarks, two districts) must not hear each other."""
    return base if schema in (None, "public") else f"{base}_{schema}"[:63]


def channel_of(conn: Connection, base: str = CHANNEL) -> str:
    """``channel_for`` the schema this connection writes (asked once per pooled connection)."""
    key = f"{_CHANNEL_KEY}:{base}"
    chan = conn.info.get(key)
    if chan is None:
        chan = conn.info[key] = channel_for(conn.scalar(text("SELECT current_schema()")), base)
    return chan


_BUMP: dict[str, str] = {}


def _bump_sql(dialect: Dialect, name: str, n: int) -> tuple[str, Any]:
    """The counter's upsert, compiled once per dialect: one statement (and one round trip), where
    an INSERT ... DO NOTHING and an UPDATE were two; it ends the same (a new counter ends at n)."""
    sql = _BUMP.get(dialect.name)
    if sql is None:
        t = CounterRow.__table__
        ins = (pg_insert if dialect.name == "postgresql" else sqlite_insert)(t).values(
            name=bindparam("name"), value=bindparam("n"))
        stmt = ins.on_conflict_do_update(index_elements=[t.c.name], set_={"value": t.c.value + ins.excluded.value})
        compiled = stmt.returning(t.c.value).compile(dialect=dialect)
        assert compiled.positional == (dialect.name == "sqlite")
        sql = _BUMP[dialect.name] = compiled.string
    return sql, ((name, n) if dialect.name == "sqlite" else {"name": name, "n": n})


def bump(conn: Connection, name: str, n: int) -> int:
    """Add n to a counter (creating it at 0); return the first of the n new values. The upsert
    holds the row lock until commit, which orders concurrent writers."""
    new = conn.exec_driver_sql(*_bump_sql(conn.dialect, name, n)).scalar_one()
    if name == SEQ and conn.dialect.name == "postgresql":
        # CONTRACT §5 "Several hubs": one NOTIFY per committed batch with its seq range, sent by
        # PostgreSQL at commit (never if it rolls back); every hub LISTENs (net/relay.py). The
        # writer's id lets a hub skip its own batches, which it hands out itself.
        conn.execute(_NOTIFY, {"c": channel_of(conn), "p": f"{conn.info.get(WRITER, '-')} {new - n + 1} {new}"})
    return new - n + 1


def pairs_in(conn: Connection, first: Any, second: Any, pairs: Iterable[tuple[Any, Any]], *more: Any) -> Iterable[Any]:
    """Rows (first, second, *more) whose (first, second) is one of ``pairs``.

    Asked as ``first = ? AND second IN (...)`` per distinct first value: SQLite answers a
    row-value ``(first, second) IN (...)`` by scanning the whole table (it was most of a batch's
    read time, and grows with the history), while this form uses the (first, second) index on
    both databases. On PostgreSQL, one statement joins the pairs as two arrays (``unnest``):
    a list of 250 bound values, once psycopg prepares the statement, was a generic plan testing
    every row of the first value against the list (10 ms a batch of new reports)."""
    pairs = sorted(set(pairs))
    if conn.dialect.name == "postgresql":
        if pairs:
            sql = _pairs_sql(conn.dialect, first, second, *more)
            yield from conn.exec_driver_sql(sql, {"a": [a for a, _ in pairs], "b": [b for _, b in pairs]})
        return
    by_first: dict[Any, list[Any]] = {}
    for a, b in pairs:
        by_first.setdefault(a, []).append(b)
    for a in sorted(by_first):
        for chunk in chunks(by_first[a], 400):
            yield from conn.execute(select(first, second, *more).where(first == a, second.in_(chunk)))


_PAIRS: dict[tuple[Any, ...], str] = {}


def _pairs_sql(dialect: Dialect, first: Any, second: Any, *more: Any) -> str:
    """pairs_in's statement on PostgreSQL, compiled once: its columns are text, read back as the
    driver gives them (asserted), so the rows need no result processing."""
    key = (first, second, *more)
    sql = _PAIRS.get(key)
    if sql is None:
        for c in key:
            assert c.type.dialect_impl(dialect).result_processor(dialect, None) is None, c
        keys = func.unnest(bindparam("a", type_=ARRAY(first.type)), bindparam("b", type_=ARRAY(second.type))
                           ).table_valued("a", "b").render_derived()
        stmt = select(first, second, *more).join_from(keys, first.table, and_(first == keys.c.a, second == keys.c.b))
        sql = _PAIRS[key] = stmt.compile(dialect=dialect).string
    return sql


def chunks(items: list[Any], n: int) -> Iterable[list[Any]]:
    """``items`` in lists of at most ``n`` for ``IN (...)``, each ``padded``."""
    for k in range(0, len(items), n):
        yield padded(items[k : k + n])


def padded(items: Iterable[Any]) -> list[Any]:
    """``items`` for an ``IN (...)``, made as long as the next power of two by repeating the last.
    Each length of list is its own SQL text, and each text a statement that SQLite's cache (128
    a connection) and psycopg's prepared ones (100) keep: a hub's batches of every size from 1 to
    1,000 filled those caches over its first hour (the soak's slow rise, docs/PERFORMANCE.md).
    Eleven lengths up to 1,024 now; a repeated value changes no IN's result."""
    out = list(items)
    if len(out) > 2:
        out += [out[-1]] * ((1 << (len(out) - 1).bit_length()) - len(out))
    return out
