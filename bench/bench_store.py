"""Stored commands per second (SQLite, batch commits) against raw sqlite3.executemany of the
same rows. Goal (DESIGN.md): ≥ 5,000 commands/s. Also on PostgreSQL when one answers at
$CONSOLE_TEST_PG (the test database; each run uses a fresh schema and drops it): one writer, and
two writers (two processes, each its own Store, as two hubs on one database) against the one
writer in the same run. Goal (issue 17): ≥ 8,000 commands/s on PostgreSQL, both ways."""

import multiprocessing as mp
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
from console.net import memory
from console.net.hub import MAX_BATCH  # the most commands the hub takes into one transaction

N = 5000
BATCH = int(os.environ.get("BENCH_STORE_BATCH", "250"))  # the hub's own batches reach 1,000 under load


NOW = datetime(2026, 11, 23, 2, tzinfo=UTC)


def _requests(catalog, n, prefix="b"):
    grids = sorted(catalog.grids.values(), key=lambda g: g.code)
    cats = sorted(catalog.categories)
    actor = Actor("bench", Role.OPERATOR)
    out = []
    for k in range(n):
        lat, lon = grids[k % len(grids)].centroid
        args = cmds.validate_args("incident.report", {"category": cats[k % len(cats)], "lat": lat, "lon": lon,
                                                      "description": f"bench {k}", "source": "bench"})
        out.append(Request(actor, "incident.report", args, f"{prefix}-{k}"))
    return out


def _store_rate(catalog, url: str) -> float:
    store = Store(url, catalog)
    reqs = _requests(catalog, N)
    store.execute(_requests(catalog, 1, "warm"), now=NOW)  # connected and warm, as a running hub is
    memory.settle()  # and start-up's objects frozen, as the hub does once it listens
    t = time.perf_counter()
    for k in range(0, N, BATCH):
        store.execute(reqs[k:k + BATCH], now=NOW)
    elapsed = time.perf_counter() - t
    assert store.head() == N + 1
    store.close()
    return N / elapsed


def _writer(url: str, prefix: str, n: int, ready, go, done) -> None:
    """One of the writers of ``_two_writers_rate``, in its own process: its own Store (engine,
    connection), n reports of its own command ids, timed from the common start."""
    catalog = load_catalog()
    store = Store(url, catalog, schema_ready=True)
    reqs = _requests(catalog, n, prefix)
    store.execute(reqs[:1], now=NOW)  # connected and warm, as a running hub is
    memory.settle()
    ready.set()
    go.wait()
    for k in range(1, n, BATCH):
        store.execute(reqs[k:k + BATCH], now=NOW)
    done.put(time.perf_counter())
    store.close()


def _two_writers_rate(catalog, url: str) -> float:
    """Two processes, each its own Store on the same database, each storing N/2 reports (the
    shared seq counter's row lock orders their batches); N over the time until both are done."""
    Store(url, catalog).close()  # the schema, once, before the writers (they do not migrate)
    ctx = mp.get_context("spawn")
    go, done = ctx.Event(), ctx.Queue()
    ready = [ctx.Event() for _ in range(2)]
    procs = [ctx.Process(target=_writer, args=(url, f"w{w}", N // 2, ready[w], go, done)) for w in range(2)]
    for p in procs:
        p.start()
    for r in ready:
        if not r.wait(120):
            raise RuntimeError("a writer did not start")
    t = time.perf_counter()
    go.set()
    ends = [done.get(timeout=300) for _ in procs]
    for p in procs:
        p.join()
    store = Store(url, catalog, schema_ready=True)
    assert store.head() == N, store.head()
    store.close()
    return (N - 2) / (max(ends) - t)


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


def _pg_rate(catalog, rate=_store_rate) -> float | None:
    """``rate`` on PostgreSQL (a fresh schema, dropped after), or None when none answers."""
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
        return rate(catalog, f"{url}{sep}options=-csearch_path%3D{schema}")
    finally:
        with psycopg.connect(dsn, autocommit=True) as c:
            c.execute(f'DROP SCHEMA "{schema}" CASCADE')


def main() -> None:
    global BATCH  # the PostgreSQL lines run at two sizes
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as d:
        raw = _raw_rate(Path(d))
        ours = _store_rate(catalog, f"sqlite:///{Path(d) / 'store.db'}")
    print(f"store: {ours:,.0f} commands/s stored (SQLite, batches of {BATCH}) vs raw sqlite3.executemany "
          f"{raw:,.0f} rows-sets/s = {ours / raw:.2f}x  (goal ≥ 5,000/s)")
    # PostgreSQL at the bench's batch size, then at the hub's MAX_BATCH: a hub fed faster than it
    # stores takes up to that many commands a transaction, so that line is its capacity
    for size in dict.fromkeys((BATCH, MAX_BATCH)):
        BATCH = size
        os.environ["BENCH_STORE_BATCH"] = str(size)  # the two writers' processes read it
        pg = _pg_rate(catalog)
        if pg is None:
            return
        print(f"store: {pg:,.0f} commands/s stored (PostgreSQL, one writer, batches of {BATCH}) vs SQLite "
              f"{ours:,.0f}/s = {pg / ours:.2f}x  (goal ≥ 8,000/s)")
        two = _pg_rate(catalog, _two_writers_rate)
        print(f"store: {two:,.0f} commands/s stored (PostgreSQL, two writers: two processes, a Store each, "
              f"batches of {BATCH}) vs one writer {pg:,.0f}/s = {two / pg:.2f}x  (goal ≥ 8,000/s)")
