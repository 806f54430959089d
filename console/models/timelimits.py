"""Time limits (时限) per profile × priority × stage, deadlines and SLA colours.

A :class:`Limit` is an amount and a unit. ``minutes``/``hours``/``days`` are natural time
(a day = 24 h); ``working_hours``/``working_days`` are counted on a :class:`WorkCalendar`
(a working day = the calendar's daily working time, e.g. 8 h).

Parked time (挂账) does not count: for natural units the overlap of the parked intervals with
the counted span is subtracted; for working units their *working-time* overlap is subtracted.

See ``docs/TIME_LIMITS.md`` for the file format and every rule.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import pathlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from console.models.calendar import WorkCalendar
from console.models.errors import CatalogError, read_toml

__all__ = [
    "BLUE_AT",
    "DEFAULT_ESCALATION",
    "PRIORITIES",
    "STAGES",
    "UNITS",
    "Limit",
    "TimeLimitTable",
    "counted_seconds",
    "deadline",
    "deadline_and_colour",
    "elapsed_fraction",
    "limit_seconds",
    "load_time_limits",
    "parse_limit",
    "sla_colour",
]

STAGES = ("accept", "dispatch", "acknowledge", "resolve", "verify")
PRIORITIES = ("urgent", "normal")
UNITS = ("minutes", "hours", "days", "working_hours", "working_days")  # hours/days = natural
WORKING_UNITS = frozenset({"working_hours", "working_days"})
_NATURAL_SECONDS = {"minutes": 60.0, "hours": 3600.0, "days": 86400.0}
_SINGULAR = {u[:-1]: u for u in UNITS}  # "minute" -> "minutes", "working_day" -> "working_days"

#: Fraction of the limit from which the colour turns blue.
BLUE_AT = 0.8
_EPS = 1e-9

UTC = dt.UTC

Parked = Sequence[tuple[dt.datetime, dt.datetime | None]]


@dataclass(frozen=True)
class Limit:
    amount: float
    unit: str

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"unknown unit {self.unit!r}; expected one of {', '.join(UNITS)}")
        amount = self.amount
        if isinstance(amount, bool) or not isinstance(amount, int | float):
            raise TypeError(f"amount must be a number, got {amount!r}")
        if not math.isfinite(amount) or amount <= 0:
            raise ValueError(f"amount must be a positive finite number, got {amount!r}")
        object.__setattr__(self, "amount", float(amount))

    @property
    def working(self) -> bool:
        """True when counted on the working calendar."""
        return self.unit in WORKING_UNITS

    def __str__(self) -> str:
        amount = int(self.amount) if self.amount.is_integer() else self.amount
        return f"{amount} {self.unit}"


_LIMIT_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s+([a-z_]+)\s*$")


def parse_limit(text: str) -> Limit:
    """Parse ``"30 minutes"``, ``"1.5 hours"``, ``"2 working_hours"``, ``"1 working_day"``.

    Strict: a plain decimal amount > 0, one or more spaces, one unit of :data:`UNITS`
    (the singular form is accepted too). Anything else is a ValueError (TypeError if not a str).
    """
    if not isinstance(text, str):
        raise TypeError(f'a limit must be a string like "30 minutes", got {text!r}')
    m = _LIMIT_RE.match(text)
    if not m:
        raise ValueError(f'{text!r} is not "<amount> <unit>" (e.g. "30 minutes", "2 working_hours")')
    amount = float(m.group(1))
    unit = _SINGULAR.get(m.group(2), m.group(2))
    if unit not in UNITS:
        raise ValueError(f"unknown unit {m.group(2)!r} in {text!r}; expected one of {', '.join(UNITS)}")
    if amount <= 0:
        raise ValueError(f"amount must be positive in {text!r}")
    return Limit(amount, unit)


DEFAULT_ESCALATION: dict[str, Limit] = {
    "acknowledge": Limit(2, "days"),
    "resolve": Limit(5, "working_days"),
}


class TimeLimitTable:
    """Limits by profile (a category group), priority and stage, with inheritance resolved.

    ``escalation`` holds the table-wide escalation limits (by stage); a profile may override
    them in its own ``escalation`` table. ``limit(..., escalated=True)`` uses the escalation
    limit for stages that have one and the ordinary limit otherwise.
    """

    def __init__(
        self,
        limits: dict[str, dict[tuple[str, str], Limit]],
        escalation: dict[str, Limit] | None = None,
        profile_escalation: dict[str, dict[str, Limit]] | None = None,
        names: dict[str, tuple[str, str]] | None = None,
        calendar: WorkCalendar | None = None,
    ) -> None:
        self._limits = {p: dict(v) for p, v in limits.items()}
        self.profiles: frozenset[str] = frozenset(self._limits)
        self.escalation: dict[str, Limit] = dict(DEFAULT_ESCALATION if escalation is None else escalation)
        self._profile_escalation = {p: dict(v) for p, v in (profile_escalation or {}).items()}
        self.names: dict[str, tuple[str, str]] = dict(names or {})
        self.calendar = calendar

    def limit(self, profile: str, priority: str, stage: str, escalated: bool = False) -> Limit:
        """The limit for a stage; KeyError for an unknown profile/priority/stage or a missing entry."""
        if profile not in self._limits:
            raise KeyError(f"unknown time-limit profile {profile!r}")
        if priority not in PRIORITIES:
            raise KeyError(f"unknown priority {priority!r}")
        if stage not in STAGES:
            raise KeyError(f"unknown stage {stage!r}")
        if escalated:
            own = self._profile_escalation.get(profile, {})
            if stage in own:
                return own[stage]
            if stage in self.escalation:
                return self.escalation[stage]
        try:
            return self._limits[profile][(priority, stage)]
        except KeyError:
            raise KeyError(f"no time limit for {profile}/{priority}/{stage}") from None

    def escalation_for(self, profile: str) -> dict[str, Limit]:
        """The escalation limits that apply to ``profile`` (table-wide merged with its overrides)."""
        if profile not in self._limits:
            raise KeyError(f"unknown time-limit profile {profile!r}")
        return {**self.escalation, **self._profile_escalation.get(profile, {})}

    def check_complete(self, profile: str) -> list[str]:
        """Missing ``"priority/stage"`` entries of ``profile`` (after inheritance); [] when complete."""
        if profile not in self._limits:
            raise KeyError(f"unknown time-limit profile {profile!r}")
        have = self._limits[profile]
        return [f"{p}/{s}" for p in PRIORITIES for s in STAGES if (p, s) not in have]


# -- loading -----------------------------------------------------------------------------------

_PROFILE_KEYS = {"inherits", "name_zh", "name_en", "escalation", *PRIORITIES}


def _limit_at(path: pathlib.Path, entry: str, value: object) -> Limit:
    try:
        return parse_limit(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise CatalogError(path, entry, str(exc)) from None


def _stage_table(path: pathlib.Path, entry: str, raw: object) -> dict[str, Limit]:
    if not isinstance(raw, dict):
        raise CatalogError(path, entry, 'must be a table of stage = "<amount> <unit>"')
    out = {}
    for stage, value in raw.items():
        if stage not in STAGES:
            raise CatalogError(
                path, f"{entry}.{stage}", f"unknown stage; expected one of {', '.join(STAGES)}"
            )
        out[stage] = _limit_at(path, f"{entry}.{stage}", value)
    return out


def load_time_limits(path: pathlib.Path, calendar: WorkCalendar) -> TimeLimitTable:
    """Load a time-limit table. CatalogError names the file and the entry
    (e.g. ``profiles.lights.normal.resolve``). Profiles may be incomplete; see check_complete."""
    path = pathlib.Path(path)
    data = read_toml(path)

    unknown = set(data) - {"escalation", "profiles"}
    if unknown:
        raise CatalogError(path, ", ".join(sorted(unknown)), "unknown key(s); allowed: escalation, profiles")

    escalation = dict(DEFAULT_ESCALATION)
    if "escalation" in data:
        escalation.update(_stage_table(path, "escalation", data["escalation"]))

    raw_profiles = data.get("profiles")
    if not isinstance(raw_profiles, dict) or not raw_profiles:
        raise CatalogError(path, "profiles", "missing; define at least [profiles.default]")

    own: dict[str, dict[tuple[str, str], Limit]] = {}
    own_escalation: dict[str, dict[str, Limit]] = {}
    parents: dict[str, str | None] = {}
    names: dict[str, tuple[str, str]] = {}
    for name, raw in raw_profiles.items():
        entry = f"profiles.{name}"
        if not isinstance(raw, dict):
            raise CatalogError(path, entry, "must be a table")
        unknown = set(raw) - _PROFILE_KEYS
        if unknown:
            raise CatalogError(
                path,
                f"{entry}.{min(unknown)}",
                f"unknown key; allowed: {', '.join(sorted(_PROFILE_KEYS))}",
            )
        parent = raw.get("inherits")
        if parent is not None and (not isinstance(parent, str) or parent not in raw_profiles):
            raise CatalogError(path, f"{entry}.inherits", f"{parent!r} is not a profile of this file")
        if parent == name:
            raise CatalogError(path, f"{entry}.inherits", "a profile cannot inherit from itself")
        parents[name] = parent
        zh, en = raw.get("name_zh"), raw.get("name_en")
        for key, value in (("name_zh", zh), ("name_en", en)):
            if value is not None and not isinstance(value, str):
                raise CatalogError(path, f"{entry}.{key}", "must be a string")
        names[name] = (zh or name, en or name)
        table: dict[tuple[str, str], Limit] = {}
        for priority in PRIORITIES:
            if priority in raw:
                for stage, lim in _stage_table(path, f"{entry}.{priority}", raw[priority]).items():
                    table[(priority, stage)] = lim
        own[name] = table
        if "escalation" in raw:
            own_escalation[name] = _stage_table(path, f"{entry}.escalation", raw["escalation"])

    resolved: dict[str, dict[tuple[str, str], Limit]] = {}
    resolved_esc: dict[str, dict[str, Limit]] = {}

    def resolve(name: str, chain: tuple[str, ...]) -> None:
        if name in resolved:
            return
        if name in chain:
            cycle = " -> ".join((*chain[chain.index(name) :], name))
            raise CatalogError(path, f"profiles.{chain[-1]}.inherits", f"inheritance cycle: {cycle}")
        parent = parents[name]
        base: dict[tuple[str, str], Limit] = {}
        base_esc: dict[str, Limit] = {}
        if parent is not None:
            resolve(parent, (*chain, name))
            base = dict(resolved[parent])
            base_esc = dict(resolved_esc[parent])
        base.update(own[name])
        base_esc.update(own_escalation.get(name, {}))
        resolved[name] = base
        resolved_esc[name] = base_esc

    for name in raw_profiles:
        resolve(name, ())

    if calendar.day_seconds <= 0:  # pragma: no cover - WorkCalendar guarantees periods
        raise CatalogError(path, "profiles", "the working calendar has no working hours")

    return TimeLimitTable(resolved, escalation, resolved_esc, names, calendar)


# -- deadlines and colours ---------------------------------------------------------------------


def _aware(value: dt.datetime, what: str) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        raise TypeError(f"{what} must be a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {value.isoformat()}")
    return value.astimezone(UTC)


def limit_seconds(limit: Limit, calendar: WorkCalendar) -> float:
    """The limit as seconds of natural time, or of working time for working units."""
    if limit.unit == "working_hours":
        return limit.amount * 3600.0
    if limit.unit == "working_days":
        return limit.amount * calendar.day_seconds
    return limit.amount * _NATURAL_SECONDS[limit.unit]


def stretched(limit: Limit, calendar: WorkCalendar, a: dt.datetime, b: dt.datetime, extra: float = 0.0) -> Limit:
    """``limit`` made longer by the time from ``a`` to ``b`` counted as it counts (working time
    for working units) plus ``extra`` such seconds: an approved request for more time (延期)."""
    seconds = limit_seconds(limit, calendar) + _measure(limit, calendar, a, b) + extra
    return Limit(seconds / 3600.0, "working_hours" if limit.working else "hours")


def _measure(limit: Limit, calendar: WorkCalendar, a: dt.datetime, b: dt.datetime) -> float:
    if b <= a:
        return 0.0
    if limit.working:
        return calendar.working_seconds_between(a, b)
    return (b - a).total_seconds()


def _advance(limit: Limit, calendar: WorkCalendar, start: dt.datetime, seconds: float) -> dt.datetime:
    if limit.working:
        return calendar.add_working_seconds(start, seconds)
    return start + dt.timedelta(seconds=seconds)


def _merge_parked(parked: Parked, start: dt.datetime) -> list[tuple[dt.datetime, dt.datetime | None]]:
    """Sort, validate and merge parked intervals; drop those that end at or before ``start``.

    An interval with end None is open (still parked) and swallows every later interval.
    """
    items: list[tuple[dt.datetime, dt.datetime | None]] = []
    for i, pair in enumerate(parked):
        try:
            p_start, p_end = pair
        except (TypeError, ValueError):
            raise ValueError(f"parked[{i}] must be a (start, end-or-None) pair") from None
        p_start = _aware(p_start, f"parked[{i}] start")
        if p_end is not None:
            p_end = _aware(p_end, f"parked[{i}] end")
            if p_end < p_start:
                raise ValueError(f"parked[{i}] ends before it starts")
            if p_end <= start or p_end == p_start:
                continue
        items.append((max(p_start, start), p_end))
    items.sort(key=lambda it: it[0])
    merged: list[tuple[dt.datetime, dt.datetime | None]] = []
    for s, e in items:
        if merged:
            ms, me = merged[-1]
            if me is None:
                break  # already open-ended: nothing after it matters
            if s <= me:
                merged[-1] = (ms, None if e is None else max(me, e))
                continue
        merged.append((s, e))
    return merged


def deadline(
    limit: Limit,
    start: dt.datetime,
    calendar: WorkCalendar,
    parked: Parked = (),
) -> dt.datetime | None:
    """The instant (UTC) at which the counted time since ``start`` reaches ``limit``.

    Parked intervals do not count (merged first; they may overlap). Returns None when the
    clock is stopped by an open parked interval (end None) before the limit was reached; a limit
    already reached before the parking began keeps its (past) deadline.
    """
    if not parked and isinstance(start, dt.datetime) and start.tzinfo is UTC:
        return _unparked_deadline(limit, start, calendar)
    return _deadline(limit, start, calendar, parked)


@functools.lru_cache(maxsize=1024)
def _unparked_deadline(limit: Limit, start: dt.datetime, calendar: WorkCalendar) -> dt.datetime | None:
    # Cached: the store computes deadlines for a whole batch of commands that share one start
    # (the batch's `now`) and a handful of distinct limits. Only UTC starts come here, where
    # equal datetimes are the same instant; calendars are immutable and hash by identity.
    return _deadline(limit, start, calendar, ())


def _deadline(limit: Limit, start: dt.datetime, calendar: WorkCalendar, parked: Parked) -> dt.datetime | None:
    start = _aware(start, "start")
    remaining = limit_seconds(limit, calendar)
    cursor = start
    for p_start, p_end in _merge_parked(parked, start):
        available = _measure(limit, calendar, cursor, p_start)
        if remaining <= available:
            return _advance(limit, calendar, cursor, remaining)
        remaining -= available
        if p_end is None:
            return None
        cursor = max(cursor, p_end)
    return _advance(limit, calendar, cursor, remaining)


def counted_seconds(
    limit: Limit,
    start: dt.datetime,
    now: dt.datetime,
    calendar: WorkCalendar,
    parked: Parked = (),
) -> float:
    """Counted time in ``[start, now)`` in the limit's kind of time, parked time excluded."""
    start = _aware(start, "start")
    now = _aware(now, "now")
    if now <= start:
        return 0.0
    total = _measure(limit, calendar, start, now)
    for p_start, p_end in _merge_parked(parked, start):
        if p_start >= now:
            break
        end = now if p_end is None or p_end > now else p_end
        total -= _measure(limit, calendar, p_start, end)
    return max(total, 0.0)


