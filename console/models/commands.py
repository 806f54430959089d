"""Commands as pure functions: validate args, check the role, apply the transition.

No I/O here: the store loads what a command needs, calls ``apply_incident_command`` and writes
what comes back in one transaction. Replaying stored transitions through the same function
rebuilds an incident exactly (see ``replay``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from . import cap
from . import lifecycle as lc
from .case_life import _ANNOTATIONS, _annotate, _assist_acknowledges, _assist_of, _joint
from .clock import (
    SYSTEM,
    Applied,
    TransitionRecord,
    clock,
    clock_change,
    next_sla_change,
    record,
    stage_limit,
    with_clock,
)
from .incident import Incident, iso, parse_instant
from .lifecycle import Action, Actor, Role, State
from .reference import UNIT_STATUSES
from .timelimits import PRIORITIES
from .validation import (
    ACTION_OF,
    CAMERA_STATUSES,
    COMMON_ARGS,
    ERROR_CODES,
    EXTRA_ROLES,
    MAX_TEXT,
    NOTICE_LEVELS,
    PURGE_ALL,
    ROLES_FOR_ACTION,
    SATISFACTION,
    SCHEMAS,
    Arg,
    CommandError,
    authorize_command,
    validate_args,
)

__all__ = ["ACTION_OF", "CAMERA_STATUSES", "COMMON_ARGS", "ERROR_CODES", "EXTRA_ROLES", "MAX_TEXT", "NOTICE_LEVELS",
           "PURGE_ALL", "ROLES_FOR_ACTION", "SATISFACTION", "SCHEMAS", "SYSTEM", "Applied", "Arg", "CommandError",
           "TransitionRecord", "authorize_command", "clock", "clock_change", "next_sla_change", "stage_limit",
           "validate_args", "with_clock"]

if TYPE_CHECKING:
    from .catalog import Catalog

# ---- applying ----------------------------------------------------------------------------------

_PHONE = re.compile(r"[0-9+\-() ]{3,40}")


def new_incident(
    incident_id: str, args: Mapping[str, Any], actor: Actor, now: datetime, catalog: Catalog
) -> Applied:
    """``incident.report``: a new incident in state ``reported``."""
    phone = args.get("caller_phone")
    if phone and not _PHONE.fullmatch(phone):
        raise CommandError("invalid_args", "caller_phone must be a phone number: 3 to 40 digits, spaces, + - ( )")
    try:
        cat = catalog.category(args["category"])
    except KeyError:
        raise CommandError("invalid_args", f"unknown category {args['category']!r}") from None
    priority = args.get("priority") or cat.default_priority
    if priority not in PRIORITIES:
        raise CommandError("invalid_args", f"priority must be one of {', '.join(PRIORITIES)}")
    reported_at = now
    if "reported_at" in args:
        try:
            reported_at = parse_instant(args["reported_at"])
        except ValueError:
            raise CommandError(
                "invalid_args", f"reported_at is not an ISO-8601 time from 1970 to 2200: {args['reported_at']!r}"
            ) from None
    grid, community, street = catalog.place_of(args["lat"], args["lon"])
    inc = Incident.make(
        id=incident_id,
        state=State.REPORTED,
        category=cat.code,
        priority=priority,
        lat=args["lat"],
        lon=args["lon"],
        description=args["description"],
        source=args["source"],
        reported_at=reported_at,
        reported_by=actor.name,
        grid=grid,
        community=community,
        street=street,
        reporter=args.get("reporter"),
        address=args.get("address"),
        external_id=args.get("external_id"),
        photo_url=args.get("photo_url"),
        caller_phone=args.get("caller_phone") or None,
        source_category=args.get("source_category"),
        drill=bool(args.get("drill", False)) or bool(args.get("drill_run")) or actor_is_drill(actor),
        extra={"drill_run": args["drill_run"]} if args.get("drill_run") else {},
        updated_at=now,
        stage_started_at=reported_at,
    )
    inc, next_at = clock(inc, catalog, now)
    tr = TransitionRecord(
        incident=incident_id,
        at=now,
        actor=actor.name,
        role=actor.role.value,
        action="report",
        from_state=None,
        to_state=inc.state.value,
        note=None,
        deadline=inc.deadline,
        data={k: v for k, v in args.items() if k != "expect_version"},
    )
    return Applied(inc, tr, next_at)


def camera_state(args: Mapping[str, Any], actor: Actor, now: datetime, catalog: Catalog,
                 current: Mapping[str, Any] | None, incident_exists: bool) -> dict[str, Any]:
    """``camera.update``: the camera's new live state (a row of camera_states), or refuse."""
    if args["camera"] not in catalog.cameras:
        raise CommandError("not_found", f"no camera {args['camera']!r}")
    if args["status"] not in CAMERA_STATUSES:
        raise CommandError("invalid_args", f"status must be one of {', '.join(CAMERA_STATUSES)}")
    if args.get("incident") and not incident_exists:
        raise CommandError("not_found", f"no incident {args['incident']!r}")
    drill_run = args.get("drill_run") or None
    return {
        "id": args["camera"], "status": args["status"], "incident": args.get("incident") or None,
        "note": args.get("note") or None,
        "drill": bool(args.get("drill")) or drill_run is not None or actor_is_drill(actor),
        "drill_run": drill_run, "version": (current["version"] if current else 0) + 1,
        "updated_at": now, "updated_by": actor.name,
    }


