"""Soak (issue 17; DESIGN.md "memory after a 1-hour soak at full load: ≤ 1.5 GB, growth < 5 %/h").

The all-in-one as three processes on this machine: ``main.py hub`` (SQLite), a real console
(``main.py console``, offscreen) and the demo feed (``main.py demo --rate R``), plus a fleet of
200 more units each reporting its position every 5 s (40 ``unit.update``/s, spread evenly) from
this process, over a connection that also counts the events the hub delivers.

Resident memory (VmRSS from /proc) of the hub and of the console (its own process; the web
engine's renderer processes beside, as "console+web") is sampled every minute, and the anonymous
part (RssAnon: the heaps, not mapped files) of each. The web processes map the ~170 MB
QtWebEngine library each; its pages count in their RSS as they are first run, shared with every
other process that maps it and given back under pressure: "console+web anon" is what the page
holds. Baseline, same
run: each process idle (connected, before the feeds start). Printed: the samples (MB), and the
growth after the first 5 minutes as % per hour (least-squares line through the samples from
minute 5 on, over its value at minute 5). Goal < 5 %/h, and ≤ 1.5 GB.

30 minutes by default; ``python -m bench soak --soak-hours 2`` or ``--soak-minutes 8``;
``--soak-demo-rate`` (default 10: a demo day in 2.4 minutes) and ``--soak-every`` (seconds
between samples, default 60).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

FLEET = 200
FLEET_EVERY_S = 5.0
WARM_MIN = 5.0  # the growth is fitted from this minute on
SETTLE_S = 30.0  # the console starts and gets its snapshot before the idle sample
SUP_TOKEN = "bench-soak-supervisor-0123456789"
DEMO_TOKEN = "bench-soak-demo-0123456789"
FLEET_TOKEN = "bench-soak-fleet-0123456789"


def _options() -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench soak")
    ap.add_argument("--soak-hours", type=float)
    ap.add_argument("--soak-minutes", type=float)
    ap.add_argument("--soak-demo-rate", type=float, default=10.0)
    ap.add_argument("--soak-every", type=float, default=60.0, help="seconds between memory samples")
    args, _ = ap.parse_known_args(sys.argv[1:])
    return args


def _cpu_s(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as f:
            parts = f.read().rsplit(")", 1)[1].split()
        return (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def _fleet_rows(catalog: Any) -> list[dict[str, Any]]:
    teams = sorted(catalog.teams)
    grids = sorted(catalog.grids.values(), key=lambda g: g.code)
    return [{"id": f"U-S{k:03d}", "team": teams[k % len(teams)], "kind": "vehicle", "callsign": f"SK-{k}",
             "lat": grids[k % len(grids)].centroid[0], "lon": grids[k % len(grids)].centroid[1], "status": "free",
             "heading": None, "speed": None, "version": 1, "updated_at": None} for k in range(FLEET)]


def _prepare_db(path: Path) -> list[dict[str, Any]]:
    """The hub's database with the fleet's 200 units in it (the catalog has 54)."""
    from sqlalchemy import insert

    from console.models.catalog import load_catalog
    from console.models.schema import UnitRow
    from console.models.store import Store

    catalog = load_catalog()
    store = Store(f"sqlite:///{path}", catalog)
    rows = _fleet_rows(catalog)
    with store.engine.begin() as conn:
        conn.execute(insert(UnitRow), rows)
    store.close()
    return rows


async def _fleet(url: str, units: list[dict[str, Any]], stop: asyncio.Event, stats: dict[str, int]) -> None:
    """Each unit reports every 5 s (the fleet spread evenly over the 5 s), a small random walk;
    the connection also counts the log's events the hub delivers to it."""
    from websockets.asyncio.client import connect

    from console.models.catalog import UNIT_STATUSES
    from console.net import protocol as p

    rng = random.Random(17)
    pos = {u["id"]: [u["lat"], u["lon"]] for u in units}
    async with connect(url, max_size=p.MAX_FRAME, compression=None, open_timeout=30) as ws:
        await ws.send(p.dumps({"type": "hello", "protocol": p.PROTOCOL, "token": FLEET_TOKEN, "client": "bench-soak",
                               "resume_from": None}))

        async def reader() -> None:
            async for raw in ws:
                if raw.startswith('{"type":"event","seq":') and not raw.startswith('{"type":"event","seq":null'):
                    stats["events"] += 1
                elif raw.startswith('{"type":"result"'):
                    stats["results"] += 1
                    if '"ok":false' in raw:
                        stats["failed"] += 1
                elif raw.startswith('{"type":"resync"'):
                    stats["resyncs"] += 1

        task = asyncio.create_task(reader())
        t0 = time.monotonic()
        k = 0
        try:
            while not stop.is_set():
                due = t0 + k * FLEET_EVERY_S / len(units)
                delay = due - time.monotonic()
                if delay > 0:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), delay)
                    continue
                u = units[k % len(units)]
                lat_lon = pos[u["id"]]
                lat_lon[0] += rng.uniform(-2e-4, 2e-4)
                lat_lon[1] += rng.uniform(-2e-4, 2e-4)
                await ws.send(p.dumps({"type": "command", "id": f"fleet-{k}", "name": "unit.update", "args": {
                    "unit": u["id"], "lat": round(lat_lon[0], 6), "lon": round(lat_lon[1], 6),
                    "status": UNIT_STATUSES[(k // len(units)) % len(UNIT_STATUSES)],
                    "heading": float(rng.randrange(360)), "speed": round(rng.uniform(0, 12), 1)}}))
                stats["sent"] += 1
                k += 1
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


def _growth(samples: list[tuple[float, int]]) -> tuple[float, float]:
    """(%/h over the fitted value at WARM_MIN, MB/h) from (minute, KiB) samples at ≥ WARM_MIN."""
    import numpy as np

    xs = [(t, v) for t, v in samples if t >= WARM_MIN - 1e-9 and v is not None]
    if len(xs) < 2:
        return float("nan"), float("nan")
    t = np.array([x[0] for x in xs])
    v = np.array([x[1] for x in xs], dtype=float)
    slope, icpt = np.polyfit(t, v, 1)  # KiB per minute
    base = icpt + slope * WARM_MIN
    return slope * 60 / base * 100, slope * 60 / 1024


async def _soak(minutes: float, demo_rate: float, every: float, tmp: Path) -> None:
    from bench._procs import ROOT, HubProcess, rss_kib, tree_rss_kib, write_config

    db = tmp / "hub.db"
    units = _prepare_db(db)
    cfg = write_config(tmp / "hub.toml", [("supervisor", "supervisor", SUP_TOKEN), ("demo", "supervisor", DEMO_TOKEN),
                                          ("fleet", "supervisor", FLEET_TOKEN)])
    hub = HubProcess(f"sqlite:///{db}", cfg, tmp / "hub.log")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp / "home"))
    (tmp / "home").mkdir()
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"
    con_log = open(tmp / "console.log", "w")  # noqa: SIM115
    demo_log = open(tmp / "demo.log", "w")  # noqa: SIM115
    console = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "console", "--connect", hub.url,
                                "--token", SUP_TOKEN], cwd=ROOT, env=env, stdout=con_log, stderr=subprocess.STDOUT)
    demo: subprocess.Popen | None = None
    stop = asyncio.Event()
    stats = {"sent": 0, "events": 0, "results": 0, "failed": 0, "resyncs": 0}
    fleet: asyncio.Task | None = None
    series: dict[str, list[tuple[float, int | None]]] = {"hub": [], "hub anon": [], "console": [], "console anon": [],
                                                         "console+web": [], "console+web anon": [], "demo": []}
    try:
        await asyncio.sleep(SETTLE_S)
        if console.poll() is not None:
            raise RuntimeError(f"the console exited: {(tmp / 'console.log').read_text()[-1500:]}")
        idle = {"hub": rss_kib(hub.pid), "console": rss_kib(console.pid), "console+web": tree_rss_kib(console.pid),
                "hub anon": rss_kib(hub.pid, "RssAnon"), "console anon": rss_kib(console.pid, "RssAnon"),
                "console+web anon": tree_rss_kib(console.pid, "RssAnon")}
        cpu0 = {"hub": _cpu_s(hub.pid), "console": _cpu_s(console.pid)}
        demo = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "demo", "--connect", hub.url, "--token",
                                 DEMO_TOKEN, "--rate", f"{demo_rate:g}"], cwd=ROOT, env=env, stdout=demo_log,
                                stderr=subprocess.STDOUT)
        fleet = asyncio.create_task(_fleet(hub.url, units, stop, stats))
        t0 = time.monotonic()
        end = t0 + minutes * 60
        k = 0
        while True:
            due = t0 + k * every
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            t = (time.monotonic() - t0) / 60
            series["hub"].append((t, rss_kib(hub.pid)))
            series["console"].append((t, rss_kib(console.pid)))
            series["hub anon"].append((t, rss_kib(hub.pid, "RssAnon")))  # the heap, not mapped files
            series["console anon"].append((t, rss_kib(console.pid, "RssAnon")))
            series["console+web"].append((t, tree_rss_kib(console.pid)))
            series["console+web anon"].append((t, tree_rss_kib(console.pid, "RssAnon")))
            series["demo"].append((t, rss_kib(demo.pid)))
            if fleet.done():
                fleet.result()  # raises what ended it
                raise RuntimeError("the fleet's connection ended")
            for name, proc in (("console", console), ("demo", demo), ("hub", hub.proc)):
                if proc.poll() is not None:
                    raise RuntimeError(f"the {name} process exited with {proc.returncode}")
            k += 1
            if t0 + k * every > end + 1e-6:
                break
        wall = time.monotonic() - t0
        cpu = {n: (_cpu_s(pid) - cpu0[n]) / wall for n, pid in (("hub", hub.pid), ("console", console.pid))}
    finally:
        stop.set()
        if fleet is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(fleet, 10)
        for proc in (demo, console):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(15)
                except subprocess.TimeoutExpired:
                    proc.kill()
        hub.stop()
        con_log.close()
        demo_log.close()
    mb = 1024.0
    print(f"soak: {minutes:g} min, hub + console (offscreen) + demo --rate {demo_rate:g} + {FLEET} units every "
          f"{FLEET_EVERY_S:g} s: {stats['events'] / wall:,.0f} events/s delivered to a console "
          f"({stats['sent']:,} fleet updates, {stats['failed']} refused, {stats['resyncs']} resyncs); CPU hub "
          f"{cpu['hub']:.0%}, console {cpu['console']:.0%} of a core; RSS sampled every {every:g} s (MB):")
    for name in ("hub", "hub anon", "console", "console anon", "console+web", "console+web anon", "demo"):
        xs = series[name]
        print(f"  {name:<16} idle {idle.get(name, 0) / mb:6.0f} | " if name in idle else f"  {name:<16} {'':11} | ",
              end="")
        print(" ".join(f"{v / mb:.0f}" if v is not None else "-" for _, v in xs))
    for name in ("hub", "hub anon", "console", "console anon", "console+web", "console+web anon"):
        pct, mbh = _growth(series[name])
        vals = [v for _, v in series[name] if v is not None]
        print(f"soak: {name} RSS growth after minute {WARM_MIN:g}: {pct:+.1f} %/h ({mbh:+.1f} MB/h, "
              f"{sum(1 for t, _ in series[name] if t >= WARM_MIN)} samples); end {vals[-1] / mb:.0f} MB, max "
              f"{max(vals) / mb:.0f} MB vs idle {idle[name] / mb:.0f} MB = {vals[-1] / idle[name]:.2f}x  "
              f"(goal < 5 %/h, <= 1.5 GB)")


def main() -> None:
    args = _options()
    minutes = 60 * args.soak_hours if args.soak_hours else (args.soak_minutes or 30.0)
    with tempfile.TemporaryDirectory() as d:
        asyncio.run(_soak(minutes, args.soak_demo_rate, args.soak_every, Path(d)))


if __name__ == "__main__":
    main()
