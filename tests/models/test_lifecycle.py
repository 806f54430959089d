"""The lifecycle table, checked exhaustively: every state × action × kind of actor.

The expectations below are written out again from CONTRACT §4 and its command table (plus the
extensions documented in docs/LIFECYCLE.md), independently of console.models.lifecycle, so
that a change to the table that breaks the contract fails here.
"""

import itertools

import pytest

from console.models import lifecycle as lc
from console.models.lifecycle import Action, Actor, Role, State

# state action -> next state (contract drawing; "ext" lines are our documented extensions)
EXPECTED_MOVES = """
reported     accept       accepted
reported     reject       rejected
reported     merge        merged
accepted     dispatch     dispatched
accepted     reject       rejected
accepted     merge        merged
accepted     escalate     escalated      ext
dispatched   dispatch     dispatched     ext
dispatched   acknowledge  acknowledged
dispatched   return       returned
acknowledged resolve      resolved
acknowledged escalate     escalated
acknowledged return       returned
returned     dispatch     dispatched
returned     escalate     escalated      ext
returned     reject       rejected       ext
escalated    acknowledge  acknowledged
escalated    return       returned       ext
resolved     verify_pass  verified
resolved     verify_fail  dispatched
verified     close        closed
closed       reopen       dispatched
rejected     reopen       dispatched
merged       reopen       dispatched
"""
MOVES = {
    (State(s), Action(a)): State(t)
    for s, a, t, *_ in (line.split() for line in EXPECTED_MOVES.strip().splitlines())
}

# Who may take each action, from the contract's command table. Personas:
OPS = {"operator", "supervisor", "admin"}
EXPECTED_WHO = {
    Action.ACCEPT: OPS,
    Action.REJECT: OPS,
    Action.MERGE: OPS,
    Action.DISPATCH: OPS,
    Action.ACKNOWLEDGE: OPS | {"field_assignee"},
    Action.RETURN: {"supervisor", "admin", "field_assignee"},
    Action.ESCALATE: {"supervisor", "admin"},
    Action.RESOLVE: {"supervisor", "admin", "field_assignee"},
    Action.VERIFY_PASS: OPS | {"field_grid"},
    Action.VERIFY_FAIL: OPS | {"field_grid"},
    Action.CLOSE: OPS,
    Action.REOPEN: {"supervisor", "admin"},
}

GRID = "220104001001001"
TEAM = "T-01"
PERSONAS = {
    "viewer": Actor("v", Role.VIEWER),
    "operator": Actor("o", Role.OPERATOR),
    "supervisor": Actor("s", Role.SUPERVISOR),
    "admin": Actor("a", Role.ADMIN),
    "sensor": Actor("x", Role.SENSOR),
    "field_assignee": Actor("f1", Role.FIELD, team=TEAM),
    "field_other": Actor("f2", Role.FIELD, team="T-99", grids=frozenset({"220104009009009"})),
    "field_grid": Actor("f3", Role.FIELD, team="T-98", grids=frozenset({GRID})),
}


@pytest.mark.parametrize(
    "state,action,persona", list(itertools.product(State, Action, PERSONAS)), ids=str
)
def test_every_state_action_role_follows_the_contract(state, action, persona):
    """Each (state, action, actor) either moves to the contract's state or is refused with the
    right reason: invalid_transition when the move does not exist, forbidden when it does but
    this actor may not make it."""
    actor = PERSONAS[persona]
    expected = MOVES.get((state, action))
    if expected is None:
        with pytest.raises(lc.NotAllowed):
            lc.next_state(state, action, actor, TEAM, GRID)
    elif persona in EXPECTED_WHO[action]:
        assert lc.next_state(state, action, actor, TEAM, GRID) is expected
    else:
        with pytest.raises(lc.Forbidden):
            lc.next_state(state, action, actor, TEAM, GRID)


def test_the_table_holds_exactly_the_contract_moves():
    """No move exists in the code that the contract (plus documented extensions) lacks."""
    assert {k: r.to for k, r in lc.TRANSITIONS.items()} == MOVES


def test_final_states_only_allow_reopen():
    """closed, rejected and merged are final: the only way out is a supervisor's reopen."""
    for state in lc.FINAL_STATES:
        assert {a for (s, a) in lc.TRANSITIONS if s is state} == {Action.REOPEN}


def test_every_active_state_has_a_way_forward():
    """No active state is a dead end."""
    for state in lc.ACTIVE_STATES:
        assert any(s is state for (s, _a) in lc.TRANSITIONS), state


def test_allowed_actions_lists_what_next_state_accepts():
    """The console's buttons come from allowed_actions; they must agree with next_state."""
    for state, (name, actor) in itertools.product(State, PERSONAS.items()):
        offered = set(lc.allowed_actions(state, actor, TEAM, GRID))
        accepted = set()
        for action in Action:
            try:
                lc.next_state(state, action, actor, TEAM, GRID)
                accepted.add(action)
            except lc.TransitionError:
                pass
        assert offered == accepted, (state, name)


def test_a_viewer_and_a_sensor_can_take_no_action_at_all():
    for state in State:
        assert lc.allowed_actions(state, PERSONAS["viewer"], TEAM, GRID) == []
        assert lc.allowed_actions(state, PERSONAS["sensor"], TEAM, GRID) == []


def test_field_user_of_another_team_cannot_acknowledge():
    with pytest.raises(lc.Forbidden):
        lc.next_state(State.DISPATCHED, Action.ACKNOWLEDGE, PERSONAS["field_other"], TEAM, GRID)


def test_every_state_has_a_stage_entry():
    """The SLA clock knows, for every state, which stage's limit runs (or that none does)."""
    assert set(lc.STAGE_OF_STATE) == set(State)
    for state in lc.FINAL_STATES:
        assert lc.STAGE_OF_STATE[state] is None
