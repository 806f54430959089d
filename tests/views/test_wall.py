"""The video wall in the console and the wall-display mode, against a real hub on port 0:
selecting an incident pins its nearest cameras, a camera marker opens its tile, a wall preset
switches to a new urgent incident and back, every wall panel shows its data's age and the drill
watermark, and a viewer may run a wall. Then, on a state fed by hand (no hub): the switch frames
the incident with its free teams and cameras, at least 600 m across; urgent incidents arriving
meanwhile queue in the banner's strip and get their turn; the preset's settings are used."""

from datetime import UTC, datetime

import pytest

from console.models.cameras import nearest_cameras
from console.models.geo import haversine_m
from console.state import ConsoleState
from console.views.wall.controller import WallController
from console.views.wall.presets import PRESETS
from tests.views.conftest import WALL, report
from tests.views.test_map import page_value, wait_page


def test_selecting_an_incident_pins_its_nearest_cameras_on_the_video_wall(console, running_hub, catalog, qtbot):
    window = console()
    cam = sorted(catalog.cameras.values(), key=lambda c: c.id)[5]
    inc = report(running_hub, catalog, 0, lat=cam.lat + 0.0005, lon=cam.lon)
    qtbot.waitUntil(lambda: window.queue.model.row_of(inc) is not None, timeout=5000)
    window.queue.select_incident(inc)
    expected = [c.id for c, _d in nearest_cameras(catalog.cameras.values(), cam.lat + 0.0005, cam.lon,
                                                   window.video.radius_m(), window.video.tile_count())]
    assert expected and expected[0] == cam.id
    assert window.video.pinned_incident() is not None
    assert window.video.camera_ids()[:len(expected)] == expected


def test_a_camera_marker_clicked_on_the_map_opens_its_tile(console, catalog, qtbot):
    window = console()
    cam = sorted(catalog.cameras.values(), key=lambda c: c.id)[10]
    with qtbot.waitSignal(window.video.camera_opened, timeout=5000) as sig:
        window.map.camera_clicked.emit(cam.id)
    assert sig.args[0] == cam.id
    assert cam.id in window.video.camera_ids()


@pytest.fixture
def wall(qtbot, running_hub, catalog):
    from console.views.bridge import HubBridge

    made = []

    def _open(preset="command", user=WALL, **kw):
        bridge = HubBridge(running_hub.url, user.token)
        state = ConsoleState()
        bridge.attach(state)
        w = WallController(state, catalog, preset, language="en", bridge=bridge, **kw)
        for s in w.screens:
            qtbot.addWidget(s)
        bridge.start()
        made.append((bridge, w))
        w.show(fullscreen=False)
        qtbot.waitUntil(lambda: w.online and w.last_data_at is not None, timeout=10_000)
        return w

    yield _open
    for bridge, w in made:
        w.close()
        bridge.stop()


def test_every_preset_builds_its_screens_and_every_panel_shows_its_data_age(wall, qtbot):
    w = wall("quad")
    assert len(w.screens) == len(PRESETS["quad"]) == 4
    qtbot.waitUntil(lambda: all(p.age.text().startswith("as of") for p in w.panels()), timeout=3000)
    assert all(p.age.property("level") == "fresh" for p in w.panels())


