"""One batch of commands in one transaction: read what they need, compute every outcome with the
pure rules of ``commands`` (one handler per command, in ``HANDLERS``), allocate the seq range,
write incidents, transitions, events and remembered results, and return one outcome each."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from .. import commands as cmds
from ..commands import Applied, CommandError, TransitionRecord
from ..frames import dumps, dumps_with, event_frame
from ..incident import Incident, iso
from ..schema import CameraStateRow, CapAlertRow, IncidentRow, NoticeRow, ProcessedCommandRow, TransitionRow, UnitRow
from . import alerts
from .bulk import SEQ, StoreParts, bump, chunks, padded, pairs_in
from .rollups import hour_of
from .wire import UNIT_LIVE_COLS, camera_wire, incident_values, notice_wire, row_to_incident, unit_wire

NOTICE = "notice"


@dataclass
class Request:
    actor: Any  # lifecycle.Actor
    name: str
    args: dict[str, Any]  # already through commands.validate_args
    command_id: str | None = None


@dataclass
class Outcome:
    result: dict[str, Any]  # the wire "result" frame
    events: list[str] = field(default_factory=list)  # event frames (JSON text) in seq order


@dataclass
class Batch:
    """What a batch read, and what it has computed so far (later commands see earlier ones)."""

    store: StoreParts
    now: datetime
    incidents: dict[str, Incident]
    units: dict[str, dict[str, Any]]
    cameras: dict[str, dict[str, Any]]
    existing_ext: dict[tuple[str, str], str]
    drill_notices: list[tuple[str, bool, str | None]]
    new_ids: list[str]  # incident numbers for this batch's reports, popped in order
    notice_ids: list[str]
    new_notices: list[dict[str, Any]] = field(default_factory=list)
    new_alerts: list[dict[str, Any]] = field(default_factory=list)  # CAP alerts the notices sent
    cap_refs: dict[str, dict[str, Any]] = field(default_factory=dict)  # alerts updates/cancels may name
    camera_rows: dict[str, dict[str, Any]] = field(default_factory=dict)  # cameras changed, last state
    purged: set[str] = field(default_factory=set)  # incidents deleted by drill.purge
    purged_notices: set[str] = field(default_factory=set)
    purged_hours: set[int] = field(default_factory=set)  # report hours of the purged incidents
    changed: dict[str, Applied] = field(default_factory=dict)  # the last change of each incident
    created: set[str] = field(default_factory=set)
    transitions: list[TransitionRecord] = field(default_factory=list)
    # (request index, kind, event data, JSON of the result's payload, JSON of the event data)
    pending: list[tuple[int, str, dict[str, Any], str, str]] = field(default_factory=list)

    def event(self, i: int, kind: str, data: dict[str, Any]) -> None:
        data_json = dumps(data)
        self.pending.append((i, kind, data, data_json, data_json))

    def take(self, i: int, applied: Applied) -> dict[str, Any]:
        """Record an applied change; return the incident's wire form (the result carries it)."""
        inc, tr = applied.incident, applied.transition
        self.incidents[inc.id] = inc
        self.changed[inc.id] = applied
        self.transitions.append(tr)
        wire = inc.to_wire()
        action = {"name": tr.action, "actor": tr.actor, "from": tr.from_state, "to": tr.to_state, "note": tr.note}
        data = dict(wire, action=action)
        # The wire form goes into the event and into the stored result: encode it once. The event
        # data is the wire form plus "action", so its JSON is the wire's, extended.
        wire_json = dumps(wire)
        data_json = wire_json[:-1] + ',"action":' + dumps(action) + "}"
        self.pending.append((i, "incident", data, wire_json, data_json))
        return wire


# ---- one handler per command: (batch, request index, request) -> the result's fields -------------

