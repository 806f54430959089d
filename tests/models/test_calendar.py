"""WorkCalendar: working days, working time, and calendar-file validation."""

from __future__ import annotations

import datetime as dt
import pathlib
import textwrap
import zoneinfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.models.calendar import WorkCalendar, load_calendar, load_calendars
from console.models.errors import CatalogError

ROOT = pathlib.Path(__file__).resolve().parents[2]
CAL_DIR = ROOT / "resources" / "calendar"
SH = zoneinfo.ZoneInfo("Asia/Shanghai")
UTC = dt.UTC
HOUR = 3600.0


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return load_calendars(sorted(CAL_DIR.glob("cn-*.toml")))


def local(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=SH)


# -- shipped files ------------------------------------------------------------------------------


def test_shipped_calendars_load_and_cover_2025_and_2026(cal: WorkCalendar) -> None:
    assert cal.years == {2025, 2026}
    assert cal.tz.key == "Asia/Shanghai"
    assert cal.day_seconds == 8 * HOUR


def test_every_shipped_holiday_and_makeup_day_is_named_bilingually(cal: WorkCalendar) -> None:
    for d, (zh, en) in {**cal.holidays, **cal.makeup_days}.items():
        assert zh and en and zh != en, d


@pytest.mark.parametrize(
    "day",
    [
        "2025-01-26",
        "2025-02-08",
        "2025-04-27",
        "2025-09-28",
        "2025-10-11",
        "2026-01-04",
        "2026-02-14",
        "2026-02-28",
        "2026-05-09",
        "2026-09-20",
        "2026-10-10",
    ],
)
def test_weekend_makeup_day_counts_as_working(cal: WorkCalendar, day: str) -> None:
    d = dt.date.fromisoformat(day)
    assert d.weekday() >= 5
    assert cal.is_working_day(d)


def test_saturday_2026_02_14_is_a_makeup_working_day(cal: WorkCalendar) -> None:
    assert dt.date(2026, 2, 14).weekday() == 5
    assert cal.is_working_day(dt.date(2026, 2, 14))
    assert cal.working_seconds_between(local(2026, 2, 14), local(2026, 2, 15)) == 8 * HOUR


@pytest.mark.parametrize(
    "day",
    [
        "2025-01-01",
        "2025-01-28",
        "2025-02-04",
        "2025-04-04",
        "2025-05-05",
        "2025-06-02",
        "2025-10-08",
        "2026-01-02",
        "2026-02-23",
        "2026-04-06",
        "2026-05-05",
        "2026-06-19",
        "2026-09-25",
        "2026-10-01",
        "2026-10-07",
    ],
)
def test_public_holiday_is_not_a_working_day(cal: WorkCalendar, day: str) -> None:
    d = dt.date.fromisoformat(day)
    assert not cal.is_working_day(d)
    assert cal.holiday_name(d) is not None


def test_national_day_2026_10_01_is_not_working(cal: WorkCalendar) -> None:
    assert not cal.is_working_day(dt.date(2026, 10, 1))
    assert cal.holiday_name(dt.date(2026, 10, 1)) == ("国庆节", "National Day")
    assert cal.working_seconds_between(local(2026, 10, 1), local(2026, 10, 2)) == 0


def test_ordinary_weekday_works_and_weekend_does_not(cal: WorkCalendar) -> None:
    assert cal.is_working_day(dt.date(2026, 3, 10))  # Tuesday
    assert not cal.is_working_day(dt.date(2026, 3, 14))  # Saturday


def test_uncovered_year_falls_back_to_plain_weekdays(cal: WorkCalendar) -> None:
    assert not cal.covers(2027)
    assert cal.is_working_day(dt.date(2027, 1, 1))  # a Friday: no holiday file for 2027
    assert not cal.is_working_day(dt.date(2027, 1, 2))  # Saturday


# -- working time -------------------------------------------------------------------------------


def test_working_seconds_counts_only_working_periods(cal: WorkCalendar) -> None:
    # Monday 2026-03-09, 07:00 to 14:00: 08:30-12:00 (3.5 h) + 13:00-14:00 (1 h)
    assert cal.working_seconds_between(local(2026, 3, 9, 7), local(2026, 3, 9, 14)) == 4.5 * HOUR
    assert cal.working_seconds_between(local(2026, 3, 9, 14), local(2026, 3, 9, 7)) == 0


