"""The command rules without a database or a socket: argument checks, role checks, and the
rules the store's batch applies (unit.update and drill.purge were moved here from the store)."""

from datetime import UTC, datetime

import pytest

from console.models import commands as cmds
from console.models.lifecycle import Actor, Role, State

NOW = datetime(2026, 12, 6, 2, 0, tzinfo=UTC)
SUP = Actor("wang.li", Role.SUPERVISOR)
DRILL = Actor("drill.player", Role.OPERATOR)


def place(catalog):
    g = sorted(catalog.grids.values(), key=lambda g: g.code)[0]
    return g.centroid


def reported(catalog, iid, actor=SUP, **extra):
    lat, lon = place(catalog)
    args = cmds.validate_args("incident.report", {"category": sorted(catalog.categories)[0], "lat": lat, "lon": lon,
                                                  "description": "井盖缺失", "source": "hotline", **extra})
    return cmds.new_incident(iid, args, actor, NOW, catalog).incident


def unit_row(team="T-01"):
    return {"id": "U1", "team": team, "kind": "car", "callsign": "GL-1", "lat": 43.8, "lon": 125.3, "status": "free",
            "heading": None, "speed": None, "version": 3, "updated_at": None}


def test_validation_cleans_known_args_and_refuses_unknown_ones():
    assert cmds.validate_args("incident.accept", {"incident": "X", "note": None}) == {"incident": "X"}
    with pytest.raises(cmds.CommandError) as e:
        cmds.validate_args("incident.accept", {"incident": "X", "colour": "red"})
    assert e.value.code == "invalid_args" and "colour" in e.value.message
    with pytest.raises(cmds.CommandError) as e:
        cmds.validate_args("incident.fly", {})
    assert e.value.code == "unknown_command"


def test_roles_are_checked_before_anything_is_loaded():
    cmds.authorize_command("incident.dispatch", SUP)
    with pytest.raises(cmds.CommandError) as e:
        cmds.authorize_command("incident.dispatch", Actor("wall", Role.VIEWER))
    assert e.value.code == "forbidden"
    cmds.authorize_command("query.history", Actor("wall", Role.VIEWER))


def test_a_unit_moves_with_a_new_version_and_its_old_row_untouched():
    old = unit_row()
    args = {"unit": "U1", "lat": 43.81, "lon": 125.31, "status": "en_route", "heading": 90.0}
    new = cmds.unit_update(old, args, SUP, NOW)
    assert (new["lat"], new["status"], new["heading"], new["version"], new["updated_at"]) == (
        43.81, "en_route", 90.0, 4, NOW)
    assert old["version"] == 3 and old["status"] == "free"


@pytest.mark.parametrize(("unit", "actor", "status", "code"), [
    (None, SUP, "free", "not_found"),
    (unit_row("T-02"), Actor("li", Role.FIELD, "T-01"), "free", "forbidden"),
    (unit_row(), SUP, "flying", "invalid_args"),
])
def test_a_unit_update_is_refused_with_its_reason(unit, actor, status, code):
    with pytest.raises(cmds.CommandError) as e:
        cmds.unit_update(unit, {"unit": "U1", "lat": 43.8, "lon": 125.3, "status": status}, actor, NOW)
    assert e.value.code == code


def test_a_field_user_moves_their_own_teams_unit():
    assert cmds.unit_update(unit_row("T-01"), {"unit": "U1", "lat": 1.0, "lon": 2.0, "status": "busy"},
                            Actor("li", Role.FIELD, "T-01"), NOW)["status"] == "busy"


def test_a_purge_takes_one_drill_run_and_never_real_data(catalog):
    real = reported(catalog, "R1")
    run_a = reported(catalog, "A1", DRILL, drill_run="flood-1")
    run_b = reported(catalog, "B1", DRILL, drill_run="flood-2")
    assert run_a.drill and not real.drill
    cameras = {"CAM-1": {"drill": True, "drill_run": "flood-1", "version": 2},
               "CAM-2": {"drill": False, "drill_run": None, "version": 5}}
    notices = [("N1", True, "flood-1"), ("N2", False, None), ("N3", True, "flood-2")]
    plan = cmds.purge_drill("flood-1", SUP, NOW, "N9", {"R1": real, "A1": run_a, "B1": run_b}, cameras, notices)
    assert [inc.id for inc, _ in plan.incidents] == ["A1"]
    [(_, data)] = plan.incidents
    assert data["state"] == State.REJECTED.value and data["purged"] and data["action"]["name"] == "purge"
    assert data["version"] == run_a.version + 1
    assert plan.notices == ["N1"]
    assert [(c["id"], c["status"], c["drill"], c["version"]) for c in plan.cameras] == [("CAM-1", "online", False, 3)]
    assert plan.summary == {"drill": "flood-1", "incidents": ["A1"], "notices": ["N1"], "cameras": ["CAM-1"]}
    assert plan.notice["id"] == "N9" and plan.notice["drill"] and "1 incidents" in plan.text