def _report(b: Batch, i: int, req: Request) -> dict[str, Any]:
    inc_id = b.new_ids.pop()
    pair = (req.args["source"], req.args.get("external_id"))
    if pair[1] and pair in b.existing_ext:
        # Same source + external_id: the existing incident, unchanged.
        return {"ok": True, "incident": b.incidents[b.existing_ext[pair]].to_wire(), "existing": True}
    applied = cmds.new_incident(inc_id, req.args, req.actor, b.now, b.store.catalog)
    wire = b.take(i, applied)
    b.created.add(inc_id)
    if pair[1]:
        b.existing_ext[pair] = inc_id
    return {"ok": True, "incident": wire}


def _unit_update(b: Batch, i: int, req: Request) -> dict[str, Any]:
    unit = cmds.unit_update(b.units.get(req.args["unit"]), req.args, req.actor, b.now)
    b.units[unit["id"]] = unit
    data = unit_wire(unit)
    b.event(i, "unit", data)
    return {"ok": True, "unit": data}


def _camera_update(b: Batch, i: int, req: Request) -> dict[str, Any]:
    ref = req.args.get("incident")
    row = cmds.camera_state(req.args, req.actor, b.now, b.store.catalog, b.cameras.get(req.args["camera"]),
                            ref in b.incidents and ref not in b.purged)
    b.cameras[row["id"]] = b.camera_rows[row["id"]] = row
    data = b.store.camera_wire(row)
    b.event(i, "camera", data)
    return {"ok": True, "camera": data}


def _notice_post(b: Batch, i: int, req: Request) -> dict[str, Any]:
    row = cmds.notice(b.notice_ids.pop(), req.args, req.actor, b.now)
    alert = cmds.notice_alert(row, req.args["cap"], b.store.catalog, b.cap_refs) if "cap" in req.args else None
    b.new_notices.append(row)
    data = notice_wire(row)
    b.event(i, "notice", data)
    if alert is None:
        return {"ok": True, "notice": data}
    b.new_alerts.append(alert)
    return {"ok": True, "notice": data, "cap": cmds.cap.summary(alert)}


def _drill_purge(b: Batch, i: int, req: Request) -> dict[str, Any]:
    live = {x: inc for x, inc in b.incidents.items() if x not in b.purged}
    # notices stored earlier, and those posted earlier in this very batch
    known = [*b.drill_notices, *((n["id"], n["drill"], n["drill_run"]) for n in b.new_notices)]
    plan = cmds.purge_drill(req.args["drill"], req.actor, b.now, b.notice_ids.pop(), live, b.cameras, known)
    for inc, data in plan.incidents:
        b.incidents.pop(inc.id)  # its rows (even if written earlier in this batch) go in write_extras
        b.purged.add(inc.id)
        b.purged_hours.add(hour_of(inc.reported_at))
        b.event(i, "incident", data)
    b.purged_notices.update(plan.notices)
    b.new_notices[:] = [n for n in b.new_notices if n["id"] not in b.purged_notices]
    for row in plan.cameras:
        b.cameras[row["id"]] = b.camera_rows[row["id"]] = row
        b.event(i, "camera", b.store.camera_wire(row))
    b.event(i, "notice", plan.notice)
    return {"ok": True, "purged": plan.summary}


def _incident_command(b: Batch, i: int, req: Request) -> dict[str, Any]:
    inc = b.incidents.get(req.args["incident"])
    if inc is None or inc.id in b.purged:
        raise CommandError("not_found", f"no incident {req.args['incident']!r}")
    applied = cmds.apply_incident_command(inc, req.name, req.args, req.actor, b.now, b.store.catalog, b.incidents.get)
    return {"ok": True, "incident": b.take(i, applied)}


Handler = Callable[[Batch, int, Request], dict[str, Any]]
HANDLERS: dict[str, Handler] = {
    "incident.report": _report,
    "unit.update": _unit_update,
    "camera.update": _camera_update,
    "notice.post": _notice_post,
    "drill.purge": _drill_purge,
}  # every other incident.<verb>: _incident_command


# ---- the batch ------------------------------------------------------------------------------------

