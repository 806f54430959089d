"""Per-hour rollups of ``query.indicators`` (issue 15: a million cases in ≤ 1 s).

A raw scan of a million cases cannot answer in a second on SQLite, so the counts of
counts.AGGREGATES are kept per (grouping, hour, drill flag, key) in ``number_rollups`` and a
window is answered from them, plus the raw cases at its edges:

- every case has ``report_hour`` (whole hours since 1970-01-01 UTC of ``reported_at``, which never
  changes), indexed with ``drill``;
- ``number_hours`` holds a version per hour. The batch that creates, changes or purges a case
  raises the version of the case's hour in the same transaction (batch._write). The SLA clock's
  writes do not: they change only ``sla``, ``deadline``, ``sla_next_at``, ``version`` and
  ``updated_at``, none of which a count, a key or the window reads;
- ``number_built`` says from which hour's version the rollup of a grouping (its ``kind``) was
  built: it is valid while the two are equal. Nothing is built ahead: the first query of a
  grouping builds what it covers, later ones rebuild only the hours changed since;
- a query takes the whole hours inside [since, until) from valid rollups, first rebuilding the
  stale or missing ones from the cases (one GROUP BY report_hour, drill, key), and the partial
  hours at the window's edges from the cases directly. Missing since/until: unbounded.

Consistency: the hours' versions, the cases the rebuild reads, the rollups summed and the edges
are read in one transaction. On SQLite that is BEGIN IMMEDIATE (store/engine.py), serialized
with the writer. On PostgreSQL it is REPEATABLE READ: a write committing meanwhile is not seen,
and its hour keeps a version newer than the one stamped here, so it is rebuilt next time rather
than lost. Two queries rebuilding the same hours collide on ``number_built``; the loser's
transaction fails with a serialization error and runs again, then seeing the winner's rollups.
A first build of many hours commits every ``BUILD_HOURS`` hours, so that the writer is never
held up for long (SQLite) and a collision repeats little work.

The department key reads a second table: a team's department (``teams``). Its rollups carry a
mark of the teams table (``number_built`` row at hour ``TEAMS_MARK``); when the teams differ
from the mark, every department hour is stale.

The results are identical to ``counts.raw_counts`` over the same window, for every grouping, window
and drill flag (tests/models/test_rollups.py).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Engine, and_, delete, func, insert, literal, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from ..schema import IncidentRow, NumberBuiltRow, NumberHourRow, NumberRollupRow, TeamRow
from .bulk import padded
from .counts import AGGREGATES, sums

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
HOUR = timedelta(hours=1)
BUILD_HOURS = 500  # hours rebuilt per transaction (and per IN list: under SQLite's 999 parameters)
TEAMS_MARK = -1  # the number_built "hour" that marks the teams the department rollups were built with
RETRIES = 20  # PostgreSQL: another query built the same hours first (each retry sees its work)
_RETRY_STATES = ("40001", "40P01")  # serialization failure, deadlock

T = TypeVar("T")


def hour_of(at: datetime) -> int:
    """Whole hours since 1970-01-01 UTC (exact: no float, no rounding of microseconds)."""
    return (at - EPOCH) // HOUR


def hour_start(hour: int) -> datetime:
    return EPOCH + hour * HOUR


@dataclass(frozen=True)
class Edge:
    """The part [since, until) of one hour that the window covers only partly."""

    hour: int
    since: datetime
    until: datetime


@dataclass(frozen=True)
class Split:
    """A window as whole hours [first, end) (a None bound: unbounded on that side; ``whole`` None:
    no whole hour) and the partial hours at its edges."""

    whole: tuple[int | None, int | None] | None
    edges: tuple[Edge, ...]


def split(since: datetime | None, until: datetime | None) -> Split:
    """Where each part of [since, until) is counted from: rollups for the whole hours, the cases
    for the edges."""
    if since is not None and until is not None and since >= until:
        return Split(None, ())
    first = None if since is None else -((EPOCH - since) // HOUR)  # the first hour starting at or after since
    end = None if until is None else hour_of(until)  # the hour until falls in: not whole unless it starts there
    if first is not None and end is not None and first >= end:
        # no whole hour inside: within one hour, or across one boundary
        assert since is not None and until is not None
        edges, at = [], since
        while at < until:
            h = hour_of(at)
            nxt = min(until, hour_start(h + 1))
            edges.append(Edge(h, at, nxt))
            at = nxt
        return Split(None, tuple(edges))
    out = []
    if since is not None and first is not None and since < hour_start(first):
        out.append(Edge(first - 1, since, hour_start(first)))
    if until is not None and end is not None and hour_start(end) < until:
        out.append(Edge(end, hour_start(end), until))
    return Split((first, end), tuple(out))


# ---- reading ---------------------------------------------------------------------------------------

def rolled_counts(engine: Engine, group: str, drill: bool, since: datetime | None, until: datetime | None
                  ) -> list[dict[str, Any]]:
    """``counts.raw_counts``, from the rollups (rebuilt where stale) and the window's edges."""
    parts = split(since, until)
    while True:
        rows = _retrying(lambda: _step(engine, group, drill, parts))
        if rows is not None:
            return rows