def elapsed_fraction(
    limit: Limit,
    start: dt.datetime,
    now: dt.datetime,
    calendar: WorkCalendar,
    parked: Parked = (),
) -> float:
    """Counted time so far divided by the limit (0.0 at start, 1.0 at the deadline)."""
    return counted_seconds(limit, start, now, calendar, parked) / limit_seconds(limit, calendar)


def sla_colour(
    limit: Limit,
    start: dt.datetime,
    now: dt.datetime,
    calendar: WorkCalendar,
    parked: Parked = (),
) -> str:
    """``"red"`` when ``now`` is past the deadline; ``"blue"`` from 80 % of the limit up to and
    including the deadline; ``"green"`` below 80 %."""
    return deadline_and_colour(limit, start, now, calendar, parked)[1]


def deadline_and_colour(
    limit: Limit,
    start: dt.datetime,
    now: dt.datetime,
    calendar: WorkCalendar,
    parked: Parked = (),
) -> tuple[dt.datetime | None, str]:
    """``(deadline(...), sla_colour(...))`` from one deadline computation: every command needs
    both, and the colour needs the deadline anyway."""
    now_utc = _aware(now, "now")
    due = deadline(limit, start, calendar, parked)
    if due is not None and now_utc > due:
        return due, "red"
    if elapsed_fraction(limit, start, now, calendar, parked) >= BLUE_AT - _EPS:
        return due, "blue"
    return due, "green"