def test_add_working_seconds_crosses_the_night(cal: WorkCalendar) -> None:
    """Mon 16:30 + 2 working hours -> Tue 09:30 local."""
    due = cal.add_working_seconds(local(2026, 3, 9, 16, 30), 2 * HOUR)
    assert due == local(2026, 3, 10, 9, 30)
    assert due.tzinfo == UTC


def test_add_working_seconds_crosses_a_holiday(cal: WorkCalendar) -> None:
    """Wed 2026-09-30 17:00 + 8 working hours: 0.5 h that day, Oct 1-7 off, Thu Oct 8 until 17:00."""
    due = cal.add_working_seconds(local(2026, 9, 30, 17), 8 * HOUR)
    assert due == local(2026, 10, 8, 17)


def test_add_working_seconds_started_on_friday_night_runs_from_monday(cal: WorkCalendar) -> None:
    due = cal.add_working_seconds(local(2026, 3, 13, 20), 2 * HOUR)
    assert due == local(2026, 3, 16, 10, 30)


def test_add_working_seconds_during_lunch_starts_after_lunch(cal: WorkCalendar) -> None:
    assert cal.add_working_seconds(local(2026, 3, 9, 12, 15), HOUR) == local(2026, 3, 9, 14)


def test_amount_ending_at_period_end_returns_that_end(cal: WorkCalendar) -> None:
    assert cal.add_working_seconds(local(2026, 3, 9, 8, 30), 3.5 * HOUR) == local(2026, 3, 9, 12)


def test_zero_seconds_returns_the_start(cal: WorkCalendar) -> None:
    start = local(2026, 3, 14, 3)
    assert cal.add_working_seconds(start, 0) == start


def test_naive_or_negative_inputs_are_rejected(cal: WorkCalendar) -> None:
    with pytest.raises(ValueError):
        cal.add_working_seconds(dt.datetime(2026, 3, 9, 9), HOUR)
    with pytest.raises(ValueError):
        cal.add_working_seconds(local(2026, 3, 9, 9), -1)
    with pytest.raises(ValueError):
        cal.working_seconds_between(dt.datetime(2026, 3, 9, 9), local(2026, 3, 9, 10))


def test_fifteen_working_days_step_by_periods_not_minutes(cal: WorkCalendar) -> None:
    """Performance: 15 working days over the Spring Festival is computed in a few dozen steps."""
    import time

    t0 = time.perf_counter()
    for _ in range(200):
        due = cal.add_working_seconds(local(2026, 2, 10, 9), 15 * 8 * HOUR)
    assert time.perf_counter() - t0 < 2.0
    assert cal.working_seconds_between(local(2026, 2, 10, 9), due) == 15 * 8 * HOUR


_starts = st.datetimes(
    min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2026, 12, 31), timezones=st.just(UTC)
)


@settings(max_examples=300, deadline=None)
@given(start=_starts, seconds=st.floats(min_value=0, max_value=20 * 8 * HOUR, allow_nan=False))
def test_round_trip_add_then_measure_gives_the_amount(cal: WorkCalendar, start, seconds) -> None:
    """working_seconds_between(s, add_working_seconds(s, x)) == x within 1 ms."""
    end = cal.add_working_seconds(start, seconds)
    assert end >= start
    assert abs(cal.working_seconds_between(start, end) - seconds) < 1e-3


@settings(max_examples=200, deadline=None)
@given(a=_starts, b=_starts)
def test_round_trip_measure_then_add_never_overshoots(cal: WorkCalendar, a, b) -> None:
    a, b = min(a, b), max(a, b)
    w = cal.working_seconds_between(a, b)
    reached = cal.add_working_seconds(a, w)
    assert reached <= b
    assert cal.working_seconds_between(reached, b) == 0


# -- merging ------------------------------------------------------------------------------------


def test_merging_calendars_with_different_periods_fails(tmp_path: pathlib.Path) -> None:
    a = write(tmp_path, "a.toml", VALID)
    b = write(tmp_path, "b.toml", VALID.replace("2026", "2027").replace('"17:30"', '"18:00"'))
    with pytest.raises(CatalogError) as exc:
        load_calendars([a, b])
    assert exc.value.path == b and exc.value.entry == "hours.periods"


