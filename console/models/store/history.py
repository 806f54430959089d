"""Looking back (CONTRACT §5): ``query.events`` (the stored event frames, paged under 1 MiB) and
``query.state_at`` (the active state as a console held it at a seq or a time: the nearest
checkpoint at or before it, plus the events after it, store/replay.py). Both read in one
read-only transaction (``engine.reading``: on SQLite it never holds the writer up) on the hub's
reader threads. The last few states rebuilt are kept (``Recall``), so the pages of one answer,
and seeks close to each other, cost one replay."""

from __future__ import annotations

import base64
import binascii
import json
import threading
from collections import OrderedDict
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection

from ..commands import CommandError
from ..frames import dumps
from ..incident import iso, parse_instant
from ..schema import CheckpointRow, EventRow
from .bulk import StoreParts, head
from .engine import reading
from .replay import Held, advance, decode, shown_cameras, shown_notices

EVENTS_BUDGET = 900_000  # bytes of event frames in one query.events answer: the frame limit is 1 MiB
EVENTS_LIMIT = 10_000
EVENTS_DEFAULT = 1_000
STATE_BUDGET = 800_000  # bytes of incidents (and, on the first page, units, cameras, notices) per page
STATE_LIMIT = 10_000
READ_CHUNK = 2_000  # event rows fetched at a time while a page fills
MS = timedelta(milliseconds=1)


class Recall:
    """The last few states loaded or rebuilt, by seq, shared by the reader threads (a state is
    never mutated, so handing the same one to two threads is safe)."""

    def __init__(self, size: int = 4) -> None:
        self._held: OrderedDict[int, Held] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def nearest(self, low: int, high: int) -> Held | None:
        """The newest state kept with low <= seq <= high."""
        with self._lock:
            best = max((s for s in self._held if low <= s <= high), default=None)
            if best is None:
                return None
            self._held.move_to_end(best)
            return self._held[best]

    def put(self, held: Held) -> None:
        with self._lock:
            self._held[held.head] = held
            self._held.move_to_end(held.head)
            while len(self._held) > self._size:
                self._held.popitem(last=False)


def rebuild(store: StoreParts, conn: Connection, target: int) -> Held:
    """The state after event ``target``: the nearest checkpoint at or before it (or a state kept
    in ``store.recall`` between the two), plus the events after it."""
    recall: Recall = store.recall  # type: ignore[attr-defined]
    cp = conn.scalar(select(CheckpointRow.seq).where(CheckpointRow.seq <= target)
                     .order_by(CheckpointRow.seq.desc()).limit(1))
    if cp is None:
        oldest = conn.scalar(select(CheckpointRow.seq).order_by(CheckpointRow.seq).limit(1))
        raise CommandError("not_found", f"the hub no longer holds the state at seq {target}; "
                           + (f"its history starts at seq {oldest}" if oldest is not None else "it keeps none"))
    held = recall.nearest(cp, target)
    if held is None:
        blob = conn.scalar(select(CheckpointRow.state).where(CheckpointRow.seq == cp))
        held = decode(blob)
        recall.put(held)
    if held.head < target:
        held = advance(held, *stretch(conn, held.head, target))
        if held.head < target:  # the last events were thinned away: the state is still that of target
            held = Held(target, held.at, held.incidents, held.units, held.cameras, held.notices)
        recall.put(held)
    return held


def stretch(conn: Connection, after: int, upto: int) -> tuple[list[Any], datetime | None]:
    """What a replay of the events after ``after`` up to ``upto`` needs, as (seq, kind, subject,
    frame) in seq order: each incident's, unit's and camera's last event of the stretch and every
    notice (store/replay.py says why that is the same as all of them). The database picks those
    out, so a replay reads a few hundred frames however many thousand positions the stretch
    holds. Also the time of the stretch's last event (read apart: converting every row's time was
    a third of a replay). The last event of the stretch is always among them: it is the last of
    its subject."""
    e = EventRow
    span = (e.seq > after, e.seq <= upto)
    last = (select(func.max(e.seq)).where(*span, e.kind != "notice", e.subject.is_not(None))
            .group_by(e.kind, e.subject))
    rows = conn.execute(select(e.seq, e.kind, e.subject, e.frame)
                        .where(*span, or_(e.seq.in_(last), e.kind == "notice", e.subject.is_(None)))
                        .order_by(e.seq)).all()
    at = conn.scalar(select(e.at).where(e.seq == rows[-1][0])) if rows else None
    return rows, at  # Rows unpack as tuples do


