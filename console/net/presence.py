"""Who is on shift and who has which case open (CONTRACT §5 "Presence"), across hubs.

One entry per connection: ``{"id","user","role","hub","viewing","acting","since","online",
"online_since"}`` (``id``, ``acting`` and ``online_since`` are extensions: a connection's id unique
across hubs, true while that desk is acting on the case, when the connection opened). Entries are
events with ``"seq": null``: never stored, never replayed. A connection gets every entry right
after its initial state, then each change. Hubs tell each other over PostgreSQL NOTIFY (channel
``console_presence``, net/relay.py): ``set`` (entries), ``alive`` (every ALIVE s), ``ask`` (a hub
that (re)starts listening asks the others to say their entries again) and ``gone`` (a hub that
stops). A hub not heard from for LOST s is taken as gone, and its connections go offline.

No I/O here: the hub calls these and sends what they return.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from console.models.incident import iso

ALIVE = 5.0  # s between two "alive" messages of a hub
LOST = 15.0  # s of silence after which another hub's connections are taken as offline
SAY_BYTES = 7000  # a NOTIFY payload is at most 8000 bytes: entries are said in chunks under this


def frame(entry: dict[str, Any], at: datetime) -> str:
    """A presence event: outside the log, so ``seq`` is null."""
    return json.dumps({"type": "event", "seq": None, "at": iso(at), "kind": "presence", "data": entry},
                      ensure_ascii=False, separators=(",", ":"))


def chunked(entries: list[dict[str, Any]], src: str) -> list[dict[str, Any]]:
    """``set`` messages holding ``entries``, each under SAY_BYTES once encoded."""
    out: list[dict[str, Any]] = []
    part: list[dict[str, Any]] = []
    size = 0
    for e in entries:
        n = len(json.dumps(e, ensure_ascii=False).encode())
        if part and size + n > SAY_BYTES:
            out.append({"op": "set", "src": src, "entries": part})
            part, size = [], 0
        part.append(e)
        size += n + 1
    if part:
        out.append({"op": "set", "src": src, "entries": part})
    return out


class Presence:
    def __init__(self, hub: str, instance: str, now: Callable[[], datetime]) -> None:
        self.hub = hub  # this hub's name, as entries carry it
        self.instance = instance  # this hub's id in messages to other hubs
        self.now = now
        self.local: dict[str, dict[str, Any]] = {}  # connection id -> entry, this hub's
        self.remote: dict[str, tuple[str, dict[str, Any]]] = {}  # connection id -> (hub id, entry)
        self.heard: dict[str, float] = {}  # hub id -> when last heard (monotonic)
        self._n = itertools.count(1)
        # each online entry's frame, made when it changed: a joining console gets them all, and
        # 1,000 consoles joining must not encode 1,000 x 1,000 entries
        self._frames: dict[str, str] = {}

    def new_id(self) -> str:
        return f"{self.instance[:6]}-{next(self._n)}"

    # ---- this hub's connections ----------------------------------------------------------------------

    def join(self, cid: str, user: str, role: str) -> dict[str, Any]:
        at = iso(self.now())
        entry = {"id": cid, "user": user, "role": role, "hub": self.hub, "viewing": None, "acting": False,
                 "since": at, "online": True, "online_since": at}
        self.local[cid] = entry
        self._frames[cid] = frame(entry, self.now())
        return entry

    def set(self, cid: str, viewing: str | None, acting: bool = False) -> dict[str, Any] | None:
        """The connection's new presence, or None if it did not change (nothing to send)."""
        entry = self.local.get(cid)
        if entry is None:
            return None
        acting = bool(acting and viewing)
        if entry["viewing"] == viewing and entry["acting"] == acting:
            return None
        if entry["viewing"] != viewing:
            entry["since"] = iso(self.now())
        entry["viewing"], entry["acting"] = viewing, acting
        self._frames[cid] = frame(entry, self.now())
        return dict(entry)

    def leave(self, cid: str) -> dict[str, Any] | None:
        entry = self.local.pop(cid, None)
        self._frames.pop(cid, None)
        if entry is None:
            return None
        return dict(entry, online=False, viewing=None, acting=False, since=iso(self.now()))

    def roster_frames(self) -> list[str]:
        """A presence event for every connection online, on every hub heard from."""
        return list(self._frames.values())

    def roster(self) -> list[dict[str, Any]]:
        """Every connection online, on every hub heard from."""
        return [*self.local.values(), *(e for _src, e in self.remote.values())]

    # ---- other hubs ---------------------------------------------------------------------------------

    def heard_from(self, msg: dict[str, Any], clock: float) -> tuple[list[dict[str, Any]], bool]:
        """Digest another hub's message: (entries to hand to this hub's consoles, whether this
        hub must say its own entries again)."""
        src = msg.get("src")
        if not isinstance(src, str) or src == self.instance:
            return [], False
        op = msg.get("op")
        if op == "gone":
            self.heard.pop(src, None)
            return self._drop(src), False
        self.heard[src] = clock
        if op == "ask":
            return [], True
        if op != "set":
            return [], False
        out = []
        for e in msg.get("entries") or ():
            if not isinstance(e, dict) or not isinstance(e.get("id"), str):
                continue
            if e.get("online"):
                self.remote[e["id"]] = (src, e)
                self._frames[e["id"]] = frame(e, self.now())
            else:
                self.remote.pop(e["id"], None)
                self._frames.pop(e["id"], None)
            out.append(e)
        return out, False

    def expire(self, clock: float) -> list[dict[str, Any]]:
        """Offline entries for the connections of every hub silent for LOST seconds."""
        out: list[dict[str, Any]] = []
        for src, last in list(self.heard.items()):
            if clock - last > LOST:
                del self.heard[src]
                out += self._drop(src)
        return out

    def _drop(self, src: str) -> list[dict[str, Any]]:
        at = iso(self.now())
        gone = [cid for cid, (s, _e) in self.remote.items() if s == src]
        for cid in gone:
            self._frames.pop(cid, None)
        return [dict(self.remote.pop(cid)[1], online=False, viewing=None, acting=False, since=at) for cid in gone]
