"""The debrief PDF (issue 16) through the console's own widgets against a real hub: the timeline's
button asks where, the case's trail and the center at its key moments come from the hub's log, the
maps are drawn and the pages written on a worker thread; the file read back holds the timeline and
one map per key moment. The map itself: every case and unit where the log had it."""

from datetime import UTC, datetime

import pytest

from console.models.lifecycle import Actor, Role
from tests.views.conftest import report, submit

SUP_ACTOR = Actor("sup", Role.SUPERVISOR)


def _text(path):
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return reader, "\n".join(p.extract_text() for p in reader.pages).replace("\t", " ")


def test_the_timelines_button_writes_a_debrief_with_a_map_per_key_moment(console, running_hub, catalog, qtbot,
                                                                         tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = console()
    case = report(running_hub, catalog, 1)
    other = report(running_hub, catalog, 5)
    team = sorted(catalog.teams)[0]
    assert submit(running_hub, SUP_ACTOR, "incident.accept", {"incident": case})["ok"]
    assert submit(running_hub, SUP_ACTOR, "incident.dispatch", {"incident": case, "team": team})["ok"]
    qtbot.waitUntil(lambda: (window.state.incidents.get(case) or {}).get("state") == "dispatched", timeout=5000)
    window.state.select(case)
    qtbot.waitUntil(lambda: (window.panel.incident() or {}).get("id") == case, timeout=5000)
    assert window.panel.debrief_run_button.isHidden()  # not a drill's case: no run to tell
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "debrief.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    with qtbot.waitSignal(window.debrief_finished, timeout=20_000) as said:
        window.panel.debrief_button.click()
    assert said.args[0] == f"Debrief written to {target}", said.args
    reader, text = _text(target)
    assert f"Debrief: case {case}" in text and "Timeline" in text and "The center at its key moments" in text
    for words in ("reported", "accepted", "dispatched"):
        assert words in text, words
    # three key moments (report, accept, dispatch): a map for each, the other case on the later ones
    assert sum(len(p.images) for p in reader.pages) == 3
    assert "2 active cases" in text and other[-6:] not in text.split("Timeline")[0]
    assert list((tmp_path / "out").iterdir()) == [target]  # written whole, nothing left beside it


def test_a_drill_cases_panel_offers_its_runs_debrief_which_tells_every_case_of_the_run(
        console, running_hub, catalog, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))  # cancelled
    window = console()
    a = report(running_hub, catalog, 1, drill_run="run-7")
    b = report(running_hub, catalog, 2, drill_run="run-7")
    report(running_hub, catalog, 3, drill_run="run-8")
    qtbot.waitUntil(lambda: b in window.state.incidents, timeout=5000)
    window.state.select(a)
    qtbot.waitUntil(lambda: (window.panel.incident() or {}).get("id") == a, timeout=5000)
    assert not window.panel.debrief_run_button.isHidden()
    with qtbot.waitSignal(window.panel.debrief_requested) as asked:
        window.panel.debrief_run_button.click()
    assert asked.args == ["drill", "run-7"]
    with qtbot.waitSignal(window.debrief_finished, timeout=20_000) as said:
        assert window.debrief_to("drill", "run-7", str(tmp_path / "run.pdf"))
    assert said.args[0].startswith("Debrief written"), said.args
    _reader, text = _text(tmp_path / "run.pdf")
    assert "Debrief: drill run run-7" in text and a in text and b in text


@pytest.mark.parametrize("name, words", [("d.txt", "the file must end in .pdf"),
                                         ("nowhere/d.pdf", "does not exist")])
def test_a_debrief_to_a_bad_file_is_refused_at_once_and_nothing_is_written(console, qtbot, tmp_path, name, words):
    window = console()
    (tmp_path / "out").mkdir()
    with qtbot.waitSignal(window.debrief_finished) as said:
        assert not window.debrief_to("case", "x", str(tmp_path / "out" / name))
    assert words in said.args[0] and list((tmp_path / "out").iterdir()) == []


