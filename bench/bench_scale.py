"""1,000 consoles on one hub (issue 17; DESIGN.md: "≤ 50 ms with 1,000 consoles is the next step").

A real ``Hub`` (console/net/hub.py) on a temporary SQLite file runs in this process, as in
bench_hub. 1,000 consoles are light clients in ANOTHER process (bench/_procs.py: plain sockets,
one epoll loop): each upgrades, says hello with a real token, reads its snapshot, then only walks
frame headers, counting event frames and noting the time of every read that brought some. A feed
connection in that process sends ``unit.update`` at 100/s (1 s warm-up, then 25 s measured), so
the hub stores 100 updates/s and delivers 100,000 event frames/s.

Latency of a delivery: the command's send time → the read that brought its event to a console.
Events come in seq order, one per command, to every console, so the k-th event a console counts
is the k-th command (checked on one console, which keeps its frames: the ``speed`` each echoes is
the send time of the command of that index). Throughput: deliveries counted / (last delivery −
first send) over the measured part.

Baseline, same run, same client process: a bare ``websockets`` server broadcasting the hub's own
stored frames (same size) at the same rate with ``websockets.asyncio.server.broadcast`` to 1,000
such clients. Goals: delivery p99 ≤ 50 ms, throughput ≥ 0.8× the bare broadcast.

``BENCH_SCALE_PROFILE=FILE`` writes a cProfile of the hub process's loop during the hub's run.
"""

from __future__ import annotations

import asyncio
import contextlib
import cProfile
import multiprocessing as mp
import os
import re
import statistics
import tempfile
import time
from array import array
from pathlib import Path
from typing import Any

CONSOLES = int(os.environ.get("BENCH_SCALE_CONSOLES", 1000))
RATE = 100  # unit updates per second into the hub
WARM_S = 1
SECONDS = int(os.environ.get("BENCH_SCALE_SECONDS", 25))
TOKEN = "bench-scale-token-0123456789"
DRAIN = 20.0  # after the last send, how long the consoles may take to get the rest
_SPEED = re.compile(rb'"speed":([0-9.e+-]+)')


def _hello() -> str:
    from console.net import protocol as p

    return p.dumps({"type": "hello", "protocol": p.PROTOCOL, "token": TOKEN, "client": "bench-scale",
                    "resume_from": None})


def _live(payload: bytes) -> bool:
    if payload.startswith(b'{"type":"error"'):
        raise RuntimeError(payload[:300].decode())
    return payload.startswith(b'{"type":"snapshot"') and b'"final":true' in payload[:200]


# ---- the client process -------------------------------------------------------------------------------


def _child(conn: Any) -> None:
    from bench._procs import raise_nofile

    raise_nofile(4 * CONSOLES + 100)
    while True:
        job = conn.recv()
        if job[0] == "quit":
            return
        try:
            conn.send(_child_job(conn, *job[1:]))
        except Exception as e:  # report, never hang the parent
            import traceback

            conn.send(("error", f"{type(e).__name__}: {e}\n{traceback.format_exc()[-1500:]}"))


def _child_job(conn: Any, url: str, count: int, n: int, feed: dict[str, Any] | None) -> tuple:
    from bench._procs import LightClient, open_clients, poll_loop
    from console.net import protocol as p

    t = time.monotonic()
    consoles = open_clients(url, count, _hello(), _live)
    consoles[0].keep = []  # one console keeps its frames: the index → command check
    feeder: LightClient | None = None
    if feed is not None:
        feeder = open_clients(url, 1, _hello(), _live)[0]
        feeder.keep = []
    conn.send(("ready", time.monotonic() - t))
    conn.recv()  # go
    sent = array("d")
    run = f"{time.monotonic_ns():x}"
    args = feed["args"] if feed else []
    state = {"k": 0, "t0": time.monotonic(), "last_send": None}
    everyone = [*consoles, *([feeder] if feeder else [])]

    def tick(now: float) -> float | None:
        if feeder is None:
            return None
        k = state["k"]
        while k < n and now >= state["t0"] + k / RATE:
            a = dict(args[k % len(args)], speed=time.monotonic())
            feeder.sock.send(_frame(p.dumps({"type": "command", "id": f"s-{run}-{k}", "name": "unit.update",
                                             "args": a})))
            sent.append(a["speed"])
            k += 1
            now = time.monotonic()
        state["k"] = k
        if k >= n:
            if state["last_send"] is None:
                state["last_send"] = now
            return None
        return state["t0"] + k / RATE - now

    def until(now: float) -> bool:
        if all(c.events >= n or c.closed for c in consoles):
            return True
        last = state["last_send"] if feeder is not None else state.get("deadline")
        if last is None and feeder is None:
            state["deadline"] = last = state["t0"] + n / RATE
        return last is not None and now > last + DRAIN

    cpu = time.process_time()
    poll_loop(everyone, until, tick)
    cpu = time.process_time() - cpu
    wall = time.monotonic() - state["t0"]
    mismatch = checked = 0
    if feeder is not None:  # the sampled console's k-th event echoes the k-th command's send time
        evs = [f for f in consoles[0].keep or [] if f.startswith(b'{"type":"event","seq":') and f[22] != ord("n")]
        for k, f in enumerate(evs[: len(sent)]):
            m = _SPEED.search(f)
            checked += 1
            if m is None or float(m.group(1)) != sent[k]:
                mismatch += 1
    failed = sum(1 for f in (feeder.keep if feeder else []) or [] if f.startswith(b'{"type":"result"')
                 and b'"ok":false' in f)
    out = {
        "times": [c.times.tobytes() for c in consoles], "counts": [c.counts.tobytes() for c in consoles],
        "events": [c.events for c in consoles], "other": sum(c.other for c in consoles),
        "closed": sum(c.closed for c in consoles), "sent": sent.tobytes(), "cpu": cpu, "wall": wall,
        "checked": checked, "mismatch": mismatch, "failed": failed,
    }
    for c in everyone:
        c.close()
    return ("done", out)