def test_a_viewer_runs_a_wall_and_it_switches_to_a_new_urgent_incident_and_back(wall, running_hub, catalog, qtbot):
    w = wall("command", return_after_s=30.0)
    w.screens[0].resize(1920, 1080)  # the map needs a height to fit anything into
    qtbot.waitUntil(lambda: w.map.ready, timeout=20_000)
    fits, fit = [], w.map.fit_points
    w.map.fit_points = lambda pts, min_span_m=600.0, **kw: (fits.append((list(pts), min_span_m, kw)),
                                                            fit(pts, min_span_m, **kw))
    cam = sorted(catalog.cameras.values(), key=lambda c: c.id)[3]
    with qtbot.waitSignal(w.switched, timeout=10_000) as sig:
        inc = report(running_hub, catalog, 2, lat=cam.lat, lon=cam.lon, priority="urgent")
    assert sig.args == [inc] and w.focused == inc
    # the map frames it with its free teams and cameras, at least 600 m across; the nearest
    # cameras up, the row selected, the urgent banner on every screen
    points, span, kw = fits[0]
    assert points[0] == pytest.approx((cam.lat, cam.lon)) and span == 600.0 and kw == {"animate": True}
    # the banner shrank the map: the page keeps the fitted view through the resize (CM.fitPoints
    # remembers it), and the wall may frame its points once more, unanimated (offscreen a page
    # never runs the animated flight's frames)
    lat = (min(p[0] for p in points) + max(p[0] for p in points)) / 2
    lon = (min(p[1] for p in points) + max(p[1] for p in points)) / 2
    st = wait_page(qtbot, w.map, "CM.state()", lambda s: s["sel"] == inc and abs(s["lat"] - lat) < 3e-4
                   and abs(s["lon"] - lon) < 3e-4, timeout=8000)
    assert all(f == (points, span, {"animate": False}) for f in fits[1:])
    short = page_value(qtbot, w.map, "CM.spanM()")
    long = short * max(w.map.web.width(), w.map.web.height()) / min(w.map.web.width(), w.map.web.height())
    half_ns, half_ew = (short / 2, long / 2) if w.map.web.width() >= w.map.web.height() else (long / 2, short / 2)
    assert short >= 600
    for plat, plon in points:  # every point in view
        assert haversine_m(st["lat"], st["lon"], plat, st["lon"]) <= half_ns
        assert haversine_m(st["lat"], st["lon"], st["lat"], plon) <= half_ew
    assert w.videos[0].camera_ids()[0] == cam.id
    assert w.queue.selected_id() == inc
    assert all(s.urgent.isVisibleTo(s) and inc in s.urgent.text() for s in w.screens)
    # ... and back to the preset after the set time (shortened here)
    w.set_return_after(0.3)
    with qtbot.waitSignal(w.returned, timeout=5000):
        pass
    assert w.focused is None and w.videos[0].pinned_incident() is None
    wait_page(qtbot, w.map, "CM.state()", lambda s: s["sel"] is None and s["target"] is None, timeout=8000)
    assert all(s.urgent.isHidden() for s in w.screens)


def test_a_drill_incident_watermarks_every_wall_panel(wall, running_hub, catalog, qtbot):
    w = wall("quad")
    assert not any(p.watermark.isVisible() for p in w.panels())
    report(running_hub, catalog, 4, drill=True)
    qtbot.waitUntil(lambda: w.drill_active, timeout=5000)
    assert all(p.watermark.isVisibleTo(p) for p in w.panels())
    assert all(v.drill() for v in w.videos)


def test_the_age_turns_red_when_the_hub_goes_away(wall, running_hub, qtbot):
    w = wall("overview")
    running_hub.stop()
    qtbot.waitUntil(lambda: not w.online, timeout=3000)
    w.state.last_data_at -= 200  # as if the hub had been gone for minutes
    qtbot.waitUntil(lambda: all(p.age.property("level") == "red" for p in w.panels()), timeout=3000)
    assert "s ago" in w.panels()[0].age.text()
    assert not w.screens[0].banner.isHidden()


def test_an_unknown_preset_is_refused_with_the_choices(running_hub, catalog):

    with pytest.raises(ValueError, match="overview"):
        WallController(ConsoleState(), catalog, "wallpaper")


