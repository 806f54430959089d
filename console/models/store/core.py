"""The Store: one object per database, the hub's only way to its data. It composes the parts of
this package: the engine, the prepared writes, the batch, the SLA clock and the readers."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event, insert, select
from sqlalchemy.exc import IntegrityError

from ..catalog import Catalog
from ..commands import TransitionRecord
from ..incident import Incident
from ..schema import TeamRow, UnitRow
from . import batch, history, marks, numbers, queries, series, sla, upkeep
from .batch import Outcome, Request
from .bulk import WRITER, Statements, head
from .engine import make_engine, migrate
from .wire import camera_wire


class Store:
    def __init__(self, url: str, catalog: Catalog, *, schema_ready: bool = False) -> None:
        self.url = url
        self.catalog = catalog
        self.engine = make_engine(url)
        # this Store's writes carry its id in their NOTIFY (bulk.bump): a hub skips its own
        self.writer_id = uuid.uuid4().hex[:12]
        event.listen(self.engine, "connect", lambda _dbapi, record: record.info.__setitem__(WRITER, self.writer_id))
        if not schema_ready:
            migrate(self.engine)
        self._seed()
        self.sql = Statements(self.engine.dialect)  # the writes of every batch, prepared once
        self.camera_places = {c["id"]: c for c in catalog.to_wire()["cameras"]}  # where each camera is
        self.recall = history.Recall()  # the last few states rebuilt (query.state_at, checkpoints)
        upkeep.ensure_base(self)  # the first state checkpoint, if there is none yet

    def close(self) -> None:
        self.engine.dispose()

    def _seed(self) -> None:
        """Put the catalog's teams and units in the database once (their live state lives here)."""
        with self.engine.begin() as conn:
            have_units = set(conn.scalars(select(UnitRow.id)))
            have_teams = set(conn.scalars(select(TeamRow.id)))
            units = [dict(id=u.id, team=u.team, kind=u.kind, callsign=u.callsign, lat=u.lat, lon=u.lon,
                          status=u.status, heading=None, speed=None, version=1, updated_at=None)
                     for u in self.catalog.units.values() if u.id not in have_units]
            teams = [dict(id=t.id, name_zh=t.name_zh, name_en=t.name_en, department=t.department,
                          home_grid=t.home_grid, on_duty=True)
                     for t in self.catalog.teams.values() if t.id not in have_teams]
            if units:
                conn.execute(insert(UnitRow), units)
            if teams:
                conn.execute(insert(TeamRow), teams)

    def camera_wire(self, row: dict[str, Any]) -> dict[str, Any]:
        """A camera as consoles see it: where it is (catalog) and its live state."""
        return camera_wire(self.camera_places.get(row["id"], {"id": row["id"]}), row)

    # ---- commands ----------------------------------------------------------------------------

    def execute(self, requests: Sequence[Request], now: datetime | None = None) -> list[Outcome]:
        """Apply a batch of commands in one transaction; return one Outcome per request."""
        if not requests:
            return []
        now = now or datetime.now(UTC)
        # PostgreSQL: incident numbers and notice ids in their own transaction, committed now, so
        # the batch's holds no counter lock but seq's, from its writes on (store/batch.py)
        numbers = batch.take_numbers(self, requests, now)
        for attempt in range(3):
            try:
                with self.engine.begin() as conn:
                    return batch.run(self, conn, requests, now, numbers)
            except IntegrityError:
                # Another hub on the same database won a race (same external_id or command id):
                # run the batch again; this time the reads see the winner.
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    # ---- the SLA clock and upkeep --------------------------------------------------------------

    def sla_sweep(self, now: datetime | None = None) -> list[str]:
        return sla.sla_sweep(self, now)

    def make_checkpoint(self, now: datetime | None = None, every: int = upkeep.CHECKPOINT_EVENTS,
                        age: timedelta = upkeep.CHECKPOINT_AGE) -> int | None:
        """A state checkpoint if one is due (store/upkeep.py); its seq, or None."""
        return upkeep.make_checkpoint(self, now, every, age)

    def next_checkpoint(self, every: int = upkeep.CHECKPOINT_EVENTS) -> int:
        """The seq at which the next state checkpoint falls due by count."""
        return upkeep.next_checkpoint(self, every)

    def thin_tracks(self, now: datetime | None = None, full: timedelta = timedelta(days=14)) -> bool:
        """Thin one stretch of unit positions older than ``full``; False when none is left."""
        return upkeep.thin_tracks(self, now, full)

    def prune_log(self, now: datetime | None = None, keep: timedelta = timedelta(days=400)) -> int:
        """Forget one chunk of events older than ``keep`` (never past a kept checkpoint); 0 when done."""
        return upkeep.prune_log(self, now, keep)

    def prune_processed(self, now: datetime | None = None, keep: timedelta = timedelta(days=2)) -> int:
        return sla.prune_processed(self, now, keep)

    # ---- reading -------------------------------------------------------------------------------

    def head(self) -> int:
        with self.engine.connect() as conn:
            return head(conn)

    def events_since(self, after: int, limit: int | None = None) -> list[str] | None:
        return queries.events_since(self, after, limit)

    def events_between(self, after: int, upto: int, limit: int = 5000) -> list[str]:
        return queries.events_between(self, after, upto, limit)

    def snapshot(self) -> dict[str, Any]:
        return queries.snapshot(self)

    def incident(self, incident_id: str) -> Incident | None:
        return queries.incident(self, incident_id)

    def transitions(self, incident_id: str) -> list[TransitionRecord]:
        return queries.transitions(self, incident_id)

    def all_transitions(self, since: datetime | None = None) -> Iterable[TransitionRecord]:
        return queries.transitions(self, since=since)

    def query_history(self, args: dict[str, Any]) -> dict[str, Any]:
        return queries.query_history(self, args)

    def query_incidents(self, args: dict[str, Any]) -> dict[str, Any]:
        return queries.query_incidents(self, args)

    def query_indicators(self, args: dict[str, Any]) -> dict[str, Any]:
        """``query.indicators``: the counts from per-hour rollups (store/numbers.py), scored with
        ``self.scoring`` (the hub sets it from its config)."""
        return numbers.query_indicators(self, args, getattr(self, "scoring", None))

    def query_events(self, args: dict[str, Any]) -> dict[str, Any]:
        """``query.events`` (CONTRACT §5 "Looking back"): stored event frames, paged (store/history.py)."""
        return history.query_events(self, args)

    def query_state_at(self, args: dict[str, Any]) -> dict[str, Any]:
        """``query.state_at``: the active state at a seq or a time, paged (store/history.py)."""
        return history.query_state_at(self, args)

    def query_marks(self, args: dict[str, Any]) -> dict[str, Any]:
        """``query.marks`` (docs/PROTOCOL.md): the replay slider's ticks over a span (store/marks.py)."""
        return marks.query_marks(self, args)

    def query_series(self, args: dict[str, Any]) -> dict[str, Any]:
        """``query.series`` (docs/PROTOCOL.md): the numbers' charts over a window (store/series.py)."""
        return series.query_series(self, args)
