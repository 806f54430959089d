"""Replay (issue 16): the console's own state driven from the hub's history instead of live, so
the map, the queue, the counters, the incident panel and the wall presets all show one moment of
a shift — nothing is drawn twice. Qt-free: ``ask(op, on_success, on_failure)`` is the bridge's
``run`` (answers come back on the GUI thread); a view's timer calls ``advance_to`` to play.

- ``seek(when)``: ``query.state_at`` (``at``), every page, replaces the state (``reset``);
- ``advance_to(when)``: the stored events after the shown seq up to ``when`` (``query.events``,
  a page at a time, kept ahead in a buffer), applied as live batches are;
- ``step(+1 | -1)``: the next stored event, or the state just before the shown one.

While ``state.replaying`` the bridge keeps its live replica up to date but does not feed the
state, and the state raises no alerts; leaving replay hands the state the live replica whole."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from . import ops
from .console import ConsoleState
from .signals import Signal

Ask = Callable[..., Any]
PAGE = 2000  # events asked at a time while playing


def _event(e: Any) -> dict[str, Any]:
    return json.loads(e) if isinstance(e, str) else e


def _when(e: dict[str, Any]) -> datetime | None:
    at = e.get("at")
    return datetime.fromisoformat(at.replace("Z", "+00:00")) if at else None


class Replay:
    def __init__(self, state: ConsoleState, ask: Ask, *, page: int = PAGE) -> None:
        self.state, self.ask, self.page = state, ask, page
        self.seq: int | None = None  # the last event the state shows
        self.at: datetime | None = None  # the moment it shows
        self.busy = False  # a question is out: the next move waits for it
        self._ahead: deque[dict[str, Any]] = deque()  # fetched, not yet shown (seq order)
        self._fetched: int | None = None  # the last seq fetched
        self._end = False  # the log has nothing after _fetched (for now)
        self.moved = Signal("moved")  # (seq, at): the state shows a new moment
        self.failed = Signal("failed")  # (message)

    # ---- where ---------------------------------------------------------------------------------

    def seek(self, when: datetime, then: Callable[[], None] | None = None) -> None:
        """Show the center as it was at ``when`` (events at exactly ``when`` included)."""
        self._state_at({"at": when.astimezone(UTC).isoformat()}, when, then)

    def seek_seq(self, seq: int, then: Callable[[], None] | None = None) -> None:
        """Show the state just after event ``seq``; the moment shown stays where it was (the hub
        does not say when that event was; it was at or before it)."""
        self._state_at({"seq": max(0, seq)}, self.at, then)

    def _state_at(self, where: dict[str, Any], when: datetime | None, then: Callable[[], None] | None) -> None:
        self.busy = True
        incidents: list[dict[str, Any]] = []
        units: list[dict[str, Any]] = []

        def page(res: dict[str, Any]) -> None:
            incidents.extend(res.get("incidents") or ())
            if not units:
                units.extend(res.get("units") or ())  # whole on the first page
            if res.get("next_cursor"):
                self.ask(ops.state_at(**where, cursor=res["next_cursor"]), on_success=page, on_failure=self._failed)
                return
            head = int(res["head"])
            self.state.apply_snapshot({"incidents": incidents, "units": units,
                                       "teams": list(self.state.teams.values()),
                                       "reference": self.state.reference or {}},
                                      at=(when or datetime.now(UTC)).timestamp())
            self.seq = self._fetched = head
            self._ahead.clear()
            self._end = False
            self.at = when
            self.busy = False
            self.moved.emit(self.seq, self.at)
            if then is not None:
                then()

        self.ask(ops.state_at(**where), on_success=page, on_failure=self._failed)

    # ---- forward -------------------------------------------------------------------------------

    def advance_to(self, when: datetime, then: Callable[[], None] | None = None) -> None:
        """Apply the stored events after the shown one, up to ``when``, as one batch."""
        if self.seq is None or self.busy:
            return
        batch = []
        while self._ahead and (_when(self._ahead[0]) or when) <= when:
            batch.append(self._ahead.popleft())
        if batch:
            self.seq = int(batch[-1]["seq"])
            self.state.apply_events(batch, at=when.timestamp())
        self.at = when
        self.moved.emit(self.seq, self.at)
        if not self._ahead and not self._end:
            self._fetch(lambda: self.advance_to(when, then) if self._ahead else (then and then()))
        elif then is not None:
            then()

    def step(self, direction: int, then: Callable[[], None] | None = None) -> None:
        """One stored event forward, or back to the state just before the shown one."""
        if self.seq is None or self.busy:
            return
        if direction < 0:
            self.seek_seq(self.seq - 1, then)
            return
        if not self._ahead:
            if self._end:
                return
            self._fetch(lambda: self.step(1, then) if self._ahead else None)
            return
        ev = self._ahead.popleft()
        self.seq = int(ev["seq"])
        self.at = _when(ev) or self.at
        self.state.apply_events([ev], at=self.at.timestamp() if self.at else None)
        self.moved.emit(self.seq, self.at)
        if then is not None:
            then()

    def _fetch(self, then: Callable[[], None]) -> None:
        self.busy = True

        def got(res: dict[str, Any]) -> None:
            events = [_event(e) for e in res.get("events") or ()]
            self._ahead.extend(events)
            if events:
                self._fetched = int(events[-1]["seq"])
            self._end = res.get("next") is None
            self.busy = False
            then()

        self.ask(ops.events(after=self._fetched if self._fetched is not None else 0, limit=self.page),
                 on_success=got, on_failure=self._failed)

    def _failed(self, res: dict[str, Any]) -> None:
        self.busy = False
        self.failed.emit(f"{res.get('code', '')}: {res.get('message', '')}")


__all__ = ["Replay"]
