"""Time-limit tables, deadlines with parked time, and SLA colours."""

from __future__ import annotations

import datetime as dt
import pathlib
import textwrap
import zoneinfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.models.calendar import WorkCalendar, load_calendars
from console.models.errors import CatalogError
from console.models.timelimits import (
    PRIORITIES,
    STAGES,
    UNITS,
    Limit,
    TimeLimitTable,
    counted_seconds,
    deadline,
    elapsed_fraction,
    limit_seconds,
    load_time_limits,
    parse_limit,
    sla_colour,
)

ROOT = pathlib.Path(__file__).resolve().parents[2]
SH = zoneinfo.ZoneInfo("Asia/Shanghai")
UTC = dt.UTC
HOUR = dt.timedelta(hours=1)
MIN = dt.timedelta(minutes=1)


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return load_calendars(sorted((ROOT / "resources" / "calendar").glob("cn-*.toml")))


@pytest.fixture(scope="module")
def table(cal: WorkCalendar) -> TimeLimitTable:
    return load_time_limits(ROOT / "resources" / "timelimits.toml", cal)


def local(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=SH)


# -- limits -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("30 minutes", 30, "minutes"),
        ("1.5 hours", 1.5, "hours"),
        ("2 working_hours", 2, "working_hours"),
        ("1 working_day", 1, "working_days"),
        ("1 hour", 1, "hours"),
        ("2 days", 2, "days"),
    ],
)
def test_parse_limit_accepts_amount_and_unit(text: str, amount: float, unit: str) -> None:
    assert parse_limit(text) == Limit(amount, unit)


@pytest.mark.parametrize(
    "text", ["0 minutes", "-1 hours", "2 fortnights", "2hours", "hours", "1e3 minutes", "2 Hours", "", "2 wh"]
)
def test_parse_limit_is_strict(text: str) -> None:
    with pytest.raises(ValueError):
        parse_limit(text)


def test_limit_str_round_trips() -> None:
    for unit in UNITS:
        assert parse_limit(str(Limit(2, unit))) == Limit(2, unit)
    assert str(Limit(1.5, "hours")) == "1.5 hours"


# -- shipped table ------------------------------------------------------------------------------


def test_shipped_table_has_every_profile_complete(table: TimeLimitTable) -> None:
    assert table.profiles == {"default", "garbage", "lights", "road_clean", "construction", "emergency"}
    for profile in table.profiles:
        assert table.check_complete(profile) == [], profile
        for priority in PRIORITIES:
            for stage in STAGES:
                assert isinstance(table.limit(profile, priority, stage), Limit)


def test_shipped_defaults_follow_the_domain_table(table: TimeLimitTable, cal: WorkCalendar) -> None:
    def total(profile: str, priority: str, *stages: str) -> float:
        return sum(limit_seconds(table.limit(profile, priority, s), cal) for s in stages)

    assert total("default", "urgent", "accept", "dispatch") == 10 * 60
    assert total("default", "normal", "accept", "dispatch") == 30 * 60
    assert table.limit("default", "urgent", "acknowledge") == Limit(30, "minutes")
    assert table.limit("default", "normal", "acknowledge") == Limit(2, "working_hours")
    assert table.limit("garbage", "urgent", "resolve") == Limit(2, "working_hours")
    assert table.limit("garbage", "normal", "resolve") == Limit(4, "working_hours")
    assert table.limit("lights", "normal", "resolve") == Limit(1, "working_days")
    assert table.limit("road_clean", "normal", "resolve") == Limit(5, "working_hours")
    assert table.limit("construction", "normal", "resolve") == Limit(15, "working_days")
    assert table.limit("default", "urgent", "verify") == Limit(1, "hours")
    assert table.limit("default", "normal", "verify") == Limit(2, "hours")


def test_inherited_stage_comes_from_the_base_profile(table: TimeLimitTable) -> None:
    assert table.limit("lights", "normal", "acknowledge") == table.limit("default", "normal", "acknowledge")


def test_escalation_limits_default_and_profile_override(table: TimeLimitTable) -> None:
    assert table.escalation == {"acknowledge": Limit(2, "days"), "resolve": Limit(5, "working_days")}
    assert table.limit("garbage", "normal", "resolve", escalated=True) == Limit(5, "working_days")
    assert table.limit("garbage", "urgent", "acknowledge", escalated=True) == Limit(2, "days")
    assert table.limit("emergency", "urgent", "acknowledge", escalated=True) == Limit(2, "hours")
    # stages without an escalation limit keep their ordinary limit
    assert table.limit("garbage", "normal", "verify", escalated=True) == Limit(2, "hours")