def test_purging_every_drill_takes_all_runs_and_still_nothing_real(catalog):
    incs = {"R1": reported(catalog, "R1"), "A1": reported(catalog, "A1", DRILL, drill_run="x"),
            "B1": reported(catalog, "B1", DRILL)}
    plan = cmds.purge_drill(cmds.PURGE_ALL, SUP, NOW, "N1", incs, {}, [("N2", False, None)])
    assert sorted(inc.id for inc, _ in plan.incidents) == ["A1", "B1"] and plan.notices == []


def dispatched(catalog, iid="D1"):
    inc = reported(catalog, iid)
    team = sorted(catalog.teams)[0]
    inc = cmds.apply_incident_command(inc, "incident.accept", {"incident": iid}, SUP, NOW, catalog).incident
    return cmds.apply_incident_command(inc, "incident.dispatch", {"incident": iid, "team": team}, SUP, NOW,
                                       catalog).incident


def test_urging_leaves_the_state_and_the_clock_and_counts(catalog):
    inc = dispatched(catalog)
    applied = cmds.apply_incident_command(inc, "incident.urge", {"incident": inc.id, "level": 1, "note": "快"}, SUP,
                                          NOW, catalog)
    new, tr = applied.incident, applied.transition
    assert new.urged == 1 and new.state is inc.state and new.deadline == inc.deadline and new.sla == inc.sla
    assert new.version == inc.version + 1
    assert (tr.action, tr.from_state, tr.to_state, tr.note, tr.data) == (
        "urge", "dispatched", "dispatched", "快", {"level": 1, "note": "快"})


def test_only_the_control_room_urges_and_calls_back(catalog):
    inc = dispatched(catalog)
    field = Actor("crew", Role.FIELD, inc.assignee)
    for name, args in (("incident.urge", {"level": 1}), ("incident.callback", {"reached": True})):
        with pytest.raises(cmds.CommandError) as e:
            cmds.apply_incident_command(inc, name, {"incident": inc.id, **args}, field, NOW, catalog)
        assert e.value.code == "forbidden"


def test_a_call_back_is_kept_with_who_when_and_what(catalog):
    inc = dispatched(catalog)
    trail = []
    for name, args in (("incident.acknowledge", {}), ("incident.resolve", {"note": "已处置"}),
                       ("incident.callback", {"reached": True, "satisfaction": 4, "note": "满意"})):
        applied = cmds.apply_incident_command(inc, name, {"incident": inc.id, **args}, SUP, NOW, catalog)
        inc = applied.incident
        trail.append(applied.transition)
    assert inc.state is State.RESOLVED
    assert inc.callbacks == [{"at": "2026-12-06T02:00:00.000Z", "by": SUP.name, "reached": True, "satisfaction": 4,
                              "note": "满意"}]
    assert inc.to_wire()["callbacks"] == inc.callbacks and inc.to_wire()["callbacks"] is not inc.callbacks


def later(inc, hours):
    from datetime import timedelta

    return (inc.deadline + timedelta(hours=hours)).isoformat().replace("+00:00", "Z")


def test_an_approved_extension_moves_the_deadline_and_the_clock_keeps_it(catalog):
    from datetime import timedelta

    inc = dispatched(catalog)
    asked = cmds.apply_incident_command(inc, "incident.extend", {"incident": inc.id, "until": later(inc, 24),
                                                                 "reason": "等配件"}, SUP, NOW, catalog).incident
    assert asked.extension["state"] == "requested" and asked.deadline == inc.deadline  # asking changes nothing yet
    ok = cmds.apply_incident_command(asked, "incident.extend_decide", {"incident": inc.id, "approve": True}, SUP,
                                     NOW, catalog)
    new = ok.incident
    assert new.extension["state"] == "approved" and new.deadline == inc.deadline + timedelta(hours=24)
    assert new.sla == "green" and ok.sla_next_at is not None and ok.sla_next_at < new.deadline
    # the clock, run later (what the SLA sweep does), keeps the extended deadline
    ticked, _ = cmds.clock(new, catalog, inc.deadline + timedelta(hours=1))
    assert ticked.deadline == new.deadline and ticked.sla in ("green", "blue")
    red, _ = cmds.clock(new, catalog, new.deadline + timedelta(minutes=1))
    assert red.sla == "red"


