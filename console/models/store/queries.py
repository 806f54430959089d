"""Reading: the head, events since a seq (resume), the active state (snapshot), an incident's
trail, and ``query.incidents`` over the whole history with keyset paging. Readers run on their
own threads beside the writer."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select

from ..commands import CommandError, TransitionRecord
from ..frames import dumps
from ..incident import Incident, iso, parse_instant, parse_iso
from ..lifecycle import ACTIVE_STATES, FINAL_STATES, State
from ..schema import CameraStateRow, EventRow, IncidentRow, NoticeRow, TeamRow, TransitionRow, UnitRow
from .bulk import StoreParts, head
from .upkeep import thinned_seq
from .wire import notice_wire, row_to_incident, row_to_wire, transition, unit_wire

SNAPSHOT_NOTICES = 100  # the newest notices of the last day ride in a snapshot
MAX_QUERY_LIMIT = 500
QUERY_BUDGET = 600_000  # bytes of incidents in one query answer


def events_since(store: StoreParts, after: int, limit: int | None = None) -> list[str] | None:
    """Event frames with seq > after, or None if some of them are no longer held (forgotten past
    retention_days, or old unit positions thinned: a resume never replays a gap)."""
    with store.engine.connect() as conn:
        now_head = head(conn)
        if after > now_head or after < 0:
            return None
        if after == now_head:
            return []
        oldest = conn.scalar(select(func.min(EventRow.seq)))
        if oldest is None or oldest > after + 1 or after < thinned_seq(conn):
            return None
        q = select(EventRow.frame).where(EventRow.seq > after).order_by(EventRow.seq)
        if limit:
            q = q.limit(limit)
        return list(conn.scalars(q))


def events_between(store: StoreParts, after: int, upto: int, limit: int = 5000) -> list[str]:
    """Stored event frames with after < seq <= upto, oldest first, at most ``limit`` (net/relay.py
    reads the other hubs' committed batches with it)."""
    with store.engine.connect() as conn:
        q = (select(EventRow.frame).where(EventRow.seq > after, EventRow.seq <= upto)
             .order_by(EventRow.seq).limit(limit))
        return list(conn.scalars(q))


def snapshot(store: StoreParts) -> dict[str, Any]:
    """Head + active incidents + live units/teams, read consistently in one transaction."""
    with store.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            at_head = head(conn)
            q = select(IncidentRow).where(IncidentRow.state.in_([s.value for s in ACTIVE_STATES]))
            incidents = [row_to_wire(r) for r in conn.execute(q.order_by(IncidentRow.id))]
            units = [unit_wire(dict(r._mapping)) for r in conn.execute(select(UnitRow).order_by(UnitRow.id))]
            teams = [dict(r._mapping) for r in conn.execute(select(TeamRow).order_by(TeamRow.id))]
            live = {r.id: dict(r._mapping) for r in conn.execute(select(CameraStateRow))}
            q = (select(NoticeRow).where(NoticeRow.at >= datetime.now(UTC) - timedelta(days=1))
                 .order_by(NoticeRow.at.desc(), NoticeRow.id.desc()).limit(SNAPSHOT_NOTICES))
            notices = [notice_wire(dict(r._mapping)) for r in conn.execute(q)][::-1]
    cameras = [store.camera_wire(live[c]) if c in live else
               {**w, "status": "online", "incident": None, "note": None, "drill": False, "drill_run": None,
                "version": 0, "updated_at": None}
               for c, w in store.camera_places.items()]
    return {"head": at_head, "incidents": incidents, "units": units, "teams": teams, "cameras": cameras,
            "notices": notices}


def incident(store: StoreParts, incident_id: str) -> Incident | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(IncidentRow).where(IncidentRow.id == incident_id)).first()
        return row_to_incident(row) if row else None


def transitions(store: StoreParts, incident_id: str | None = None, since: datetime | None = None
                ) -> list[TransitionRecord]:
    """One incident's trail (or every incident's, since a time), oldest first."""
    with store.engine.connect() as conn:
        q = select(TransitionRow).order_by(TransitionRow.id)
        if incident_id is not None:
            q = q.where(TransitionRow.incident == incident_id)
        if since is not None:
            q = q.where(TransitionRow.at >= since)
        return [transition(r) for r in conn.execute(q)]