def test_the_console_menu_opens_a_wall_on_the_same_connection(console, running_hub, catalog, qtbot):
    window = console()
    inc = report(running_hub, catalog, 6)
    qtbot.waitUntil(lambda: window.queue.model.row_of(inc) is not None, timeout=5000)
    w = window.open_wall("queue", fullscreen=False)
    for s in w.screens:
        qtbot.addWidget(s)
    assert w.queue.model.row_of(inc) is not None  # what the window knew, at once
    later = report(running_hub, catalog, 7)
    qtbot.waitUntil(lambda: w.queue.model.row_of(later) is not None, timeout=5000)
    w.screens[0].close()
    qtbot.waitUntil(lambda: window.wall is None, timeout=2000)


# ---- the urgent switch without a hub: a state fed by hand, the map's fit recorded -------------------

DAY = "20261123"
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def _incident(catalog, serial, lat, lon, **kw):
    """An incident's wire form: an 18-digit id (district, day, serial), urgent unless told."""
    from console.models.incident import Incident
    from console.models.lifecycle import State

    inc = Incident(id=f"{catalog.district.code}{DAY}{serial:04d}", state=State.REPORTED, category="E0101",
                   priority="urgent", lat=lat, lon=lon, description=f"第{serial}号：燃气泄漏", source="hotline",
                   reported_at=NOW, reported_by="hotline.wang")
    return inc.to_wire() | kw


@pytest.fixture
def quiet_wall(qtbot, catalog):
    """A wall on a state fed by hand (no hub, no socket); ``w.fits`` records the map's fit_points
    calls as (points, min_span_m, animate) instead of running them in the page."""
    made = []

    def _open(preset="command", units=(), **kw):
        state = ConsoleState()
        state.apply_snapshot({"incidents": [], "units": list(units), "teams": [], "reference": {}})
        state.set_connection(True)
        w = WallController(state, catalog, preset, language="en", **kw)
        for s in w.screens:
            qtbot.addWidget(s)
        w.fits, w.nearby = [], []
        if w.map is not None:
            w.map.fit_points = lambda pts, min_span_m=600.0, animate=True: w.fits.append((list(pts), min_span_m,
                                                                                           animate))
            w.map.set_nearby = lambda teams: w.nearby.append(list(teams))
        made.append(w)
        return w

    yield _open
    for w in made:
        w.close()


def _feed(w, *incidents):
    w.state.apply_events([{"kind": "incident", "data": inc} for inc in incidents])


def _near_camera(catalog, k, dlat=0.0005):
    cam = sorted(catalog.cameras.values(), key=lambda c: c.id)[k]
    return cam, cam.lat + dlat, cam.lon


def _banner_on(w, iid):
    """Every screen's banner names this incident, and the map has it selected."""
    return all(s.urgent.isVisibleTo(s) and iid in s.urgent.text() for s in w.screens) and w.map.selected() == iid


def test_an_urgent_switch_fits_the_incident_its_nearest_free_teams_and_pinned_cameras_at_least_600_m_across(
        quiet_wall, catalog):
    _cam, lat, lon = _near_camera(catalog, 3)
    units = [{"id": f"U-{k}", "team": t, "status": "free", "lat": lat + 0.004 * (k + 1), "lon": lon - 0.003}
             for k, t in enumerate(("T-01", "T-02", "T-03"))]
    w = quiet_wall("command", units=units)
    inc = _incident(catalog, 261, lat, lon)
    _feed(w, inc)
    assert w.focused == inc["id"] and w.map.selected() == inc["id"]
    (points, span, animate), = w.fits
    assert span == 600.0 and animate is True
    assert points[0] == (lat, lon)
    recs = w.state.recommend(catalog, w.state.incidents[inc["id"]], 3)
    assert recs and all(rec.at in points for rec in recs)
    pinned = [c for c in w.videos[0].camera_ids() if c]
    assert pinned and all((catalog.cameras[c].lat, catalog.cameras[c].lon) in points for c in pinned)
    assert len(points) == 1 + len(recs) + len(pinned)  # nothing else pulls the view wider
    assert all(haversine_m(lat, lon, catalog.cameras[c].lat, catalog.cameras[c].lon) <= w.camera_radius_m
               for c in pinned)
    (teams,) = w.nearby  # the free teams are marked on the map too, where they are framed
    assert [(t[0], t[1]) for t in teams] == [rec.at for rec in recs]