@pytest.mark.parametrize("micro", [0, 557_800, 999_999, 123_456])
def test_an_approved_extension_to_the_shown_deadline_plus_days_lands_on_that_instant(catalog, micro):
    """The desk sees deadlines to the millisecond while they are kept to the microsecond: more time
    asked from the shown deadline must end exactly at ``until``, not a millisecond before it."""
    from datetime import timedelta

    from console.models.incident import iso, parse_instant

    at = datetime(2026, 12, 7, 2, 2, 27, micro, tzinfo=UTC)  # a Monday morning: working time runs
    inc = reported(catalog, "D1", category="P0104")  # its limits count working time
    inc = cmds.apply_incident_command(inc, "incident.accept", {"incident": "D1"}, SUP, at, catalog).incident
    inc = cmds.apply_incident_command(inc, "incident.dispatch", {"incident": "D1", "team": sorted(catalog.teams)[0]},
                                      SUP, at, catalog).incident
    until = iso(parse_instant(iso(inc.deadline)) + timedelta(days=2))
    asked = cmds.apply_incident_command(inc, "incident.extend", {"incident": "D1", "until": until, "reason": "等配件"},
                                        SUP, at, catalog).incident
    new = cmds.apply_incident_command(asked, "incident.extend_decide", {"incident": "D1", "approve": True}, SUP, at,
                                      catalog).incident
    assert new.deadline == parse_instant(until) and iso(new.deadline) == until


def test_a_refused_extension_leaves_the_deadline(catalog):
    inc = dispatched(catalog)
    asked = cmds.apply_incident_command(inc, "incident.extend", {"incident": inc.id, "until": later(inc, 5),
                                                                 "reason": "r"}, SUP, NOW, catalog).incident
    no = cmds.apply_incident_command(asked, "incident.extend_decide", {"incident": inc.id, "approve": False}, SUP,
                                     NOW, catalog).incident
    assert no.extension["state"] == "refused" and no.deadline == inc.deadline


@pytest.mark.parametrize(("name", "args", "code"), [
    ("incident.extend", {"until": "EARLIER", "reason": "r"}, "invalid_args"),
    ("incident.extend", {"until": "not a time", "reason": "r"}, "invalid_args"),
    ("incident.extend_decide", {"approve": True}, "invalid_transition"),
])
def test_extension_refusals_name_their_reason(catalog, name, args, code):
    inc = dispatched(catalog)
    if args.get("until") == "EARLIER":
        args = dict(args, until=later(inc, -1))
    with pytest.raises(cmds.CommandError) as e:
        cmds.apply_incident_command(inc, name, {"incident": inc.id, **args}, SUP, NOW, catalog)
    assert e.value.code == code


def test_only_the_assignees_own_field_users_ask_for_more_time(catalog):
    inc = dispatched(catalog)
    args = {"incident": inc.id, "until": later(inc, 2), "reason": "r"}
    own = Actor("crew", Role.FIELD, inc.assignee)
    assert cmds.apply_incident_command(inc, "incident.extend", args, own, NOW, catalog).incident.extension
    with pytest.raises(cmds.CommandError) as e:
        cmds.apply_incident_command(inc, "incident.extend", args, Actor("other", Role.FIELD, "T-99"), NOW, catalog)
    assert e.value.code == "forbidden"


