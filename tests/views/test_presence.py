"""Presence at the desk (issue 17): the incident panel names who else has the case open or acts
on it, the queue marks the cases open elsewhere, the status bar names the hub and who is on
shift, and the console tells the hub which case it shows (presence.set) — first fed by hand
through the bridge's signals (no socket), then between two consoles on a real hub."""

import pytest
from PySide6.QtCore import QSettings

from console.views.bridge import HubBridge
from console.views.main_window import MainWindow
from console.views.presence import host_port
from console.views.queue.model import Column

CASES = ("220104202612060001", "220104202612060002", "220104202612060003")


def pres(cid, user, role="operator", hub="hub-a", viewing=None, acting=False, online=True):
    return {"type": "event", "seq": None, "at": "2026-12-06T08:00:00Z", "kind": "presence",
            "data": {"id": cid, "user": user, "role": role, "hub": hub, "viewing": viewing, "acting": acting,
                     "since": "2026-12-06T08:00:00Z", "online": online, "online_since": "2026-12-06T07:00:00Z"}}


@pytest.fixture
def desk(qtbot, catalog, tmp_path):
    """A main window whose bridge is never started: the hub's frames are emitted by the test,
    and what the console would send with presence.set is recorded."""
    bridge = HubBridge("ws://10.1.2.3:8765/ws", "t")
    sent = []
    bridge.fire = lambda name, args: sent.append((name, args))
    settings = QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)
    window = MainWindow(bridge, catalog, language="en", settings=settings)
    qtbot.addWidget(window)
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[0]
    incs = [{"id": iid, "state": "reported", "priority": "normal", "category": sorted(catalog.categories)[0],
             "lat": grid.centroid[0], "lon": grid.centroid[1], "description": "井盖缺失", "source": "hotline",
             "reported_at": "2026-12-06T01:00:00Z", "version": 1} for iid in CASES]
    window.state.apply_snapshot({"incidents": incs, "units": [], "teams": [], "reference": {}})
    bridge.welcomed.emit({"user": "sup", "role": "supervisor", "team": None, "grids": (),
                          "connection": "hub-a/1", "hub": "hub-a", "url": bridge.url})
    bridge.status.emit(True, "")
    qtbot.waitUntil(lambda: window.online and bool(window.user))
    window.sent = sent
    return window


def feed(window, *events):
    window.bridge.presence.emit(list(events))


def test_the_panel_names_who_else_has_the_shown_case_open_and_who_acts_on_it(desk, qtbot):
    desk.state.select(CASES[0])
    feed(desk, pres("hub-a/1", "sup", "supervisor", viewing=CASES[0]),  # this console itself
         pres("hub-b/4", "王五", "supervisor", hub="hub-b", viewing=CASES[0]),
         pres("hub-a/2", "李四", viewing=CASES[0], acting=True),
         pres("hub-a/3", "zhao", viewing=CASES[1]))
    label = desk.presence.case_label
    qtbot.waitUntil(lambda: label.isVisibleTo(desk))
    assert label.text() == "Also open by: 李四 (operator, hub-a) ✎ acting · 王五 (supervisor, hub-b)"
    assert "sup (" not in label.text()
    assert "#ffb020" in label.styleSheet()  # amber: someone is acting on it
    # another case shown: only those on that one
    desk.state.select(CASES[1])
    qtbot.waitUntil(lambda: label.text() == "Also open by: zhao (operator, hub-a)")
    desk.state.select(CASES[2])
    qtbot.waitUntil(lambda: not label.isVisibleTo(desk))


def test_one_hub_is_not_named_after_each_person(desk, qtbot):
    desk.state.select(CASES[0])
    feed(desk, pres("hub-a/1", "sup", "supervisor"), pres("hub-a/2", "李四", viewing=CASES[0]))
    qtbot.waitUntil(lambda: desk.presence.case_label.text() == "Also open by: 李四 (operator)")


def test_my_own_user_at_another_desk_is_named_as_such(desk, qtbot):
    desk.state.select(CASES[0])
    feed(desk, pres("hub-a/1", "sup", "supervisor", viewing=CASES[0]),
         pres("hub-a/9", "sup", "supervisor", viewing=CASES[0]))
    qtbot.waitUntil(lambda: desk.presence.case_label.text() == "Also open by: sup (you, at another desk)")


