"""The console window against a real hub on port 0 (in its own thread): incidents from other
clients appear, the offline banner comes and goes, nothing is missed across a hub restart."""

from tests.views.conftest import OTHER, SUP, WALL, report, submit  # noqa: F401 (fixtures there)


def test_an_incident_reported_by_another_client_appears_in_the_queue(console, running_hub, catalog, qtbot):
    window = console()
    inc = report(running_hub, catalog)
    qtbot.waitUntil(lambda: window.queue.model.row_of(inc) is not None, timeout=5000)
    row = window.queue.model.row_of(inc)
    assert window.queue.model.incident(row)["description"] == "第0号：井盖缺失"


def test_incidents_present_at_connect_arrive_with_the_snapshot(running_hub, console, catalog, qtbot):
    ids = [report(running_hub, catalog, k) for k in range(5)]
    window = console()
    qtbot.waitUntil(lambda: all(window.queue.model.row_of(i) is not None for i in ids), timeout=5000)
    assert window.counters._values["active"].text() == "5"


def test_selecting_an_incident_shows_it_and_its_timeline(console, running_hub, catalog, qtbot):
    window = console()
    inc = report(running_hub, catalog)
    qtbot.waitUntil(lambda: window.queue.model.row_of(inc) is not None, timeout=5000)
    with qtbot.waitSignal(window.bridge.result, timeout=5000):
        window.queue.select_incident(inc)
    assert window.selected == inc


def test_offline_banner_within_two_seconds_and_no_missed_events_after_restart(console, running_hub, catalog, qtbot):
    window = console()
    first = report(running_hub, catalog, 1)
    qtbot.waitUntil(lambda: window.queue.model.row_of(first) is not None, timeout=5000)
    assert window.banner.isHidden()
    running_hub.stop()
    qtbot.waitUntil(lambda: not window.banner.isHidden(), timeout=2000)
    assert "since" in window.banner.text() and not window.online
    # still showing the last known state, marked stale
    assert window.queue.model.row_of(first) is not None
    running_hub.start()  # same database, same port
    made_while_reconnecting = [report(running_hub, catalog, k) for k in range(2, 5)]
    qtbot.waitUntil(lambda: window.online, timeout=10_000)
    qtbot.waitUntil(lambda: all(window.queue.model.row_of(i) is not None for i in made_while_reconnecting),
                    timeout=5000)
    assert window.banner.isHidden()
    assert window.bridge.client.gaps == 0


def test_a_viewer_gets_no_actions(console, running_hub, catalog, qtbot):
    window = console(WALL)
    inc = report(running_hub, catalog)
    qtbot.waitUntil(lambda: window.queue.model.row_of(inc) is not None, timeout=5000)
    window.queue.select_incident(inc)
    assert window.panel.visible_actions() == []


def test_layout_is_saved_per_user_and_can_be_reset(console, qtbot):
    window = console()
    window.docks["video"].hide()
    window.save_layout()
    assert window.settings.value("layout/sup/state") is not None
    window.reset_layout()
    assert not window.docks["video"].isHidden()


def test_the_whole_life_is_performed_through_the_panels_controls(console, running_hub, catalog, qtbot):
    """accept → dispatch (first recommendation) → acknowledge → resolve → verify → close, each by
    clicking the panel's button as a supervisor, each confirmed by the hub's event."""
    from PySide6.QtCore import Qt

    window = console()
    inc = report(running_hub, catalog, 3)
    qtbot.waitUntil(lambda: window.queue.model.row_of(inc) is not None, timeout=5000)
    window.queue.select_incident(inc)
    panel = window.panel

    def state():
        row = window.queue.model.row_of(inc)
        return None if row is None else window.queue.model.incident(row)["state"]

    def click(action, expect, before=None):
        qtbot.waitUntil(lambda: action in panel.visible_actions() and panel.buttons[action].isEnabled(),
                        timeout=5000)
        if before:
            before()
        qtbot.mouseClick(panel.buttons[action], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: state() == expect or (expect == "closed" and state() is None), timeout=5000)

    def pick_satisfaction():
        combo = panel.satisfaction_combo
        combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) == 5))

    click("accept", "accepted")
    combo = panel.dispatch_combo
    first_team = lambda: next(i for i in range(combo.count()) if str(combo.itemData(i)).startswith("team:"))  # noqa: E731
    click("dispatch", "dispatched", before=lambda: combo.setCurrentIndex(first_team()))
    click("acknowledge", "acknowledged")
    click("resolve", "resolved")
    click("verify_pass", "verified")
    click("close", "closed", before=pick_satisfaction)
    final = submit(running_hub, OTHER, "query.history", {"incident": inc})
    assert [t["action"] for t in final["transitions"]] == [
        "report", "accept", "dispatch", "acknowledge", "resolve", "verify_pass", "close"]
    assert final["incident"]["satisfaction"] == 5


def test_a_new_urgent_incident_raises_a_toast_and_a_sound(console, running_hub, catalog, qtbot):
    window = console()
    inc = report(running_hub, catalog, 4, priority="urgent")
    qtbot.waitUntil(lambda: window.alerts_sounded >= 1, timeout=5000)
    assert inc in window.toast.text() and window.toast.isVisibleTo(window)


def test_a_refused_token_is_named_as_such_not_as_an_unreachable_hub(running_hub, catalog, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from console.views.bridge import HubBridge
    from console.views.main_window import MainWindow

    bridge = HubBridge(running_hub.url, "not-a-configured-token")
    window = MainWindow(bridge, catalog, language="en",
                        settings=QSettings(str(tmp_path / "x.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    bridge.start()
    try:
        qtbot.waitUntil(lambda: "token" in window.banner.text(), timeout=5000)
        assert "refused" in window.banner.text() and not window.online
    finally:
        bridge.stop()