def test_a_parked_case_keeps_its_colour_and_unparking_moves_the_deadline_by_the_parked_time(catalog):
    """挂账 (CONTRACT §5): while parked the clock is stopped (nothing is due, the colour stays, the
    deadline reads as if unparked now); unparked, the deadline stands later by the parked time."""
    from datetime import timedelta

    inc = dispatched(catalog)
    t1 = NOW + timedelta(minutes=10)
    parked = cmds.apply_incident_command(inc, "incident.park", {"incident": inc.id, "reason": "待上级协调"}, SUP,
                                         t1, catalog)
    assert parked.incident.parked and parked.incident.parked_since == t1 and parked.sla_next_at is None
    far = inc.deadline + timedelta(days=3)
    ticked, due = cmds.clock(parked.incident, catalog, far)
    assert ticked.sla == inc.sla and due is None  # never red while parked
    t2 = t1 + timedelta(hours=6)
    back = cmds.apply_incident_command(parked.incident, "incident.unpark", {"incident": inc.id}, SUP, t2, catalog)
    new = back.incident
    assert not new.parked and new.parked_since is None and len(new.parked_spans) == 1
    # later by the parked time as the limit counts it: natural hours, or working hours (none on this
    # Sunday afternoon, so a working-time deadline stays where it was)
    from console.models.timelimits import deadline

    limit = cmds.stage_limit(new, catalog, new.stage)
    assert new.deadline == deadline(limit, new.stage_started_at, catalog.calendar, [(t1, t2)])
    if not limit.working:
        assert new.deadline == inc.deadline + (t2 - t1)
    assert back.sla_next_at is not None


@pytest.mark.parametrize(("first", "name", "code"), [
    ("park", "incident.park", "invalid_transition"),  # parked twice
    (None, "incident.unpark", "invalid_transition"),  # not parked
])
def test_parking_refusals(catalog, first, name, code):
    inc = dispatched(catalog)
    if first:
        inc = cmds.apply_incident_command(inc, "incident.park", {"incident": inc.id, "reason": "r"}, SUP, NOW,
                                          catalog).incident
    with pytest.raises(cmds.CommandError) as e:
        cmds.apply_incident_command(inc, name, {"incident": inc.id, "reason": "r"}, SUP, NOW, catalog)
    assert e.value.code == code


def test_only_a_supervisor_parks(catalog):
    inc = dispatched(catalog)
    with pytest.raises(cmds.CommandError) as e:
        cmds.apply_incident_command(inc, "incident.park", {"incident": inc.id, "reason": "r"},
                                    Actor("op", Role.OPERATOR), NOW, catalog)
    assert e.value.code == "forbidden"


def test_a_joint_dispatch_names_the_lead_and_the_assists_each_acknowledging_for_itself(catalog):
    """联合派遣 (CONTRACT §5): the lead's acknowledge moves the state; an assist's field user
    acknowledges only its own entry; the desk's acknowledge counts as the lead's."""
    lead, helper, dept = sorted(catalog.teams)[0], sorted(catalog.teams)[1], sorted(catalog.departments)[0]
    inc = reported(catalog, "J1")
    inc = cmds.apply_incident_command(inc, "incident.accept", {"incident": "J1"}, SUP, NOW, catalog).incident
    inc = cmds.apply_incident_command(inc, "incident.dispatch", {"incident": "J1", "team": lead,
                                                                 "assist": [helper, dept]}, SUP, NOW, catalog).incident
    assert [(a["id"], a["kind"], a["role"], a["acknowledged_at"]) for a in inc.assignees] == [
        (lead, "team", "lead", None), (helper, "team", "assist", None), (dept, "department", "assist", None)]
    helper_crew = Actor("h", Role.FIELD, helper)
    mine = cmds.apply_incident_command(inc, "incident.acknowledge", {"incident": "J1"}, helper_crew, NOW, catalog)
    assert mine.incident.state is State.DISPATCHED and mine.transition.data["for"] == helper
    assert [a["acknowledged_at"] is not None for a in mine.incident.assignees] == [False, True, False]
    with pytest.raises(cmds.CommandError) as e:  # once only
        cmds.apply_incident_command(mine.incident, "incident.acknowledge", {"incident": "J1"}, helper_crew, NOW,
                                    catalog)
    assert e.value.code == "invalid_transition"
    desk = cmds.apply_incident_command(mine.incident, "incident.acknowledge", {"incident": "J1"}, SUP, NOW, catalog)
    assert desk.incident.state is State.ACKNOWLEDGED
    assert [a["acknowledged_at"] is not None for a in desk.incident.assignees] == [True, True, False]


