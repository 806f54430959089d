"""What each case counts for in ``query.indicators``, as SQL: the one list of counts
(``AGGREGATES``, name → the case's 0 or 1) and the key a case is grouped under per grouping.

The raw query sums these over the cases of a window, the per-hour rollups (rollups.py) sum them
over the cases of an hour and are summed again when asked. Both use this list, so a count added
here needs only its column in ``number_rollups`` (schema.NumberRollupRow) and a migration that
adds it and empties ``number_built`` (every rollup then predates the count, and is rebuilt by the
next query); the check at the bottom stops the store from loading without the column."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Engine, Select, and_, case, func, literal, select

from ..schema import IncidentRow, NumberRollupRow, TeamRow

GROUPS = ("all", "department", "team", "street", "community", "grid", "person", "category")
HOTLINE = ("hotline", "12345")


def _one(value: Any) -> Any:
    return case((value, 1), else_=0)


def _aggregates() -> dict[str, Any]:
    i = IncidentRow
    accepted = i.accepted_by.is_not(None)
    closed = and_(i.state == "closed", accepted)  # not one closed at its source before its import here
    hot = i.source.in_(HOTLINE)
    rated = i.rating.is_not(None)
    return {
        "reported": literal(1),
        "accepted": _one(accepted),
        "rejected": _one(i.state == "rejected"),
        # accepted, then merged or rejected: no longer due to close
        "gone": _one(and_(accepted, i.state.in_(("rejected", "merged")))),
        "dispatched": _one(i.f_dispatched),
        "returned": _one(i.f_returned),
        "reworks": _one(i.rework > 0),
        "closed": _one(closed),
        "closed_on_time": _one(and_(closed, i.handled_on_time)),
        "extensions": _one(i.f_extended),
        "parked": _one(i.f_parked),
        "urged": _one(i.urged > 0),
        "rated": _one(and_(closed, rated)),
        "satisfied": _one(and_(closed, i.rating >= 4)),
        "hotline": _one(hot),
        "hotline_accepted": _one(and_(hot, accepted)),
        "hotline_closed": _one(and_(hot, closed)),
        "hotline_rated": _one(and_(hot, closed, rated)),
        "hotline_satisfied": _one(and_(hot, closed, i.rating >= 4)),
        # two-way assessment of departments (Huangpu's): sign-off and handling on time, the street's stars
        "escalated": _one(i.f_escalated),
        "signed": _one(i.signed_on_time.is_not(None)),
        "signed_on_time": _one(i.signed_on_time),
        "esc_handled": _one(and_(i.f_escalated, i.handled_on_time.is_not(None))),
        "esc_handled_on_time": _one(and_(i.f_escalated, i.handled_on_time)),
        "street_rated": _one(i.street_stars.is_not(None)),
        "street_stars": func.coalesce(i.street_stars, 0),  # summed stars: the mean is over street_rated
    }


AGGREGATES: dict[str, Any] = _aggregates()


def key(group: str) -> Any:
    """The SQL of the key a case is grouped under (NULL: it has none; shown as ``-``)."""
    i = IncidentRow
    if group == "all":
        return literal("all")
    if group == "department":  # the lead's department: the department itself, or its team's
        return case((i.assignee_kind == "department", i.assignee), else_=TeamRow.department)
    if group == "team":
        return case((i.assignee_kind == "team", i.assignee), else_=None)
    if group == "person":
        return i.accepted_by
    return getattr(i, group)


def sums(group: str, *by: Any, lead: tuple[Any, ...] = ()) -> Select[Any]:
    """SELECT [*lead, *by,] key, one SUM per count FROM incidents (joined to what the key needs),
    grouped by ``by`` and the key (``lead``: constants, not grouped); the caller adds the WHERE."""
    i = IncidentRow
    k = key(group)
    q = select(*lead, *by, k.label("key"), *[func.sum(v).label(name) for name, v in AGGREGATES.items()])
    if group == "department":
        q = q.select_from(i).outerjoin(TeamRow, and_(i.assignee_kind == "team", TeamRow.id == i.assignee))
    return q.group_by(*by, k)  # even the constant key of "all": no cases, no row


def raw_counts(engine: Engine, group: str, drill: bool, since: datetime | None, until: datetime | None
               ) -> list[dict[str, Any]]:
    """The counts per key straight from the cases reported in [since, until) (None: unbounded):
    one scan. What the rollups must always equal (tests compare the two)."""
    i = IncidentRow
    q = sums(group).where(i.drill == drill)
    if since is not None:
        q = q.where(i.reported_at >= since)
    if until is not None:
        q = q.where(i.reported_at < until)
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


_missing = sorted(set(AGGREGATES) - set(NumberRollupRow.__table__.columns.keys()))
if _missing:
    raise RuntimeError(f"every count needs its column in number_rollups (and a migration): {_missing}")

__all__ = ["AGGREGATES", "GROUPS", "HOTLINE", "key", "raw_counts", "sums"]