def test_the_queue_marks_the_cases_open_elsewhere_with_their_names_in_the_tooltip(desk, qtbot):
    model = desk.queue.model
    feed(desk, pres("hub-a/1", "sup", "supervisor", viewing=CASES[2]),
         pres("hub-a/2", "李四", viewing=CASES[0], acting=True), pres("hub-a/3", "zhao", viewing=CASES[0]))
    qtbot.waitUntil(lambda: model.mark(model.row_of(CASES[0])) is not None)
    acting, who = model.mark(model.row_of(CASES[0]))
    assert acting and "李四" in who and "zhao" in who
    tip = model.data(model.index(model.row_of(CASES[0]), Column.ID), 3)  # ToolTipRole
    assert "Also open by: 李四 (operator) ✎ acting, zhao (operator)" in tip
    assert model.mark(model.row_of(CASES[1])) is None
    assert model.mark(model.row_of(CASES[2])) is None  # only I have it open
    assert model.data(model.index(model.row_of(CASES[0]), Column.ID)) == CASES[0]  # the id itself unchanged
    # they close it: the mark goes
    feed(desk, pres("hub-a/2", "李四", online=False), pres("hub-a/3", "zhao", viewing=None))
    qtbot.waitUntil(lambda: model.mark(model.row_of(CASES[0])) is None)


def test_the_queue_paints_a_dot_at_the_end_of_the_id_cell_of_a_case_open_elsewhere(desk, qtbot):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    queue = desk.queue
    feed(desk, pres("hub-a/2", "李四", viewing=CASES[0]), pres("hub-a/3", "zhao", viewing=CASES[1], acting=True))
    qtbot.waitUntil(lambda: queue.model.mark(queue.model.row_of(CASES[1])) is not None)

    def colours(iid):
        img = QImage(260, 28, QImage.Format.Format_RGB32)
        img.fill(QColor("white"))
        opt = QStyleOptionViewItem()
        opt.rect = QRect(0, 0, 260, 28)
        opt.state = QStyle.StateFlag.State_Enabled
        opt.palette = queue.table.palette()
        painter = QPainter(img)
        queue.delegate.paint(painter, opt, queue.proxy.index(queue.proxy.row_of(iid), Column.ID))
        painter.end()
        return {QColor(img.pixel(x, y)).name() for x in range(200, 260) for y in range(28)}

    assert "#26c6da" in colours(CASES[0])  # open at another desk: cyan
    assert "#ffb020" in colours(CASES[1])  # someone there acting on it: amber
    assert not {"#26c6da", "#ffb020"} & colours(CASES[2])


def test_the_status_bar_names_the_hub_and_who_is_on_shift(desk, qtbot):
    feed(desk, pres("hub-a/1", "sup", "supervisor"), pres("hub-a/2", "李四"),
         pres("hub-b/1", "王五", "supervisor", "hub-b"),
         pres("hub-b/2", "sup", "supervisor", "hub-b"), pres("hub-a/5", "crew", "field"),
         pres("hub-a/6", "wall", "viewer"), pres("hub-a/7", "a-sensor", "sensor"))
    label = desk.presence.shift_label
    qtbot.waitUntil(lambda: label.text().startswith("On shift 5:"))
    assert label.text() == "On shift 5: sup, 王五, 李四, crew, +1"
    tip = label.toolTip()
    assert "• sup — supervisor (hub-a, hub-b) ×2 desks" in tip and "• wall — viewer (hub-a)" in tip
    assert tip.index("Feeds and sensors:") < tip.index("a-sensor")
    assert desk.hub_label_w.text() == "Hub hub-a"
    assert "ws://10.1.2.3:8765/ws" in desk.hub_label_w.toolTip()


def test_a_hub_that_does_not_name_itself_is_named_by_its_host_and_port(desk, qtbot):
    desk.bridge.welcomed.emit({"user": "sup", "role": "supervisor", "connection": None, "hub": None,
                               "url": "ws://10.9.9.9:9000/ws"})
    qtbot.waitUntil(lambda: desk.hub_label_w.text() == "Hub 10.9.9.9:9000")
    assert host_port("wss://h.example:443/ws") == "h.example:443"


def test_the_console_announces_the_case_it_shows_and_none_when_deselected(desk, qtbot):
    desk.sent.clear()
    desk.state.select(CASES[0])
    qtbot.waitUntil(lambda: desk.sent[-1:] == [("presence.set", {"viewing": CASES[0], "acting": False})])
    desk.state.select(None)
    qtbot.waitUntil(lambda: desk.sent[-1:] == [("presence.set", {"viewing": None, "acting": False})])


