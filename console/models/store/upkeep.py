"""The log's upkeep (CONTRACT §5 "Looking back"; docs/STORE.md "Keeping the log"): state
checkpoints made by replaying the log, old unit positions thinned to one per unit per minute,
events past ``retention_days`` forgotten. Each call is one short transaction (the hub runs them on
an upkeep thread of their own, one small step after another), so the writer is never held up for
long: on SQLite a write transaction holds the one write lock, and every step here is sized to
hold it for milliseconds.

Invariants the three keep between them:
- a checkpoint is never rewritten, and is made from the previous one plus the events after it
  (store/replay.py), so it is what a console that applied those events holds;
- thinning touches only unit events at or before the newest checkpoint, and older than
  ``tracks_full_days``: incident, camera and notice events are never thinned; the checkpoints of a
  thinned stretch are thinned with it, to the last of each hour;
- retention forgets events only up to a checkpoint it keeps (the oldest one then), so every
  moment from there on can still be rebuilt.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from ..lifecycle import ACTIVE_STATES
from ..schema import CameraStateRow, CheckpointRow, CounterRow, EventRow, IncidentRow, NoticeRow, UnitRow
from .bulk import StoreParts, head, padded
from .engine import reading
from .history import Recall, stretch
from .replay import NOTICE_WINDOW, Held, advance, decode, encode
from .wire import notice_wire, row_to_wire, unit_wire

CHECKPOINT_EVENTS = 2_000  # a checkpoint every this many events (more for a large state) …
CHECKPOINT_AGE = timedelta(minutes=10)  # … and, when anything happened, every this long
THIN_WINDOW = timedelta(minutes=1)  # unit events thinned per transaction: one minute of them
PRUNE_CHUNK = 5_000  # events forgotten per transaction
THINNED_UNTIL = "log:thinned_until"  # counters: unit events stamped before this (epoch s) are thinned
THINNED_SEQ = "log:thinned_seq"  # … and the highest seq thinned away (a resume from before it: snapshot)


# ---- checkpoints ------------------------------------------------------------------------------------

def _put_checkpoint(conn: Connection, held: Held, now: datetime) -> None:
    ins = (pg_insert if conn.dialect.name == "postgresql" else sqlite_insert)(CheckpointRow.__table__)
    # another hub on the same database may have made the same one: the same state, keep theirs
    conn.execute(ins.values(seq=held.head, at=held.at, made_at=now, state=encode(held)).on_conflict_do_nothing())


def ensure_base(store: StoreParts, now: datetime | None = None) -> None:
    """The first checkpoint, when there is none: the state as the tables hold it at the head, read
    in one transaction (on a new database: seq 0, the seeded units, no incidents). On a database
    that already held events (upgraded by migration 0008) moments before it cannot be rebuilt."""
    now = now or datetime.now(UTC)
    with store.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            if conn.scalar(select(CheckpointRow.seq).limit(1)) is not None:
                return
            at_head = head(conn)
            at = conn.scalar(select(EventRow.at).where(EventRow.seq == at_head)) if at_head else None
            q = select(IncidentRow).where(IncidentRow.state.in_([s.value for s in ACTIVE_STATES]))
            incidents = {r.id: row_to_wire(r) for r in conn.execute(q)}
            units = {r.id: unit_wire(dict(r._mapping)) for r in conn.execute(select(UnitRow))}
            cameras = {r.id: store.camera_wire(dict(r._mapping)) for r in conn.execute(select(CameraStateRow))}
            since = (at or now) - NOTICE_WINDOW
            notices = {r.id: notice_wire(dict(r._mapping))
                       for r in conn.execute(select(NoticeRow).where(NoticeRow.at >= since))}
            _put_checkpoint(conn, Held(at_head, at, incidents, units, cameras, notices), now)


def _gap(conn: Connection, last: int, every: int) -> int:
    """How many events after checkpoint ``last`` the next one waits for: ``every``, or as many as
    weigh what a checkpoint weighs, whichever is more — a large state (thousands of active
    incidents) is not copied every few thousand positions, so checkpoints never outweigh the log
    they stand for, while a replay reads no more than about one checkpoint's bytes of events."""
    c, e = CheckpointRow, EventRow
    size = conn.scalar(select(func.length(c.state)).where(c.seq == last)) or 0
    mean = conn.scalar(select(func.avg(func.length(e.frame))).where(e.seq > last, e.seq <= last + every))
    return max(every, math.ceil(size / float(mean))) if mean else every


