"""The store: applies commands atomically and keeps the event log.

One call to ``Store.execute`` takes a batch of commands and runs them in ONE transaction:
read what they need, compute every outcome with the pure functions of ``commands``, allocate
the seq range, write incidents + transitions + events + processed ids, commit. Committing a
batch at once is what keeps throughput high under load; answering only after commit is what
makes an ``ok`` survive ``kill -9``.

Works unchanged on SQLite (WAL) and PostgreSQL. Never call it from the GUI thread.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Engine,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.exc import IntegrityError

from . import commands as cmds
from .catalog import UNIT_STATUSES, Catalog
from .commands import Applied, CommandError, TransitionRecord
from .frames import dumps as _dumps
from .frames import dumps_with, event_frame
from .incident import Incident, iso, parse_instant, parse_iso
from .lifecycle import ACTIVE_STATES, FINAL_STATES, Actor, Role, State
from .schema import (
    Base,
    CameraStateRow,
    CounterRow,
    EventRow,
    IncidentRow,
    NoticeRow,
    ProcessedCommandRow,
    TeamRow,
    TransitionRow,
    UnitRow,
)

SEQ = "seq"
NOTICE = "notice"
SNAPSHOT_NOTICES = 100  # the newest notices of the last day ride in a snapshot
MAX_QUERY_LIMIT = 500
QUERY_BUDGET = 600_000  # bytes of incidents in one query answer
_INCIDENT_COLS = [c.name for c in IncidentRow.__table__.columns]
_FIELDS = set(Incident.__dataclass_fields__)


@dataclass(frozen=True)
class Request:
    actor: Actor
    name: str
    args: dict[str, Any]  # already through commands.validate_args
    command_id: str | None = None


@dataclass
class Outcome:
    result: dict[str, Any]  # the wire "result" frame
    events: list[str] = field(default_factory=list)  # event frames (JSON text) in seq order


def _fail(e: CommandError) -> dict[str, Any]:
    return {"ok": False, "code": e.code, "message": e.message}


def _row_to_incident(row: Any) -> Incident:
    m = row._mapping
    kw = {k: m[k] for k in _INCIDENT_COLS if k in _FIELDS}
    kw["state"] = State(kw["state"])
    kw["extra"] = kw.get("extra") or {}
    return Incident(**kw)


_UNIT_LIVE_COLS = ("lat", "lon", "status", "heading", "speed", "version", "updated_at")
_INCIDENT_FIELD_COLS = tuple(k for k in _INCIDENT_COLS if k in _FIELDS)


def _incident_values(inc: Incident, sla_next_at: datetime | None) -> dict[str, Any]:
    d = inc.__dict__  # a plain dataclass: its fields are its __dict__
    v = {k: d[k] for k in _INCIDENT_FIELD_COLS}
    v["state"] = inc.state.value
    v["sla_next_at"] = sla_next_at
    return v


class _Many:
    """One INSERT or UPDATE, compiled once for the engine's dialect and run as a plain driver
    executemany.

    Core's own executemany rebuilt and re-processed every parameter of every row through its
    generic machinery, which cost more than the database's work. Here each value still goes
    through the bind processor of its column type (UTCDateTime, JSON: the very functions Core
    uses), so the stored values are the same; the rest is one tuple or dict per row.
    ``exec_driver_sql`` keeps SQLAlchemy's transaction and its IntegrityError wrapping.
    """

    def __init__(self, stmt: Any, dialect: Dialect) -> None:
        compiled = stmt.compile(dialect=dialect, for_executemany=True)
        self.sql = compiled.string
        self.positional = compiled.positional  # qmark on SQLite; named (pyformat) on psycopg
        self.names = tuple(compiled.positiontup if compiled.positional else compiled.binds)
        assert len(self.names) > 1  # itemgetter of one name would return a bare value
        self.values = itemgetter(*self.names)  # a row's values in bind order, in one C call
        self.processors = [
            (k, proc)
            for k, name in enumerate(self.names)
            if (proc := compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)) is not None
        ]

    def run(self, conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        params: list[Any] = []
        for row in rows:
            v = list(self.values(row))
            for k, proc in self.processors:
                v[k] = proc(v[k])
            params.append(tuple(v) if self.positional else dict(zip(self.names, v, strict=True)))
        conn.exec_driver_sql(self.sql, params)


def _insert_all(table: Any, skip: tuple[str, ...] = ()) -> Any:
    return insert(table).values({c.name: bindparam(c.name) for c in table.c if c.name not in skip})


def _update_by_id(table: Any, cols: Iterable[str]) -> Any:
    # "_id", not "id": a bound name may not repeat a column that SET assigns.
    return update(table).where(table.c.id == bindparam("_id")).values({c: bindparam(c) for c in cols})


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # WAL lets readers (snapshots, queries) run beside the writer; synchronous=FULL makes a
    # committed batch survive power loss as well as kill -9.
    dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN below control transactions
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            # IMMEDIATE takes the write lock at BEGIN, so two writers never deadlock upgrading.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class Store:
    def __init__(self, url: str, catalog: Catalog, *, schema_ready: bool = False) -> None:
        self.url = url
        self.catalog = catalog
        self.engine = make_engine(url)
        if not schema_ready:
            migrate(self.engine)
        self._seed()
        # The writes of every batch, prepared once (see _Many).
        d = self.engine.dialect
        t = Base.metadata.tables
        self._ins_incidents = _Many(_insert_all(t["incidents"]), d)
        self._upd_incidents = _Many(_update_by_id(t["incidents"], [c for c in _INCIDENT_COLS if c != "id"]), d)
        self._ins_transitions = _Many(_insert_all(t["transitions"], skip=("id",)), d)
        self._ins_events = _Many(_insert_all(t["events"]), d)
        self._ins_processed = _Many(_insert_all(t["processed_commands"]), d)
        self._upd_units = _Many(_update_by_id(t["units"], _UNIT_LIVE_COLS), d)
        self._upd_sla = _Many(_update_by_id(t["incidents"], ("sla", "deadline", "sla_next_at")), d)
        self._ins_notices = _Many(_insert_all(t["notices"]), d)
        self._cameras = {c["id"]: c for c in catalog.to_wire()["cameras"]}  # where each camera is

    def close(self) -> None:
        self.engine.dispose()

    # ---- reference data ----------------------------------------------------------------------

    def _seed(self) -> None:
        """Put the catalog's teams and units in the database once (their live state lives here)."""
        with self.engine.begin() as conn:
            have_units = set(conn.scalars(select(UnitRow.id)))
            have_teams = set(conn.scalars(select(TeamRow.id)))
            units = [
                dict(id=u.id, team=u.team, kind=u.kind, callsign=u.callsign, lat=u.lat, lon=u.lon,
                     status=u.status, heading=None, speed=None, version=1, updated_at=None)
                for u in self.catalog.units.values() if u.id not in have_units
            ]
            teams = [
                dict(id=t.id, name_zh=t.name_zh, name_en=t.name_en, department=t.department,
                     home_grid=t.home_grid, on_duty=True)
                for t in self.catalog.teams.values() if t.id not in have_teams
            ]
            if units:
                conn.execute(insert(UnitRow), units)
            if teams:
                conn.execute(insert(TeamRow), teams)

    # ---- commands ----------------------------------------------------------------------------

    def execute(self, requests: Sequence[Request], now: datetime | None = None) -> list[Outcome]:
        """Apply a batch of commands in one transaction; return one Outcome per request."""
        if not requests:
            return []
        now = now or datetime.now(UTC)
        for attempt in range(3):
            try:
                with self.engine.begin() as conn:
                    return self._execute(conn, requests, now)
            except IntegrityError:
                # Another hub on the same database won a race (same external_id or command id):
                # run the batch again; this time the reads see the winner.
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _execute(self, conn: Connection, requests: Sequence[Request], now: datetime) -> list[Outcome]:
        cat = self.catalog

        # 1. Command ids already answered (by an earlier batch, or earlier in this one).
        keys = {(r.actor.name, r.command_id) for r in requests if r.command_id is not None}
        done: dict[tuple[str, str], dict[str, Any]] = {}
        p = ProcessedCommandRow
        for user, cid, result in _pairs_in(conn, p.user, p.command_id, keys, p.result):
            done[(user, cid)] = json.loads(result)

        # 2. Load every incident and unit the batch touches, locked (FOR UPDATE on PostgreSQL).
        ids = {r.args[k] for r in requests for k in ("incident", "into") if k in r.args}
        incidents: dict[str, Incident] = {}
        for chunk in _chunks(sorted(ids), 400):
            q = select(IncidentRow).where(IncidentRow.id.in_(chunk)).with_for_update()
            incidents.update((i.id, i) for i in map(_row_to_incident, conn.execute(q)))
        unit_ids = {r.args["unit"] for r in requests if r.name == "unit.update"}
        units: dict[str, dict[str, Any]] = {}
        if unit_ids:
            q = select(UnitRow).where(UnitRow.id.in_(sorted(unit_ids))).with_for_update()
            units = {row.id: dict(row._mapping) for row in conn.execute(q)}
        ext_pairs = {
            (r.args["source"], r.args["external_id"])
            for r in requests
            if r.name == "incident.report" and r.args.get("external_id")
        }
        existing_ext: dict[tuple[str, str], str] = {}
        for s, e, i in _pairs_in(conn, IncidentRow.source, IncidentRow.external_id, ext_pairs, IncidentRow.id):
            existing_ext[(s, e)] = i
        missing_ext = {existing_ext[p] for p in ext_pairs if p in existing_ext} - set(incidents)
        if missing_ext:
            q = select(IncidentRow).where(IncidentRow.id.in_(sorted(missing_ext)))
            incidents.update((i.id, i) for i in map(_row_to_incident, conn.execute(q)))
        cam_ids = {r.args["camera"] for r in requests if r.name == "camera.update"}
        cameras: dict[str, dict[str, Any]] = {}
        purging = any(r.name == "drill.purge" for r in requests)
        drill_notices: list[tuple[str, bool, str | None]] = []
        if purging:
            # Every drill incident, camera state and notice (drill data is small; the run is
            # matched here in Python so that no JSON query differs between the databases).
            q = select(IncidentRow).where(IncidentRow.drill.is_(True)).with_for_update()
            for inc in map(_row_to_incident, conn.execute(q)):
                incidents.setdefault(inc.id, inc)
            cam_ids |= set(conn.scalars(select(CameraStateRow.id).where(CameraStateRow.drill.is_(True))))
            n = NoticeRow
            q = select(n.id, n.drill, n.drill_run).where(n.drill.is_(True))
            drill_notices = [tuple(r) for r in conn.execute(q)]
        if cam_ids:
            q = select(CameraStateRow).where(CameraStateRow.id.in_(sorted(cam_ids))).with_for_update()
            cameras = {row.id: dict(row._mapping) for row in conn.execute(q)}

        # 3. Incident numbers for new reports: <county><local date><serial>, one counter per day.
        n_reports = sum(1 for r in requests if r.name == "incident.report")
        new_ids: list[str] = []
        if n_reports:
            day = now.astimezone(cat.calendar.tz).strftime("%Y%m%d")
            first = _bump(conn, f"incident:{day}", n_reports)
            new_ids = [f"{cat.district.code}{day}{n:04d}" for n in range(first, first + n_reports)]
        new_ids.reverse()
        n_notices = sum(1 for r in requests if r.name in ("notice.post", "drill.purge"))
        notice_ids: list[str] = []
        if n_notices:
            first = _bump(conn, NOTICE, n_notices)
            notice_ids = [f"N{n}" for n in range(first, first + n_notices)]
            notice_ids.reverse()
        new_notices: list[dict[str, Any]] = []
        camera_rows: dict[str, dict[str, Any]] = {}  # cameras changed by this batch, last state
        purged: set[str] = set()  # incidents deleted by drill.purge in this batch
        purged_notices: set[str] = set()

        # 4. Compute every outcome in memory, in order (later commands see earlier ones).
        changed: dict[str, Applied] = {}  # the last change of each incident
        created: set[str] = set()
        transitions: list[TransitionRecord] = []
        # (request index, kind, event data, JSON of the result's payload, JSON of the event data)
        pending: list[tuple[int, str, dict[str, Any], str, str]] = []
        processed: list[dict[str, Any]] = []
        results: list[dict[str, Any]] = [{} for _ in requests]
        twins: list[tuple[int, tuple[str, str]]] = []  # repeated ids: (request index, key)
        for i, req in enumerate(requests):
            key = (req.actor.name, req.command_id) if req.command_id is not None else None
            if key is not None and key in done:
                twins.append((i, key))  # answered at the end, once the first has its seq
                continue
            result: dict[str, Any]
            try:
                if req.name == "incident.report":
                    inc_id = new_ids.pop()
                    pair = (req.args["source"], req.args.get("external_id"))
                    if pair[1] and pair in existing_ext:
                        # Same source + external_id: the existing incident, unchanged.
                        result = {"ok": True, "incident": incidents[existing_ext[pair]].to_wire(), "existing": True}
                    else:
                        applied = cmds.new_incident(inc_id, req.args, req.actor, now, cat)
                        wire = self._take(applied, incidents, changed, transitions, pending, i)
                        created.add(inc_id)
                        if pair[1]:
                            existing_ext[pair] = inc_id
                        result = {"ok": True, "incident": wire}
                elif req.name == "unit.update":
                    data = self._unit_update(req, units, now)
                    data_json = _dumps(data)
                    pending.append((i, "unit", data, data_json, data_json))
                    result = {"ok": True, "unit": data}
                elif req.name == "camera.update":
                    ref = req.args.get("incident")
                    row = cmds.camera_state(req.args, req.actor, now, cat, cameras.get(req.args["camera"]),
                                            ref in incidents and ref not in purged)
                    cameras[row["id"]] = camera_rows[row["id"]] = row
                    data = self._camera_wire(row)
                    data_json = _dumps(data)
                    pending.append((i, "camera", data, data_json, data_json))
                    result = {"ok": True, "camera": data}
                elif req.name == "notice.post":
                    row = cmds.notice(notice_ids.pop(), req.args, req.actor, now)
                    new_notices.append(row)
                    data = _notice_wire(row)
                    data_json = _dumps(data)
                    pending.append((i, "notice", data, data_json, data_json))
                    result = {"ok": True, "notice": data}
                elif req.name == "drill.purge":
                    result = self._purge(req, i, now, incidents, cameras, camera_rows, drill_notices,
                                         new_notices, purged, purged_notices, notice_ids.pop(), pending)
                else:
                    inc = incidents.get(req.args["incident"])
                    if inc is None or inc.id in purged:
                        raise CommandError("not_found", f"no incident {req.args['incident']!r}")
                    applied = cmds.apply_incident_command(
                        inc, req.name, req.args, req.actor, now, cat, incidents.get
                    )
                    wire = self._take(applied, incidents, changed, transitions, pending, i)
                    result = {"ok": True, "incident": wire}
            except CommandError as e:
                result = _fail(e)
            result = {"type": "result", "id": req.command_id, **result}
            results[i] = result
            if key is not None:
                done[key] = result
                processed.append({"user": key[0], "command_id": key[1], "at": now, "result": None, "_i": i})

        # 5. Seq range, then write everything.
        per_request: list[list[str]] = [[] for _ in requests]
        if pending:
            first_seq = _bump(conn, SEQ, len(pending))
            at = iso(now)
            ev_rows = []
            seq_of_transition: list[int] = []
            for n, (i, kind, _data, _payload_json, data_json) in enumerate(pending):
                seq = first_seq + n
                frame = event_frame(seq, at, kind, data_json)
                ev_rows.append({"seq": seq, "at": now, "kind": kind, "frame": frame})
                per_request[i].append(frame)
                if kind == "incident" and not _data.get("purged"):  # a purge records no transition
                    seq_of_transition.append(seq)
                results[i]["seq"] = seq
            self._ins_incidents.run(conn, [
                _incident_values(changed[x].incident, changed[x].sla_next_at) for x in sorted(created)
            ])
            updates = []
            for x, a in changed.items():
                if x not in created:
                    u = _incident_values(a.incident, a.sla_next_at)
                    u["_id"] = u.pop("id")
                    updates.append(u)
            self._upd_incidents.run(conn, updates)
            self._ins_transitions.run(conn, [
                {
                    "incident": t.incident, "seq": s, "at": t.at, "actor": t.actor, "role": t.role,
                    "action": t.action, "from_state": t.from_state, "to_state": t.to_state,
                    "note": t.note, "deadline": t.deadline, "data": t.data,
                }
                for t, s in zip(transitions, seq_of_transition, strict=True)
            ])
            unit_rows = [d for (_i, k, d, *_json) in pending if k == "unit"]
            if unit_rows:
                latest = {r["id"]: units[r["id"]] for r in unit_rows}  # only the last state of each unit
                self._upd_units.run(conn, [{"_id": u["id"], **{c: u[c] for c in _UNIT_LIVE_COLS}}
                                           for u in latest.values()])
            self._ins_events.run(conn, ev_rows)
            self._write_extras(conn, camera_rows, new_notices, purged, purged_notices)
        # result key = event kind (a purge's result has no single payload: it is encoded whole)
        payload_json = {i: (kind, pj) for (i, kind, _d, pj, _dj) in pending if kind in results[i]}
        for p in processed:
            i = p.pop("_i")
            if i in payload_json:
                p["result"] = dumps_with(results[i], *payload_json[i])
            else:
                p["result"] = _dumps(results[i])
        self._ins_processed.run(conn, processed)
        for i, key in twins:
            results[i] = dict(done[key], id=key[1])
        return [Outcome(results[i], per_request[i]) for i in range(len(requests))]

    @staticmethod
    def _take(applied: Applied, incidents, changed, transitions, pending, i) -> dict[str, Any]:
        """Record an applied change; return the incident's wire form (the result carries it)."""
        inc, tr = applied.incident, applied.transition
        incidents[inc.id] = inc
        changed[inc.id] = applied
        transitions.append(tr)
        wire = inc.to_wire()
        action = {"name": tr.action, "actor": tr.actor, "from": tr.from_state, "to": tr.to_state, "note": tr.note}
        data = dict(wire, action=action)
        # The wire form goes into the event and into the stored result: encode it once. The event
        # data is the wire form plus "action", so its JSON is the wire's, extended.
        wire_json = _dumps(wire)
        data_json = wire_json[:-1] + "," + _dumps({"action": action})[1:]
        pending.append((i, "incident", data, wire_json, data_json))
        return wire

    def _camera_wire(self, row: dict[str, Any]) -> dict[str, Any]:
        """A camera as consoles see it: where it is (catalog) and its live state."""
        return {**self._cameras.get(row["id"], {"id": row["id"]}), "status": row["status"], "incident": row["incident"],
                "note": row["note"], "drill": row["drill"], "drill_run": row["drill_run"],
                "version": row["version"], "updated_at": iso(row["updated_at"])}

    def _purge(self, req: Request, i: int, now: datetime, incidents: dict[str, Incident],
               cameras: dict[str, dict[str, Any]],
               camera_rows: dict[str, dict[str, Any]], drill_notices: list[tuple[str, bool, str | None]],
               new_notices: list[dict[str, Any]], purged: set[str], purged_notices: set[str],
               notice_id: str, pending: list[tuple[int, str, dict[str, Any], str, str]]) -> dict[str, Any]:
        """``drill.purge``: drop one drill run's incidents (with their transitions), notices and
        camera marks; never anything real (only rows flagged drill at the source are looked at).

        Events: each incident goes out once more as ``rejected`` with ``"purged": true`` and
        action ``purge`` (every v1 client drops a rejected incident from its active list); each
        camera the drill had marked returns to ``online``; one closing ``notice`` lists what went."""
        run = req.args["drill"]
        actor = req.actor
        gone = sorted(x for x, inc in incidents.items()
                      if x not in purged and cmds.in_drill_run(inc.drill, inc.extra.get("drill_run"), run))
        for x in gone:
            inc = incidents.pop(x)  # its rows (even if written earlier in this batch) go in _write_extras
            purged.add(x)
            wire = inc.evolve(state=State.REJECTED, version=inc.version + 1, updated_at=now, stage=None,
                              deadline=None, sla=None).to_wire()
            data = dict(wire, purged=True, action={"name": "purge", "actor": actor.name, "from": inc.state.value,
                                                   "to": State.REJECTED.value, "note": f"drill {run} purged"})
            data_json = _dumps(data)
            pending.append((i, "incident", data, data_json, data_json))
        notices = sorted({nid for nid, drill, dr in drill_notices if cmds.in_drill_run(drill, dr, run)}
                         | {n["id"] for n in new_notices if cmds.in_drill_run(n["drill"], n["drill_run"], run)})
        purged_notices.update(notices)
        new_notices[:] = [n for n in new_notices if n["id"] not in purged_notices]
        reset = []
        for cid, row in sorted(cameras.items()):
            if cmds.in_drill_run(row["drill"], row["drill_run"], run):
                row = {"id": cid, "status": "online", "incident": None, "note": None, "drill": False,
                       "drill_run": None, "version": row["version"] + 1, "updated_at": now,
                       "updated_by": actor.name}
                cameras[cid] = camera_rows[cid] = row
                data = self._camera_wire(row)
                data_json = _dumps(data)
                pending.append((i, "camera", data, data_json, data_json))
                reset.append(cid)
        summary = {"drill": run, "incidents": gone, "notices": notices, "cameras": reset}
        text = f"drill {run} purged: {len(gone)} incidents, {len(notices)} notices, {len(reset)} cameras"
        data = {"id": notice_id, "text": text, "level": "info", "drill": True, "drill_run": None, "by": actor.name,
                "at": iso(now), "purged": summary}
        data_json = _dumps(data)
        pending.append((i, "notice", data, data_json, data_json))
        return {"ok": True, "purged": summary}

    def _write_extras(self, conn: Connection, camera_rows: dict[str, dict[str, Any]],
                      new_notices: list[dict[str, Any]], purged: set[str], purged_notices: set[str]) -> None:
        """Camera states, notices and a purge's deletions, after the batch's other writes."""
        if camera_rows:
            ids = sorted(camera_rows)
            conn.execute(delete(CameraStateRow).where(CameraStateRow.id.in_(ids)))
            conn.execute(insert(CameraStateRow), [camera_rows[c] for c in ids])
        self._ins_notices.run(conn, new_notices)
        for chunk in _chunks(sorted(purged), 400):
            conn.execute(delete(TransitionRow).where(TransitionRow.incident.in_(chunk)))
            conn.execute(delete(IncidentRow).where(IncidentRow.id.in_(chunk)))
        for chunk in _chunks(sorted(purged_notices), 400):
            conn.execute(delete(NoticeRow).where(NoticeRow.id.in_(chunk)))

    def _unit_update(self, req: Request, units: dict[str, dict[str, Any]], now: datetime) -> dict[str, Any]:
        a = req.args
        unit = units.get(a["unit"])
        if unit is None:
            raise CommandError("not_found", f"no unit {a['unit']!r}")
        if req.actor.role is Role.FIELD and unit["team"] != req.actor.team:
            raise CommandError("forbidden", f"{req.actor.name!r} acts for team {req.actor.team}, not {unit['team']}")
        if a["status"] not in UNIT_STATUSES:
            raise CommandError("invalid_args", f"status must be one of {', '.join(UNIT_STATUSES)}")
        unit.update(lat=a["lat"], lon=a["lon"], status=a["status"], heading=a.get("heading"),
                    speed=a.get("speed"), version=unit["version"] + 1, updated_at=now)
        return _unit_wire(unit)

    # ---- the SLA clock -------------------------------------------------------------------------

    def sla_sweep(self, now: datetime | None = None) -> list[str]:
        """Turn SLA colour changes that came due into events (nobody touched the incidents)."""
        now = now or datetime.now(UTC)
        with self.engine.begin() as conn:
            q = (
                select(IncidentRow)
                .where(IncidentRow.sla_next_at <= now, IncidentRow.state.in_([s.value for s in ACTIVE_STATES]))
                .order_by(IncidentRow.sla_next_at, IncidentRow.id)
                .limit(5000)
                .with_for_update()
            )
            due = [_row_to_incident(r) for r in conn.execute(q)]
            changes = []  # (old, new, new's sla_next_at)
            for inc in due:
                new, next_at = cmds.clock(inc, self.catalog, now)
                changes.append((inc, new, next_at))
            frames: list[str] = []
            real = [(o, n) for o, n, _ in changes if o.sla != n.sla]
            if real:
                first = _bump(conn, SEQ, len(real))
                rows = []
                for k, (old, new) in enumerate(real):
                    data = new.to_wire()
                    data["action"] = {"name": "sla", "actor": "system", "from": old.state.value,
                                      "to": new.state.value, "note": f"{old.sla} → {new.sla}"}
                    frame = event_frame(first + k, iso(now), "incident", _dumps(data))
                    frames.append(frame)
                    rows.append({"seq": first + k, "at": now, "kind": "incident", "frame": frame})
                self._ins_events.run(conn, rows)
            # Also moves sla_next_at on, changed colour or not.
            self._upd_sla.run(conn, [
                {"_id": new.id, "sla": new.sla, "deadline": new.deadline, "sla_next_at": next_at}
                for _old, new, next_at in changes
            ])
            return frames

    # ---- reading -------------------------------------------------------------------------------

    def head(self) -> int:
        with self.engine.connect() as conn:
            return _head(conn)

    def events_since(self, after: int, limit: int | None = None) -> list[str] | None:
        """Event frames with seq > after, or None if some of them are no longer held."""
        with self.engine.connect() as conn:
            head = _head(conn)
            if after > head or after < 0:
                return None
            if after == head:
                return []
            oldest = conn.scalar(select(func.min(EventRow.seq)))
            if oldest is None or oldest > after + 1:
                return None
            q = select(EventRow.frame).where(EventRow.seq > after).order_by(EventRow.seq)
            if limit:
                q = q.limit(limit)
            return list(conn.scalars(q))

    def prune_events(self, now: datetime | None = None, keep: timedelta = timedelta(hours=24),
                     keep_min: int = 100_000) -> int:
        """Forget events older than ``keep`` beyond the newest ``keep_min`` (both are kept)."""
        now = now or datetime.now(UTC)
        with self.engine.begin() as conn:
            head = _head(conn)
            res = conn.execute(
                delete(EventRow).where(EventRow.seq <= head - keep_min, EventRow.at < now - keep)
            )
            return res.rowcount or 0

    def prune_processed(self, now: datetime | None = None, keep: timedelta = timedelta(days=2)) -> int:
        """Forget remembered command results older than ``keep``. A client resends an unanswered
        command within seconds of reconnecting; two days covers any outage worth resuming."""
        now = now or datetime.now(UTC)
        with self.engine.begin() as conn:
            res = conn.execute(delete(ProcessedCommandRow).where(ProcessedCommandRow.at < now - keep))
            return res.rowcount or 0

    def snapshot(self) -> dict[str, Any]:
        """Head + active incidents + live units/teams, read consistently in one transaction."""
        with self.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                head = _head(conn)
                q = select(IncidentRow).where(IncidentRow.state.in_([s.value for s in ACTIVE_STATES]))
                incidents = [_row_to_incident(r).to_wire() for r in conn.execute(q.order_by(IncidentRow.id))]
                units = [_unit_wire(dict(r._mapping)) for r in conn.execute(select(UnitRow).order_by(UnitRow.id))]
                teams = [dict(r._mapping) for r in conn.execute(select(TeamRow).order_by(TeamRow.id))]
                live = {r.id: dict(r._mapping) for r in conn.execute(select(CameraStateRow))}
                q = (select(NoticeRow).where(NoticeRow.at >= datetime.now(UTC) - timedelta(days=1))
                     .order_by(NoticeRow.at.desc(), NoticeRow.id.desc()).limit(SNAPSHOT_NOTICES))
                notices = [_notice_wire(dict(r._mapping)) for r in conn.execute(q)][::-1]
        cameras = [self._camera_wire(live[c]) if c in live else
                   {**w, "status": "online", "incident": None, "note": None, "drill": False, "drill_run": None,
                    "version": 0, "updated_at": None}
                   for c, w in self._cameras.items()]
        return {"head": head, "incidents": incidents, "units": units, "teams": teams, "cameras": cameras,
                "notices": notices}

    def incident(self, incident_id: str) -> Incident | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(IncidentRow).where(IncidentRow.id == incident_id)).first()
            return _row_to_incident(row) if row else None

    def transitions(self, incident_id: str) -> list[TransitionRecord]:
        with self.engine.connect() as conn:
            q = select(TransitionRow).where(TransitionRow.incident == incident_id).order_by(TransitionRow.id)
            return [_transition(r) for r in conn.execute(q)]

    def all_transitions(self, since: datetime | None = None) -> Iterable[TransitionRecord]:
        with self.engine.connect() as conn:
            q = select(TransitionRow).order_by(TransitionRow.id)
            if since is not None:
                q = q.where(TransitionRow.at >= since)
            return [_transition(r) for r in conn.execute(q)]

    def query_history(self, args: dict[str, Any]) -> dict[str, Any]:
        """``query.history``: every transition of one incident, oldest first (the timeline)."""
        inc = self.incident(args["incident"])
        if inc is None:
            raise CommandError("not_found", f"no incident {args['incident']!r}")
        trail = [
            {"at": iso(t.at), "actor": t.actor, "role": t.role, "action": t.action, "from": t.from_state,
             "to": t.to_state, "note": t.note, "deadline": iso(t.deadline), "data": t.data}
            for t in self.transitions(inc.id)
        ]
        return {"incident": inc.to_wire(), "transitions": trail}

    def query_incidents(self, args: dict[str, Any]) -> dict[str, Any]:
        """``query.incidents``: filters over the whole history, newest first, keyset paging."""
        t = IncidentRow
        q = select(t)
        if "status" in args:
            states = [s.strip() for s in args["status"].split(",") if s.strip()]
            bad = [s for s in states if s not in {x.value for x in State} | {"active", "final"}]
            if bad:
                raise CommandError("invalid_args", f"unknown status {bad[0]!r}")
            vals = set()
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
                        "invalid_args", f"{key} is not an ISO-8601 time from 1970 to 2200: {args[key]!r}"
                    ) from None
                q = q.where(t.reported_at >= when if op == "ge" else t.reported_at < when)
        if "text" in args and args["text"]:
            like = "%" + args["text"].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            q = q.where(or_(t.description.ilike(like, escape="\\"), t.address.ilike(like, escape="\\"),
                            t.id.ilike(like, escape="\\"), t.external_id.ilike(like, escape="\\")))
        if "drill" in args:
            q = q.where(t.drill == args["drill"])
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
        with self.engine.connect() as conn:
            rows = [_row_to_incident(r) for r in conn.execute(q)]
        more = len(rows) > limit
        rows = rows[:limit]
        # Keep the answer well under the 1 MiB frame limit whatever the descriptions hold: a
        # page stops early (with a cursor) rather than growing past QUERY_BUDGET bytes.
        wires, size, last = [], 0, None
        for r in rows:
            w = r.to_wire()
            size += len(_dumps(w).encode())
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


