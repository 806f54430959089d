"""``query.marks`` (docs/PROTOCOL.md, an extension of ours for issue 16's replay slider): the
moments of a span worth a tick — each case reported (``new``, or ``urgent`` for an urgent one),
each time a case's colour turned red (the clock's ``sla`` transition ending ``→red``) and each
escalation to a department — read from the cases and their stored transitions, newest kept when
there are more than ``limit``."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, union_all

from ..incident import iso
from ..schema import IncidentRow, TransitionRow
from ..validation import CommandError
from .bulk import StoreParts
from .numbers import _time

DEFAULT_LIMIT = 2000
MAX_LIMIT = 10_000


def query_marks(store: StoreParts, args: dict[str, Any]) -> dict[str, Any]:
    since, until = _time(args, "since"), _time(args, "until")
    if since is None or until is None:
        raise CommandError("invalid_args", "since and until are both required")
    if since > until:
        raise CommandError("invalid_args", "since is after until")
    limit = args.get("limit", DEFAULT_LIMIT)
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_LIMIT:
        raise CommandError("invalid_args", f"limit must be 1–{MAX_LIMIT}, not {limit!r}")
    i, t = IncidentRow, TransitionRow
    reported = (select(i.reported_at.label("at"), i.id.label("incident"), i.priority.label("what"))
                .where(i.reported_at >= since, i.reported_at <= until))
    moved = (select(t.at.label("at"), t.incident.label("incident"), t.action.label("what"))
             .where(t.at >= since, t.at <= until,
                    ((t.action == "sla") & t.note.like("%→red")) | (t.action == "escalate")))
    u = union_all(reported, moved).subquery()
    q = select(u.c.at, u.c.incident, u.c.what).order_by(u.c.at.desc(), u.c.incident).limit(limit + 1)
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
    marks = []
    for at, incident, what in rows[:limit]:
        kind = {"sla": "red", "escalate": "escalated", "urgent": "urgent"}.get(what, "new")
        marks.append({"at": iso(at), "kind": kind, "incident": incident})
    marks.reverse()
    return {"marks": marks, "more": len(rows) > limit}


__all__ = ["query_marks"]
