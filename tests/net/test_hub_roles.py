"""The role matrix of CONTRACT §3 over the wire: who may send which command.

One table (``ALLOWED``) restates the contract; for every role one user sends every command to
an incident already in the state that command needs. An allowed command must succeed; a
forbidden one must fail with ``forbidden`` and change nothing. Field users act only for their
own team (or department); verification by a field user needs the incident's grid.
"""

import asyncio

from tests.net.conftest import TEAM

NORMAL = "P0104"
OPS = {"operator", "supervisor", "admin"}
SUP = {"supervisor", "admin"}
ALL_BUT_VIEWER = {"operator", "supervisor", "admin", "field", "sensor"}
ROLES = ("viewer", "operator", "supervisor", "field", "sensor", "admin")
USER_OF = {"viewer": "wall", "operator": "op", "supervisor": "sup", "field": "crew", "sensor": "sensor",
           "admin": "admin"}

# command -> (the state the incident must be in, extra args, roles allowed). The field user here
# (crew) works for the team the incident is dispatched to but patrols no grid, so it may not
# verify (the grid's own field user may: tested below).
MATRIX = {
    "incident.report": (None, {}, ALL_BUT_VIEWER),
    "incident.accept": ("reported", {}, OPS),
    "incident.reject": ("reported", {"reason": "void"}, OPS),
    "incident.merge": ("reported", {"into": "<other>"}, OPS),
    "incident.dispatch": ("accepted", {"team": TEAM}, OPS),
    "incident.acknowledge": ("dispatched", {}, OPS | {"field"}),
    "incident.return": ("dispatched", {"reason": "not ours"}, SUP | {"field"}),
    "incident.escalate": ("acknowledged", {"department": "<dept>", "reason": "too big"}, SUP),
    "incident.resolve": ("acknowledged", {"note": "done"}, SUP | {"field"}),
    "incident.verify": ("resolved", {"passed": True}, OPS),
    "incident.close": ("verified", {"satisfaction": 5}, OPS),
    "incident.reopen": ("closed", {"reason": "back again"}, SUP),
    "incident.note": ("dispatched", {"text": "on my way"}, OPS | {"field"}),
    "incident.urge": ("dispatched", {"level": 1, "note": "overdue soon"}, OPS),  # protocol 1.1
    "incident.callback": ("resolved", {"reached": True, "satisfaction": 4}, OPS),  # protocol 1.1
    "incident.extend": ("dispatched", {"until": "2099-01-01T00:00:00Z", "reason": "parts"}, SUP | {"field"}),
    "incident.park": ("dispatched", {"reason": "awaiting the district"}, SUP),
    "unit.update": (None, {"unit": "<unit>", "status": "busy"}, OPS | {"field"}),
    "query.incidents": (None, {"status": "active"}, set(ROLES)),
}
PATH = [
    ("incident.accept", {}),
    ("incident.dispatch", {"team": TEAM}),
    ("incident.acknowledge", {}),
    ("incident.resolve", {}),
    ("incident.verify", {"passed": True}),
    ("incident.close", {}),
]
STATES = ["reported", "accepted", "dispatched", "acknowledged", "resolved", "verified", "closed"]


def where(catalog, n=0):
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[n]
    return grid.centroid


async def make_incidents(sup, catalog, states, n_grid=0):
    """One fresh incident per entry of ``states``, each driven there by a supervisor (concurrently)."""
    lat, lon = where(catalog, n_grid)
    reports = await asyncio.gather(*(
        sup.command("incident.report", {"category": NORMAL, "lat": lat, "lon": lon, "description": "d",
                                        "source": "grid"}) for _ in states))
    ids = [r["incident"]["id"] for r in reports]
    for step, (name, args) in enumerate(PATH, start=1):
        todo = [i for i, s in zip(ids, states, strict=True) if s is not None and STATES.index(s) >= step]
        results = await asyncio.gather(*(sup.command(name, {"incident": i, **args}) for i in todo))
        assert all(r["ok"] for r in results), results
    return ids


def test_admin_may_do_whatever_a_supervisor_may_in_the_table():
    for name, (_state, _args, roles) in MATRIX.items():
        assert ("admin" in roles) == ("supervisor" in roles), name


async def test_each_role_may_send_exactly_the_commands_the_contract_gives_it(connect, catalog, hub):
    """Every role x every command: allowed ones succeed, the others fail with forbidden and change
    nothing. All the incidents are prepared first, in one go."""
    sup = await connect("sup")
    consoles = {role: await connect(USER_OF[role]) for role in ROLES}
    assert {role: c.role for role, c in consoles.items()} == {r: r for r in ROLES}
    names = list(MATRIX)
    ids = await make_incidents(sup, catalog, [MATRIX[n][0] or "reported" for n in names] * len(ROLES) + ["reported"])
    other_open = ids.pop()
    unit = next(u for u in sorted(catalog.units.values(), key=lambda u: u.id) if u.team == TEAM)
    lat, lon = where(catalog)
    fill = {"<other>": other_open, "<dept>": sorted(catalog.departments)[0], "<unit>": unit.id}
    wrong = []
    for r, role in enumerate(ROLES):
        me = consoles[role]
        for c, name in enumerate(names):
            _state, extra, allowed = MATRIX[name]
            args = {k: fill.get(v, v) if isinstance(v, str) else v for k, v in extra.items()}
            if name == "incident.report":
                args = {"category": NORMAL, "lat": lat, "lon": lon, "description": "x", "source": "grid"}
            elif name == "unit.update":
                args |= {"lat": lat, "lon": lon}
            elif name != "query.incidents":
                args["incident"] = ids[r * len(names) + c]
            head = hub.store.head()
            before = hub.store.incident(args["incident"]) if "incident" in args else None
            res = await me.command(name, args, timeout=10)
            if role in allowed:
                if not res["ok"]:
                    wrong.append(f"{role} {name}: expected ok, got {res.get('code')}: {res.get('message')}")
            else:
                if res["ok"] or res["code"] != "forbidden":
                    wrong.append(f"{role} {name}: expected forbidden, got {res}")
                if hub.store.head() != head or (before and hub.store.incident(before.id) != before):
                    wrong.append(f"{role} {name}: a forbidden command changed something")
    assert not wrong, "\n".join(wrong)


