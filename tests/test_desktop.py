"""Before any Qt is loaded: no display exits 2 with one line; as root the web engine's sandbox is
switched off and that is said in one line."""

import os
import socket
import subprocess
import sys
from pathlib import Path

from console.desktop import display_problem, js_gc_exposed, sandbox_off_for_root

ROOT = Path(__file__).resolve().parents[1]


def test_no_display_variable_is_a_display_problem():
    why = display_problem({}, platform="linux")
    assert why.startswith("no display: DISPLAY is not set") and "xvfb-run" in why


def test_a_display_nobody_answers_on_is_a_display_problem():
    why = display_problem({"DISPLAY": ":987"}, platform="linux")
    assert why == "no display: no X server answers on DISPLAY=:987"


def test_an_x_server_that_answers_is_enough(tmp_path, monkeypatch):
    """A listening unix socket where the display's would be: the check connects to it."""
    sock_dir = tmp_path / "x11"
    sock_dir.mkdir()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    path = str(sock_dir / "X5")
    server.bind(path)
    server.listen(1)
    from console import desktop

    real = socket.socket

    class Redirect(real):
        def connect(self, address):
            if isinstance(address, str) and address.endswith("/tmp/.X11-unix/X5"):
                address = path
            return super().connect(address)

    monkeypatch.setattr(desktop.socket, "socket", Redirect)
    try:
        assert display_problem({"DISPLAY": ":5"}, platform="linux", pyside=tmp_path) is None
    finally:
        server.close()


def test_offscreen_and_other_platforms_need_no_display():
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, platform="linux") is None
    assert display_problem({}, platform="win32") is None


def test_as_root_the_sandbox_is_switched_off_and_said_once():
    env = {"QTWEBENGINE_CHROMIUM_FLAGS": "--disable-gpu"}
    line = sandbox_off_for_root(env, euid=0)
    assert env["QTWEBENGINE_CHROMIUM_FLAGS"] == "--disable-gpu --no-sandbox"
    assert "root" in line and "--no-sandbox" in line and "\n" not in line
    sandbox_off_for_root(env, euid=0)
    assert env["QTWEBENGINE_CHROMIUM_FLAGS"].count("--no-sandbox") == 1


def test_the_web_engine_is_started_with_gc_exposed_and_a_fixed_young_generation_unless_js_flags_are_given():
    env = {"QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox"}
    js_gc_exposed(env)
    assert env["QTWEBENGINE_CHROMIUM_FLAGS"] == "--no-sandbox --js-flags=--expose-gc,--max-semi-space-size=4"
    js_gc_exposed(env)
    assert env["QTWEBENGINE_CHROMIUM_FLAGS"].count("--js-flags") == 1
    env = {}
    js_gc_exposed(env)
    assert env == {"QTWEBENGINE_CHROMIUM_FLAGS": "--js-flags=--expose-gc,--max-semi-space-size=4"}
    env = {"QTWEBENGINE_CHROMIUM_FLAGS": "--js-flags=--max-old-space-size=256"}
    js_gc_exposed(env)
    assert env["QTWEBENGINE_CHROMIUM_FLAGS"] == "--js-flags=--max-old-space-size=256"


def test_not_root_the_sandbox_stays_on():
    env = {}
    assert sandbox_off_for_root(env, euid=1000) is None and env == {}


def test_the_console_without_a_display_exits_2_with_one_line():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    for args in ([], ["console", "--connect", "ws://127.0.0.1:1/ws", "--token", "t"]):
        r = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                           timeout=60, cwd=ROOT, env=env)
        assert r.returncode == 2
        [line] = r.stderr.strip().splitlines()
        assert "no display" in line
