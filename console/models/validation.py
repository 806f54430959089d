"""Commands' arguments and who may send them: the schemas every command is checked against
before anything is loaded, and the role-level check. Pure; re-exported by ``commands``."""

from __future__ import annotations

import math
import reprlib
from dataclasses import dataclass
from typing import Any

from . import lifecycle as lc
from .cap import CapError
from .cap import check_args as check_cap
from .lifecycle import Action, Actor, Role

ERROR_CODES = (
    "bad_json",
    "bad_message",
    "unknown_command",
    "invalid_args",
    "not_found",
    "invalid_transition",
    "forbidden",
    "conflict",
    "rate_limited",
    "unauthorized",
    "unavailable",  # extension: the hub is shutting down or its database failed; nothing applied
)

MAX_TEXT = 4000
SATISFACTION = range(1, 6)


class CommandError(Exception):
    """A refused command; ``code`` is one of ERROR_CODES and goes on the wire."""

    def __init__(self, code: str, message: str) -> None:
        assert code in ERROR_CODES, code
        super().__init__(message)
        self.code = code
        self.message = message


# ---- argument schemas -------------------------------------------------------------------------

@dataclass(frozen=True)
class Arg:
    kind: str  # str | text | float | int | bool | lat | lon | list | cap
    required: bool = False


def _bad(name: str, spec: Arg, value: Any) -> CommandError:
    # Built only on failure; the value is shown by type and a short repr (it may be huge or deep).
    shown = reprlib.repr(value) if isinstance(value, (str, int, float, bool)) else type(value).__name__
    return CommandError("invalid_args", f"argument {name!r} must be {spec.kind}, got {shown}")


