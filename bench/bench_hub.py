"""The hub under load (DESIGN.md "Performance goals"), everything on 127.0.0.1:

1. fan-out: a feeder sends N ``unit.update`` commands over the wire; the hub validates, stores
   (SQLite, batch commits) and fans the events out to 20 consoles. Delivered event frames per
   second to all consoles, against a bare ``websockets`` server broadcasting the same frames
   (``websockets.asyncio.server.broadcast``) to the same 20 consumers. Goal ≥ 0.5×.
   A second line: the hub's fan-out alone (``Hub._broadcast`` of the N stored frames).
2. latency: the feeder paces ``unit.update`` at 500/s for 10 s; each command carries its send
   time (``time.monotonic()``) in ``speed``, a free float that the event echoes; each console
   takes arrival − send. Goal p99 ≤ 100 ms.
3. stored commands/s over the wire (one client sends, waits for every result) against the
   store's own rate in-process (``Store.execute`` in batches).

The consoles and the feeder run in ONE child process (20 + 1 websockets clients on one asyncio
loop), so the hub process has a core of its own, as on a real hub; the two processes share the
machine's other cores. Times cross the process boundary as ``time.monotonic()`` (CLOCK_MONOTONIC,
system-wide on Linux).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing as mp
import re
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from websockets.asyncio.client import connect
from websockets.asyncio.server import broadcast, serve

from console.models.catalog import UNIT_STATUSES, load_catalog
from console.models.lifecycle import Actor, Role
from console.models.store import Request, Store
from console.net import protocol as p
from console.net.config import HubConfig, User
from console.net.hub import Hub

CONSOLES = 20
N = 10_000  # fan-out: commands → events per console
LAT_RATE = 500  # latency: updates per second
LAT_SECONDS = 10
WIRE_N = 5_000  # stored commands over the wire
TIMEOUT = 50.0  # no single phase may take longer; the benchmark then says so and moves on

TOKEN = "bench-supervisor-token-0123456789"
HELLO = p.dumps({"type": "hello", "protocol": p.PROTOCOL, "token": TOKEN, "client": "bench", "resume_from": None})
EVENT = '{"type":"event","seq":'  # followed by a digit: presence events carry "seq":null
PRESENCE = '{"type":"event","seq":null'
_SPEED = re.compile(r'"kind":"unit".*"speed":([0-9.e+-]+)')


def _config() -> HubConfig:
    return HubConfig(users=(User("bench", Role.SUPERVISOR, TOKEN),), rate=1e9, burst=10**9)


def _updates(catalog: Any, n: int, start: int = 0) -> list[dict[str, Any]]:
    units = sorted(catalog.units.values(), key=lambda u: u.id)
    out = []
    for k in range(start, start + n):
        u = units[k % len(units)]
        out.append({"unit": u.id, "lat": u.lat + (k % 97) * 1e-5, "lon": u.lon - (k % 89) * 1e-5,
                    "status": UNIT_STATUSES[k % len(UNIT_STATUSES)], "heading": float(k % 360), "speed": 12.5})
    return out


# ---- the client side: one child process, 20 consoles + a feeder -----------------------------------


def _child(conn: Any) -> None:
    asyncio.run(_child_main(conn))


async def _child_main(conn: Any) -> None:
    loop = asyncio.get_running_loop()
    while True:
        job = await loop.run_in_executor(None, conn.recv)
        if job[0] == "quit":
            return
        try:
            conn.send(await _child_job(conn, *job))
        except Exception as e:  # report, never hang the parent
            conn.send(("error", f"{type(e).__name__}: {e}"))


async def _open_console(url: str) -> Any:
    ws = await connect(url, max_size=p.MAX_FRAME, compression=None, ping_interval=None, open_timeout=10)
    await ws.send(HELLO)
    while True:  # welcome, then the snapshot; its final frame means the console is live
        raw = await ws.recv()
        if raw.startswith('{"type":"snapshot"') and '"final":true' in raw:
            return ws
        if raw.startswith('{"type":"error"'):
            raise RuntimeError(raw)


async def _child_job(conn: Any, kind: str, url: str, n: int, feed: dict[str, Any] | None, count: int) -> tuple:
    """Open ``count`` consoles, say "ready", wait for "go", count ``n`` events on each console
    (with ``feed``: while sending the commands), answer ("done", t_all_delivered, latencies, info)."""
    consoles = [await _open_console(url) for _ in range(count)]
    feeder = await _open_console(url) if feed else None
    conn.send(("ready",))
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, conn.recv)  # "go"
    latency = feed is not None and feed.get("rate") is not None
    lat: list[float] = []
    resyncs = 0
    counts: list[int] = [0] * len(consoles)

    async def consume(i: int, ws: Any) -> None:
        nonlocal resyncs
        got = 0
        async for raw in ws:
            if raw.startswith(EVENT) and not raw.startswith(PRESENCE):
                got += 1
                counts[i] = got
                if latency:
                    ev = json.loads(raw)
                    lat.append(time.monotonic() - ev["data"]["speed"])
                if got >= n:
                    return
            elif raw.startswith('{"type":"resync"'):
                resyncs += 1

    tasks = [asyncio.create_task(consume(i, ws)) for i, ws in enumerate(consoles)]
    feed_info: dict[str, Any] = {}
    if feed is not None and feeder is not None:
        feed_task = asyncio.create_task(_feed(feeder, feed, n, feed_info))
    else:
        feed_task = None
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), TIMEOUT)
        t_done = time.monotonic()
        if feed_task is not None:
            await asyncio.wait_for(feed_task, TIMEOUT)
    except TimeoutError:
        return ("error", f"timed out after {TIMEOUT:g} s; resyncs={resyncs}, "
                          f"events per console {sorted(set(counts))} of {n}, info={feed_info}")
    finally:
        for t in tasks:
            t.cancel()
        for ws in [*consoles, *([feeder] if feeder else [])]:
            with contextlib.suppress(Exception):
                await ws.close()
    return ("done", t_done, lat, {"resyncs": resyncs, **feed_info})


async def _feed(ws: Any, feed: dict[str, Any], n: int, info: dict[str, Any]) -> None:
    """Send ``n`` unit.update commands (as fast as possible, or paced at ``rate``/s with the send
    time in ``speed``), read every result; count the refusals."""
    args = feed["args"]
    rate = feed.get("rate")
    run = f"{time.monotonic_ns():x}"  # ids are unique per run: a repeated id is answered, not applied
    failed = 0

    async def results() -> None:
        nonlocal failed
        got = 0
        async for raw in ws:
            if raw.startswith('{"type":"result"'):
                got += 1
                if '"ok":false' in raw:
                    failed += 1
                if got >= n:
                    return

    reader = asyncio.create_task(results())
    t0 = time.monotonic()
    for k in range(n):
        a = args[k % len(args)]
        if rate:
            due = t0 + k / rate
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            a = dict(a, speed=time.monotonic())
        await ws.send(p.dumps({"type": "command", "id": f"f-{run}-{k}", "name": "unit.update", "args": a}))
    await reader
    info["failed"] = failed
    info["send_seconds"] = time.monotonic() - t0


class _Clients:
    """The parent's handle on the child process."""

    def __init__(self) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_child, args=(child,), daemon=True)
        self.proc.start()

    async def recv(self) -> tuple:
        loop = asyncio.get_running_loop()
        if not await loop.run_in_executor(None, self.conn.poll, TIMEOUT + 10):
            raise RuntimeError("the client process did not answer")
        msg = self.conn.recv()
        if msg[0] == "error":
            raise RuntimeError(f"client process: {msg[1]}")
        return msg

    async def run(self, url: str, n: int, feed: dict[str, Any] | None, start: Any = None,
                  consoles: int = CONSOLES) -> tuple[float, list, dict]:
        """Consoles connect; ``start()`` (if any) begins sending; returns (seconds until all
        consoles had n events, latencies, info)."""
        self.conn.send(("job", url, n, feed, consoles))
        await self.recv()  # ready
        t0 = time.monotonic()
        self.conn.send(("go",))
        if start is not None:
            await start()
        _, t_done, lat, info = await self.recv()
        return t_done - t0, lat, info

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.send(("quit",))
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()


