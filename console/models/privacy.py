"""Who sees a caller's phone (CONTRACT §5): in full the control room (operator, supervisor,
admin); masked every other role, in events, snapshots, query answers and results alike. A masked
number keeps its first 3 and last 4 digits (``138****5678``); under 8 characters, all but the
last 2 are starred."""

from __future__ import annotations

import json
from typing import Any

from .frames import dumps

FULL_PHONE_ROLES = frozenset({"operator", "supervisor", "admin"})
MARKER = '"caller_phone":"'  # present in a frame only where some incident carries a phone


def sees_phones(role: str) -> bool:
    return str(role) in FULL_PHONE_ROLES


def mask_phone(phone: str | None) -> str | None:
    if not phone:
        return phone
    n = len(phone)
    if n < 8:
        return "*" * (n - 2) + phone[-2:] if n > 2 else "*" * n
    return phone[:3] + "*" * (n - 7) + phone[-4:]


def mask_incident(inc: dict[str, Any]) -> dict[str, Any]:
    if inc.get("caller_phone"):
        return {**inc, "caller_phone": mask_phone(inc["caller_phone"])}
    return inc


def mask_message(msg: dict[str, Any]) -> dict[str, Any]:
    """A frame's object (event, snapshot, result) with every incident's phone masked."""
    out = dict(msg)
    if isinstance(out.get("data"), dict):
        out["data"] = mask_incident(out["data"])
    if isinstance(out.get("incident"), dict):
        out["incident"] = mask_incident(out["incident"])
    if isinstance(out.get("incidents"), list):
        out["incidents"] = [mask_incident(i) if isinstance(i, dict) else i for i in out["incidents"]]
    if isinstance(out.get("events"), list):  # query.events: the events as they were sent live
        out["events"] = [mask_message(e) if isinstance(e, dict) else e for e in out["events"]]
    if isinstance(out.get("transitions"), list):  # query.history: the report's own arguments
        out["transitions"] = [{**t, "data": mask_incident(t["data"])} if isinstance(t, dict)
                              and isinstance(t.get("data"), dict) else t for t in out["transitions"]]
    return out


def mask_frame(frame: str) -> str:
    """``frame`` (JSON text) as a role that may not see phones receives it; the same text when it
    carries none (checked without parsing)."""
    if MARKER not in frame:
        return frame
    return dumps(mask_message(json.loads(frame)))
