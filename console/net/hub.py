"""The hub: WebSocket server of CONTRACT §3 over the store.

Shape (docs/ARCHITECTURE.md):
- one asyncio loop owns every connection; the store runs in threads (one writer, a few readers)
  so no database call ever blocks the loop;
- ONE writer task takes every queued command, runs them as one batch (one transaction), then
  hands the events to every console and the results to their senders, in seq order. Under load
  the queue fills while a batch commits, so batches grow and commits stay few;
- each console has its own outbound deque and sender task: fan-out appends and moves on, it
  never waits for the slowest console. A console whose deque passes ``queue_limit`` is told
  (``resync`` frame) and sent a fresh snapshot; it is never dropped silently;
- the log's upkeep (state checkpoints, thinning old positions, retention, forgetting old command
  results) runs on a thread of its own, one short transaction at a time, never on the writer's.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import ssl
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any

from sqlalchemy.exc import DBAPIError
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.frames import Frame, Opcode
from websockets.protocol import State

from console.models import commands as cmds
from console.models import privacy
from console.models.store import Request, Store

from . import protocol as p
from .config import HubConfig, User
from .hub_presence import PresenceMixin
from .hub_upkeep import UpkeepMixin
from .presence import Presence
from .relay import Relay

log = logging.getLogger("console.hub")

MAX_BATCH = 1000
SLA_INTERVAL = 1.0
UPKEEP_INTERVAL = 60.0  # the log's upkeep runs this often (and when a checkpoint falls due)
SEND_CHUNK = 256  # at most this many frames per socket write to one console …
SEND_BYTES = 1 << 18  # … and about this many bytes (snapshot frames are up to ~1 MiB each)
DIRECT_BYTES = 1 << 16  # a batch goes straight to a console's socket while less than this waits in it


# the commands that read: name -> the store's method that answers them
QUERIES: dict[str, Callable[[Any], Callable[..., Any]]] = {
    "query.incidents": lambda store: store.query_incidents,
    "query.history": lambda store: store.query_history,
    "query.indicators": lambda store: store.query_indicators,
    "query.series": lambda store: store.query_series,
    "query.events": lambda store: store.query_events,
    "query.state_at": lambda store: store.query_state_at,
    "query.marks": lambda store: store.query_marks,
}


@dataclass(eq=False)
class _Client:
    ws: ServerConnection
    user: User
    rate: float
    burst: float
    out: deque[str | bytes] = field(default_factory=deque)  # bytes: an event framed by _broadcast
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    live: bool = False  # initial state sent; events go straight to ``out``
    pending: list[tuple[int, str]] = field(default_factory=list)  # events that came before that
    tokens: float = 0.0
    refilled: float = field(default_factory=time.monotonic)
    resyncs: int = 0
    cid: str = ""  # the connection's id in presence (unique across hubs)

    def push(self, frame: str) -> None:
        self.out.append(frame)
        self.wake.set()

    def take_token(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.refilled) * self.rate)
        self.refilled = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


Sink = Callable[[dict[str, Any]], None]


def _text_frame(frame: str) -> bytes:
    """One event as a server's WebSocket text frame (unmasked, no extension): the bytes that
    ``ws.send(frame)`` would write, made once for all consoles."""
    return Frame(Opcode.TEXT, frame.encode()).serialize(mask=False)


class Hub(UpkeepMixin, PresenceMixin):
    def __init__(
        self,
        store: Store,
        config: HubConfig,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        ssl_context: ssl.SSLContext | None = None,
        sla_interval: float = SLA_INTERVAL,
        ping_interval: float | None = 5.0,  # a silent console is dropped within 2x this
        name: str | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        upkeep_interval: float = UPKEEP_INTERVAL,
    ) -> None:
        self.store = store
        self.config = config
        store.scoring = config.scoring  # query.indicators' composite weights and grade bands
        self.host = host
        self.port = port
        self.ssl_context = ssl_context
        self.sla_interval = sla_interval
        self.ping_interval = ping_interval
        self.clock = clock
        self.clients: set[_Client] = set()
        self._queue: asyncio.Queue[tuple[Request, Sink] | None] = asyncio.Queue()
        self._writer_pool = ThreadPoolExecutor(1, thread_name_prefix="hub-writer")
        self._reader_pool = ThreadPoolExecutor(2, thread_name_prefix="hub-reader")
        self._upkeep_pool = ThreadPoolExecutor(1, thread_name_prefix="hub-upkeep")
        self.upkeep_interval = upkeep_interval
        self._upkeep_task: asyncio.Task[None] | None = None
        self._upkeep_wake = asyncio.Event()
        self._checkpoint_due = 0  # the seq at which the next state checkpoint falls due
        self.upkeep_rounds = 0  # for tests: rounds of the log's upkeep finished
        self._server: Server | None = None
        self._writer_task: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closing = False
        self._reference = self._reference_data()
        self.batches = 0  # for tests and benchmarks: how many transactions ran
        self.name = name or ""  # the hub's name in presence; host:port once listening
        self.relay = Relay(store, self._fan_out, self._read, on_presence=self._heard)
        self.presence = Presence(self.name, store.writer_id, clock)
        self._presence_task: asyncio.Task[None] | None = None

    # ---- life -----------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        scheme = "wss" if self.ssl_context else "ws"
        return f"{scheme}://{self.host}:{self.port}/ws"

    async def start(self) -> None:
        self._writer_task = asyncio.create_task(self._writer(), name="hub-writer")
        self._upkeep_task = asyncio.create_task(self._upkeep(), name="hub-upkeep")
        self._server = await serve(
            self._handle,
            self.host,
            self.port,
            ssl=self.ssl_context,
            max_size=p.MAX_FRAME,
            ping_interval=self.ping_interval,
            ping_timeout=self.ping_interval,
            close_timeout=2,  # a dead console's closing handshake never comes: gone within 2x ping + 2 s
            process_request=self._only_ws_path,
            compression=None,  # per-message deflate costs more CPU than a LAN saves
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self.name = self.presence.hub = self.name or f"{socket.gethostname()}:{self.port}"
        await self.relay.start()
        self._presence_task = asyncio.create_task(self._presence_beat(), name="hub-presence")

    async def stop(self) -> None:
        """Drain: refuse new commands, finish the queued ones (their results go out), then close
        every connection with 1001 (going away)."""
        if self._closing:
            return
        self._closing = True
        if self._server is not None:
            self._server.close(close_connections=False)
        await self._queue.put(None)
        if self._writer_task is not None:
            await self._writer_task
        if self._upkeep_task is not None:
            # it stops at its next check of _closing; cancelling ends a wait sooner (and a
            # cancellation that wait_for swallows, as 3.11's can, still meets the check)
            self._upkeep_wake.set()
            self._upkeep_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._upkeep_task
        # let the senders flush the last results
        for c in list(self.clients):
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._flushed(c), 2.0)
        for c in list(self.clients):
            with contextlib.suppress(Exception):
                await c.ws.close(1001, "hub shutting down")
        if self._server is not None:
            await self._server.wait_closed()
        if self._presence_task is not None:
            self._presence_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._presence_task
        with contextlib.suppress(Exception):  # the other hubs drop this one's consoles now
            await asyncio.wait_for(self.relay.say({"op": "gone", "src": self.presence.instance}), 2.0)
        await self.relay.stop()
        for t in list(self._tasks):
            t.cancel()
        self._writer_pool.shutdown(wait=True)
        self._reader_pool.shutdown(wait=True)
        self._upkeep_pool.shutdown(wait=True)  # a step under way finishes (one short transaction)

    async def _flushed(self, c: _Client) -> None:
        while c.out:
            await asyncio.sleep(0.01)

    def _spawn(self, coro: Any) -> asyncio.Task[Any]:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("hub task failed", exc_info=task.exception())

    def _only_ws_path(self, connection: ServerConnection, request: Any) -> Any:
        if request.path.split("?", 1)[0] != "/ws":
            return connection.respond(HTTPStatus.NOT_FOUND, "the console protocol is at /ws\n")
        return None

    def _reference_data(self) -> dict[str, Any]:
        wire = self.store.catalog.to_wire()
        return {k: v for k, v in wire.items() if k not in ("units", "teams", "incidents")}

    # ---- a connection ---------------------------------------------------------------------------

    async def _handle(self, ws: ServerConnection) -> None:
        hello = await self._handshake(ws)
        if hello is None:
            return
        user, resume = hello
        client = _Client(ws, user, rate=user.rate or self.config.rate, burst=float(self.config.burst))
        client.tokens = client.burst
        client.cid = self.presence.new_id()
        # Registered before the state is read, so no event can fall between state and live.
        self.clients.add(client)
        sender = asyncio.create_task(self._sender(client))
        try:
            head = await self._read(self.store.head)
            welcome = p.welcome(user.name, user.role.value, head, user.team, tuple(sorted(user.grids)))
            await ws.send(p.dumps(dict(welcome, connection=client.cid, hub=self.name)))
            await self._send_state(client, resume)
            self._joined(client)
            await self._reader(client)
        except ConnectionClosed:
            pass
        finally:
            self.clients.discard(client)
            self._present([self.presence.leave(client.cid)])
            sender.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sender

    async def _handshake(self, ws: ServerConnection) -> tuple[User, int | None] | None:
        """The authenticated user and the seq it resumes from, or None (refused and closed)."""
        try:
            raw = await asyncio.wait_for(ws.recv(), p.HELLO_TIMEOUT)
        except TimeoutError:
            await ws.close(1008, "no hello within 10 s")
            return None
        except ConnectionClosed:
            return None
        try:
            hello = p.parse_hello(p.parse_frame(raw))
        except p.ProtocolError as e:
            await self._refuse(ws, e.code, e.message)
            return None
        user = self.config.authenticate(hello.token)
        if user is None:
            await self._refuse(ws, "unauthorized", "unknown token")
            return None
        if self._closing:
            await ws.close(1001, "hub shutting down")
            return None
        return user, hello.resume_from

    async def _refuse(self, ws: ServerConnection, code: str, message: str) -> None:
        with contextlib.suppress(ConnectionClosed):
            await ws.send(p.dumps(p.error(code, message)))
            # a close reason is at most 123 bytes: cut the UTF-8 (Chinese is 3 bytes a character)
            await ws.close(1008, message.encode()[:120].decode("utf-8", "ignore"))

    async def _send_state(self, client: _Client, resume: int | None) -> None:
        """Replay from resume_from when every event after it is held, else a snapshot; then
        release the events that arrived meanwhile, skipping those already covered."""
        frames: list[str] | None = None
        upto = 0
        if resume is not None:
            frames = await self._read(self.store.events_since, resume)
            if frames is not None:
                upto = resume + len(frames)
        if frames is None:
            upto, frames = await self._read(self._snapshot)
        if not privacy.sees_phones(client.user.role.value):
            frames = [privacy.mask_frame(f) for f in frames]
        for f in frames:
            client.out.append(f)
        self._go_live(client, upto)

    def _go_live(self, client: _Client, upto: int) -> None:
        for seq, frame in client.pending:
            if seq > upto:
                client.out.append(frame)
        client.pending.clear()
        client.live = True
        client.wake.set()

    def _snapshot(self) -> tuple[int, list[str]]:
        state = self.store.snapshot()
        return state["head"], p.snapshot_frames(state["head"], state, self._reference)

    async def _sender(self, client: _Client) -> None:
        """Write the console's queued frames in order, up to SEND_CHUNK (or SEND_BYTES) at a time
        as ONE socket write, then wait for the socket as ``ws.send`` does (flow control per console).

        ``ws.send`` per frame cost a lock, an async context manager and a syscall per frame and
        per console (bench/bench_hub.py: 0.3x of a bare broadcast). Queued items are ``str``
        (results, snapshots: framed here, as websockets' own ``broadcast`` does with
        ``protocol.send_text``) or ``bytes``: an event already framed once for every console
        by ``_broadcast``."""
        ws, out = client.ws, client.out
        try:
            while True:
                await client.wake.wait()
                client.wake.clear()
                while out:
                    async with ws.send_context():  # open? then, on exit: flush and drain
                        proto = ws.protocol
                        chunks: list[bytes] = []
                        size = 0
                        while out and len(chunks) < SEND_CHUNK and size < SEND_BYTES:
                            f = out.popleft()
                            if type(f) is bytes:
                                chunks.append(f)
                                size += len(f)
                            else:
                                proto.send_text(f.encode())
                                for d in proto.data_to_send():
                                    chunks.append(d)
                                    size += len(d)
                        ws.transport.write(b"".join(chunks))
        except ConnectionClosed:
            pass

    async def _reader(self, client: _Client) -> None:
        async for raw in client.ws:
            obj: Any = None
            try:
                if not client.take_token():
                    # read the id if there is one, so the refusal is a result the sender can match
                    with contextlib.suppress(p.ProtocolError):
                        obj = p.parse_frame(raw)
                    raise p.ProtocolError("rate_limited", f"more than {client.rate:g} commands/s; slow down")
                obj = p.parse_frame(raw)
                frame = p.parse_command(obj)
                self._dispatch(client, frame)
            except p.ProtocolError as e:
                cid = p.command_id_of(obj)
                client.push(p.dumps(p.failed(cid, e.code, e.message) if cid else p.error(e.code, e.message)))

    def _dispatch(self, client: _Client, frame: p.CommandFrame) -> None:
        if frame.name == "presence.set":
            self._presence_set(client, frame)
            return
        full = privacy.sees_phones(client.user.role.value)

        def reply(result: dict[str, Any], c: _Client = client) -> None:
            c.push(p.dumps(result if full else privacy.mask_message(result)))

        self._admit(client.user.actor, frame.name, frame.args, frame.id, reply)

    def _admit(self, actor: Any, name: str, args: dict[str, Any], cid: str | None,
               reply: Callable[[dict[str, Any]], None]) -> None:
        """The one way in for a command, from a socket or in-process: authorize → validate →
        route (a query to a reader thread, anything else to the writer's queue). ``reply`` gets
        the result frame, once, on the loop."""
        try:
            cmds.authorize_command(name, actor)
            clean = cmds.validate_args(name, args)
        except cmds.CommandError as e:
            reply(p.failed(cid or "", e.code, e.message))
            return
        except (ValueError, OverflowError, TypeError, RecursionError) as e:
            # a value the checks did not foresee (an integer too big for a float, …): refuse it,
            # never let it end the connection
            reply(p.failed(cid or "", "invalid_args", f"unusable arguments: {e}"[:300]))
            return
        if name in QUERIES:  # reads never queue behind the writer
            self._spawn(self._query(cid, name, clean, reply))
            return
        if self._closing:
            reply(p.failed(cid or "", "unavailable", "the hub is shutting down; send again after it restarts"))
            return
        self._queue.put_nowait((Request(actor, name, clean, cid), reply))

    async def _query(self, cid: str | None, name: str, args: dict[str, Any],
                     reply: Callable[[dict[str, Any]], None]) -> None:
        try:
            res = await self._read(QUERIES[name](self.store), args)
            reply(p.result(cid, **res))
        except cmds.CommandError as e:
            reply(p.failed(cid or "", e.code, e.message))
        except Exception as e:  # every query gets an answer, whatever went wrong
            cause = getattr(e, "orig", None) or e  # SQLAlchemy wraps what a bound value raised
            if isinstance(cause, (ValueError, OverflowError)):  # e.g. year 1 at +14:00 as `since`
                reply(p.failed(cid or "", "invalid_args", f"a value is out of range: {cause}"[:300]))
            else:
                log.exception("%s failed", name)
                reply(p.failed(cid or "", "unavailable", "the hub could not run this query; try again"))

    async def _read(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._reader_pool, fn, *args)

    # ---- in-process callers (the all-in-one console, feeds in the same process, tests) ----------

    async def submit(self, actor: Any, name: str, args: dict[str, Any], command_id: str | None = None) -> dict:
        """Run one command as ``actor`` through the same way in as a socket's; return its result frame."""
        fut: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()

        full = privacy.sees_phones(actor.role.value)

        def reply(result: dict[str, Any]) -> None:
            if not fut.done():  # the caller may have given up waiting
                fut.set_result(result if full else privacy.mask_message(result))

        self._admit(actor, name, args, command_id, reply)
        return await fut

    # ---- the writer: batches and the SLA clock ----------------------------------------------------

    async def _writer(self) -> None:
        loop = asyncio.get_running_loop()
        next_sla = time.monotonic() + self.sla_interval
        stopping = False
        while not stopping:
            timeout = max(0.0, next_sla - time.monotonic())
            batch: list[tuple[Request, Sink]] = []
            try:
                item = await asyncio.wait_for(self._queue.get(), timeout)
                if item is None:
                    stopping = True
                else:
                    batch.append(item)
            except TimeoutError:
                pass
            while batch and len(batch) < MAX_BATCH and not self._queue.empty():
                item = self._queue.get_nowait()
                if item is None:
                    stopping = True
                    break
                batch.append(item)
            if batch:
                await self._run_batch(loop, batch)
            if time.monotonic() >= next_sla:
                next_sla = time.monotonic() + self.sla_interval
                try:
                    frames = await loop.run_in_executor(self._writer_pool, self.store.sla_sweep, self.clock())
                    self._broadcast(frames)
                except Exception:  # the clock must keep ticking; say why it missed
                    log.exception("SLA sweep failed")

    async def _run_batch(self, loop: asyncio.AbstractEventLoop, batch: list[tuple[Request, Sink]]) -> None:
        requests = [r for r, _ in batch]
        try:
            outcomes = await loop.run_in_executor(self._writer_pool, self.store.execute, requests, self.clock())
        except Exception as e:
            if len(batch) > 1 and not isinstance(e, DBAPIError):
                # Not the database: one command the checks did not foresee (a time out of range…)
                # failed the transaction. Nothing was applied; run them one at a time so that only
                # that one is refused, never the others that shared its batch.
                for item in batch:
                    await self._run_batch(loop, [item])
                return
            log.exception("a batch of %d commands failed; nothing of it was applied", len(requests))
            for req, sink in batch:
                if isinstance(e, DBAPIError):
                    sink(p.failed(req.command_id or "", "unavailable", "the hub could not store this command; "
                                  "nothing was applied, send it again"))
                else:
                    sink(p.failed(req.command_id or "", "invalid_args",
                                  f"this command cannot be applied; nothing was: {e}"[:300]))
            return
        self.batches += 1
        frames = [f for o in outcomes for f in o.events]
        self._broadcast(frames)
        for (_req, sink), outcome in zip(batch, outcomes, strict=True):
            sink(outcome.result)

    def _broadcast(self, frames: list[str]) -> None:
        """This hub's committed events: to the relay, which hands them on in seq order with the
        other hubs' (net/relay.py); with one hub, straight to ``_fan_out``."""
        self.relay.own(frames)

    def _fan_out(self, frames: list[str]) -> None:
        """Hand event frames to every console without waiting for any of them."""
        if not frames:
            return
        if p.seq_of(frames[-1]) >= self._checkpoint_due:
            self._upkeep_wake.set()  # a state checkpoint is due
        seqs = None
        wire: dict[bool, list[bytes]] = {}
        joined: dict[bool, bytes] = {}
        # a caller's phone is for the control room's eyes: others get those frames masked
        masked = [privacy.mask_frame(f) for f in frames] if any(privacy.MARKER in f for f in frames) else frames
        limit = self.config.queue_limit
        for c in list(self.clients):
            full = masked is frames or privacy.sees_phones(c.user.role.value)
            mine = frames if full else masked
            if not c.live:
                if seqs is None:
                    seqs = [p.seq_of(f) for f in frames]
                c.pending.extend(zip(seqs, mine, strict=True))
                continue
            if len(c.out) + len(frames) > limit:
                self._resync(c)
                continue
            if c.ws.protocol.extensions:  # never with compression=None; then frame per console
                c.out.extend(mine)
            else:
                if full not in wire:  # framed once, the same bytes for every console alike
                    wire[full] = [_text_frame(f) for f in mine]
                ws = c.ws
                if (not c.out and ws.protocol.state is State.OPEN and ws.transport is not None
                        and ws.transport.get_write_buffer_size() < DIRECT_BYTES):
                    # Nothing queued: everything before is written (the sender writes what it
                    # takes off ``out`` in the same step), so write now. Waking 1,000 senders
                    # per batch was most of the loop's time (bench_scale); a console behind
                    # still goes through its queue and sender, never holding the others up.
                    if full not in joined:
                        joined[full] = b"".join(wire[full])
                    ws.transport.write(joined[full])
                    continue
                c.out.extend(wire[full])
            c.wake.set()

    def _resync(self, c: _Client) -> None:
        """A console too far behind: drop its backlog, tell it, and send a fresh snapshot."""
        c.live = False
        c.out.clear()
        c.resyncs += 1
        c.push(p.dumps({"type": "resync", "reason": "too_far_behind",
                        "message": "this console fell too far behind; a fresh snapshot follows"}))
        self._spawn(self._resnapshot(c))

    async def _resnapshot(self, c: _Client) -> None:
        upto, frames = await self._read(self._snapshot)
        if not privacy.sees_phones(c.user.role.value):
            frames = [privacy.mask_frame(f) for f in frames]
        for f in frames:
            c.out.append(f)
        self._go_live(c, upto)
