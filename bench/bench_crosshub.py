"""Two hubs on one PostgreSQL (issue 17, CONTRACT §5 "Several hubs"): a command on hub A reaches
a console on hub B. Goal: p99 ≤ 100 ms.

Two ``main.py hub --port 0 --db postgresql+psycopg://…/<fresh database> --config …`` processes
on a database made for the run and dropped after it. In this process: a feed on hub A sending
``unit.update`` at 500/s for 10 s (each carries its send time, ``time.monotonic()``, in
``speed``, which the event echoes), a console on hub B and, as the baseline in the same run, a
console on hub A itself (command to A, event on A). Each console takes arrival − send per event.
Events that never reach B (no cross-hub delivery in the hub yet, or lost) are counted, never
waited for: each console stops 5 s after the last command's result, and a clear "not delivered"
line is printed.

``BENCH_PG`` overrides the server (default postgresql+psycopg://postgres@127.0.0.1:5432).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any

RATE = 500
SECONDS = 10
WARM = 250  # the first half second's events are not counted (connections, caches)
GRACE = 5.0  # after the last result, how long a console may still wait for events
TOKEN = "bench-crosshub-supervisor-0123456789"
FEED_TOKEN = "bench-crosshub-feed-0123456789"
PG = os.environ.get("BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
_SPEED = re.compile(r'"speed":([0-9.e+-]+)')


def _admin(sql: str) -> None:
    import psycopg

    url = PG.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(url, autocommit=True, connect_timeout=5) as conn:
        conn.execute(sql)


async def _console(url: str, token: str, name: str) -> Any:
    from websockets.asyncio.client import connect

    from console.net import protocol as p

    ws = await connect(url, max_size=p.MAX_FRAME, compression=None, open_timeout=30)
    await ws.send(p.dumps({"type": "hello", "protocol": p.PROTOCOL, "token": token, "client": name,
                           "resume_from": None}))
    while True:
        raw = await asyncio.wait_for(ws.recv(), 30)
        if raw.startswith('{"type":"snapshot"') and '"final":true' in raw[:200]:
            return ws
        if raw.startswith('{"type":"error"'):
            raise RuntimeError(raw[:300])


async def _listen(ws: Any, since: float, lat: list[float], done: asyncio.Event) -> None:
    """arrival − send of every unit event of this run (speed ≥ since) until ``done``."""
    async def read() -> None:
        async for raw in ws:
            if raw.startswith('{"type":"event","seq":') and '"kind":"unit"' in raw:
                now = time.monotonic()
                m = _SPEED.search(raw)
                if m and float(m.group(1)) >= since:
                    lat.append(now - float(m.group(1)))

    task = asyncio.create_task(read())
    await done.wait()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await task


async def _feed(ws: Any, n: int, info: dict[str, Any]) -> None:
    from console.models.catalog import UNIT_STATUSES, load_catalog
    from console.net import protocol as p

    units = sorted(load_catalog().units.values(), key=lambda u: u.id)
    failed = 0
    got = 0
    all_in = asyncio.Event()

    async def results() -> None:
        nonlocal failed, got
        async for raw in ws:
            if raw.startswith('{"type":"result"'):
                got += 1
                if '"ok":false' in raw:
                    failed += 1
                    info.setdefault("refusal", raw[:300])
                if got >= n:
                    all_in.set()
                    return

    reader = asyncio.create_task(results())
    t0 = time.monotonic()
    for k in range(n):
        delay = t0 + k / RATE - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        u = units[k % len(units)]
        await ws.send(p.dumps({"type": "command", "id": f"x-{t0:.3f}-{k}", "name": "unit.update", "args": {
            "unit": u.id, "lat": round(u.lat + (k % 97) * 1e-5, 6), "lon": round(u.lon - (k % 89) * 1e-5, 6),
            "status": UNIT_STATUSES[k % len(UNIT_STATUSES)], "speed": time.monotonic()}}))
    info["send_s"] = time.monotonic() - t0
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(all_in.wait(), 30)
    reader.cancel()
    info["failed"], info["results"] = failed, got


def _line(what: str, ms: list[float], n: int) -> str:
    from bench._procs import pct

    return (f"{len(ms):,} of {n:,} delivered, p50 {pct(ms, 0.5):.1f} ms, p99 {pct(ms, 0.99):.1f} ms, "
            f"max {max(ms):.1f} ms") if ms else f"NOT DELIVERED (0 of {n:,} events reached {what})"


async def _run(tmp: Path, db: str) -> None:
    from bench._procs import HubProcess, write_config

    cfg = write_config(tmp / "hub.toml", [("sup", "supervisor", TOKEN), ("feed", "supervisor", FEED_TOKEN)])
    a = HubProcess(f"{PG}/{db}", cfg, tmp / "hub-a.log")  # migrates the fresh database
    b = None
    try:
        b = HubProcess(f"{PG}/{db}", cfg, tmp / "hub-b.log")
        on_a = await _console(a.url, TOKEN, "bench-console-a")
        on_b = await _console(b.url, TOKEN, "bench-console-b")
        feed = await _console(a.url, FEED_TOKEN, "bench-feed")
        await asyncio.sleep(1.0)  # both hubs settled (LISTEN in place, presence said)
        n = RATE * SECONDS + WARM
        since = time.monotonic()
        lat_a: list[float] = []
        lat_b: list[float] = []
        done = asyncio.Event()
        info: dict[str, Any] = {}
        listeners = [asyncio.create_task(_listen(on_a, since, lat_a, done)),
                     asyncio.create_task(_listen(on_b, since, lat_b, done))]
        await _feed(feed, n, info)
        end = time.monotonic() + GRACE
        while time.monotonic() < end and (len(lat_a) < n or len(lat_b) < n):
            await asyncio.sleep(0.05)
        done.set()
        await asyncio.gather(*listeners)
        for ws in (on_a, on_b, feed):
            with contextlib.suppress(Exception):
                await ws.close()
    finally:
        for h in (b, a):
            if h is not None:
                h.stop()
    counted = n - WARM
    ms_a = [x * 1000 for x in lat_a[WARM:]] if len(lat_a) > WARM else [x * 1000 for x in lat_a]
    ms_b = [x * 1000 for x in lat_b[WARM:]] if len(lat_b) > WARM else [x * 1000 for x in lat_b]
    notes = f"{info.get('failed', '?')} of {n:,} commands refused"
    if info.get("refusal"):
        notes += f", e.g. {info['refusal']}"
    if info.get("results", n) < n:
        notes += f"; only {info.get('results')} results came back"
    print(f"crosshub: command on hub A -> event on a console of hub B (two hub processes on one PostgreSQL), "
          f"unit.update at {RATE}/s for {SECONDS} s: {_line('hub B', ms_b, counted)}  (goal p99 <= 100 ms) vs "
          f"the same commands' events on a console of hub A itself: {_line('hub A', ms_a, counted)}"
          + (f" = {_p99(ms_b) / _p99(ms_a):.2f}x p99" if ms_a and ms_b else "") + f"  ({notes})")
    if not ms_b:
        print("crosshub: not delivered: hub B never relayed hub A's events (no cross-hub delivery in this hub, "
              f"or it failed: see hub B's log); waited {GRACE:g} s after the last result")


def _p99(ms: list[float]) -> float:
    from bench._procs import pct

    return pct(ms, 0.99)


def main() -> None:
    try:
        _admin("SELECT 1")
    except Exception as e:
        print(f"crosshub: skipped, no PostgreSQL at {PG.split('@')[-1]}: {str(e).splitlines()[0][:200]}")
        return
    db = f"bench_crosshub_{os.getpid()}_{int(time.time())}"
    _admin(f'CREATE DATABASE "{db}"')
    try:
        with tempfile.TemporaryDirectory() as d:
            asyncio.run(_run(Path(d), db))
    finally:
        with contextlib.suppress(Exception):
            _admin(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


if __name__ == "__main__":
    main()
