"""Facts derived from the console's state, as pure functions: team availability and load, likely
duplicates, dispatch recommendations, per-street counts. They used to live inside widgets."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from console.models.geo import haversine_m
from console.models.incident import parse_iso
from console.models.recommend import Recommendation, TeamStatus, recommend_teams

# Duplicate suggestions: same category, this close and this near in time (a local choice:
# one street block, one day's reports).
MERGE_RADIUS_M = 500.0
MERGE_WINDOW = timedelta(hours=24)
_FINAL = frozenset({"closed", "rejected", "merged"})


def when(value: Any) -> datetime | None:
    """An ISO time (or a datetime) as an aware datetime; None when absent or unreadable."""
    if not value:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    try:
        return parse_iso(str(value))
    except ValueError:
        return None


def team_status(catalog: Any, units: Iterable[Mapping[str, Any]],
                incidents: Iterable[Mapping[str, Any]]) -> dict[str, TeamStatus]:
    """Each catalog team's free units (positions), open cases and whether it can take one now.
    A team whose every known unit is busy is not free; one with no units reported counts from
    its home grid."""
    free: dict[str, list[tuple[float, float]]] = {}
    known: set[str] = set()
    for u in units:
        team = u.get("team")
        if not team:
            continue
        known.add(team)
        if u.get("status") == "free" and u.get("lat") is not None and u.get("lon") is not None:
            free.setdefault(team, []).append((float(u["lat"]), float(u["lon"])))
    load: dict[str, int] = {}
    for i in incidents:
        if i.get("assignee") and i.get("state", i.get("status")) not in _FINAL:
            load[i["assignee"]] = load.get(i["assignee"], 0) + 1
    teams = catalog.teams if catalog else {}
    return {t: TeamStatus(free_units=tuple(free.get(t, ())), load=load.get(t, 0), available=t in free or t not in known)
            for t in teams}


def recommend(catalog: Any, incident: Mapping[str, Any], status: Mapping[str, TeamStatus],
              limit: int) -> list[Recommendation]:
    """The best free teams for the incident; none for an unknown category or no position."""
    try:
        return recommend_teams(catalog, incident["category"], float(incident["lat"]), float(incident["lon"]),
                               dict(status), limit)
    except (KeyError, TypeError, ValueError):
        return []


def merge_suggestions(incident: Mapping[str, Any], incidents: Mapping[str, Mapping[str, Any]],
                      now: datetime | None = None, radius_m: float = MERGE_RADIUS_M) -> list[tuple[str, float]]:
    """(id, metres) of likely duplicates of ``incident`` among the open ``incidents``, nearest
    first (a call being taken uses a tighter radius: models/calltaking.DUPLICATE_RADIUS_M)."""
    try:
        lat, lon = float(incident["lat"]), float(incident["lon"])
    except (KeyError, TypeError, ValueError):
        return []
    at = when(incident.get("reported_at")) or now or datetime.now(UTC)
    out = []
    for oid, other in incidents.items():
        oid = other.get("id", oid)
        if oid == incident.get("id") or other.get("category") != incident.get("category"):
            continue
        if other.get("state", other.get("status")) in _FINAL:
            continue
        if bool(other.get("drill")) != bool(incident.get("drill")):
            continue  # an exercise is never the duplicate of a real case, nor the other way
        t = when(other.get("reported_at"))
        if t is None or abs(t - at) > MERGE_WINDOW:
            continue
        try:
            d = haversine_m(lat, lon, float(other["lat"]), float(other["lon"]))
        except (KeyError, TypeError, ValueError):
            continue
        if d <= radius_m:
            out.append((oid, d))
    out.sort(key=lambda p: (p[1], p[0]))
    return out


def street_counts(incidents: Iterable[Mapping[str, Any]], streets: Iterable[str]) -> dict[str, list[int]]:
    """Per street code: [active, urgent, nearing the limit, overdue]."""
    counts = {s: [0, 0, 0, 0] for s in streets}
    for inc in incidents:
        c = counts.get(inc.get("street") or "")
        if c is None:
            continue
        c[0] += 1
        c[1] += inc.get("priority") == "urgent"
        c[2] += inc.get("sla") == "blue"
        c[3] += inc.get("sla") == "red"
    return counts