# ---- the baseline: a bare websockets server ----------------------------------------------------


async def _bare_broadcast(clients: _Clients, frames: list[str]) -> tuple[float, float]:
    """(frames/s delivered, server CPU µs per delivered frame)"""
    conns: set[Any] = set()
    ready = asyncio.Event()

    async def handler(ws: Any) -> None:
        await ws.recv()  # the hello
        await ws.send('{"type":"snapshot","final":true}')
        conns.add(ws)
        if len(conns) == CONSOLES:
            ready.set()
        await ws.wait_closed()
        conns.discard(ws)

    async with serve(handler, "127.0.0.1", 0, compression=None, max_size=p.MAX_FRAME, ping_interval=None) as srv:
        url = f"ws://127.0.0.1:{srv.sockets[0].getsockname()[1]}/ws"

        async def start() -> None:
            await ready.wait()
            for k, f in enumerate(frames):
                broadcast(conns, f)
                if k % 100 == 99:
                    await asyncio.sleep(0)  # let the loop flush, as between the hub's batches

        cpu = time.process_time()
        elapsed, _, _ = await clients.run(url, len(frames), None, start)
        cpu = time.process_time() - cpu
    return len(frames) * CONSOLES / elapsed, cpu / (len(frames) * CONSOLES) * 1e6