def run(store: StoreParts, conn: Connection, requests: Sequence[Request], now: datetime,
        numbers: Numbers | None = None) -> list[Outcome]:
    """The batch in ``conn``'s transaction. ``numbers``: those ``take_numbers`` gave it (PostgreSQL);
    None takes them here, in this transaction (SQLite)."""
    # 1. Command ids already answered (by an earlier batch, or earlier in this one).
    keys = {(r.actor.name, r.command_id) for r in requests if r.command_id is not None}
    done: dict[tuple[str, str], dict[str, Any]] = {}
    p = ProcessedCommandRow
    for user, cid, result in pairs_in(conn, p.user, p.command_id, keys, p.result):
        done[(user, cid)] = json.loads(result)

    b = _read(store, conn, requests, now, _numbers(store, conn, requests, now) if numbers is None else numbers)
    b.cap_refs = alerts.referenced(conn, requests)  # the CAP alerts that updates and cancels name

    # 2. Compute every outcome in memory, in order.
    processed: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = [{} for _ in requests]
    twins: list[tuple[int, tuple[str, str]]] = []  # repeated ids: (request index, key)
    for i, req in enumerate(requests):
        key = (req.actor.name, req.command_id) if req.command_id is not None else None
        if key is not None and key in done:
            twins.append((i, key))  # answered at the end, once the first has its seq
            continue
        try:
            result = HANDLERS.get(req.name, _incident_command)(b, i, req)
        except CommandError as e:
            result = {"ok": False, "code": e.code, "message": e.message}
        result = {"type": "result", "id": req.command_id, **result}
        results[i] = result
        if key is not None:
            done[key] = result
            processed.append({"user": key[0], "command_id": key[1], "at": now, "result": None, "_i": i})

    # 3. Seq range, then write everything.
    per_request: list[list[str]] = [[] for _ in requests]
    if b.pending:
        _write(store, conn, b, results, per_request)
    # result key = event kind (a purge's result has no single payload: it is encoded whole)
    payload_json = {i: (kind, pj) for (i, kind, _d, pj, _dj) in b.pending if kind in results[i]}
    store.sql.ins_processed.run(conn, _processed_rows(processed, results, payload_json))
    for i, key in twins:
        results[i] = dict(done[key], id=key[1])
    return [Outcome(results[i], per_request[i]) for i in range(len(requests))]


def _processed_rows(processed: list[dict[str, Any]], results: list[dict[str, Any]],
                    payload_json: dict[int, tuple[str, str]]) -> Iterator[dict[str, Any]]:
    """The remembered results, each encoded as its row is sent (while the ones before are stored)."""
    for row in processed:
        i = row.pop("_i")
        row["result"] = _result_json(results[i], *payload_json[i]) if i in payload_json else dumps(results[i])
        yield row


def _result_json(result: dict[str, Any], key: str, value_json: str) -> str:
    """``dumps_with(result, key, value_json)``, written out for the usual result (type, id, ok,
    its payload, seq) and given to dumps_with for any other."""
    cid, seq = result.get("id"), result.get("seq")
    if (type(cid) is str and type(seq) is int and result["ok"] is True
            and list(result) == ["type", "id", "ok", key, "seq"] and result["type"] == "result"):
        return f'{{"type":"result","id":{dumps(cid)},"ok":true,{dumps(key)}:{value_json},"seq":{seq}}}'
    return dumps_with(result, key, value_json)


