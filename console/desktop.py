"""What a window needs from the machine, checked before Qt is loaded: Qt aborts the process when it
cannot open a display, so the command line asks first and exits 2 with one line instead. Also the
web engine's sandbox switch for root. No Qt here."""

from __future__ import annotations

import os
import re
import socket
import sys
from collections.abc import MutableMapping
from pathlib import Path

XVFB_HINT = "xvfb-run -s '-screen 0 1920x1080x24' make run"


def _x_server_answers(display: str) -> bool:
    m = re.fullmatch(r"(?P<host>[^:]*):(?P<num>\d+)(?:\.\d+)?", display)
    if not m:
        return False
    host, num = m.group("host"), int(m.group("num"))
    if host in ("", "unix"):
        # the abstract socket first (Xvfb and Xorg listen on both), then the file
        for address in (f"\0/tmp/.X11-unix/X{num}", f"/tmp/.X11-unix/X{num}"):
            try:
                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                    s.settimeout(1.0)
                    s.connect(address)
                    return True
            except OSError:
                continue
        if host == "unix":
            return False
        host = "127.0.0.1"
    try:
        with socket.create_connection((host, 6000 + num), timeout=1.0):
            return True
    except OSError:
        return False


def display_problem(env: MutableMapping[str, str] | None = None, *, platform: str | None = None,
                    pyside: Path | None = None) -> str | None:
    """Why no window can open here, in one line, or None."""
    env = os.environ if env is None else env
    if (platform or sys.platform) != "linux":
        return None
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs …: Qt's own choice, no X needed
    if env.get("WAYLAND_DISPLAY") and not qpa.startswith("xcb"):
        return None
    display = env.get("DISPLAY", "")
    if not display:
        return f"no display: DISPLAY is not set; start the console on a desktop, or under Xvfb: {XVFB_HINT}"
    if not _x_server_answers(display):
        return f"no display: no X server answers on DISPLAY={display}"
    from console import sysdeps

    base = pyside or sysdeps.pyside_dir()
    if base is not None:
        missing = sysdeps.missing_libraries(base, ["window"])
        if missing:
            return (f"the window cannot open: {', '.join(missing)} missing; run `make setup` "
                    "(it installs them, or prints the command)")
    return None


def sandbox_off_for_root(env: MutableMapping[str, str] | None = None, *, euid: int | None = None) -> str | None:
    """As root, Chromium (inside QtWebEngine) refuses to start with its sandbox on: switch it off
    for this process and return the line that says so; None when not root."""
    env = os.environ if env is None else env
    if euid is None:
        euid = os.geteuid() if hasattr(os, "geteuid") else 1
    if euid != 0:
        return None
    flags = env.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if "--no-sandbox" not in flags.split():
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()
    return "console: running as root, so the map's web engine runs without its sandbox (--no-sandbox)"


SEMI_SPACE_MB = 4
# V8 takes a comma-separated list; QtWebEngine splits its flags at spaces, so no space may be in it
JS_GC_FLAG = f"--js-flags=--expose-gc,--max-semi-space-size={SEMI_SPACE_MB}"


def js_gc_exposed(env: MutableMapping[str, str] | None = None) -> None:
    """Let the map page collect its own garbage (``gc()``): QtWebEngine 6.10+ builds V8 so that
    it never starts a collection on allocation (QTBUG-150562), and the page's renderer grew by
    about 100 MB an hour on a busy shift. And hold V8's young generation at a fixed size: left to
    itself it doubles after some minutes of steady load (the soak's renderer: 13 → 27 MB at
    minute 11) and shrinks again half an hour later, a step of the renderer's memory that says
    nothing about a leak (docs/PERFORMANCE.md, the soak). A ``--js-flags`` given by the user is
    left as it is (the page then simply never calls gc)."""
    env = os.environ if env is None else env
    flags = env.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if not any(f.startswith("--js-flags") for f in flags.split()):
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " " + JS_GC_FLAG).strip()
