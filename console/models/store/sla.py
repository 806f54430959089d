"""The SLA clock: colour changes that came due become events (nobody touched those incidents); and
remembered command results are forgotten. The event log's own upkeep is store/upkeep.py."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select

from .. import commands as cmds
from ..frames import dumps, event_frame
from ..incident import iso
from ..lifecycle import ACTIVE_STATES
from ..schema import IncidentRow, ProcessedCommandRow
from .bulk import SEQ, StoreParts, bump
from .wire import row_to_incident

SWEEP_LIMIT = 5000  # incidents per sweep; the next sweep takes the rest


def sla_sweep(store: StoreParts, now: datetime | None = None) -> list[str]:
    """Turn SLA colour changes that came due into events; return their frames."""
    now = now or datetime.now(UTC)
    with store.engine.begin() as conn:
        q = (select(IncidentRow)
             .where(IncidentRow.sla_next_at <= now, IncidentRow.state.in_([s.value for s in ACTIVE_STATES]))
             .order_by(IncidentRow.sla_next_at, IncidentRow.id)
             .limit(SWEEP_LIMIT)
             .with_for_update())
        due = [row_to_incident(r) for r in conn.execute(q)]
        changes = []  # (old, new, new's sla_next_at)
        for inc in due:
            new, next_at = cmds.clock(inc, store.catalog, now)
            changes.append((inc, new, next_at))
        frames: list[str] = []
        real = [(o, n) for o, n, _ in changes if o.sla != n.sla]
        changed: dict[str, tuple] = {}
        if real:
            first = bump(conn, SEQ, len(real))
            rows, trail = [], []
            for k, (old, new) in enumerate(real):
                new, tr = cmds.clock_change(old, new, now)
                changed[new.id] = (new, tr)
                data = new.to_wire()
                data["action"] = {"name": "sla", "actor": tr.actor, "from": tr.from_state, "to": tr.to_state,
                                  "note": tr.note}
                frame = event_frame(first + k, iso(now), "incident", dumps(data))
                frames.append(frame)
                rows.append({"seq": first + k, "at": now, "kind": "incident", "frame": frame, "subject": new.id})
                trail.append({"incident": tr.incident, "seq": first + k, "at": tr.at, "actor": tr.actor,
                              "role": tr.role, "action": tr.action, "from_state": tr.from_state,
                              "to_state": tr.to_state, "note": tr.note, "deadline": tr.deadline, "data": tr.data})
            store.sql.ins_events.run(conn, rows)
            store.sql.ins_transitions.run(conn, trail)
            store.sql.upd_clocked.run(conn, [
                {"_id": new.id, "sla": new.sla, "deadline": new.deadline, "sla_next_at": next_at,
                 "version": new.version, "updated_at": new.updated_at}
                for _old, new, next_at in ((o, changed[n.id][0], na) for o, n, na in changes if n.id in changed)])
        # Also moves sla_next_at on for the rest, whose colour did not change.
        store.sql.upd_sla.run(conn, [
            {"_id": new.id, "sla": new.sla, "deadline": new.deadline, "sla_next_at": next_at}
            for _old, new, next_at in changes if new.id not in changed
        ])
        return frames


def prune_processed(store: StoreParts, now: datetime | None = None, keep: timedelta = timedelta(days=2)) -> int:
    """Forget remembered command results older than ``keep``. A client resends an unanswered
    command within seconds of reconnecting; two days covers any outage worth resuming."""
    now = now or datetime.now(UTC)
    with store.engine.begin() as conn:
        res = conn.execute(delete(ProcessedCommandRow).where(ProcessedCommandRow.at < now - keep))
        return res.rowcount or 0
