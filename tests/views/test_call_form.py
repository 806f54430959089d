"""The call-taking form's own rules, without a hub (a recording bridge): found in review — Enter
in a field sends nothing, a report goes once while the hub answers, a blank or retyped category
picks nothing stale, pasted coordinates are the place, and "proposed" priority follows the
category again."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from console.state import ConsoleState


class RecordingBridge:
    def __init__(self):
        self.sent = []

    def run(self, op, on_success=None, on_failure=None):
        self.sent.append((op, on_success, on_failure))  # never answered unless the test does


@pytest.fixture
def form(qtbot, catalog):
    from console.views.calltaking import CallForm

    state = ConsoleState()
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[4]
    now = datetime.now(UTC)
    state.apply_snapshot({"incidents": [{"id": "220104202612060001", "state": "accepted", "category": "E0406",
                                         "lat": grid.centroid[0], "lon": grid.centroid[1], "version": 2,
                                         "reported_at": now.isoformat(), "description": "积水"}],
                          "units": [], "reference": catalog.to_wire()})
    f = CallForm(RecordingBridge(), state, catalog, language="en", now_fn=lambda: now)
    qtbot.addWidget(f)
    f.open_new()
    qtbot.waitUntil(f.isActiveWindow, timeout=5000)
    f.grid = grid
    return f


def fill(form, *, coords=None):
    form.category_edit.setText("E0406")
    assert form.pick_category()
    form.place_edit.setText(coords or form.grid.code)
    if coords is None:
        assert form.pick_place()
    form.description_edit.setPlainText("又积水了")


def test_enter_in_a_field_sends_nothing_even_with_duplicates_listed(qtbot, form):
    fill(form)
    assert form.duplicates
    qtbot.keyClick(form.caller_edit, Qt.Key.Key_Return)
    qtbot.keyClick(form.address_edit, Qt.Key.Key_Return)
    assert form.bridge.sent == []


def test_a_report_goes_once_while_the_hub_has_not_answered(qtbot, form):
    fill(form)
    form.submit()  # duplicates first
    form.submit()
    form.submit()
    form.report_anyway()
    assert [op.name for op, *_ in form.bridge.sent] == ["incident.report"]
    _op, _ok, failed = form.bridge.sent[0]
    failed({"code": "unavailable", "message": "hub busy"})  # answered: it may go again
    form.report_anyway()
    assert len(form.bridge.sent) == 2


def test_a_blank_or_retyped_category_picks_nothing_stale(qtbot, form):
    form.category_edit.setText("dljs")
    form.category_edit.setText("")
    qtbot.keyClick(form.category_edit, Qt.Key.Key_Return)
    assert form.draft.category == ""
    form.category_edit.setText("E0406")
    assert form.pick_category() and form.draft.category == "E0406"
    form.category_edit.setText("P01")  # typed again: the earlier pick no longer stands
    assert form.draft.category == ""


def test_pasted_coordinates_are_the_place_at_once(qtbot, form):
    lat, lon = form.grid.centroid
    fill(form, coords=f"{lat:.6f}, {lon:.6f}")
    assert form.draft.lat == pytest.approx(lat, abs=1e-6) and form.problems() == []


def test_choosing_proposed_again_gives_the_categorys_priority_back(qtbot, form):
    fill(form)
    assert form.draft.priority == "urgent"
    form.priority_combo.setCurrentIndex(form.priority_combo.findData("normal"))
    form.priority_combo.activated.emit(form.priority_combo.currentIndex())
    assert form.draft.priority == "normal"
    form.priority_combo.setCurrentIndex(0)
    form.priority_combo.activated.emit(0)
    assert form.draft.priority == "urgent"


def test_a_note_for_a_duplicate_carries_the_phone_masked(qtbot, form):
    fill(form)
    form.phone_edit.setText("13812345678")
    form.submit()
    qtbot.keyClick(form.dup_list, Qt.Key.Key_A)
    op = form.bridge.sent[-1][0]
    assert op.name == "incident.note" and "138****5678" in op.args["text"] and "13812345678" not in op.args["text"]
