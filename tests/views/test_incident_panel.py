"""The incident panel shows one incident and offers exactly the actions the hub would allow."""

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from console.models.incident import Incident
from console.models.lifecycle import Actor, Role, State
from console.views.incident import IncidentPanel

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 10:00 in Changchun
NANHU_PARK = (43.855, 125.300)
GARBAGE = "E0102"

SUPERVISOR = Actor("wang.li", Role.SUPERVISOR)
OPERATOR = Actor("zhao.op", Role.OPERATOR)
VIEWER = Actor("wall", Role.VIEWER)
NANHU_CREW = Actor("li.grid", Role.FIELD, team="T-03")


def north(lat: float, lon: float, metres: float) -> tuple[float, float]:
    return (lat + metres / 111_195.0, lon)


def incident(catalog, *, id="220104202611230001", state=State.REPORTED, at=NANHU_PARK, reported_at=NOW,
             category=GARBAGE, **kw) -> dict:
    grid, community, street = catalog.place_of(*at)
    base = dict(id=id, state=state, category=category, priority="normal", lat=at[0], lon=at[1],
                description="Garbage piled by the park gate", source="hotline", reported_at=reported_at,
                reported_by="zhao.op", grid=grid, community=community, street=street)
    base.update(kw)
    return Incident(**base).to_wire()


@pytest.fixture
def clock():
    return [NOW]


@pytest.fixture
def make_panel(qtbot, catalog, clock):
    def make(actor=SUPERVISOR, incidents=None, units=None) -> IncidentPanel:
        panel = IncidentPanel(now_fn=lambda: clock[0])
        qtbot.addWidget(panel)
        panel.set_context(actor, catalog)
        panel.set_incidents_provider(lambda: incidents or {})
        panel.set_units_provider(lambda: units or {})
        return panel
    return make


def test_empty_state_asks_to_select_an_incident(make_panel):
    panel = make_panel()
    assert panel.stack.currentWidget() is panel.empty_label
    assert panel.empty_label.text() == "Select an incident"
    assert panel.visible_actions() == []


def test_supervisor_on_a_reported_incident_sees_accept_reject_merge_and_note(make_panel, catalog):
    panel = make_panel(SUPERVISOR)
    panel.show_incident(incident(catalog))
    assert sorted(panel.visible_actions()) == ["accept", "merge", "note", "reject"]
    assert not panel.dispatch_row.isVisibleTo(panel)


def test_viewer_gets_no_action_at_all(make_panel, catalog):
    panel = make_panel(VIEWER)
    panel.show_incident(incident(catalog))
    assert panel.visible_actions() == []
    assert not panel.actions_box.isVisibleTo(panel)


def test_field_user_of_the_assigned_team_can_acknowledge_return_and_note(make_panel, catalog):
    panel = make_panel(NANHU_CREW)
    panel.show_incident(incident(catalog, state=State.DISPATCHED, assignee="T-03", assignee_kind="team"))
    assert sorted(panel.visible_actions()) == ["acknowledge", "note", "return"]


def test_field_user_of_another_team_gets_nothing(make_panel, catalog):
    panel = make_panel(NANHU_CREW)
    panel.show_incident(incident(catalog, state=State.DISPATCHED, assignee="T-05", assignee_kind="team"))
    assert panel.visible_actions() == []


def test_details_show_names_place_reporter_photo_and_drill_badge(make_panel, catalog):
    panel = make_panel()
    inc = incident(catalog, reporter="Mr Chen 138…", address="Guilin Rd 12", drill=True, rework=2,
                   photo_url="https://intranet.example/p/88.jpg", state=State.DISPATCHED,
                   assignee="T-03", assignee_kind="team")
    panel.show_incident(inc)
    text = {k: v.text() for k, (_, v) in panel._fields.items()}
    assert catalog.categories[GARBAGE].name_en in text["category"] and GARBAGE in text["category"]
    assert inc["grid"] in text["grid"] and catalog.grids[inc["grid"]].name_en in text["grid"]
    assert catalog.streets[inc["street"]].name_en in text["place"]
    assert text["address"] == "Guilin Rd 12" and text["reporter"] == "Mr Chen 138…"
    assert "43.855000" in text["coords"]
    assert catalog.teams["T-03"].name_en in text["assignee"]
    assert text["rework"] == "2"
    assert 'href="https://intranet.example/p/88.jpg"' in panel.photo_label.text()
    assert panel.photo_label.openExternalLinks()
    assert panel.drill_badge.isVisibleTo(panel) and "DRILL" in panel.drill_badge.text()
    panel.set_language("zh_CN")
    assert catalog.categories[GARBAGE].name_zh in panel._fields["category"][1].text()


