"""The database tables (SQLAlchemy 2 typed ORM). Alembic migrations in ./migrations own the DDL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# SQLite only auto-increments an INTEGER PRIMARY KEY.
BigID = BigInteger().with_variant(Integer(), "sqlite")


BIND_CACHE = 4096  # instants converted per dialect, kept for the next statements
_BIND_CACHES: dict[tuple[str, str, type], Callable[[datetime], Any]] = {}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on both SQLite (which stores naive text) and PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use aware UTC times")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def bind_processor(self, dialect: Any) -> Callable[[datetime | None], Any]:
        convert = super().bind_processor(dialect)  # process_bind_param, then the dialect's own step
        assert convert is not None
        # One cache per dialect, shared by every statement's processor: a cache per processor (one
        # for each compiled statement and datetime column, a hundred and more in a hub) filled
        # for half an hour and held ~20 MB of a hub's memory.
        # keyed by the impl too: the same dialect's generic DateTime and its own DATETIME convert
        # differently (SQLite's formats the text)
        key = (dialect.name, dialect.driver, type(self.impl_instance))
        cached = _BIND_CACHES.get(key)
        if cached is None:
            cached = _BIND_CACHES.setdefault(key, lru_cache(maxsize=BIND_CACHE)(convert))

        def process(value: datetime | None) -> Any:
            # A batch binds the same few instants again and again (its `now`, the deadlines of
            # equal limits) and SQLite's DATETIME formats each one as text in Python, which was a
            # tenth of a batch's cost: convert each distinct instant once. Only UTC values are
            # cached: they are what the store binds, and in a zone with DST two datetimes that
            # compare equal can still be different instants.
            if value is not None and value.tzinfo is UTC:
                return cached(value)
            return convert(value)

        return process

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class IncidentRow(Base):
    """Current state of each incident (the transitions table is the history)."""

    __tablename__ = "incidents"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    state: Mapped[str] = mapped_column(String(16), index=True)
    version: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(16), index=True)
    priority: Mapped[str] = mapped_column(String(16))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    grid: Mapped[str | None] = mapped_column(String(15), index=True)
    community: Mapped[str | None] = mapped_column(String(12))
    street: Mapped[str | None] = mapped_column(String(9), index=True)
    description: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(200))
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    reported_by: Mapped[str] = mapped_column(String(200))
    reporter: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    external_id: Mapped[str | None] = mapped_column(String(200))
    photo_url: Mapped[str | None] = mapped_column(Text)
    source_category: Mapped[str | None] = mapped_column(String(200))
    drill: Mapped[bool] = mapped_column(Boolean, index=True)
    assignee: Mapped[str | None] = mapped_column(String(32), index=True)
    assignee_kind: Mapped[str | None] = mapped_column(String(16))
    escalated: Mapped[bool] = mapped_column(Boolean)
    rework: Mapped[int] = mapped_column(Integer)
    merged_into: Mapped[str | None] = mapped_column(String(32))
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    stage: Mapped[str | None] = mapped_column(String(16))
    stage_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sla: Mapped[str | None] = mapped_column(String(8))
    # When the SLA colour next changes: the clock sweeps rows whose instant has come.
    sla_next_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    extra: Mapped[dict[str, Any]] = mapped_column(JSON)
    # protocol 1.1 (migration 0003): how often the case was urged, and the reporter's call-backs
    urged: Mapped[int] = mapped_column(Integer, default=0)
    callbacks: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    extension: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # incident.extend: the last request
    parked: Mapped[bool] = mapped_column(Boolean, default=False)  # incident.park: the clock stopped
    parked_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    parked_spans: Mapped[list[list[str]] | None] = mapped_column(JSON)  # earlier parked spans, [from, to]
    parked_reason: Mapped[str | None] = mapped_column(Text)  # why it is parked now (the queue's ledger)
    caller_phone: Mapped[str | None] = mapped_column(String(40))  # incident.report, shown by role
    assignees: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)  # joint dispatch: lead and assists
    # evaluation facts (migration 0005): query.indicators is one GROUP BY over these
    accepted_by: Mapped[str | None] = mapped_column(String(200))
    f_dispatched: Mapped[bool] = mapped_column(Boolean, default=False)
    f_returned: Mapped[bool] = mapped_column(Boolean, default=False)
    f_extended: Mapped[bool] = mapped_column(Boolean, default=False)
    f_parked: Mapped[bool] = mapped_column(Boolean, default=False)
    handled_on_time: Mapped[bool | None] = mapped_column(Boolean)
    rating: Mapped[int | None] = mapped_column(Integer)
    # two-way assessment (migration 0007): the street's rating of the department, and its facts
    department_rating: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    f_escalated: Mapped[bool] = mapped_column(Boolean, default=False)
    signed_on_time: Mapped[bool | None] = mapped_column(Boolean)
    street_stars: Mapped[int | None] = mapped_column(Integer)
    # the hour it was reported in, as whole hours since 1970-01-01 UTC (migration 0006): the rollups
    # of query.indicators are per hour; set with the row, never changed (reported_at never changes)
    report_hour: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = (UniqueConstraint("source", "external_id", name="uq_incident_source_external"),)


class TransitionRow(Base):
    """Append-only audit trail: never updated, never deleted."""

    __tablename__ = "transitions"
    id: Mapped[int] = mapped_column(BigID, primary_key=True, autoincrement=True)
    incident: Mapped[str] = mapped_column(ForeignKey("incidents.id"), index=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(16))
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class EventRow(Base):
    """Every event with its hub-wide seq; ``frame`` is the exact JSON sent to consoles. Kept for
    ``retention_days``; old unit positions thinned (store/upkeep.py, docs/STORE.md)."""

    __tablename__ = "events"
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)  # ix_events_at_seq below
    kind: Mapped[str] = mapped_column(String(16))
    frame: Mapped[str] = mapped_column(Text)
    # the id of what the event is about (incident, unit, camera, notice; migration 0008): thinning
    # keeps one position per unit per minute, and a replay decodes only each one's last event
    subject: Mapped[str | None] = mapped_column(String(64))


# time -> seq (query.state_at's ``at``, thinning's windows): the newest event at or before a time is
# one step down this index on both databases
Index("ix_events_at_seq", EventRow.at, EventRow.seq)


class CheckpointRow(Base):
    """The active state (incidents, units, cameras, the last day's notices) as a console holds it
    after applying every event up to ``seq``: zlib-compressed JSON (store/replay.py). query.state_at
    starts from the nearest one at or before the moment asked for and replays the events after it."""

    __tablename__ = "checkpoints"
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the time of event ``seq`` (None: seq 0)
    made_at: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[bytes] = mapped_column(LargeBinary)


class CounterRow(Base):
    """Gap-free counters: the event seq, and incident numbers per day. Updating the row locks
    it until commit, so seq order is commit order even with several hubs on one database."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class ProcessedCommandRow(Base):
    """First result of every command id, so a resent command changes nothing."""

    __tablename__ = "processed_commands"
    user: Mapped[str] = mapped_column(String(200), primary_key=True)
    command_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    result: Mapped[str] = mapped_column(Text)


class UnitRow(Base):
    __tablename__ = "units"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    team: Mapped[str] = mapped_column(String(32), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    callsign: Mapped[str] = mapped_column(String(64))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16))
    heading: Mapped[float | None] = mapped_column(Float)
    speed: Mapped[float | None] = mapped_column(Float)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class TeamRow(Base):
    __tablename__ = "teams"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    department: Mapped[str | None] = mapped_column(String(32))
    home_grid: Mapped[str | None] = mapped_column(String(15))
    on_duty: Mapped[bool] = mapped_column(Boolean)


