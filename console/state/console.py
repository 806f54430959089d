"""The console's one replica of the hub's active state, fed by the bridge (snapshot + event
batches + connection status), read by every view: the queue, the map, the counters, the street
board, the incident panel, the video wall, and every open wall display. No Qt."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import derived
from .filters import IncidentFilter
from .signals import Signal

FINAL = frozenset({"closed", "rejected", "merged"})


@dataclass(frozen=True)
class Who:
    """The signed-in user, as the hub's welcome said."""

    user: str
    role: str
    team: str | None = None
    grids: tuple[str, ...] = ()


@dataclass
class Counts:
    active: int = 0
    urgent: int = 0
    blue: int = 0
    red: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"active": self.active, "urgent": self.urgent, "blue": self.blue, "red": self.red}


@dataclass
class ConsoleState:
    """Everything a console shows comes from here; nothing a view holds is a second truth.

    Signals (plain Python, emitted on the thread that feeds the state — the GUI thread):
    ``reset()`` after a snapshot replaced everything; ``incidents_changed(upserted, removed)``
    with the incidents' new versions (arrival order, last wins) and those that left the active
    state, in their final version (closed, rejected, merged); ``units_changed(units)``;
    ``cameras_changed(cameras)``; ``notice(notice)``;
    ``alert(incident, reason)`` for "new_urgent" and "turned_red"; ``connection_changed(online,
    why)``; ``welcomed(who)``; ``selected(incident_id | None)``; ``filter_changed(filter)``.
    """

    incidents: dict[str, dict[str, Any]] = field(default_factory=dict)
    units: dict[str, dict[str, Any]] = field(default_factory=dict)
    teams: dict[str, dict[str, Any]] = field(default_factory=dict)
    cameras: dict[str, dict[str, Any]] = field(default_factory=dict)
    notices: dict[str, dict[str, Any]] = field(default_factory=dict)
    reference: dict[str, Any] | None = None
    who: Who | None = None
    online: bool = False
    why_offline: str = ""
    offline_since: float | None = field(default_factory=time.time)
    last_data_at: float | None = None
    selection: str | None = None
    filter: IncidentFilter = field(default_factory=IncidentFilter)
    replaying: bool = False  # fed from history (state/replay.py): no alerts, no commands, not live

    def __post_init__(self) -> None:
        self.reset = Signal("reset")
        self.incidents_changed = Signal("incidents_changed")
        self.units_changed = Signal("units_changed")
        self.cameras_changed = Signal("cameras_changed")
        self.notice = Signal("notice")
        self.alert = Signal("alert")
        self.connection_changed = Signal("connection_changed")
        self.welcomed = Signal("welcomed")
        self.selected = Signal("selected")
        self.filter_changed = Signal("filter_changed")
        self.replay_changed = Signal("replay_changed")  # (replaying: bool)
        self._counts: Counts | None = None
        self._names: tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]] = ({}, {})

    # ---- fed by the bridge (or, later, by a replay) ----------------------------------------------

    def apply_snapshot(self, snap: Mapping[str, Any], *, at: float | None = None) -> None:
        """Replace everything: ``{"incidents", "units", "teams", "reference"}`` as the client
        assembled them. Final states are left out; no alerts (nothing is new to the operator)."""
        # in place: views may hold these dicts (read only) across snapshots
        _replace(self.incidents, {i["id"]: i for i in snap.get("incidents", ()) if i.get("state") not in FINAL})
        _replace(self.units, {u["id"]: u for u in snap.get("units", ())})
        _replace(self.teams, {t["id"]: t for t in snap.get("teams", ())})
        self.reference = dict(snap.get("reference") or {})
        self._names = tuple({d["id"]: (d.get("name_zh") or d["id"], d.get("name_en") or d["id"])
                             for d in self.reference.get(key) or ()} for key in ("categories", "streets"))
        _replace(self.cameras, {c["id"]: c for c in self.reference.get("cameras") or ()})
        _replace(self.notices, {n["id"]: n for n in self.reference.get("notices") or ()})
        self.last_data_at = at if at is not None else time.time()
        self._counts = None
        self.reset.emit()

    def apply_events(self, events: Iterable[Mapping[str, Any]], *, at: float | None = None) -> None:
        """A batch of events in seq order: one notification per kind for the whole batch."""
        upserted: dict[str, dict[str, Any]] = {}
        removed: dict[str, dict[str, Any]] = {}  # id -> its final version
        units: list[dict[str, Any]] = []
        cameras: list[dict[str, Any]] = []
        notices: list[dict[str, Any]] = []
        before: dict[str, dict[str, Any] | None] = {}  # each incident as it was before this batch
        for ev in events:
            kind, data = ev["kind"], ev["data"]
            if kind == "incident":
                self._apply_incident(data, upserted, removed, before)
            elif kind == "unit":
                self.units[data["id"]] = data
                units.append(data)
            elif kind == "team":
                self.teams[data["id"]] = data
            elif kind == "camera":
                self.cameras[data["id"]] = data
                cameras.append(data)
            elif kind == "notice":
                for gone in (data.get("purged") or {}).get("notices", ()):
                    self.notices.pop(gone, None)
                self.notices[data["id"]] = data
                notices.append(data)
        self.last_data_at = at if at is not None else time.time()
        # a replay announces nothing: what it shows happened long ago
        alerts = [] if self.replaying else _alerts(upserted.values(), before, self.who.team if self.who else None)
        if upserted or removed:
            self._counts = None
            self.incidents_changed.emit(list(upserted.values()), list(removed.values()))
        if units:
            self.units_changed.emit(units)
        if cameras:
            self.cameras_changed.emit(cameras)
        for n in notices:
            self.notice.emit(n)
        for inc, reason in alerts:
            self.alert.emit(inc, reason)

    def _apply_incident(self, inc: dict[str, Any], upserted: dict[str, dict[str, Any]],
                        removed: dict[str, dict[str, Any]], before: dict[str, dict[str, Any] | None]) -> None:
        iid = inc["id"]
        old = self.incidents.get(iid)
        if old is not None and (inc.get("version") or 0) < (old.get("version") or 0):
            return  # a stale event overtaken by a newer one
        before.setdefault(iid, old)
        if inc.get("state") in FINAL:
            if old is not None:
                del self.incidents[iid]
                if before[iid] is not None:
                    removed[iid] = inc
            upserted.pop(iid, None)
            return
        removed.pop(iid, None)  # closed then reopened within the batch
        self.incidents[iid] = inc
        upserted.pop(iid, None)  # re-inserted: arrival order follows the last version
        upserted[iid] = inc

    def set_connection(self, online: bool, why: str = "", *, now: float | None = None) -> None:
        if online:
            self.offline_since = None
        elif self.online or self.offline_since is None:
            self.offline_since = now if now is not None else time.time()
        self.online = online
        self.why_offline = "" if online else why
        self.connection_changed.emit(online, self.why_offline)

    def set_replaying(self, on: bool) -> None:
        """Fed from history (True) or live (False); the views show the band and hold commands."""
        if on != self.replaying:
            self.replaying = on
            self.replay_changed.emit(on)

    def set_who(self, who: Mapping[str, Any]) -> None:
        self.who = Who(str(who.get("user") or ""), str(who.get("role") or ""), who.get("team"),
                       tuple(who.get("grids") or ()))
        self.welcomed.emit(self.who)

    def select(self, incident_id: str | None) -> None:
        """The incident the operator works on (queue, map, panel and video wall follow it)."""
        incident_id = incident_id or None
        if incident_id != self.selection:
            self.selection = incident_id
            self.selected.emit(incident_id)

    def set_filter(self, f: IncidentFilter) -> None:
        """What the operator narrowed the queue to; the map shows the same (``accepts``)."""
        if f != self.filter:
            self.filter = f
            self.filter_changed.emit(f)

    def accepts(self, inc: Mapping[str, Any]) -> bool:
        """Does the operator's filter let this incident through (the map's question)?"""
        return self.filter.accepts(inc, *self._names)

    # ---- derived facts, computed here once ---------------------------------------------------------

    def counts(self) -> Counts:
        """Active, urgent, nearing the limit (blue) and overdue (red)."""
        if self._counts is None:
            c = Counts(active=len(self.incidents))
            for i in self.incidents.values():
                if i.get("priority") == "urgent":
                    c.urgent += 1
                sla = i.get("sla")
                if sla == "blue":
                    c.blue += 1
                elif sla == "red":
                    c.red += 1
            self._counts = c
        return self._counts

    def street_counts(self, streets: Iterable[str]) -> dict[str, list[int]]:
        """Per street code: [active, urgent, blue, red]."""
        return derived.street_counts(self.incidents.values(), streets)

    def team_status(self, catalog: Any) -> dict[str, Any]:
        return derived.team_status(catalog, self.units.values(), self.incidents.values())

    def merge_suggestions(self, incident: Mapping[str, Any], now: Any = None) -> list[tuple[str, float]]:
        return derived.merge_suggestions(incident, self.incidents, now)

    def recommend(self, catalog: Any, incident: Mapping[str, Any], limit: int) -> list[Any]:
        return derived.recommend(catalog, incident, self.team_status(catalog), limit)

    def selected_incident(self) -> dict[str, Any] | None:
        return self.incidents.get(self.selection) if self.selection else None

    def data_age(self, now: float | None = None) -> float | None:
        """Seconds since the newest data arrived, or None before any."""
        if self.last_data_at is None:
            return None
        return (now if now is not None else time.time()) - self.last_data_at


def _alerts(upserted: Iterable[dict[str, Any]], before: Mapping[str, dict[str, Any] | None], team: str | None
            ) -> list[tuple[dict[str, Any], str]]:
    """New urgent incidents, incidents that turned red, and, on the consoles of the team a case
    is assigned to, cases urged (催办/督办) in this batch: what the toast and the chime announce,
    and what takes a wall to an incident."""
    out = []
    for inc in upserted:
        old = before.get(inc["id"])
        if old is None:
            if inc.get("priority") == "urgent":
                out.append((inc, "new_urgent"))
            elif inc.get("sla") == "red":
                out.append((inc, "turned_red"))
        else:
            if inc.get("sla") == "red" and old.get("sla") != "red":
                out.append((inc, "turned_red"))
            if team and inc.get("assignee") == team and (inc.get("urged") or 0) > (old.get("urged") or 0):
                out.append((inc, "urged"))
    return out


def _replace(target: dict[str, Any], new: dict[str, Any]) -> None:
    target.clear()
    target.update(new)