def test_only_web_photo_links_are_clickable(make_panel, catalog):
    panel = make_panel()
    panel.show_incident(incident(catalog, photo_url="javascript:alert(1)"))
    assert "href" not in panel.photo_label.text()
    assert not panel.drill_badge.isVisibleTo(panel)


def test_reject_without_a_reason_does_not_emit_and_with_one_does(qtbot, make_panel, catalog):
    panel = make_panel()
    panel.show_incident(incident(catalog, version=3))
    with qtbot.assertNotEmitted(panel.command_requested):
        panel.buttons["reject"].click()
    assert "reason" in panel.result_label.text()
    panel.note_edit.setPlainText("Prank call")
    with qtbot.waitSignal(panel.command_requested) as sig:
        panel.buttons["reject"].click()
    assert sig.args == ["incident.reject",
                        {"incident": "220104202611230001", "reason": "Prank call", "expect_version": 3}]


def crews_near(catalog, at, team, metres):
    """Every catalog unit where it starts, plus one free unit of ``team`` ``metres`` away."""
    units = {u.id: {"id": u.id, "team": u.team, "lat": u.lat, "lon": u.lon, "status": u.status}
             for u in catalog.units.values()}
    lat, lon = north(*at, metres)
    units["U-X"] = {"id": "U-X", "team": team, "lat": lat, "lon": lon, "status": "free"}
    return units


def test_a_team_with_a_free_unit_next_to_the_incident_is_recommended_first_with_its_distance(make_panel, catalog):
    panel = make_panel(units=crews_near(catalog, NANHU_PARK, "T-12", 150))
    panel.show_incident(incident(catalog, state=State.ACCEPTED))
    assert panel.recommendations()[0].team == "T-12"
    first = panel.dispatch_combo.itemText(0)
    assert "150 m" in first and catalog.teams["T-12"].name_en in first
    assert panel.dispatch_combo.currentData() == "team:T-12"
    datas = [panel.dispatch_combo.itemData(i) for i in range(panel.dispatch_combo.count())]
    # then the other teams, then departments
    assert datas.index("team:T-13") < datas.index("department:D-CG")


def test_a_team_with_every_unit_busy_is_not_recommended(make_panel, catalog):
    units = crews_near(catalog, NANHU_PARK, "T-12", 150)
    for u in units.values():
        if u["team"] == "T-12":
            u["status"] = "busy"
    panel = make_panel(units=units)
    panel.show_incident(incident(catalog, state=State.ACCEPTED))
    assert "T-12" not in {r.team for r in panel.recommendations()}
    assert panel.dispatch_combo.findData("team:T-12") > 0  # still listed among the other teams


def test_load_is_the_teams_active_incidents_and_pushes_it_down(make_panel, catalog):
    units = crews_near(catalog, NANHU_PARK, "T-12", 150)
    busy_with = {f"X{i}": incident(catalog, id=f"X{i}", state=State.DISPATCHED, assignee="T-12",
                                   assignee_kind="team") for i in range(3)}
    busy_with["DONE"] = incident(catalog, id="DONE", state=State.CLOSED, assignee="T-12", assignee_kind="team")
    panel = make_panel(units=units, incidents=busy_with)
    panel.show_incident(incident(catalog, state=State.ACCEPTED))
    recs = panel.recommendations()
    t12 = next(r for r in recs if r.team == "T-12")
    assert t12.load == 3 and recs[0].team != "T-12"
    assert "3 open" in panel.dispatch_combo.itemText([r.team for r in recs].index("T-12"))


def test_dispatch_sends_the_first_recommended_team_with_expect_version(qtbot, make_panel, catalog):
    panel = make_panel(units=crews_near(catalog, NANHU_PARK, "T-12", 150))
    panel.show_incident(incident(catalog, state=State.ACCEPTED, version=4))
    panel.note_edit.setPlainText("Bring a loader")
    with qtbot.waitSignal(panel.command_requested) as sig:
        panel.buttons["dispatch"].click()
    assert sig.args == ["incident.dispatch", {"incident": "220104202611230001", "team": "T-12",
                                              "note": "Bring a loader", "expect_version": 4}]


def test_dispatch_to_a_department(qtbot, make_panel, catalog):
    panel = make_panel()
    panel.show_incident(incident(catalog, state=State.ACCEPTED, version=2))
    panel.dispatch_combo.setCurrentIndex(panel.dispatch_combo.findData("department:D-CG"))
    with qtbot.waitSignal(panel.command_requested) as sig:
        panel.buttons["dispatch"].click()
    assert sig.args[1] == {"incident": "220104202611230001", "department": "D-CG", "expect_version": 2}


