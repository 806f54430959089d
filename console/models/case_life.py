"""Protocol 1.1, the desk's case life (CONTRACT §5): urging, call-backs, more time, parking, and
joint dispatch — the rules for changes that leave a case's state where it is (and the joint
dispatch list). Pure; ``commands.apply_incident_command`` hands them their commands."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from . import lifecycle as lc
from .clock import Applied, clock, extension_seconds, next_sla_change, record, stage_extra
from .incident import Incident, iso, parse_instant
from .lifecycle import Actor, Role, State
from .validation import (
    EXTRA_ROLES,
    SATISFACTION,
    CommandError,
)

if TYPE_CHECKING:
    from .catalog import Catalog

# protocol 1.1 commands that change a case without moving it: where each is allowed
URGE_STATES = frozenset({State.ACCEPTED, State.DISPATCHED, State.ACKNOWLEDGED, State.ESCALATED, State.RETURNED})
CALLBACK_STATES = frozenset({State.RESOLVED, State.VERIFIED, State.CLOSED})
SKEW = timedelta(minutes=5)  # another system's clock may run a little ahead of ours
URGE_LEVELS = {1: "催办 reminder", 2: "督办 supervision"}
_ANNOTATIONS = ("incident.urge", "incident.callback", "incident.extend", "incident.extend_decide", "incident.park",
                "incident.unpark", "incident.rate_department", "incident.import_close")
EXTEND_STATES = frozenset({State.DISPATCHED, State.ACKNOWLEDGED, State.ESCALATED, State.RETURNED})


def _annotate(inc: Incident, name: str, args: Mapping[str, Any], actor: Actor, now: datetime,
              catalog: Catalog) -> Applied:
    """``incident.urge`` and ``incident.callback`` (CONTRACT §5): the state and the clock stay as
    they are; the case's version rises and the change is one transition, action ``urge`` or
    ``callback``, from and to the unchanged state."""
    if actor.role not in EXTRA_ROLES[name]:
        raise CommandError("forbidden", f"role {actor.role.value} may not send {name}")
    if name in ("incident.extend", "incident.extend_decide"):
        return _extension(inc, name, args, actor, now, catalog)
    if name in ("incident.park", "incident.unpark"):
        return _parking(inc, name, args, actor, now, catalog)
    if name == "incident.rate_department":
        return _rate_department(inc, args, actor, now, catalog)
    if name == "incident.import_close":
        return _import_close(inc, args, actor, now, catalog)
    if name == "incident.urge":
        if inc.state not in URGE_STATES:
            raise CommandError("invalid_transition", f"incident {inc.id} is {inc.state.value}; only a case being "
                                                     "worked on can be urged")
        if args["level"] not in URGE_LEVELS:
            raise CommandError("invalid_args", "level must be 1 (催办 reminder) or 2 (督办 supervision)")
        new = inc.evolve(urged=inc.urged + 1, version=inc.version + 1, updated_at=now)
        action = "urge"
    else:
        if inc.state not in CALLBACK_STATES:
            raise CommandError("invalid_transition", f"incident {inc.id} is {inc.state.value}; the reporter is "
                                                     "called back once it is resolved")
        reached, sat = args["reached"], args.get("satisfaction")
        if sat is not None and (not reached or sat not in SATISFACTION):
            raise CommandError("invalid_args", "satisfaction is 1 to 5, and only when the reporter was reached")
        entry = {"at": iso(now), "by": actor.name, "reached": reached, "satisfaction": sat,
                 "note": args.get("note") or None}
        new = inc.evolve(callbacks=[*inc.callbacks, entry], version=inc.version + 1, updated_at=now)
        action = "callback"
    return Applied(new, record(inc, new, action, actor, now, args), next_sla_change(new, catalog))


def _import_close(inc: Incident, args: Mapping[str, Any], actor: Actor, now: datetime,
                  catalog: Catalog) -> Applied:
    """An extension (docs/OPEN311.md): a request another system closed comes in closed. Only a
    case just imported (an ``external_id``, untouched since its report) may be closed this way,
    in one step ``import_close`` from ``reported`` to ``closed``: no accept, dispatch or resolve
    is made up, and the evaluation counts it as reported but never as closed here."""
    if not inc.external_id:
        raise CommandError("invalid_transition", f"incident {inc.id} was not imported; only an imported case "
                                                 "closed at its source may be closed so")
    if inc.state is not State.REPORTED or inc.version != 1:
        raise CommandError("invalid_transition", f"incident {inc.id} is {inc.state.value} at version "
                                                 f"{inc.version}; only a case untouched since its import may be "
                                                 "closed as closed at its source")
    given = args.get("closed_at")
    try:
        closed_at = now if given is None else parse_instant(given)
    except (TypeError, ValueError):
        raise CommandError("invalid_args", f"closed_at is not an ISO-8601 time: {str(given)[:40]!r}") from None
    if closed_at < inc.reported_at or closed_at > now + SKEW:
        raise CommandError("invalid_args", f"closed_at {given} is before the report ({iso(inc.reported_at)}) "
                                           "or in the future")
    new = inc.evolve(state=State.CLOSED, version=inc.version + 1, updated_at=now, stage_started_at=now)
    new, next_at = clock(new, catalog, now)
    return Applied(new, record(inc, new, "import_close", actor, now, args), next_at)


def _rate_department(inc: Incident, args: Mapping[str, Any], actor: Actor, now: datetime,
                     catalog: Catalog) -> Applied:
    """Two-way assessment (Huangpu's): the street that called a department in rates its work 1–5
    once the department has handled the case (resolved, verified or closed, still with it). A
    second rating replaces the first; the state and the clock stay."""
    if inc.state not in CALLBACK_STATES:
        raise CommandError("invalid_transition", f"incident {inc.id} is {inc.state.value}; a department's work "
                                                 "is rated once it is resolved")
    if inc.assignee_kind != "department" or not inc.assignee:
        raise CommandError("invalid_transition", f"incident {inc.id} was not handled by a department")
    if args["stars"] not in SATISFACTION:
        raise CommandError("invalid_args", "stars is 1 to 5")
    rating = {"department": inc.assignee, "stars": args["stars"], "by": actor.name, "at": iso(now),
              "note": args.get("note") or None}
    new = inc.evolve(department_rating=rating, version=inc.version + 1, updated_at=now)
    return Applied(new, record(inc, new, "rate_department", actor, now, args), next_sla_change(new, catalog))


def _extension(inc: Incident, name: str, args: Mapping[str, Any], actor: Actor, now: datetime,
               catalog: Catalog) -> Applied:
    """延期: the assignee asks for more time (``until`` later than the deadline, a reason); the
    desk approves (the deadline becomes ``until`` for this stage) or refuses (it stays)."""
    ext = inc.extension
    if name == "incident.extend":
        if actor.role is Role.FIELD and lc.Who.ASSIGNEE not in lc.capacities(actor, inc.assignee, inc.grid):
            raise CommandError("forbidden", f"{actor.name!r} is not working on incident {inc.id}")
        if inc.state not in EXTEND_STATES:
            raise CommandError("invalid_transition", f"incident {inc.id} is {inc.state.value}; only a case being "
                                                     "handled can be given more time")
        try:
            until = parse_instant(args["until"])
        except ValueError:
            raise CommandError("invalid_args", f"until is not an ISO-8601 time: {args['until']!r}") from None
        if inc.deadline is None or until <= inc.deadline:
            raise CommandError("invalid_args", "until must be later than the current deadline")
        # the stage's run it is for (a later pass of the same stage starts afresh), and the time
        # already granted to it, which stands while this request waits and if it is refused
        ext = {"until": iso(until), "reason": args["reason"], "by": actor.name, "state": "requested",
               "stage": inc.stage, "stage_start": iso(inc.stage_started_at or inc.reported_at),
               "prior_seconds": stage_extra(inc, inc.stage)}
        new = inc.evolve(extension=ext, version=inc.version + 1, updated_at=now)
        return Applied(new, record(inc, new, "extend", actor, now, args), next_sla_change(new, catalog))
    if not ext or ext.get("state") != "requested":
        raise CommandError("invalid_transition", f"incident {inc.id} has no request for more time pending")
    decided = dict(ext, state="approved" if args["approve"] else "refused", decided_by=actor.name)
    if args["approve"] and ext.get("stage") == inc.stage and inc.deadline is not None:
        # kept as counted time, so that parking later moves the new deadline on like any other;
        # to the microsecond, as deadlines are kept: to the millisecond, a deadline with a
        # sub-millisecond part ended up to 1 ms short of ``until``
        decided["extra_seconds"] = round(extension_seconds(inc, catalog, parse_instant(ext["until"])), 6)
    new = inc.evolve(extension=decided, version=inc.version + 1, updated_at=now)
    if args["approve"]:
        new, next_at = clock(new, catalog, now)  # the new deadline, and the colour against it
    else:
        next_at = next_sla_change(new, catalog)
    return Applied(new, record(inc, new, "extend_decide", actor, now, args), next_at)


def _parking(inc: Incident, name: str, args: Mapping[str, Any], actor: Actor, now: datetime,
             catalog: Catalog) -> Applied:
    """挂账: the supervisor stops a case's clock (it never turns red while parked) and starts it
    again; the deadline then stands later by exactly the parked time, counted as the limit
    counts (natural or working time)."""
    if name == "incident.park":
        if inc.parked:
            raise CommandError("invalid_transition", f"incident {inc.id} is parked already")
        if inc.state not in URGE_STATES:
            raise CommandError("invalid_transition", f"incident {inc.id} is {inc.state.value}; only a case being "
                                                     "worked on can be parked")
        new = inc.evolve(parked=True, parked_since=now, parked_reason=args["reason"], version=inc.version + 1,
                         updated_at=now)
        new, next_at = clock(new, catalog, now)
        return Applied(new, record(inc, new, "park", actor, now, args), next_at)
    if not inc.parked:
        raise CommandError("invalid_transition", f"incident {inc.id} is not parked")
    spans = [*inc.parked_spans, [iso(inc.parked_since), iso(max(now, inc.parked_since))]]
    new = inc.evolve(parked=False, parked_since=None, parked_reason=None, parked_spans=spans,
                     version=inc.version + 1, updated_at=now)
    new, next_at = clock(new, catalog, now)
    return Applied(new, record(inc, new, "unpark", actor, now, args), next_at)


def _joint(lead: str, kind: str, assist: Any, catalog: Catalog) -> list[dict[str, Any]]:
    """联合派遣 ("five in one"): the lead and the assisting teams or departments, each with its
    own acknowledgement (CONTRACT §5)."""
    out = [{"id": lead, "kind": kind, "role": "lead", "acknowledged_at": None}]
    for x in assist or ():
        if not isinstance(x, str) or not x:
            raise CommandError("invalid_args", "assist is a list of team or department ids")
        kind_x = "team" if x in catalog.teams else "department" if x in catalog.departments else None
        if kind_x is None:
            raise CommandError("invalid_args", f"unknown team or department {x!r} in assist")
        if any(a["id"] == x for a in out):
            raise CommandError("invalid_args", f"{x!r} is named twice among the lead and the assists")
        out.append({"id": x, "kind": kind_x, "role": "assist", "acknowledged_at": None})
    return out


def _assist_of(inc: Incident, actor: Actor, args: Mapping[str, Any]) -> str | None:
    """The assist entry an acknowledge is for: a field user's own team when it assists (replayed:
    the ``for`` the stored transition names)."""
    entries = {a["id"]: a for a in inc.assignees if a["role"] == "assist"}
    if args.get("for") in entries:
        return args["for"]
    if actor.role is Role.FIELD and actor.team in entries:
        return actor.team
    return None


def _assist_acknowledges(inc: Incident, assist: str, args: Mapping[str, Any], actor: Actor, now: datetime,
                         catalog: Catalog) -> Applied:
    if inc.state not in (State.DISPATCHED, State.ACKNOWLEDGED):
        raise CommandError("invalid_transition", f"incident {inc.id} is {inc.state.value}; nothing to acknowledge")
    entry = next(a for a in inc.assignees if a["id"] == assist)
    if entry["acknowledged_at"]:
        raise CommandError("invalid_transition", f"{assist} acknowledged incident {inc.id} already")
    assignees = [dict(a, acknowledged_at=iso(now)) if a["id"] == assist else a for a in inc.assignees]
    new = inc.evolve(assignees=assignees, version=inc.version + 1, updated_at=now)
    # the assist's own step: the state stays, the trail says whose ("for")
    return Applied(new, record(inc, new, "acknowledge", actor, now, {**args, "for": assist}),
                   next_sla_change(new, catalog))


# the panel's controls for the steps above, named as the panel names them
CASE_ACTIONS = ("urge", "extend", "extend_approve", "extend_refuse", "park", "unpark", "callback", "rate_department")


def allowed_case_life(inc: Mapping[str, Any], actor: Actor) -> set[str]:
    """Which case-life controls ``actor`` may use on ``inc`` (its wire form): the same rules the
    hub applies above, so a control is shown only when the hub would take it. ``acknowledge`` is
    in the set when the actor's team assists a joint dispatch and has not acknowledged yet."""
    try:
        state = State(inc.get("state") or inc.get("status"))
    except ValueError:
        return set()
    role, out = actor.role, set()
    desk = role in (Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN)
    boss = role in (Role.SUPERVISOR, Role.ADMIN)
    ext = inc.get("extension") or {}
    if state in URGE_STATES and desk:
        out.add("urge")
    if state in URGE_STATES and boss:
        out.add("unpark" if inc.get("parked") else "park")
    if state in CALLBACK_STATES and desk:
        out.add("callback")
        if inc.get("assignee_kind") == "department" and inc.get("assignee"):
            out.add("rate_department")
    if state in EXTEND_STATES and inc.get("deadline") and ext.get("state") != "requested":
        mine = role is Role.FIELD and lc.Who.ASSIGNEE in lc.capacities(actor, inc.get("assignee"), inc.get("grid"))
        if boss or mine:
            out.add("extend")
    if ext.get("state") == "requested" and desk:
        out |= {"extend_approve", "extend_refuse"}
    if role is Role.FIELD and state in (State.DISPATCHED, State.ACKNOWLEDGED) and any(
            a.get("role") == "assist" and a.get("id") == actor.team and not a.get("acknowledged_at")
            for a in inc.get("assignees") or ()):
        out.add("acknowledge")
    return out
