"""Screenshot of the video wall for docs/screenshots: a 3×3 wall pinned to an incident, offscreen,
at 1920×1080, with test-pattern streams made by the ffmpeg binary of the imageio-ffmpeg wheel
(some tiles playing, some cameras without a stream, one stream that is missing: no signal).

    .venv/bin/python tools/screenshot_video.py [--out docs/screenshots/video-wall-3x3.png]
                                               [--lang zh_CN|en] [--large] [--drill]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# lavfi test sources, one per playing tile (a different picture on each)
PATTERNS = ("testsrc2=size=640x360:rate=10", "smptehdbars=size=640x360:rate=10",
            "life=size=640x360:rate=10:mold=10:ratio=0.15:death_color=#203040:life_color=#60c0ff",
            "testsrc=size=640x360:rate=10", "rgbtestsrc=size=640x360:rate=10")
INCIDENT = {"id": "20261123-0042", "lat": 43.8705, "lon": 125.3010, "drill": False,
            "description": "暴露垃圾：路口东南角垃圾堆积，影响通行"}


def make_stream(path: Path, pattern: str, seconds: int = 120) -> Path:
    """A short H.264 test-pattern video (with a running clock from the pattern itself)."""
    import imageio_ffmpeg

    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-y", "-loglevel", "error", "-f", "lavfi",
                    "-i", pattern, "-t", str(seconds), "-pix_fmt", "yuv420p", str(path)], check=True)
    return path


def video_translator(app, tmp: Path):
    """A translator made from tools/i18n_video.py (until it is merged into resources/i18n)."""
    from PySide6.QtCore import QTranslator

    from tools.i18n_video import ZH

    root = ET.Element("TS", version="2.1", language="zh_CN")
    for ctx in ("VideoWall", "CameraTile", "StreamPlayer"):
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = ctx
        for src, zh in ZH.items():
            m = ET.SubElement(c, "message")
            ET.SubElement(m, "source").text = src
            ET.SubElement(m, "translation").text = zh
    ts, qm = tmp / "video_zh_CN.ts", tmp / "video_zh_CN.qm"
    ET.ElementTree(root).write(ts, encoding="utf-8", xml_declaration=True)
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    tr = QTranslator(app)
    if tr.load(str(qm)):
        app.installTranslator(tr)
    return tr


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "video-wall-3x3.png")
    ap.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    ap.add_argument("--large", action="store_true", help="wall-display type size")
    ap.add_argument("--drill", action="store_true", help="show the drill watermark")
    ap.add_argument("--layout", type=int, default=9, choices=(1, 4, 9, 16), help="tiles on the wall")
    opts = ap.parse_args()

    from PySide6.QtWidgets import QApplication

    from console.models.cameras import nearest_cameras
    from console.models.catalog import load_catalog
    from console.views.app import install_translator
    from console.views.theme import apply_theme
    from console.views.video import PLAYING, VideoWall

    app = QApplication.instance() or QApplication(["video-wall-screenshot"])
    tmp = Path(tempfile.mkdtemp(prefix="video-wall-"))
    if opts.lang == "zh_CN":
        video_translator(app, tmp)
    install_translator(app, opts.lang)
    apply_theme(app, "dark")

    catalog = load_catalog()
    radius = 1500.0  # the demo district has a camera about every kilometre
    near = [c for c, _ in nearest_cameras(catalog.cameras.values(), INCIDENT["lat"], INCIDENT["lon"], radius)]
    # every third camera from the 2nd keeps no stream (placeholders); the 6th points at a missing file
    n = opts.layout
    streams: dict[str, str] = {}
    files: list[str] = []
    for rank, cam in enumerate(near[:n]):
        if rank % 3 == 1:
            continue
        if rank == 5:
            streams[cam.id] = str(tmp / "offline-recorder.mp4")  # never written: no signal
            continue
        if len(files) < len(PATTERNS):
            files.append(str(make_stream(tmp / f"{cam.id}.mp4", PATTERNS[len(files)])))
            streams[cam.id] = files[-1]
        else:
            streams[cam.id] = files[len(streams) % len(files)]
    cameras = [dataclasses.replace(c, stream_url=streams.get(c.id, "")) for c in catalog.cameras.values()]

    wall = VideoWall(catalog, layout=opts.layout, language=opts.lang)
    wall.set_cameras(cameras)
    wall.set_radius(radius)
    wall.resize(1920, 1080)
    for cam in near[:n]:
        wall.set_camera_status(cam.id, "online")
    if len(near) > 5:
        wall.set_camera_status(near[3].id, "alarm")
        wall.set_camera_status(near[5].id, "offline")
    wall.pin_for_incident(dict(INCIDENT, drill=opts.drill))
    if n > 1:
        wall.set_locked(n - 1, True)
    wall.set_large(opts.large)
    wall.set_drill(opts.drill)
    wall.show()

    want = sum(1 for c in near[:n] if streams.get(c.id, "").endswith(".mp4") and Path(streams[c.id]).exists())
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        app.processEvents()
        tiles = [wall.tile(i) for i in range(n)]
        if sum(1 for t in tiles if t.state == PLAYING and t.last_image() is not None) >= want:
            break
        time.sleep(0.02)
    end = time.monotonic() + 1.2  # a few more frames, and the no-signal countdown running
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    for t in wall.tiles():
        t.tick()
    app.processEvents()
    opts.out.parent.mkdir(parents=True, exist_ok=True)
    wall.grab().save(str(opts.out))
    print(f"{opts.out}: {wall.states()}")
    wall.shutdown()
    wall.close()


if __name__ == "__main__":
    main()
