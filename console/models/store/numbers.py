"""``query.indicators`` (CONTRACT §5 "Numbers", issue 15): the numbers a center answers for,
computed in the database, never by shipping rows out.

Each case keeps its evaluation facts as it goes (models/commands.with_facts, migration 0005), so
every count is a SUM over incidents reported in the window, grouped by the key asked for; the
counts and keys are defined once, in counts.py. They are summed from per-hour rollups kept up to
date as cases change (rollups.py), plus the cases in the window's partial edge hours; the same
counts straight from the cases (``rollups=False``) are what tests hold them to. Definitions are in
docs/INDICATORS.md, speed in docs/PERFORMANCE.md."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..incident import parse_instant
from ..names import local_name
from ..validation import CommandError
from .bulk import StoreParts
from .counts import GROUPS, raw_counts
from .rollups import rolled_counts

COUNTS = ("reported", "accepted", "rejected", "dispatched", "returned", "reworks", "closed", "closed_on_time",
          "extensions", "parked", "urged")
# the two-way assessment's weights: timely sign-off, timely handling, the street's stars (×20)
TWO_WAY = (0.4, 0.4, 0.2)


@dataclass(frozen=True)
class Scoring:
    """The composite's weights and the grade bands (hub.toml ``[indicators]``; DOMAIN.md's
    defaults): closure, on-time closure, (100 − rework), and a volume band of up to ``volume``
    points scaled to the busiest group."""

    closure: float = 0.3
    on_time: float = 0.3
    rework: float = 0.3
    volume: float = 10.0
    bands: tuple[tuple[float, str], ...] = ((90.0, "A"), (75.0, "B"), (60.0, "C"), (40.0, "D"))

    def grade(self, score: float | None) -> str | None:
        if score is None:
            return None
        return next((letter for floor, letter in self.bands if score >= floor), "E")


def _time(args: dict[str, Any], key: str) -> datetime | None:
    if key not in args:
        return None
    try:
        return parse_instant(args[key])
    except (ValueError, TypeError):
        raise CommandError("invalid_args", f"{key} is not an ISO-8601 time: {args[key]!r}") from None


def query_indicators(store: StoreParts, args: dict[str, Any], scoring: Scoring | None = None, *,
                     rollups: bool = True) -> dict[str, Any]:
    """The answer to ``query.indicators``; ``rollups=False`` counts straight from the cases (one
    scan: the reference the rollups are tested against)."""
    scoring = scoring or Scoring()
    group = args.get("group_by", "all")
    if group not in GROUPS:
        raise CommandError("invalid_args", f"group_by must be one of {', '.join(GROUPS)}, not {group!r}")
    since, until = _time(args, "since"), _time(args, "until")
    if since and until and since > until:
        raise CommandError("invalid_args", "since is after until")
    drill = bool(args.get("drill", False))
    raw = (rolled_counts if rollups else raw_counts)(store.engine, group, drill, since, until)
    rows = [_row(store, group, r) for r in raw]
    _score(rows, scoring)
    rows.sort(key=lambda r: (-(r["composite"] if r["composite"] is not None else -1), str(r["key"])))
    return {"rows": rows, "group_by": group,
            "since": since.astimezone(UTC).isoformat() if since else None,
            "until": until.astimezone(UTC).isoformat() if until else None}


def _pct(n: int, d: int) -> float | None:
    return None if d <= 0 else round(100.0 * n / d, 1)


def _row(store: StoreParts, group: str, r: dict[str, Any]) -> dict[str, Any]:
    c = {k: int(r[k] or 0) for k in r if k != "key"}
    key = r["key"] if r["key"] is not None else "-"
    out: dict[str, Any] = {"key": key, "name": _name(store, group, key, "zh_CN"),
                           "name_en": _name(store, group, key, "en")}
    out.update({k: c[k] for k in COUNTS})
    due = c["accepted"] - c["gone"]  # accepted, less merged or rejected after acceptance
    out["due_to_close"] = due
    out["closure_rate"] = _pct(c["closed"], due)
    out["on_time_closure_rate"] = _pct(c["closed_on_time"], c["closed"])
    out["rework_rate"] = _pct(c["reworks"], c["closed"])
    out["accurate_dispatch_rate"] = _pct(max(0, c["dispatched"] - c["returned"] - c["reworks"]), c["dispatched"])
    out["satisfaction_rate"] = _pct(c["satisfied"], c["rated"])
    # the hotline's "three rates" over its own channels: responded (accepted), resolved (closed), satisfied
    out["hotline"] = c["hotline"]
    out["response_rate"] = _pct(c["hotline_accepted"], c["hotline"])
    out["resolution_rate"] = _pct(c["hotline_closed"], c["hotline"])
    out["hotline_satisfaction_rate"] = _pct(c["hotline_satisfied"], c["hotline_rated"])
    # two-way assessment (an extension): escalated cases, the department's sign-off and handling on
    # time, and the calling street's mean stars; two_way_score weighs what there is of the three
    out["escalated"] = c["escalated"]
    out["timely_signoff_rate"] = _pct(c["signed_on_time"], c["signed"])
    out["timely_handling_rate"] = _pct(c["esc_handled_on_time"], c["esc_handled"])
    out["street_rated"] = c["street_rated"]
    out["street_rating"] = round(c["street_stars"] / c["street_rated"], 1) if c["street_rated"] else None
    parts = [(w, v) for w, v in ((TWO_WAY[0], out["timely_signoff_rate"]), (TWO_WAY[1], out["timely_handling_rate"]),
                                 (TWO_WAY[2], None if out["street_rating"] is None else out["street_rating"] * 20.0))
             if v is not None]
    out["two_way_score"] = round(sum(w * v for w, v in parts) / sum(w for w, _v in parts), 1) if parts else None
    return out


def _score(rows: list[dict[str, Any]], s: Scoring) -> None:
    busiest = max((r["due_to_close"] for r in rows), default=0)
    for r in rows:
        if r["closure_rate"] is None:
            r["composite"] = None
        else:
            band = s.volume * r["due_to_close"] / busiest if busiest else 0.0
            score = (s.closure * r["closure_rate"] + s.on_time * (r["on_time_closure_rate"] or 0.0)
                     + s.rework * (100.0 - (r["rework_rate"] or 0.0)) + band)
            r["composite"] = round(max(0.0, min(100.0, score)), 1)
        r["grade"] = s.grade(r["composite"])


def _name(store: StoreParts, group: str, key: str, language: str) -> str:
    cat = store.catalog
    table = {"department": cat.departments, "team": cat.teams, "street": cat.streets,
             "community": cat.communities, "grid": cat.grids, "category": cat.categories}.get(group)
    if table is None:
        return "" if key == "all" else key
    return local_name(table.get(key), language, key) if key in table else key


__all__ = ["GROUPS", "Scoring", "query_indicators"]