def _read(store: StoreParts, conn: Connection, requests: Sequence[Request], now: datetime,
          numbers: Numbers) -> Batch:
    """Every incident, unit and camera the batch touches, locked (FOR UPDATE on PostgreSQL)."""
    ids = {r.args[k] for r in requests for k in ("incident", "into") if k in r.args}
    incidents: dict[str, Incident] = {}
    for chunk in chunks(sorted(ids), 400):
        q = select(IncidentRow).where(IncidentRow.id.in_(chunk)).with_for_update()
        incidents.update((i.id, i) for i in map(row_to_incident, conn.execute(q)))
    unit_ids = {r.args["unit"] for r in requests if r.name == "unit.update"}
    units: dict[str, dict[str, Any]] = {}
    if unit_ids:
        q = select(UnitRow).where(UnitRow.id.in_(padded(sorted(unit_ids)))).with_for_update()
        units = {row.id: dict(row._mapping) for row in conn.execute(q)}
    ext_pairs = {(r.args["source"], r.args["external_id"]) for r in requests
                 if r.name == "incident.report" and r.args.get("external_id")}
    existing_ext: dict[tuple[str, str], str] = {}
    for s, e, i in pairs_in(conn, IncidentRow.source, IncidentRow.external_id, ext_pairs, IncidentRow.id):
        existing_ext[(s, e)] = i
    missing_ext = {existing_ext[p] for p in ext_pairs if p in existing_ext} - set(incidents)
    if missing_ext:
        q = select(IncidentRow).where(IncidentRow.id.in_(padded(sorted(missing_ext))))
        incidents.update((i.id, i) for i in map(row_to_incident, conn.execute(q)))
    cam_ids = {r.args["camera"] for r in requests if r.name == "camera.update"}
    drill_notices: list[tuple[str, bool, str | None]] = []
    if any(r.name == "drill.purge" for r in requests):
        # Every drill incident, camera state and notice (drill data is small; the run is
        # matched in Python so that no JSON query differs between the databases).
        q = select(IncidentRow).where(IncidentRow.drill.is_(True)).with_for_update()
        for inc in map(row_to_incident, conn.execute(q)):
            incidents.setdefault(inc.id, inc)
        cam_ids |= set(conn.scalars(select(CameraStateRow.id).where(CameraStateRow.drill.is_(True))))
        n = NoticeRow
        drill_notices = [tuple(r) for r in conn.execute(select(n.id, n.drill, n.drill_run).where(n.drill.is_(True)))]
    cameras: dict[str, dict[str, Any]] = {}
    if cam_ids:
        q = select(CameraStateRow).where(CameraStateRow.id.in_(padded(sorted(cam_ids)))).with_for_update()
        cameras = {row.id: dict(row._mapping) for row in conn.execute(q)}

    # popped from the end: reversed copies (a batch run again after an IntegrityError reuses them)
    return Batch(store, now, incidents, units, cameras, existing_ext, drill_notices, numbers.incidents[::-1],
                 numbers.notices[::-1])


# ---- incident numbers and notice ids --------------------------------------------------------------

@dataclass(frozen=True)
class Numbers:
    """The incident numbers of a batch's reports and the ids of its notices, in request order."""

    incidents: list[str]
    notices: list[str]


def _numbers(store: StoreParts, conn: Connection, requests: Sequence[Request], now: datetime) -> Numbers:
    """Take them from their counters in ``conn``'s transaction: incident numbers are
    <county><local date><serial>, one counter per day; notice ids N<n>, one counter."""
    cat = store.catalog
    n_reports = sum(1 for r in requests if r.name == "incident.report")
    new_ids: list[str] = []
    if n_reports:
        day = now.astimezone(cat.calendar.tz).strftime("%Y%m%d")
        first = bump(conn, f"incident:{day}", n_reports)
        new_ids = [f"{cat.district.code}{day}{n:04d}" for n in range(first, first + n_reports)]
    n_notices = sum(1 for r in requests if r.name in ("notice.post", "drill.purge"))
    notice_ids: list[str] = []
    if n_notices:
        first = bump(conn, NOTICE, n_notices)
        notice_ids = [f"N{n}" for n in range(first, first + n_notices)]
    return Numbers(new_ids, notice_ids)


def take_numbers(store: StoreParts, requests: Sequence[Request], now: datetime) -> Numbers | None:
    """On PostgreSQL, the batch's numbers in a short transaction of their own, committed before
    the batch's begins: the counters' row locks are held for one statement, not through the
    batch's compute, writes and commit, so a second hub's batch is not held up by them (only the
    seq counter, taken right before the writes, orders the batches). A batch that then rolls back
    leaves its numbers unused: gaps, never repeats (docs/STORE.md). None on SQLite (one writer at
    a time anyway: ``run`` takes them in the batch's transaction) and when the batch needs none.

    Committed asynchronously (``synchronous_commit`` off, for this transaction only): the batch
    that uses the numbers commits after it, synchronously, and that flush writes the counters'
    commit too (WAL is flushed in order), so a crash can lose only numbers that no stored batch
    used."""
    if store.engine.dialect.name != "postgresql" or not any(r.name in _NUMBERED for r in requests):
        return None
    with store.engine.begin() as conn:
        conn.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
        return _numbers(store, conn, requests, now)


