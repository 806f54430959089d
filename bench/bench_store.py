"""Stored commands per second (SQLite, batch commits) against raw sqlite3.executemany of the
same rows. Goal (DESIGN.md): ≥ 5,000 commands/s. Also on PostgreSQL when one answers at
$CONSOLE_TEST_PG (the test database; the run uses a fresh schema and drops it)."""

import os
import sqlite3
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from console.models import commands as cmds
from console.models.catalog import load_catalog
from console.models.lifecycle import Actor, Role
from console.models.store import Request, Store

N = 5000
BATCH = 250


def _requests(catalog, n):
    grids = sorted(catalog.grids.values(), key=lambda g: g.code)
    cats = sorted(catalog.categories)
    actor = Actor("bench", Role.OPERATOR)
    out = []
    for k in range(n):
        lat, lon = grids[k % len(grids)].centroid
        args = cmds.validate_args("incident.report", {"category": cats[k % len(cats)], "lat": lat, "lon": lon,
                                                      "description": f"bench {k}", "source": "bench"})
        out.append(Request(actor, "incident.report", args, f"b-{k}"))
    return out


def _store_rate(catalog, url: str) -> float:
    store = Store(url, catalog)
    reqs = _requests(catalog, N)
    now = datetime(2026, 11, 23, 2, tzinfo=UTC)
    t = time.perf_counter()
    for k in range(0, N, BATCH):
        store.execute(reqs[k:k + BATCH], now=now)
    elapsed = time.perf_counter() - t
    assert store.head() == N
    store.close()
    return N / elapsed


def _raw_rate(folder: Path) -> float:
    """The same four rows per command (incident, transition, event, processed id), same
    durability (WAL, synchronous=FULL, one commit per batch), written by raw executemany."""
    con = sqlite3.connect(folder / "raw.db", isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE incidents (id TEXT PRIMARY KEY, state TEXT, data TEXT)")
    con.execute("CREATE TABLE transitions (id INTEGER PRIMARY KEY, incident TEXT, at TEXT, data TEXT)")
    con.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY, at TEXT, frame TEXT)")
    con.execute("CREATE TABLE processed (user TEXT, cid TEXT, result TEXT, PRIMARY KEY (user, cid))")
    payload = "x" * 900  # about the size of one incident's JSON
    t = time.perf_counter()
    for k in range(0, N, BATCH):
        rng = range(k, k + BATCH)
        con.execute("BEGIN IMMEDIATE")
        con.executemany("INSERT INTO incidents VALUES (?, 'reported', ?)", [(f"i{j}", payload) for j in rng])
        con.executemany("INSERT INTO transitions (incident, at, data) VALUES (?, 'now', ?)",
                        [(f"i{j}", payload) for j in rng])
        con.executemany("INSERT INTO events VALUES (?, 'now', ?)", [(j + 1, payload) for j in rng])
        con.executemany("INSERT INTO processed VALUES ('bench', ?, ?)", [(f"b-{j}", payload) for j in rng])
        con.execute("COMMIT")
    elapsed = time.perf_counter() - t
    con.close()
    return N / elapsed


def _pg_rate(catalog) -> float | None:
    """The same run on PostgreSQL, or None when none answers."""
    import psycopg

    url = os.environ.get("CONSOLE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(dsn, autocommit=True, connect_timeout=3) as c:
            c.execute(f'CREATE SCHEMA "{schema}"')
    except psycopg.OperationalError:
        return None
    try:
        sep = "&" if "?" in url else "?"
        return _store_rate(catalog, f"{url}{sep}options=-csearch_path%3D{schema}")
    finally:
        with psycopg.connect(dsn, autocommit=True) as c:
            c.execute(f'DROP SCHEMA "{schema}" CASCADE')


def main() -> None:
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as d:
        raw = _raw_rate(Path(d))
        ours = _store_rate(catalog, f"sqlite:///{Path(d) / 'store.db'}")
    print(f"store: {ours:,.0f} commands/s stored (SQLite, batches of {BATCH}) vs raw sqlite3.executemany "
          f"{raw:,.0f} rows-sets/s = {ours / raw:.2f}x  (goal ≥ 5,000/s)")
    pg = _pg_rate(catalog)
    if pg is not None:
        print(f"store: {pg:,.0f} commands/s stored (PostgreSQL, batches of {BATCH})")
