"""The database connection: SQLite (WAL, immediate transactions) or PostgreSQL, and the schema
brought to the newest Alembic revision."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # WAL lets readers (snapshots, queries) run beside the writer; synchronous=FULL makes a
    # committed batch survive power loss as well as kill -9.
    dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN below control transactions
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


READ_ONLY = "console_read_only"
PG_KEEPALIVES = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 3}


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A connection in one read-only transaction. On SQLite it begins DEFERRED (every other
    transaction begins IMMEDIATE and so takes the write lock, readers too): the readers of the
    log (query.events, query.state_at, building checkpoints) never hold the writer up. On
    PostgreSQL, REPEATABLE READ: every statement sees the same committed state."""
    with engine.connect() as conn:
        conn.execution_options(**{READ_ONLY: True})
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            if conn.get_execution_options().get(READ_ONLY):
                # a reader (see ``reading``): deferred, so in WAL it neither waits for the writer
                # nor holds it up, and still reads one consistent snapshot
                conn.exec_driver_sql("BEGIN")
                return
            # IMMEDIATE takes the write lock at BEGIN, so two writers never deadlock upgrading.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    # TCP keepalives unless the URL sets its own (as the relay's LISTEN connection has them): a
    # line to the database that goes silent fails the hub's statements within ~11 s, answered
    # ``unavailable``, instead of hanging the writer until the kernel gives up (about 2 hours).
    given = make_url(url).query
    keepalive = {k: v for k, v in PG_KEEPALIVES.items() if k not in given}
    return create_engine(url, pool_pre_ping=True, connect_args=keepalive)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