_NUMBERED = frozenset(("incident.report", "notice.post", "drill.purge"))


def _write(store: StoreParts, conn: Connection, b: Batch, results: list[dict[str, Any]],
           per_request: list[list[str]]) -> None:
    sql = store.sql
    first_seq = bump(conn, SEQ, len(b.pending))
    at = iso(b.now)
    ev_rows = []
    seq_of_transition: list[int] = []
    for n, (i, kind, data, _payload_json, data_json) in enumerate(b.pending):
        seq = first_seq + n
        frame = event_frame(seq, at, kind, data_json)
        ev_rows.append({"seq": seq, "at": b.now, "kind": kind, "frame": frame, "subject": data["id"]})
        per_request[i].append(frame)
        if kind == "incident" and not data.get("purged"):  # a purge records no transition
            seq_of_transition.append(seq)
        results[i]["seq"] = seq
    sql.ins_incidents.run(conn, _created_rows(b))  # rows made while the first ones are stored
    updates = []
    for x, a in b.changed.items():
        if x not in b.created:
            u = incident_values(a.incident, a.sla_next_at)
            u["_id"] = u.pop("id")
            updates.append(u)
    sql.upd_incidents.run(conn, updates)
    sql.ins_transitions.run(conn, (
        {"incident": t.incident, "seq": s, "at": t.at, "actor": t.actor, "role": t.role, "action": t.action,
         "from_state": t.from_state, "to_state": t.to_state, "note": t.note, "deadline": t.deadline, "data": t.data}
        for t, s in zip(b.transitions, seq_of_transition, strict=True)
    ))
    moved = {d["id"] for (_i, k, d, *_json) in b.pending if k == "unit"}
    if moved:  # only the last state of each unit
        sql.upd_units.run(conn, [{"_id": u, **{c: b.units[u][c] for c in UNIT_LIVE_COLS}} for u in sorted(moved)])
    sql.ins_events.run(conn, ev_rows)
    _write_extras(store, conn, b)
    # Every hour whose cases this batch created, changed or purged: its rollups are stale from
    # this commit on (in this transaction, so a reader sees both or neither; store/rollups.py).
    hours = {hour_of(a.incident.reported_at) for a in b.changed.values()} | b.purged_hours
    sql.bump_hours.run(conn, [{"hour": h, "version": 1} for h in sorted(hours)])


def _created_rows(b: Batch) -> Iterator[dict[str, Any]]:
    for x in sorted(b.created):
        a = b.changed[x]
        v = incident_values(a.incident, a.sla_next_at)
        v["report_hour"] = hour_of(a.incident.reported_at)
        yield v


def _write_extras(store: StoreParts, conn: Connection, b: Batch) -> None:
    """Camera states, notices and a purge's deletions, after the batch's other writes."""
    if b.camera_rows:
        ids = sorted(b.camera_rows)
        conn.execute(delete(CameraStateRow).where(CameraStateRow.id.in_(padded(ids))))
        conn.execute(insert(CameraStateRow), [b.camera_rows[c] for c in ids])
    store.sql.ins_notices.run(conn, b.new_notices)
    if b.new_alerts:  # kept even if a purge in this batch took their notices: they were sent
        conn.execute(insert(CapAlertRow), b.new_alerts)
    for chunk in chunks(sorted(b.purged), 400):
        conn.execute(delete(TransitionRow).where(TransitionRow.incident.in_(chunk)))
        conn.execute(delete(IncidentRow).where(IncidentRow.id.in_(chunk)))
    for chunk in chunks(sorted(b.purged_notices), 400):
        conn.execute(delete(NoticeRow).where(NoticeRow.id.in_(chunk)))


__all__ = ["HANDLERS", "Batch", "Numbers", "Outcome", "Request", "camera_wire", "run", "take_numbers"]
