"""The main window fits the desk: on a 1920×1080 desk and a 1600×900 laptop screen, in Chinese and
English, the window opens maximised inside the screen, every dock is fully on it, the data age in
the status bar shows, and every incident-panel action button lies inside the window without
sideways scrolling. Each screen size runs in its own process on Qt's offscreen platform with a
screen of exactly that size."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def inside(inner, outer) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return w > 0 and h > 0 and x >= ox and y >= oy and x + w <= ox + ow and y + h <= oy + oh


@pytest.fixture(scope="module", params=[(1920, 1080), (1600, 900)], ids=["desk-1920x1080", "laptop-1600x900"])
def probed(request, tmp_path_factory):
    width, height = request.param
    folder = tmp_path_factory.mktemp(f"screen{width}")
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "desk", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT),
           "PROBE_SETTINGS": str(folder / "settings")}
    r = subprocess.run([sys.executable, "-m", "tests.views.desk_probe", "zh_CN", "en"], capture_output=True,
                       text=True, timeout=180, cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr[-3000:]
    line = next(ln for ln in r.stdout.splitlines() if ln.startswith("PROBE "))
    return (width, height), {p["language"]: p for p in json.loads(line[6:])}


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_window_opens_maximised_inside_its_screen(probed, language):
    (width, height), by_lang = probed
    p = by_lang[language]
    assert p["screen"] == [0, 0, width, height]
    assert p["minimum"][0] <= 1600 and p["minimum"][1] <= 900, f"minimum size {p['minimum']} does not fit 1600×900"
    assert inside(p["frame"], p["available"]), f"window {p['frame']} is not inside the screen {p['available']}"
    assert p["frame"][2] >= width * 0.95, "the window is not maximised"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_dock_and_the_data_age_are_fully_on_screen(probed, language):
    (width, height), by_lang = probed
    p = by_lang[language]
    window = [0, 0, p["frame"][2], p["frame"][3]]
    for key, r in p["docks"].items():
        assert inside(r, window), f"dock {key} at {r} is not inside the window {window}"
    assert inside(p["map"], window) and p["map"][2] >= 400 and p["map"][3] >= 250, f"map {p['map']}"
    assert inside(p["status_age"], window), f"the data age {p['status_age']} is cut"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_incident_action_lies_inside_the_window_without_sideways_scrolling(probed, language):
    (width, height), by_lang = probed
    p = by_lang[language]
    window = [0, 0, p["frame"][2], p["frame"][3]]
    panel = p["docks"]["incident"]
    assert p["hscroll"] == 0, "the incident panel scrolls sideways"
    vw, vh = p["viewport"]
    for name, b in p["buttons"].items():
        assert inside(b["window"], window), f"{name} ({b['text']}) at {b['window']} is outside the window"
        assert inside(b["window"], panel), f"{name} ({b['text']}) at {b['window']} is outside the panel {panel}"
        assert inside(b["viewport"], [0, 0, vw, vh]), f"{name} ({b['text']}) is not in the panel's view"
        assert b["text"], f"{name} has no text"
