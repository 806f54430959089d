"""Working calendar: working hours, public holidays and make-up working days (调休).

A :class:`WorkCalendar` answers two questions for the time-limit code:

* how much *working time* lies in ``[a, b)`` (:meth:`WorkCalendar.working_seconds_between`);
* at which instant a given amount of working time has passed (:meth:`WorkCalendar.add_working_seconds`).

All instants are timezone-aware :class:`datetime.datetime` values; results are returned in UTC.
Working periods are wall-clock times in the calendar's own time zone (e.g. ``Asia/Shanghai``).

A day is a working day when it is Monday–Friday and not a listed holiday, or when it is a listed
make-up working day (a weekend day worked in exchange for a longer holiday). Years that no loaded
calendar file covers fall back to plain Monday–Friday with the same working periods.

Calendar files are TOML, one per year; see ``docs/TIME_LIMITS.md`` and ``resources/calendar/``.
"""

from __future__ import annotations

import datetime as dt
import math
import pathlib
import re
import zoneinfo
from collections.abc import Iterable, Mapping

from console.models.errors import CatalogError, read_toml

__all__ = [
    "DEFAULT_PERIODS",
    "DayName",
    "WorkCalendar",
    "load_calendar",
    "load_calendars",
]

UTC = dt.UTC

#: Working periods used by :meth:`WorkCalendar.weekdays_only` when none are given.
DEFAULT_PERIODS: tuple[tuple[dt.time, dt.time], ...] = (
    (dt.time(8, 30), dt.time(12, 0)),
    (dt.time(13, 0), dt.time(17, 30)),
)

#: (name_zh, name_en) of a holiday or make-up working day.
DayName = tuple[str, str]

# Scanning more days than this without finding enough working time means the calendar is broken.
_MAX_SCAN_DAYS = 366 * 200


def _require_aware(value: dt.datetime, what: str) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        raise TypeError(f"{what} must be a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {value.isoformat()}")
    return value.astimezone(UTC)