def test_the_same_year_twice_fails(tmp_path: pathlib.Path) -> None:
    a = write(tmp_path, "a.toml", VALID)
    b = write(tmp_path, "b.toml", VALID)
    with pytest.raises(CatalogError) as exc:
        load_calendars([a, b])
    assert exc.value.path == b and exc.value.entry == "year"


def test_weekdays_only_calendar_has_no_holidays() -> None:
    plain = WorkCalendar.weekdays_only()
    assert plain.is_working_day(dt.date(2026, 10, 1))
    assert plain.day_seconds == 8 * HOUR


# -- bad files ----------------------------------------------------------------------------------

VALID = textwrap.dedent(
    """\
    year = 2026
    timezone = "Asia/Shanghai"

    [hours]
    periods = [["08:30", "12:00"], ["13:00", "17:30"]]

    [[holidays]]
    name_zh = "国庆节"
    name_en = "National Day"
    dates = ["2026-10-01", "2026-10-02"]

    [[makeup_workdays]]
    name_zh = "国庆节调休上班"
    name_en = "National Day make-up working day"
    dates = ["2026-10-10"]
    """
)


def write(tmp_path: pathlib.Path, name: str, text: str) -> pathlib.Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_sample_loads(tmp_path: pathlib.Path) -> None:
    c = load_calendar(write(tmp_path, "ok.toml", VALID))
    assert not c.is_working_day(dt.date(2026, 10, 2))
    assert c.is_working_day(dt.date(2026, 10, 10))


@pytest.mark.parametrize(
    ("old", "new", "entry_part"),
    [
        ('"2026-10-02"', '"2026-10-32"', "holidays[0] (国庆节 / National Day) dates[1]"),
        ('"2026-10-02"', '"2026/10/02"', "holidays[0] (国庆节 / National Day) dates[1]"),
        ('"2026-10-02"', '"2025-10-02"', "holidays[0] (国庆节 / National Day) dates[1]"),
        ('"2026-10-10"', '"2026-10-01"', "makeup_workdays[0]"),
        ('"2026-10-10"', '"2026-10-09"', "makeup_workdays[0]"),
        ('"2026-10-02"]', '"2026-10-02", "2026-10-01"]', "holidays[0] (国庆节 / National Day) dates[2]"),
        ('["13:00", "17:30"]', '["11:00", "17:30"]', "hours.periods[1]"),
        ('["13:00", "17:30"]', '["13:00", "12:30"]', "hours.periods[1]"),
        ('["13:00", "17:30"]', '["13:00", "25:00"]', "hours.periods[1]"),
        ('name_en = "National Day"\n', "", "holidays[0]"),
        ('"Asia/Shanghai"', '"Mars/Olympus"', "timezone"),
        ("year = 2026", 'year = "2026"', "year"),
        ("year = 2026", "year = 2026\ncolour = 1", "colour"),
        ("[hours]", "[hours", "TOML syntax"),
    ],
    ids=[
        "bad-date",
        "bad-date-format",
        "date-outside-year",
        "makeup-is-holiday",
        "makeup-not-weekend",
        "duplicate-holiday",
        "periods-overlap",
        "period-reversed",
        "bad-time",
        "missing-name",
        "bad-timezone",
        "year-not-int",
        "unknown-key",
        "malformed-toml",
    ],
)
def test_bad_calendar_file_raises_catalog_error_naming_file_and_entry(
    tmp_path: pathlib.Path, old: str, new: str, entry_part: str
) -> None:
    assert old in VALID
    path = write(tmp_path, "bad.toml", VALID.replace(old, new, 1))
    with pytest.raises(CatalogError) as exc:
        load_calendar(path)
    assert exc.value.path == path
    assert entry_part in exc.value.entry
    assert str(path) in str(exc.value) and entry_part in str(exc.value)


def test_missing_file_raises_catalog_error(tmp_path: pathlib.Path) -> None:
    with pytest.raises(CatalogError) as exc:
        load_calendar(tmp_path / "nope.toml")
    assert exc.value.entry == "file"
