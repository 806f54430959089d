"""An asyncio client of the hub, used by the console, the feeds, the benchmarks and the tests.

The thin I/O loop around :class:`~console.net.session.ClientSession`, which knows the protocol:
- connects, says hello, keeps a replica of the active state (snapshot + events, upserts by id);
- takes one hub URL or several (``"ws://a:8765/ws,ws://b:8765/ws"`` or a list): when the
  connection to one fails (refused, closed, timed out, silent) it moves to the next at once,
  round robin, and backs off (exponentially) only after a whole round failed;
- resumes from the last seq it applied, on whichever hub: hubs sharing one database hold the
  same log, so a move loses no event;
- notices a line gone silent (a cable pulled, a switch dead, no close ever coming): it pings
  every second and counts any byte from the hub as a sign of life (a pong queued behind a
  megabyte snapshot is no false alarm: the snapshot's own bytes are); no byte for ``SILENT_S``
  and the connection is given up, the console goes offline and moves on;
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
from collections.abc import Callable, Sequence
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

PING_S = 1.0  # a ping every second: a healthy hub answers within a round trip
SILENT_S = 3.0  # no byte from the hub this long: the line is dead (offline within SILENT_S + TICK_S)
TICK_S = 0.25  # how often the silence is measured
OPEN_S = 4.0  # TCP + WebSocket handshake, then on to the next hub
WELCOME_S = 10.0  # the hub's answer to hello
STABLE_S = 5.0  # a connection that lived this long after its welcome worked: backoff starts again


def hub_urls(url: str | Sequence[str]) -> tuple[str, ...]:
    """The hubs to try, in order: ``"ws://a/ws,ws://b/ws"`` or a list of URLs (items may hold
    commas too). Blanks around each are dropped; ValueError when none is left."""
    items = [url] if isinstance(url, str) else list(url)
    urls = tuple(u.strip() for item in items for u in str(item).split(",") if u.strip())
    if not urls:
        raise ValueError(f"no hub URL in {url!r}")
    return urls


class _Line(ClientConnection):
    """A client connection that remembers when the hub was last heard: any byte received, or a
    message taken off the queue (while the console digests a long snapshot the socket's reading
    is paused by flow control, and that is no silence of the hub's)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.heard = time.monotonic()

    def data_received(self, data: bytes) -> None:
        self.heard = time.monotonic()
        super().data_received(data)


class HubClient:
    def __init__(
        self,
        url: str | Sequence[str],
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
        silent_after: float | None = SILENT_S,
        ping_every: float = PING_S,
    ) -> None:
        """``url``: one hub URL, several separated by commas, or a list. ``on_status(online, why)``
        is called on every connection made and lost; it may read :attr:`current_url`, the hub
        just connected to (online) or just lost (offline). ``silent_after``: seconds without a
        byte from the hub before the connection is given up (None: never), with a ping every
        ``ping_every`` s."""
        self.urls = hub_urls(url)
        self.current_url = self.urls[0]
        self.moves = 0  # for tests: how often the client moved on to the next URL
        self.token = token
        self.name = name
        self.ssl_context = ssl_context
        self.on_snapshot = on_snapshot
        self.on_event = on_event
        self.on_status = on_status
        self.on_presence = on_presence  # events with "seq": null (kind "presence"), as they come
        self.backoff = backoff
        self.silent_after = silent_after
        self.ping_every = ping_every
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
        self._silent: str | None = None  # why the watchdog gave the current connection up
        self._welcomed_at: float | None = None  # monotonic time of the current connection's welcome

    @property
    def url(self) -> str:
        """The hub URL in use (or being tried): one of :attr:`urls`."""
        return self.current_url

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
        """Connect, sync, apply events; on any loss, move to the next hub and resume, backing off
        after a whole round of them failed. Fatal: a refused token."""
        delay = self.backoff[0]
        failures = 0  # connections refused or lost in a row (one that lived STABLE_S ends a run)
        while not self._stop:
            url = self.current_url
            self._silent = None
            self._welcomed_at = None
            try:
                async with connect(url, ssl=self.ssl_context, max_size=MAX_FRAME, open_timeout=OPEN_S,
                                   ping_interval=self.ping_every, ping_timeout=None, close_timeout=2,
                                   compression=None, create_connection=_Line) as ws:
                    self._ws = ws
                    await self._session(ws)
                    if not self._stop:  # closed cleanly by the hub (1001: a hub stopping): still a loss
                        self._set_offline(self._why(f"the hub closed the connection ({ws.close_code} "
                                                    f"{ws.close_reason or 'no reason given'})"))
            except HubError as e:
                self._set_offline(self._why(e.message))
                if e.code == "unauthorized":
                    for fut in self._futures.values():
                        if not fut.done():
                            fut.set_exception(e)
                    raise
            except Gap:
                self.gaps += 1
                continue  # reconnect at once, to the same hub, resuming from the last applied seq
            except (OSError, ConnectionClosed, InvalidHandshake, InvalidURI, TimeoutError) as e:
                self._set_offline(self._silent or self._why(str(e) or type(e).__name__))
            finally:
                self._ws = None
            if self._stop:
                break
            if self._welcomed_at is not None and time.monotonic() - self._welcomed_at >= STABLE_S:
                failures, delay = 0, self.backoff[0]  # it worked for a while: a fresh round
            failures += 1
            if len(self.urls) > 1:
                self.current_url = self.urls[(self.urls.index(url) + 1) % len(self.urls)]
                self.moves += 1
            if failures % len(self.urls):
                continue  # the next hub at once: back off only after every one of them failed
            await asyncio.sleep(delay * (0.8 + 0.4 * random.random()))
            delay = min(self.backoff[1], delay * 2)

    def _why(self, text: str) -> str:
        """Which hub, when there are several to tell apart."""
        return f"{self.current_url}: {text}" if len(self.urls) > 1 else text

    def _set_offline(self, why: str) -> None:
        self.last_error = why
        if self.connected.is_set() or self.offline_since is None:
            self.offline_since = time.time()
        self.connected.clear()
        self.synced.clear()
        if self.on_status:
            self.on_status(False, why)

    async def _session(self, ws: ClientConnection) -> None:
        """One connection's life, watched for silence. Returns when the connection was closed
        cleanly (by the hub, or by :meth:`close`); every other end raises."""
        watch = asyncio.create_task(self._watch(ws), name=f"hub-watch {self.name}")
        try:
            session = self.session
            await ws.send(dumps(session.hello()))
            resend = session.welcome(json.loads(await asyncio.wait_for(ws.recv(), WELCOME_S)))
            if session.synced:
                self.synced.set()
            self._welcomed_at = time.monotonic()
            self.connected.set()
            self.offline_since = None
            self.last_error = None
            if self.on_status:
                self.on_status(True, None)
            for frame in resend:  # unanswered: same ids, so no double apply
                await ws.send(dumps(frame))
            line = ws if isinstance(ws, _Line) else None
            async for raw in ws:
                if line is not None:
                    line.heard = time.monotonic()
                self._on_frame(json.loads(raw))
        finally:
            watch.cancel()

    async def _watch(self, ws: ClientConnection) -> None:
        """Give the connection up when nothing came from the hub for ``silent_after`` s (pings go
        every ``ping_every`` s, so a live hub is heard from at least that often). The socket is
        aborted, not closed: a closing handshake would wait for a peer that is gone."""
        if not isinstance(ws, _Line) or not self.silent_after:
            return  # not watched (silent_after=None)
        tick = min(TICK_S, self.silent_after / 8)
        last = time.monotonic()
        while True:
            await asyncio.sleep(tick)
            now = time.monotonic()
            if now - last > tick + 1.0:
                # this loop itself was held up (not the hub's fault): give the hub a fresh chance
                ws.heard = max(ws.heard, now)
            last = now
            quiet = now - ws.heard
            if quiet >= self.silent_after:
                self._silent = self._why(f"nothing from the hub for {quiet:.1f} s; the network is down")
                log.warning("%s: %s", self.current_url, self._silent)
                ws.transport.abort()
                return

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
