"""An asyncio client of the hub, used by the console, the feeds, the benchmarks and the tests.

- connects, says hello, keeps a replica of the active state (snapshot + events, upserts by id);
- reconnects with exponential backoff and resumes from the last seq it applied;
- detects a gap in seq and resumes from before it, so it never silently misses an event;
- sends commands with unique ids and re-sends the unanswered ones after a reconnect: the hub
  returns the first result for a repeated id, so nothing is applied twice.
No Qt here: the console bridges callbacks into Qt signals.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import random
import ssl
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from .protocol import MAX_FRAME, PROTOCOL, dumps

log = logging.getLogger("console.client")


class HubError(Exception):
    """A refusal from the hub (its code and message), or a fatal connection problem."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


@dataclass
class Replica:
    """The client's copy of the hub's active state."""

    head: int = 0
    incidents: dict[str, dict[str, Any]] = field(default_factory=dict)
    units: dict[str, dict[str, Any]] = field(default_factory=dict)
    teams: dict[str, dict[str, Any]] = field(default_factory=dict)
    reference: dict[str, Any] = field(default_factory=dict)
    cameras: dict[str, dict[str, Any]] = field(default_factory=dict)  # extension: live camera state
    notices: dict[str, dict[str, Any]] = field(default_factory=dict)  # extension: notices by id

    def apply(self, ev: dict[str, Any]) -> None:
        kind, data = ev["kind"], ev["data"]
        if kind == "incident":
            if data.get("state") in ("closed", "rejected", "merged"):
                self.incidents.pop(data["id"], None)  # active state only; history is by query
            else:
                self.incidents[data["id"]] = data
        elif kind == "unit":
            self.units[data["id"]] = data
        elif kind == "team":
            self.teams[data["id"]] = data
        elif kind == "camera":
            self.cameras[data["id"]] = data
        elif kind == "notice":
            for gone in (data.get("purged") or {}).get("notices", ()):
                self.notices.pop(gone, None)
            self.notices[data["id"]] = data
        self.head = ev["seq"]


Callback = Callable[..., None]