def test_merge_suggests_a_nearby_recent_duplicate_but_not_a_far_one(qtbot, make_panel, catalog):
    near = incident(catalog, id="NEAR", at=north(*NANHU_PARK, 100), reported_at=NOW - timedelta(hours=1))
    far = incident(catalog, id="FAR", at=north(*NANHU_PARK, 5000), reported_at=NOW - timedelta(hours=1))
    other_kind = incident(catalog, id="LIGHT", category="P0118", at=north(*NANHU_PARK, 50))
    old = incident(catalog, id="OLD", at=north(*NANHU_PARK, 50), reported_at=NOW - timedelta(days=3))
    this = incident(catalog, version=5)
    pool = {i["id"]: i for i in (near, far, other_kind, old, this)}
    panel = make_panel(incidents=pool)
    panel.show_incident(this)
    assert [i for i, _ in panel.merge_suggestions()] == ["NEAR"]
    assert panel.merge_list.count() == 1 and "100 m" in panel.merge_list.item(0).text()
    panel.merge_list.setCurrentRow(0)
    assert panel.merge_id_edit.text() == "NEAR"
    with qtbot.waitSignal(panel.command_requested) as sig:
        panel.buttons["merge"].click()
    assert sig.args == ["incident.merge", {"incident": this["id"], "into": "NEAR", "expect_version": 5}]


def test_close_sends_the_rating_and_needs_one(qtbot, make_panel, catalog):
    panel = make_panel(OPERATOR)
    panel.show_incident(incident(catalog, state=State.VERIFIED, assignee="T-03", assignee_kind="team", version=9))
    assert "close" in panel.visible_actions()
    with qtbot.assertNotEmitted(panel.command_requested):
        panel.buttons["close"].click()
    panel.satisfaction_combo.setCurrentIndex(panel.satisfaction_combo.findData(4))
    with qtbot.waitSignal(panel.command_requested) as sig:
        panel.buttons["close"].click()
    assert sig.args == ["incident.close", {"incident": "220104202611230001", "satisfaction": 4,
                                           "expect_version": 9}]
    panel.satisfaction_combo.setCurrentIndex(panel.satisfaction_combo.count() - 1)  # no call-back
    with qtbot.waitSignal(panel.command_requested) as sig:
        panel.buttons["close"].click()
    assert "satisfaction" not in sig.args[1]


def test_verify_failed_needs_a_note_and_sends_passed_false(qtbot, make_panel, catalog):
    inc = incident(catalog, state=State.RESOLVED, assignee="T-03", assignee_kind="team")
    panel = make_panel(Actor("grid.w", Role.FIELD, grids=frozenset({inc["grid"]})))  # the grid's own worker
    panel.show_incident(inc)
    assert sorted(panel.visible_actions()) == ["note", "verify_fail", "verify_pass"]
    with qtbot.assertNotEmitted(panel.command_requested):
        panel.buttons["verify_fail"].click()
    panel.note_edit.setPlainText("Still there")
    with qtbot.waitSignal(panel.command_requested) as sig:
        panel.buttons["verify_fail"].click()
    assert sig.args[1]["passed"] is False and sig.args[1]["note"] == "Still there"


def test_history_is_requested_and_shown_in_order_with_notes(qtbot, make_panel, catalog):
    panel = make_panel()
    inc = incident(catalog, state=State.DISPATCHED, assignee="T-03", assignee_kind="team")
    with qtbot.waitSignal(panel.history_requested) as sig:
        panel.show_incident(inc)
    assert sig.args == [inc["id"]]
    steps = [
        {"at": "2026-11-23T02:00:00.000Z", "actor": "zhao.op", "role": "operator", "action": "report",
         "from": None, "to": "reported", "note": None, "deadline": None, "data": {}},
        {"at": "2026-11-23T02:03:00.000Z", "actor": "zhao.op", "role": "operator", "action": "accept",
         "from": "reported", "to": "accepted", "note": "Confirmed by phone", "deadline": None, "data": {}},
        {"at": "2026-11-23T02:05:00.000Z", "actor": "wang.li", "role": "supervisor", "action": "dispatch",
         "from": "accepted", "to": "dispatched", "note": "Bring a loader", "deadline": None,
         "data": {"team": "T-03", "note": "Bring a loader"}},
    ]
    panel.set_history("someone-else", steps[:1])  # a late answer for another incident is ignored
    assert panel.history_view.topLevelItemCount() == 0
    panel.set_history(inc["id"], steps)
    rows = [[panel.history_view.topLevelItem(i).text(c) for c in range(4)]
            for i in range(panel.history_view.topLevelItemCount())]
    assert [r[0] for r in rows] == ["2026-11-23 10:00:00", "2026-11-23 10:03:00", "2026-11-23 10:05:00"]
    assert rows[1][1] == "zhao.op (operator)" and "Accepted" in rows[1][2]
    assert rows[1][3] == "Confirmed by phone"
    assert "Dispatched" in rows[2][2] and catalog.teams["T-03"].name_en in rows[2][2]
    assert rows[2][3] == "Bring a loader"