def _unit_wire(u: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": u["id"], "team": u["team"], "kind": u["kind"], "callsign": u["callsign"], "lat": u["lat"],
        "lon": u["lon"], "status": u["status"], "heading": u["heading"], "speed": u["speed"],
        "version": u["version"], "updated_at": iso(u["updated_at"]),
    }


def _notice_wire(n: dict[str, Any]) -> dict[str, Any]:
    return {"id": n["id"], "text": n["text"], "level": n["level"], "drill": n["drill"], "drill_run": n["drill_run"],
            "by": n["by"], "at": iso(n["at"])}


def _transition(r: Any) -> TransitionRecord:
    m = r._mapping
    return TransitionRecord(
        incident=m["incident"], at=m["at"], actor=m["actor"], role=m["role"], action=m["action"],
        from_state=m["from_state"], to_state=m["to_state"], note=m["note"], deadline=m["deadline"],
        data=m["data"] or {},
    )


def _head(conn: Connection) -> int:
    return conn.scalar(select(CounterRow.value).where(CounterRow.name == SEQ)) or 0


def _bump(conn: Connection, name: str, n: int) -> int:
    """Add n to a counter (creating it at 0); return the first of the n new values. The UPDATE
    holds the row lock until commit, which orders concurrent writers."""
    t = CounterRow.__table__
    dialect_insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    conn.execute(dialect_insert(t).values(name=name, value=0).on_conflict_do_nothing())
    new = conn.execute(update(t).where(t.c.name == name).values(value=t.c.value + n).returning(t.c.value)).scalar_one()
    return new - n + 1


def _pairs_in(conn: Connection, first: Any, second: Any, pairs: Iterable[tuple[Any, Any]], *more: Any) -> Iterable[Any]:
    """Rows (first, second, *more) whose (first, second) is one of ``pairs``.

    Asked as ``first = ? AND second IN (...)`` per distinct first value: SQLite answers a
    row-value ``(first, second) IN (...)`` by scanning the whole table (it was most of a batch's
    read time, and grows with the history), while this form uses the (first, second) index on
    both databases."""
    by_first: dict[Any, list[Any]] = {}
    for a, b in pairs:
        by_first.setdefault(a, []).append(b)
    for a in sorted(by_first):
        for chunk in _chunks(sorted(by_first[a]), 400):
            yield from conn.execute(select(first, second, *more).where(first == a, second.in_(chunk)))


def _chunks(items: list[Any], n: int) -> Iterable[list[Any]]:
    for k in range(0, len(items), n):
        yield items[k : k + n]