class HubClient:
    def __init__(
        self,
        url: str,
        token: str,
        *,
        name: str = "console/0.1",
        ssl_context: ssl.SSLContext | None = None,
        on_snapshot: Callback | None = None,
        on_event: Callback | None = None,
        on_status: Callback | None = None,
        backoff: tuple[float, float] = (0.2, 5.0),
        keep_state: bool = True,
    ) -> None:
        self.url = url
        self.token = token
        self.name = name
        self.ssl_context = ssl_context
        self.on_snapshot = on_snapshot
        self.on_event = on_event
        self.on_status = on_status
        self.backoff = backoff
        self.keep_state = keep_state
        self.replica = Replica()
        self.user: str | None = None
        self.role: str | None = None
        self.team: str | None = None
        self.grids: tuple[str, ...] = ()
        self.connected = asyncio.Event()
        self.synced = asyncio.Event()  # initial state received on the current connection
        self.offline_since: float | None = time.time()
        self.last_error: str | None = None
        self.resyncs = 0
        self.gaps = 0
        self._have_state = False
        self._ws: ClientConnection | None = None
        self._pending: dict[str, tuple[dict[str, Any], asyncio.Future[dict[str, Any]]]] = {}
        self._ids = itertools.count(1)
        self._prefix = uuid.uuid4().hex[:8]
        self._task: asyncio.Task[None] | None = None
        self._stop = False
        self._snap: dict[str, Any] | None = None
        self._changed = asyncio.Event()

    # ---- life -----------------------------------------------------------------------------------

    def start(self) -> asyncio.Task[None]:
        self._task = asyncio.create_task(self.run(), name=f"hub-client {self.name}")
        return self._task

    async def close(self) -> None:
        self._stop = True
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await self._ws.close()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        for _frame, fut in self._pending.values():
            if not fut.done():
                fut.set_exception(HubError("closed", "the client was closed"))

    async def run(self) -> None:
        """Connect, sync, apply events; on any loss, back off and resume. Fatal: a refused token."""
        delay = self.backoff[0]
        while not self._stop:
            try:
                async with connect(self.url, ssl=self.ssl_context, max_size=MAX_FRAME, open_timeout=5,
                                   ping_interval=10, ping_timeout=10, compression=None) as ws:
                    self._ws = ws
                    await self._session(ws)
                    delay = self.backoff[0]
            except HubError as e:
                if e.code == "unauthorized":
                    self._set_offline(e.message)
                    for _f, fut in self._pending.values():
                        if not fut.done():
                            fut.set_exception(e)
                    raise
                self._set_offline(e.message)
            except _Gap:
                self.gaps += 1
                continue  # reconnect at once, resuming from the last applied seq
            except (OSError, ConnectionClosed, InvalidHandshake, InvalidURI, TimeoutError) as e:
                self._set_offline(str(e) or type(e).__name__)
            finally:
                self._ws = None
            if self._stop:
                break
            await asyncio.sleep(delay * (0.8 + 0.4 * random.random()))
            delay = min(self.backoff[1], delay * 2)

    def _set_offline(self, why: str) -> None:
        self.last_error = why
        if self.connected.is_set() or self.offline_since is None:
            self.offline_since = time.time()
        self.connected.clear()
        self.synced.clear()
        if self.on_status:
            self.on_status(False, why)

    async def _session(self, ws: ClientConnection) -> None:
        resume = self.replica.head if self._have_state else None
        await ws.send(dumps({"type": "hello", "protocol": PROTOCOL, "token": self.token, "client": self.name,
                             "resume_from": resume}))
        welcome = json.loads(await asyncio.wait_for(ws.recv(), 10))
        if welcome.get("type") == "error":
            raise HubError(welcome.get("code", "error"), welcome.get("message", ""))
        self.user, self.role = welcome["user"], welcome["role"]
        self.team, self.grids = welcome.get("team"), tuple(welcome.get("grids") or ())
        if resume is not None and welcome["head"] == resume:
            self.synced.set()
        self.connected.set()
        self.offline_since = None
        self.last_error = None
        if self.on_status:
            self.on_status(True, None)
        for frame, _fut in list(self._pending.values()):  # unanswered: same ids, so no double apply
            await ws.send(dumps(frame))
        async for raw in ws:
            self._on_frame(json.loads(raw))

    def _on_frame(self, msg: dict[str, Any]) -> None:
        t = msg.get("type")
        if t == "event":
            seq = msg["seq"]
            if seq <= self.replica.head and self._have_state:
                return  # already applied (replayed twice across a reconnect)
            if self._have_state and seq != self.replica.head + 1:
                raise _Gap()
            if self.keep_state:
                self.replica.apply(msg)
            else:
                self.replica.head = seq
            self._have_state = True
            if not self.synced.is_set() and self._snap is None:
                self.synced.set()
            if self.on_event:
                self.on_event(msg)
            self._changed.set()
        elif t == "snapshot":
            if self._snap is None:
                self._snap = {"head": msg["head"], "incidents": [], "units": [], "teams": [], "reference": {}}
            s = self._snap
            s["incidents"] += msg.get("incidents", [])
            s["units"] += msg.get("units", [])
            s["teams"] += msg.get("teams", [])
            for k, v in msg.items():
                if k not in ("type", "head", "final", "incidents", "units", "teams") and v:
                    s["reference"][k] = v
            if msg.get("final"):
                self._snap = None
                r = self.replica
                r.head = s["head"]
                r.incidents = {i["id"]: i for i in s["incidents"]}
                r.units = {u["id"]: u for u in s["units"]}
                r.teams = {x["id"]: x for x in s["teams"]}
                if s["reference"]:
                    r.reference = s["reference"]
                r.cameras = {c["id"]: c for c in s["reference"].get("cameras", ())}
                r.notices = {n["id"]: n for n in s["reference"].get("notices", ())}
                self._have_state = True
                self.synced.set()
                if self.on_snapshot:
                    self.on_snapshot(r)
                self._changed.set()
        elif t == "result":
            entry = self._pending.pop(msg.get("id"), None)
            if entry is not None and not entry[1].done():
                entry[1].set_result(msg)
        elif t == "resync":
            self.resyncs += 1
            self._snap = None
        elif t == "error":
            log.warning("hub error: %s %s", msg.get("code"), msg.get("message"))

    # ---- commands -------------------------------------------------------------------------------

    def next_id(self) -> str:
        return f"{self.name}-{self._prefix}-{next(self._ids)}"

    async def command(self, name: str, args: dict[str, Any] | None = None, *, id: str | None = None,
                      timeout: float | None = 30.0) -> dict[str, Any]:
        """Send a command; wait for its result (across reconnects). Returns the result frame,
        ok or not; raises HubError only if the client is closed or the token is refused."""
        cid = id or self.next_id()
        frame = {"type": "command", "id": cid, "name": name, "args": args or {}}
        fut: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[cid] = (frame, fut)
        ws = self._ws
        if ws is not None and self.connected.is_set():
            with contextlib.suppress(ConnectionClosed):
                await ws.send(dumps(frame))
        return await asyncio.wait_for(fut, timeout)

    async def send_nowait(self, name: str, args: dict[str, Any]) -> str:
        """Fire a command without waiting for its result (feeds at high rate)."""
        cid = self.next_id()
        if self._ws is not None:
            await self._ws.send(dumps({"type": "command", "id": cid, "name": name, "args": args}))
        return cid

    async def wait_for(self, predicate: Callable[[Replica], bool], timeout: float = 10.0) -> None:
        """Wait until the replica satisfies ``predicate`` (re-checked after each change)."""
        async def _loop() -> None:
            while not predicate(self.replica):
                self._changed.clear()
                await self._changed.wait()

        await asyncio.wait_for(_loop(), timeout)


class _Gap(Exception):
    """An event's seq skipped ahead: reconnect and resume from the last one applied."""
