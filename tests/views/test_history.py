"""The history view against a real hub: closed cases are found with query.incidents, page by page
off the GUI thread, and a double-click opens a case's timeline in the incident panel."""

from console.models.lifecycle import Actor, Role
from tests.views.conftest import OTHER, report, submit

SUP_ACTOR = Actor("sup", Role.SUPERVISOR)


def close_it(running_hub, catalog, inc):
    team = sorted(catalog.teams)[0]
    for name, args in (("incident.accept", {}), ("incident.dispatch", {"team": team}), ("incident.acknowledge", {}),
                       ("incident.resolve", {}), ("incident.verify", {"passed": True}),
                       ("incident.close", {"satisfaction": 5})):
        assert submit(running_hub, SUP_ACTOR, name, {"incident": inc, **args})["ok"]


def test_a_closed_case_is_found_and_its_timeline_opened(console, running_hub, catalog, qtbot):
    window = console()
    inc = report(running_hub, catalog, 2)
    close_it(running_hub, catalog, inc)
    view = window.history
    view.text_edit.setText(inc)
    view.search()
    qtbot.waitUntil(lambda: not view.pending and view.table.rowCount() == 1, timeout=5000)
    assert view.table.item(0, 0).text() == inc and view.rows[0]["state"] == "closed"
    assert view.table.item(0, 4).text() == "Closed"
    with qtbot.waitSignal(window.panel.history_requested, timeout=5000):
        view.table.cellDoubleClicked.emit(0, 0)
    assert window.panel.incident()["id"] == inc
    qtbot.waitUntil(lambda: window.panel.history_view.topLevelItemCount() >= 7, timeout=5000)
    assert "reopen" in window.panel.visible_actions()  # a supervisor may reopen from here


def test_results_come_page_by_page(console, running_hub, catalog, qtbot, monkeypatch):
    from console.views import history

    monkeypatch.setattr(history, "PAGE", 2)
    window = console()
    ids = [report(running_hub, catalog, k, description=f"历史查找 {k}") for k in range(3)]
    view = window.history
    view.text_edit.setText("历史查找")
    view.search()
    qtbot.waitUntil(lambda: not view.pending and view.table.rowCount() == 2, timeout=5000)
    assert view.more_button.isEnabled()
    view.more_button.click()
    qtbot.waitUntil(lambda: not view.pending and view.table.rowCount() == 3, timeout=5000)
    assert not view.more_button.isEnabled()
    assert sorted(r["id"] for r in view.rows) == sorted(ids)


def test_a_failed_search_says_why(console, qtbot):
    window = console()
    view = window.history
    view.grid_edit.setText("x" * 300)  # longer than the hub takes
    view.search()
    qtbot.waitUntil(lambda: not view.pending, timeout=5000)
    assert "invalid_args" in view.count_label.text()


def test_the_form_makes_the_hubs_arguments(console):
    view = console().history
    view.text_edit.setText(" 井盖 ")
    view.status_combo.setCurrentIndex(view.status_combo.findData("final"))
    view.since_check.setChecked(True)
    f = view.filters()
    assert f["text"] == "井盖" and f["status"] == "final" and f["since"].endswith("Z") and f["until"] > f["since"]
    assert OTHER.role is Role.OPERATOR