Index("ix_incidents_active_reported", IncidentRow.state, IncidentRow.reported_at)
Index("ix_incidents_drill_report_hour", IncidentRow.drill, IncidentRow.report_hour)


class CameraStateRow(Base):
    """Live state of a camera (the catalog holds where it is); a row exists once it changed."""

    __tablename__ = "camera_states"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))  # online | offline | alarm
    incident: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text)
    drill: Mapped[bool] = mapped_column(Boolean)
    drill_run: Mapped[str | None] = mapped_column(String(200), index=True)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(200))


class NoticeRow(Base):
    """Notices posted to every console (shift notes, drill injects, warnings)."""

    __tablename__ = "notices"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    text: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(String(16))  # info | warning | urgent
    drill: Mapped[bool] = mapped_column(Boolean, index=True)
    drill_run: Mapped[str | None] = mapped_column(String(200), index=True)
    by: Mapped[str] = mapped_column(String(200))
    cap_id: Mapped[str | None] = mapped_column(String(64))  # the CAP alert it sent (migration 0009)


class CapAlertRow(Base):
    """CAP 1.2 alerts sent with notices (models/cap.py, docs/CAP.md; migration 0009): every field
    the XML needs, so that an alert renders the same every time. Kept when a drill is purged
    (they went out; they say Exercise)."""

    __tablename__ = "cap_alerts"
    identifier: Mapped[str] = mapped_column(String(64), primary_key=True)
    number: Mapped[int] = mapped_column(BigInteger)  # the notice's number (N<number>): newest first
    notice: Mapped[str] = mapped_column(String(32))
    sender: Mapped[str] = mapped_column(String(200))
    sent: Mapped[str] = mapped_column(String(32))  # CAP's dateTime, as sent: local time and offset
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16))  # Actual | Exercise
    msg_type: Mapped[str] = mapped_column(String(16))  # Alert | Update | Cancel
    scope: Mapped[str] = mapped_column(String(16))
    refers_to: Mapped[str | None] = mapped_column(String(64), index=True)  # the alert it updates or cancels
    refs: Mapped[str | None] = mapped_column(Text)  # CAP's references: "sender,identifier,sent" …
    note: Mapped[str | None] = mapped_column(Text)
    drill: Mapped[bool] = mapped_column(Boolean)
    drill_run: Mapped[str | None] = mapped_column(String(200))
    info: Mapped[list[dict[str, Any]]] = mapped_column(JSON)