def test_unknown_profile_priority_or_stage_is_a_key_error(table: TimeLimitTable) -> None:
    with pytest.raises(KeyError):
        table.limit("nope", "urgent", "accept")
    with pytest.raises(KeyError):
        table.limit("default", "whenever", "accept")
    with pytest.raises(KeyError):
        table.limit("default", "urgent", "ponder")


# -- deadlines ----------------------------------------------------------------------------------


def test_deadline_crossing_a_night(cal: WorkCalendar) -> None:
    assert deadline(Limit(2, "working_hours"), local(2026, 3, 9, 16, 30), cal) == local(2026, 3, 10, 9, 30)


def test_deadline_crossing_national_day_holiday(cal: WorkCalendar) -> None:
    """Wed 2026-09-30 17:00 + 1 working_day: 0.5 h on Sep 30, Oct 1-7 off, 7.5 h on Thu Oct 8."""
    assert deadline(Limit(1, "working_days"), local(2026, 9, 30, 17), cal) == local(2026, 10, 8, 17)


def test_deadline_started_on_friday_night_runs_from_next_working_period(cal: WorkCalendar) -> None:
    assert deadline(Limit(2, "working_hours"), local(2026, 3, 13, 20), cal) == local(2026, 3, 16, 10, 30)


def test_natural_limits_ignore_the_calendar(cal: WorkCalendar) -> None:
    start = local(2026, 10, 1, 23, 50)  # a holiday, at night
    assert deadline(Limit(30, "minutes"), start, cal) == start + 30 * MIN
    assert deadline(Limit(2, "days"), start, cal) == start + 48 * HOUR
    assert deadline(Limit(1.5, "hours"), start, cal) == start + 90 * MIN


def test_natural_parked_time_pushes_deadline_by_its_length(cal: WorkCalendar) -> None:
    start = local(2026, 3, 9, 10)
    parked = [(start + 10 * MIN, start + 40 * MIN)]
    assert deadline(Limit(1, "hours"), start, cal, parked) == start + 90 * MIN


def test_working_parked_time_pushes_deadline_by_its_working_length(cal: WorkCalendar) -> None:
    start = local(2026, 3, 9, 9)  # Monday; 2 wh -> 11:00 without parking
    parked = [(local(2026, 3, 9, 9, 30), local(2026, 3, 9, 10, 30))]
    assert deadline(Limit(2, "working_hours"), start, cal, parked) == local(2026, 3, 9, 12)
    # parked from Monday 10:00 to Tuesday 09:00 removes only its working time (7 h, not 23 h):
    # 1 h counted on Monday, the 2nd hour on Tuesday 09:00-10:00
    night = [(local(2026, 3, 9, 10), local(2026, 3, 10, 9))]
    assert deadline(Limit(2, "working_hours"), start, cal, night) == local(2026, 3, 10, 10)


def test_overlapping_parked_intervals_are_merged(cal: WorkCalendar) -> None:
    start = local(2026, 3, 9, 10)
    parked = [
        (start + 20 * MIN, start + 40 * MIN),
        (start + 10 * MIN, start + 30 * MIN),
        (start + 35 * MIN, start + 40 * MIN),
    ]
    assert deadline(Limit(1, "hours"), start, cal, parked) == start + 90 * MIN


def test_parked_before_start_is_clipped(cal: WorkCalendar) -> None:
    start = local(2026, 3, 9, 10)
    parked = [(start - HOUR, start + 10 * MIN)]
    assert deadline(Limit(1, "hours"), start, cal, parked) == start + 70 * MIN


def test_currently_parked_deadline_is_none(cal: WorkCalendar) -> None:
    start = local(2026, 3, 9, 10)
    assert deadline(Limit(1, "hours"), start, cal, [(start + 10 * MIN, None)]) is None
    assert deadline(Limit(2, "working_hours"), start, cal, [(start + 10 * MIN, None)]) is None


def test_parked_after_the_limit_was_reached_keeps_the_past_deadline(cal: WorkCalendar) -> None:
    start = local(2026, 3, 9, 10)
    parked = [(start + 2 * HOUR, None)]
    assert deadline(Limit(1, "hours"), start, cal, parked) == start + HOUR
    assert sla_colour(Limit(1, "hours"), start, start + 3 * HOUR, cal, parked) == "red"