def _frame(text: str) -> bytes:
    from bench._procs import client_frame

    return client_frame(text)


class _Clients:
    def __init__(self) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_child, args=(child,), daemon=True)
        self.proc.start()

    async def recv(self, timeout: float) -> tuple:
        loop = asyncio.get_running_loop()
        if not await loop.run_in_executor(None, self.conn.poll, timeout):
            raise RuntimeError("the client process did not answer")
        msg = await loop.run_in_executor(None, self.conn.recv)
        if msg[0] == "error":
            raise RuntimeError(f"client process: {msg[1]}")
        return msg

    async def run(self, url: str, n: int, feed: dict[str, Any] | None, start: Any = None) -> tuple[float, dict]:
        self.conn.send(("job", url, CONSOLES, n, feed))
        _, setup = await self.recv(300)
        self.conn.send(("go",))
        if start is not None:
            await start()
        _, out = await self.recv(n / RATE + DRAIN + 120)
        return setup, out

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.send(("quit",))
        self.proc.join(10)
        if self.proc.is_alive():
            self.proc.kill()


# ---- figures --------------------------------------------------------------------------------------------


def _figures(out: dict, sent: Any, skip: int) -> dict[str, float]:
    """Latencies (ms) of every delivery of command index ≥ skip, and deliveries/s."""
    import numpy as np

    sent = np.asarray(sent)
    lats = []
    last = 0.0
    delivered = 0
    for tb, cb in zip(out["times"], out["counts"], strict=True):
        t = np.frombuffer(tb, dtype="d")
        c = np.frombuffer(cb, dtype="l")
        if not len(t):
            continue
        per = np.repeat(t, np.diff(np.concatenate(([0], c))))[: len(sent)]
        per = per[skip:]
        lats.append((per - sent[skip: skip + len(per)]) * 1000)
        delivered += len(per)
        if len(per):
            last = max(last, float(per[-1]))
    lat = np.concatenate(lats) if lats else np.zeros(1)
    span = last - float(sent[skip])
    return {"p50": float(np.percentile(lat, 50)), "p99": float(np.percentile(lat, 99)), "max": float(lat.max()),
            "delivered": delivered, "rate": delivered / span if span > 0 else 0.0,
            "expected": (len(sent) - skip) * CONSOLES}


# ---- the two servers ----------------------------------------------------------------------------------


async def _bare(clients: _Clients, frames: list[str], skip: int) -> tuple[dict, dict]:
    from websockets.asyncio.server import broadcast, serve

    from console.net import protocol as p

    conns: set[Any] = set()
    ready = asyncio.Event()
    sent = array("d")

    async def handler(ws: Any) -> None:
        await ws.recv()  # the hello
        await ws.send('{"type":"snapshot","final":true}')
        conns.add(ws)
        if len(conns) == CONSOLES:
            ready.set()
        await ws.wait_closed()
        conns.discard(ws)

    async with serve(handler, "127.0.0.1", 0, compression=None, max_size=p.MAX_FRAME, backlog=1024) as srv:
        url = f"ws://127.0.0.1:{srv.sockets[0].getsockname()[1]}/ws"

        async def start() -> None:
            await ready.wait()
            t0 = time.monotonic()
            for k, f in enumerate(frames):
                delay = t0 + k / RATE - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                sent.append(time.monotonic())
                broadcast(conns, f)

        cpu = time.process_time()
        setup, out = await clients.run(url, len(frames), None, start)
        cpu = time.process_time() - cpu
    fig = _figures(out, sent, skip)
    return fig, {"setup": setup, "cpu": cpu, "child_cpu": out["cpu"], "wall": out["wall"], "other": out["other"],
                 "closed": out["closed"]}


