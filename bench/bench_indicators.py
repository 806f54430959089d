"""query.indicators over 1,000,000 stored cases (each with its report transition), grouped by
department, on SQLite and — when one answers at $CONSOLE_TEST_PG — on PostgreSQL. Baseline: a
hand-written single SQL GROUP BY over the same tables in the same run (the department key and
the closed/on-time counts). Goal (issue 15): ≤ 1 s, within 2× of the baseline.

The cases are written straight into the tables (bypassing the store), with their
report hour, then migration 0006's backfill gives every hour its version, as it does for a
database upgraded with cases in it. The first query builds the per-hour rollups
(store/rollups.py) and is reported apart; the figure is the best of three after it."""

from __future__ import annotations

import importlib.util
import os
import random
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from console.models.catalog import load_catalog
from console.models.schema import IncidentRow
from console.models.store import Store
from console.models.store.engine import MIGRATIONS
from console.models.store.numbers import query_indicators
from console.models.store.rollups import hour_of

N = int(os.environ.get("BENCH_INDICATORS_N", 1_000_000))  # fewer for a quick look
CHUNK = 50_000
STATES = ("closed",) * 6 + ("dispatched", "acknowledged", "resolved", "accepted", "reported", "rejected", "merged")
BASELINE = """
SELECT CASE WHEN i.assignee_kind = 'department' THEN i.assignee ELSE t.department END AS key,
       COUNT(*), SUM(CASE WHEN i.state = 'closed' THEN 1 ELSE 0 END),
       SUM(CASE WHEN i.state = 'closed' AND i.handled_on_time THEN 1 ELSE 0 END)
FROM incidents i LEFT JOIN teams t ON i.assignee_kind = 'team' AND t.id = i.assignee
WHERE i.drill = false AND i.reported_at >= :since AND i.reported_at < :until
GROUP BY CASE WHEN i.assignee_kind = 'department' THEN i.assignee ELSE t.department END
"""


def _rows(catalog, n: int):
    """(incident row, transition row) tuples, in the columns' order, with a realistic spread."""
    rng = random.Random(15)
    grids = sorted(catalog.grids.values(), key=lambda g: g.code)
    cats = sorted(catalog.categories)
    teams = sorted(catalog.teams)
    depts = sorted(catalog.departments)
    start = datetime(2025, 12, 1, tzinfo=UTC)
    for k in range(n):
        g = grids[k % len(grids)]
        state = STATES[rng.randrange(len(STATES))]
        worked = state not in ("reported", "rejected")
        dept = rng.random() < 0.15
        at = start + timedelta(seconds=k * 30)
        yield {
            "id": f"B{k:09d}", "state": state, "version": 8, "category": cats[k % len(cats)], "priority": "normal",
            "lat": g.centroid[0], "lon": g.centroid[1], "grid": g.code, "community": g.community, "street": g.street,
            "description": "bench", "source": "12345" if k % 3 == 0 else "grid", "reported_at": at,
            "report_hour": hour_of(at),
            "reported_by": "bench", "drill": False,
            "assignee": (depts[k % len(depts)] if dept else teams[k % len(teams)]) if worked else None,
            "assignee_kind": ("department" if dept else "team") if worked else None, "escalated": False,
            "rework": 1 if rng.random() < 0.05 else 0, "notes": 0, "extra": {}, "urged": 1 if rng.random() < 0.1 else 0,
            "parked": False, "accepted_by": "op" if state not in ("reported",) else None,
            "f_dispatched": worked, "f_returned": rng.random() < 0.04, "f_extended": rng.random() < 0.05,
            "f_parked": rng.random() < 0.03, "handled_on_time": (rng.random() < 0.9) if state == "closed" else None,
            "rating": rng.choice((3, 4, 5, 5, None)) if state == "closed" else None,
        }


def _fill(store: Store, catalog) -> None:
    table = IncidentRow.__table__
    trans = table.metadata.tables["transitions"]
    batch, tbatch = [], []
    with store.engine.begin() as conn:
        for k, row in enumerate(_rows(catalog, N)):
            batch.append(row)
            tbatch.append({"incident": row["id"], "seq": k + 1, "at": row["reported_at"], "actor": "bench",
                           "role": "operator", "action": "report", "from_state": None, "to_state": "reported",
                           "note": None, "deadline": None, "data": {}})
            if len(batch) == CHUNK:
                conn.execute(table.insert(), batch)
                conn.execute(trans.insert(), tbatch)
                batch, tbatch = [], []
        if batch:
            conn.execute(table.insert(), batch)
            conn.execute(trans.insert(), tbatch)
        _migration_0006().backfill(conn.exec_driver_sql, conn.dialect.name)  # the hours' versions
        if store.engine.dialect.name == "postgresql":
            conn.exec_driver_sql("ANALYZE incidents")
            conn.exec_driver_sql("ANALYZE number_hours")
        else:
            conn.exec_driver_sql("ANALYZE")


def _migration_0006():
    spec = importlib.util.spec_from_file_location("m0006", MIGRATIONS / "versions" / "0006_number_rollups.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _best(fn, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _measure(label: str, url: str, catalog) -> None:
    store = Store(url, catalog)
    try:
        t = time.perf_counter()
        _fill(store, catalog)
        filled = time.perf_counter() - t
        args = {"group_by": "department", "since": "2025-01-01T00:00:00Z", "until": "2027-01-01T00:00:00Z"}
        t = time.perf_counter()
        res = store.query_indicators(args)  # builds the rollups of every hour
        first = time.perf_counter() - t
        assert sum(r["reported"] for r in res["rows"]) == N, "the numbers must cover every case"
        assert res == query_indicators(store, args, rollups=False), "the rollups must give what one scan gives"
        ours = _best(lambda: store.query_indicators(args))
        params = {"since": datetime(2025, 1, 1, tzinfo=UTC), "until": datetime(2027, 1, 1, tzinfo=UTC)}

        def base():
            with store.engine.connect() as conn:
                return conn.execute(text(BASELINE), params).all()

        assert sum(r[1] for r in base()) == N
        baseline = _best(base)
        print(f"indicators ({label}): query.indicators over {N:,} cases grouped by department {ours:.2f} s vs "
              f"a hand-written single GROUP BY {baseline:.2f} s = {ours / baseline:.2f}x  "
              f"(goal <= 1 s and <= 2x; the first query, building the rollups, took {first:.1f} s; "
              f"filling the tables took {filled:.0f} s)", flush=True)
    finally:
        store.close()


def main() -> None:
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as tmp:
        _measure("SQLite", f"sqlite:///{Path(tmp) / 'numbers.db'}", catalog)
    pg = os.environ.get("CONSOLE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    try:
        from sqlalchemy import create_engine

        admin = create_engine(pg)
        with admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    except Exception as e:  # no PostgreSQL here: say so, do not fail the run
        print(f"indicators (PostgreSQL): skipped, none answers at {pg} ({type(e).__name__})", flush=True)
        return
    try:
        sep = "&" if "?" in pg else "?"
        _measure("PostgreSQL", f"{pg}{sep}options=-csearch_path%3D{schema}", catalog)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


if __name__ == "__main__":
    main()