def test_the_map_changing_size_during_a_switch_frames_the_same_points_again_until_the_wall_returns(
        quiet_wall, catalog, qtbot):
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QResizeEvent
    from PySide6.QtWidgets import QApplication

    w = quiet_wall("overview")
    _feed(w, _incident(catalog, 261, *_near_camera(catalog, 3)[1:]))
    (points, span, _animate), = w.fits

    def resized():  # as when the banner appears above the map (the page then fits the district)
        QApplication.sendEvent(w.map.web, QResizeEvent(QSize(800, 400), QSize(800, 500)))

    resized()
    assert w._refit.isActive()
    qtbot.waitUntil(lambda: not w._refit.isActive() and len(w.fits) >= 2, timeout=2000)
    assert all(f == (points, span, False) for f in w.fits[1:])  # (the page's loading also re-frames)
    w.return_to_preset()
    resized()
    assert not w._refit.isActive()  # back on the district: nothing to frame


def test_a_second_urgent_incident_during_a_switch_waits_in_the_banner_strip_and_the_wall_stays_on_the_first(
        quiet_wall, catalog):
    w = quiet_wall("command")
    first, second, third = (_incident(catalog, n, *_near_camera(catalog, k)[1:]) for n, k in
                            ((261, 3), (262, 10), (263, 20)))
    switched = []
    w.switched.connect(switched.append)
    _feed(w, first)
    _feed(w, second)
    _feed(w, third)
    w.state.alert.emit(second, "new_urgent")  # an alert again for one already queued: not twice
    assert switched == [first["id"]] and w.focused == first["id"]
    assert w.queued() == [second["id"], third["id"]]
    assert _banner_on(w, first["id"]) and len(w.fits) == 1
    assert w.videos[0].pinned_incident()["id"] == first["id"]
    assert all(second["id"] not in s.urgent.text() for s in w.screens)
    name = catalog.categories["E0101"].name_en
    for s in w.screens:
        assert s.urgent.strip.isVisibleTo(s)
        assert s.urgent.upcoming() == f"Next: 2 more urgent — 0262 {name}  ·  0263 {name}"


def test_when_the_time_is_up_each_queued_incident_gets_the_wall_for_the_full_time_then_the_preset_returns(
        quiet_wall, catalog, qtbot):
    w = quiet_wall("command", return_after_s=60.0)
    first, second, third = (_incident(catalog, n, *_near_camera(catalog, k)[1:]) for n, k in
                            ((261, 3), (262, 10), (263, 20)))
    for inc in (first, second, third):
        _feed(w, inc)
    with qtbot.waitSignal(w.switched, timeout=1000) as sig:
        w.advance()  # what the return timer calls
    assert sig.args == [second["id"]] and w.focused == second["id"] and _banner_on(w, second["id"])
    assert w._return_timer.isActive() and w._return_timer.remainingTime() > 55_000  # its own full time
    assert w.fits[-1][0][0] == (second["lat"], second["lon"]) and w.videos[0].pinned_incident()["id"] == second["id"]
    assert all(s.urgent.upcoming().startswith("Next: 1 more urgent — 0263") for s in w.screens)
    w.set_return_after(0.05)  # the real timer from here on
    with qtbot.waitSignal(w.switched, timeout=3000) as sig:
        pass
    assert sig.args == [third["id"]] and _banner_on(w, third["id"])
    assert all(s.urgent.strip.isHidden() for s in w.screens)
    with qtbot.waitSignal(w.returned, timeout=3000):
        pass
    assert w.focused is None and w.queued() == [] and w.map.selected() is None
    assert all(s.urgent.isHidden() for s in w.screens) and w.videos[0].pinned_incident() is None


