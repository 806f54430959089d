"""Property tests: random command sequences through the real store (SQLite and PostgreSQL).

- no sequence reaches a state outside the lifecycle, or a move the table does not allow;
- replaying an incident's stored transitions rebuilds its stored row exactly;
- seq rises by exactly one per applied command.
"""

import json
from dataclasses import asdict
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.models import commands as cmds
from console.models import lifecycle as lc
from console.models.lifecycle import Actor, Role, State
from console.models.store import Request

T0 = datetime(2026, 11, 20, 0, 30, tzinfo=UTC)

NAMES = [
    "incident.accept", "incident.reject", "incident.dispatch", "incident.acknowledge", "incident.return",
    "incident.escalate", "incident.resolve", "incident.verify", "incident.close", "incident.merge",
    "incident.reopen", "incident.note",
]
ROLES = [Role.OPERATOR, Role.SUPERVISOR, Role.FIELD, Role.VIEWER, Role.ADMIN]

step = st.tuples(
    st.sampled_from(NAMES),
    st.sampled_from(ROLES),
    st.integers(0, 2),  # which incident
    st.booleans(),  # verify passed / use department
    st.integers(1, 90),  # minutes later
)


def _args(name, target, other, flag, catalog):
    team = sorted(catalog.teams)[0]
    dept = sorted(catalog.departments)[0]
    a = {"incident": target}
    if name in ("incident.reject", "incident.return", "incident.reopen", "incident.escalate"):
        a["reason"] = "原因"
    if name == "incident.dispatch" or (name == "incident.reopen" and flag):
        a |= {"department": dept} if flag else {"team": team}
    if name == "incident.escalate":
        a["department"] = dept
    if name == "incident.verify":
        a["passed"] = flag
    if name == "incident.close":
        a["satisfaction"] = 4
    if name == "incident.merge":
        a["into"] = other
    if name == "incident.note":
        a["text"] = "备注"
    return a


def _comparable(inc):
    d = asdict(inc)
    d.pop("sla")  # the colour also moves with the clock, between transitions
    return d


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=25))
def test_random_sequences_stay_in_the_lifecycle_and_replay_exactly(store, catalog, steps):
    team = sorted(catalog.teams)[0]
    grid = next(iter(catalog.grids.values()))
    lat, lon = grid.centroid
    cat = sorted(catalog.categories)[0]
    now = T0
    head0 = store.head()
    ids = []
    for k in range(3):
        args = cmds.validate_args("incident.report", {"category": cat, "lat": lat, "lon": lon,
                                                      "description": f"事件{k}", "source": "grid"})
        [out] = store.execute([Request(Actor("op", Role.OPERATOR), "incident.report", args)], now=now)
        ids.append(out.result["incident"]["id"])
    applied = 3
    for name, role, which, flag, minutes in steps:
        now += timedelta(minutes=minutes)
        actor = Actor(f"u-{role.value}", role, team=team, grids=frozenset({grid.code}))
        target, other = ids[which], ids[(which + 1) % 3]
        before = store.incident(target)
        try:
            cmds.authorize_command(name, actor)
            args = cmds.validate_args(name, _args(name, target, other, flag, catalog))
        except cmds.CommandError:
            continue
        [out] = store.execute([Request(actor, name, args)], now=now)
        after = store.incident(target)
        assert after.state in set(State)
        if out.result["ok"]:
            applied += 1
            if name != "incident.note":
                action = lc.Action.VERIFY_PASS if args.get("passed") else (
                    lc.Action.VERIFY_FAIL if name == "incident.verify" else cmds.ACTION_OF[name])
                assert lc.TRANSITIONS[(before.state, action)].to is after.state
            assert after.version == before.version + 1
        else:
            assert out.result["code"] in cmds.ERROR_CODES
            assert after == before  # nothing half-applied
    for i in ids:
        rebuilt = cmds.replay(store.transitions(i), catalog)
        assert _comparable(rebuilt) == _comparable(store.incident(i))
    seqs = [json.loads(f)["seq"] for f in store.events_since(head0)]
    assert seqs == list(range(head0 + 1, head0 + applied + 1))
