"""Evaluation indicators (DOMAIN.md "How centers are judged"), computed from stored transitions.

Each transition row carries the deadline of the stage it entered, so "on time" is decided by
the transition that leaves that stage: left at or before the deadline = on time. Drill
incidents never count. Rates are percentages (0–100), or None when nothing was due.

Definitions (also in docs/INDICATORS.md):
- due to accept: reported incidents; on-time accept rate = accepted on time / due to accept
- due to close: accepted incidents, less those merged or rejected after acceptance
- closure rate = closed / due to close; on-time closure rate = closed with the last handling on
  time / due to close
- due to handle: resolve stages entered (acknowledged); on-time handling rate = resolved within
  the stage's deadline / due to handle
- rework rate = reworks (failed verifications) / due to close
- accurate dispatch rate = (dispatches − returns − reworks) / dispatches
- composite = 0.3·closure + 0.3·on-time handling + 0.3·(100 − rework) + volume band (≤ 10)
- hotline "three rates": response (accepted on time), resolution (closed), satisfaction (rated
  4–5 of the rated), weighted 30/35/35
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from .commands import TransitionRecord

GroupBy = Literal["all", "assignee", "street", "grid", "person"]
HOTLINE_SOURCES = frozenset({"hotline", "12345"})
GRADES = ((90.0, "A"), (75.0, "B"), (60.0, "C"), (40.0, "D"))


@dataclass(frozen=True)
class Place:
    street: str | None
    grid: str | None
    drill: bool
    source: str = ""


@dataclass
class Counts:
    reported: int = 0
    accepted_on_time: int = 0
    due_to_close: int = 0
    closed: int = 0
    closed_on_time: int = 0
    due_to_handle: int = 0
    handled_on_time: int = 0
    reworks: int = 0
    dispatches: int = 0
    returns: int = 0
    rated: int = 0
    satisfied: int = 0
    hotline: int = 0
    hotline_on_time: int = 0
    hotline_closed: int = 0
    hotline_rated: int = 0
    hotline_satisfied: int = 0
    # protocol 1.1, counted per case (a case urged twice is one urged case)
    extensions: int = 0  # cases whose assignee asked for more time
    parked: int = 0  # cases parked at least once
    parked_seconds: float = 0.0  # natural time spent parked, over all cases
    urged: int = 0  # cases urged (催办/督办) at least once


def _pct(n: int, d: int) -> float | None:
    return None if d == 0 else round(100.0 * n / d, 2)


@dataclass
class Indicators:
    counts: Counts = field(default_factory=Counts)

    @property
    def on_time_accept_rate(self) -> float | None:
        return _pct(self.counts.accepted_on_time, self.counts.reported)

    @property
    def closure_rate(self) -> float | None:
        return _pct(self.counts.closed, self.counts.due_to_close)

    @property
    def on_time_closure_rate(self) -> float | None:
        return _pct(self.counts.closed_on_time, self.counts.due_to_close)

    @property
    def on_time_handling_rate(self) -> float | None:
        return _pct(self.counts.handled_on_time, self.counts.due_to_handle)

    @property
    def rework_rate(self) -> float | None:
        return _pct(self.counts.reworks, self.counts.due_to_close)

    @property
    def accurate_dispatch_rate(self) -> float | None:
        c = self.counts
        return _pct(max(0, c.dispatches - c.returns - c.reworks), c.dispatches)

    @property
    def satisfaction_rate(self) -> float | None:
        return _pct(self.counts.satisfied, self.counts.rated)

    def three_rates(self) -> float | None:
        """Hotline composite: response 30 %, resolution 35 %, satisfaction 35 %."""
        c = self.counts
        if c.hotline == 0:
            return None
        resp = 100.0 * c.hotline_on_time / c.hotline
        res = 100.0 * c.hotline_closed / c.hotline
        sat = 100.0 * c.hotline_satisfied / c.hotline_rated if c.hotline_rated else 0.0
        return round(0.30 * resp + 0.35 * res + 0.35 * sat, 2)

    def composite(self, max_volume: int, weights: tuple[float, float, float] = (0.3, 0.3, 0.3)) -> float | None:
        """Department composite: weighted closure, on-time handling, (100 − rework), plus a
        volume band of up to 10 points scaled to the busiest group."""
        if self.counts.due_to_close == 0:
            return None
        closure = self.closure_rate or 0.0
        handling = self.on_time_handling_rate if self.on_time_handling_rate is not None else 100.0
        rework = self.rework_rate or 0.0
        band = 10.0 * self.counts.due_to_close / max_volume if max_volume else 0.0
        w1, w2, w3 = weights
        return round(w1 * closure + w2 * handling + w3 * (100.0 - rework) + band, 2)


def grade(score: float | None) -> str | None:
    if score is None:
        return None
    for floor, letter in GRADES:
        if score >= floor:
            return letter
    return "E"


def compute(
    transitions: Iterable[TransitionRecord], places: Mapping[str, Place], by: GroupBy = "all"
) -> dict[str, Indicators]:
    """Indicators per group. ``places`` gives each incident's street, grid, drill flag, source."""
    per_incident: dict[str, list[TransitionRecord]] = defaultdict(list)
    for tr in transitions:
        per_incident[tr.incident].append(tr)
    out: dict[str, Indicators] = defaultdict(Indicators)
    for inc_id, trs in per_incident.items():
        place = places.get(inc_id)
        if place is None or place.drill:
            continue
        _count_incident(trs, place, by, out)
    return dict(out)