class WorkCalendar:
    """Working days and working hours of one command center, in one time zone.

    ``holidays`` and ``makeup_days`` map a date to its bilingual name. ``years`` are the
    calendar years whose holidays are known (covered by a file); other years are plain Mon–Fri.
    Instances are treated as immutable.
    """

    __slots__ = ("_cache", "day_seconds", "holidays", "makeup_days", "periods", "tz", "years")

    tz: zoneinfo.ZoneInfo
    periods: tuple[tuple[dt.time, dt.time], ...]
    holidays: Mapping[dt.date, DayName]
    makeup_days: Mapping[dt.date, DayName]
    years: frozenset[int]
    day_seconds: float

    def __init__(
        self,
        tz: zoneinfo.ZoneInfo | str,
        periods: Iterable[tuple[dt.time, dt.time]] = DEFAULT_PERIODS,
        holidays: Mapping[dt.date, DayName] | None = None,
        makeup_days: Mapping[dt.date, DayName] | None = None,
        years: Iterable[int] = (),
    ) -> None:
        self.tz = tz if isinstance(tz, zoneinfo.ZoneInfo) else zoneinfo.ZoneInfo(tz)
        self.periods = tuple((s, e) for s, e in periods)
        if not self.periods:
            raise ValueError("a working calendar needs at least one working period")
        previous_end: dt.time | None = None
        for s, e in self.periods:
            if not s < e:
                raise ValueError(f"working period {s}–{e} does not end after it starts")
            if previous_end is not None and s < previous_end:
                raise ValueError(f"working period {s}–{e} overlaps or precedes the previous one")
            previous_end = e
        self.holidays = dict(holidays or {})
        self.makeup_days = dict(makeup_days or {})
        both = set(self.holidays) & set(self.makeup_days)
        if both:
            raise ValueError(f"dates both holiday and make-up working day: {sorted(both)}")
        self.years = frozenset(years)
        # Nominal length of a working day ("1 working_day"), from the wall-clock periods.
        self.day_seconds = float(
            sum(
                (dt.datetime.combine(dt.date.min, e) - dt.datetime.combine(dt.date.min, s)).total_seconds()
                for s, e in self.periods
            )
        )
        self._cache: dict[dt.date, tuple[tuple[dt.datetime, dt.datetime], ...]] = {}

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def weekdays_only(
        cls,
        tz: zoneinfo.ZoneInfo | str = "Asia/Shanghai",
        periods: Iterable[tuple[dt.time, dt.time]] = DEFAULT_PERIODS,
    ) -> WorkCalendar:
        """A calendar without any holiday file: Monday–Friday in every year."""
        return cls(tz, periods)

    def merged(self, other: WorkCalendar) -> WorkCalendar:
        """Combine the years of two calendars (e.g. one file per year).

        Raises ValueError when the time zones or working periods differ, or both cover a year.
        """
        if self.tz.key != other.tz.key:
            raise ValueError(f"time zones differ: {self.tz.key} vs {other.tz.key}")
        if self.periods != other.periods:
            raise ValueError(
                f"working periods differ: {_fmt_periods(self.periods)} vs {_fmt_periods(other.periods)}"
            )
        twice = self.years & other.years
        if twice:
            raise ValueError(f"year(s) covered twice: {sorted(twice)}")
        return WorkCalendar(
            self.tz,
            self.periods,
            {**self.holidays, **other.holidays},
            {**self.makeup_days, **other.makeup_days},
            self.years | other.years,
        )

    # -- days ---------------------------------------------------------------------------------

    def is_working_day(self, d: dt.date) -> bool:
        """Mon–Fri unless a holiday; a weekend day only when it is a make-up working day."""
        if isinstance(d, dt.datetime):
            raise TypeError("is_working_day takes a date, not a datetime")
        if d in self.holidays:
            return False
        if d in self.makeup_days:
            return True
        return d.weekday() < 5

    def holiday_name(self, d: dt.date) -> DayName | None:
        """(name_zh, name_en) when ``d`` is a listed holiday, else None."""
        return self.holidays.get(d)

    def covers(self, year: int) -> bool:
        """True when a calendar file gave the holidays of ``year`` (else plain Mon–Fri)."""
        return year in self.years

    def working_periods(self, d: dt.date) -> tuple[tuple[dt.datetime, dt.datetime], ...]:
        """The working periods of local date ``d`` as UTC ``(start, end)`` pairs; () on a day off."""
        cached = self._cache.get(d)
        if cached is not None:
            return cached
        if self.is_working_day(d):
            result = tuple(
                (
                    dt.datetime.combine(d, s, self.tz).astimezone(UTC),
                    dt.datetime.combine(d, e, self.tz).astimezone(UTC),
                )
                for s, e in self.periods
            )
        else:
            result = ()
        if len(self._cache) > 20_000:
            self._cache.clear()
        self._cache[d] = result
        return result

    def _local_date(self, instant: dt.datetime) -> dt.date:
        return instant.astimezone(self.tz).date()

    # -- working time -------------------------------------------------------------------------

    def working_seconds_between(self, a: dt.datetime, b: dt.datetime) -> float:
        """Working time, in seconds, inside ``[a, b)``; 0 when ``b <= a``."""
        a = _require_aware(a, "a")
        b = _require_aware(b, "b")
        if b <= a:
            return 0.0
        total = dt.timedelta(0)
        day = self._local_date(a)
        last = self._local_date(b)
        one = dt.timedelta(days=1)
        while day <= last:
            for ps, pe in self.working_periods(day):
                lo = max(a, ps)
                hi = min(b, pe)
                if hi > lo:
                    total += hi - lo
            day += one
        return total.total_seconds()

    def add_working_seconds(self, start: dt.datetime, seconds: float) -> dt.datetime:
        """The first instant (UTC) at which ``seconds`` of working time have passed since ``start``.

        Starting outside working hours, the count begins with the next working period. When the
        amount ends exactly at the end of a period, that end is returned (not the next start).
        Steps period by period, so large amounts cost one iteration per calendar day.
        """
        start = _require_aware(start, "start")
        seconds = float(seconds)
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError(f"seconds must be a finite non-negative number, got {seconds!r}")
        if seconds == 0:
            return start
        remaining = dt.timedelta(seconds=seconds)
        day = self._local_date(start)
        one = dt.timedelta(days=1)
        for _ in range(_MAX_SCAN_DAYS):
            periods = self.working_periods(day)
            if periods and periods[-1][1] > start:
                for ps, pe in periods:
                    lo = max(start, ps)
                    if pe <= lo:
                        continue
                    available = pe - lo
                    if remaining <= available:
                        return lo + remaining
                    remaining -= available
            day += one
        raise ValueError("no working time found within 200 years; the calendar has no working days")

    def __repr__(self) -> str:
        years = ",".join(str(y) for y in sorted(self.years)) or "none"
        return f"WorkCalendar({self.tz.key}, {_fmt_periods(self.periods)}, years={years})"


