"""Presence (issue 17, CONTRACT §5): who else is connected, which case each connection has open,
and what this console says about itself. No Qt.

- :class:`Roster` holds the hub's presence events (``"seq": null``, kind ``presence``), one entry
  per online connection of every hub, keyed by the connection id (``"<hub>/<n>"``); an event with
  ``online: false`` removes its entry. It answers who else has a case open or is acting on it,
  which cases someone else has open (the queue's marks) and who is on shift. "Else" means every
  connection but this console's own (the welcome's ``connection``): the same user signed in at a
  second desk counts as someone else.
- :class:`Announcer` decides what this console sends with ``presence.set``: the case it shows
  (``viewing``) and whether the user is working on that case's actions (``acting``); nothing while
  offline, ``viewing: null`` while replaying (what it shows is history), the current value again
  after every reconnect (a new connection starts at viewing null on the hub), and never the same
  value twice in a row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .signals import Signal

# who is on shift, in this order: those who answer for the room first; feeds (sensors) last
ROLE_ORDER = ("supervisor", "admin", "operator", "field", "viewer")
FEED_ROLES = frozenset({"sensor"})


@dataclass(frozen=True)
class Entry:
    """One online connection as its latest presence event described it."""

    id: str  # "<hub>/<n>", unique across hubs
    user: str
    role: str
    hub: str
    viewing: str | None = None
    acting: bool = False
    since: str = ""  # when this viewing value began (ISO)
    online_since: str = ""

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Entry:
        viewing = data.get("viewing")
        return cls(id=str(data["id"]), user=str(data.get("user") or ""), role=str(data.get("role") or ""),
                   hub=str(data.get("hub") or ""), viewing=str(viewing) if viewing else None,
                   acting=bool(data.get("acting")) and bool(viewing), since=str(data.get("since") or ""),
                   online_since=str(data.get("online_since") or ""))


@dataclass(frozen=True)
class Person:
    """A user on shift: every connection of theirs folded into one."""

    user: str
    role: str
    hubs: tuple[str, ...]
    connections: int

    @property
    def feed(self) -> bool:
        return self.role in FEED_ROLES


class Roster:
    """The online connections, from presence events. ``changed()`` is emitted once per applied
    batch that changed anything, and by ``clear``/``set_me`` when they change anything."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.me: str | None = None  # this console's own connection id
        self.changed = Signal("presence_changed")
        self._open: dict[str, list[Entry]] | None = None

    # ---- fed by the bridge --------------------------------------------------------------------

    def apply(self, events: Iterable[Mapping[str, Any]]) -> bool:
        """Presence events (whole frames or their ``data``) in arrival order; True if anything
        changed. Other kinds and malformed data are ignored."""
        changed = False
        for ev in events:
            if "data" in ev or ev.get("type") == "event":
                if ev.get("kind") != "presence":
                    continue
                data = ev.get("data")
            else:
                data = ev
            if not isinstance(data, Mapping) or not data.get("id"):
                continue
            cid = str(data["id"])
            if data.get("online") is False:
                changed |= self.entries.pop(cid, None) is not None
                continue
            entry = Entry.of(data)
            if self.entries.get(cid) != entry:
                self.entries[cid] = entry
                changed = True
        if changed:
            self._open = None
            self.changed.emit()
        return changed

    def clear(self) -> None:
        """Forget everyone (the connection dropped, or a new one will tell again)."""
        if self.entries:
            self.entries.clear()
            self._open = None
            self.changed.emit()

    def set_me(self, connection: str | None) -> None:
        """This console's own connection id, from the hub's welcome."""
        connection = connection or None
        if connection != self.me:
            self.me = connection
            self._open = None
            self.changed.emit()

    # ---- questions ------------------------------------------------------------------------------

    def others(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.id != self.me]

    def on_case(self, incident_id: str | None) -> list[Entry]:
        """Every other connection that has ``incident_id`` open: those acting on it first, then
        by how long they have had it open (longest first)."""
        if not incident_id:
            return []
        return list(self.open_elsewhere().get(incident_id, ()))

    def acting_on(self, incident_id: str | None) -> list[Entry]:
        return [e for e in self.on_case(incident_id) if e.acting]

    def open_elsewhere(self) -> dict[str, list[Entry]]:
        """Case id -> the other connections that have it open (ordered as ``on_case``)."""
        if self._open is None:
            out: dict[str, list[Entry]] = {}
            for e in self.others():
                if e.viewing:
                    out.setdefault(e.viewing, []).append(e)
            for entries in out.values():
                entries.sort(key=lambda e: (not e.acting, e.since, e.user, e.id))
            self._open = out
        return self._open

    def on_shift(self, *, feeds: bool | None = False) -> list[Person]:
        """The distinct users online (this console's user included), by role (supervisors first),
        then by name. ``feeds``: False leaves sensors out, True lists only them, None lists
        everyone with the feeds last."""
        people: dict[tuple[str, str], list[Entry]] = {}
        for e in self.entries.values():
            people.setdefault((e.user, e.role), []).append(e)
        out = [Person(user, role, tuple(sorted({e.hub for e in es if e.hub})), len(es))
               for (user, role), es in people.items()]
        if feeds is not None:
            out = [p for p in out if p.feed == feeds]
        rank = {r: i for i, r in enumerate(ROLE_ORDER)}
        out.sort(key=lambda p: (p.feed, rank.get(p.role, len(ROLE_ORDER)), p.user, p.role))
        return out


class Announcer:
    """What this console tells the hub about itself (``presence.set``), sent through ``send``
    (``send(args)``, fire and forget). Fed with the case shown, whether the user is acting on
    it, whether the console replays, and the connection's ups and downs."""

    def __init__(self, send: Callable[[dict[str, Any]], None]) -> None:
        self._send = send
        self.viewing: str | None = None
        self.acting = False
        self.replaying = False
        self.online = False
        self.sent: dict[str, Any] | None = None  # the last value sent on this connection

    def wanted(self) -> dict[str, Any]:
        """The presence this console should have on the hub now."""
        if self.replaying or not self.viewing:
            return {"viewing": None, "acting": False}
        return {"viewing": self.viewing, "acting": self.acting}

    def set_viewing(self, incident_id: str | None) -> None:
        self.viewing = incident_id or None
        self._push()

    def set_acting(self, acting: bool) -> None:
        self.acting = bool(acting)
        self._push()

    def set_replaying(self, replaying: bool) -> None:
        self.replaying = bool(replaying)
        self._push()

    def set_online(self, online: bool) -> None:
        """A connection came up (send the current value: it starts afresh on the hub) or went
        down (nothing is sent until the next one)."""
        self.online = bool(online)
        self.sent = None
        self._push()

    def _push(self) -> None:
        if not self.online:
            return
        want = self.wanted()
        if want != self.sent:
            self.sent = want
            self._send(dict(want))