def test_a_queued_incident_closed_or_no_longer_urgent_is_dropped_from_the_queue(quiet_wall, catalog):
    w = quiet_wall("overview")
    incs = [_incident(catalog, 261 + n, *_near_camera(catalog, 3 * n)[1:]) for n in range(4)]
    for inc in incs:
        _feed(w, inc)
    assert w.queued() == [i["id"] for i in incs[1:]]
    _feed(w, incs[1] | {"state": "closed", "status": "closed", "version": 2},
          incs[2] | {"priority": "normal", "version": 2})
    assert w.queued() == [incs[3]["id"]] and _banner_on(w, incs[0]["id"])
    assert w.screens[0].urgent.upcoming().startswith("Next: 1 more urgent — 0264")
    w.advance()
    assert w.focused == incs[3]["id"] and _banner_on(w, incs[3]["id"])
    w.advance()
    assert w.focused is None and w.screens[0].urgent.isHidden()


def test_the_incident_on_show_closed_hands_the_wall_to_the_next_queued_at_once(quiet_wall, catalog):
    w = quiet_wall("overview")
    first, second = (_incident(catalog, n, *_near_camera(catalog, k)[1:]) for n, k in ((261, 3), (262, 10)))
    _feed(w, first)
    _feed(w, second)
    _feed(w, first | {"state": "closed", "status": "closed", "version": 2})
    assert w.focused == second["id"] and w.queued() == [] and _banner_on(w, second["id"])
    _feed(w, second | {"state": "closed", "status": "closed", "version": 2})
    assert w.focused is None and w.map.selected() is None and w.screens[0].urgent.isHidden()


def test_the_preset_settings_give_the_return_time_the_camera_radius_and_the_narrowest_view(
        quiet_wall, catalog, monkeypatch):
    from console.views.wall import presets

    own = {"return_after_s": 45, "camera_radius_m": 400, "min_span_m": 900}
    monkeypatch.setitem(presets.PRESET_SETTINGS, "overview", own)
    monkeypatch.setitem(presets.PRESET_SETTINGS, "video", {"camera_radius_m": 400})
    w = quiet_wall("overview")
    assert w.return_after_s() == 45 and w.camera_radius_m == 400 and w.min_span_m == 900
    _cam, lat, lon = _near_camera(catalog, 3)
    _feed(w, _incident(catalog, 261, lat, lon))
    (points, span, _animate), = w.fits
    near = nearest_cameras(catalog.cameras.values(), lat, lon, 400, 9)  # no video wall: the nine a 3×3 would pin
    assert span == 900 and near and points[-len(near):] == [(c.lat, c.lon) for c, _d in near]
    assert quiet_wall("video").videos[0].radius_m() == 400
    assert quiet_wall("overview", return_after_s=5).return_after_s() == 5  # the argument still wins
    defaults = quiet_wall("queue")
    assert defaults.return_after_s() == 120 and defaults.camera_radius_m == 1500 and defaults.min_span_m == 600
    monkeypatch.setitem(presets.PRESET_SETTINGS, "queue", {"return_after": 5})
    with pytest.raises(ValueError, match="return_after_s"):
        presets.preset_settings("queue")


def test_the_numbers_preset_shows_this_shifts_numbers_large_and_its_charts_take_turns(wall, running_hub, catalog,
                                                                                     qtbot):
    report(running_hub, catalog, 3)
    w = wall("numbers")
    view = w.numbers
    assert view is not None and view.period_combo.currentData() == "shift"
    assert view.group_combo.currentData() == "department"
    qtbot.waitUntil(lambda: not view.pending and view.charts is not None and bool(view.series), timeout=10_000)
    assert view.charts.tabBar().isHidden() and view.scale == 2.0  # no tabs to click on a wall; large type
    start = view.charts.currentIndex()
    view._turns.setInterval(50)
    qtbot.waitUntil(lambda: view.charts.currentIndex() != start, timeout=3000)
    w.close()
    assert view.state is None  # no longer follows the state the desk keeps
