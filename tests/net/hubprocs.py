"""Harness for the tests of several hubs (CONTRACT §5 "Several hubs").

- ``HubProcs``: N real hub processes (``main.py hub --port 0 --db URL --config FILE``) on one
  database, each ready once it printed ``hub listening on ws://…``; one can be killed with
  SIGKILL (a machine lost, nothing flushed, no close frame sent) or stopped with SIGTERM.
- ``Watcher``: what a ``HubClient`` saw — every event's seq in the order applied, the snapshots,
  each status change with its time and the hub URL in use — and the checks the tests make of it
  (seq order without gaps), waited on as conditions.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.net.client import HubClient

ROOT = Path(__file__).resolve().parents[2]
READY = "hub listening on "

USERS = {  # name -> (role, token)
    "sup": ("supervisor", "tok-procs-sup-0123456789"),
    "op": ("operator", "tok-procs-op-0123456789"),
    "wall": ("viewer", "tok-procs-wall-0123456789"),
}
TOKENS = {name: token for name, (_, token) in USERS.items()}


def write_config(path: Path) -> Path:
    path.write_text("".join(f'[[users]]\nname = "{n}"\nrole = "{r}"\ntoken = "{t}"\n\n'
                            for n, (r, t) in USERS.items()), encoding="utf-8")
    return path


@dataclass
class HubProc:
    proc: asyncio.subprocess.Process
    url: str
    log: Path

    @property
    def alive(self) -> bool:
        return self.proc.returncode is None

    async def kill(self) -> None:
        """SIGKILL: the process is gone at once; its sockets are closed by the kernel (RST/FIN),
        its transactions under way are rolled back by the database."""
        if self.alive:
            self.proc.send_signal(signal.SIGKILL)
        await self.proc.wait()

    async def stop(self, timeout: float = 30.0) -> None:
        if self.alive:
            self.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.proc.wait(), timeout)
            except TimeoutError:
                self.proc.send_signal(signal.SIGKILL)
                await self.proc.wait()


class HubProcs:
    """``async with HubProcs(tmp_path, db_url) as procs: a, b = await procs.start(2)``"""

    def __init__(self, folder: Path, db_url: str) -> None:
        self.folder = folder
        self.db_url = db_url
        self.config = write_config(folder / "hubs.toml")
        self.hubs: list[HubProc] = []

    async def __aenter__(self) -> HubProcs:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        for h in self.hubs:
            await h.stop()
            if h.proc.stdout is not None:
                with contextlib.suppress(Exception):
                    await h.proc.stdout.read()
            transport = getattr(h.proc, "_transport", None)
            if transport is not None:
                transport.close()  # else "unclosed transport" warnings, errors under this suite

    async def start(self, n: int = 1, timeout: float = 60.0) -> list[HubProc]:
        """Start n hubs, one after the other (the first migrates a fresh database; two at once
        would both try); wait until each said where it listens."""
        return [await self._one(timeout) for _ in range(n)]

    async def restart(self, old: HubProc, timeout: float = 60.0) -> HubProc:
        """A hub again on a stopped (or killed) one's port: the same URL."""
        await old.kill()
        return await self._one(timeout, port=int(old.url.rsplit(":", 1)[1].split("/", 1)[0]))

    async def _one(self, timeout: float, port: int = 0) -> HubProc:
        k = len(self.hubs) + 1
        log = self.folder / f"hub-{k}-{time.monotonic_ns()}.log"
        with open(log, "wb") as err:
            proc = await asyncio.create_subprocess_exec(
                sys.executable, str(ROOT / "main.py"), "hub", "--port", str(port), "--db", self.db_url,
                "--config", str(self.config), cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=err,
                env={**os.environ, "PYTHONUNBUFFERED": "1"})
        hub = HubProc(proc, "", log)
        self.hubs.append(hub)
        assert proc.stdout is not None
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            line = (await asyncio.wait_for(proc.stdout.readline(), max(left, 0.01))).decode()
            if line.startswith(READY):
                hub.url = line[len(READY):].strip()
                return hub
            if not line:  # the hub ended before it listened: say why
                await proc.wait()
                raise AssertionError(f"a hub did not start (exit {proc.returncode}): {log.read_text()[-2000:]}")


@dataclass
class Watcher:
    """Hooks a client's callbacks and keeps what it saw."""

    seqs: list[int] = field(default_factory=list)  # every event applied, in order
    events: list[dict[str, Any]] = field(default_factory=list)  # … and the events themselves
    snapshots: list[int] = field(default_factory=list)  # each snapshot's head
    statuses: list[tuple[float, bool, str | None, str]] = field(default_factory=list)  # (monotonic, online, why, url)
    client: HubClient | None = None
    _changed: asyncio.Event = field(default_factory=asyncio.Event)

    def make(self, url: str | list[str], token: str, **kw: Any) -> HubClient:
        self.client = HubClient(url, token, on_event=self._event, on_snapshot=self._snapshot,
                                on_status=self._status, **kw)
        return self.client

    def _event(self, msg: dict[str, Any]) -> None:
        self.seqs.append(msg["seq"])
        self.events.append(msg)
        self._changed.set()

    def _snapshot(self, replica: Any) -> None:
        self.snapshots.append(replica.head)
        self._changed.set()

    def _status(self, online: bool, why: str | None) -> None:
        assert self.client is not None
        self.statuses.append((time.monotonic(), online, why, self.client.current_url))
        self._changed.set()

    @property
    def head(self) -> int:
        return self.seqs[-1] if self.seqs else (self.snapshots[-1] if self.snapshots else 0)

    def offline_after(self, t: float) -> float | None:
        """When the client first said offline after monotonic time t."""
        return next((at for at, online, _, _ in self.statuses if at >= t and not online), None)

    def online_after(self, t: float) -> tuple[float, str] | None:
        return next(((at, url) for at, online, _, url in self.statuses if at >= t and online), None)

    async def until(self, predicate: Callable[[], bool], timeout: float = 20.0) -> None:
        async def _loop() -> None:
            while not predicate():
                self._changed.clear()
                await self._changed.wait()

        await asyncio.wait_for(_loop(), timeout)

    def notices(self) -> list[str]:
        """The text of every notice event seen, in order (each command's one event)."""
        return [e["data"]["text"] for e in self.events if e["kind"] == "notice"]

    def assert_gapless(self, upto: int) -> None:
        """One snapshot, then every event after its head up to ``upto``, each once, in seq order."""
        assert len(self.snapshots) == 1, f"a second snapshot: the client did not resume ({self.snapshots})"
        want = list(range(self.snapshots[0] + 1, upto + 1))
        assert self.seqs == want, f"seen {self.seqs}, want {self.snapshots[0] + 1}..{upto}"


async def until(predicate: Callable[[], bool], timeout: float, step: float = 0.05) -> float:
    """Wait (polling) until predicate() is true; the monotonic time it was first seen true."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"not within {timeout} s")
        await asyncio.sleep(step)
    return time.monotonic()


async def synced(client: HubClient, timeout: float = 20) -> HubClient:
    """Start a client; wait for its initial state."""
    client.start()
    await asyncio.wait_for(client.synced.wait(), timeout)
    return client
