"""Rows to their wire form and back: incidents, units, notices, cameras, transitions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..commands import TransitionRecord
from ..incident import WIRE_NAMES, Incident, iso
from ..lifecycle import State
from ..schema import IncidentRow

INCIDENT_COLS = [c.name for c in IncidentRow.__table__.columns]
_FIELDS = set(Incident.__dataclass_fields__)
UNIT_LIVE_COLS = ("lat", "lon", "status", "heading", "speed", "version", "updated_at")


def row_to_incident(row: Any) -> Incident:
    m = row._mapping
    kw = {k: m[k] for k in INCIDENT_COLS if k in _FIELDS}
    kw["state"] = State(kw["state"])
    kw["extra"] = kw.get("extra") or {}
    kw["callbacks"] = kw.get("callbacks") or []  # rows from before migration 0003 hold NULL
    kw["urged"] = kw.get("urged") or 0
    kw["parked"] = bool(kw.get("parked"))
    kw["parked_spans"] = kw.get("parked_spans") or []
    kw["assignees"] = kw.get("assignees") or []
    for flag in ("f_dispatched", "f_returned", "f_extended", "f_parked"):  # NULL before migration 0005
        kw[flag] = bool(kw.get(flag))
    return Incident.make(**kw)


_TIMES = ("reported_at", "updated_at", "stage_started_at", "deadline", "parked_since")
_WIRE_ORDER = WIRE_NAMES  # the order Incident.to_wire gives (the evaluation facts stay in the database)


def row_to_wire(row: Any) -> dict[str, Any]:
    """``row_to_incident(row).to_wire()`` without the dataclass in between: a snapshot makes
    10,000 of these, and the detour was most of its time (tests/models/test_store.py checks the
    two agree)."""
    m = row._mapping
    d = {k: m[k] for k in _WIRE_ORDER}
    d["extra"] = dict(d["extra"] or {})
    d["callbacks"] = list(d["callbacks"] or [])
    d["extension"] = dict(d["extension"]) if d["extension"] else None
    d["parked"] = bool(d["parked"])
    d["parked_spans"] = [list(p) for p in d["parked_spans"] or []]
    d["assignees"] = [dict(a) for a in d["assignees"] or []]
    d["urged"] = d["urged"] or 0
    d["state"] = d["status"] = State(d["state"]).value
    for k in _TIMES:
        d[k] = iso(d[k])
    return d


def incident_values(inc: Incident, sla_next_at: datetime | None) -> dict[str, Any]:
    """The incident's row: every column by name (and the Incident's other fields, which the
    writes, bound by column name, leave alone)."""
    v = dict(inc.__dict__)  # a plain dataclass: its fields are its __dict__ (one C copy)
    v["state"] = inc.state.value
    v["sla_next_at"] = sla_next_at
    return v


def unit_wire(u: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": u["id"], "team": u["team"], "kind": u["kind"], "callsign": u["callsign"], "lat": u["lat"],
        "lon": u["lon"], "status": u["status"], "heading": u["heading"], "speed": u["speed"],
        "version": u["version"], "updated_at": iso(u["updated_at"]),
    }


def notice_wire(n: dict[str, Any]) -> dict[str, Any]:
    d = {"id": n["id"], "text": n["text"], "level": n["level"], "drill": n["drill"], "drill_run": n["drill_run"],
         "by": n["by"], "at": iso(n["at"])}
    if n.get("cap_id"):  # the CAP alert it sent (docs/CAP.md)
        d["cap_id"] = n["cap_id"]
    return d


def camera_wire(where: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """A camera as consoles see it: where it is (``where``, from the catalog) and its live state."""
    return {**where, "status": row["status"], "incident": row["incident"], "note": row["note"],
            "drill": row["drill"], "drill_run": row["drill_run"], "version": row["version"],
            "updated_at": iso(row["updated_at"])}


def transition(r: Any) -> TransitionRecord:
    m = r._mapping
    return TransitionRecord(
        incident=m["incident"], at=m["at"], actor=m["actor"], role=m["role"], action=m["action"],
        from_state=m["from_state"], to_state=m["to_state"], note=m["note"], deadline=m["deadline"],
        data=m["data"] or {},
    )
