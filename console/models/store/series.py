"""``query.series`` (docs/PROTOCOL.md, issue 15): the Evaluation view's and the handover report's
charts over a window — cases reported and closed per bucket, cases overdue at the end of each
bucket, the time spent in each stage (a histogram) and the escalations — aggregated in the
database over the cases and their transitions; only per-bucket numbers leave it.

Definitions (docs/INDICATORS.md): a case is *overdue* from its stage's deadline until the next step
of its trail that moves the deadline (a change of stage, more time granted) or parks it — read from
the deadline every transition records; the *time in a
stage* is from the transition that entered the stage to the next one that left it, counted in the
window its stage ended in (stages that began more than ``LOOKBACK`` before the window are left out)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Integer, and_, case, cast, func, literal_column, or_, select

from ..lifecycle import FINAL_STATES
from ..schema import IncidentRow, TransitionRow, UTCDateTime
from ..validation import CommandError
from .bulk import StoreParts
from .numbers import _time

BINS_S = (900, 3600, 4 * 3600, 24 * 3600, 72 * 3600)  # ≤15 min, ≤1 h, ≤4 h, ≤1 day, ≤3 days, more
LOOKBACK = timedelta(days=30)
MAX_BUCKETS = 2000
STAGES = ("reported", "accepted", "dispatched", "acknowledged", "escalated", "returned", "resolved", "verified")


def default_bucket(span: timedelta) -> int:
    """An hour over up to two days, six hours over up to two weeks, a day beyond."""
    if span <= timedelta(days=2):
        return 3600
    return 6 * 3600 if span <= timedelta(days=14) else 24 * 3600


def _epoch(store: StoreParts, col: Any) -> Any:
    """Seconds since 1970 of a stored time, in SQL (SQLite keeps naive UTC text)."""
    if store.engine.dialect.name == "sqlite":
        return cast(func.strftime("%s", col), Integer)
    return cast(func.floor(func.extract("epoch", col)), Integer)


def _seconds_between(store: StoreParts, a: Any, b: Any) -> Any:
    if store.engine.dialect.name == "sqlite":
        # julianday's doubles make 900 s come out as 899.99997: rounded to the millisecond
        return func.round((func.julianday(b) - func.julianday(a)) * 86400.0, 3)
    return func.extract("epoch", b - a)


def query_series(store: StoreParts, args: dict[str, Any], now: datetime | None = None) -> dict[str, Any]:
    now = now or datetime.now(UTC)
    until = _time(args, "until") or now
    since = _time(args, "since") or until - timedelta(days=1)
    if since > until:
        raise CommandError("invalid_args", "since is after until")
    span = until - since
    bucket = args.get("bucket_s") or default_bucket(span)
    if not isinstance(bucket, int) or isinstance(bucket, bool) or not 60 <= bucket <= 7 * 86400:
        raise CommandError("invalid_args", f"bucket_s must be whole seconds from 60 to 604800, not {bucket!r}")
    n = max(1, -(-int(span.total_seconds()) // bucket))
    if n > MAX_BUCKETS:
        raise CommandError("invalid_args", f"{n} buckets of {bucket} s; at most {MAX_BUCKETS} (a larger bucket_s)")
    drill = bool(args.get("drill", False))
    s0 = int(since.timestamp())
    i, t = IncidentRow, TransitionRow
    reported, closed, overdue = [0] * n, [0] * n, [0] * n
    with store.engine.connect() as conn:
        k = ((_epoch(store, i.reported_at) - s0) // bucket).label("k")
        q = (select(k, func.count()).where(i.drill == drill, i.reported_at >= since, i.reported_at < until)
             .group_by(k))
        for b, c in conn.execute(q):
            reported[min(n - 1, int(b))] += int(c)
        k = ((_epoch(store, t.at) - s0) // bucket).label("k")
        q = (select(k, func.count()).select_from(t).join(i, i.id == t.incident)
             .where(i.drill == drill, t.to_state == "closed", t.action != "sla", t.at >= since, t.at < until)
             .group_by(k))
        for b, c in conn.execute(q):
            closed[min(n - 1, int(b))] += int(c)
        escalated = conn.execute(
            select(func.count()).select_from(t).join(i, i.id == t.incident)
            .where(i.drill == drill, t.action == "escalate", t.at >= since, t.at < until)).scalar_one()
        # overdue: each stretch of a case's trail (from one transition to the next) whose deadline
        # passed before the stretch ended, from the deadline on; parked stretches never count
        w = {"partition_by": t.incident, "order_by": t.seq}
        parks = case((t.action == "park", 1), (t.action == "unpark", -1), else_=0)
        trail = (select(t.at, t.deadline, func.lead(t.at, type_=UTCDateTime).over(**w).label("stop"),
                        func.sum(parks).over(**w).label("parked"))
                 .select_from(t).join(i, i.id == t.incident)
                 .where(i.drill == drill, t.at < until, t.at >= since - LOOKBACK).subquery())
        q = select(trail.c.at, trail.c.deadline, trail.c.stop).where(
            trail.c.deadline.is_not(None), trail.c.deadline < until, trail.c.parked <= 0,
            or_(trail.c.stop.is_(None), and_(trail.c.stop > trail.c.deadline, trail.c.stop > since)))
        delta = [0] * (n + 1)
        for at, due, end in conn.execute(q):
            start = max(at, due)
            # counted at a bucket's end when the spell covers that instant
            first = max(0, int(((start - since).total_seconds()) // bucket))
            last = n if end is None else min(n, int(-(-((end - since).total_seconds()) // bucket)) - 1)
            if last > first:
                delta[first] += 1
                delta[last] -= 1
        run = 0
        for b in range(n):
            run += delta[b]
            overdue[b] = run
        stages = _stages(store, conn, since, until, drill)
    starts = [(since + timedelta(seconds=b * bucket)).astimezone(UTC).isoformat() for b in range(n)]
    return {"since": since.astimezone(UTC).isoformat(), "until": until.astimezone(UTC).isoformat(),
            "bucket_s": bucket, "buckets": starts, "reported": reported, "closed": closed, "overdue": overdue,
            "escalated": int(escalated), "bins_s": list(BINS_S), "stages": stages}


def _stages(store: StoreParts, conn: Any, since: datetime, until: datetime, drill: bool) -> list[dict[str, Any]]:
    t, i = TransitionRow, IncidentRow
    moves = (select(t.incident, t.to_state.label("stage"), t.at,
                    func.lead(t.at).over(partition_by=t.incident, order_by=t.seq).label("left"))
             .select_from(t).join(i, i.id == t.incident)
             .where(i.drill == drill, t.at >= since - LOOKBACK, t.at < until, t.action != "sla",
                    or_(t.from_state.is_(None), t.to_state != t.from_state))
             .subquery())
    secs = _seconds_between(store, moves.c.at, moves.c.left)
    b = case(*[(secs < edge, literal_column(str(k))) for k, edge in enumerate(BINS_S)], else_=len(BINS_S))
    q = (select(moves.c.stage, b.label("bin"), func.count(), func.sum(secs))
         .where(moves.c.left.is_not(None), moves.c.left >= since, moves.c.left < until,
                moves.c.stage.not_in([s.value for s in FINAL_STATES]))
         .group_by(moves.c.stage, b))
    got: dict[str, dict[str, Any]] = {}
    for stage, k, c, total in conn.execute(q):
        g = got.setdefault(stage, {"stage": stage, "count": 0, "total": 0.0, "bins": [0] * (len(BINS_S) + 1)})
        g["bins"][int(k)] += int(c)
        g["count"] += int(c)
        g["total"] += float(total or 0.0)
    out = []
    for stage in sorted(got, key=lambda s: STAGES.index(s) if s in STAGES else len(STAGES)):
        g = got[stage]
        out.append({"stage": stage, "count": g["count"], "bins": g["bins"],
                    "mean_s": round(g.pop("total") / g["count"]) if g["count"] else None})
    return out


__all__ = ["BINS_S", "default_bucket", "query_series"]
