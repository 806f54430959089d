"""The Evaluation view against a real hub (issue 15): it shows query.indicators' rows ranked with
grades, follows the period and the grouping, refreshes after cases change, and a double-click
opens the cases behind a row in the History tab."""

from console.state import ops
from tests.views.conftest import report
from tests.views.test_history import close_it


def test_the_view_shows_the_numbers_follows_the_choices_and_drills_down(console, running_hub, catalog, qtbot):
    window = console()
    done = report(running_hub, catalog, 2)
    close_it(running_hub, catalog, done)
    report(running_hub, catalog, 3)
    view = window.evaluation
    view.period_combo.setCurrentIndex(view.period_combo.findData("today"))
    view.group_combo.setCurrentIndex(view.group_combo.findData("all"))
    qtbot.waitUntil(lambda: not view.pending and bool(view.rows) and view.rows[0]["reported"] == 2, timeout=8000)
    row = view.rows[0]
    assert (row["closed"], row["closure_rate"]) == (1, 100.0)  # the other is only reported: not due to close
    assert view.table.item(0, 0).text() == "All cases" and view.table.item(0, 4).text() == "1"
    assert view.bars.opts["height"] == [row["on_time_closure_rate"]]  # the chart follows, one bar per group
    # by street: one row per street with cases
    view.group_combo.setCurrentIndex(view.group_combo.findData("street"))
    qtbot.waitUntil(lambda: not view.pending and sum(r["reported"] for r in view.rows) == 2
                    and all(r["key"] in catalog.streets for r in view.rows), timeout=8000)
    # a new case: the numbers come again by themselves
    view._timer.setInterval(50)
    report(running_hub, catalog, 4)
    qtbot.waitUntil(lambda: not view.pending and sum(r["reported"] for r in view.rows) == 3, timeout=8000)
    # the cases behind the first row, in History
    key = view.rows[0]["key"]
    with qtbot.waitSignal(view.drill_down, timeout=5000) as sig:
        view.table.cellDoubleClicked.emit(0, 0)
    assert sig.args[0]["street"] == key and "since" in sig.args[0]
    history = window.history
    qtbot.waitUntil(lambda: not history.pending and bool(history.rows), timeout=8000)
    assert all(r["street"] == key for r in history.rows)
    assert len(history.rows) == view.rows[0]["reported"]


def test_a_period_that_starts_after_it_ends_is_said_and_not_asked(console, qtbot):
    window = console()
    view = window.evaluation
    view.period_combo.setCurrentIndex(view.period_combo.findData("custom"))
    view.since_edit.setDate(view.until_edit.date().addDays(3))  # starts after it ends
    assert "starts after it ends" in view.status.text()


def test_a_supervisor_closes_a_case_and_the_grade_appears(console, running_hub, catalog, qtbot):
    window = console()
    inc = report(running_hub, catalog, 5)
    close_it(running_hub, catalog, inc)
    view = window.evaluation
    view.group_combo.setCurrentIndex(view.group_combo.findData("all"))
    qtbot.waitUntil(lambda: not view.pending and bool(view.rows) and bool(view.rows[0]["grade"]), timeout=8000)
    assert view.table.item(0, 1).text() in "ABCDE"


def test_a_refresh_after_the_bridge_stopped_asks_nothing_and_raises_nothing(console, qtbot):
    """Found on the fresh machine: the view's refresh timer fired after the window's bridge had
    stopped, and the bridge raised 'Event loop is closed' in the Qt event loop."""
    window = console()
    view = window.evaluation
    view.refresh()
    qtbot.waitUntil(lambda: not view.pending, timeout=8000)
    window.bridge.stop()
    failed = []
    window.bridge.run(ops.history("x"), on_failure=failed.append)
    view._timer.setInterval(0)
    view._timer.start()
    qtbot.waitUntil(lambda: bool(failed), timeout=5000)
    assert failed[0]["code"] == "unavailable" and not view.pending


def test_the_table_exports_to_xlsx_with_the_figures_shown(console, running_hub, catalog, qtbot, tmp_path):
    from openpyxl import load_workbook

    window = console()
    close_it(running_hub, catalog, report(running_hub, catalog, 6))
    view = window.evaluation
    view.group_combo.setCurrentIndex(view.group_combo.findData("all"))
    qtbot.waitUntil(lambda: not view.pending and bool(view.rows) and view.rows[0]["closed"] == 1, timeout=8000)
    assert view.export_to(str(tmp_path / "n.xlsx"))
    assert "Written to" in view.status.text()
    rows = [[c.value for c in r] for r in load_workbook(tmp_path / "n.xlsx").active.iter_rows()]
    head = rows[1]
    assert rows[2][head.index("Closed")] == 1 and rows[2][head.index("Closure rate")] == view.rows[0]["closure_rate"]
    assert not view.export_to(str(tmp_path / "n.pdf")) and "csv or .xlsx" in view.status.text()