@pytest.mark.parametrize("assist", [["T-NOPE"], ["LEAD"], ["X", "X"]])
def test_a_bad_assist_list_is_refused(catalog, assist):
    lead = sorted(catalog.teams)[0]
    other = sorted(catalog.teams)[1]
    assist = [lead if a == "LEAD" else other if a == "X" else a for a in assist]
    inc = reported(catalog, "J2")
    inc = cmds.apply_incident_command(inc, "incident.accept", {"incident": "J2"}, SUP, NOW, catalog).incident
    with pytest.raises(cmds.CommandError) as e:
        cmds.apply_incident_command(inc, "incident.dispatch", {"incident": "J2", "team": lead, "assist": assist}, SUP,
                                    NOW, catalog)
    assert e.value.code == "invalid_args"


def test_assist_must_be_a_short_list_of_ids():
    with pytest.raises(cmds.CommandError):
        cmds.validate_args("incident.dispatch", {"incident": "X", "team": "T-01", "assist": "T-02"})
    assert cmds.validate_args("incident.dispatch", {"incident": "X", "team": "T-01", "assist": [" T-02 "]})[
        "assist"] == ["T-02"]


def test_parking_after_more_time_was_approved_moves_the_new_deadline_on(catalog):
    """延期 then 挂账 (found by the desk's end-to-end test): the approved deadline is the time asked
    for, and a later parking moves it on by the parked time, as the limit counts time."""
    from datetime import timedelta

    from console.models.timelimits import stretched

    inc = dispatched(catalog)
    until = inc.deadline + timedelta(hours=5)
    asked = cmds.apply_incident_command(inc, "incident.extend", {"incident": inc.id, "until": until.isoformat(),
                                                                 "reason": "需要泵车"}, SUP, NOW, catalog).incident
    ok = cmds.apply_incident_command(asked, "incident.extend_decide", {"incident": inc.id, "approve": True}, SUP,
                                     NOW, catalog).incident
    assert ok.deadline == until and ok.extension["extra_seconds"] > 0
    t1, t2 = NOW + timedelta(minutes=5), NOW + timedelta(minutes=65)
    parked = cmds.apply_incident_command(ok, "incident.park", {"incident": inc.id, "reason": "r"}, SUP, t1,
                                         catalog).incident
    back = cmds.apply_incident_command(parked, "incident.unpark", {"incident": inc.id}, SUP, t2, catalog).incident
    limit = cmds.stage_limit(back, catalog, back.stage)
    longer = stretched(limit, catalog.calendar, inc.deadline, until)
    from console.models.timelimits import deadline

    assert back.deadline == deadline(longer, back.stage_started_at, catalog.calendar, [(t1, t2)]) >= until


def test_the_panel_shows_only_the_case_life_controls_the_hub_takes(catalog):
    from console.models.case_life import allowed_case_life

    inc = dispatched(catalog).to_wire()
    op, crew = Actor("op", Role.OPERATOR), Actor("crew", Role.FIELD, inc["assignee"])
    assert allowed_case_life(inc, SUP) == {"urge", "park", "extend"}
    assert allowed_case_life(inc, op) == {"urge"}
    assert allowed_case_life(inc, crew) == {"extend"}
    assert allowed_case_life(inc, Actor("other", Role.FIELD, "T-99")) == set()
    asked = dict(inc, extension={"state": "requested"}, parked=True)
    assert allowed_case_life(asked, SUP) == {"urge", "unpark", "extend_approve", "extend_refuse"}
    assert allowed_case_life(dict(inc, state="resolved"), op) == {"callback"}
    helper = dict(inc, assignees=[{"id": inc["assignee"], "role": "lead", "acknowledged_at": None},
                                  {"id": "T-77", "role": "assist", "acknowledged_at": None}])
    assert "acknowledge" in allowed_case_life(helper, Actor("h", Role.FIELD, "T-77"))


def test_a_second_request_for_more_time_keeps_the_first_grant(catalog):
    """Found in review: a new request replaced the approved one and the case fell back to its
    first deadline; now the time granted stands while the next request waits, if it is refused,
    and under the next approval."""
    from datetime import timedelta

    inc = dispatched(catalog)

    def ask(i, until, t):
        return cmds.apply_incident_command(i, "incident.extend", {"incident": i.id, "until": until.isoformat(),
                                                                  "reason": "r"}, SUP, t, catalog).incident

    def decide(i, yes, t):
        return cmds.apply_incident_command(i, "incident.extend_decide", {"incident": i.id, "approve": yes}, SUP, t,
                                           catalog).incident

    first = inc.deadline + timedelta(hours=5)
    one = decide(ask(inc, first, NOW), True, NOW)
    assert one.deadline == first
    pending = ask(one, first + timedelta(hours=1), NOW + timedelta(minutes=1))  # inside working hours
    assert cmds.clock(pending, catalog, NOW + timedelta(minutes=2))[0].deadline == first  # the grant stands
    assert cmds.clock(decide(pending, False, NOW + timedelta(minutes=3)), catalog,
                      NOW + timedelta(minutes=4))[0].deadline == first  # refused: still the first grant
    two = decide(pending, True, NOW + timedelta(minutes=3))
    assert two.deadline == first + timedelta(hours=1)