async def _hub_run(clients: _Clients, folder: Path, n: int, skip: int) -> tuple[dict, dict, list[str]]:
    from console.models.catalog import UNIT_STATUSES, load_catalog
    from console.models.lifecycle import Role
    from console.models.store import Store
    from console.net.config import HubConfig, User
    from console.net.hub import Hub

    catalog = load_catalog()
    units = sorted(catalog.units.values(), key=lambda u: u.id)
    args = [{"unit": u.id, "lat": round(u.lat + (k % 97) * 1e-5, 6), "lon": round(u.lon - (k % 89) * 1e-5, 6),
             "status": UNIT_STATUSES[k % len(UNIT_STATUSES)], "heading": float(k % 360)}
            for k, u in ((k, units[k % len(units)]) for k in range(1000))]
    store = Store(f"sqlite:///{folder / 'hub.db'}", catalog)
    config = HubConfig(users=(User("bench", Role.SUPERVISOR, TOKEN),), rate=1e9, burst=10**9)
    hub = Hub(store, config, port=0)
    await hub.start()
    handed: list[float] = []
    broadcast_ = hub._broadcast
    speed = re.compile(r'"speed":([0-9.e+-]+)')

    def tap(frames: list[str]) -> None:  # send → stored and queued to every console
        now = time.monotonic()
        handed.extend(now - float(m.group(1)) for f in frames for m in speed.finditer(f))
        broadcast_(frames)

    hub._broadcast = tap  # type: ignore[method-assign]
    resyncs = [0]
    resync_ = hub._resync

    def counted(c: Any) -> None:
        resyncs[0] += 1
        resync_(c)

    hub._resync = counted  # type: ignore[method-assign]
    prof = cProfile.Profile() if os.environ.get("BENCH_SCALE_PROFILE") else None
    try:
        head0 = store.head()
        b0 = hub.batches

        async def start() -> None:
            if prof is not None:
                prof.enable()

        cpu = time.process_time()
        setup, out = await clients.run(hub.url, n, {"args": args}, start)
        cpu = time.process_time() - cpu
        if prof is not None:
            prof.disable()
            prof.dump_stats(os.environ["BENCH_SCALE_PROFILE"])
        batches = hub.batches - b0
        frames = store.events_since(head0) or []
    finally:
        del hub._broadcast, hub._resync
        await hub.stop()
        store.close()
    sent = array("d")
    sent.frombytes(out["sent"])
    fig = _figures(out, sent, skip)
    hs = sorted(x * 1000 for x in handed[skip:])
    return fig, {"setup": setup, "cpu": cpu, "child_cpu": out["cpu"], "wall": out["wall"], "batches": batches,
                 "resyncs": resyncs[0], "failed": out["failed"], "checked": out["checked"],
                 "mismatch": out["mismatch"], "other": out["other"], "closed": out["closed"],
                 "queued_p50": statistics.median(hs) if hs else float("nan"),
                 "queued_p99": hs[int(0.99 * len(hs))] if hs else float("nan")}, frames


async def _main() -> None:
    from bench._procs import raise_nofile

    raise_nofile(4 * CONSOLES + 100)
    n = RATE * (WARM_S + SECONDS)
    skip = RATE * WARM_S
    clients = _Clients()
    try:
        with tempfile.TemporaryDirectory() as d:
            hub, hinfo, frames = await _hub_run(clients, Path(d), n, skip)
        if len(frames) != n:
            print(f"scale: the hub stored {len(frames)} of {n} updates; no baseline ({hub}, {hinfo})")
            return
        bare, binfo = await _bare(clients, frames, skip)
    finally:
        clients.close()
    size = statistics.mean(len(f.encode()) for f in frames)
    span = SECONDS
    print(f"scale: delivery latency, {CONSOLES:,} consoles (another process, light clients), {RATE} unit.update/s "
          f"stored on SQLite = {RATE * CONSOLES:,} deliveries/s offered, {span} s: p50 {hub['p50']:.1f} ms, "
          f"p99 {hub['p99']:.1f} ms, max {hub['max']:.0f} ms  (goal p99 <= 50 ms; send -> stored and queued "
          f"p50 {hinfo['queued_p50']:.1f}, p99 {hinfo['queued_p99']:.1f} ms; {hinfo['batches']} batches) vs bare "
          f"websockets broadcast p50 {bare['p50']:.1f} ms, p99 {bare['p99']:.1f} ms, max {bare['max']:.0f} ms")
    print(f"scale: throughput {hub['rate']:,.0f} deliveries/s ({hub['delivered']:,} of {hub['expected']:,}) vs bare "
          f"websockets broadcast {bare['rate']:,.0f}/s ({bare['delivered']:,} of {bare['expected']:,}) = "
          f"{hub['rate'] / bare['rate']:.2f}x  (goal >= 0.8x; {size:.0f}-byte frames; CPU hub process "
          f"{hinfo['cpu'] / hinfo['wall']:.0%} vs bare server {binfo['cpu'] / binfo['wall']:.0%}, client process "
          f"{hinfo['child_cpu'] / hinfo['wall']:.0%} / {binfo['child_cpu'] / binfo['wall']:.0%} of a core; "
          f"consoles closed {hinfo['closed']} / {binfo['closed']}, resyncs {hinfo['resyncs']}, "
          f"failed commands {hinfo['failed']}, index check "
          f"{hinfo['checked'] - hinfo['mismatch']}/{hinfo['checked']}; connecting {CONSOLES:,} took "
          f"{hinfo['setup']:.1f} s / {binfo['setup']:.1f} s)")


def main() -> None:
    asyncio.run(_main())


if __name__ == "__main__":
    main()