def test_a_newer_version_updates_in_place_and_keeps_the_typed_reason(qtbot, make_panel, catalog):
    panel = make_panel()
    panel.show_incident(incident(catalog, version=1))
    qtbot.keyClicks(panel.note_edit, "caller hung up")
    panel.show_incident(incident(catalog, version=2, state=State.ACCEPTED, priority="urgent"))
    assert panel.note_edit.toPlainText() == "caller hung up"
    assert "dispatch" in panel.visible_actions()
    assert panel.priority_label.text() == "URGENT"
    panel.show_incident(incident(catalog, version=1))  # a stale copy arriving late changes nothing
    assert "dispatch" in panel.visible_actions()


def test_another_incident_starts_with_an_empty_note_and_the_draft_comes_back(make_panel, catalog):
    panel = make_panel()
    panel.show_incident(incident(catalog))
    panel.note_edit.setPlainText("half a thought")
    panel.show_incident(incident(catalog, id="OTHER"))
    assert panel.note_edit.toPlainText() == ""
    panel.show_incident(incident(catalog))
    assert panel.note_edit.toPlainText() == "half a thought"


def test_result_line_and_ok_clears_the_inputs(make_panel, catalog):
    panel = make_panel()
    panel.show_incident(incident(catalog))
    panel.note_edit.setPlainText("reason")
    panel.show_result(False, "conflict: incident moved on")
    assert panel.result_label.text() == "conflict: incident moved on"
    assert panel.note_edit.toPlainText() == "reason"
    panel.show_result(True, "Rejected")
    assert panel.note_edit.toPlainText() == ""


def test_offline_disables_every_action_and_says_the_data_is_stale(qtbot, make_panel, catalog):
    panel = make_panel()
    panel.show_incident(incident(catalog))
    panel.set_online(False)
    assert panel.stale_label.isVisibleTo(panel) and "stale" in panel.stale_label.text()
    assert all(not panel.buttons[n].isEnabled() for n in panel.visible_actions())
    assert not panel.merge_list.isEnabled()
    panel.set_online(True)
    assert not panel.stale_label.isVisibleTo(panel)
    assert all(panel.buttons[n].isEnabled() for n in panel.visible_actions())


def test_countdown_follows_the_injected_clock(qtbot, make_panel, catalog, clock):
    panel = make_panel()
    panel.show_incident(incident(catalog, stage="accept", sla="green", deadline=NOW + timedelta(minutes=10)))
    assert "0:10:00 left" in panel.countdown_label.text()
    assert panel.countdown_timer.isActive()
    clock[0] = NOW + timedelta(minutes=1)
    with qtbot.waitSignal(panel.countdown_timer.timeout, timeout=3000):
        pass
    assert "0:09:00 left" in panel.countdown_label.text()
    clock[0] = NOW + timedelta(minutes=12)
    with qtbot.waitSignal(panel.countdown_timer.timeout, timeout=3000):
        pass
    assert "OVERDUE by 0:02:00" in panel.countdown_label.text()
    assert "10:10" in panel.countdown_label.text()  # the deadline in local time


def show_active(qtbot, panel):
    """Shortcuts only reach a visible, active window."""
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.history_view.setFocus()


def test_shortcut_a_accepts(qtbot, make_panel, catalog):
    panel = make_panel()
    panel.show_incident(incident(catalog, version=7))
    show_active(qtbot, panel)
    with qtbot.waitSignal(panel.command_requested) as sig:
        qtbot.keyClick(panel, Qt.Key.Key_A)
    assert sig.args == ["incident.accept", {"incident": "220104202611230001", "expect_version": 7}]
    with qtbot.waitSignal(panel.command_requested) as sig:
        qtbot.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert sig.args[0] == "incident.accept"


