"""The video wall in the console and the wall-display mode, against a real hub on port 0:
selecting an incident pins its nearest cameras, a camera marker opens its tile, a wall preset
switches to a new urgent incident and back, every wall panel shows its data's age and the drill
watermark, and a viewer may run a wall."""

import pytest

from console.models.cameras import nearest_cameras
from console.state import ConsoleState
from console.views.wall.controller import WallController
from console.views.wall.presets import PRESETS
from tests.views.conftest import WALL, report
from tests.views.test_map import wait_page


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
        w = WallController(state, catalog, preset, language="en", **kw)
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
    qtbot.waitUntil(lambda: w.map.ready, timeout=20_000)
    cam = sorted(catalog.cameras.values(), key=lambda c: c.id)[3]
    with qtbot.waitSignal(w.switched, timeout=10_000) as sig:
        inc = report(running_hub, catalog, 2, lat=cam.lat, lon=cam.lon, priority="urgent")
    assert sig.args == [inc] and w.focused == inc
    # map zoomed there, nearest cameras up, the row selected, a banner on every screen
    st = wait_page(qtbot, w.map, "CM.state()", lambda s: s["sel"] == inc and s["target"] is not None, timeout=8000)
    assert abs(st["target"][0] - cam.lat) < 1e-3 and st["target"][2] == 17
    assert w.videos[0].camera_ids()[0] == cam.id
    assert w.queue.selected_id() == inc
    assert all(not s.banner.isHidden() and inc in s.banner.text() for s in w.screens)
    # ... and back to the preset after the set time (shortened here)
    w.set_return_after(0.3)
    with qtbot.waitSignal(w.returned, timeout=5000):
        pass
    assert w.focused is None and w.videos[0].pinned_incident() is None
    wait_page(qtbot, w.map, "CM.state()", lambda s: s["sel"] is None and s["target"] is None, timeout=8000)
    assert all(s.banner.isHidden() for s in w.screens)


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