def make_checkpoint(store: StoreParts, now: datetime | None = None, every: int = CHECKPOINT_EVENTS,
                    age: timedelta = CHECKPOINT_AGE) -> int | None:
    """One checkpoint, if one is due: ``every`` events past the newest (or more for a large state,
    ``_gap``; made at exactly that seq, so a backlog is caught up one step per call), or at the
    head once the oldest event after the newest checkpoint is ``age`` old (so no event stays
    uncovered much longer than that, and thinning, which stops at the newest checkpoint,
    follows). Returns its seq, or None."""
    now = now or datetime.now(UTC)
    recall: Recall = store.recall  # type: ignore[attr-defined]
    c, e = CheckpointRow, EventRow
    with reading(store.engine) as conn:
        last = conn.execute(select(c.seq, c.at).order_by(c.seq.desc()).limit(1)).first()
        if last is None:
            return None  # ensure_base makes the first
        at_head = head(conn)
        if at_head <= last.seq:
            return None
        # the oldest event no checkpoint covers yet
        first = conn.scalar(select(e.at).where(e.seq > last.seq).order_by(e.seq).limit(1))
        gap = _gap(conn, last.seq, every) if at_head - last.seq >= every else every
        if at_head - last.seq >= gap:
            target = last.seq + gap
        elif first is not None and now - first >= age:
            target = at_head
        else:
            return None
        held = recall.nearest(last.seq, last.seq) or decode(
            conn.scalar(select(c.state).where(c.seq == last.seq)))
        held = advance(held, *stretch(conn, last.seq, target))
    if held.head != target:  # thinned away at the end (only on a log thinned before its checkpoints)
        held = Held(target, held.at, held.incidents, held.units, held.cameras, held.notices)
    with store.engine.begin() as conn:  # a short write: one row
        _put_checkpoint(conn, held, now)
    recall.put(held)
    return target


def next_checkpoint(store: StoreParts, every: int = CHECKPOINT_EVENTS) -> int:
    """The seq at which the next checkpoint falls due by count (the hub wakes its upkeep then)."""
    with reading(store.engine) as conn:
        last = conn.scalar(select(func.max(CheckpointRow.seq))) or 0
        return last + _gap(conn, last, every)


# ---- thinning old positions ---------------------------------------------------------------------------

def _counter(conn: Connection, name: str) -> int | None:
    return conn.scalar(select(CounterRow.value).where(CounterRow.name == name))


def _set_counter(conn: Connection, name: str, value: int) -> None:
    t = CounterRow.__table__
    ins = (pg_insert if conn.dialect.name == "postgresql" else sqlite_insert)(t)
    conn.execute(ins.values(name=name, value=value).on_conflict_do_update(index_elements=[t.c.name],
                                                                         set_={"value": value}))


def _minute(dt: datetime) -> datetime:
    return dt.replace(second=0, microsecond=0)


def _minute_sql(conn: Connection) -> Any:
    """An event's minute, as SQL: SQLite keeps times as text 'YYYY-MM-DD HH:MM:SS.ffffff'."""
    if conn.dialect.name == "postgresql":
        return func.date_trunc("minute", EventRow.at)
    return func.substr(EventRow.at, 1, 16)