def test_a_debrief_of_an_unknown_case_says_the_hubs_refusal_and_writes_nothing(console, qtbot, tmp_path):
    window = console()
    with qtbot.waitSignal(window.debrief_finished, timeout=10_000) as said:
        assert window.debrief_to("case", "no-such-case", str(tmp_path / "d.pdf"))
    assert "not_found" in said.args[0] and not (tmp_path / "d.pdf").exists()


def test_the_map_puts_each_case_and_unit_where_the_log_had_it(qapp, catalog):
    from PySide6.QtGui import QColor

    from console.views.debrief import SLA_COLOURS, TEAM_COLOUR, DebriefTexts, _Projection, map_image

    grids = sorted(catalog.grids.values(), key=lambda g: g.code)
    (lat1, lon1), (lat2, lon2) = grids[0].centroid, grids[len(grids) // 2].centroid
    incidents = [{"id": "C1", "lat": lat1, "lon": lon1, "sla": "red"}]
    units = [{"id": "U1", "team": "T-X", "lat": lat2, "lon": lon2}]
    img = map_image(catalog, incidents, units, focus=set(), teams={"T-X"}, language="en",
                    texts=DebriefTexts().texts(), size=(800, 500))
    proj = _Projection([catalog.district.ring], 800, 500, margin=40)

    def colour_at(lat, lon):
        pt = proj(lon, lat)
        return QColor(img.pixel(int(pt.x()), int(pt.y()))).name()

    assert colour_at(lat1, lon1) == SLA_COLOURS["red"]
    assert colour_at(lat2, lon2) == TEAM_COLOUR
    assert datetime.now(UTC)  # the map needs no clock: drawn from the log's moment alone


def test_a_step_names_the_stage_it_led_to_only_off_the_plain_course():
    from console.views.debrief import DebriefTexts, step_text

    w = DebriefTexts()
    say = lambda s: step_text(s, w.actions(), w.states(), w.texts())  # noqa: E731
    assert say({"action": "accept", "from": "reported", "to": "accepted"}) == "accepted"
    assert say({"action": "verify_fail", "from": "resolved", "to": "dispatched"}) == "check failed → Dispatched"
    assert say({"action": "acknowledge", "from": "escalated", "to": "acknowledged"}) == "acknowledged"
    assert say({"action": "reopen", "from": "closed", "to": "dispatched"}) == "reopened → Dispatched"
    assert say({"action": "sla", "from": "accepted", "to": "accepted", "note": "blue→red"}) == "turned red"
    assert say({"action": "note", "from": "accepted", "to": "accepted"}) == "note"


@pytest.mark.parametrize("shape_name", ["a polygon with holes", "a MultiPolygon"])
def test_the_map_of_a_district_built_from_real_boundaries_draws_its_holes_and_islands(qapp, tmp_path, shape_name):
    from PySide6.QtGui import QColor
    from shapely.geometry import Point

    from console.views.debrief import DebriefTexts, _Projection, _rings, map_image
    from tests.models.test_district_builder import HOLED, MULTI, built, geom

    truth = HOLED if shape_name == "a polygon with holes" else MULTI
    _folder, _b, cat = built(tmp_path, {"type": "Feature", "properties": {}, "geometry": geom(truth)})
    img = map_image(cat, [], [], focus=set(), teams=set(), language="en", texts=DebriefTexts().texts(),
                    size=(800, 500))
    proj = _Projection(_rings(cat.district), 800, 500, margin=40)

    def dark_near(lon, lat):  # the district's outline (#44505f, 4 px) passes through this point
        pt = proj(lon, lat)
        return any(QColor(img.pixel(int(pt.x()) + dx, int(pt.y()) + dy)).lightness() < 110
                   for dx in (-1, 0, 1) for dy in (-1, 0, 1))

    if shape_name == "a polygon with holes":  # the park's edge, well inside the outer outline
        assert dark_near(125.2325, 43.820) and dark_near(125.225, 43.8275)
        assert not dark_near(125.2325, 43.8275)  # inside the park: nothing drawn
    else:  # the island's western edge, apart from the mainland
        assert dark_near(125.25, 43.81)
        assert not Point(125.245, 43.81).within(truth) and not dark_near(125.245, 43.81)  # the strait