Index("ix_cap_alerts_drill_sent_at", CapAlertRow.drill, CapAlertRow.sent_at, CapAlertRow.number)


# ---- query.indicators' per-hour rollups (migration 0006; store/rollups.py says how they are kept) --

class NumberHourRow(Base):
    """One row per hour that ever had a case: its version goes up in the very transaction that
    creates, changes or purges one of that hour's cases."""

    __tablename__ = "number_hours"
    hour: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer)


class NumberBuiltRow(Base):
    """The hour's version a rollup of one kind (a grouping) was built from: the rollup is valid
    while this equals ``number_hours.version``."""

    __tablename__ = "number_built"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    hour: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer)


class NumberRollupRow(Base):
    """The counts of query.indicators for the cases of one hour, drill flag and group key (of the
    grouping ``kind``): one column per count of ``store/counts.AGGREGATES`` (a count added there
    needs its column here and a migration; counts.py checks that every count has one)."""

    __tablename__ = "number_rollups"
    id: Mapped[int] = mapped_column(BigID, primary_key=True, autoincrement=True)  # keys may be NULL
    kind: Mapped[str] = mapped_column(String(16))
    hour: Mapped[int] = mapped_column(Integer)
    drill: Mapped[bool] = mapped_column(Boolean)
    key: Mapped[str | None] = mapped_column(String(200))
    reported: Mapped[int] = mapped_column(Integer)
    accepted: Mapped[int] = mapped_column(Integer)
    rejected: Mapped[int] = mapped_column(Integer)
    gone: Mapped[int] = mapped_column(Integer)
    dispatched: Mapped[int] = mapped_column(Integer)
    returned: Mapped[int] = mapped_column(Integer)
    reworks: Mapped[int] = mapped_column(Integer)
    closed: Mapped[int] = mapped_column(Integer)
    closed_on_time: Mapped[int] = mapped_column(Integer)
    extensions: Mapped[int] = mapped_column(Integer)
    parked: Mapped[int] = mapped_column(Integer)
    urged: Mapped[int] = mapped_column(Integer)
    rated: Mapped[int] = mapped_column(Integer)
    satisfied: Mapped[int] = mapped_column(Integer)
    hotline: Mapped[int] = mapped_column(Integer)
    hotline_accepted: Mapped[int] = mapped_column(Integer)
    hotline_closed: Mapped[int] = mapped_column(Integer)
    hotline_rated: Mapped[int] = mapped_column(Integer)
    hotline_satisfied: Mapped[int] = mapped_column(Integer)
    # two-way assessment (migration 0007)
    escalated: Mapped[int] = mapped_column(Integer, default=0)
    signed: Mapped[int] = mapped_column(Integer, default=0)
    signed_on_time: Mapped[int] = mapped_column(Integer, default=0)
    esc_handled: Mapped[int] = mapped_column(Integer, default=0)
    esc_handled_on_time: Mapped[int] = mapped_column(Integer, default=0)
    street_rated: Mapped[int] = mapped_column(Integer, default=0)
    street_stars: Mapped[int] = mapped_column(Integer, default=0)  # a sum of stars, not a 0 or 1


Index("ix_number_rollups_kind_drill_hour", NumberRollupRow.kind, NumberRollupRow.drill, NumberRollupRow.hour)