def _check(name: str, spec: Arg, value: Any) -> Any:
    if spec.kind in ("str", "text"):
        if not isinstance(value, str):
            raise _bad(name, spec, value)
        value = value.strip()
        limit = MAX_TEXT if spec.kind == "text" else 200
        if len(value) > limit:
            raise CommandError("invalid_args", f"argument {name!r} is longer than {limit} characters")
        if spec.required and not value:
            raise CommandError("invalid_args", f"argument {name!r} must not be empty")
        return value
    if spec.kind == "list":  # a short list of ids
        if not isinstance(value, list) or len(value) > 20 or not all(isinstance(x, str) and 0 < len(x) <= 200
                                                                      for x in value):
            raise CommandError("invalid_args", f"argument {name!r} must be a list of at most 20 ids")
        return [x.strip() for x in value]
    if spec.kind == "bool":
        if not isinstance(value, bool):
            raise _bad(name, spec, value)
        return value
    if spec.kind == "int":
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 2**53:
            raise _bad(name, spec, value)
        return value
    if spec.kind in ("float", "lat", "lon"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _bad(name, spec, value)
        try:
            value = float(value)  # an int too large for a float raises OverflowError
        except OverflowError:
            raise _bad(name, spec, value) from None
        if not math.isfinite(value):
            raise _bad(name, spec, value)
        lim = 90.0 if spec.kind == "lat" else 180.0
        if spec.kind != "float" and not -lim <= value <= lim:
            raise CommandError("invalid_args", f"argument {name!r} is out of range: {value}")
        return value
    if spec.kind == "cap":  # checked whole by models/cap.py; its error names the field
        try:
            return check_cap(value)
        except CapError as e:
            raise CommandError(e.code, str(e)) from None
    raise AssertionError(spec.kind)


SCHEMAS: dict[str, dict[str, Arg]] = {
    "incident.report": {
        "category": Arg("str", True),
        "lat": Arg("lat", True),
        "lon": Arg("lon", True),
        "description": Arg("text", True),
        "source": Arg("str", True),
        "priority": Arg("str"),
        "address": Arg("text"),
        "reporter": Arg("str"),
        "caller_phone": Arg("str"),  # protocol 1.1: full to the control room only (models/privacy.py)
        "external_id": Arg("str"),
        "photo_url": Arg("text"),
        "source_category": Arg("str"),
        "drill": Arg("bool"),
        "drill_run": Arg("str"),  # extension: the drill run it belongs to (implies drill); drill.purge
        "reported_at": Arg("str"),  # imports keep the source's time; defaults to now
    },
    "incident.accept": {"incident": Arg("str", True), "note": Arg("text")},
    "incident.reject": {"incident": Arg("str", True), "reason": Arg("text", True)},
    "incident.dispatch": {
        "incident": Arg("str", True),
        "team": Arg("str"),
        "department": Arg("str"),
        "note": Arg("text"),
        "assist": Arg("list"),  # protocol 1.1: joint dispatch, team or department ids
    },
    "incident.acknowledge": {"incident": Arg("str", True), "note": Arg("text"),
                             "for": Arg("str")},  # protocol 1.1: the assist acknowledged for
    "incident.return": {"incident": Arg("str", True), "reason": Arg("text", True)},
    "incident.escalate": {
        "incident": Arg("str", True),
        "department": Arg("str", True),
        "reason": Arg("text", True),
    },
    "incident.resolve": {"incident": Arg("str", True), "note": Arg("text")},
    "incident.verify": {"incident": Arg("str", True), "passed": Arg("bool", True), "note": Arg("text")},
    "incident.close": {"incident": Arg("str", True), "satisfaction": Arg("int"), "note": Arg("text")},
    "incident.merge": {"incident": Arg("str", True), "into": Arg("str", True), "note": Arg("text")},
    # extension (two-way assessment, docs/PROTOCOL.md): the calling street rates the department 1–5
    "incident.rate_department": {"incident": Arg("str", True), "stars": Arg("int", True), "note": Arg("text")},
    # protocol 1.1 (CONTRACT §5, the desk's case life)
    "incident.urge": {"incident": Arg("str", True), "level": Arg("int", True), "note": Arg("text")},
    "incident.callback": {"incident": Arg("str", True), "reached": Arg("bool", True), "satisfaction": Arg("int"),
                          "note": Arg("text")},
    "incident.extend": {"incident": Arg("str", True), "until": Arg("str", True), "reason": Arg("text", True)},
    "incident.extend_decide": {"incident": Arg("str", True), "approve": Arg("bool", True), "note": Arg("text")},
    "incident.park": {"incident": Arg("str", True), "reason": Arg("text", True)},
    "incident.unpark": {"incident": Arg("str", True), "note": Arg("text")},
    # extension (docs/OPEN311.md): an imported request that its source had closed
    "incident.import_close": {"incident": Arg("str", True), "closed_at": Arg("str"), "note": Arg("text")},
    "incident.reopen": {
        "incident": Arg("str", True),
        "reason": Arg("text", True),
        "team": Arg("str"),
        "department": Arg("str"),
    },
    "incident.note": {"incident": Arg("str", True), "text": Arg("text", True)},
    "unit.update": {
        "unit": Arg("str", True),
        "lat": Arg("lat", True),
        "lon": Arg("lon", True),
        "status": Arg("str", True),
        "heading": Arg("float"),
        "speed": Arg("float"),
    },
    # extensions (feeds issue): camera state, notices, purging a finished drill
    "camera.update": {
        "camera": Arg("str", True),
        "status": Arg("str", True),
        "incident": Arg("str"),
        "note": Arg("text"),
        "drill": Arg("bool"),
        "drill_run": Arg("str"),
    },
    "notice.post": {
        "text": Arg("text", True),
        "level": Arg("str"),
        "drill": Arg("bool"),
        "drill_run": Arg("str"),
        "cap": Arg("cap"),  # extension (docs/PROTOCOL.md, docs/CAP.md): the notice sends a CAP 1.2 alert
    },
    "drill.purge": {"drill": Arg("str", True)},
    "query.history": {"incident": Arg("str", True)},  # extension: the incident's whole trail
    # protocol 1.1 "Numbers": cases reported in [since, until), grouped (store/numbers.py)
    "query.indicators": {"since": Arg("str"), "until": Arg("str"), "group_by": Arg("str"), "drill": Arg("bool")},
    # extension (docs/PROTOCOL.md): the numbers' charts over [since, until) (store/series.py)
    "query.series": {"since": Arg("str"), "until": Arg("str"), "bucket_s": Arg("int"), "drill": Arg("bool")},
    # protocol 1.1 "Looking back" (store/history.py): the stored log, and the state at a moment
    "query.events": {"after": Arg("int", True), "until": Arg("int"), "limit": Arg("int")},
    "query.state_at": {"seq": Arg("int"), "at": Arg("str"), "cursor": Arg("str"), "limit": Arg("int")},
    # extension: the replay slider's ticks (store/marks.py)
    "query.marks": {"since": Arg("str", True), "until": Arg("str", True), "limit": Arg("int")},
    # protocol 1.1 "Presence": what this connection has open (an incident id or null); never stored.
    # Extension: ``acting`` true while the desk is acting on that case (an action form open).
    "presence.set": {"viewing": Arg("str"), "acting": Arg("bool")},
    "query.incidents": {
        "status": Arg("str"),
        "category": Arg("str"),
        "grid": Arg("str"),
        "street": Arg("str"),
        "since": Arg("str"),
        "until": Arg("str"),
        "text": Arg("str"),
        "drill": Arg("bool"),
        "limit": Arg("int"),
        "cursor": Arg("str"),
    },
}
COMMON_ARGS = {"expect_version": Arg("int")}


# incident.<verb> -> the lifecycle action (verify splits on "passed").
ACTION_OF = {
    "incident.accept": Action.ACCEPT,
    "incident.reject": Action.REJECT,
    "incident.dispatch": Action.DISPATCH,
    "incident.acknowledge": Action.ACKNOWLEDGE,
    "incident.return": Action.RETURN,
    "incident.escalate": Action.ESCALATE,
    "incident.resolve": Action.RESOLVE,
    "incident.close": Action.CLOSE,
    "incident.merge": Action.MERGE,
    "incident.reopen": Action.REOPEN,
}


def validate_args(name: str, args: Any) -> dict[str, Any]:
    """Check a command's args against its schema; return them cleaned (unknown keys refused)."""
    schema = SCHEMAS.get(name)
    if schema is None:
        raise CommandError("unknown_command", f"unknown command {name[:100]!r}")
    if not isinstance(args, dict):
        raise CommandError("invalid_args", "args must be an object")
    full = schema | COMMON_ARGS
    unknown = sorted(set(args) - set(full))
    if unknown:
        raise CommandError("invalid_args", f"unknown argument(s) for {name}: {', '.join(unknown)}"[:300])
    out: dict[str, Any] = {}
    for key, spec in full.items():
        if key not in args or args[key] is None:
            if spec.required:
                raise CommandError("invalid_args", f"{name} needs argument {key!r}")
            continue
        out[key] = _check(key, spec, args[key])
    return out


def _roles_for(action: Action) -> frozenset[Role]:
    """Roles that could ever take an action (for a clean 'forbidden' before state checks)."""
    who = set().union(*(r.who for (s, a), r in lc.TRANSITIONS.items() if a is action))
    roles = set()
    if lc.Who.SUPERVISOR in who:
        roles |= {Role.SUPERVISOR, Role.ADMIN}
    if lc.Who.OPERATOR in who:
        roles.add(Role.OPERATOR)
    if who & {lc.Who.ASSIGNEE, lc.Who.GRID_FIELD}:
        roles.add(Role.FIELD)
    return frozenset(roles)


ROLES_FOR_ACTION = {a: _roles_for(a) for a in Action}


CAMERA_STATUSES = ("online", "offline", "alarm")
NOTICE_LEVELS = ("info", "warning", "urgent")
PURGE_ALL = "*"  # drill.purge {"drill": "*"}: every drill's data (never real data)
# Roles for the extension commands (the lifecycle table covers the incident ones).
EXTRA_ROLES: dict[str, frozenset[Role]] = {
    # a camera gateway connects as a sensor; the control room may mark a camera too
    "camera.update": frozenset({Role.SENSOR, Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN}),
    "notice.post": frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN}),
    "drill.purge": frozenset({Role.SUPERVISOR, Role.ADMIN}),
    # protocol 1.1: the control room urges a late assignee and calls the reporter back
    "incident.urge": frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN}),
    "incident.callback": frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN}),
    # the assignee asks for more time (its field users; a supervisor for it); the desk decides
    "incident.extend": frozenset({Role.FIELD, Role.SUPERVISOR, Role.ADMIN}),
    "incident.extend_decide": frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN}),
    "incident.park": frozenset({Role.SUPERVISOR, Role.ADMIN}),
    "incident.unpark": frozenset({Role.SUPERVISOR, Role.ADMIN}),
    # closing without the life is a supervisor's power, like parking and reopening
    "incident.import_close": frozenset({Role.SUPERVISOR, Role.ADMIN}),
    # two-way assessment (an extension): the street's desk rates the department's work
    "incident.rate_department": frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN}),
}


