"""The incident as plain data, and its wire form (CONTRACT §3)."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from .lifecycle import FINAL_STATES, State


def iso(t: datetime | None) -> str | None:
    """ISO-8601 UTC with a Z, as on the wire."""
    if t is None:
        return None
    return _iso_utc(t if t.tzinfo is UTC else t.astimezone(UTC))


@lru_cache(maxsize=4096)
def _iso_utc(t: datetime) -> str:
    # Cached: a batch formats the same few instants (its `now`, equal deadlines) for every
    # incident and event it writes. Keyed on UTC datetimes only, where equal means same instant.
    return t.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_iso(s: str) -> datetime:
    """Parse an ISO-8601 instant; a naive one is taken as UTC."""
    t = datetime.fromisoformat(s.replace("Z", "+00:00"))
    return t if t.tzinfo else t.replace(tzinfo=UTC)


EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)


def parse_instant(s: str) -> datetime:
    """An instant given by a client: ISO-8601, made UTC, within 1970–2200. ValueError otherwise
    (far years overflow on the way to UTC and in the working calendar)."""
    try:
        t = parse_iso(s).astimezone(UTC)
    except OverflowError:
        raise ValueError(f"out of range: {s!r}") from None
    if not EARLIEST <= t < LATEST:
        raise ValueError(f"out of range: {s!r}")
    return t


@dataclass(frozen=True)
class Incident:
    id: str
    state: State
    category: str
    priority: str
    lat: float
    lon: float
    description: str
    source: str
    reported_at: datetime
    reported_by: str
    version: int = 1
    grid: str | None = None
    community: str | None = None
    street: str | None = None
    reporter: str | None = None
    address: str | None = None
    external_id: str | None = None
    photo_url: str | None = None
    source_category: str | None = None
    drill: bool = False
    assignee: str | None = None
    assignee_kind: str | None = None  # "team" | "department"
    escalated: bool = False
    rework: int = 0
    merged_into: str | None = None
    satisfaction: int | None = None
    notes: int = 0
    updated_at: datetime | None = None
    stage: str | None = None
    stage_started_at: datetime | None = None
    deadline: datetime | None = None
    sla: str | None = None  # green | blue | red | None (no clock running)
    extra: dict[str, Any] = field(default_factory=dict)
    urged: int = 0  # protocol 1.1: incident.urge raises it
    callbacks: list[dict[str, Any]] = field(default_factory=list)  # protocol 1.1: incident.callback
    # protocol 1.1: the last request for more time, {"until","reason","by","state","stage"}
    extension: dict[str, Any] | None = None
    # protocol 1.1: 挂账, the clock stopped since parked_since; earlier spans as [from, to] ISO pairs
    parked: bool = False
    parked_since: datetime | None = None
    parked_spans: list[list[str]] = field(default_factory=list)
    parked_reason: str | None = None  # extension of 1.1: the park's reason while parked (the ledger)
    caller_phone: str | None = None  # protocol 1.1: masked for every role but the control room's
    # protocol 1.1, joint dispatch: [{"id","kind","role":"lead"|"assist","acknowledged_at"}]
    assignees: list[dict[str, Any]] = field(default_factory=list)
    # extension (two-way assessment): the calling street's 1–5 rating of the department's work,
    # {"department","stars","by","at","note"} (incident.rate_department; the last one counts)
    department_rating: dict[str, Any] | None = None
    # Evaluation facts (issue 15), kept up as the case goes (models/commands.with_facts) so that
    # query.indicators is one GROUP BY over the cases. Stored, never on the wire (FACTS).
    accepted_by: str | None = None  # who registered it: the "person" it counts for
    f_dispatched: bool = False  # dispatched at least once
    f_returned: bool = False  # returned at least once
    f_extended: bool = False  # more time asked at least once
    f_parked: bool = False  # parked at least once
    handled_on_time: bool | None = None  # the last resolve, against the deadline then in force
    rating: int | None = None  # the last call-back's satisfaction, else the one given at close
    f_escalated: bool = False  # escalated to a department at least once
    signed_on_time: bool | None = None  # a department's last sign-off (签收) against its deadline
    street_stars: int | None = None  # department_rating's stars, for the GROUP BY

    @property
    def final(self) -> bool:
        return self.state in FINAL_STATES

    def evolve(self, **changes: Any) -> Incident:
        """A copy with ``changes`` applied (like dataclasses.replace, which re-ran __init__ over
        every field and cost more than the rest of a command's in-memory work)."""
        unknown = changes.keys() - _FIELD_SET
        if unknown:
            raise TypeError(f"Incident has no field(s) {', '.join(sorted(unknown))}")
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        new.__dict__.update(changes)  # frozen guards setattr only; there is no __post_init__ to rerun
        return new

    @classmethod
    def make(cls, **kw: Any) -> Incident:
        """``Incident(**kw)`` without the frozen dataclass's ``__init__``, which sets each of the
        53 fields through ``object.__setattr__``: most of the cost of a report's new incident and
        of each incident a batch reads. Same refusals: unknown or missing fields raise TypeError."""
        if not (_FIELD_SET.issuperset(kw) and _REQUIRED.issubset(kw)):
            unknown, missing = kw.keys() - _FIELD_SET, _REQUIRED - kw.keys()
            raise TypeError(f"Incident has no field(s) {', '.join(sorted(unknown))}" if unknown
                            else f"Incident needs field(s) {', '.join(sorted(missing))}")
        new = object.__new__(cls)
        own = new.__dict__
        own.update(_DEFAULTS)
        own.update(extra={}, callbacks=[], parked_spans=[], assignees=[])  # fresh each, as their factories give
        own.update(kw)
        return new

    def to_wire(self) -> dict[str, Any]:
        # Shallow on purpose: asdict() deep-copies every field and was most of a command's cost.
        own = self.__dict__
        d = {name: own[name] for name in WIRE_NAMES}
        d["extra"] = dict(self.extra)
        d["callbacks"] = list(self.callbacks)
        d["extension"] = dict(self.extension) if self.extension else None
        d["parked_spans"] = [list(p) for p in self.parked_spans]
        d["assignees"] = [dict(a) for a in self.assignees]
        d["state"] = self.state.value
        d["status"] = self.state.value  # the queue's column name; same value
        for k in _TIMES:
            d[k] = iso(d[k])
        return d

    @classmethod
    def from_wire(cls, d: dict[str, Any]) -> Incident:
        names = {f.name for f in fields(cls)}
        kw = {k: v for k, v in d.items() if k in names}
        kw["state"] = State(kw["state"])
        for k in _TIMES:
            if kw.get(k):
                kw[k] = parse_iso(kw[k])
        return cls(**kw)


_TIMES = ("reported_at", "updated_at", "stage_started_at", "deadline", "parked_since")
_FIELD_NAMES = tuple(f.name for f in fields(Incident))
FACTS = ("accepted_by", "f_dispatched", "f_returned", "f_extended", "f_parked", "handled_on_time", "rating",
         "f_escalated", "signed_on_time", "street_stars")
WIRE_NAMES = tuple(n for n in _FIELD_NAMES if n not in FACTS)
_FIELD_SET = frozenset(_FIELD_NAMES)
_REQUIRED = frozenset(f.name for f in fields(Incident) if f.default is MISSING and f.default_factory is MISSING)
_DEFAULTS = {f.name: f.default for f in fields(Incident) if f.default is not MISSING}
# make() gives these their fresh empty values itself; a new field with a factory must be added there
assert {f.name for f in fields(Incident) if f.default_factory is not MISSING} == {
    "extra", "callbacks", "parked_spans", "assignees"}
