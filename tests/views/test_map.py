"""The live map (offscreen QtWebEngine): the page loads with nothing leaving the machine, markers
follow events, layers/filters/time window apply, selection flows both ways with the queue, and an
MBTiles file made here is shown through the mbtiles: scheme handler."""

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from console.models.mbtiles import MBTiles, MBTilesError, write_mbtiles
from console.views.map import LOCAL_SCHEMES, BaseMap, MapView
from tests.views.conftest import report


def page_value(qtbot, view, js, timeout=5000):
    """The value of ``js`` in the page (through JSON), waiting for the answer."""
    box = []
    view.evaluate(js, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=timeout)
    return box[0]


def wait_page(qtbot, view, js, pred, timeout=5000):
    """Poll ``js`` until ``pred(value)`` holds; returns the value."""
    seen = []

    def ok():
        v = page_value(qtbot, view, js)
        seen.append(v)
        return pred(v)

    try:
        qtbot.waitUntil(ok, timeout=timeout)
    except Exception as e:
        raise AssertionError(f"{js}: last value {seen[-1] if seen else None!r}") from e
    return seen[-1]


@pytest.fixture
def map_view(qtbot, catalog, tmp_path):
    made = []

    def _make(**kw):
        from console.views.map import shared_profile

        shared_profile()[1].clear()  # the guard is shared by every map view: start each test's record afresh
        view = MapView(catalog, language="en", page_dir=tmp_path / "pages", **kw)
        view.resize(1200, 800)
        qtbot.addWidget(view)
        view.show()
        with qtbot.waitSignal(view.loaded, timeout=20_000) as sig:
            pass
        assert sig.args == [True], view.load_error
        made.append(view)
        return view

    yield _make


def incident(catalog, k, **extra):
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[k * 7 % len(catalog.grids)]
    now = datetime.now(UTC)
    return {"id": f"I-{k}", "lat": grid.centroid[0], "lon": grid.centroid[1], "priority": "normal",
            "sla": "green", "drill": False, "reported_at": (now - timedelta(minutes=10)).isoformat(),
            "grid": grid.code, "category": sorted(catalog.categories)[0], "description": f"case {k}",
            "state": "dispatched", "version": 1} | extra


def test_the_page_loads_with_no_request_leaving_the_machine(map_view, qtbot):
    view = map_view()
    guard = view.guard
    assert guard.seen, "the interceptor saw the page's own requests"
    assert all(u.split(":", 1)[0] in LOCAL_SCHEMES for u in guard.seen), list(guard.seen)
    assert guard.blocked == []
    # Leaflet and our layers are there, from local files
    state = page_value(qtbot, view, "CM.state()")
    assert state["zoom"] >= 12 and state["layers"]["grids"] is True
    assert page_value(qtbot, view, "typeof L.version") == "string"
    assert not view.page.errors


def test_the_page_can_collect_its_own_garbage_and_does_so_itself(map_view, qtbot):
    """QtWebEngine 6.10+ never collects on allocation: the console starts it with --expose-gc and
    the page collects every half minute; CM.collect() runs one now."""
    view = map_view()
    before = page_value(qtbot, view, "CM.state()")
    assert before["gc"] is True, "the engine was started without --js-flags=--expose-gc"
    assert page_value(qtbot, view, "CM.collect()") is True
    after = page_value(qtbot, view, "CM.state()")
    assert after["gcs"] == before["gcs"] + 1 and after["gcMs"] >= 0


def test_with_an_intranet_tile_server_only_that_host_is_let_through(map_view, qtbot):
    view = map_view(base=BaseMap(tiles="http://tiles.intranet.invalid/{z}/{x}/{y}.png"))
    qtbot.waitUntil(lambda: any("tiles.intranet.invalid" in u for u in view.guard.seen), timeout=5000)
    assert not any("tiles.intranet.invalid" in u for u in view.guard.blocked)
    view.evaluate("(function(){var i=new Image(); i.src='https://tile.openstreetmap.org/1/1/1.png'; return 1})()",
                  lambda _v: None)
    qtbot.waitUntil(lambda: any("openstreetmap" in u for u in view.guard.blocked), timeout=5000)


def test_markers_follow_incident_and_unit_events(map_view, catalog, qtbot):
    view = map_view()
    incs = [incident(catalog, k) for k in range(30)]
    view.set_incidents(incs)
    unit = next(iter(catalog.units.values()))
    view.set_units([{"id": unit.id, "lat": unit.lat, "lon": unit.lon, "status": "free", "team": unit.team,
                     "callsign": unit.callsign}])
    wait_page(qtbot, view, "CM.state()", lambda s: s["inc"] == 30 and s["units"] == 1)
    # an incident turns red and moves; another closes; the unit drives off
    moved = incs[3] | {"sla": "red", "lat": incs[3]["lat"] + 0.001, "version": 2}
    view.update_incidents([moved, incs[4] | {"state": "closed", "version": 2}])
    view.update_units([{"id": unit.id, "lat": unit.lat + 0.002, "lon": unit.lon, "status": "en_route",
                        "team": unit.team}])
    got = wait_page(qtbot, view, "[CM.incident('I-3'), CM.incident('I-4'), CM.unit(" + repr(unit.id) + "), CM.state()]",
                    lambda v: v[1] is None)
    assert got[0]["sla"] == "r" and got[0]["lat"] == pytest.approx(moved["lat"])
    assert got[2]["status"] == "en_route" and got[2]["lat"] == pytest.approx(unit.lat + 0.002)
    assert got[3]["inc"] == 29