def _step(engine: Engine, group: str, drill: bool, parts: Split) -> list[dict[str, Any]] | None:
    """One transaction: rebuild up to BUILD_HOURS stale hours; if that was all of them, answer
    (None: committed a part of a long first build, call again)."""
    with _transaction(engine) as conn:
        acc: dict[Any, dict[str, int]] = {}
        if parts.whole is not None:
            if group == "department":
                _check_teams(conn)
            stale = _stale(conn, group, parts.whole)
            _build(conn, group, stale[:BUILD_HOURS])
            if len(stale) > BUILD_HOURS:
                return None
            _add(acc, conn.execute(_summed(group, drill, parts.whole)))
        if parts.edges:
            i = IncidentRow
            edge = [and_(i.report_hour == e.hour, i.reported_at >= e.since, i.reported_at < e.until)
                    for e in parts.edges]
            _add(acc, conn.execute(sums(group).where(i.drill == drill, or_(*edge))))
    return [{"key": k, **c} for k, c in acc.items()]


def _add(acc: dict[Any, dict[str, int]], rows: Any) -> None:
    for r in rows:
        m = r._mapping
        counts = acc.setdefault(m["key"], dict.fromkeys(AGGREGATES, 0))
        for name in AGGREGATES:
            counts[name] += int(m[name] or 0)


def _summed(group: str, drill: bool, whole: tuple[int | None, int | None]) -> Any:
    r = NumberRollupRow
    q = (select(r.key, *[func.sum(getattr(r, name)).label(name) for name in AGGREGATES])
         .where(r.kind == group, r.drill == drill))
    first, end = whole
    if first is not None:
        q = q.where(r.hour >= first)
    if end is not None:
        q = q.where(r.hour < end)
    return q.group_by(r.key)


# ---- building ----------------------------------------------------------------------------------------

def _stale(conn: Connection, kind: str, whole: tuple[int | None, int | None]) -> list[tuple[int, int]]:
    """(hour, version) of the hours in range whose rollup of this kind is missing or older."""
    h, b = NumberHourRow, NumberBuiltRow
    q = (select(h.hour, h.version)
         .outerjoin(b, and_(b.kind == kind, b.hour == h.hour))
         .where(or_(b.version.is_(None), b.version != h.version)))
    first, end = whole
    if first is not None:
        q = q.where(h.hour >= first)
    if end is not None:
        q = q.where(h.hour < end)
    return [(hour, version) for hour, version in conn.execute(q.order_by(h.hour))]


def _build(conn: Connection, kind: str, stale: list[tuple[int, int]]) -> None:
    """Replace the rollups of these hours by the counts of their cases now, and stamp each with
    the hour's version read in this same transaction."""
    if not stale:
        return
    hours = [hour for hour, _v in stale]
    r, i = NumberRollupRow, IncidentRow
    both = (False, True)  # lets the (drill, report_hour) and (kind, drill, hour) indexes serve
    some = padded(hours)  # a few SQL texts for any number of hours (bulk.padded)
    conn.execute(delete(r).where(r.kind == kind, r.drill.in_(both), r.hour.in_(some)))
    q = sums(kind, i.report_hour, i.drill, lead=(literal(kind),)).where(i.drill.in_(both), i.report_hour.in_(some))
    conn.execute(insert(r).from_select(["kind", "hour", "drill", "key", *AGGREGATES], q))
    _stamp(conn, [{"kind": kind, "hour": hour, "version": v} for hour, v in stale])


def _stamp(conn: Connection, rows: list[dict[str, Any]]) -> None:
    t = NumberBuiltRow.__table__
    ins = (pg_insert if conn.dialect.name == "postgresql" else sqlite_insert)(t)
    conn.execute(ins.on_conflict_do_update(index_elements=[t.c.kind, t.c.hour],
                                           set_={"version": ins.excluded.version}), rows)


def _check_teams(conn: Connection) -> None:
    """Make every department hour stale if the teams' departments differ from those its rollups
    were built with (the hub never changes them, but nothing else would notice if it did)."""
    teams = conn.execute(select(TeamRow.id, TeamRow.department).order_by(TeamRow.id)).all()
    mark = zlib.crc32(repr([tuple(t) for t in teams]).encode()) & 0x7FFFFFFF
    b = NumberBuiltRow
    if conn.scalar(select(b.version).where(b.kind == "department", b.hour == TEAMS_MARK)) != mark:
        conn.execute(delete(b).where(b.kind == "department"))
        _stamp(conn, [{"kind": "department", "hour": TEAMS_MARK, "version": mark}])


@contextmanager
def _transaction(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ")  # one snapshot (see above)
        with conn.begin():
            yield conn


def _retrying(fn: Callable[[], T]) -> T:
    for attempt in range(RETRIES):
        try:
            return fn()
        except DBAPIError as e:
            if attempt + 1 == RETRIES or getattr(e.orig, "sqlstate", None) not in _RETRY_STATES:
                raise
    raise AssertionError("unreachable")


__all__ = ["BUILD_HOURS", "Edge", "Split", "hour_of", "hour_start", "rolled_counts", "split"]
