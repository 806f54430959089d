"""The console's line to the hub: a HubClient on a worker asyncio loop in its own thread.

Its only way into the GUI is Qt signals, emitted from the worker thread and delivered queued
in the GUI thread (the receivers live there). Events are gathered and handed over in batches
(at most every FLUSH_S), so the GUI repaints once per batch, never once per event. Plain dicts
cross; no Qt object is touched off the GUI thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from console.net.client import HubClient, HubError
from console.state import ConsoleState
from console.state.ops import Op
from console.state.presence import Roster

FLUSH_S = 0.05

Callback = Callable[[dict[str, Any]], None]


class HubBridge(QObject):
    snapshot = Signal(object)  # {"head", "incidents": [...], "units": [...], "teams": [...], "reference": {...}}
    events = Signal(object)  # a list of event dicts, in seq order
    status = Signal(bool, str)  # connected?, why not (empty when connected)
    result = Signal(str, object)  # the request's token, the hub's result frame
    welcomed = Signal(object)  # {"user", "role", "team", "grids", "connection", "hub", "url"}
    presence = Signal(object)  # a list of presence event dicts ("seq": null), in arrival order

    def __init__(self, url: str, token: str, name: str = "console/0.1") -> None:
        super().__init__()
        self.url = url
        self.token = token
        self.name = name
        self.client: HubClient | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._batch: list[dict[str, Any]] = []
        self._stop: asyncio.Event | None = None
        self._started = threading.Event()
        self._ops: dict[str, tuple[Callback | None, Callback | None]] = {}  # token -> callbacks (GUI thread)
        self.result.connect(self._deliver)  # queued: the bridge lives on the GUI thread
        # presence (issue 17): the online connections of every hub, as this connection was told;
        # forgotten when the connection drops and told again by the hub on the next one
        self.roster = Roster()
        self.connection_id: str | None = None  # this console's own, from the welcome
        self.hub_name = ""  # the hub's name from the welcome ("" from a hub that does not say)
        self._presence: list[dict[str, Any]] = []  # worker side, flushed like events
        self._welcome: dict[str, Any] = {}  # worker side: the last welcome's extensions
        self.presence.connect(self.roster.apply)
        self.welcomed.connect(self._welcomed)
        self.status.connect(lambda _connected, _why: self.roster.clear())

    def attach(self, state: ConsoleState) -> None:
        """Feed ``state`` from the hub: snapshots, event batches, the connection, the user. While
        the state replays history (issue 16) live events are held here, in order, and handed on
        by ``live_again``: leaving a replay leaves no gap."""
        self._state = state
        self.live_seq: int | None = None  # the last live seq the state was given
        self._held: list[dict[str, Any]] = []
        self._held_snapshot: dict[str, Any] | None = None

        def snapshot(snap: dict[str, Any]) -> None:
            if state.replaying:
                self._held_snapshot, self._held = snap, []  # a resync meanwhile: the newest wins
                return
            self.live_seq = snap.get("head")
            state.apply_snapshot(snap, at=snap.get("at"))

        def events(evs: list[dict[str, Any]]) -> None:
            if state.replaying:
                self._held.extend(evs)
                return
            self._note_seq(evs)
            state.apply_events(evs)

        self.snapshot.connect(snapshot)
        self.events.connect(events)
        self.status.connect(state.set_connection)
        self.welcomed.connect(state.set_who)

    def _note_seq(self, evs: list[dict[str, Any]]) -> None:
        seqs = [e["seq"] for e in evs if isinstance(e.get("seq"), int)]
        if seqs:
            self.live_seq = max(seqs)

    def live_again(self) -> None:
        """Back from a replay: the live state as it stood when the replay began (``query.state_at``
        at that seq), then every live event held since, then live delivery again."""
        from console.state.replay import Replay

        state = self._state

        def resume() -> None:
            after = self.live_seq if self.live_seq is not None else -1
            held, self._held = [e for e in self._held if (e.get("seq") or 0) > after], []
            state.set_replaying(False)
            if held:
                self._note_seq(held)
                state.apply_events(held)

        if self._held_snapshot is not None:  # the hub sent a whole new state meanwhile: it is live
            snap, self._held_snapshot = self._held_snapshot, None
            state.set_replaying(False)
            self.snapshot.emit(snap)
            held, self._held = self._held, []
            if held:
                self.events.emit(held)
            return
        if self.live_seq is None:
            state.set_replaying(False)
            return
        Replay(state, self.run).seek_seq(self.live_seq, then=resume)

    # ---- GUI side -------------------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main()), name="hub-bridge", daemon=True)
        self._thread.start()
        self._started.wait(10)

    def stop(self) -> None:
        if self.loop is not None and self._stop is not None:
            with contextlib.suppress(RuntimeError):  # the loop may already be gone
                self.loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None

    def run(self, op: Op, on_success: Callback | None = None, on_failure: Callback | None = None) -> str:
        """Send ``op``; exactly one of the callbacks gets the hub's result frame, on the GUI thread
        (a refusal, a timeout and a lost client are failures, with a ``code`` and ``message``).
        A bridge not running (not started yet, or stopped as the window closes) answers with the
        failure ``unavailable`` on the next turn of the event loop, never an exception."""
        if not self.running():
            if on_failure is not None:
                res = {"type": "result", "ok": False, "code": "unavailable", "message": "not connected to the hub"}
                QTimer.singleShot(0, lambda: on_failure(res))
            return ""
        token = self.send(op.name, op.args)
        self._ops[token] = (on_success, on_failure)
        return token

    def running(self) -> bool:
        """Whether operations can go out: the worker's loop is up and has a client."""
        return self.client is not None and self.loop is not None and not self.loop.is_closed()

    def _welcomed(self, who: dict[str, Any]) -> None:
        self.connection_id = who.get("connection") or None
        self.hub_name = str(who.get("hub") or "")
        self.roster.set_me(self.connection_id)

    def fire(self, name: str, args: dict[str, Any]) -> None:
        """Send a command and forget it (presence.set): no result is waited for, nothing is sent
        again after a reconnect, and nothing at all while offline (the caller says it again once
        the connection is back). Never blocks, never raises."""
        if not self.running():
            return
        client = self.client

        async def go() -> None:
            if client.connected.is_set():
                with contextlib.suppress(Exception):  # the connection may close under it
                    await client.send_nowait(name, args)

        with contextlib.suppress(RuntimeError):  # the loop closing as the window closes
            asyncio.run_coroutine_threadsafe(go(), self.loop)

    @Slot(str, object)
    def _deliver(self, token: str, res: dict[str, Any]) -> None:
        ok, failed = self._ops.pop(token, (None, None))
        fn = ok if res.get("ok") else failed
        if fn is not None:
            fn(res)

    def send(self, name: str, args: dict[str, Any]) -> str:
        """Queue a command; its result arrives on ``result`` with the returned token."""
        if not self.running():
            raise RuntimeError("the bridge is not started")
        token = self.client.next_id()

        async def go() -> None:
            assert self.client is not None
            try:
                res = await self.client.command(name, args, id=token, timeout=60)
            except (HubError, TimeoutError) as e:
                res = {"type": "result", "id": token, "ok": False, "code": getattr(e, "code", "timeout"),
                       "message": str(e) or "no answer from the hub within 60 s"}
            self.result.emit(token, res)

        asyncio.run_coroutine_threadsafe(go(), self.loop)
        return token

    # ---- worker side ----------------------------------------------------------------------------

    async def _main(self) -> None:
        self.loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        # keep_state=False: the GUI's ConsoleState is the console's one replica; this thread
        # only tracks the head it resumes from
        self.client = HubClient(self.url, self.token, name=self.name, on_snapshot=self._on_snapshot,
                                on_event=self._on_event, on_status=self._on_status, keep_state=False,
                                on_presence=self._on_presence)
        self._watch_welcome(self.client)
        self._started.set()
        task = self.client.start()
        flusher = asyncio.create_task(self._flusher())
        await self._stop.wait()
        flusher.cancel()
        await self.client.close()
        with contextlib.suppress(BaseException):
            await task

    def _watch_welcome(self, client: HubClient) -> None:
        """Keep the welcome's extensions the session does not (issue 17: ``connection``, this
        console's presence id, and ``hub``, the name of the hub it is on)."""
        session = client.session
        digest = session.welcome

        def welcome(msg: dict[str, Any]) -> list[dict[str, Any]]:
            if isinstance(msg, dict) and msg.get("type") == "welcome":
                self._welcome = {"connection": msg.get("connection"), "hub": msg.get("hub")}
            return digest(msg)

        session.welcome = welcome  # type: ignore[method-assign]

    def _on_status(self, connected: bool, why: str | None) -> None:
        self._flush_presence()  # the old connection's presence before its end (the roster is cleared)
        if connected and self.client is not None:
            c = self.client
            self.welcomed.emit({"user": c.user or "", "role": c.role or "", "team": c.team, "grids": c.grids,
                                "connection": self._welcome.get("connection"), "hub": self._welcome.get("hub"),
                                "url": getattr(c, "url", self.url)})
        self.status.emit(connected, why or "")

    def _on_snapshot(self, replica: Any) -> None:
        self._flush()  # events before a snapshot belong to the old state
        self.snapshot.emit({
            "head": replica.head, "incidents": list(replica.incidents.values()),
            "units": list(replica.units.values()), "teams": list(replica.teams.values()),
            "reference": replica.reference, "at": time.time(),
        })

    def _on_event(self, ev: dict[str, Any]) -> None:
        self._batch.append(ev)

    def _on_presence(self, ev: dict[str, Any]) -> None:
        self._presence.append(ev)

    def _flush_presence(self) -> None:
        if self._presence:
            batch, self._presence = self._presence, []
            self.presence.emit(batch)

    def _flush(self) -> None:
        if self._batch:
            batch, self._batch = self._batch, []
            self.events.emit(batch)

    async def _flusher(self) -> None:
        while True:
            await asyncio.sleep(FLUSH_S)
            self._flush()
            self._flush_presence()
