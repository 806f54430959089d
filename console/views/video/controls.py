"""The video wall's controls: its toolbar (layout, the pinned incident, the drill badge, video
unavailable), a position's context menu (cameras near the pinned incident, every camera by
street, unpin, lock, enlarge, retry) and the place line of a tile. Their strings keep the wall's
translation context."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QSizePolicy, QVBoxLayout, QWidget

from console.models.cameras import nearest_cameras
from console.models.catalog import Camera, Catalog
from console.models.names import local_name

from .. import optional
from . import player
from .paint import DRILL_MARK
from .player import NO_SIGNAL

# the wall (video/wall.py) as these functions use it; not imported, so no import cycle
VideoWall = Any
LAYOUTS = (1, 4, 9, 16)
MAX_TILES = 16


def build_toolbar(wall: VideoWall, outer: QVBoxLayout) -> None:
    """The layout picker, the pinned incident, the drill badge; "video unavailable" under them."""
    bar = QWidget(objectName="video-toolbar")
    hb = QHBoxLayout(bar)
    hb.setContentsMargins(6, 2, 6, 2)
    wall._layout_label = QLabel(QCoreApplication.translate("VideoWall", "Layout"))
    wall.layout_box = QComboBox(objectName="video-layout")
    for n in LAYOUTS:
        side = math.isqrt(n)
        wall.layout_box.addItem("1" if n == 1 else f"{side}×{side}", n)
    wall.layout_box.activated.connect(lambda i: wall.set_layout(wall.layout_box.itemData(i)))
    wall.incident_label = QLabel(objectName="video-incident")
    wall.incident_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    wall.drill_badge = QLabel(DRILL_MARK, objectName="video-drill")
    wall.drill_badge.setStyleSheet("background: #ff8f00; color: black; padding: 2px 10px; border-radius: 4px;"
                                   "font-weight: 700;")
    wall.drill_badge.hide()
    hb.addWidget(wall._layout_label)
    hb.addWidget(wall.layout_box)
    hb.addSpacing(12)
    hb.addWidget(wall.incident_label, 1)
    hb.addWidget(wall.drill_badge)
    outer.addWidget(bar)
    # said once for the whole wall too: empty tiles would otherwise not tell
    wall.unavailable_label = QLabel(objectName="video-unavailable")
    wall.unavailable_label.setWordWrap(True)
    if player.MM is None:
        wall.unavailable_label.setText(QCoreApplication.translate("VideoWall", "Video unavailable: {reason}").format(
            reason=optional.why("QtMultimedia") or "QtMultimedia"))
    else:
        wall.unavailable_label.hide()
    outer.addWidget(wall.unavailable_label)
    wall.toolbar = bar


def place_text(cat: Catalog | None, cam: Camera, language: str) -> str:
    """Street · community · grid code in ``language``; coordinates without a catalog."""
    if cat is not None:
        code = cam.grid if cam.grid in cat.grids else cat.place_of(cam.lat, cam.lon).grid
        grid = cat.grids.get(code) if code else None
        if grid is not None:
            street, comm = cat.streets.get(grid.street), cat.communities.get(grid.community)
            names = [local_name(x, language) for x in (street, comm) if x is not None]
            return " · ".join([*names, grid.code])
    return f"{cam.lat:.5f}, {cam.lon:.5f}"


def tile_menu(wall: VideoWall, index: int) -> QMenu:
    tile = wall.tile(index)
    menu = QMenu(wall)
    lang = wall.language()
    inc = wall.pinned_incident()
    if inc and inc.get("lat") is not None and inc.get("lon") is not None:
        near = nearest_cameras(wall.incident_pool(), float(inc["lat"]), float(inc["lon"]), wall.radius_m())
        sub = menu.addMenu(QCoreApplication.translate("VideoWall", "Near incident {id}").format(id=inc.get("id", "")))
        sub.setObjectName("menu-near")
        for cam, dist in near:
            label = QCoreApplication.translate("VideoWall", "{name} · {m} m").format(
                name=local_name(cam, lang), m=round(dist))
            _camera_action(wall, sub, label, index, cam.id, tile.camera_id)
        sub.setEnabled(bool(near))
    choose = menu.addMenu(QCoreApplication.translate("VideoWall", "Show camera"))
    choose.setObjectName("menu-cameras")
    groups: dict[str, list[Camera]] = {}
    for cam in sorted(wall.cameras().values(), key=lambda c: c.id):
        groups.setdefault(_street_of(wall, cam), []).append(cam)
    flat = len(groups) <= 1
    for street, cams in sorted(groups.items()):
        target = choose if flat else choose.addMenu(street or QCoreApplication.translate("VideoWall", "Other"))
        for cam in cams:
            _camera_action(wall, target, f"{local_name(cam, lang)}  ({cam.id})", index, cam.id, tile.camera_id)
    menu.addSeparator()
    unpin = menu.addAction(QCoreApplication.translate("VideoWall", "Unpin"))
    unpin.setObjectName("action-unpin")
    unpin.setEnabled(tile.camera is not None)
    unpin.triggered.connect(lambda: wall.unpin(wall.index_of(tile)))
    lock = menu.addAction(QCoreApplication.translate("VideoWall", "Lock (incidents do not replace it)"))
    lock.setObjectName("action-lock")
    lock.setCheckable(True)
    lock.setChecked(tile.locked)
    lock.toggled.connect(lambda on: wall.set_locked(wall.index_of(tile), on))
    if wall.enlarged_index() is None:
        big = menu.addAction(QCoreApplication.translate("VideoWall", "Enlarge"))
        big.triggered.connect(lambda: wall.enlarge(wall.index_of(tile)))
    else:
        big = menu.addAction(QCoreApplication.translate("VideoWall", "Back to the wall"))
        big.triggered.connect(wall.restore)
    big.setObjectName("action-enlarge")
    retry = menu.addAction(QCoreApplication.translate("VideoWall", "Retry now"))
    retry.setObjectName("action-retry")
    retry.setEnabled(tile.state == NO_SIGNAL)
    retry.triggered.connect(tile.retry_now)
    return menu


def _camera_action(wall: VideoWall, menu: QMenu, label: str, index: int, camera_id: str,
                   current: str | None) -> QAction:
    act = menu.addAction(label)
    act.setData(camera_id)
    act.setCheckable(True)
    act.setChecked(camera_id == current)
    tile = wall.tile(index)
    act.triggered.connect(lambda _=False: wall.pin(wall.index_of(tile), camera_id))
    return act


def _street_of(wall: VideoWall, cam: Camera) -> str:
    cat = wall.catalog()
    if cat is None:
        return ""
    grid = cat.grids.get(cam.grid)
    street = cat.streets.get(grid.street) if grid else None
    return local_name(street, wall.language()) if street is not None else ""