async def test_field_users_act_only_for_their_own_team(connect, catalog, hub):
    sup, crew, crew2 = await connect("sup"), await connect("crew"), await connect("crew2")
    dispatched, acknowledged, acknowledged2 = await make_incidents(
        sup, catalog, ["dispatched", "acknowledged", "acknowledged"])
    head = hub.store.head()
    attempts = [
        ("incident.acknowledge", {"incident": dispatched}),
        ("incident.return", {"incident": dispatched, "reason": "not ours"}),
        ("incident.note", {"incident": dispatched, "text": "hello"}),
        ("incident.resolve", {"incident": acknowledged}),
        ("incident.return", {"incident": acknowledged, "reason": "x"}),
    ]
    for name, args in attempts:
        res = await crew2.command(name, args)
        assert res["ok"] is False and res["code"] == "forbidden", (name, res)
    own_unit = next(u for u in sorted(catalog.units.values(), key=lambda u: u.id) if u.team == TEAM)
    lat, lon = where(catalog)
    res = await crew2.command("unit.update", {"unit": own_unit.id, "lat": lat, "lon": lon, "status": "off"})
    assert res["ok"] is False and res["code"] == "forbidden", res
    assert hub.store.head() == head, "refused commands changed something"
    # the assigned team's own field user may do all of it
    for name, args in attempts[:1] + attempts[2:4]:
        res = await crew.command(name, args)
        assert res["ok"] is True, (name, res)
    res = await crew.command("unit.update", {"unit": own_unit.id, "lat": lat, "lon": lon, "status": "busy"})
    assert res["ok"] is True
    # a field user may not dispatch, accept, escalate, close, reject, reopen
    for name, args in [("incident.escalate", {"incident": acknowledged2, "department": sorted(catalog.departments)[0],
                                              "reason": "x"}),
                       ("incident.accept", {"incident": dispatched}),
                       ("incident.reopen", {"incident": dispatched, "reason": "x"})]:
        res = await crew.command(name, args)
        assert res["ok"] is False and res["code"] == "forbidden", (name, res)


async def test_a_department_field_user_acts_on_cases_dispatched_or_escalated_to_it(connect, catalog):
    sup, dept, crew = await connect("sup"), await connect("dept"), await connect("crew")
    department = sorted(catalog.departments)[0]
    accepted, acknowledged = await make_incidents(sup, catalog, ["accepted", "acknowledged"])
    await sup.command("incident.dispatch", {"incident": accepted, "department": department})
    res = await crew.command("incident.acknowledge", {"incident": accepted})
    assert res["ok"] is False and res["code"] == "forbidden"
    assert (await dept.command("incident.acknowledge", {"incident": accepted}))["ok"] is True
    res = await sup.command("incident.escalate", {"incident": acknowledged, "department": department, "reason": "x"})
    assert res["ok"] is True
    res = await crew.command("incident.resolve", {"incident": acknowledged})
    assert res["ok"] is False
    res = await dept.command("incident.return", {"incident": acknowledged, "reason": "not a department matter"})
    assert res["ok"] is True and res["incident"]["state"] == "returned"


async def test_a_grid_worker_verifies_in_its_own_grid_only(connect, catalog, hub):
    sup, grid_worker, crew = await connect("sup"), await connect("gridman"), await connect("crew")
    mine = await make_incidents(sup, catalog, ["resolved", "resolved"], n_grid=0)  # gridman's grid
    elsewhere = (await make_incidents(sup, catalog, ["resolved"], n_grid=5))[0]
    head = hub.store.head()
    res = await grid_worker.command("incident.verify", {"incident": elsewhere, "passed": True})
    assert res["ok"] is False and res["code"] == "forbidden", res
    res = await crew.command("incident.verify", {"incident": mine[0], "passed": True})
    assert res["ok"] is False and res["code"] == "forbidden", "the assigned team may not verify its own work"
    assert hub.store.head() == head
    res = await grid_worker.command("incident.verify", {"incident": mine[0], "passed": True})
    assert res["ok"] is True and res["incident"]["state"] == "verified"
    res = await grid_worker.command("incident.verify", {"incident": mine[1], "passed": False, "note": "still there"})
    assert res["ok"] is True and res["incident"]["state"] == "dispatched" and res["incident"]["rework"] == 1
    # verifying is all a grid worker may do to a case that is not its team's
    res = await grid_worker.command("incident.close", {"incident": mine[0]})
    assert res["ok"] is False and res["code"] == "forbidden"
