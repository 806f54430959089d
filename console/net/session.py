"""A client's side of the protocol without I/O (websockets' ``protocol.py`` habit): what to send
(hello with the resume point, commands, the unanswered ones again after a reconnect) and what
each received frame means (snapshot frames assembled into one state, events applied in seq order
with gaps detected, results matched to their commands). ``HubClient`` is the thin I/O loop around
it; tests drive it with plain dicts (tests/net/test_client_session.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import protocol as p

# incidents in these states leave the active state (history is by query)
_FINAL = ("closed", "rejected", "merged")


class HubError(Exception):
    """A refusal from the hub (its code and message), or a fatal connection problem."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class Gap(Exception):
    """An event's seq skipped ahead: reconnect and resume from the last one applied."""


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
            if data.get("state") in _FINAL:
                self.incidents.pop(data["id"], None)
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


# What a received frame meant (returned by ClientSession.receive).
@dataclass(frozen=True)
class EventApplied:
    event: dict[str, Any]


@dataclass(frozen=True)
class Transient:
    """An event outside the log (``"seq": null``, e.g. ``presence``): not applied, never replayed."""

    event: dict[str, Any]


@dataclass(frozen=True)
class SnapshotDone:
    replica: Replica


@dataclass(frozen=True)
class ResultArrived:
    id: str
    frame: dict[str, Any]


@dataclass(frozen=True)
class Resyncing:
    pass


@dataclass(frozen=True)
class HubSaid:
    code: str
    message: str


Happening = EventApplied | Transient | SnapshotDone | ResultArrived | Resyncing | HubSaid | None


class ClientSession:
    """Connection-independent client state: lives across reconnects."""

    def __init__(self, token: str, name: str, *, keep_state: bool = True) -> None:
        """``keep_state=False``: events and snapshots are handed on, not kept (only the head)."""
        self.token = token
        self.name = name
        self.keep_state = keep_state
        self.replica = Replica()
        self.have_state = False  # a snapshot or an event was applied: resume from replica.head
        self.user: str | None = None
        self.role: str | None = None
        self.team: str | None = None
        self.grids: tuple[str, ...] = ()
        self.synced = False  # the state of the current connection is complete
        self.resyncs = 0
        self.unanswered: dict[str, dict[str, Any]] = {}  # command id -> frame: sent again after a reconnect
        self._snap: dict[str, Any] | None = None

    # ---- what to send ---------------------------------------------------------------------------

    def hello(self) -> dict[str, Any]:
        """The first frame of a connection: resume from the last seq applied, if any."""
        self.synced = False
        self._snap = None  # a snapshot cut by the last connection's end is started anew
        return p.hello(self.token, self.name, self.replica.head if self.have_state else None)

    def welcome(self, msg: dict[str, Any]) -> list[dict[str, Any]]:
        """Digest the hub's answer to hello; the frames to send now (the unanswered commands,
        with their old ids: the hub answers a repeated id with its first result)."""
        if msg.get("type") == "error":
            raise HubError(msg.get("code", "error"), msg.get("message", ""))
        if msg.get("type") != "welcome":
            raise HubError("bad_message", f"expected welcome, got {msg.get('type')!r}")
        self.user, self.role = msg["user"], msg["role"]
        self.team, self.grids = msg.get("team"), tuple(msg.get("grids") or ())
        if self.have_state and msg.get("head") == self.replica.head:
            self.synced = True  # nothing happened meanwhile: no replay, no snapshot will come
        return list(self.unanswered.values())

    def command(self, cid: str, name: str, args: dict[str, Any] | None = None) -> dict[str, Any]:
        """A command frame, remembered until its result arrives."""
        frame = p.command(cid, name, args)
        self.unanswered[cid] = frame
        return frame

    def forget(self, cid: str) -> None:
        """Stop resending a command (its caller gave up or was answered another way)."""
        self.unanswered.pop(cid, None)

    # ---- what was received ------------------------------------------------------------------------

    def receive(self, msg: dict[str, Any]) -> Happening:
        """Digest one frame. Raises :class:`Gap` when an event skips a seq."""
        t = msg.get("type")
        if t == "event":
            return self._event(msg)
        if t == "snapshot":
            return self._snapshot(msg)
        if t == "result":
            cid = msg.get("id")
            if isinstance(cid, str) and self.unanswered.pop(cid, None) is not None:
                return ResultArrived(cid, msg)
            return None  # an answer nobody waits for (sent twice across a reconnect)
        if t == "resync":
            self.resyncs += 1
            self._snap = None
            self.synced = False
            return Resyncing()
        if t == "error":
            return HubSaid(str(msg.get("code")), str(msg.get("message")))
        return None

    def _event(self, msg: dict[str, Any]) -> Happening:
        seq = msg.get("seq")
        if seq is None:  # presence (CONTRACT §5): beside the log, it moves no head
            return Transient(msg)
        if self.have_state:
            if seq <= self.replica.head:
                return None  # already applied (replayed twice across a reconnect)
            if seq != self.replica.head + 1:
                raise Gap(f"expected seq {self.replica.head + 1}, got {seq}")
        if self.keep_state:
            self.replica.apply(msg)
        else:
            self.replica.head = seq
        self.have_state = True
        if self._snap is None:
            self.synced = True
        return EventApplied(msg)

    def _snapshot(self, msg: dict[str, Any]) -> Happening:
        if self._snap is None:
            self._snap = {"head": msg["head"], "incidents": [], "units": [], "teams": [], "reference": {}}
        s = self._snap
        s["incidents"] += msg.get("incidents", [])
        s["units"] += msg.get("units", [])
        s["teams"] += msg.get("teams", [])
        for k, v in msg.items():
            if k not in ("type", "head", "final", "incidents", "units", "teams") and v:
                s["reference"][k] = v
        if not msg.get("final"):
            return None
        self._snap = None
        # a client that keeps no state (the console: its ConsoleState is the replica) hands the
        # snapshot over and keeps only the head
        r = self.replica if self.keep_state else Replica()
        self.replica.head = r.head = s["head"]
        r.incidents = {i["id"]: i for i in s["incidents"]}
        r.units = {u["id"]: u for u in s["units"]}
        r.teams = {x["id"]: x for x in s["teams"]}
        if s["reference"]:
            r.reference = s["reference"]
        r.cameras = {c["id"]: c for c in s["reference"].get("cameras", ())}
        r.notices = {n["id"]: n for n in s["reference"].get("notices", ())}
        self.have_state = True
        self.synced = True
        return SnapshotDone(r)
