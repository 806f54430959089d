"""query.state_at over a 12-hour shift (issue 16): 200 units reporting every 5 s and ~2,000
incident events, on SQLite and — when one answers at $CONSOLE_TEST_PG — on PostgreSQL. Goal: the
hub answers query.state_at for any moment in <= 100 ms. Baseline, run alongside over the same
socket: the hub's live snapshot of the same shift (a console's hello to its final snapshot frame).

The unit positions are written straight into the events table (frames made exactly as the store
makes them, seq from the same counter; going through Store.execute would take minutes), the
incidents' commands go through Store.execute at their moment of the shift, in seq order with the
positions around them. The checkpoints are then made as the hub's upkeep makes them
(``Store.make_checkpoint``, every 5,000 events); their time is reported. Each moment asked is a
random time of the shift, answered over a real socket by a real hub, every page, with the hub's
cache of rebuilt states emptied before each, so none is answered from an earlier one.

A second line: thinning the shift's positions once it is older than ``tracks_full_days`` — each
step is one transaction holding SQLite's write lock, so its longest step is how long the writer
can be kept waiting. BENCH_REPLAY_EVERY_S (default 5) sets the positions' period for a quicker look."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, func, insert, select
from websockets.asyncio.client import connect as ws_connect

from console.models import commands as cmds
from console.models.catalog import load_catalog
from console.models.frames import dumps, event_frame
from console.models.incident import iso
from console.models.lifecycle import Actor, Role
from console.models.schema import CheckpointRow, EventRow, UnitRow
from console.models.store import Request, Store
from console.models.store.bulk import SEQ, bump
from console.models.store.history import Recall
from console.models.store.upkeep import ensure_base
from console.models.store.wire import UNIT_LIVE_COLS, unit_wire
from console.net.config import HubConfig, User
from console.net.hub import Hub
from console.net.protocol import MAX_FRAME

UNITS = 200
EVERY_S = int(os.environ.get("BENCH_REPLAY_EVERY_S", 5))
SHIFT = timedelta(hours=12)
START = datetime(2026, 11, 30, 0, 0, tzinfo=UTC)  # 08:00 in the district
INCIDENTS = 330  # report, accept, dispatch, acknowledge, resolve; two in three verified and closed: ~2,000 events
MOMENTS = 50
SUP = Actor("bench", Role.SUPERVISOR)
TOKEN = "bench-token-0123456789"


def _units(catalog):
    teams = sorted(catalog.teams)
    grids = sorted(catalog.grids.values(), key=lambda g: g.code)
    return [{"id": f"U-B{k:03d}", "team": teams[k % len(teams)], "kind": "vehicle", "callsign": f"BJ-{k}",
             "lat": grids[k % len(grids)].centroid[0], "lon": grids[k % len(grids)].centroid[1], "status": "free",
             "heading": None, "speed": None, "version": 1, "updated_at": None} for k in range(UNITS)]


def _schedule(catalog, rng):
    """(time, request) of every incident command of the shift, in time order."""
    grids = sorted(catalog.grids.values(), key=lambda g: g.code)
    team = sorted(catalog.teams)[0]
    out = []
    for k in range(INCIDENTS):
        at = START + timedelta(seconds=rng.uniform(0, SHIFT.total_seconds() - 3 * 3600))
        g = grids[k % len(grids)]
        out.append((at, k, "incident.report", {"category": "P0104", "lat": g.centroid[0], "lon": g.centroid[1],
                                                "description": f"第{k}号 井盖缺失，需尽快处置", "source": "12345",
                                                "address": "桂林路 12 号"}))
        steps = [("incident.accept", {}), ("incident.dispatch", {"team": team}), ("incident.acknowledge", {}),
                 ("incident.resolve", {"note": "已处置"})]
        if k % 3:
            steps += [("incident.verify", {"passed": True}), ("incident.close", {"satisfaction": 5})]
        for name, args in steps:
            at += timedelta(minutes=rng.uniform(2, 25))
            out.append((at, k, name, args))
    return sorted(out, key=lambda x: x[0])


def _fill(store: Store, catalog) -> int:
    """The shift into the store; returns how many unit events it holds."""
    rng = random.Random(16)
    units = _units(catalog)
    with store.engine.begin() as conn:  # the bench's units, in the state a shift starts from
        conn.execute(insert(UnitRow), units)
        conn.execute(delete(CheckpointRow))
    ensure_base(store, START)
    schedule = _schedule(catalog, rng)
    ids: dict[int, str] = {}
    rows: list[dict] = []
    n_units = 0

    def flush():
        if rows:
            with store.engine.begin() as conn:
                first = bump(conn, SEQ, len(rows))
                for k, r in enumerate(rows):
                    r["seq"] = first + k
                    r["frame"] = event_frame(first + k, r.pop("_at"), "unit", r.pop("_data"))
                store.sql.ins_events.run(conn, rows)
                store.sql.upd_units.run(conn, [{"_id": u["id"], **{c: u[c] for c in UNIT_LIVE_COLS}} for u in units])
            rows.clear()

    t, end, s = START, START + SHIFT, 0
    while t < end:
        while s < len(schedule) and schedule[s][0] <= t:
            flush()
            at, k, name, args = schedule[s]
            args = args if name == "incident.report" else {"incident": ids[k], **args}
            [out] = store.execute([Request(SUP, name, cmds.validate_args(name, args))], now=at)
            assert out.result["ok"], out.result
            ids.setdefault(k, out.result["incident"]["id"])
            s += 1
        at_s = iso(t)
        for u in units:
            u["lat"] += rng.uniform(-1e-4, 1e-4)
            u["lon"] += rng.uniform(-1e-4, 1e-4)
            u["status"] = "en_route" if rng.random() < 0.3 else "free"
            u["version"] += 1
            u["updated_at"] = t
            rows.append({"at": t, "kind": "unit", "subject": u["id"], "_at": at_s, "_data": dumps(unit_wire(u))})
            n_units += 1
        if len(rows) >= 20_000:
            flush()
        t += timedelta(seconds=EVERY_S)
    flush()
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    return n_units


async def _answer(ws, cid: str, name: str, args: dict) -> list[dict]:
    """Every page of a query over the socket."""
    pages = []
    while True:
        await ws.send(dumps({"type": "command", "id": f"{cid}-{len(pages)}", "name": name, "args": args}))
        msg = json.loads(await ws.recv())
        while msg.get("type") == "event":  # presence (seq null) comes after the hello
            msg = json.loads(await ws.recv())
        assert msg.get("ok"), msg
        pages.append(msg)
        if not msg.get("next_cursor"):
            return pages
        args = args | {"cursor": msg["next_cursor"]}


async def _snapshot(url: str) -> tuple[float, dict]:
    async with ws_connect(url, max_size=MAX_FRAME) as ws:
        t = time.perf_counter()
        await ws.send(dumps({"type": "hello", "protocol": 1, "token": TOKEN, "client": "bench", "resume_from": None}))
        await ws.recv()  # welcome
        frames = []
        while not frames or not frames[-1]["final"]:
            frames.append(json.loads(await ws.recv()))
        return time.perf_counter() - t, {"incidents": sum(len(f["incidents"]) for f in frames),
                                         "units": len(frames[0]["units"])}


async def _ask(store: Store, catalog) -> tuple[list[float], list[float], list[int]]:
    config = HubConfig(users=(User("bench", Role.SUPERVISOR, TOKEN),), rate=1e6, burst=1_000_000)
    hub = Hub(store, config, port=0, sla_interval=3600, ping_interval=None, upkeep_interval=3600,
              clock=lambda: START + SHIFT)
    await hub.start()
    rng = random.Random(7)
    try:
        ours, base, sizes = [], [], []
        async with ws_connect(hub.url, max_size=MAX_FRAME) as ws:
            await ws.send(dumps({"type": "hello", "protocol": 1, "token": TOKEN, "client": "bench",
                                 "resume_from": store.head()}))
            await ws.recv()
            for k in range(MOMENTS):
                at = START + timedelta(seconds=rng.uniform(0, SHIFT.total_seconds()))
                store.recall = Recall()  # no answer from an earlier one
                t = time.perf_counter()
                pages = await _answer(ws, f"q{k}", "query.state_at", {"at": at.isoformat()})
                ours.append(time.perf_counter() - t)
                sizes.append(sum(len(p["incidents"]) for p in pages))
                assert len(pages[0]["units"]) >= UNITS
        for _ in range(5):
            elapsed, snap = await _snapshot(hub.url)
            base.append(elapsed)
        sizes.append(snap["incidents"])
        return ours, base, sizes
    finally:
        await hub.stop()


def _tick(store: Store, catalog, now: datetime) -> float:
    """The median time of the writer's own transaction for one tick of the fleet (200 unit.update
    in one batch, through Store.execute): what a thinning step is measured against."""
    took = []
    for k in range(7):
        reqs = [Request(SUP, "unit.update", cmds.validate_args(
            "unit.update", {"unit": u["id"], "lat": u["lat"], "lon": u["lon"], "status": "free"}))
            for u in _units(catalog)]
        t = time.perf_counter()
        store.execute(reqs, now=now + timedelta(seconds=k))
        took.append(time.perf_counter() - t)
    return statistics.median(took)


def _thin(store: Store) -> tuple[list[float], float, int]:
    later = START + SHIFT + timedelta(days=15)
    while store.make_checkpoint(later, age=timedelta(0)) is not None:
        pass
    steps = []
    t0 = time.perf_counter()
    while True:
        t = time.perf_counter()
        more = store.thin_tracks(later, timedelta(days=14))
        steps.append(time.perf_counter() - t)
        if not more:
            break
    with store.engine.connect() as conn:
        left = conn.scalar(select(func.count()).select_from(EventRow).where(EventRow.kind == "unit"))
    return steps, time.perf_counter() - t0, left


def _measure(label: str, url: str, catalog) -> None:
    store = Store(url, catalog)
    try:
        t = time.perf_counter()
        n_units = _fill(store, catalog)
        filled = time.perf_counter() - t
        head = store.head()
        t = time.perf_counter()
        made = 0
        while store.make_checkpoint(START + SHIFT) is not None:
            made += 1
        checkpointing = time.perf_counter() - t
        with store.engine.connect() as conn:
            blob = conn.scalar(select(func.avg(func.length(CheckpointRow.state))))
        # the fill's garbage goes now: a full collection of it would land inside one measured answer
        # (~50 ms here) — a cost of this bench's filling, not of the hub
        gc.collect()
        ours, base, sizes = asyncio.run(_ask(store, catalog))
        p50, p95, worst = statistics.median(ours), sorted(ours)[int(len(ours) * 0.95)], max(ours)
        baseline = statistics.median(base)
        print(f"replay ({label}): query.state_at at {MOMENTS} random moments of a 12-hour shift "
              f"({head:,} events: {n_units:,} positions of {UNITS} units every {EVERY_S} s, "
              f"{head - n_units:,} incident events; {sizes[-1]} active incidents at the end, "
              f"{statistics.mean(sizes[:-1]):.0f} on average) "
              f"p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {worst * 1000:.0f} ms vs the live snapshot of "
              f"the shift's end "
              f"{baseline * 1000:.0f} ms = {p50 / baseline:.2f}x  (goal <= 100 ms; {made} checkpoints of "
              f"{blob / 1024:.0f} KB took {checkpointing:.1f} s to make, {checkpointing / max(made, 1) * 1000:.0f} ms "
              f"each; filling took {filled:.0f} s)", flush=True)
        tick = _tick(store, catalog, START + SHIFT + timedelta(days=15))
        steps, total, left = _thin(store)
        longest, median = max(steps), statistics.median(steps)
        print(f"replay ({label}): thinning the shift's {n_units:,} positions to one per unit per minute "
              f"({left:,} left) in {len(steps)} steps, {total:.1f} s; a step (one transaction: on SQLite the "
              f"writer may wait that long) p50 {median * 1000:.0f} ms, max {longest * 1000:.0f} ms vs the writer's "
              f"own batch of one tick of the fleet ({UNITS} unit.update) {tick * 1000:.0f} ms = {median / tick:.2f}x "
              f"(max {longest / tick:.2f}x)", flush=True)
    finally:
        store.close()


def main() -> None:
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as tmp:
        _measure("SQLite", f"sqlite:///{Path(tmp) / 'replay.db'}", catalog)
    pg = os.environ.get("CONSOLE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    try:
        from sqlalchemy import create_engine

        admin = create_engine(pg)
        with admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    except Exception as e:  # no PostgreSQL here: say so, do not fail the run
        print(f"replay (PostgreSQL): skipped, none answers at {pg} ({type(e).__name__})", flush=True)
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