def test_parked_clock_does_not_advance_the_fraction(cal: WorkCalendar) -> None:
    start = local(2026, 3, 9, 10)
    lim = Limit(1, "hours")
    parked = [(start + 30 * MIN, None)]
    assert elapsed_fraction(lim, start, start + 5 * HOUR, cal, parked) == 0.5
    assert sla_colour(lim, start, start + 5 * HOUR, cal, parked) == "green"


def test_counted_working_time_excludes_parked_working_time(cal: WorkCalendar) -> None:
    lim = Limit(1, "working_days")
    start = local(2026, 3, 9, 8, 30)
    parked = [(local(2026, 3, 9, 11), local(2026, 3, 9, 14))]  # 1 h + 1 h of working time
    assert counted_seconds(lim, start, local(2026, 3, 9, 17, 30), cal, parked) == 6 * 3600


# -- colours ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("after", "colour"),
    [
        (dt.timedelta(0), "green"),
        (79 * 18 * dt.timedelta(seconds=1), "green"),  # 79 % of 30 minutes
        (24 * MIN, "blue"),  # 80 %
        (30 * MIN, "blue"),  # 100 %: at the deadline, not yet past
        (30 * MIN + dt.timedelta(microseconds=1), "red"),  # just past
    ],
    ids=["0%", "79%", "80%", "100%", "just-past"],
)
def test_colour_thresholds_on_natural_time(cal: WorkCalendar, after: dt.timedelta, colour: str) -> None:
    start = local(2026, 3, 9, 10)
    assert sla_colour(Limit(30, "minutes"), start, start + after, cal) == colour


@pytest.mark.parametrize(
    ("now", "colour"),
    [
        (local(2026, 3, 13, 16, 0), "green"),  # 6.5 h of 10 h = 65 %
        (local(2026, 3, 16, 8, 30), "blue"),  # weekend does not count: 8 h = 80 %
        (local(2026, 3, 16, 10, 30), "blue"),  # exactly 100 %
        (local(2026, 3, 16, 10, 31), "red"),
    ],
)
def test_colour_thresholds_on_working_time(cal: WorkCalendar, now: dt.datetime, colour: str) -> None:
    start = local(2026, 3, 13, 8, 30)  # Friday
    assert sla_colour(Limit(10, "working_hours"), start, now, cal) == colour


def test_past_deadline_outside_working_hours_is_red_though_fraction_stays_one(cal: WorkCalendar) -> None:
    lim = Limit(1, "working_hours")
    start = local(2026, 3, 13, 16, 30)  # Friday; due 17:30
    now = local(2026, 3, 13, 20)
    assert elapsed_fraction(lim, start, now, cal) == 1.0
    assert sla_colour(lim, start, now, cal) == "red"


def test_fraction_is_zero_before_start(cal: WorkCalendar) -> None:
    start = local(2026, 3, 9, 10)
    assert elapsed_fraction(Limit(1, "hours"), start, start - HOUR, cal) == 0.0


# -- bad files ----------------------------------------------------------------------------------

VALID = textwrap.dedent(
    """\
    [escalation]
    acknowledge = "2 days"
    resolve = "5 working_days"

    [profiles.default.urgent]
    accept = "5 minutes"
    dispatch = "5 minutes"
    acknowledge = "30 minutes"
    resolve = "4 working_hours"
    verify = "1 hour"

    [profiles.default.normal]
    accept = "15 minutes"
    dispatch = "15 minutes"
    acknowledge = "2 working_hours"
    resolve = "2 working_days"
    verify = "2 hours"

    [profiles.lights]
    inherits = "default"

    [profiles.lights.normal]
    resolve = "1 working_day"
    """
)


def write(tmp_path: pathlib.Path, text: str) -> pathlib.Path:
    path = tmp_path / "limits.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_sample_loads_with_inheritance(tmp_path: pathlib.Path, cal: WorkCalendar) -> None:
    t = load_time_limits(write(tmp_path, VALID), cal)
    assert t.check_complete("lights") == []
    assert t.limit("lights", "urgent", "resolve") == Limit(4, "working_hours")


