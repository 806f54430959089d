"""Every committed event to the hub's fan-out exactly once, in seq order, without gaps: the hub's
own batches, and on PostgreSQL the batches of every other hub writing the same database
(CONTRACT §5 "Several hubs"; docs/ARCHITECTURE.md).

How: seq is taken from one counter row whose lock is held until commit, so seqs commit in order
and, once a batch holding seq n has committed, every seq below n has too. Each batch's
transaction sends one ``NOTIFY console_events 'writer lo hi'`` (store/bulk.py), delivered by
PostgreSQL at commit. The relay:
- hands its own batch straight on when it is the next seq (the only case with one hub);
- holds it when another hub's seqs come first, and reads those from the log (``events``);
- on another writer's NOTIFY, reads its range from the log and hands it on.
The LISTEN connection is watched: when it drops it is opened again and everything past the last
seq handed on is read back, so nothing is missed; a poll of the head every few seconds covers a
notification lost any other way. Presence (net/presence.py) rides a second channel.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from console.models.frames import seq_of
from console.models.store.bulk import CHANNEL, channel_for
from console.models.store.engine import PG_KEEPALIVES

log = logging.getLogger("console.relay")

PRESENCE = "console_presence"  # the channel of presence between hubs (net/presence.py)
POLL = 2.0  # s between two reads of the head while listening (a lost NOTIFY is caught by then)
RETRY = (0.2, 5.0)  # backoff of the LISTEN connection
READ_LIMIT = 5000  # events read back per query

Read = Callable[..., Awaitable[Any]]  # run a store call on a reader thread


class Relay:
    def __init__(self, store: Any, fan_out: Callable[[list[str]], None], read: Read, *,
                 on_presence: Callable[[dict[str, Any]], None] | None = None) -> None:
        self.store = store
        self.fan_out = fan_out
        self.read = read
        self.on_presence = on_presence
        self.sent = 0  # the last seq handed on
        self.target = 0  # the highest seq known committed
        self._held: list[str] = []  # own frames waiting behind other writers' seqs
        self._catching: asyncio.Task[None] | None = None
        self._listener: asyncio.Task[None] | None = None
        self._say_conn: Any = None
        self._say_lock = asyncio.Lock()  # one at a time, in the order said
        self._closing = False
        self.channel, self.presence_channel = CHANNEL, PRESENCE  # per schema: set by start()
        self.listening = asyncio.Event()  # for tests: LISTEN is in place
        self.listen_pid: int | None = None
        self.relistens = 0  # for tests: how often the LISTEN connection was opened again
        self.read_back = 0  # for tests and benchmarks: events read from the log, not handed by the writer

    @property
    def shared(self) -> bool:
        """True when other hubs may write the same database (PostgreSQL)."""
        return self.store.engine.dialect.name == "postgresql"

    def _schema(self) -> str:
        from sqlalchemy import text

        with self.store.engine.connect() as conn:
            return conn.scalar(text("SELECT current_schema()"))

    def _connect_args(self) -> dict[str, Any]:
        """psycopg's connection arguments for the store's URL, as the store's own engine makes
        them (a multi-host URL ``?host=a:5432&host=b:5432&target_session_attrs=read-write``
        included: rendering the URL back to text would lose that)."""
        engine = self.store.engine
        _args, kwargs = engine.dialect.create_connect_args(engine.url)
        kwargs.pop("context", None)  # SQLAlchemy's own, not libpq's
        return kwargs

    async def start(self) -> None:
        self.sent = self.target = await self.read(self.store.head)
        if self.shared:
            schema = await self.read(self._schema)
            self.channel, self.presence_channel = channel_for(schema), channel_for(schema, PRESENCE)
            self._listener = asyncio.create_task(self._listen(), name="hub-listen")

    async def stop(self) -> None:
        self._closing = True
        for task in (self._listener, self._catching):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
        if self._say_conn is not None:
            with contextlib.suppress(Exception):
                await self._say_conn.close()

    # ---- sequencing -------------------------------------------------------------------------------

    def own(self, frames: list[str]) -> None:
        """A batch this hub committed (frames in seq order)."""
        if not frames:
            return
        lo, hi = seq_of(frames[0]), seq_of(frames[-1])
        if self._catching is None and lo == self.sent + 1:
            self.sent = hi
            self.fan_out(frames)
            return
        if hi <= self.sent:
            return  # read back from the log already (another writer's NOTIFY came first)
        self._held.extend(frames)
        self.target = max(self.target, hi)
        self._kick()

    def committed(self, hi: int) -> None:
        """Everything up to ``hi`` is committed (another writer's NOTIFY, or the head read)."""
        if hi > self.target:
            self.target = hi
        if hi > self.sent:
            self._kick()

    def _kick(self) -> None:
        if self._catching is None and not self._closing:
            self._catching = asyncio.create_task(self._catch_up(), name="hub-catch-up")
            self._catching.add_done_callback(self._caught_up)

    def _caught_up(self, task: asyncio.Task[None]) -> None:
        self._catching = None
        if not task.cancelled() and task.exception() is not None:
            log.error("catching up with the log failed", exc_info=task.exception())
        # something may have come while the task was finishing
        if not self._closing and (self._held or self.target > self.sent):
            self._kick()

    async def _catch_up(self) -> None:
        misses = 0
        while True:
            held = self._held
            while held and seq_of(held[0]) <= self.sent:
                held.pop(0)
            if held and seq_of(held[0]) == self.sent + 1:
                run = 1
                while run < len(held) and seq_of(held[run]) == self.sent + 1 + run:
                    run += 1
                frames, self._held = held[:run], held[run:]
                self.sent = seq_of(frames[-1])
                self.fan_out(frames)
                continue
            upto = seq_of(held[0]) - 1 if held else self.target
            if upto <= self.sent:
                return
            frames = await self.read(self.store.events_between, self.sent, upto, READ_LIMIT)
            # only a run that starts right after what was handed on (never a gap)
            good = 0
            while good < len(frames) and seq_of(frames[good]) == self.sent + 1 + good:
                good += 1
            if good:
                misses = 0
                self.read_back += good
                self.sent = seq_of(frames[good - 1])
                self.fan_out(frames[:good])
                continue
            misses += 1
            if misses > 50:
                # Not in the log: forgotten past retention or thinned. Skip ahead; consoles see
                # the gap and resume (a snapshot when the log cannot replay it): never silent.
                log.error("events %d..%d are not in the log; consoles will resync", self.sent + 1, upto)
                self.sent = upto
                continue
            await asyncio.sleep(0.02)

    # ---- LISTEN ---------------------------------------------------------------------------------

    async def _listen(self) -> None:
        import psycopg

        delay = RETRY[0]
        while not self._closing:
            try:
                # TCP keepalives unless the URL sets its own: a dead line to the database is found
                conn = await psycopg.AsyncConnection.connect(**{
                    **PG_KEEPALIVES, **self._connect_args(), "autocommit": True,
                    "application_name": "console-hub-listen"})
                self.listen_pid = conn.info.backend_pid  # for tests: the backend to terminate
                async with conn:
                    await conn.execute(f'LISTEN "{self.channel}"')
                    await conn.execute(f'LISTEN "{self.presence_channel}"')
                    # whatever committed while nobody listened: read back from the last seq handed on
                    self.committed(await self.read(self.store.head))
                    self.listening.set()
                    delay = RETRY[0]
                    if self.on_presence is not None:
                        self.on_presence({"op": "listening"})
                    await self._drain(conn)
            except asyncio.CancelledError:
                raise
            except Exception as e:  # a dropped or refused connection: open it again
                if self._closing:
                    break
                self.listening.clear()
                log.warning("LISTEN connection lost (%s); opening it again in %.1f s", str(e).strip()[:200], delay)
                await asyncio.sleep(delay)
                delay = min(RETRY[1], delay * 2)
                self.relistens += 1

    async def _drain(self, conn: Any) -> None:
        mine = self.store.writer_id
        while not self._closing:
            async for n in conn.notifies(timeout=POLL):
                if n.channel == self.channel:
                    writer, _lo, hi = n.payload.split()
                    if writer != mine:
                        self.committed(int(hi))
                elif self.on_presence is not None:
                    with contextlib.suppress(ValueError):
                        self.on_presence(json.loads(n.payload))
            # POLL seconds without a notification: read the head (a notification lost any other
            # way is caught here; a dead connection raises on this query)
            async with conn.cursor() as cur:
                await cur.execute("SELECT 1")
            self.committed(await self.read(self.store.head))

    async def say(self, payload: dict[str, Any]) -> None:
        """Send one presence message to every hub (its own too: each skips what it sent)."""
        if not self.shared:
            return

        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        async with self._say_lock:
            await self._say(text)

    async def _say(self, text: str) -> None:
        import psycopg

        for attempt in range(2):
            try:
                if self._say_conn is None or self._say_conn.closed:
                    self._say_conn = await psycopg.AsyncConnection.connect(
                        **self._connect_args(), autocommit=True, application_name="console-hub-say")
                await self._say_conn.execute("SELECT pg_notify(%s, %s)", (self.presence_channel, text))
                return
            except Exception as e:
                self._say_conn = None
                if attempt:
                    log.warning("presence not sent to the other hubs: %s", str(e).strip()[:200])
