"""Screenshots at real screen sizes: each tool re-runs itself under its own Xvfb of exactly the
screen's size (desk 1920×1080, laptop 1600×900, wall 3840×2160) on Qt's real X11 platform, and
grabs the whole screen, so an image is exactly what an operator sees — a window wider than its
screen shows up cut, as it would be.

    with_screen("desk")   # at the top of a tool's main(): returns inside the Xvfb run

`make screenshots` installs Xvfb through console/sysdeps.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

SCREENS = {"desk": (1920, 1080), "laptop": (1600, 900), "wall": (3840, 2160)}
ENV = "CONSOLE_SCREEN"


def current() -> str | None:
    """The screen this process runs on (inside ``with_screen``), else None."""
    return os.environ.get(ENV)


def _free_display() -> int:
    for n in range(90, 190):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise RuntimeError("no free X display number between :90 and :189")


def run_on_screen(name: str, argv: list[str]) -> int:
    """Run ``python argv…`` under a fresh Xvfb the size of screen ``name``; its exit code."""
    if not shutil.which("Xvfb"):
        print("xscreen: Xvfb is missing: `make screenshots` installs it "
              "(or: apt-get install -y xvfb)", file=sys.stderr)
        return 2
    w, h = SCREENS[name]
    n = _free_display()
    xvfb = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", f"{w}x{h}x24", "-nolisten", "tcp", "-dpi", "96"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{n}").exists():  # the server's socket is its "ready"
            if xvfb.poll() is not None or time.monotonic() > deadline:
                print(f"xscreen: Xvfb :{n} did not start", file=sys.stderr)
                return 2
            time.sleep(0.05)
        env = {**os.environ, "DISPLAY": f":{n}", "QT_QPA_PLATFORM": "xcb", ENV: name}
        env.pop("WAYLAND_DISPLAY", None)
        return subprocess.call([sys.executable, *argv], env=env)
    finally:
        xvfb.terminate()
        xvfb.wait(10)


def grab_screen(app: Any) -> Any:
    """The whole screen as a QPixmap: exactly the screen's size."""
    screen = app.primaryScreen()
    return screen.grabWindow(0)
