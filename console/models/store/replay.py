"""What a console holds after applying every event up to a seq (CONTRACT §5 "Looking back"): the
state query.state_at answers and the checkpoints keep. Pure, no database: the store hands it
stored event rows.

A console applies an event as an upsert by id (``console/state/console.py`` ``ConsoleState``,
``console/net/session.py`` ``Replica``): an incident event carries the whole incident, which
leaves the active state when it is closed, rejected or merged; a unit or camera event carries the
whole unit or camera; a notice is added, and a purge's notice drops the notices it names. Events
come in seq order and each change raises an incident's version, so applying a stretch of events
one by one leaves exactly what applying each incident's, unit's and camera's LAST event of the
stretch leaves: ``advance`` decodes only those (and every notice), which is most of why a replay
of thousands of position reports is cheap. tests/models/test_replay.py checks it against both
console replicas, event by event.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ..frames import dumps
from ..incident import parse_iso

FINAL = frozenset({"closed", "rejected", "merged"})  # an incident in these leaves the active state
NOTICE_WINDOW = timedelta(days=1)  # as a snapshot: the last day's notices …
NOTICE_LIMIT = 100  # … at most this many, oldest first


@dataclass(frozen=True)
class Held:
    """The state after event ``head`` (stamped ``at``; None for seq 0, before any event).

    ``cameras`` are those some event (or, for a checkpoint made from the tables, a stored camera
    state) changed; the others are as the catalog places them, ``online``. ``notices`` are kept for
    a day past ``at``. Never mutated: ``advance`` makes a new one sharing the unchanged dicts."""

    head: int
    at: datetime | None
    incidents: dict[str, dict[str, Any]]
    units: dict[str, dict[str, Any]]
    cameras: dict[str, dict[str, Any]]
    notices: dict[str, dict[str, Any]]


EMPTY = Held(0, None, {}, {}, {}, {})

# a stored event: (seq, kind, subject, frame)
Row = tuple[int, str, "str | None", str]


def advance(held: Held, rows: list[Row], at: datetime | None) -> Held:
    """``held`` after applying ``rows`` (events after ``held.head``, in seq order), the last of
    them stamped ``at``."""
    if not rows:
        return held
    last: dict[tuple[str, str], str] = {}  # (kind, id) -> the frame of its last event
    notices: list[str] = []
    for _seq, kind, subject, frame in rows:
        if kind == "notice":
            notices.append(frame)
        elif subject is not None:
            last[(kind, subject)] = frame
        else:  # an event stored without its subject (none should be): read it from the frame
            data = json.loads(frame)["data"]
            last[(kind, data["id"])] = frame
    incidents, units, cameras = dict(held.incidents), dict(held.units), dict(held.cameras)
    for (kind, subject), frame in last.items():
        data = json.loads(frame)["data"]
        if kind == "incident":
            if data.get("state") in FINAL:
                incidents.pop(subject, None)
            else:
                incidents[subject] = data
        elif kind == "unit":
            units[subject] = data
        elif kind == "camera":
            cameras[subject] = data
    kept = dict(held.notices)
    for frame in notices:
        data = json.loads(frame)["data"]
        for gone in (data.get("purged") or {}).get("notices", ()):
            kept.pop(gone, None)
        kept[data["id"]] = data
    return Held(rows[-1][0], at, incidents, units, cameras, _recent(kept, at))


def _recent(notices: dict[str, dict[str, Any]], at: datetime | None) -> dict[str, dict[str, Any]]:
    """The notices a later moment can still show (posted within a day before ``at`` or later)."""
    if at is None:
        return notices
    since = at - NOTICE_WINDOW
    return {k: n for k, n in notices.items() if _notice_at(n) >= since}


def _notice_at(n: dict[str, Any]) -> datetime:
    return parse_iso(n["at"])


def shown_notices(held: Held) -> list[dict[str, Any]]:
    """The notices a snapshot taken at ``held.at`` carries: the last day's, newest 100, oldest first."""
    kept = sorted(_recent(held.notices, held.at).values(), key=lambda n: (_notice_at(n), n["id"]))
    return kept[-NOTICE_LIMIT:]


def shown_cameras(held: Held, places: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Every camera as a console holds it: the catalog's, with the live state events gave it
    (never changed: ``online``, version 0, as in a snapshot)."""
    out = {c: held.cameras.get(c) or {**w, "status": "online", "incident": None, "note": None, "drill": False,
                                       "drill_run": None, "version": 0, "updated_at": None}
           for c, w in places.items()}
    for c, cam in held.cameras.items():  # a camera gone from the catalog since: as events left it
        out.setdefault(c, cam)
    return [out[c] for c in sorted(out)]


def encode(held: Held) -> bytes:
    """A checkpoint's blob: zlib-compressed JSON."""
    doc = {"head": held.head, "at": held.at.isoformat() if held.at else None, "incidents": held.incidents,
           "units": held.units, "cameras": held.cameras, "notices": held.notices}
    return zlib.compress(dumps(doc).encode(), 1)  # level 1: ~5x smaller, and fast either way


def decode(blob: bytes) -> Held:
    doc = json.loads(zlib.decompress(blob))
    at = parse_iso(doc["at"]) if doc["at"] else None
    return Held(doc["head"], at, doc["incidents"], doc["units"], doc["cameras"], doc["notices"])