def test_more_time_granted_does_not_carry_over_to_a_later_pass_of_the_stage(catalog):
    from datetime import timedelta

    inc = dispatched(catalog)
    until = inc.deadline + timedelta(hours=5)
    asked = cmds.apply_incident_command(inc, "incident.extend", {"incident": inc.id, "until": until.isoformat(),
                                                                 "reason": "r"}, SUP, NOW, catalog).incident
    ok = cmds.apply_incident_command(asked, "incident.extend_decide", {"incident": inc.id, "approve": True}, SUP,
                                     NOW, catalog).incident
    later = NOW + timedelta(minutes=30)
    for name, extra in (("incident.acknowledge", {}), ("incident.resolve", {}),
                        ("incident.verify", {"passed": False, "note": "no"})):
        ok = cmds.apply_incident_command(ok, name, {"incident": inc.id, **extra}, SUP, later, catalog).incident
    assert ok.state.value == "dispatched"
    fresh = cmds.clock(dispatched(catalog, "D2").evolve(stage_started_at=later), catalog, later)[0]
    assert ok.deadline == fresh.deadline  # the rework's dispatch runs on the plain limit again


def escalated_case(catalog, iid="E1"):
    inc = reported(catalog, iid)
    inc = cmds.apply_incident_command(inc, "incident.accept", {"incident": iid}, SUP, NOW, catalog).incident
    dept = sorted(catalog.departments)[0]
    return cmds.apply_incident_command(inc, "incident.escalate", {"incident": iid, "department": dept,
                                                                  "reason": "需要部门"}, SUP, NOW, catalog).incident


def test_a_departments_sign_off_is_judged_against_its_deadline(catalog):
    from datetime import timedelta

    inc = escalated_case(catalog)
    assert inc.f_escalated and inc.state is State.ESCALATED and inc.signed_on_time is None
    on_time = cmds.apply_incident_command(inc, "incident.acknowledge", {"incident": inc.id}, SUP, NOW, catalog)
    assert on_time.incident.signed_on_time is True
    late = inc.deadline + timedelta(minutes=1)
    assert cmds.apply_incident_command(inc, "incident.acknowledge", {"incident": inc.id}, SUP, late,
                                       catalog).incident.signed_on_time is False
    assert "signed_on_time" not in on_time.incident.to_wire() and "f_escalated" not in on_time.incident.to_wire()


def test_the_street_rates_the_departments_work_once_it_is_resolved_and_the_last_rating_counts(catalog):
    from console.models.case_life import allowed_case_life

    inc = escalated_case(catalog)
    op = Actor("op", Role.OPERATOR)
    rate = {"incident": inc.id, "stars": 4}
    with pytest.raises(cmds.CommandError) as e:
        cmds.apply_incident_command(inc, "incident.rate_department", rate, op, NOW, catalog)
    assert e.value.code == "invalid_transition"  # not handled yet
    for name in ("incident.acknowledge", "incident.resolve"):
        inc = cmds.apply_incident_command(inc, name, {"incident": inc.id}, SUP, NOW, catalog).incident
    assert "rate_department" in allowed_case_life(inc.to_wire(), op)
    applied = cmds.apply_incident_command(inc, "incident.rate_department", {**rate, "note": "处置及时"}, op, NOW,
                                          catalog)
    new, tr = applied.incident, applied.transition
    assert new.department_rating == {"department": inc.assignee, "stars": 4, "by": "op",
                                     "at": "2026-12-06T02:00:00.000Z", "note": "处置及时"}
    assert (new.street_stars, new.state, new.version, tr.action) == (4, State.RESOLVED, inc.version + 1,
                                                                     "rate_department")
    again = cmds.apply_incident_command(new, "incident.rate_department", {**rate, "stars": 2}, op, NOW, catalog)
    assert again.incident.street_stars == 2 and again.incident.department_rating["stars"] == 2
    for bad, code in (({"stars": 6}, "invalid_args"), ({"stars": 0}, "invalid_args")):
        with pytest.raises(cmds.CommandError) as e:
            cmds.apply_incident_command(new, "incident.rate_department", {**rate, **bad}, op, NOW, catalog)
        assert e.value.code == code
    with pytest.raises(cmds.CommandError) as e:
        cmds.apply_incident_command(new, "incident.rate_department", rate, Actor("c", Role.FIELD, "T-01"), NOW,
                                    catalog)
    assert e.value.code == "forbidden"
    teams_case = dispatched(catalog, "T1")
    for name in ("incident.acknowledge", "incident.resolve"):
        teams_case = cmds.apply_incident_command(teams_case, name, {"incident": "T1"}, SUP, NOW, catalog).incident
    assert "rate_department" not in allowed_case_life(teams_case.to_wire(), op)
    with pytest.raises(cmds.CommandError) as e:
        cmds.apply_incident_command(teams_case, "incident.rate_department", {"incident": "T1", "stars": 3}, op, NOW,
                                    catalog)
    assert e.value.code == "invalid_transition" and "department" in e.value.message