def test_batches_ride_the_web_channel_not_one_script_source_each(map_view, catalog, qtbot):
    """The renderer keeps every distinct script source it ran: 10,000 batches sent as
    runJavaScript("CM.apply(...)") held 13 MB after collection. Batches go as channel messages."""
    view = map_view()
    qtbot.waitUntil(lambda: view._channel_up, timeout=5000)
    sources = []
    run = view.page.runJavaScript
    view.page.runJavaScript = lambda src, *a: (sources.append(src), run(src, *a))
    unit = next(iter(catalog.units.values()))
    for k in range(5):
        with qtbot.waitSignal(view.applied, timeout=5000):
            view.update_units([{"id": unit.id, "lat": unit.lat + k * 1e-4, "lon": unit.lon, "status": "free",
                                "team": unit.team, "callsign": unit.callsign}])
    got = wait_page(qtbot, view, "CM.unit(" + repr(unit.id) + ")", lambda u: u is not None)
    assert got["lat"] == pytest.approx(unit.lat + 4e-4)
    assert view.last_applied[2] == 1  # the page's own count came back over the channel
    assert not [s for s in sources if "CM.apply" in s], sources


def test_a_burst_of_changes_is_coalesced_into_few_batches(map_view, catalog, qtbot):
    view = map_view()
    batches = []
    view.applied.connect(lambda n, ms: batches.append(n))
    for k in range(200):
        view.update_incidents([incident(catalog, k)])
    wait_page(qtbot, view, "CM.state().inc", lambda n: n == 200)
    assert 1 <= len(batches) <= 3


def test_layers_time_window_and_filter_hide_what_they_should(map_view, catalog, qtbot):
    view = map_view()
    old = (datetime.now(UTC) - timedelta(hours=8)).isoformat()
    incs = [incident(catalog, k) for k in range(10)] + [incident(catalog, 10, reported_at=old)]
    view.set_incidents(incs)
    view.fit_district()
    wait_page(qtbot, view, "CM.state().shown", lambda n: n == 11)
    view.set_time_window(6)
    wait_page(qtbot, view, "CM.state().shown", lambda n: n == 10)
    view.set_time_window(0)
    view.set_filter(lambda inc: inc["id"] in {"I-1", "I-2"})
    wait_page(qtbot, view, "CM.state().shown", lambda n: n == 2)
    view.set_filter(None)
    view.set_layer("incidents", False)
    wait_page(qtbot, view, "CM.state()", lambda s: s["shown"] == 0 and s["layers"]["incidents"] is False)
    assert view.layer_buttons["incidents"].isChecked() is False


def test_grids_are_filled_by_their_open_incident_load(map_view, catalog, qtbot):
    view = map_view()
    a = incident(catalog, 1)
    view.set_incidents([a, incident(catalog, 2, id="I-2b", grid=a["grid"]), incident(catalog, 3)])
    busy = wait_page(qtbot, view, f"CM.gridStyle({a['grid']!r})", lambda s: s and s["fillOpacity"] > 0.3)
    quiet = page_value(qtbot, view, f"CM.gridStyle({incident(catalog, 3)['grid']!r})")
    assert 0 < quiet["fillOpacity"] < busy["fillOpacity"]
    view.set_grid_fill("sla")
    wait_page(qtbot, view, "CM.state().fill", lambda f: f == "sla")


def test_clicking_a_marker_emits_its_incident(map_view, catalog, qtbot):
    view = map_view()
    inc = incident(catalog, 5)
    view.set_incidents([inc])
    view.fly_to(inc["lat"], inc["lon"], 17, animate=False)
    pos = wait_page(qtbot, view, "CM.screenOf('incident', 'I-5')", lambda p: p is not None)
    with qtbot.waitSignal(view.incident_clicked, timeout=5000) as sig:
        click(view, pos)
    assert sig.args == ["I-5"]


def click(view, pos):
    """A real mouse click on the page at container pixel ``pos``."""
    target = view.web.focusProxy() or view.web
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(round(pos[0]), round(pos[1])))


