"""The video wall: layouts, pinning to an incident, hand pins, swap, enlarge, drill watermark, and
streams that go from no signal to playing with real frames (a video made here by ffmpeg)."""

from __future__ import annotations

import math
import os
import re
import shutil
import socket
import subprocess

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QDropEvent, QImage

from console.models.catalog import Camera
from console.models.geo import EARTH_RADIUS_M
from console.views.video import (
    CONNECTING,
    EMPTY,
    IDLE,
    NO_SIGNAL,
    PLACEHOLDER,
    PLAYING,
    TILE_MIME,
    CameraTile,
    StreamPolicy,
    VideoWall,
    safe_url,
)

LAT, LON = 43.8705, 125.3010  # inside the demo district
FAST = StreamPolicy(retry_base_s=0.2, retry_cap_s=0.8, connect_timeout_s=5.0, stall_s=3.0, max_fps=30)


def north(metres: float) -> float:
    return LAT + math.degrees(metres / EARTH_RADIUS_M)


def cam(ident: str, metres_north: float, url: str = "") -> Camera:
    return Camera(ident, f"测试摄像头{ident}", f"Test camera {ident}", north(metres_north), LON, "", url)


def incident(**kw) -> dict:
    d = {"id": "INC-1", "lat": LAT, "lon": LON, "description": "Exposed garbage at the corner", "drill": False}
    d.update(kw)
    return d


# ---- fixtures -----------------------------------------------------------------------------------


def _ffmpeg(out, seconds: float) -> None:
    imageio_ffmpeg = pytest.importorskip("imageio_ffmpeg")
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                    f"testsrc=duration={seconds}:size=160x120:rate=10", "-pix_fmt", "yuv420p", str(out)],
                   check=True, timeout=60)


@pytest.fixture(scope="session")
def videos(tmp_path_factory):
    """A 30 s and a 1 s test-pattern video (H.264 in MP4)."""
    d = tmp_path_factory.mktemp("videos")
    long, short = d / "long.mp4", d / "short.mp4"
    _ffmpeg(long, 30)
    _ffmpeg(short, 1)
    return {"long": long, "short": short}


@pytest.fixture
def make_wall(qtbot, catalog):
    walls = []

    def make(*, cameras=None, layout=4, show=True, **kw):
        w = VideoWall(catalog, layout=layout, policy=kw.pop("policy", FAST), language=kw.pop("language", "en"),
                      **kw)
        qtbot.addWidget(w)
        if cameras is not None:
            w.set_cameras(cameras)
        w.resize(960, 640)
        if show:
            w.show()
            qtbot.waitExposed(w)
        walls.append(w)
        return w

    yield make
    for w in walls:
        w.shutdown()


