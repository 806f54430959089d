"""An incident's life (CONTRACT §4) as one explicit transition table.

Every rule lives in ``TRANSITIONS``: (state, action) -> (next state, who may do it).
Nothing else in the code decides whether a transition is allowed, so the table can be read
in one place and tested exhaustively.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    REPORTED = "reported"
    ACCEPTED = "accepted"
    DISPATCHED = "dispatched"
    ACKNOWLEDGED = "acknowledged"
    RETURNED = "returned"
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    VERIFIED = "verified"
    CLOSED = "closed"
    REJECTED = "rejected"
    MERGED = "merged"


FINAL_STATES = frozenset({State.CLOSED, State.REJECTED, State.MERGED})
ACTIVE_STATES = frozenset(State) - FINAL_STATES


class Role(StrEnum):
    VIEWER = "viewer"
    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    FIELD = "field"
    SENSOR = "sensor"
    ADMIN = "admin"


class Action(StrEnum):
    """Actions that move an incident between states (``verify`` splits on its outcome)."""

    ACCEPT = "accept"
    REJECT = "reject"
    MERGE = "merge"
    DISPATCH = "dispatch"
    ACKNOWLEDGE = "acknowledge"
    RETURN = "return"
    ESCALATE = "escalate"
    RESOLVE = "resolve"
    VERIFY_PASS = "verify_pass"
    VERIFY_FAIL = "verify_fail"
    CLOSE = "close"
    REOPEN = "reopen"


class Who(StrEnum):
    """Who may act. ``ASSIGNEE`` and ``GRID_FIELD`` depend on the incident, not only the role."""

    OPERATOR = "operator"
    SUPERVISOR = "supervisor"  # admin counts as supervisor everywhere
    ASSIGNEE = "assignee"  # field users of the assigned team or department
    GRID_FIELD = "grid_field"  # field users whose grid(s) include the incident's grid


@dataclass(frozen=True)
class Rule:
    to: State
    who: frozenset[Who]


def _r(to: State, *who: Who) -> Rule:
    return Rule(to, frozenset(who))


_OPS = (Who.OPERATOR, Who.SUPERVISOR)
S, A = State, Action

# The whole life. Entries beyond CONTRACT §4's drawing are marked "extension" and documented
# in docs/LIFECYCLE.md.
TRANSITIONS: dict[tuple[State, Action], Rule] = {
    (S.REPORTED, A.ACCEPT): _r(S.ACCEPTED, *_OPS),
    (S.REPORTED, A.REJECT): _r(S.REJECTED, *_OPS),
    (S.REPORTED, A.MERGE): _r(S.MERGED, *_OPS),
    (S.ACCEPTED, A.DISPATCH): _r(S.DISPATCHED, *_OPS),
    (S.ACCEPTED, A.REJECT): _r(S.REJECTED, *_OPS),
    (S.ACCEPTED, A.MERGE): _r(S.MERGED, *_OPS),
    (S.ACCEPTED, A.ESCALATE): _r(S.ESCALATED, Who.SUPERVISOR),  # extension: call a department at once
    # extension: re-dispatch to another team before anyone signed for it
    (S.DISPATCHED, A.DISPATCH): _r(S.DISPATCHED, *_OPS),
    (S.DISPATCHED, A.ACKNOWLEDGE): _r(S.ACKNOWLEDGED, Who.ASSIGNEE, *_OPS),
    (S.DISPATCHED, A.RETURN): _r(S.RETURNED, Who.ASSIGNEE, Who.SUPERVISOR),
    (S.ACKNOWLEDGED, A.RESOLVE): _r(S.RESOLVED, Who.ASSIGNEE, Who.SUPERVISOR),
    (S.ACKNOWLEDGED, A.ESCALATE): _r(S.ESCALATED, Who.SUPERVISOR),
    (S.ACKNOWLEDGED, A.RETURN): _r(S.RETURNED, Who.ASSIGNEE, Who.SUPERVISOR),
    (S.RETURNED, A.DISPATCH): _r(S.DISPATCHED, *_OPS),
    (S.RETURNED, A.ESCALATE): _r(S.ESCALATED, Who.SUPERVISOR),  # extension
    (S.RETURNED, A.REJECT): _r(S.REJECTED, *_OPS),  # extension: a returned case found void
    (S.ESCALATED, A.ACKNOWLEDGE): _r(S.ACKNOWLEDGED, Who.ASSIGNEE, *_OPS),
    (S.ESCALATED, A.RETURN): _r(S.RETURNED, Who.ASSIGNEE, Who.SUPERVISOR),  # extension: department refuses
    (S.RESOLVED, A.VERIFY_PASS): _r(S.VERIFIED, *_OPS, Who.GRID_FIELD),
    (S.RESOLVED, A.VERIFY_FAIL): _r(S.DISPATCHED, *_OPS, Who.GRID_FIELD),  # rework +1
    (S.VERIFIED, A.CLOSE): _r(S.CLOSED, *_OPS),
    (S.CLOSED, A.REOPEN): _r(S.DISPATCHED, Who.SUPERVISOR),
    (S.REJECTED, A.REOPEN): _r(S.DISPATCHED, Who.SUPERVISOR),
    (S.MERGED, A.REOPEN): _r(S.DISPATCHED, Who.SUPERVISOR),
}
del S, A

# Which actions need an assignee to exist after them (dispatch/escalate set it; reopen keeps it).
REWORK_ACTIONS = frozenset({Action.VERIFY_FAIL})

# Stage whose time limit runs while an incident sits in a state (None: no clock).
STAGE_OF_STATE: dict[State, str | None] = {
    State.REPORTED: "accept",
    State.ACCEPTED: "dispatch",
    State.RETURNED: "dispatch",
    State.DISPATCHED: "acknowledge",
    State.ESCALATED: "acknowledge",
    State.ACKNOWLEDGED: "resolve",
    State.RESOLVED: "verify",
    State.VERIFIED: None,
    State.CLOSED: None,
    State.REJECTED: None,
    State.MERGED: None,
}

# Who may report, note and move units (not state transitions, but the same kind of rule).
REPORT_ROLES = frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.FIELD, Role.SENSOR, Role.ADMIN})
NOTE_ROLES = frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.FIELD, Role.ADMIN})
UNIT_ROLES = frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.FIELD, Role.ADMIN})


@dataclass(frozen=True)
class Actor:
    """Who is acting: a configured user."""

    name: str
    role: Role
    team: str | None = None  # field users: the team or department they act for
    grids: frozenset[str] = frozenset()  # field users: grids they patrol (verify on site)


def capacities(actor: Actor, assignee: str | None, grid: str | None) -> frozenset[Who]:
    """What an actor counts as for one incident."""
    out: set[Who] = set()
    if actor.role in (Role.SUPERVISOR, Role.ADMIN):
        out.add(Who.SUPERVISOR)
    if actor.role is Role.OPERATOR:
        out.add(Who.OPERATOR)
    if actor.role is Role.FIELD:
        if assignee is not None and actor.team == assignee:
            out.add(Who.ASSIGNEE)
        if grid is not None and grid in actor.grids:
            out.add(Who.GRID_FIELD)
    return frozenset(out)


class TransitionError(Exception):
    """Base of lifecycle refusals; ``code`` is the wire error code."""

    code = "invalid_transition"


class NotAllowed(TransitionError):
    code = "invalid_transition"


class Forbidden(TransitionError):
    code = "forbidden"


def next_state(state: State, action: Action, actor: Actor, assignee: str | None, grid: str | None) -> State:
    """The state after ``action``, or raise: NotAllowed when the table has no such move,
    Forbidden when the move exists but this actor may not make it."""
    rule = TRANSITIONS.get((state, action))
    if rule is None:
        raise NotAllowed(f"cannot {action.value} an incident that is {state.value}")
    if not (rule.who & capacities(actor, assignee, grid)):
        raise Forbidden(f"{actor.role.value} {actor.name!r} may not {action.value} this incident")
    return rule.to


def allowed_actions(state: State, actor: Actor, assignee: str | None, grid: str | None) -> list[Action]:
    """Every action this actor may take on an incident in ``state`` (for the console's controls)."""
    caps = capacities(actor, assignee, grid)
    return [a for (s, a), rule in TRANSITIONS.items() if s is state and rule.who & caps]