# ---- the hub -----------------------------------------------------------------------------------


async def _hub_fanout(clients: _Clients, hub: Hub, catalog: Any) -> tuple[float, list[str], dict]:
    head0 = hub.store.head()
    feed = {"args": _updates(catalog, 1000)}
    batches0 = hub.batches
    elapsed, _, info = await clients.run(hub.url, N, feed)
    frames = hub.store.events_since(head0)
    assert frames is not None and len(frames) == N, "the hub did not store every update"
    assert info["failed"] == 0, f"{info['failed']} commands failed"
    info["batches"] = hub.batches - batches0
    return N * CONSOLES / elapsed, frames, info


async def _hub_push(clients: _Clients, hub: Hub, frames: list[str]) -> tuple[float, float]:
    async def start() -> None:
        while sum(c.live for c in hub.clients) < CONSOLES:
            await asyncio.sleep(0.001)
        hub._fan_out(frames)  # straight to the fan-out: the relay skips seqs it already handed on

    cpu = time.process_time()
    elapsed, _, _ = await clients.run(hub.url, len(frames), None, start)
    cpu = time.process_time() - cpu
    return len(frames) * CONSOLES / elapsed, cpu / (len(frames) * CONSOLES) * 1e6


async def _hub_latency(clients: _Clients, hub: Hub, catalog: Any) -> tuple[list[float], list[float], dict]:
    """Latencies send → console, and send → handed to the consoles' queues (after the store)."""
    n = LAT_RATE * LAT_SECONDS
    feed = {"args": _updates(catalog, 1000), "rate": LAT_RATE}
    handed: list[float] = []
    broadcast_ = hub._broadcast

    def tap(frames: list[str]) -> None:
        now = time.monotonic()
        handed.extend(now - float(m.group(1)) for f in frames for m in _SPEED.finditer(f))
        broadcast_(frames)

    hub._broadcast = tap  # type: ignore[method-assign]
    try:
        _, lat, info = await clients.run(hub.url, n, feed)
    finally:
        del hub._broadcast
    return lat, handed, info