def test_working_in_the_case_actions_announces_acting_and_leaving_them_ends_it(desk, qtbot):
    desk.state.select(CASES[0])
    qtbot.waitUntil(lambda: desk.sent[-1:] == [("presence.set", {"viewing": CASES[0], "acting": False})])
    p = desk.presence
    p._on_focus(desk.queue.table, desk.panel.note_edit)  # as QApplication.focusChanged says it
    assert desk.sent[-1] == ("presence.set", {"viewing": CASES[0], "acting": True})
    p._on_focus(desk.panel.note_edit, desk.panel.dispatch_combo)  # still in the actions: nothing new sent
    assert desk.sent[-1] == ("presence.set", {"viewing": CASES[0], "acting": True})
    n = len(desk.sent)
    p._on_focus(desk.panel.dispatch_combo, desk.queue.table)
    assert desk.sent[n:] == [("presence.set", {"viewing": CASES[0], "acting": False})]


def test_a_replay_announces_no_case_and_live_again_announces_it_back(desk, qtbot):
    desk.state.select(CASES[0])
    qtbot.waitUntil(lambda: desk.sent[-1:] == [("presence.set", {"viewing": CASES[0], "acting": False})])
    desk.state.set_replaying(True)
    assert desk.sent[-1] == ("presence.set", {"viewing": None, "acting": False})
    desk.state.select(CASES[1])  # a case of the past: nothing said about it
    qtbot.waitUntil(lambda: desk.panel.incident()["id"] == CASES[1] and not desk.presence._shown_later.isActive())
    assert desk.sent[-1] == ("presence.set", {"viewing": None, "acting": False})
    desk.state.set_replaying(False)
    qtbot.waitUntil(lambda: desk.sent[-1] == ("presence.set", {"viewing": CASES[1], "acting": False}))


def test_a_dropped_connection_forgets_everyone_and_a_reconnect_says_the_case_again(desk, qtbot):
    desk.state.select(CASES[0])
    feed(desk, pres("hub-a/2", "李四", viewing=CASES[0]))
    qtbot.waitUntil(lambda: desk.presence.case_label.isVisibleTo(desk))
    desk.bridge.status.emit(False, "gone")
    qtbot.waitUntil(lambda: not desk.presence.case_label.isVisibleTo(desk))
    assert desk.bridge.roster.entries == {} and desk.queue.model.mark(desk.queue.model.row_of(CASES[0])) is None
    assert desk.presence.shift_label.text() == ""
    n = len(desk.sent)
    desk.bridge.status.emit(True, "")
    qtbot.waitUntil(lambda: desk.sent[n:] == [("presence.set", {"viewing": CASES[0], "acting": False})])


# ---- two consoles on a real hub ----------------------------------------------------------------


def test_a_case_opened_at_another_console_shows_on_the_panel_and_queue_until_it_disconnects(
        console, running_hub, catalog, qtbot):
    from tests.views.conftest import WALL, report

    first = console()
    case = report(running_hub, catalog, 1)
    other = report(running_hub, catalog, 2)
    second = console(WALL)
    qtbot.waitUntil(lambda: case in first.state.incidents and case in second.state.incidents, timeout=5000)
    # each knows its own connection and the hub's name from the welcome, and the other from presence
    assert first.bridge.connection_id and first.bridge.connection_id != second.bridge.connection_id
    assert first.bridge.hub_name and first.hub_label_w.text() == f"Hub {first.bridge.hub_name}"
    qtbot.waitUntil(lambda: first.presence.shift_label.text() == "On shift 2: sup, wall", timeout=5000)
    first.state.select(case)
    second.state.select(case)
    model = first.queue.model
    qtbot.waitUntil(lambda: first.presence.case_label.text() == "Also open by: wall (viewer)", timeout=5000)
    assert first.presence.case_label.isVisibleTo(first)
    qtbot.waitUntil(lambda: model.mark(model.row_of(case)) is not None, timeout=5000)
    assert "wall (viewer)" in model.mark(model.row_of(case))[1]
    assert model.mark(model.row_of(other)) is None
    qtbot.waitUntil(lambda: second.presence.case_label.text() == "Also open by: sup (supervisor)",
                    timeout=5000)  # and the other way round
    # the second moves to another case: the mark follows it
    second.state.select(other)
    qtbot.waitUntil(lambda: model.mark(model.row_of(case)) is None and model.mark(model.row_of(other)) is not None,
                    timeout=5000)
    qtbot.waitUntil(lambda: not first.presence.case_label.isVisibleTo(first), timeout=5000)
    # the second console goes away: gone everywhere
    second.bridge.stop()
    qtbot.waitUntil(lambda: model.mark(model.row_of(other)) is None, timeout=5000)
    qtbot.waitUntil(lambda: first.presence.shift_label.text() == "On shift 1: sup", timeout=5000)
    first.state.select(other)
    qtbot.waitUntil(lambda: first.panel.incident()["id"] == other, timeout=5000)
    assert not first.presence.case_label.isVisibleTo(first)