def query_history(store: StoreParts, args: dict[str, Any]) -> dict[str, Any]:
    """``query.history``: every transition of one incident, oldest first (the timeline)."""
    inc = incident(store, args["incident"])
    if inc is None:
        raise CommandError("not_found", f"no incident {args['incident']!r}")
    trail = [{"at": iso(t.at), "actor": t.actor, "role": t.role, "action": t.action, "from": t.from_state,
              "to": t.to_state, "note": t.note, "deadline": iso(t.deadline), "data": t.data}
             for t in transitions(store, inc.id)]
    return {"incident": inc.to_wire(), "transitions": trail}


def _where(q: Any, args: dict[str, Any]) -> Any:
    """The filters of ``query.incidents``."""
    t = IncidentRow
    if "status" in args:
        states = [s.strip() for s in args["status"].split(",") if s.strip()]
        bad = [s for s in states if s not in {x.value for x in State} | {"active", "final"}]
        if bad:
            raise CommandError("invalid_args", f"unknown status {bad[0]!r}")
        vals: set[str] = set()
        for s in states:
            vals |= {x.value for x in ACTIVE_STATES} if s == "active" else (
                {x.value for x in FINAL_STATES} if s == "final" else {s})
        q = q.where(t.state.in_(sorted(vals)))
    if "category" in args:
        q = q.where(or_(t.category == args["category"], t.category.startswith(args["category"])))
    if "grid" in args:
        q = q.where(t.grid == args["grid"])
    if "street" in args:
        q = q.where(t.street == args["street"])
    for key, op in (("since", "ge"), ("until", "lt")):
        if key in args:
            try:
                when = parse_instant(args[key])
            except ValueError:
                raise CommandError(
                    "invalid_args", f"{key} is not an ISO-8601 time from 1970 to 2200: {args[key]!r}") from None
            q = q.where(t.reported_at >= when if op == "ge" else t.reported_at < when)
    if "text" in args and args["text"]:
        like = "%" + args["text"].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        q = q.where(or_(t.description.ilike(like, escape="\\"), t.address.ilike(like, escape="\\"),
                        t.id.ilike(like, escape="\\"), t.external_id.ilike(like, escape="\\")))
    if "drill" in args:
        q = q.where(t.drill == args["drill"])
    return q


def query_incidents(store: StoreParts, args: dict[str, Any]) -> dict[str, Any]:
    """``query.incidents``: filters over the whole history, newest first, keyset paging."""
    t = IncidentRow
    q = _where(select(t), args)
    limit = args.get("limit", 100)
    if not 1 <= limit <= MAX_QUERY_LIMIT:
        raise CommandError("invalid_args", f"limit must be 1 to {MAX_QUERY_LIMIT}")
    if "cursor" in args:
        try:
            at_s, last_id = base64.urlsafe_b64decode(args["cursor"].encode()).decode().split("|", 1)
            at = parse_iso(at_s)
        except ValueError:
            raise CommandError("invalid_args", "cursor is not one this hub gave out") from None
        q = q.where(or_(t.reported_at < at, (t.reported_at == at) & (t.id < last_id)))
    q = q.order_by(t.reported_at.desc(), t.id.desc()).limit(limit + 1)
    with store.engine.connect() as conn:
        rows = [row_to_incident(r) for r in conn.execute(q)]
    more = len(rows) > limit
    # Keep the answer well under the 1 MiB frame limit whatever the descriptions hold: a page
    # stops early (with a cursor) rather than growing past QUERY_BUDGET bytes.
    wires, size, last = [], 0, None
    for r in rows[:limit]:
        w = r.to_wire()
        size += len(dumps(w).encode())
        if wires and size > QUERY_BUDGET:
            more = True
            break
        wires.append(w)
        last = r
    cursor = None
    if more and last is not None:
        # full precision: a millisecond cursor would skip rows reported within that millisecond
        at = last.reported_at.astimezone(UTC).isoformat()
        cursor = base64.urlsafe_b64encode(f"{at}|{last.id}".encode()).decode()
    return {"incidents": wires, "next_cursor": cursor}


__all__ = ["QUERY_BUDGET", "events_since", "incident", "query_history", "query_incidents", "snapshot",
           "transitions"]