def test_selection_flows_both_ways_between_queue_and_map(console, running_hub, catalog, qtbot):
    window = console()
    window.resize(1600, 1000)
    window.show()
    qtbot.waitUntil(lambda: window.map.ready, timeout=20_000)
    a = report(running_hub, catalog, 3)
    b = report(running_hub, catalog, 40)
    qtbot.waitUntil(lambda: all(window.queue.model.row_of(i) is not None for i in (a, b)), timeout=5000)
    wait_page(qtbot, window.map, "CM.state().inc", lambda n: n == 2)
    # queue -> map: the map marks it and flies there; "teams near here" are drawn
    window.queue.select_incident(a)
    inc_a = window.queue.model.view()[a]
    st = wait_page(qtbot, window.map, "CM.state()",
                   lambda s: s["sel"] == a and abs(s["lat"] - inc_a["lat"]) < 1e-3 and s["zoom"] >= 16,
                   timeout=8000)
    assert st["near"] >= 1
    # map -> queue and panel: a click on the other marker selects it
    inc_b = window.queue.model.view()[b]
    window.map.fly_to(inc_b["lat"], inc_b["lon"], 17, animate=False)
    pos = wait_page(qtbot, window.map, f"CM.screenOf('incident', {b!r})", lambda p: p is not None)
    click(window.map, pos)
    qtbot.waitUntil(lambda: window.queue.selected_id() == b and window.selected == b, timeout=5000)
    assert b in window.panel.id_label.text()
    wait_page(qtbot, window.map, "CM.state().sel", lambda s: s == b)


def test_the_queue_filter_applies_to_the_map(console, running_hub, catalog, qtbot):
    window = console()
    qtbot.waitUntil(lambda: window.map.ready, timeout=20_000)
    hot = report(running_hub, catalog, 1, source="hotline")
    grid_report = report(running_hub, catalog, 2, source="grid")
    qtbot.waitUntil(lambda: window.queue.model.row_of(grid_report) is not None, timeout=5000)
    window.map.fit_district()
    wait_page(qtbot, window.map, "CM.state().shown", lambda n: n == 2)
    window.queue.proxy.set_filters(source="grid")
    wait_page(qtbot, window.map, f"[CM.state().shown, CM.incident({hot!r}).show]", lambda v: v == [1, 0])


def _tile_png(colour):
    img = QImage(256, 256, QImage.Format.Format_RGB32)
    img.fill(QColor(colour))
    from PySide6.QtCore import QBuffer, QIODevice

    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(buf.data().data())


def _xyz(lat, lon, z):
    import math

    n = 2 ** z
    x = int((lon + 180) / 360 * n)
    s = math.sin(math.radians(lat))
    y = int((0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * n)
    return x, y


def test_an_mbtiles_file_is_shown_through_the_scheme_handler(map_view, catalog, qtbot, tmp_path):
    lat, lon = catalog.district.centroid
    z = 12
    x, y = _xyz(lat, lon, z)
    tiles = {(z, x + dx, y + dy): _tile_png("#ff00ff") for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    path = write_mbtiles(tmp_path / "base.mbtiles", tiles)
    assert MBTiles(path).tile(z, x, y) == tiles[(z, x, y)]
    view = map_view(base=BaseMap(mbtiles=str(path)))
    view.set_layer("grids", False)
    view.set_layer("bounds", False)
    view.fly_to(lat, lon, 12, animate=False)
    qtbot.waitUntil(lambda: view.tiles_handler.served >= 4, timeout=10_000)
    assert view.guard.blocked == []

    def magenta_shown():
        img = view.web.grab().toImage()
        c = img.pixelColor(img.width() // 2, img.height() // 2)
        return c.red() > 200 and c.blue() > 200 and c.green() < 60

    qtbot.waitUntil(magenta_shown, timeout=10_000)


def test_bad_base_map_settings_are_named():
    with pytest.raises(ValueError, match="not an http"):
        BaseMap(tiles="ftp://x/{z}/{x}/{y}").check()
    with pytest.raises(ValueError, match="lacks {y}"):
        BaseMap(tiles="http://tiles.local/{z}/{x}.png").check()
    with pytest.raises(ValueError, match="either"):
        BaseMap(tiles="http://t/{z}/{x}/{y}", mbtiles="a.mbtiles").check()
    with pytest.raises(MBTilesError, match="no such MBTiles file"):
        BaseMap(mbtiles="/nonexistent/a.mbtiles").check()


def test_vector_or_broken_mbtiles_files_are_refused_with_the_reason(tmp_path):
    vec = write_mbtiles(tmp_path / "v.mbtiles", {(1, 0, 0): b"x"}, fmt="pbf")
    with pytest.raises(MBTilesError, match="vector tiles are not supported"):
        MBTiles(vec)
    junk = tmp_path / "junk.mbtiles"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(MBTilesError, match="not an MBTiles file"):
        MBTiles(junk)
    empty = write_mbtiles(tmp_path / "e.mbtiles", {(1, 0, 0): b"x"})
    assert MBTiles(empty).tile(1, 1, 1) is None and MBTiles(empty).tile(5, 99, 0) is None