def test_shortcut_d_dispatches_to_the_first_recommendation_and_alt_n_focuses_the_note(qtbot, make_panel, catalog):
    panel = make_panel(units=crews_near(catalog, NANHU_PARK, "T-12", 150))
    panel.show_incident(incident(catalog, state=State.ACCEPTED, version=4))
    panel.dispatch_combo.setCurrentIndex(panel.dispatch_combo.findData("department:D-CG"))  # D ignores the combo
    show_active(qtbot, panel)
    with qtbot.waitSignal(panel.command_requested) as sig:
        qtbot.keyClick(panel, Qt.Key.Key_D)
    assert sig.args == ["incident.dispatch", {"incident": "220104202611230001", "team": "T-12", "expect_version": 4}]
    qtbot.keyClick(panel, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # N alone opens a new call
    assert panel.note_edit.hasFocus()
    with qtbot.assertNotEmitted(panel.command_requested):
        qtbot.keyClicks(panel.note_edit, "and")  # letters typed in the note are text, not shortcuts
    assert panel.note_edit.toPlainText() == "and"


def test_shortcuts_do_nothing_offline(qtbot, make_panel, catalog):
    panel = make_panel()
    panel.show_incident(incident(catalog))
    panel.set_online(False)
    show_active(qtbot, panel)
    with qtbot.assertNotEmitted(panel.command_requested):
        qtbot.keyClick(panel, Qt.Key.Key_A)


def test_reopen_of_a_case_without_assignee_asks_who_gets_it(qtbot, make_panel, catalog):
    panel = make_panel()
    panel.show_incident(incident(catalog, state=State.REJECTED, version=3))
    assert panel.visible_actions() == ["reopen", "note"]
    panel.note_edit.setPlainText("Caller called again")
    with qtbot.assertNotEmitted(panel.command_requested):
        panel.buttons["reopen"].click()
    panel.reopen_combo.setCurrentIndex(panel.reopen_combo.findData("team:T-03"))
    with qtbot.waitSignal(panel.command_requested) as sig:
        panel.buttons["reopen"].click()
    assert sig.args[1] == {"incident": "220104202611230001", "reason": "Caller called again", "team": "T-03",
                           "expect_version": 3}


def test_escalate_defaults_to_the_categorys_department_and_needs_a_reason(qtbot, make_panel, catalog):
    panel = make_panel()
    panel.show_incident(incident(catalog, state=State.ACKNOWLEDGED, assignee="T-03", assignee_kind="team"))
    assert panel.escalate_combo.currentData() == catalog.categories[GARBAGE].department
    with qtbot.assertNotEmitted(panel.command_requested):
        panel.buttons["escalate"].click()
    panel.note_edit.setPlainText("Needs a truck")
    with qtbot.waitSignal(panel.command_requested) as sig:
        panel.buttons["escalate"].click()
    assert sig.args[0] == "incident.escalate" and sig.args[1]["reason"] == "Needs a truck"


def test_the_clocks_colour_change_shows_on_the_timeline(qtbot, make_panel, catalog):
    panel = make_panel()
    inc = incident(catalog, state=State.DISPATCHED, assignee="T-03", assignee_kind="team")
    panel.show_incident(inc)
    panel.set_history(inc["id"], [
        {"at": "2026-11-23T02:00:00.000Z", "actor": "zhao.op", "role": "operator", "action": "report",
         "from": None, "to": "reported", "note": None, "deadline": None, "data": {}},
        {"at": "2026-11-23T03:00:00.000Z", "actor": "system", "role": "system", "action": "sla",
         "from": "reported", "to": "reported", "note": "green→blue", "deadline": None, "data": {}},
    ])
    row = [panel.history_view.topLevelItem(1).text(c) for c in range(4)]
    assert row[1] == "system (system)" and row[2] == "time limit" and row[3] == "green→blue"


def test_the_close_rating_proposed_from_the_call_back_survives_the_verify_results_clearing(make_panel, catalog):
    """The verify's result can arrive after the event that rendered the verified case: clearing
    the inputs on success must not wipe the rating proposed from the last call-back."""
    panel = make_panel(SUPERVISOR)
    cb = {"at": "2026-11-23T03:00:00.000Z", "by": "op", "reached": True, "satisfaction": 4, "note": None}
    panel.show_incident(incident(catalog, state=State.VERIFIED, assignee="T-01", assignee_kind="team",
                                 callbacks=[cb]))
    assert panel.satisfaction_combo.currentData() == 4
    panel.show_result(True, "")
    assert panel.satisfaction_combo.currentData() == 4
    panel.satisfaction_combo.setCurrentIndex(panel.satisfaction_combo.findData(2))  # picked by hand: kept
    panel.show_incident(incident(catalog, state=State.VERIFIED, assignee="T-01", assignee_kind="team",
                                 callbacks=[cb], version=2))
    assert panel.satisfaction_combo.currentData() == 2