def notice(notice_id: str, args: Mapping[str, Any], actor: Actor, now: datetime) -> dict[str, Any]:
    """``notice.post``: the notice as stored (a row of notices), or refuse."""
    level = args.get("level") or "info"
    if level not in NOTICE_LEVELS:
        raise CommandError("invalid_args", f"level must be one of {', '.join(NOTICE_LEVELS)}")
    drill_run = args.get("drill_run") or None
    return {"id": notice_id, "at": now, "text": args["text"], "level": level,
            "drill": bool(args.get("drill")) or drill_run is not None or actor_is_drill(actor),
            "drill_run": drill_run, "by": actor.name, "cap_id": None}


def notice_alert(notice: dict[str, Any], args: Mapping[str, Any], catalog: Catalog,
                 refs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """``notice.post`` with ``cap``: the CAP alert the notice sends (a row of cap_alerts,
    models/cap.py), or refuse; the notice gets its ``cap_id``, ``refs`` learns the alert."""
    try:
        alert = cap.make_alert(notice, args, catalog.district, catalog.calendar.tz, refs)
    except cap.CapError as e:
        raise CommandError(e.code, str(e)) from None
    cap.remember(refs, alert)
    notice["cap_id"] = alert["identifier"]
    return alert


def unit_update(unit: Mapping[str, Any] | None, args: Mapping[str, Any], actor: Actor,
                now: datetime) -> dict[str, Any]:
    """``unit.update``: the unit's new live state (a row of units), or refuse. A field user moves
    only their own team's units."""
    if unit is None:
        raise CommandError("not_found", f"no unit {args['unit']!r}")
    if actor.role is Role.FIELD and unit["team"] != actor.team:
        raise CommandError("forbidden", f"{actor.name!r} acts for team {actor.team}, not {unit['team']}")
    if args["status"] not in UNIT_STATUSES:
        raise CommandError("invalid_args", f"status must be one of {', '.join(UNIT_STATUSES)}")
    return {**unit, "lat": args["lat"], "lon": args["lon"], "status": args["status"], "heading": args.get("heading"),
            "speed": args.get("speed"), "version": unit["version"] + 1, "updated_at": now}


@dataclass(frozen=True)
class PurgePlan:
    """What ``drill.purge`` takes away; the store deletes the rows and sends the events."""

    run: str
    incidents: list[tuple[Incident, dict[str, Any]]]  # (as it was, its last wire form: rejected, purged)
    notices: list[str]  # notice ids
    cameras: list[dict[str, Any]]  # camera states back to online, as rows
    summary: dict[str, Any]
    notice: dict[str, Any]  # the closing notice's wire form

    @property
    def text(self) -> str:
        return self.notice["text"]


def purge_drill(run: str, actor: Actor, now: datetime, notice_id: str, incidents: Mapping[str, Incident],
                cameras: Mapping[str, Mapping[str, Any]], notices: Sequence[tuple[str, bool, str | None]]
                ) -> PurgePlan:
    """``drill.purge``: one drill run's incidents, notices and camera marks (``run`` "*": every
    drill's); never anything real: only what was flagged drill at the source is looked at.

    Each incident goes out once more as ``rejected`` with ``"purged": true`` and action ``purge``
    (every v1 client drops a rejected incident from its active list); each camera the drill had
    marked returns to ``online``; one closing notice lists what went."""
    gone = []
    for x in sorted(incidents):
        inc = incidents[x]
        if in_drill_run(inc.drill, inc.extra.get("drill_run"), run):
            wire = inc.evolve(state=State.REJECTED, version=inc.version + 1, updated_at=now, stage=None,
                              deadline=None, sla=None).to_wire()
            gone.append((inc, dict(wire, purged=True, action={
                "name": "purge", "actor": actor.name, "from": inc.state.value, "to": State.REJECTED.value,
                "note": f"drill {run} purged"})))
    notice_ids = sorted({nid for nid, drill, dr in notices if in_drill_run(drill, dr, run)})
    reset = [{"id": cid, "status": "online", "incident": None, "note": None, "drill": False, "drill_run": None,
              "version": row["version"] + 1, "updated_at": now, "updated_by": actor.name}
             for cid, row in sorted(cameras.items()) if in_drill_run(row["drill"], row["drill_run"], run)]
    summary = {"drill": run, "incidents": [inc.id for inc, _ in gone], "notices": notice_ids,
               "cameras": [r["id"] for r in reset]}
    text = f"drill {run} purged: {len(gone)} incidents, {len(notice_ids)} notices, {len(reset)} cameras"
    closing = {"id": notice_id, "text": text, "level": "info", "drill": True, "drill_run": None, "by": actor.name,
               "at": iso(now), "purged": summary}
    return PurgePlan(run, gone, notice_ids, reset, summary, closing)


def in_drill_run(drill: bool, drill_run: str | None, run: str) -> bool:
    """Does ``drill.purge {"drill": run}`` take this (incident, notice, camera state)? Never real data."""
    return drill and (run == PURGE_ALL or drill_run == run)


def actor_is_drill(actor: Actor) -> bool:
    # Drill players connect as users whose name starts with "drill": their incidents are flagged
    # at the source even if a scenario forgets the flag.
    return actor.name.startswith("drill")


def apply_incident_command(
    inc: Incident,
    name: str,
    args: Mapping[str, Any],
    actor: Actor,
    now: datetime,
    catalog: Catalog,
    lookup: Callable[[str], Incident | None] = lambda _id: None,
) -> Applied:
    """Apply one incident command (not report) to ``inc``; raise CommandError when refused."""
    applied = _apply(inc, name, args, actor, now, catalog, lookup)
    new = with_facts(inc, applied.incident, applied.transition.action, args, actor, now)
    return Applied(new, applied.transition, applied.sla_next_at)


def with_facts(old: Incident, new: Incident, action: str, args: Mapping[str, Any], actor: Actor,
               now: datetime) -> Incident:
    """The evaluation facts after one step (issue 15): who accepted, whether it was ever
    dispatched, returned, given more time or parked, whether the last resolve was on time, and
    the rating that counts (the last call-back's, else the close's)."""
    facts: dict[str, Any] = {}
    if action == "accept" and old.accepted_by is None:
        facts["accepted_by"] = actor.name
    elif action == "dispatch":
        facts["f_dispatched"] = True
    elif action == "return":
        facts["f_returned"] = True
    elif action == "extend":
        facts["f_extended"] = True
    elif action == "park":
        facts["f_parked"] = True
    elif action == "resolve":
        facts["handled_on_time"] = old.deadline is None or now <= old.deadline
    elif action == "callback" and args.get("satisfaction"):
        facts["rating"] = args["satisfaction"]
    elif action == "close" and not any(c.get("satisfaction") for c in old.callbacks):
        facts["rating"] = args.get("satisfaction")
    elif action == "reopen":
        facts["rating"] = None  # judged again when it closes again
    elif action == "escalate":
        facts["f_escalated"] = True
    elif action == "acknowledge" and old.state is State.ESCALATED and new.state is not State.ESCALATED:
        # the department signs for the case (签收): on time against the sign-off deadline
        facts["signed_on_time"] = old.deadline is None or now <= old.deadline
    elif action == "rate_department":
        facts["street_stars"] = args["stars"]
    return new.evolve(**facts) if facts else new


def _apply(
    inc: Incident,
    name: str,
    args: Mapping[str, Any],
    actor: Actor,
    now: datetime,
    catalog: Catalog,
    lookup: Callable[[str], Incident | None],
) -> Applied:
    if "expect_version" in args and args["expect_version"] != inc.version:
        raise CommandError(
            "conflict", f"incident {inc.id} is at version {inc.version}, not {args['expect_version']}"
        )
    changes: dict[str, Any] = {}
    if name == "incident.note":
        if actor.role not in lc.NOTE_ROLES:
            raise CommandError("forbidden", f"role {actor.role.value} may not add notes")
        if actor.role is Role.FIELD and not lc.capacities(actor, inc.assignee, inc.grid):
            raise CommandError("forbidden", f"{actor.name!r} is not working on incident {inc.id}")
        new = inc.evolve(notes=inc.notes + 1, version=inc.version + 1, updated_at=now)
        # A note leaves the clock alone: the stage, deadline and colour stay as they were.
        return Applied(new, record(inc, new, "note", actor, now, args), next_sla_change(new, catalog))

    if name in _ANNOTATIONS:
        return _annotate(inc, name, args, actor, now, catalog)

    assist = _assist_of(inc, actor, args)
    if name == "incident.acknowledge" and assist is not None:
        return _assist_acknowledges(inc, assist, args, actor, now, catalog)

    if name == "incident.verify":
        action = Action.VERIFY_PASS if args["passed"] else Action.VERIFY_FAIL
    else:
        action = ACTION_OF[name]
    try:
        to = lc.next_state(inc.state, action, actor, inc.assignee, inc.grid)
    except lc.TransitionError as e:
        raise CommandError(e.code, str(e)) from None

    if action is Action.DISPATCH:
        changes.update(_assignee(args, catalog, required=True))
        changes["escalated"] = False
        changes["assignees"] = _joint(changes["assignee"], changes["assignee_kind"], args.get("assist"), catalog)
    elif action is Action.ESCALATE:
        dept = args["department"]
        if dept not in catalog.departments:
            raise CommandError("invalid_args", f"unknown department {dept!r}")
        changes.update(assignee=dept, assignee_kind="department", escalated=True)
        changes["assignees"] = _joint(dept, "department", None, catalog)
    elif action is Action.RETURN:
        changes.update(assignee=None, assignee_kind=None, escalated=False, assignees=[])
    elif action is Action.VERIFY_FAIL:
        changes["rework"] = inc.rework + 1
    elif action is Action.CLOSE:
        sat = args.get("satisfaction")
        if sat is not None and sat not in SATISFACTION:
            raise CommandError("invalid_args", f"satisfaction must be 1 to 5, got {sat}")
        changes["satisfaction"] = sat
    elif action is Action.MERGE:
        target_id = args["into"]
        if target_id == inc.id:
            raise CommandError("invalid_args", "an incident cannot be merged into itself")
        target = lookup(target_id)
        if target is None:
            raise CommandError("not_found", f"no incident {target_id!r} to merge into")
        if target.final:
            raise CommandError("invalid_args", f"incident {target_id} is {target.state.value}; merge into an open one")
        changes["merged_into"] = target_id
    elif action is Action.REOPEN:
        if "team" in args or "department" in args:
            changes.update(_assignee(args, catalog, required=True))
            changes["assignees"] = _joint(changes["assignee"], changes["assignee_kind"], None, catalog)
        elif inc.assignee is None:
            raise CommandError("invalid_args", f"incident {inc.id} has no assignee; reopen needs team or department")
        changes.update(merged_into=None, satisfaction=None, escalated=False)

    if action is Action.ACKNOWLEDGE and inc.assignees:
        changes["assignees"] = [dict(a, acknowledged_at=a["acknowledged_at"] or iso(now)) if a["role"] == "lead"
                                else a for a in inc.assignees]
    new = inc.evolve(
        state=to, version=inc.version + 1, updated_at=now, stage_started_at=now, **changes
    )
    new, next_at = clock(new, catalog, now)
    return Applied(new, record(inc, new, action.value, actor, now, args), next_at)


def _assignee(args: Mapping[str, Any], catalog: Catalog, required: bool) -> dict[str, Any]:
    team, dept = args.get("team"), args.get("department")
    if team and dept:
        raise CommandError("invalid_args", "give either team or department, not both")
    if team:
        if team not in catalog.teams:
            raise CommandError("invalid_args", f"unknown team {team!r}")
        return {"assignee": team, "assignee_kind": "team"}
    if dept:
        if dept not in catalog.departments:
            raise CommandError("invalid_args", f"unknown department {dept!r}")
        return {"assignee": dept, "assignee_kind": "department"}
    if required:
        raise CommandError("invalid_args", "dispatch needs a team or a department")
    return {}


COMMAND_OF_ACTION = {a.value: n for n, a in ACTION_OF.items()} | {
    "verify_pass": "incident.verify",
    "verify_fail": "incident.verify",
    "note": "incident.note",
    "urge": "incident.urge",
    "callback": "incident.callback",
    "extend": "incident.extend",
    "extend_decide": "incident.extend_decide",
    "park": "incident.park",
    "unpark": "incident.unpark",
    "import_close": "incident.import_close",
}


def replay(transitions: Sequence[TransitionRecord], catalog: Catalog) -> Incident:
    """Rebuild an incident from its stored transitions (the audit trail is the truth).

    Each step was authorised when it happened, so it is replayed as a supervisor (who may take
    every action); a merge target is taken as open, as it was then."""
    first, *rest = transitions
    reporter = Actor(first.actor, Role(first.role))
    inc = new_incident(first.incident, first.data, reporter, first.at, catalog).incident
    for tr in rest:
        if tr.action == "sla":  # the clock's own change: the colour as it stood then
            inc = clock_change(inc, clock(inc, catalog, tr.at)[0], tr.at)[0]
            continue
        name = COMMAND_OF_ACTION[tr.action]
        args = dict(tr.data, incident=tr.incident)  # an assist's acknowledge carries its "for"
        actor = Actor(tr.actor, Role.SUPERVISOR)
        inc = apply_incident_command(inc, name, args, actor, tr.at, catalog, _open_placeholder).incident
    return inc


def _open_placeholder(incident_id: str) -> Incident:
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    return Incident(incident_id, State.REPORTED, "", "normal", 0.0, 0.0, "", "", epoch, "")
