"""CAP alerts as stored (``cap_alerts``; models/cap.py, docs/CAP.md): the earlier alerts a batch's
updates and cancels name, and the readers behind GET /cap/alerts (net/cap_http.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..schema import CapAlertRow
from .bulk import StoreParts, chunks
from .engine import reading

FEED_LIMIT = 100  # alerts in GET /cap/alerts unless ?limit= says fewer (at most MAX_FEED)
MAX_FEED = 1000


def referenced(conn: Connection, requests: Iterable[Any]) -> dict[str, dict[str, Any]]:
    """identifier -> the stored alert (with ``cancelled_by``: the cancel naming it, or None) for
    every alert that a ``notice.post`` of ``requests`` updates or cancels; {} when none does."""
    names = {r.args["cap"].get(k) for r in requests if r.name == "notice.post" and "cap" in r.args
             for k in ("update_of", "cancel_of")} - {None}
    if not names:
        return {}
    a = CapAlertRow
    out: dict[str, dict[str, Any]] = {}
    for chunk in chunks(sorted(names), 400):
        out.update((r.identifier, dict(r._mapping, cancelled_by=None))
                   for r in conn.execute(select(a).where(a.identifier.in_(chunk))))
        q = select(a.refers_to, a.identifier).where(a.refers_to.in_(chunk), a.msg_type == "Cancel")
        for ref, cancel in conn.execute(q):
            if ref in out:
                out[ref]["cancelled_by"] = cancel
    return out


def recent(store: StoreParts, limit: int = FEED_LIMIT, drill: bool = False) -> list[dict[str, Any]]:
    """The newest ``limit`` alerts, newest first; Exercise (drill) alerts only when ``drill``."""
    a = CapAlertRow
    q = select(a).order_by(a.sent_at.desc(), a.number.desc()).limit(max(1, min(limit, MAX_FEED)))
    if not drill:
        q = q.where(a.drill.is_(False))
    with reading(store.engine) as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def one(store: StoreParts, identifier: str) -> dict[str, Any] | None:
    """The alert with this identifier, or None."""
    with reading(store.engine) as conn:
        r = conn.execute(select(CapAlertRow).where(CapAlertRow.identifier == identifier)).first()
    return dict(r._mapping) if r is not None else None
