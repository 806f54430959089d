"""Dispatch recommendation: which free teams to send to an incident, best first.

Complaint this answers: "crews sent from farther away than the nearest free team". A team's
distance is that of its nearest free unit (else of its home grid's centre); its open cases
count as extra distance, so a slightly farther idle team beats a nearby swamped one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .catalog import Catalog, Team
from .geo import haversine_m

# One open incident weighs like this many extra metres of travel (a local choice: about the
# time a crew spends on a small case, expressed as urban driving distance).
LOAD_PENALTY_M = 800.0


@dataclass(frozen=True, slots=True)
class TeamStatus:
    """What the hub knows of a team right now."""

    free_units: Sequence[tuple[float, float]] = ()  # (lat, lon) of each free unit
    load: int = 0  # open incidents assigned to the team
    available: bool = True  # False: off duty or all units busy; never recommended


@dataclass(frozen=True, slots=True)
class Recommendation:
    team: str  # team id
    distance_m: float  # from the nearest free unit, or from the home grid's centre
    load: int
    capable: bool  # False only when no capable team was free (then the whole list is flagged)
    score: float  # 0–100, higher is better; ranks by distance plus load
    reason: str
    reason_zh: str
    from_unit: bool  # distance measured from a free unit (True) or from the home grid (False)
    at: tuple[float, float] = (0.0, 0.0)  # (lat, lon) the distance is measured from: that unit or grid centre

    def to_wire(self) -> dict[str, Any]:
        return {
            "team": self.team, "distance_m": round(self.distance_m, 1), "load": self.load,
            "capable": self.capable, "score": self.score, "reason": self.reason,
            "reason_zh": self.reason_zh, "from_unit": self.from_unit,
        }


def recommend_teams(
    catalog: Catalog,
    category_code: str,
    lat: float,
    lon: float,
    team_status: Mapping[str, TeamStatus],
    limit: int = 5,
) -> list[Recommendation]:
    """Rank available teams for an incident of ``category_code`` at (lat, lon).

    Only teams whose capabilities cover the category are considered; if none of them is
    available, the available non-capable teams are listed instead with ``capable=False``.
    Teams missing from ``team_status`` count as available with no unit positions and no load.
    Ties (equal distance and load) go to the lower team id. KeyError for an unknown category.
    """
    catalog.category(category_code)  # unknown category: KeyError, not an empty list
    available = [
        (t, team_status.get(t.id, TeamStatus())) for _, t in sorted(catalog.teams.items())
    ]
    available = [(t, s) for t, s in available if s.available]
    capable = [(t, s) for t, s in available if t.can_handle(category_code)]
    pool, is_capable = (capable, True) if capable else (available, False)

    ranked = []
    for team, status in pool:
        dist, from_unit, at = _distance(catalog, team, status, lat, lon)
        cost = dist + LOAD_PENALTY_M * max(0, status.load)
        ranked.append((cost, team.id, team, status, dist, from_unit, at))
    ranked.sort(key=lambda r: (r[0], r[1]))

    out = []
    for cost, _, team, status, dist, from_unit, at in ranked[: max(0, limit)]:
        where_en = "nearest free unit" if from_unit else "home grid"
        where_zh = "最近空闲单元" if from_unit else "驻地网格"
        cap_en = "covers the category" if is_capable else "NOT capable: no capable team is free"
        cap_zh = "具备处置能力" if is_capable else "无处置能力：无空闲的对口队伍"
        out.append(
            Recommendation(
                team=team.id,
                distance_m=dist,
                load=status.load,
                capable=is_capable,
                score=round(100.0 / (1.0 + cost / 1000.0), 1),
                reason=f"{where_en} {fmt_distance(dist)}; {status.load} open; {cap_en}",
                reason_zh=f"{where_zh}{fmt_distance(dist)}；在办{status.load}件；{cap_zh}",
                from_unit=from_unit,
                at=at,
            )
        )
    return out


def _distance(catalog: Catalog, team: Team, status: TeamStatus, lat: float,
              lon: float) -> tuple[float, bool, tuple[float, float]]:
    """Metres to the team, whether from a free unit, and the point measured from."""
    if status.free_units:
        d, at = min((haversine_m(lat, lon, ulat, ulon), (ulat, ulon)) for ulat, ulon in status.free_units)
        return d, True, at
    glat, glon = catalog.grids[team.home_grid].centroid
    return haversine_m(lat, lon, glat, glon), False, (glat, glon)


def fmt_distance(metres: float) -> str:
    return f"{metres:.0f} m" if metres < 1000 else f"{metres / 1000:.1f} km"
