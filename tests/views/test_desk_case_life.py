"""The desk's whole job (issue 13), through the console's own widgets against a real hub: a call
taken on the form, suggested as a duplicate and reported anyway; dispatched jointly; more time
asked and approved; parked and unparked with the deadline moved by the parked time; urged, the
alert reaching the assignee's console; resolved, called back, verified and closed; found again in
the history view."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from console.models.clock import stage_limit
from console.models.lifecycle import Actor, Role
from console.models.store import Store
from console.net.background import BackgroundHub
from console.net.config import HubConfig, User
from tests.views.conftest import OTHER, submit

SUP = User("sup", Role.SUPERVISOR, "tok-sup-0123456789")
LEAD, ASSIST = "T-01", "D-GA"
FIELD = User("fld", Role.FIELD, "tok-fld-0123456789", team=LEAD)
CATEGORY = "E0406"  # 道路积水, urgent by default
SUP_ACTOR = Actor("sup", Role.SUPERVISOR)


def when(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


@pytest.fixture
def clock():
    return [datetime(2026, 3, 2, 2, 0, tzinfo=UTC)]  # a Monday, 10:00 in the district: working time


@pytest.fixture
def desk_hub(tmp_path, catalog, clock):
    store = Store(f"sqlite:///{tmp_path / 'desk.db'}", catalog)
    bh = BackgroundHub(store, HubConfig(users=(SUP, FIELD)), sla_interval=0.2, clock=lambda: clock[0])
    bh.start()
    yield bh
    bh.stop()
    store.close()


@pytest.fixture
def open_console(qtbot, desk_hub, catalog, tmp_path, clock):
    from PySide6.QtCore import QSettings

    from console.views.bridge import HubBridge
    from console.views.main_window import MainWindow

    made = []

    def _open(user):
        bridge = HubBridge(desk_hub.url, user.token)
        settings = QSettings(str(tmp_path / f"{user.name}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(bridge, catalog, language="en", settings=settings)
        window.call_form._now = lambda: clock[0]  # the duplicate window is the hub's 24 h
        qtbot.addWidget(window)
        bridge.start()
        made.append(bridge)
        qtbot.waitUntil(lambda: window.online and bool(window.user), timeout=10_000)
        return window

    yield _open
    for b in made:
        b.stop()


def held(window, iid):
    return window.state.incidents.get(iid) or {}


def click_when_shown(qtbot, panel, button, hub=None, iid=None):
    """Click once the button shows and the panel holds the hub's latest version (a command
    carries the version it was meant for: an older one is refused as a conflict)."""
    if hub is not None:
        head = hub.store.incident(iid).version
        qtbot.waitUntil(lambda: (panel.incident() or {}).get("version") == head, timeout=5000)
    qtbot.waitUntil(lambda: button.isVisibleTo(panel) and button.isEnabled(), timeout=5000)
    button.click()


def test_a_call_runs_its_whole_life_through_the_desk(qtbot, desk_hub, open_console, catalog, clock):
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[3]
    earlier = submit(desk_hub, OTHER, "incident.report", {
        "category": CATEGORY, "lat": grid.centroid[0], "lon": grid.centroid[1] + 0.0003,  # ~25 m east
        "description": "路口积水", "source": "12345"})["incident"]["id"]
    desk, field = open_console(SUP), open_console(FIELD)
    qtbot.waitUntil(lambda: earlier in desk.state.incidents, timeout=5000)

    # --- the call, keyboard first: N, then type and Enter through the form
    assert desk.new_call_action.isEnabled() and desk.new_call_action.shortcut().toString() == "N"
    desk.new_call_action.trigger()
    form = desk.call_form
    assert form.isVisible()
    qtbot.waitUntil(form.isActiveWindow, timeout=5000)  # its shortcuts (Ctrl+Enter, A, R) need it active
    form.caller_edit.insert("王先生")  # Chinese comes through the input method; QTest types Latin-1 only
    qtbot.keyClicks(form.phone_edit, "13812345678")
    qtbot.keyClicks(form.category_edit, "dljs")  # pinyin initials of 道路积水
    qtbot.keyClick(form.category_edit, Qt.Key.Key_Return)
    assert form.draft.category == CATEGORY and form.draft.priority == "urgent"  # proposed by the category
    assert form.focusWidget() is form.place_edit  # Enter took the match and moved on
    qtbot.keyClicks(form.place_edit, grid.code)
    qtbot.keyClick(form.place_edit, Qt.Key.Key_Return)
    assert (form.draft.lat, form.draft.lon) == grid.centroid
    form.description_edit.setFocus()
    form.description_edit.insertPlainText("积水没过脚踝，车辆绕行")
    assert [iid for iid, _ in form.duplicates] == [earlier]  # same category, within 100 m, in 24 h
    qtbot.keyClick(form.description_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.dup_box.isVisible() and form.focusWidget() is form.dup_list  # A or R decides
    with qtbot.waitSignal(form.reported, timeout=5000) as got:
        qtbot.keyClick(form.dup_list, Qt.Key.Key_R)  # report anyway
    iid = got.args[0]
    assert iid and iid != earlier
    qtbot.waitUntil(lambda: desk.panel.incident() is not None and desk.panel.incident().get("id") == iid, timeout=5000)
    inc = held(desk, iid)
    assert inc["caller_phone"] == "13812345678" and inc["source"] == "12345" and inc["priority"] == "urgent"
    qtbot.waitUntil(lambda: held(field, iid).get("caller_phone") == "138****5678", timeout=5000)  # masked

    # --- accepted, then dispatched jointly: the lead and an assisting department
    panel = desk.panel
    click_when_shown(qtbot, panel, panel.buttons["accept"], desk_hub, iid)
    qtbot.waitUntil(lambda: held(desk, iid).get("state") == "accepted", timeout=5000)
    qtbot.waitUntil(lambda: panel.dispatch_combo.findData(f"team:{LEAD}") >= 0, timeout=5000)
    panel.dispatch_combo.setCurrentIndex(panel.dispatch_combo.findData(f"team:{LEAD}"))
    panel.set_assists([ASSIST])
    assert panel.assist_ids() == [ASSIST]
    panel.buttons["dispatch"].click()
    qtbot.waitUntil(lambda: len(held(desk, iid).get("assignees") or []) == 2, timeout=5000)
    parties = panel.parties_label
    qtbot.waitUntil(lambda: parties.isVisibleTo(panel) and "not yet acknowledged" in parties.text(), timeout=5000)
    assert [(a["id"], a["role"]) for a in held(desk, iid)["assignees"]] == [(LEAD, "lead"), (ASSIST, "assist")]

    # --- the lead team signs for it on its own console
    field.state.select(iid)
    qtbot.waitUntil(lambda: field.panel.incident() and field.panel.incident()["id"] == iid, timeout=5000)
    click_when_shown(qtbot, field.panel, field.panel.buttons["acknowledge"])
    qtbot.waitUntil(lambda: held(desk, iid).get("state") == "acknowledged", timeout=5000)
    qtbot.waitUntil(lambda: "✓ acknowledged" in parties.text(), timeout=5000)

    # --- the team asks for more time; the desk approves: the deadline becomes the time asked
    qtbot.waitUntil(lambda: field.panel.incident()["version"] == desk_hub.store.incident(iid).version, timeout=5000)
    deadline = when(held(field, iid)["deadline"])
    field.panel.note_edit.setPlainText("需要抽水泵车")
    qtbot.waitUntil(lambda: field.panel.case_buttons["extend"].isVisibleTo(field.panel), timeout=5000)
    wanted = deadline + timedelta(hours=5)
    from PySide6.QtCore import QDateTime

    field.panel.extend_until.setDateTime(QDateTime.fromSecsSinceEpoch(int(wanted.timestamp())))
    field.panel.case_buttons["extend"].click()
    qtbot.waitUntil(lambda: (held(desk, iid).get("extension") or {}).get("state") == "requested", timeout=5000)
    qtbot.waitUntil(lambda: panel.extension_label.isVisibleTo(panel), timeout=5000)
    click_when_shown(qtbot, panel, panel.case_buttons["extend_approve"], desk_hub, iid)
    qtbot.waitUntil(lambda: (held(desk, iid).get("extension") or {}).get("state") == "approved", timeout=5000)
    assert when(held(desk, iid)["deadline"]) == wanted

    # --- parked for 40 minutes of the hub's clock: the ledger shows it; unparked, the deadline moves
    panel.note_edit.setPlainText("等待排水公司配合")
    click_when_shown(qtbot, panel, panel.case_buttons["park"], desk_hub, iid)
    qtbot.waitUntil(lambda: held(desk, iid).get("parked") is True, timeout=5000)
    assert panel.parked_badge.isVisibleTo(panel)
    desk.queue.ledger_combo.setCurrentIndex(desk.queue.ledger_combo.findData("parked"))
    assert desk.queue.proxy.ids() == [iid]
    row = desk.queue.model.row_of(iid)
    status = desk.queue.model.data_at(row, 5)
    assert "parked" in status and "等待排水公司配合" in status  # the reason and since when
    desk.queue.ledger_combo.setCurrentIndex(0)
    clock[0] += timedelta(minutes=40)
    click_when_shown(qtbot, panel, panel.case_buttons["unpark"], desk_hub, iid)
    qtbot.waitUntil(lambda: held(desk, iid).get("parked") is False, timeout=5000)
    limit = stage_limit(desk_hub.store.incident(iid), catalog, "resolve")
    moved = (catalog.calendar.add_working_seconds(wanted, 40 * 60) if limit.working
             else wanted + timedelta(minutes=40))  # 40 minutes in the limit's own counting
    assert when(held(desk, iid)["deadline"]) == moved > wanted

    # --- urged to supervision: the lead team's console alerts with its chime; the queue marks it
    alerts = []
    field.state.alert.connect(lambda inc, why: alerts.append((inc["id"], why)))
    sounded = field.alerts_sounded
    panel.urge_combo.setCurrentIndex(panel.urge_combo.findData(2))
    click_when_shown(qtbot, panel, panel.case_buttons["urge"], desk_hub, iid)
    qtbot.waitUntil(lambda: (iid, "urged") in alerts, timeout=5000)
    assert field.alerts_sounded > sounded
    qtbot.waitUntil(lambda: held(desk, iid).get("urged") == 1, timeout=5000)
    assert "urged ×1" in desk.queue.model.data_at(desk.queue.model.row_of(iid), 5)

    # --- resolved by the team; the reporter called back; verified and closed
    click_when_shown(qtbot, field.panel, field.panel.buttons["resolve"], desk_hub, iid)
    qtbot.waitUntil(lambda: held(desk, iid).get("state") == "resolved", timeout=5000)
    panel.reached_combo.setCurrentIndex(panel.reached_combo.findData(True))
    panel.callback_rating.setCurrentIndex(panel.callback_rating.findData(4))
    panel.note_edit.setPlainText("已回访，满意")
    click_when_shown(qtbot, panel, panel.case_buttons["callback"], desk_hub, iid)
    qtbot.waitUntil(lambda: len(held(desk, iid).get("callbacks") or []) == 1, timeout=5000)
    click_when_shown(qtbot, panel, panel.buttons["verify_pass"], desk_hub, iid)
    qtbot.waitUntil(lambda: held(desk, iid).get("state") == "verified", timeout=5000)
    qtbot.waitUntil(lambda: panel.callbacks_label.isVisibleTo(panel), timeout=5000)
    assert "★★★★" in panel.callbacks_label.text()  # the close row shows the call-backs
    assert panel.satisfaction_combo.currentData() == 4  # and its rating follows the last one
    panel.buttons["close"].click()
    qtbot.waitUntil(lambda: held(desk, iid).get("state") in (None, "closed"), timeout=5000)

    # --- found again in the history, with its whole timeline
    view = desk.history
    view.text_edit.setText(iid)
    view.search()
    qtbot.waitUntil(lambda: not view.pending and view.table.rowCount() == 1, timeout=5000)
    assert view.rows[0]["state"] == "closed" and view.rows[0]["satisfaction"] == 4
    with qtbot.waitSignal(panel.history_requested, timeout=5000):
        view.table.cellDoubleClicked.emit(0, 0)
    qtbot.waitUntil(lambda: panel.history_view.topLevelItemCount() >= 12, timeout=5000)
    whats = [panel.history_view.topLevelItem(k).text(2) for k in range(panel.history_view.topLevelItemCount())]
    for step in ("more time asked", "more time decided", "park", "unpark", "urge", "call-back"):
        assert any(w.startswith(step) for w in whats), (step, whats)
    assert any("督办" in w for w in whats) and any("with" in w and "D-GA" in w for w in whats)


def test_a_caller_about_a_known_case_is_added_to_it_as_a_note(qtbot, desk_hub, open_console, catalog):
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[5]
    earlier = submit(desk_hub, OTHER, "incident.report", {
        "category": CATEGORY, "lat": grid.centroid[0], "lon": grid.centroid[1], "description": "积水",
        "source": "12345"})["incident"]["id"]
    desk = open_console(SUP)
    qtbot.waitUntil(lambda: earlier in desk.state.incidents, timeout=5000)
    form = desk.call_form
    form.open_new()
    qtbot.waitUntil(form.isActiveWindow, timeout=5000)
    form.caller_edit.setText("李女士")
    form.category_edit.setText(CATEGORY)
    assert form.pick_category()
    form.set_point(*grid.centroid)  # as a click on the map gives it
    form.description_edit.setPlainText("又有人反映积水")
    form.submit()
    assert form._confirming and form.focusWidget() is form.dup_list
    with qtbot.waitSignal(form.noted, timeout=5000):
        qtbot.keyClick(form.dup_list, Qt.Key.Key_A)
    assert len(desk.state.incidents) == 1  # no second case
    res = submit(desk_hub, OTHER, "query.history", {"incident": earlier})
    notes = [t.get("note") for t in res["transitions"] if t["action"] == "note"]
    assert notes and "李女士" in notes[-1] and "又有人反映积水" in notes[-1]


def test_the_form_names_what_is_missing_and_sends_nothing(qtbot, desk_hub, open_console):
    desk = open_console(SUP)
    form = desk.call_form
    form.open_new()
    form.phone_edit.setText("call me maybe")
    sent = []
    desk.bridge.run = lambda *a, **k: sent.append(a)  # nothing may leave
    form.submit()
    text = form.result_label.text()
    assert "phone number" in text and "category" in text and "place" in text and "Describe" in text
    assert form.focusWidget() is form.phone_edit and not sent


def test_a_map_click_places_the_call_and_pins_it(qtbot, desk_hub, open_console, catalog):
    desk = open_console(SUP)
    form = desk.call_form
    g = next(iter(catalog.grids.values()))
    desk.map.map_clicked.emit(*g.centroid)  # the form is closed: a click is not a place
    assert form.draft.lat is None
    form.open_new()
    pins = []
    desk.map.set_pin = lambda lat, lon=None: pins.append((lat, lon))
    desk.map.map_clicked.emit(*g.centroid)
    assert (form.draft.lat, form.draft.lon) == g.centroid and pins[-1] == g.centroid
    assert g.code in form.place_label.text()


def test_only_the_desk_roles_take_calls(qtbot, desk_hub, open_console):
    desk = open_console(SUP)
    assert desk.new_call_action.isEnabled() and desk.new_call_button.isVisibleTo(desk)  # in the menu bar's row
    assert not open_console(FIELD).new_call_action.isEnabled()


def test_the_street_rates_the_department_that_handled_an_escalated_case(qtbot, desk_hub, open_console, catalog):
    """Two-way assessment: once the department has resolved the case, the desk gives it stars;
    the panel shows the rating and the timeline the step."""
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[7]
    iid = submit(desk_hub, OTHER, "incident.report", {
        "category": CATEGORY, "lat": grid.centroid[0], "lon": grid.centroid[1], "description": "管道破裂",
        "source": "12345"})["incident"]["id"]
    for name, args in (("incident.accept", {}), ("incident.escalate", {"department": ASSIST, "reason": "需要部门"}),
                       ("incident.acknowledge", {}), ("incident.resolve", {})):
        assert submit(desk_hub, OTHER if name == "incident.accept" else SUP_ACTOR, name,
                      {"incident": iid, **args})["ok"], name
    desk = open_console(SUP)
    qtbot.waitUntil(lambda: held(desk, iid).get("state") == "resolved", timeout=5000)
    desk.state.select(iid)
    panel = desk.panel
    qtbot.waitUntil(lambda: panel.rate_row.isVisibleTo(panel), timeout=5000)
    panel.dept_stars.setCurrentIndex(panel.dept_stars.findData(3))
    click_when_shown(qtbot, panel, panel.case_buttons["rate_department"], desk_hub, iid)
    qtbot.waitUntil(lambda: (held(desk, iid).get("department_rating") or {}).get("stars") == 3, timeout=5000)
    assert desk_hub.store.incident(iid).street_stars == 3
    qtbot.waitUntil(lambda: "★★★☆☆" in panel._fields["department_rating"][1].text(), timeout=5000)
    assert ASSIST in panel._fields["department_rating"][1].text()