async def _wire_rate(clients: _Clients, hub: Hub, catalog: Any) -> float:
    """One client (in the client process, no other console) sends WIRE_N unit.update commands
    as fast as it can; the time runs until it has read every result."""
    _, _, info = await clients.run(hub.url, WIRE_N, {"args": _updates(catalog, WIRE_N, start=7)}, consoles=0)
    assert info["failed"] == 0, f"{info['failed']} commands failed"
    return WIRE_N / info["send_seconds"]


def _store_rate(catalog: Any, folder: Path, batch: int) -> float:
    """The same commands straight into Store.execute, in batches of the size the hub ran."""
    store = Store(f"sqlite:///{folder / 'inproc.db'}", catalog)
    actor = Actor("bench", Role.SUPERVISOR)
    from console.models import commands as cmds

    reqs = [Request(actor, "unit.update", cmds.validate_args("unit.update", a), f"s-{k}")
            for k, a in enumerate(_updates(catalog, WIRE_N, start=7))]
    batch = max(1, batch)
    t = time.perf_counter()
    for k in range(0, WIRE_N, batch):
        store.execute(reqs[k:k + batch], now=datetime.now(UTC))
    elapsed = time.perf_counter() - t
    store.close()
    return WIRE_N / elapsed


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


async def _main() -> None:
    catalog = load_catalog()
    clients = _Clients()
    try:
        with tempfile.TemporaryDirectory() as d:
            store = Store(f"sqlite:///{Path(d) / 'hub.db'}", catalog)
            hub = Hub(store, _config(), port=0)
            await hub.start()
            try:
                # warm both paths (imports, JIT-free but caches, SQLite pages) with a short run
                await clients.run(hub.url, 500, {"args": _updates(catalog, 500)})
                ours, frames, info = await _hub_fanout(clients, hub, catalog)
                bare, bare_cpu = await _bare_broadcast(clients, frames)
                push, push_cpu = await _hub_push(clients, hub, frames)
                size = statistics.mean(len(f.encode()) for f in frames)
                print(f"hub fan-out: {ours:,.0f} frames/s to {CONSOLES} consoles (stored: {N:,} unit.update "
                      f"over the wire, {info['batches']} batches) vs bare websockets broadcast {bare:,.0f} "
                      f"frames/s = {ours / bare:.2f}x  (goal >= 0.5x; {size:.0f}-byte frames)")
                print(f"hub fan-out of pre-stored frames (Hub._broadcast): {push:,.0f} frames/s to {CONSOLES} "
                      f"consoles vs bare {bare:,.0f} frames/s = {push / bare:.2f}x; server CPU per delivered frame "
                      f"{push_cpu:.1f} us vs bare {bare_cpu:.1f} us")

                lat, handed, _ = await _hub_latency(clients, hub, catalog)
                ms = [x * 1000 for x in lat]
                hs = [x * 1000 for x in handed]
                print(f"hub latency at {LAT_RATE} updates/s, {CONSOLES} consoles: p50 {_pct(ms, 0.5):.1f} ms, "
                      f"p99 {_pct(ms, 0.99):.1f} ms, max {max(ms):.1f} ms over {len(ms):,} deliveries  "
                      f"(goal p99 <= 100 ms; of which send -> stored and queued to the consoles: "
                      f"p50 {_pct(hs, 0.5):.1f} ms, p99 {_pct(hs, 0.99):.1f} ms)")

                b0, h0 = hub.batches, hub.store.head()
                wire = await _wire_rate(clients, hub, catalog)
                per_batch = (hub.store.head() - h0) / max(1, hub.batches - b0)
            finally:
                await hub.stop()
                store.close()
            inproc = _store_rate(catalog, Path(d), round(per_batch))
        print(f"hub stored commands over the wire: {wire:,.0f} unit.update/s (one client, every result read, "
              f"{per_batch:.0f} per batch) vs Store.execute in-process {inproc:,.0f}/s = {wire / inproc:.2f}x  "
              f"(goal >= 5,000/s)")
    finally:
        clients.close()


def main() -> None:
    asyncio.run(_main())


if __name__ == "__main__":
    main()
