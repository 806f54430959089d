"""The video wall: 1, 2×2, 3×3 or 4×4 camera tiles, pinned to the selected incident's nearest
cameras or by hand, with honest states for tiles that have no picture. States, retry policy,
pinning rules and limits: docs/VIDEO.md."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFont,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from console.models.cameras import (
    DEFAULT_RADIUS_M,
    nearest_cameras,
    plan_tiles,
)
from console.models.catalog import Camera, Catalog

from ..binding import follow, unfollow

if TYPE_CHECKING:
    pass

from .controls import LAYOUTS, MAX_TILES, build_toolbar, place_text, tile_menu
from .player import CAMERA_STATUSES, StreamPolicy, camera_of
from .tile import CameraTile


class VideoWall(QWidget):
    """Camera tiles in a 1, 2×2, 3×3 or 4×4 layout, with a toolbar to choose it.

    Positions are numbered 0–15 in reading order; the layout shows the first 1, 4, 9 or 16.
    Pins outside the layout are kept (a locked tile stays locked) but not decoded.
    """

    state_changed = Signal(str, str)  # camera id ("" for an empty tile), tile state
    camera_opened = Signal(str, int)  # camera id, position it is shown at
    layout_changed = Signal(int)  # tiles in the layout: 1, 4, 9 or 16
    pins_changed = Signal()  # any tile shows another camera, or tiles moved
    enlarged_changed = Signal(int)  # the enlarged position, -1 when back to the wall

    def __init__(self, catalog: Catalog | None = None, parent: QWidget | None = None, *, layout: int = 4,
                 radius_m: float = DEFAULT_RADIUS_M, policy: StreamPolicy | None = None,
                 language: str = "zh_CN") -> None:
        super().__init__(parent)
        self.setObjectName("video-wall")
        self.policy = policy or StreamPolicy()
        self._catalog: Catalog | None = None
        self._cameras: dict[str, Camera] = {}
        self._status: dict[str, str] = {}
        self._radius = float(radius_m)
        self._language = "zh_CN"
        self._large = False
        self._drill = False
        self._count = 4
        self._enlarged: int | None = None
        self._incident: dict[str, Any] | None = None
        self._incident_cameras: list[Camera] | None = None  # the list the incident was pinned from
        self._current: CameraTile | None = None
        self._tz: Any = ZoneInfo("Asia/Shanghai")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        build_toolbar(self, outer)

        self._host = QWidget(objectName="video-tiles")
        self._grid = QGridLayout(self._host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(4)
        outer.addWidget(self._host, 1)
        self._tiles: list[CameraTile] = []
        for _ in range(MAX_TILES):
            t = CameraTile(self.policy, self._host)
            t.hide()
            self._wire(t)
            self._tiles.append(t)

        self._clock = QTimer(self, interval=1000, timeout=self._tick)
        if catalog is not None:
            self.set_catalog(catalog)
        self.set_language(language)
        self.set_layout(layout)

    # ---- reference data and looks --------------------------------------------------------------

    def set_catalog(self, catalog: Catalog) -> None:
        """Cameras, places and the district's time zone come from the catalog."""
        self._catalog = catalog
        tz = getattr(getattr(catalog, "calendar", None), "tz", None)
        self._tz = tz or ZoneInfo(getattr(catalog.district, "timezone", "") or "Asia/Shanghai")
        self.set_cameras(catalog.cameras.values())

    def set_cameras(self, cameras: Iterable[Camera | Mapping[str, Any]]) -> None:
        """Replace the cameras the wall knows (catalog ``Camera`` objects or wire dicts)."""
        self._cameras = {c.id: c for c in map(camera_of, cameras)}
        for t in self._tiles:
            if t.camera is not None:
                cam = self._cameras.get(t.camera.id)
                if cam is None:
                    t.set_camera(None)
                    t.set_incident(None)
                else:
                    t.set_camera(cam, self._place(cam))
            t.set_look(tz=self._tz)
        self._refresh_summary()

    def bind(self, state: Any) -> None:
        """Follow ``state``'s cameras (console.state.ConsoleState): streams, status, names."""
        self._state = state
        follow(self, [(state.reset, self._on_reset), (state.cameras_changed, self._on_cameras_changed)])
        if state.reference is not None:
            self._on_reset()

    def unbind(self) -> None:
        unfollow(self)

    def _on_reset(self) -> None:
        for cam in self._state.cameras.values():
            self.apply_camera(cam)

    def _on_cameras_changed(self, cameras: list[dict[str, Any]]) -> None:
        for cam in cameras:
            self.apply_camera(cam)

    def apply_camera(self, data: Mapping[str, Any]) -> None:
        """One camera from the hub (a snapshot entry or a ``camera`` event, docs/PROTOCOL.md): its
        place and stream are upserted and its ``status``, if any, applied. A tile showing it
        reconnects only when the stream URL changed."""
        cam = camera_of(data)
        self._cameras[cam.id] = cam
        for t in self._tiles:
            if t.camera_id == cam.id:
                t.set_camera(cam, self._place(cam))
        if data.get("status") in CAMERA_STATUSES:
            self.set_camera_status(cam.id, str(data["status"]))

    def language(self) -> str:
        return self._language

    def catalog(self) -> Catalog | None:
        return self._catalog

    def incident_pool(self) -> list[Camera]:
        """The cameras the pinned incident was pinned from (every camera when none were given)."""
        return self._incident_cameras if self._incident_cameras is not None else list(self._cameras.values())

    def cameras(self) -> Mapping[str, Camera]:
        return dict(self._cameras)

    def set_language(self, lang: str) -> None:
        """Camera and place names in ``"zh_CN"`` or ``"en"`` (UI strings follow the translator)."""
        self._language = "zh_CN" if lang.lower().startswith("zh") else "en"
        for t in self._tiles:
            t.set_look(language=self._language)
            if t.camera is not None:
                t.place = self._place(t.camera)
        self._refresh_summary()

    def set_large(self, large: bool) -> None:
        """Large type for the wall-display mode (read from about 4 m)."""
        self._large = bool(large)
        for t in self._tiles:
            t.set_look(large=self._large)
        # set on each widget: with an application style sheet, fonts do not propagate to children
        f = QFont(self.font())
        if self._large:
            f.setPointSizeF((f.pointSizeF() if f.pointSizeF() > 0 else 10.0) * 1.5)
        for w in (self._layout_label, self.layout_box, self.incident_label, self.drill_badge):
            w.setFont(f)

    def large(self) -> bool:
        return self._large

    def set_drill(self, drill: bool) -> None:
        """Show the diagonal "演练 DRILL" watermark on every tile (a drill is running)."""
        self._drill = bool(drill)
        for t in self._tiles:
            t.set_look(drill=self._drill)
        self._refresh_summary()

    def drill(self) -> bool:
        return self._drill

    def drill_marked(self) -> bool:
        """True when any tile on screen carries the drill watermark."""
        return any(self._tiles[i].drill_marked() for i in self._shown())

    def set_camera_status(self, camera_id: str, status: str) -> None:
        """online | offline | alarm, from the camera platform; shown as a dot and a word."""
        if status not in CAMERA_STATUSES:
            raise ValueError(f"camera status must be one of {', '.join(CAMERA_STATUSES)}, not {status!r}")
        self._status[camera_id] = status
        for t in self._tiles:
            if t.camera_id == camera_id:
                t.set_status(status)

    def camera_status(self, camera_id: str) -> str:
        return self._status.get(camera_id, "")

    # ---- layout ------------------------------------------------------------------------------

    def set_layout(self, n: int) -> None:
        """Show 1, 4, 9 or 16 tiles (leaves the enlarged view)."""
        n = int(n)
        if n not in LAYOUTS:
            raise ValueError(f"layout must be one of {LAYOUTS}, not {n}")
        grew = n > self._count
        self._count = n
        self._leave_enlarged()
        self.layout_box.setCurrentIndex(LAYOUTS.index(n))
        if grew and self._incident is not None:
            self._top_up()
        self._relayout()
        self.layout_changed.emit(n)

    def tile_count(self) -> int:
        return self._count

    def tiles(self) -> list[CameraTile]:
        """All 16 tiles by position (those beyond the layout are hidden)."""
        return list(self._tiles)

    def tile(self, index: int) -> CameraTile:
        return self._tiles[index]

    def index_of(self, tile: CameraTile) -> int:
        return self._tiles.index(tile)

    def camera_ids(self) -> list[str | None]:
        """The camera shown at each position of the layout (None: empty)."""
        return [self._tiles[i].camera_id for i in range(self._count)]

    def states(self) -> list[str]:
        return [self._tiles[i].state for i in range(self._count)]

    def enlarged_index(self) -> int | None:
        return self._enlarged

    def enlarge(self, index: int) -> None:
        """One tile fills the wall (the others stop decoding); ``restore()`` or Esc returns."""
        self._check(index)
        if index >= self._count:
            raise IndexError(f"position {index} is not in the {self._count}-tile layout")
        self._enlarged = index
        self._set_current(self._tiles[index])
        self._relayout()
        self.enlarged_changed.emit(index)

    def restore(self) -> None:
        if self._enlarged is not None:
            self._enlarged = None
            self._relayout()
            self.enlarged_changed.emit(-1)

    def _leave_enlarged(self) -> None:
        """Back to the grid without laying out yet (the caller does)."""
        if self._enlarged is not None:
            self._enlarged = None
            self.enlarged_changed.emit(-1)

    def toggle_enlarged(self, index: int) -> None:
        if self._enlarged is None:
            self.enlarge(index)
        else:
            self.restore()

    def _shown(self) -> list[int]:
        return [self._enlarged] if self._enlarged is not None else list(range(self._count))

    def _relayout(self) -> None:
        shown = self._shown()
        side = 1 if self._enlarged is not None else math.isqrt(self._count)
        for t in self._tiles:
            self._grid.removeWidget(t)
        for pos, i in enumerate(shown):
            r, c = divmod(pos, side)
            self._grid.addWidget(self._tiles[i], r, c)
        for k in range(4):
            self._grid.setRowStretch(k, 1 if k < side else 0)
            self._grid.setColumnStretch(k, 1 if k < side else 0)
        for i, t in enumerate(self._tiles):
            if i not in shown:
                t.hide()
        for i in shown:
            self._tiles[i].show()
        self._refresh_summary()

    # ---- pinning -----------------------------------------------------------------------------

    def radius_m(self) -> float:
        return self._radius

    def set_radius(self, metres: float) -> None:
        """How far from an incident a camera may be to be pinned to it (default 500 m)."""
        if metres < 0:
            raise ValueError("radius must not be negative")
        self._radius = float(metres)

    def pinned_incident(self) -> dict[str, Any] | None:
        return dict(self._incident) if self._incident else None

    def pin_for_incident(self, incident: Mapping[str, Any],
                         cameras: Iterable[Camera | Mapping[str, Any]] | None = None) -> list[tuple[str, float]]:
        """Fill the layout's unlocked tiles with the cameras nearest the incident, nearest first.

        Only cameras within the radius; locked tiles keep theirs; unlocked tiles left over (and
        unlocked tiles beyond the layout) become empty. A camera already playing keeps its
        stream, only its position changes. Returns (camera id, distance m) as pinned, in order.
        """
        lat, lon = incident.get("lat"), incident.get("lon")
        cams = [camera_of(c) for c in cameras] if cameras is not None else None
        self._incident = {"id": str(incident.get("id", "")), "description": str(incident.get("description") or ""),
                          "drill": bool(incident.get("drill")), "lat": lat, "lon": lon}
        self._incident_cameras = cams
        self._leave_enlarged()
        if lat is None or lon is None:
            ranked: list[tuple[Camera, float]] = []
        else:
            pool = cams if cams is not None else list(self._cameras.values())
            ranked = nearest_cameras(pool, float(lat), float(lon), self._radius)
        by_id = {c.id: (c, d) for c, d in ranked}
        n = self._count
        plan = plan_tiles([t.camera_id for t in self._tiles[:n]], [t.locked for t in self._tiles[:n]],
                          [c.id for c, _ in ranked])
        # reuse the tile that already shows a planned camera, so its stream keeps playing
        free = [t for t in self._tiles[:n] if not t.locked]
        planned = {cid for i, cid in enumerate(plan) if cid and not self._tiles[i].locked}
        holders: dict[str, CameraTile] = {}
        spare: list[CameraTile] = []
        for t in free:
            if t.camera_id in planned and t.camera_id not in holders:
                holders[t.camera_id] = t
            else:
                spare.append(t)
        order = list(self._tiles)
        pinned: list[tuple[str, float]] = []
        for i in range(n):
            if self._tiles[i].locked:
                continue
            cid = plan[i]
            tile = holders.pop(cid) if cid in holders else spare.pop(0)
            order[i] = tile
            if cid is None:
                tile.set_camera(None)
                tile.set_incident(None)
            else:
                cam, dist = by_id[cid]
                tile.set_camera(cam, self._place(cam))
                tile.set_status(self._status.get(cid, ""))
                tile.set_incident(self._incident, dist)
                pinned.append((cid, dist))
        for t in order[n:]:
            if not t.locked:
                t.set_camera(None)
                t.set_incident(None)
        self._tiles = order
        self._relayout()
        self.pins_changed.emit()
        return pinned

    def clear_incident(self) -> None:
        """Forget the pinned incident: its unlocked tiles become empty."""
        for t in self._tiles:
            if t.incident is not None and not t.locked:
                t.set_camera(None)
                t.set_incident(None)
        self._incident = self._incident_cameras = None
        self._refresh_summary()
        self.pins_changed.emit()

    def _top_up(self) -> None:
        """After the layout grew: fill its new empty unlocked tiles with the incident's next cameras."""
        inc = self._incident or {}
        if inc.get("lat") is None or inc.get("lon") is None:
            return
        pool = self._incident_cameras if self._incident_cameras is not None else list(self._cameras.values())
        shown = {t.camera_id for t in self._tiles[: self._count] if t.camera_id}
        queue = [(c, d) for c, d in nearest_cameras(pool, float(inc["lat"]), float(inc["lon"]), self._radius)
                 if c.id not in shown]
        for t in self._tiles[: self._count]:
            if not queue:
                break
            if t.camera is None and not t.locked:
                cam, dist = queue.pop(0)
                t.set_camera(cam, self._place(cam))
                t.set_status(self._status.get(cam.id, ""))
                t.set_incident(self._incident, dist)
        self.pins_changed.emit()

    def pin(self, index: int, camera_id: str | None) -> None:
        """Show a camera at a position by hand (None: unpin). A camera already on another
        unlocked tile moves here (the two tiles swap), so no stream is decoded twice."""
        self._check(index)
        tile = self._tiles[index]
        if not camera_id:
            tile.set_camera(None)
            tile.set_incident(None)
            self._refresh_summary()
            self.pins_changed.emit()
            return
        cam = self._cameras.get(camera_id)
        if cam is None and self._incident_cameras:
            cam = next((c for c in self._incident_cameras if c.id == camera_id), None)
        if cam is None:
            raise KeyError(f"unknown camera {camera_id!r}")
        if tile.camera_id == camera_id:
            return
        other = next((j for j, t in enumerate(self._tiles) if j != index and t.camera_id == camera_id
                      and not t.locked), None)
        if other is not None:
            self.swap(index, other)
            return
        tile.set_camera(cam, self._place(cam))
        tile.set_status(self._status.get(camera_id, ""))
        tile.set_incident(*self._incident_link(cam))
        self._refresh_summary()
        self.pins_changed.emit()

    def unpin(self, index: int) -> None:
        self.pin(index, None)

    def set_locked(self, index: int, locked: bool) -> None:
        """A locked tile keeps its camera when an incident is pinned."""
        self._check(index)
        self._tiles[index].set_look(locked=bool(locked))

    def is_locked(self, index: int) -> bool:
        return self._tiles[index].locked

    def swap(self, i: int, j: int) -> None:
        """Exchange two positions (camera, incident, lock and stream move together)."""
        self._check(i)
        self._check(j)
        if i == j:
            return
        self._tiles[i], self._tiles[j] = self._tiles[j], self._tiles[i]
        self._relayout()
        self.pins_changed.emit()

    def open_camera(self, camera_id: str) -> int | None:
        """Show a camera (a marker clicked on the map): where it already is, else in the enlarged
        view, else on the first empty unlocked tile, else on the last unlocked tile (the farthest
        from the incident). Returns the position, or None when every tile is locked."""
        if camera_id not in self._cameras:
            raise KeyError(f"unknown camera {camera_id!r}")
        if self._enlarged is not None:
            t = self._tiles[self._enlarged]
            if t.camera_id == camera_id or not t.locked:
                self.pin(self._enlarged, camera_id)
                return self._opened(camera_id, self._enlarged)
            self.restore()
        n = self._count
        target = next((i for i in range(n) if self._tiles[i].camera_id == camera_id), None)
        if target is None:
            target = next((i for i in range(n) if self._tiles[i].camera is None and not self._tiles[i].locked), None)
        if target is None:
            target = next((i for i in reversed(range(n)) if not self._tiles[i].locked), None)
        if target is None:
            return None
        self.pin(target, camera_id)
        return self._opened(camera_id, target)

    def _opened(self, camera_id: str, index: int) -> int:
        self._set_current(self._tiles[index])
        self.camera_opened.emit(camera_id, index)
        return index

    def _incident_link(self, cam: Camera) -> tuple[dict[str, Any] | None, float | None]:
        """The pinned incident and the distance, when this camera is within its radius."""
        inc = self._incident
        if not inc or inc.get("lat") is None or inc.get("lon") is None:
            return None, None
        hit = nearest_cameras([cam], float(inc["lat"]), float(inc["lon"]), self._radius)
        return (inc, hit[0][1]) if hit else (None, None)

    def _check(self, index: int) -> None:
        if not 0 <= index < MAX_TILES:
            raise IndexError(f"tile position {index} is not in 0–{MAX_TILES - 1}")

    # ---- menus -------------------------------------------------------------------------------

    def tile_menu(self, index: int) -> QMenu:
        """The context menu of a position: choose a camera, unpin, lock, enlarge, retry."""
        return tile_menu(self, index)

    # ---- helpers -----------------------------------------------------------------------------

    def _place(self, cam: Camera) -> str:
        return place_text(self._catalog, cam, self._language)

    def _refresh_summary(self) -> None:
        inc = self._incident
        if inc:
            n = sum(1 for i in range(self._count) if self._tiles[i].incident is not None)
            if n:
                text = self.tr("Incident {id}: {n} cameras within {r} m").format(
                    id=inc["id"], n=n, r=round(self._radius))
            else:
                text = self.tr("Incident {id}: no camera within {r} m").format(id=inc["id"], r=round(self._radius))
        else:
            text = self.tr("No incident pinned")
        self.incident_label.setText(text)
        self.drill_badge.setVisible(self.drill_marked())

    def _set_current(self, tile: CameraTile | None) -> None:
        if self._current is not None and self._current is not tile:
            self._current.set_look(current=False)
        self._current = tile
        if tile is not None:
            tile.set_look(current=True)

    def current_index(self) -> int | None:
        return self._tiles.index(self._current) if self._current is not None else None

    def _wire(self, t: CameraTile) -> None:
        t.state_changed.connect(self.state_changed)
        t.double_clicked.connect(lambda: self.toggle_enlarged(self.index_of(t)))
        t.clicked.connect(lambda: self._set_current(t))
        t.menu_requested.connect(lambda pos: self._exec_menu(t, pos))
        t.drop_requested.connect(lambda key: self._on_drop(key, t))

    def _exec_menu(self, t: CameraTile, pos: QPoint) -> None:
        menu = self.tile_menu(self.index_of(t))
        menu.exec(pos)
        menu.deleteLater()

    def _on_drop(self, key: int, onto: CameraTile) -> None:
        src = next((i for i, t in enumerate(self._tiles) if t.key == key), None)
        if src is not None:
            self.swap(src, self.index_of(onto))

    def _tick(self) -> None:
        for i in self._shown():
            self._tiles[i].tick()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape and self._enlarged is not None:
            self.restore()
            event.accept()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self._clock.start()
        self._tick()

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        super().hideEvent(event)
        self._clock.stop()

    def shutdown(self) -> None:
        """Stop every stream and free the decoders (the window is closing)."""
        self._clock.stop()
        for t in self._tiles:
            t.shutdown()

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)