def non_uniform(img: QImage, rect=None) -> int:
    """How many distinct colours a coarse sample of the image has."""
    img = img.convertToFormat(QImage.Format.Format_RGB32)
    x0, y0, w, h = (0, 0, img.width(), img.height()) if rect is None else rect
    colours = {img.pixel(x0 + (w - 1) * i // 15, y0 + (h - 1) * j // 15) for i in range(16) for j in range(16)}
    return len(colours)


def amber_pixels(img: QImage) -> int:
    img = img.convertToFormat(QImage.Format.Format_RGB32)
    n = 0
    for y in range(0, img.height(), 2):
        for x in range(0, img.width(), 2):
            c = QColor(img.pixel(x, y))
            if c.red() - c.blue() > 25 and c.red() > c.green() > c.blue() and c.green() - c.blue() > 8:
                n += 1
    return n


# ---- layouts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 4, 9, 16])
def test_layouts_show_1_4_9_or_16_tiles(make_wall, n):
    wall = make_wall(layout=4)
    wall.set_layout(n)
    assert wall.tile_count() == n
    assert [t.isVisible() for t in wall.tiles()] == [i < n for i in range(16)]
    assert wall.layout_box.currentData() == n


def test_the_toolbar_combo_switches_the_layout(make_wall, qtbot):
    wall = make_wall(layout=4)
    with qtbot.waitSignal(wall.layout_changed) as sig:
        wall.layout_box.activated.emit(2)  # 3×3
    assert sig.args == [9]
    assert sum(t.isVisible() for t in wall.tiles()) == 9
    with pytest.raises(ValueError):
        wall.set_layout(6)


def test_tiles_are_laid_out_in_a_square_grid(make_wall, qtbot):
    wall = make_wall(layout=9)
    qtbot.waitUntil(lambda: wall.tile(8).width() > 0)
    t0, t1, t3 = wall.tile(0), wall.tile(1), wall.tile(3)
    assert t1.x() > t0.x() and t1.y() == t0.y()  # reading order: right, then next row
    assert t3.y() > t0.y() and t3.x() == t0.x()
    assert abs(t0.width() - t1.width()) <= 1


# ---- pinning ------------------------------------------------------------------------------------


def test_pin_for_incident_puts_the_nearest_cameras_first_within_the_radius(make_wall):
    cams = [cam("C450", 450), cam("A100", 100), cam("D600", 600), cam("B300", 300)]
    wall = make_wall(cameras=cams, layout=4)
    pinned = wall.pin_for_incident(incident())
    assert [c for c, _ in pinned] == ["A100", "B300", "C450"]
    assert [round(d) for _, d in pinned] == [100, 300, 450]
    assert wall.camera_ids() == ["A100", "B300", "C450", None]  # 600 m is beyond the 500 m default
    assert wall.tile(0).incident["id"] == "INC-1" and round(wall.tile(0).distance_m) == 100
    assert wall.tile(3).state == EMPTY and wall.tile(3).incident is None
    assert "3 cameras within 500 m" in wall.incident_label.text()

    wall.set_radius(700)
    wall.pin_for_incident(incident())
    assert wall.camera_ids() == ["A100", "B300", "C450", "D600"]
    wall.set_radius(150)
    wall.pin_for_incident(incident())
    assert wall.camera_ids() == ["A100", None, None, None]


def test_pinning_keeps_locked_tiles(make_wall):
    cams = [cam("A100", 100), cam("B300", 300), cam("C450", 450), cam("FAR", 5000)]
    wall = make_wall(cameras=cams, layout=4)
    wall.pin(0, "FAR")
    wall.set_locked(0, True)
    wall.pin(2, "B300")
    wall.set_locked(2, True)
    wall.pin_for_incident(incident())
    assert wall.camera_ids() == ["FAR", "A100", "B300", "C450"]  # B300 not shown twice
    assert wall.tile(0).incident is None  # the locked tile keeps what it was
    assert wall.is_locked(0) and wall.is_locked(2) and not wall.is_locked(1)


def test_pinning_for_the_shipped_catalog_finds_the_junction_camera(make_wall, catalog):
    wall = make_wall(layout=4)
    c = catalog.cameras["CAM-024"]
    pinned = wall.pin_for_incident(incident(lat=c.lat, lon=c.lon))
    assert pinned[0][0] == "CAM-024"
    assert wall.tile(0).state == PLACEHOLDER  # the demo cameras have no streams
    assert wall.tile(0).place.endswith(c.grid)


def test_repinning_keeps_the_tile_that_already_shows_a_camera(make_wall):
    """A camera kept for the next incident keeps its tile (and its running stream)."""
    cams = [cam("A", 100), cam("B", 300), cam("C", 450)]
    wall = make_wall(cameras=cams, layout=4)
    wall.pin_for_incident(incident())
    tile_b = wall.tile(1)
    wall.pin_for_incident(incident(id="INC-2", lat=north(300)))  # B is now at the incident
    assert wall.camera_ids()[0] == "B"
    assert wall.tile(0) is tile_b
    assert tile_b.incident["id"] == "INC-2"


def test_pinning_an_incident_without_a_place_pins_nothing(make_wall):
    wall = make_wall(cameras=[cam("A", 100)], layout=4)
    assert wall.pin_for_incident(incident(lat=None, lon=None)) == []
    assert wall.camera_ids() == [None] * 4
    assert "no camera" in wall.incident_label.text()


def test_a_grown_layout_gets_the_incidents_next_cameras(make_wall):
    cams = [cam(f"K{i}", 40 * i) for i in range(1, 8)]
    wall = make_wall(cameras=cams, layout=4)
    wall.pin_for_incident(incident())
    wall.set_layout(9)
    assert wall.camera_ids() == ["K1", "K2", "K3", "K4", "K5", "K6", "K7", None, None]
    wall.set_layout(1)
    assert wall.camera_ids() == ["K1"]


def test_clear_incident_empties_its_tiles_but_not_locked_ones(make_wall):
    wall = make_wall(cameras=[cam("A", 100), cam("B", 200)], layout=4)
    wall.pin_for_incident(incident())
    wall.set_locked(1, True)
    wall.clear_incident()
    assert wall.camera_ids() == [None, "B", None, None]
    assert wall.pinned_incident() is None


def test_pin_by_hand_moves_a_camera_already_on_the_wall(make_wall):
    wall = make_wall(cameras=[cam("A", 100), cam("B", 200)], layout=4)
    wall.pin(0, "A")
    wall.pin(3, "B")
    wall.pin(3, "A")  # A moves to 3, B goes where A was: nothing is decoded twice
    assert wall.camera_ids() == ["B", None, None, "A"]
    wall.unpin(0)
    assert wall.camera_ids() == [None, None, None, "A"]
    with pytest.raises(KeyError):
        wall.pin(1, "NOPE")
    with pytest.raises(IndexError):
        wall.pin(16, "A")


def test_a_hand_pin_is_labelled_with_the_incident_only_within_its_radius(make_wall):
    wall = make_wall(cameras=[cam("A", 100), cam("FAR", 3000)], layout=4)
    wall.pin_for_incident(incident())
    wall.pin(3, "FAR")
    assert wall.tile(3).incident is None
    wall.unpin(3)
    wall.set_radius(5000)
    wall.pin(3, "FAR")
    assert wall.tile(3).incident["id"] == "INC-1" and round(wall.tile(3).distance_m) == 3000


# ---- swap, enlarge, open ------------------------------------------------------------------------


def test_swap_exchanges_two_tiles(make_wall, qtbot):
    wall = make_wall(cameras=[cam("A", 100), cam("B", 200)], layout=4)
    wall.pin(0, "A")
    wall.pin(1, "B")
    wall.set_locked(0, True)
    t0 = wall.tile(0)
    with qtbot.waitSignal(wall.pins_changed):
        wall.swap(0, 1)
    assert wall.camera_ids()[:2] == ["B", "A"]
    assert wall.tile(1) is t0 and wall.is_locked(1)  # the lock travels with the camera
    qtbot.waitUntil(lambda: wall.tile(1).x() > wall.tile(0).x())


def test_dropping_a_tile_on_another_swaps_them(make_wall):
    wall = make_wall(cameras=[cam("A", 100), cam("B", 200)], layout=4)
    wall.pin(0, "A")
    wall.pin(3, "B")
    src, dst = wall.tile(0), wall.tile(3)
    mime = QMimeData()
    mime.setData(TILE_MIME, QByteArray(str(src.key).encode()))
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    dst.dropEvent(drop)  # QApplication only delivers drops during a real drag (a window system)
    assert wall.camera_ids() == ["B", None, None, "A"]


def test_double_click_enlarges_a_tile_and_esc_returns(make_wall, qtbot):
    wall = make_wall(cameras=[cam("A", 100), cam("B", 200)], layout=4)
    wall.pin(1, "B")
    tile = wall.tile(1)
    qtbot.mouseDClick(tile, Qt.MouseButton.LeftButton, pos=QPoint(40, 60))
    assert wall.enlarged_index() == 1
    assert [t.isVisible() for t in wall.tiles()[:4]] == [False, True, False, False]
    qtbot.waitUntil(lambda: tile.width() > 900 and tile.height() > 550)  # fills the wall
    qtbot.keyClick(tile, Qt.Key.Key_Escape)
    assert wall.enlarged_index() is None
    assert all(t.isVisible() for t in wall.tiles()[:4])
    qtbot.mouseDClick(tile, Qt.MouseButton.LeftButton, pos=QPoint(40, 60))
    with qtbot.waitSignal(wall.enlarged_changed) as sig:
        qtbot.mouseDClick(tile, Qt.MouseButton.LeftButton, pos=QPoint(40, 60))  # again: back
    assert sig.args == [-1] and wall.enlarged_index() is None


def test_open_camera_uses_the_tile_it_is_on_else_an_empty_one_else_the_last(make_wall, qtbot):
    cams = [cam(f"K{i}", 50 * i) for i in range(1, 7)]
    wall = make_wall(cameras=cams, layout=4)
    wall.pin(0, "K1")
    wall.pin(2, "K3")
    with qtbot.waitSignal(wall.camera_opened) as sig:
        assert wall.open_camera("K5") == 1  # the first empty tile
    assert sig.args == ["K5", 1]
    assert wall.open_camera("K3") == 2  # already shown: stays where it is
    assert wall.current_index() == 2
    assert wall.open_camera("K6") == 3
    assert wall.open_camera("K2") == 3  # full: the last unlocked tile (the farthest from the incident)
    for i in range(4):
        wall.set_locked(i, True)
    assert wall.open_camera("K4") is None
    with pytest.raises(KeyError):
        wall.open_camera("NOPE")


def test_open_camera_in_the_enlarged_view(make_wall):
    wall = make_wall(cameras=[cam("A", 100), cam("B", 200)], layout=4)
    wall.pin(0, "A")
    wall.enlarge(0)
    assert wall.open_camera("B") == 0
    assert wall.enlarged_index() == 0 and wall.camera_ids()[0] == "B"


# ---- looks: placeholder, status, language, large, drill -----------------------------------------


def test_a_camera_without_a_stream_is_an_honest_placeholder(make_wall, qtbot):
    wall = make_wall(cameras=[cam("A", 100)], layout=1)
    wall.pin(0, "A")
    tile = wall.tile(0)
    assert tile.state == PLACEHOLDER
    assert tile.player is None and tile.last_image() is None  # nothing decoded, no fake picture
    img = tile.grab().toImage()
    video = tile._video_rect()
    centre = QColor(img.pixel(video.center().x(), video.top() + 5))
    assert centre.red() < 30 and centre.green() < 30  # a dark, empty picture area


def test_camera_status_shows_on_every_tile_of_that_camera(make_wall):
    wall = make_wall(cameras=[cam("A", 100)], layout=4)
    wall.pin(0, "A")
    wall.set_camera_status("A", "alarm")
    tile = wall.tile(0)
    assert tile.status == "alarm"
    img = tile.grab().toImage()
    edge = QColor(img.pixel(1, img.height() // 2))
    assert edge.red() > 200 and edge.green() < 120  # a red frame, not blinking
    wall.pin(0, None)
    wall.pin(1, "A")
    assert wall.tile(1).status == "alarm"  # the status belongs to the camera, not the tile
    with pytest.raises(ValueError):
        wall.set_camera_status("A", "exploded")


def test_a_camera_event_from_the_hub_updates_the_camera_and_its_status(make_wall, videos, qtbot):
    wall = make_wall(cameras=[cam("A", 100)], layout=4)
    wall.pin(0, "A")
    tile = wall.tile(0)
    assert tile.state == PLACEHOLDER
    event = {"id": "A", "name_zh": "新名", "name_en": "New name", "lat": north(100), "lon": LON, "grid": "",
             "stream_url": str(videos["long"]), "status": "alarm", "incident": None, "drill": False, "version": 2}
    wall.apply_camera(event)
    assert tile.status == "alarm" and tile._name() == "New name"
    qtbot.waitUntil(lambda: tile.state == PLAYING, timeout=10000)
    player = tile.player
    wall.apply_camera(dict(event, status="online"))  # same stream: it keeps playing, no reconnect
    assert tile.player is player and tile.state == PLAYING and tile.status == "online"


def test_names_follow_the_language(make_wall, catalog):
    wall = make_wall(layout=4)
    wall.pin(0, "CAM-001")
    c = catalog.cameras["CAM-001"]
    assert wall.tile(0)._name() == c.name_en
    wall.set_language("zh_CN")
    assert wall.tile(0)._name() == c.name_zh
    street = catalog.streets[catalog.grids[c.grid].street]
    assert wall.tile(0).place.startswith(street.name_zh)


def test_the_clock_ticks_in_the_district_time_zone(make_wall, qtbot):
    wall = make_wall(layout=4)
    tile = wall.tile(0)
    qtbot.waitUntil(lambda: re.fullmatch(r"\d\d:\d\d:\d\d", tile._clock) is not None)
    assert wall.tile(0).tz.key == "Asia/Shanghai"


def test_large_type_for_the_wall_display(make_wall):
    wall = make_wall(cameras=[cam("A", 100)], layout=4)
    tile = wall.tile(0)
    small = tile._font(1.15, True).pointSizeF()
    wall.set_large(True)
    assert tile._font(1.15, True).pointSizeF() == pytest.approx(small * 1.8)
    assert wall.incident_label.font().pointSizeF() > wall.font().pointSizeF()
    wall.set_large(False)
    assert tile._font(1.15, True).pointSizeF() == pytest.approx(small)


def test_the_drill_watermark_is_visible(make_wall):
    wall = make_wall(cameras=[cam("A", 100)], layout=4)
    tile = wall.tile(0)
    before = amber_pixels(tile.grab().toImage())
    wall.set_drill(True)
    assert tile.drill_marked() and wall.drill_marked() and wall.drill_badge.isVisible()
    after = amber_pixels(tile.grab().toImage())
    assert after > before + 200  # the diagonal "演练 DRILL" is painted over the tile
    wall.set_drill(False)
    assert not wall.drill_marked() and not wall.drill_badge.isVisible()


def test_a_pinned_drill_incident_marks_its_tiles(make_wall):
    wall = make_wall(cameras=[cam("A", 100)], layout=4)
    wall.pin_for_incident(incident(drill=True))
    assert wall.tile(0).drill_marked() and not wall.tile(1).drill_marked()
    assert wall.drill_badge.isVisible()


def test_the_context_menu_pins_unpins_and_locks(make_wall):
    wall = make_wall(cameras=[cam("A", 100), cam("B", 200)], layout=4)
    wall.pin_for_incident(incident())
    menu = wall.tile_menu(3)
    near = next(a for a in menu.actions() if a.menu() and a.menu().objectName() == "menu-near").menu()
    assert [a.data() for a in near.actions()] == ["A", "B"]
    choose = next(a for a in menu.actions() if a.menu() and a.menu().objectName() == "menu-cameras").menu()
    next(a for a in choose.actions() if a.data() == "A").trigger()
    assert wall.camera_ids()[3] == "A"  # moved from tile 0
    menu = wall.tile_menu(3)
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    actions["action-lock"].setChecked(True)
    assert wall.is_locked(3)
    assert not actions["action-retry"].isEnabled()
    actions["action-unpin"].trigger()
    assert wall.camera_ids()[3] is None
    actions["action-enlarge"].trigger()
    assert wall.enlarged_index() == 3


# ---- streams ------------------------------------------------------------------------------------


def test_no_signal_then_playing_when_the_file_appears(make_wall, qtbot, videos, tmp_path):
    """A missing file: no signal with a retry countdown; once the file exists a retry plays it and
    real frames (non-uniform pixels) are painted in the tile."""
    target = tmp_path / "cam.mp4"
    wall = make_wall(cameras=[cam("V", 100, str(target))], layout=4)
    seen = []
    wall.state_changed.connect(lambda cid, st: seen.append((cid, st)))
    wall.pin(0, "V")
    tile = wall.tile(0)
    qtbot.waitUntil(lambda: tile.state == NO_SIGNAL, timeout=5000)
    assert tile.player.reason and tile.player.attempt >= 1
    assert tile.player.seconds_to_retry() is not None
    assert tile.last_image() is None
    qtbot.waitUntil(lambda: tile.player.attempt >= 2, timeout=5000)  # it keeps retrying, backing off
    shutil.copy(videos["long"], tmp_path / "partial")
    os.replace(tmp_path / "partial", target)  # appears at once, never half-written
    qtbot.waitUntil(lambda: tile.state == PLAYING, timeout=10000)
    qtbot.waitUntil(lambda: tile.last_image() is not None, timeout=5000)
    img = tile.last_image()
    assert (img.width(), img.height()) == (160, 120)
    assert non_uniform(img) > 5
    assert tile.player.attempt == 0  # a good picture resets the backoff
    qtbot.waitUntil(lambda: tile.paints > 3)
    shot = tile.grab().toImage()
    v = tile._video_rect()
    assert non_uniform(shot, (v.x(), v.y(), v.width(), v.height())) > 5  # the frame is painted
    states = [st for cid, st in seen if cid == "V"]
    assert states[0] == CONNECTING and NO_SIGNAL in states and states[-1] == PLAYING


def test_a_stream_that_ends_shows_no_signal_and_comes_back(make_wall, qtbot, videos):
    wall = make_wall(cameras=[cam("S", 100, str(videos["short"]))], layout=4)
    wall.pin(0, "S")
    tile = wall.tile(0)
    qtbot.waitUntil(lambda: tile.state == PLAYING, timeout=10000)
    qtbot.waitUntil(lambda: tile.state == NO_SIGNAL, timeout=10000)
    assert tile.player.reason == "The stream ended"
    qtbot.waitUntil(lambda: tile.state == PLAYING, timeout=10000)


def test_a_stream_that_never_answers_shows_no_signal(make_wall, qtbot):
    """A server that accepts the connection and then says nothing: no picture in time, no signal."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    try:
        url = f"http://127.0.0.1:{srv.getsockname()[1]}/live.mp4"
        policy = StreamPolicy(retry_base_s=5, retry_cap_s=5, connect_timeout_s=0.5, stall_s=0.5)
        wall = make_wall(cameras=[cam("H", 100, url)], layout=4, policy=policy)
        wall.pin(0, "H")
        tile = wall.tile(0)
        assert tile.state == CONNECTING
        qtbot.waitUntil(lambda: tile.state == NO_SIGNAL, timeout=5000)
        assert "0.5 s" in tile.player.reason
        wall.shutdown()
    finally:
        srv.close()


def test_only_tiles_on_screen_decode(make_wall, qtbot, videos):
    wall = make_wall(cameras=[cam("V", 100, str(videos["long"])), cam("A", 200)], layout=4)
    wall.pin(5, "V")  # beyond the 2×2 layout
    tile = wall.tile(5)
    assert tile.state == IDLE and not tile.isVisible()
    wall.set_layout(9)
    qtbot.waitUntil(lambda: tile.state == PLAYING, timeout=10000)
    assert tile.player._player.audioOutput() is None  # muted: no audio output at all
    wall.pin(0, "A")
    wall.enlarge(0)
    assert tile.state == IDLE  # the enlarged tile hides the others, and they stop decoding
    wall.restore()
    qtbot.waitUntil(lambda: tile.state == PLAYING, timeout=10000)
    wall.hide()
    assert tile.state == IDLE


def test_hidden_wall_decodes_nothing(make_wall, videos):
    wall = make_wall(cameras=[cam("V", 100, str(videos["long"]))], layout=4, show=False)
    wall.pin(0, "V")
    assert wall.tile(0).state == IDLE


def test_stream_addresses_lose_their_passwords_in_tooltips_and_logs():
    assert safe_url("rtsp://admin:secret@10.1.2.3:554/ch1") == "rtsp://10.1.2.3:554/ch1"
    assert safe_url("/tmp/a.mp4") == "file:///tmp/a.mp4"


def test_a_lone_tile_can_be_used_without_a_wall(qtbot):
    tile = CameraTile()
    qtbot.addWidget(tile)
    tile.set_camera(cam("A", 0))
    assert tile.state == PLACEHOLDER
    tile.set_camera(None)
    assert tile.state == EMPTY