def authorize_command(name: str, actor: Actor) -> None:
    """Role-level check, before anything is loaded: may this role ever send this command?"""
    if name not in SCHEMAS:
        raise CommandError("unknown_command", f"unknown command {name[:100]!r}")
    if name in ("query.incidents", "query.history", "presence.set"):  # presence: every role
        return
    if name in ("query.events", "query.state_at", "query.marks"):  # looking back: everyone who watches the center live
        if actor.role is Role.SENSOR:
            raise CommandError("forbidden", f"role {actor.role.value} may not send {name}")
        return
    if name in ("query.indicators", "query.series"):  # the numbers: every role but the crews' and the sensors'
        if actor.role in (Role.FIELD, Role.SENSOR):
            raise CommandError("forbidden", f"role {actor.role.value} may not send {name}")
        return
    if name == "incident.report":
        ok = actor.role in lc.REPORT_ROLES
    elif name == "incident.note":
        ok = actor.role in lc.NOTE_ROLES
    elif name == "unit.update":
        ok = actor.role in lc.UNIT_ROLES
    elif name in EXTRA_ROLES:
        ok = actor.role in EXTRA_ROLES[name]
    elif name == "incident.verify":
        ok = actor.role in ROLES_FOR_ACTION[Action.VERIFY_PASS]
    else:
        ok = actor.role in ROLES_FOR_ACTION[ACTION_OF[name]]
    if not ok:
        raise CommandError("forbidden", f"role {actor.role.value} may not send {name}")


