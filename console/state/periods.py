"""The periods a supervisor reads the numbers over (issue 15): this shift, today, this week,
this month — each from its start in the district's time until now. Shifts run 08:00–20:00 and
20:00–08:00 (the day and night watch of the centers in DOMAIN.md)."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

PERIODS = ("shift", "today", "week", "month")
SHIFT_STARTS = (8, 20)


def window(kind: str, now: datetime, tz: tzinfo) -> tuple[datetime, datetime]:
    """(since, until) of ``kind`` at ``now``: aware datetimes, ``until`` is ``now``."""
    local = now.astimezone(tz)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    if kind == "shift":
        day, night = SHIFT_STARTS
        if day <= local.hour < night:
            start = midnight.replace(hour=day)
        elif local.hour >= night:
            start = midnight.replace(hour=night)
        else:
            start = (midnight - timedelta(days=1)).replace(hour=night)
    elif kind == "today":
        start = midnight
    elif kind == "week":
        start = midnight - timedelta(days=local.weekday())
    elif kind == "month":
        start = midnight.replace(day=1)
    else:
        raise ValueError(f"unknown period {kind!r}: one of {', '.join(PERIODS)}")
    return start, now
