"""An asyncio client of the hub, used by the console, the feeds, the benchmarks and the tests.

The thin I/O loop around :class:`~console.net.session.ClientSession`, which knows the protocol:
- connects, says hello, keeps a replica of the active state (snapshot + events, upserts by id);
- reconnects with exponential backoff and resumes from the last seq it applied;
- on a gap in seq, resumes from before it, so it never silently misses an event;
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
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from . import protocol as p
from .protocol import MAX_FRAME, dumps
from .session import (
    ClientSession,
    EventApplied,
    Gap,
    HubError,
    HubSaid,
    Replica,
    ResultArrived,
    SnapshotDone,
    Transient,
)

__all__ = ["HubClient", "HubError", "Replica"]

log = logging.getLogger("console.client")


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
        on_presence: Callback | None = None,
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
        self.on_presence = on_presence  # events with "seq": null (kind "presence"), as they come
        self.backoff = backoff
        self.session = ClientSession(token, name, keep_state=keep_state)
        self.connected = asyncio.Event()
        self.synced = asyncio.Event()  # initial state received on the current connection
        self.offline_since: float | None = time.time()
        self.last_error: str | None = None
        self.gaps = 0
        self._ws: ClientConnection | None = None
        self._futures: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._ids = itertools.count(1)
        self._prefix = uuid.uuid4().hex[:8]
        self._task: asyncio.Task[None] | None = None
        self._stop = False
        self._changed = asyncio.Event()

    # what the session knows, read as the client's own (feeds and tests use these)
    replica = property(lambda self: self.session.replica)
    user = property(lambda self: self.session.user)
    role = property(lambda self: self.session.role)
    team = property(lambda self: self.session.team)
    grids = property(lambda self: self.session.grids)
    resyncs = property(lambda self: self.session.resyncs)

    def resume_from(self, seq: int) -> None:
        """Start from a known seq (the replica is assumed to hold the state up to it)."""
        self.session.replica.head = seq
        self.session.have_state = True

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
        for fut in self._futures.values():
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
                    for fut in self._futures.values():
                        if not fut.done():
                            fut.set_exception(e)
                    raise
                self._set_offline(e.message)
            except Gap:
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
        session = self.session
        await ws.send(dumps(session.hello()))
        resend = session.welcome(json.loads(await asyncio.wait_for(ws.recv(), 10)))
        if session.synced:
            self.synced.set()
        self.connected.set()
        self.offline_since = None
        self.last_error = None
        if self.on_status:
            self.on_status(True, None)
        for frame in resend:  # unanswered: same ids, so no double apply
            await ws.send(dumps(frame))
        async for raw in ws:
            self._on_frame(json.loads(raw))

    def _on_frame(self, msg: dict[str, Any]) -> None:
        what = self.session.receive(msg)  # raises Gap
        if isinstance(what, EventApplied):
            if self.session.synced:
                self.synced.set()
            if self.on_event:
                self.on_event(msg)
            self._changed.set()
        elif isinstance(what, SnapshotDone):
            self.synced.set()
            if self.on_snapshot:
                self.on_snapshot(what.replica)
            self._changed.set()
        elif isinstance(what, Transient):
            if self.on_presence:
                self.on_presence(msg)
        elif isinstance(what, ResultArrived):
            fut = self._futures.pop(what.id, None)
            if fut is not None and not fut.done():
                fut.set_result(what.frame)
        elif isinstance(what, HubSaid):
            log.warning("hub error: %s %s", what.code, what.message)

    # ---- commands -------------------------------------------------------------------------------

    def next_id(self) -> str:
        return f"{self.name}-{self._prefix}-{next(self._ids)}"

    async def command(self, name: str, args: dict[str, Any] | None = None, *, id: str | None = None,
                      timeout: float | None = 30.0) -> dict[str, Any]:
        """Send a command; wait for its result (across reconnects). Returns the result frame,
        ok or not; raises HubError only if the client is closed or the token is refused."""
        cid = id or self.next_id()
        frame = self.session.command(cid, name, args)
        fut: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._futures[cid] = fut
        ws = self._ws
        if ws is not None and self.connected.is_set():
            with contextlib.suppress(ConnectionClosed):
                await ws.send(dumps(frame))
        try:
            return await asyncio.wait_for(fut, timeout)
        finally:
            self._futures.pop(cid, None)
            self.session.forget(cid)

    async def send_nowait(self, name: str, args: dict[str, Any]) -> str:
        """Fire a command without waiting for its result (feeds at high rate)."""
        cid = self.next_id()
        if self._ws is not None:
            await self._ws.send(dumps(p.command(cid, name, args)))
        return cid

    async def wait_for(self, predicate: Callable[[Replica], bool], timeout: float = 10.0) -> None:
        """Wait until the replica satisfies ``predicate`` (re-checked after each change)."""
        async def _loop() -> None:
            while not predicate(self.replica):
                self._changed.clear()
                await self._changed.wait()

        await asyncio.wait_for(_loop(), timeout)