def imported(catalog, iid="M1"):
    return reported(catalog, iid, external_id="SR-9", reported_at="2026-12-05T08:00:00Z")


def test_a_case_closed_at_its_source_is_closed_in_one_step_with_nothing_made_up(catalog):
    inc = imported(catalog)
    done = cmds.apply_incident_command(inc, "incident.import_close", cmds.validate_args("incident.import_close", {
        "incident": inc.id, "closed_at": "2026-12-05T10:00:00Z", "note": "已修复"}), SUP, NOW, catalog)
    new, tr = done.incident, done.transition
    assert (new.state, new.version, new.sla, new.deadline, done.sla_next_at) == (State.CLOSED, 2, None, None, None)
    assert (new.accepted_by, new.f_dispatched, new.handled_on_time, new.assignee) == (None, False, None, None)
    assert (tr.action, tr.from_state, tr.to_state, tr.note, tr.actor) == ("import_close", "reported", "closed",
                                                                          "已修复", SUP.name)
    assert tr.data["closed_at"] == "2026-12-05T10:00:00Z"
    assert cmds.replay([cmds.new_incident(inc.id, {k: v for k, v in inc.to_wire().items()}, SUP, NOW,
                                          catalog).transition, tr], catalog).state is State.CLOSED


@pytest.mark.parametrize(("how", "closed_at", "code", "words"), [
    ("not imported", None, "invalid_transition", "was not imported"),
    ("accepted", None, "invalid_transition", "untouched since its import"),
    ("before the report", "2026-12-05T07:00:00Z", "invalid_args", "before the report"),
    ("in the future", "2026-12-07T00:00:00Z", "invalid_args", "in the future"),
    ("not a time", "yesterday", "invalid_args", "not an ISO-8601 time"),
])
def test_closing_as_closed_at_the_source_is_refused_naming_why(catalog, how, closed_at, code, words):
    inc = reported(catalog, "M2") if how == "not imported" else imported(catalog)
    if how == "accepted":
        inc = cmds.apply_incident_command(inc, "incident.accept", {"incident": inc.id}, SUP, NOW, catalog).incident
    args = {"incident": inc.id} | ({"closed_at": closed_at} if closed_at else {})
    with pytest.raises(cmds.CommandError) as e:
        cmds.apply_incident_command(inc, "incident.import_close", args, SUP, NOW, catalog)
    assert e.value.code == code and words in e.value.message


def test_only_a_supervisor_closes_a_case_as_closed_at_its_source(catalog):
    inc = imported(catalog)
    for role in (Role.OPERATOR, Role.FIELD, Role.SENSOR):
        with pytest.raises(cmds.CommandError) as e:
            cmds.apply_incident_command(inc, "incident.import_close", {"incident": inc.id}, Actor("x", role), NOW,
                                        catalog)
        assert e.value.code == "forbidden"
    assert cmds.apply_incident_command(inc, "incident.import_close", {"incident": inc.id}, Actor("a", Role.ADMIN),
                                       NOW, catalog).incident.state is State.CLOSED