def test_incomplete_profile_is_reported_by_check_complete(tmp_path: pathlib.Path, cal: WorkCalendar) -> None:
    text = VALID.replace('verify = "2 hours"\n', "").replace('inherits = "default"\n', "")
    t = load_time_limits(write(tmp_path, text), cal)
    assert t.check_complete("default") == ["normal/verify"]
    assert t.check_complete("lights") == [
        f"{p}/{s}" for p in PRIORITIES for s in STAGES if (p, s) != ("normal", "resolve")
    ]
    with pytest.raises(KeyError):
        t.limit("default", "normal", "verify")


def test_missing_escalation_section_uses_the_domain_defaults(
    tmp_path: pathlib.Path, cal: WorkCalendar
) -> None:
    text = VALID.replace('[escalation]\nacknowledge = "2 days"\nresolve = "5 working_days"\n', "")
    t = load_time_limits(write(tmp_path, text), cal)
    assert t.escalation == {"acknowledge": Limit(2, "days"), "resolve": Limit(5, "working_days")}


@pytest.mark.parametrize(
    ("old", "new", "entry"),
    [
        ('resolve = "1 working_day"', 'resolve = "1 fortnight"', "profiles.lights.normal.resolve"),
        ('resolve = "1 working_day"', 'resolve = "0 working_days"', "profiles.lights.normal.resolve"),
        ('resolve = "1 working_day"', 'resolve = "-2 hours"', "profiles.lights.normal.resolve"),
        ('resolve = "1 working_day"', "resolve = 8", "profiles.lights.normal.resolve"),
        ('resolve = "1 working_day"', 'ponder = "1 hour"', "profiles.lights.normal.ponder"),
        ('inherits = "default"', 'inherits = "base"', "profiles.lights.inherits"),
        ("[profiles.lights.normal]", "[profiles.lights.sometimes]", "profiles.lights.sometimes"),
        ('acknowledge = "2 days"', 'acknowledge = "2 weeks"', "escalation.acknowledge"),
        ("[escalation]", "[escalation", "TOML syntax"),
    ],
    ids=[
        "unknown-unit",
        "zero",
        "negative",
        "not-a-string",
        "unknown-stage",
        "missing-parent",
        "unknown-priority",
        "bad-escalation",
        "malformed-toml",
    ],
)
def test_bad_limits_file_raises_catalog_error_naming_file_and_entry(
    tmp_path: pathlib.Path, cal: WorkCalendar, old: str, new: str, entry: str
) -> None:
    assert old in VALID
    path = write(tmp_path, VALID.replace(old, new, 1))
    with pytest.raises(CatalogError) as exc:
        load_time_limits(path, cal)
    assert exc.value.path == path
    assert exc.value.entry == entry
    assert str(path) in str(exc.value) and entry in str(exc.value)


def test_inheritance_cycle_is_a_catalog_error(tmp_path: pathlib.Path, cal: WorkCalendar) -> None:
    text = VALID + '\n[profiles.a]\ninherits = "b"\n\n[profiles.b]\ninherits = "a"\n'
    path = write(tmp_path, text)
    with pytest.raises(CatalogError) as exc:
        load_time_limits(path, cal)
    assert "cycle" in exc.value.problem
    assert exc.value.entry in {"profiles.a.inherits", "profiles.b.inherits"}


# -- property: the deadline is where counted time reaches the limit ---------------------------

_instants = st.datetimes(
    min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2026, 11, 30), timezones=st.just(UTC)
)
_limits = st.builds(
    Limit,
    st.floats(min_value=0.1, max_value=20, allow_nan=False),
    st.sampled_from(UNITS),
)
_parked = st.lists(st.tuples(st.integers(-3 * 86400, 20 * 86400), st.integers(1, 5 * 86400)), max_size=4)


@settings(max_examples=200, deadline=None)
@given(limit=_limits, start=_instants, parked_offsets=_parked)
def test_counted_time_at_the_deadline_equals_the_limit(
    cal: WorkCalendar, limit: Limit, start: dt.datetime, parked_offsets: list[tuple[int, int]]
) -> None:
    """With any finite parked intervals (overlapping or not), counted(start, deadline) == limit."""
    parked = [
        (start + dt.timedelta(seconds=a), start + dt.timedelta(seconds=a + n)) for a, n in parked_offsets
    ]
    due = deadline(limit, start, cal, parked)
    assert due is not None and due >= start
    assert abs(counted_seconds(limit, start, due, cal, parked) - limit_seconds(limit, cal)) < 1e-3
    assert sla_colour(limit, start, due, cal, parked) == "blue"
    assert sla_colour(limit, start, due + dt.timedelta(milliseconds=1), cal, parked) == "red"