def _key(by: GroupBy, place: Place, assignee: str | None, actor: str) -> str:
    if by == "all":
        return "all"
    if by == "street":
        return place.street or "-"
    if by == "grid":
        return place.grid or "-"
    if by == "assignee":
        return assignee or "-"
    return actor


_ANNOTATIONS = frozenset({"note", "sla", "urge", "callback", "extend", "extend_decide", "park", "unpark"})


def _count_incident(trs: list[TransitionRecord], place: Place, by: GroupBy, out: dict[str, Indicators]) -> None:
    assignee: str | None = None
    entered: TransitionRecord | None = None  # the transition that entered the current stage
    accepted = False
    last_handled_on_time: bool | None = None
    hotline = place.source in HOTLINE_SOURCES
    final_key = None
    seen: set[str] = set()
    parked_at = None
    for tr in trs:
        if tr.action in ("extend", "park", "urge") and tr.action not in seen:
            seen.add(tr.action)
            counts = out[_key(by, place, assignee, tr.actor)].counts
            if tr.action == "extend":
                counts.extensions += 1
            elif tr.action == "park":
                counts.parked += 1
            else:
                counts.urged += 1
        if tr.action == "park":
            parked_at = tr.at
        elif tr.action == "unpark" and parked_at is not None:
            out[_key(by, place, assignee, tr.actor)].counts.parked_seconds += (tr.at - parked_at).total_seconds()
            parked_at = None
        if tr.action in _ANNOTATIONS or tr.data.get("for"):
            continue  # notes, the clock, the desk's case-life steps, an assist's own acknowledge
        key = _key(by, place, assignee, tr.actor)
        c = out[key].counts
        on_time = entered is not None and (entered.deadline is None or tr.at <= entered.deadline)
        if tr.action == "report":
            c.reported += 1
            if hotline:
                c.hotline += 1
        elif tr.action == "accept":
            accepted = True
            if on_time:
                c.accepted_on_time += 1
                if hotline:
                    c.hotline_on_time += 1
        elif tr.action in ("dispatch", "escalate", "reopen"):
            assignee = tr.data.get("team") or tr.data.get("department") or assignee
            if tr.action == "dispatch":
                out[_key(by, place, assignee, tr.actor)].counts.dispatches += 1
        elif tr.action == "return":
            c.returns += 1
            assignee = None
        elif tr.action == "resolve":
            c.due_to_handle += 1
            last_handled_on_time = on_time
            if on_time:
                c.handled_on_time += 1
        elif tr.action == "verify_fail":
            c.reworks += 1
        entered = tr
        final_key = _key(by, place, assignee, tr.actor)
    if not accepted or final_key is None:
        return
    last = next(t for t in reversed(trs) if t.action not in _ANNOTATIONS and not t.data.get("for"))
    if last.to_state in ("merged", "rejected"):
        return
    key = final_key if by != "person" else last.actor
    c = out[key].counts
    c.due_to_close += 1
    if last.to_state == "closed":
        c.closed += 1
        if last_handled_on_time:
            c.closed_on_time += 1
        sat = last.data.get("satisfaction")
        if isinstance(sat, int):
            c.rated += 1
            c.satisfied += sat >= 4
            if hotline:
                c.hotline_rated += 1
                c.hotline_satisfied += sat >= 4
        if hotline:
            c.hotline_closed += 1
