"""A missing optional part degrades the console, never crashes it: without QtMultimedia the video
wall says "video unavailable" and why on its tiles and the alert falls back to the system beep;
the part is named in one line at start and in Help → About."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from console.views import optional
from tests.views.conftest import SUP  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
REASON = "libpulse.so.0 is missing (run `make setup`)"


@pytest.fixture
def no_multimedia(monkeypatch):
    """As on a machine without libpulse0: QtMultimedia cannot be loaded."""
    from console.views.video import player as video_player

    monkeypatch.setattr(video_player, "MM", None)
    monkeypatch.setitem(optional._loaded, "QtMultimedia", None)
    monkeypatch.setitem(optional._why, "QtMultimedia", REASON)


def test_the_reason_names_the_missing_library():
    err = ImportError("libpulse.so.0: cannot open shared object file: No such file or directory")
    assert optional.short_reason(err) == REASON


def test_without_multimedia_a_tile_with_a_stream_says_video_unavailable_and_why(no_multimedia, qtbot, catalog):
    from console.models.catalog import Camera
    from console.views.video import PLACEHOLDER, UNAVAILABLE, VideoWall

    wall = VideoWall(layout=4, language="en")
    qtbot.addWidget(wall)
    wall.resize(900, 600)
    wall.show()
    wall.set_cameras([Camera("S", "有流", "Streamed", 43.87, 125.30, "", "rtsp://10.0.0.1/s"),
                      Camera("B", "无流", "Bare", 43.87, 125.30, "", "")])
    wall.pin(0, "S")
    wall.pin(1, "B")
    tile = wall.tile(0)
    assert tile.state == UNAVAILABLE and tile.player is None
    assert wall.tile(1).state == PLACEHOLDER  # a camera without a stream is still said honestly
    texts = [t for t, _, _ in tile.unavailable_lines()]
    assert texts == ["Video unavailable:", REASON]
    assert not wall.unavailable_label.isHidden() and REASON in wall.unavailable_label.text()
    assert not tile.grab().isNull()  # paints without a player


def test_with_multimedia_the_wall_has_no_unavailable_line(qtbot, catalog):
    from console.views.video import player as video_player
    from console.views.video import wall as video_wall

    if video_player.MM is None:
        pytest.fail(f"QtMultimedia does not load here ({optional.why('QtMultimedia')}): `make setup` installs it")
    wall = video_wall.VideoWall(catalog, layout=1)
    qtbot.addWidget(wall)
    assert wall.unavailable_label.isHidden()


def test_without_multimedia_the_alert_falls_back_to_the_system_beep(no_multimedia, console, monkeypatch):
    from PySide6.QtWidgets import QApplication

    beeps = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    window = console()
    window.play_alert()
    window.play_alert()
    assert beeps == [1, 1] and window.alerts_sounded == 2
    assert "QtMultimedia" in window.about_text() and REASON in window.about_text()


SCRIPT = r"""
import json, sys
sys.modules["PySide6.QtMultimedia"] = None  # as if its library were missing
from console.models.catalog import load_catalog
from console.views.app import open_window
app, bridge, window = open_window("ws://127.0.0.1:1/ws", "t", load_catalog())
window.show()
app.processEvents()
from console.views.video import UNAVAILABLE
from console.models.catalog import Camera
window.video.set_cameras([Camera("S", "有流", "Streamed", 43.87, 125.30, "", "rtsp://10.0.0.1/s")])
window.video.pin(0, "S")
out = {"tile": window.video.tile(0).state, "about": window.about_text(), "map": window.map is not None}
window.close()
bridge.stop()
print(json.dumps(out))
"""


def test_the_whole_console_starts_without_multimedia_and_names_it_once():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, cwd=ROOT,
                       env=env)
    assert r.returncode == 0, r.stderr[-2000:]
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert out["tile"] == "unavailable" and out["map"]
    assert "QtMultimedia" in out["about"]
    named = [ln for ln in r.stderr.splitlines() if "QtMultimedia unavailable" in ln]
    assert len(named) == 1, r.stderr
