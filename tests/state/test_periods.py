"""The evaluation's periods, socket-free: each starts where the district's clock says."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from console.state.periods import window

TZ = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize("local, kind, start", [
    ("2026-12-09 10:30", "shift", "2026-12-09 08:00"),  # Wednesday, the day watch
    ("2026-12-09 21:15", "shift", "2026-12-09 20:00"),  # the night watch, before midnight
    ("2026-12-09 03:00", "shift", "2026-12-08 20:00"),  # ... and after it
    ("2026-12-09 03:00", "today", "2026-12-09 00:00"),
    ("2026-12-09 03:00", "week", "2026-12-07 00:00"),  # Monday
    ("2026-12-09 03:00", "month", "2026-12-01 00:00"),
])
def test_each_period_starts_where_the_districts_clock_says(local, kind, start):
    now = datetime.strptime(local, "%Y-%m-%d %H:%M").replace(tzinfo=TZ).astimezone(UTC)
    since, until = window(kind, now, TZ)
    assert since.astimezone(TZ).strftime("%Y-%m-%d %H:%M") == start and until == now


def test_an_unknown_period_is_named():
    with pytest.raises(ValueError, match="fortnight"):
        window("fortnight", datetime.now(UTC), TZ)
