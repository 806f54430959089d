"""Open311 requests.json's read (models/open311.py maps, net/open311.py serves): incidents by the
specification's filters, newest first, each with the note of its last transition. Runs on a
reader thread like every query (the hub's ``_read``), never on the loop."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from ..lifecycle import FINAL_STATES
from ..open311 import RequestQuery
from ..schema import IncidentRow, TransitionRow
from .bulk import StoreParts
from .wire import row_to_wire

CLOCK_ACTIONS = ("sla",)  # the clock's colour changes ("green→blue"): not the case's news


def requests(store: StoreParts, q: RequestQuery) -> list[tuple[dict[str, Any], str | None]]:
    """(incident wire form, status note) for each request ``q`` asks for, newest first, at most
    ``q.limit``. The note is that of the incident's last transition that is not the clock's
    (a callback's, a note's, a reject's reason …), None when that transition had none."""
    t = IncidentRow
    sel = select(t).where(t.drill == q.drill)
    if q.ids:
        sel = sel.where(t.id.in_(q.ids))
    else:
        if q.categories:
            sel = sel.where(t.category.in_(q.categories))
        finals = sorted(s.value for s in FINAL_STATES)
        if q.status == "closed":
            sel = sel.where(t.state.in_(finals))
        elif q.status == "open":
            sel = sel.where(t.state.not_in(finals))
        if q.start is not None:
            sel = sel.where(t.reported_at >= q.start)
        if q.end is not None:
            sel = sel.where(t.reported_at <= q.end)
    sel = sel.order_by(t.reported_at.desc(), t.id.desc()).limit(q.limit)
    with store.engine.connect() as conn:
        if conn.dialect.name == "postgresql":  # the incidents and their notes as of one moment
            conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            incidents = [row_to_wire(r) for r in conn.execute(sel)]
            notes = _last_notes(conn, [i["id"] for i in incidents])
    return [(i, notes.get(i["id"])) for i in incidents]


def _last_notes(conn: Any, ids: list[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    tr = TransitionRow
    for start in range(0, len(ids), 500):  # well under every database's bound-parameter limit
        chunk = ids[start:start + 500]
        last = (select(func.max(tr.id)).where(tr.incident.in_(chunk), tr.action.not_in(CLOCK_ACTIONS))
                .group_by(tr.incident).scalar_subquery())
        for incident, note in conn.execute(select(tr.incident, tr.note).where(tr.id.in_(last))):
            out[incident] = note
    return out


__all__ = ["requests"]