def seq_at(conn: Connection, when: datetime) -> int:
    """The head as it stood at ``when``: the newest event stamped at or before it, compared at the
    wire's millisecond (an event whose frame says ``…00.123Z`` is in at ``…00.123Z``)."""
    cut = when.replace(microsecond=when.microsecond // 1000 * 1000) + MS  # exclusive
    e = EventRow
    seq = conn.scalar(select(e.seq).where(e.at < cut).order_by(e.at.desc(), e.seq.desc()).limit(1))
    if seq is not None:
        return seq
    # before every event held: the oldest checkpoint stands for the events before it (gone with
    # retention_days), or seq 0 for a log kept from its start
    c = CheckpointRow
    cp = conn.scalar(select(c.seq).where((c.at < cut) | c.at.is_(None)).order_by(c.seq.desc()).limit(1))
    if cp is None:
        first = conn.scalar(select(e.at).order_by(e.at, e.seq).limit(1))
        raise CommandError("not_found", f"the hub holds no history as early as {iso(when)}"
                           + (f"; its oldest event is of {iso(first)}" if first else ""))
    return cp


# ---- query.state_at -------------------------------------------------------------------------------

def _cursor(raw: str) -> tuple[int, str]:
    try:
        seq, last = base64.urlsafe_b64decode(raw.encode()).decode().split("|", 1)
        return int(seq), last
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise CommandError("invalid_args", "cursor is not one this hub gave out") from None


def _target(conn: Connection, args: dict[str, Any], now_head: int) -> int:
    if "seq" in args and "at" in args:
        raise CommandError("invalid_args", "query.state_at takes seq or at, not both")
    if "seq" in args:
        seq = args["seq"]
        if not 0 <= seq <= now_head:
            raise CommandError("invalid_args", f"seq {seq} is not between 0 and the hub's head, {now_head}")
        return seq
    try:
        when = parse_instant(args["at"])
    except ValueError:
        raise CommandError("invalid_args", f"at is not an ISO-8601 time from 1970 to 2200: {args['at']!r}") from None
    return seq_at(conn, when)


def query_state_at(store: StoreParts, args: dict[str, Any]) -> dict[str, Any]:
    """``query.state_at``: the active incidents (paged by id, ``cursor``/``next_cursor``) and
    the units, cameras and notices (whole, on the first page) as a console that applied every
    event up to ``head`` held them."""
    limit = args.get("limit", STATE_LIMIT)
    if not 1 <= limit <= STATE_LIMIT:
        raise CommandError("invalid_args", f"limit must be 1 to {STATE_LIMIT}")
    if not ({"seq", "at", "cursor"} & set(args)):
        raise CommandError("invalid_args", "query.state_at needs seq or at (or a cursor)")
    with reading(store.engine) as conn:
        now_head = head(conn)
        after = None
        if "cursor" in args:
            target, after = _cursor(args["cursor"])
            if not 0 <= target <= now_head:
                raise CommandError("invalid_args", "cursor is not one this hub gave out")
            if "seq" in args and args["seq"] != target:
                raise CommandError("invalid_args", f"cursor belongs to the state at seq {target}, not {args['seq']}")
            if "at" in args:  # checked, not resolved again: an event stamped at or before it may
                _target(conn, args, now_head)  # have come since the first page, the moment stays
        else:
            target = _target(conn, args, now_head)
        held = rebuild(store, conn, target)
    rest: dict[str, Any] = {"units": [], "cameras": [], "notices": []}
    budget = STATE_BUDGET
    if after is None:  # the first page: units, cameras and notices whole
        rest = {"units": [held.units[u] for u in sorted(held.units)],
                "cameras": shown_cameras(held, store.camera_places), "notices": shown_notices(held)}
        budget -= len(dumps(rest).encode())
    ids = sorted(i for i in held.incidents if after is None or i > after)
    page: list[dict[str, Any]] = []
    size = 0
    for iid in ids[:limit]:
        inc = held.incidents[iid]
        n = len(dumps(inc).encode()) + 1
        if page and size + n > budget:
            break
        page.append(inc)
        size += n
    cursor = None
    if len(page) < len(ids):
        cursor = base64.urlsafe_b64encode(f"{target}|{page[-1]['id']}".encode()).decode()
    return {"head": target, "at": iso(held.at), "incidents": page, **rest, "next_cursor": cursor}


# ---- query.events -----------------------------------------------------------------------------------

def query_events(store: StoreParts, args: dict[str, Any]) -> dict[str, Any]:
    """``query.events``: stored events after ``after`` (up to ``until``, inclusive), oldest first,
    as their frames were sent live; ``next`` is the ``after`` of the next page, null at the end."""
    after, until = args["after"], args.get("until")
    limit = args.get("limit", EVENTS_DEFAULT)
    if not 1 <= limit <= EVENTS_LIMIT:
        raise CommandError("invalid_args", f"limit must be 1 to {EVENTS_LIMIT}")
    if until is not None and until < after:
        raise CommandError("invalid_args", f"until ({until}) is before after ({after})")
    events: list[dict[str, Any]] = []
    size, last, more = 0, after, False
    e = EventRow
    with reading(store.engine) as conn:
        now_head = head(conn)
        if not 0 <= after <= now_head:
            raise CommandError("invalid_args", f"after {after} is not between 0 and the hub's head, {now_head}")
        end = now_head if until is None else min(until, now_head)
        while not more and len(events) < limit:
            want = min(READ_CHUNK, limit - len(events))
            rows = conn.execute(select(e.seq, e.frame).where(e.seq > last, e.seq <= end)
                                .order_by(e.seq).limit(want)).all()
            for seq, frame in rows:
                n = len(frame.encode()) + 1
                if events and size + n > EVENTS_BUDGET:  # a page holds at least one event
                    more = True
                    break
                events.append(json.loads(frame))
                size += n
                last = seq
            if len(rows) < want:
                break
        if not more and len(events) == limit:  # cut by the limit: is there anything after it?
            more = conn.scalar(select(e.seq).where(e.seq > last, e.seq <= end).limit(1)) is not None
    return {"events": events, "next": last if more else None}