def thin_tracks(store: StoreParts, now: datetime | None = None, full: timedelta = timedelta(days=14),
                window: timedelta = THIN_WINDOW) -> bool:
    """Thin one stretch (``window`` of time, whole minutes) of unit positions older than ``full``:
    of each unit's events in each minute, only the last is kept. Returns whether it did anything
    (call again until it returns False). Stops at the newest checkpoint: checkpoints are made from
    whole stretches of the log."""
    now = now or datetime.now(UTC)
    e = EventRow
    with store.engine.begin() as conn:
        cp = conn.execute(select(CheckpointRow.seq, CheckpointRow.at).order_by(CheckpointRow.seq.desc()).limit(1)
                          ).first()
        if cp is None or cp.at is None:
            return False
        end_at = min(_minute(now - full), _minute(cp.at))
        done = _counter(conn, THINNED_UNTIL)
        low = datetime.fromtimestamp(done, UTC) if done is not None else None
        # the next unit event not yet thinned: empty stretches are skipped in one step
        q = select(e.at).where(e.kind == "unit", e.at < end_at)
        first = conn.scalar((q.where(e.at >= low) if low is not None else q).order_by(e.at).limit(1))
        if first is None:
            if low is None or low < end_at:
                _set_counter(conn, THINNED_UNTIL, int(end_at.timestamp()))
            return False
        start = _minute(first)
        stop = min(start + window, end_at)
        where = (e.kind == "unit", e.at >= start, e.at < stop, e.seq <= cp.seq)
        keep = select(func.max(e.seq)).where(*where).group_by(e.subject, _minute_sql(conn))
        gone = conn.execute(delete(EventRow).where(*where, e.seq.not_in(keep)).returning(e.seq)).scalars().all()
        _thin_checkpoints(conn, start, stop)
        if gone and max(gone) > (_counter(conn, THINNED_SEQ) or 0):
            _set_counter(conn, THINNED_SEQ, max(gone))
        _set_counter(conn, THINNED_UNTIL, int(stop.timestamp()))
        return True


def _thin_checkpoints(conn: Connection, start: datetime, stop: datetime) -> None:
    """The checkpoints of a thinned stretch, but the last of each hour: in the thinned past a
    replay of up to an hour (a position per unit per minute) is cheap, and the checkpoints made
    every few thousand events while it was recent would otherwise outweigh the log itself."""
    c = CheckpointRow
    drop = []
    for seq, at in conn.execute(select(c.seq, c.at).where(c.at >= start, c.at < stop)).all():
        nxt = conn.scalar(select(c.at).where(c.seq > seq).order_by(c.seq).limit(1))
        if nxt is not None and nxt < at.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1):
            drop.append(seq)
    if drop:
        conn.execute(delete(CheckpointRow).where(c.seq.in_(padded(drop))))


def thinned_seq(conn: Connection) -> int:
    """Events up to this seq may have been thinned: a resume from before it needs a snapshot."""
    return _counter(conn, THINNED_SEQ) or 0


# ---- retention --------------------------------------------------------------------------------------------

def prune_log(store: StoreParts, now: datetime | None = None, keep: timedelta = timedelta(days=400),
              chunk: int = PRUNE_CHUNK) -> int:
    """Forget up to ``chunk`` events older than ``keep``, never past a checkpoint that is kept:
    the newest checkpoint at or before the last event older than ``keep`` becomes the oldest, and
    events up to it go (with the checkpoints before it). Returns how many events went (call
    again until it returns 0)."""
    now = now or datetime.now(UTC)
    e, c = EventRow, CheckpointRow
    with store.engine.begin() as conn:
        cut = conn.scalar(select(e.seq).where(e.at < now - keep).order_by(e.at.desc(), e.seq.desc()).limit(1))
        if cut is None:
            return 0
        base = conn.scalar(select(c.seq).where(c.seq <= cut).order_by(c.seq.desc()).limit(1))
        if base is None:
            return 0
        conn.execute(delete(CheckpointRow).where(c.seq < base))
        oldest = conn.scalar(select(func.min(e.seq)))
        if oldest is None or oldest > base:
            return 0
        upto = min(base, oldest + chunk - 1)
        return conn.execute(delete(EventRow).where(e.seq <= upto)).rowcount or 0


__all__ = ["CHECKPOINT_AGE", "CHECKPOINT_EVENTS", "ensure_base", "next_checkpoint", "make_checkpoint", "prune_log",
           "thin_tracks", "thinned_seq"]