def _fmt_periods(periods: Iterable[tuple[dt.time, dt.time]]) -> str:
    return " ".join(f"{s:%H:%M}-{e:%H:%M}" for s, e in periods)


# -- loading -----------------------------------------------------------------------------------

_TIME_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TOP_KEYS = {"year", "timezone", "source", "hours", "holidays", "makeup_workdays"}
_DAY_KEYS = {"name_zh", "name_en", "dates"}


def _parse_time(path: pathlib.Path, entry: str, value: object) -> dt.time:
    if isinstance(value, dt.time):
        if value.tzinfo is not None:
            raise CatalogError(path, entry, "a working period bound must be a local time without offset")
        return value
    if not isinstance(value, str) or not _TIME_RE.match(value):
        raise CatalogError(path, entry, f'{value!r} is not a time of day "HH:MM" (00:00–23:59)')
    hh, mm = value.split(":")
    return dt.time(int(hh), int(mm))


def _parse_date(path: pathlib.Path, entry: str, value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        raise CatalogError(path, entry, f"{value!r} is a date-time; expected a date YYYY-MM-DD")
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _DATE_RE.match(value):
        raise CatalogError(path, entry, f"{value!r} is not a date YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CatalogError(path, entry, f"{value!r} is not a valid date") from None


def _parse_days(
    path: pathlib.Path, section: str, raw: object, year: int
) -> list[tuple[str, DayName, list[tuple[str, dt.date]]]]:
    """Parse ``[[holidays]]`` or ``[[makeup_workdays]]``: (entry, name, [(date entry, date)])."""
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
        raise CatalogError(path, section, f"must be an array of tables ([[{section}]])")
    out = []
    for i, table in enumerate(raw):
        entry = f"{section}[{i}]"
        unknown = set(table) - _DAY_KEYS
        if unknown:
            raise CatalogError(path, entry, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(_DAY_KEYS)}")
        names = []
        for key in ("name_zh", "name_en"):
            value = table.get(key)
            if not isinstance(value, str) or not value.strip():
                raise CatalogError(path, entry, f"{key} is missing or empty (entries are named bilingually)")
            names.append(value.strip())
        name: DayName = (names[0], names[1])
        entry = f"{section}[{i}] ({name[0]} / {name[1]})"
        dates = table.get("dates")
        if not isinstance(dates, list) or not dates:
            raise CatalogError(path, entry, "dates must be a non-empty array of YYYY-MM-DD dates")
        parsed = []
        for j, value in enumerate(dates):
            date_entry = f"{entry} dates[{j}]"
            d = _parse_date(path, date_entry, value)
            if d.year != year:
                raise CatalogError(path, date_entry, f"{d} lies outside the file's year {year}")
            parsed.append((date_entry, d))
        out.append((entry, name, parsed))
    return out


def load_calendar(path: pathlib.Path) -> WorkCalendar:
    """Load one calendar file (one year). Raises CatalogError naming the file and the entry."""
    path = pathlib.Path(path)
    data = read_toml(path)

    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise CatalogError(path, ", ".join(sorted(unknown)), f"unknown key(s); allowed: {sorted(_TOP_KEYS)}")

    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 9999:
        raise CatalogError(path, "year", f"{year!r} is not a calendar year (an integer such as 2026)")

    tz_name = data.get("timezone")
    if not isinstance(tz_name, str) or not tz_name:
        raise CatalogError(path, "timezone", 'missing; give an IANA zone such as "Asia/Shanghai"')
    try:
        tz = zoneinfo.ZoneInfo(tz_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise CatalogError(path, "timezone", f"unknown time zone {tz_name!r}") from None

    if "source" in data and not isinstance(data["source"], str):
        raise CatalogError(path, "source", "must be a string")

    hours = data.get("hours")
    if not isinstance(hours, dict) or "periods" not in hours:
        raise CatalogError(path, "hours.periods", 'missing; e.g. [hours] periods = [["08:30","12:00"]]')
    if set(hours) - {"periods"}:
        raise CatalogError(path, "hours", f"unknown key(s) {sorted(set(hours) - {'periods'})}")
    raw_periods = hours["periods"]
    if not isinstance(raw_periods, list) or not raw_periods:
        raise CatalogError(path, "hours.periods", 'must be a non-empty array of ["HH:MM", "HH:MM"] pairs')
    periods: list[tuple[dt.time, dt.time]] = []
    for i, pair in enumerate(raw_periods):
        entry = f"hours.periods[{i}]"
        if not isinstance(pair, list) or len(pair) != 2:
            raise CatalogError(path, entry, f'{pair!r} is not a ["HH:MM", "HH:MM"] pair')
        s = _parse_time(path, entry, pair[0])
        e = _parse_time(path, entry, pair[1])
        if not s < e:
            raise CatalogError(path, entry, f"period {s:%H:%M}–{e:%H:%M} does not end after it starts")
        if periods and s < periods[-1][1]:
            raise CatalogError(
                path,
                entry,
                f"periods must increase: {s:%H:%M} starts before the previous period ends "
                f"({periods[-1][1]:%H:%M})",
            )
        periods.append((s, e))

    holidays: dict[dt.date, DayName] = {}
    where: dict[dt.date, str] = {}
    for _entry, name, dates in _parse_days(path, "holidays", data.get("holidays"), year):
        for date_entry, d in dates:
            if d in holidays:
                raise CatalogError(path, date_entry, f"{d} is already listed at {where[d]}")
            holidays[d] = name
            where[d] = date_entry

    makeup: dict[dt.date, DayName] = {}
    for _entry, name, dates in _parse_days(path, "makeup_workdays", data.get("makeup_workdays"), year):
        for date_entry, d in dates:
            if d in holidays:
                raise CatalogError(
                    path, date_entry, f"{d} is both a make-up working day and a holiday ({where[d]})"
                )
            if d in makeup:
                raise CatalogError(path, date_entry, f"{d} is already listed at {where[d]}")
            if d.weekday() < 5:
                raise CatalogError(
                    path, date_entry, f"{d} is a {d:%A}; a make-up working day must be a Saturday or Sunday"
                )
            makeup[d] = name
            where[d] = date_entry

    return WorkCalendar(tz, periods, holidays, makeup, {year})


def load_calendars(paths: list[pathlib.Path]) -> WorkCalendar:
    """Load and merge several calendar files (typically one per year).

    All files must share the time zone and working periods and cover different years;
    otherwise CatalogError names the offending file. An empty list is a ValueError (use
    :meth:`WorkCalendar.weekdays_only` for a calendar without holiday files).
    """
    paths = [pathlib.Path(p) for p in paths]
    if not paths:
        raise ValueError("load_calendars needs at least one calendar file")
    result = load_calendar(paths[0])
    for path in paths[1:]:
        cal = load_calendar(path)
        if cal.tz.key != result.tz.key:
            raise CatalogError(path, "timezone", f"{cal.tz.key} differs from {result.tz.key} in {paths[0]}")
        if cal.periods != result.periods:
            raise CatalogError(
                path,
                "hours.periods",
                f"{_fmt_periods(cal.periods)} differs from {_fmt_periods(result.periods)} in {paths[0]}",
            )
        if cal.years & result.years:
            raise CatalogError(path, "year", f"year {min(cal.years)} is already covered by another file")
        result = result.merged(cal)
    return result
