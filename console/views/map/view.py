"""The live map panel: a Leaflet page that folium writes once, fed in batches.

- The base page (folium → an HTML file, loaded by a QWebEngineView from a file URL) takes Leaflet
  from the ``xstatic-leaflet`` package and our layers from ``resources/map``: nothing comes from a
  CDN, and a request interceptor blocks anything that would leave the machine (only a configured
  intranet tile server is let through).
- Live layers are JavaScript (resources/map/live.js) fed one ``CM.apply(batch)`` per tick, with at
  most one batch in flight: changes that arrive meanwhile are coalesced per id.
- Clicks come back over QWebChannel.
- Base map: the district's own vector base (no tiles), or an intranet tile URL template, or an
  MBTiles file served through the ``mbtiles:`` URL scheme (no local web server); tiles are read
  on a worker thread, never on the GUI thread.
"""

from __future__ import annotations

import json
import logging
import time
import weakref
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import platformdirs
import shiboken6
from PySide6.QtCore import QFile, QIODevice, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEngineScript,
    QWebEngineSettings,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QComboBox, QLabel, QToolButton, QVBoxLayout, QWidget

from console.models.catalog import Catalog
from console.models.names import local_name

from ..binding import follow, unfollow
from ..flow import FlowLayout
from .page import _FINAL, _UNSET, SCHEME, BaseMap, MapBridge, _live_views, _Page, build_page, shared_profile

log = logging.getLogger("console.map")

class MapView(QWidget):
    """The live map: toolbar (layers, grid fill, time window) over the web view."""

    incident_clicked = Signal(str)
    unit_clicked = Signal(str)
    camera_clicked = Signal(str)
    map_clicked = Signal(float, float)  # lat, lon of a click on no marker
    loaded = Signal(bool)  # the page and its layers are ready (False: the page failed to load)
    applied = Signal(int, float)  # batch number, ms from the batch's first change to its application

    def __init__(self, catalog: Catalog, *, base: BaseMap | None = None, language: str = "zh_CN",
                 theme: str = "dark", tick_ms: int = 0, page_dir: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.base = base or BaseMap()
        mbtiles = self.base.check()  # opened once, here, and handed to the scheme handler
        self.language = language
        self.theme = theme
        self.ready = False
        self.load_error = ""
        self._incidents: dict[str, dict[str, Any]] = {}
        self._base_recs: dict[str, tuple[tuple, list]] = {}
        self._accepts: Callable[[dict[str, Any]], bool] | None = None
        self._inc_pending: dict[str, list] = {}
        self._inc_del: set[str] = set()
        self._inc_reset = False
        self._unit_pending: dict[str, list] = {}
        self._unit_reset = False
        self._units_known: set[str] = set()  # units the page holds: a move sends 4 fields, not 6
        self._cam_pending: dict[str, list] = {}
        self._sel: Any = _UNSET
        self._near: Any = _UNSET
        self._selected: str | None = None
        self._in_flight = False
        self._channel_up = False  # the page's end of the QWebChannel answers: batches go over it
        self._on_applied: Callable[[Any], None] | None = None
        self._batch = 0
        self._first_change: float | None = None
        self.last_applied: list = []
        self._camera_status: dict[str, str] = {}

        self.profile, self.guard, self.tiles_handler = shared_profile()
        tiles_url = self.base.tiles
        if self.base.tiles:
            self.guard.allowed_hosts.add(self.base.host())
        if mbtiles is not None:
            key = self.tiles_handler.add(mbtiles)
            tiles_url = f"{SCHEME.decode()}:/{key}/{{z}}/{{x}}/{{y}}"

        _live_views.add(self)
        self.web = QWebEngineView(self)
        self.page = _Page(self.profile, self.web)
        self.page.errors = []
        s = self.page.settings()
        s.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        s.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, bool(self.base.tiles))
        self.page.setBackgroundColor(Qt.GlobalColor.black if theme == "dark" else Qt.GlobalColor.white)
        self._inject_webchannel()
        self.channel = QWebChannel(self.page)
        self.bridge = MapBridge(self)
        self.channel.registerObject("bridge", self.bridge)
        self.page.setWebChannel(self.channel)
        self.web.setPage(self.page)
        self.bridge.incident_clicked.connect(self.incident_clicked)
        self.bridge.unit_clicked.connect(self.unit_clicked)
        self.bridge.camera_clicked.connect(self.camera_clicked)
        self.bridge.map_clicked.connect(self.map_clicked)
        self.bridge.page_ready.connect(self._on_channel)
        self.bridge.batch_applied.connect(self._batch_applied)
        self.page.loadStarted.connect(self._on_load_started)
        self.page.loadFinished.connect(self._on_load)

        self._flush_timer = QTimer(self, singleShot=True, interval=tick_ms, timeout=self._flush)
        self._now_timer = QTimer(self, interval=60_000, timeout=self._tick_now)  # the time window slides

        self._build_toolbar()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.toolbar)
        lay.addWidget(self.web, 1)

        out = page_dir or Path(platformdirs.user_cache_dir("command-console", appauthor=False)) / "map"
        self.page_path = build_page(catalog, self.base, out, tiles_url=tiles_url,
                                    native_zoom=mbtiles.info.max_zoom if mbtiles is not None else None)
        self.page.load(QUrl.fromLocalFile(str(self.page_path)))

    # ---- building ----------------------------------------------------------------------------

    def _inject_webchannel(self) -> None:
        f = QFile(":/qtwebchannel/qwebchannel.js")
        if not f.open(QIODevice.OpenModeFlag.ReadOnly):
            log.error("map: qwebchannel.js is missing from Qt's resources; map clicks will not work")
            return
        script = QWebEngineScript()
        script.setName("qwebchannel")
        script.setSourceCode(bytes(f.readAll().data()).decode())
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
        script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
        self.page.scripts().insert(script)

    def _build_toolbar(self) -> None:
        bar = QWidget(objectName="map-toolbar")
        h = FlowLayout(bar, spacing=4, margins=4)  # wraps rather than widen the window
        self.layer_buttons: dict[str, QToolButton] = {}
        for key in ("grids", "bounds", "incidents", "units", "cameras"):
            b = QToolButton(checkable=True, checked=True, objectName="map-layer")
            b.toggled.connect(lambda on, k=key: self.set_layer(k, on))
            self.layer_buttons[key] = b
            h.addWidget(b)
        self.fill_combo = QComboBox()
        self.fill_combo.currentIndexChanged.connect(lambda _i: self.set_grid_fill(self.fill_combo.currentData()))
        h.addWidget(self.fill_combo)
        self.window_combo = QComboBox()
        self.window_combo.currentIndexChanged.connect(
            lambda _i: self.set_time_window(self.window_combo.currentData()))
        h.addWidget(self.window_combo)
        self.fit_button = QToolButton()
        self.fit_button.clicked.connect(self.fit_district)
        h.addWidget(self.fit_button)
        self.count_label = QLabel(objectName="map-count")
        h.addWidget(self.count_label)
        self.toolbar = bar
        self._retranslate()

    def _retranslate(self) -> None:
        names = {"grids": self.tr("Grids"), "bounds": self.tr("Boundaries"), "incidents": self.tr("Incidents"),
                 "units": self.tr("Field units"), "cameras": self.tr("Cameras")}
        for k, b in self.layer_buttons.items():
            b.setText(names[k])
            b.setToolTip(self.tr("Show or hide this layer"))
        for combo, items in (
            (self.fill_combo, [(self.tr("Grids: no fill"), "none"), (self.tr("Grids: open-incident load"), "load"),
                               (self.tr("Grids: worst SLA"), "sla")]),
            (self.window_combo, [(self.tr("All active"), 0), (self.tr("Last 1 h"), 1), (self.tr("Last 6 h"), 6),
                                 (self.tr("Last 24 h"), 24)]),
        ):
            cur = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(cur if cur is not None else items[1 if combo is
                                                                                        self.fill_combo else 0][1])))
            combo.blockSignals(False)
        self.fill_combo.setToolTip(self.tr("How grids are filled"))
        self.window_combo.setToolTip(self.tr("Show incidents reported within this time"))
        self.fit_button.setText(self.tr("Whole district"))
        self.fit_button.setToolTip(self.tr("Zoom out to the whole district"))

    def status_name(self, status: str) -> str:
        """A unit status in the console's language."""
        return self._labels()["status"].get(status, status)

    def _labels(self) -> dict[str, Any]:
        return {
            "drill": self.tr("DRILL"),
            "camera": self.tr("camera"),
            "cluster": self.tr("{n} incidents here; click to zoom in"),
            "status": {"free": self.tr("free"), "en_route": self.tr("en route"), "on_scene": self.tr("on scene"),
                       "busy": self.tr("busy"), "off": self.tr("off duty")},
            "legend": {"title": self.tr("Legend"), "green": self.tr("On time"), "blue": self.tr("Nearing the limit"),
                       "red": self.tr("Overdue"), "none": self.tr("No clock"), "urgent": self.tr("Urgent (triangle)"),
                       "drill": self.tr("Drill incident"), "camera": self.tr("Camera")},
        }

    # ---- page life ---------------------------------------------------------------------------

    @Slot(bool)
    def _on_load(self, ok: bool) -> None:
        if not ok:
            self.load_error = f"the map page did not load: {self.page_path}"
            log.error("map: %s", self.load_error)
            self.loaded.emit(False)
            return
        geo = Path(self.catalog.geojson_path).read_text(encoding="utf-8")  # the catalog's own district
        init = {"lang": self.language, "labels": self._labels(), "theme": self.theme,
                "tiles": bool(self.base.tiles or self.base.mbtiles)}
        js = f"CM.init(Object.assign({json.dumps(init, ensure_ascii=False)}, {{geo: {geo}}}))"
        me = weakref.ref(self)

        def done(_result: Any) -> None:
            view = me()
            if view is None or not shiboken6.isValid(view):
                return
            view.ready = True
            view._units_known.clear()  # a (re)loaded page holds no unit: each is sent whole again
            view._inc_reset = True  # everything known so far, in one first batch
            view._inc_pending = {i: view._record(inc) for i, inc in view._incidents.items()}
            view._flush()
            view._now_timer.start()
            view.loaded.emit(True)

        self.page.runJavaScript(js, 0, done)

    def _js(self, code: str) -> None:
        if self.ready:
            self.page.runJavaScript(code, 0)

    # ---- feeding -------------------------------------------------------------------------------

    def _record(self, inc: dict[str, Any], show: bool | None = None) -> list:
        """The page's record of an incident (``show``: whether the filter passes it, asked of the
        filter when not given); the costly part is kept per version for refilters."""
        key = (inc["id"], inc.get("version"), inc.get("sla"))
        base = self._base_recs.get(inc["id"])
        if base is None or base[0] != key:
            base = (key, self._base_record(inc))
            self._base_recs[inc["id"]] = base
        if show is None:
            show = self._accepts(inc) if self._accepts is not None else True
        return [*base[1], 1 if show else 0]

    def _base_record(self, inc: dict[str, Any]) -> list:
        cat = self.catalog.categories.get(inc.get("category", ""))
        name = local_name(cat, self.language, inc.get("category", ""))
        serial = str(inc["id"])[-4:]  # the day's serial: what a wall can show beside the marker
        try:
            t = datetime.fromisoformat(inc["reported_at"]).timestamp() if inc.get("reported_at") else 0
        except (TypeError, ValueError):
            t = 0
        sla = inc.get("sla") or ""
        return [inc["id"], float(inc["lat"]), float(inc["lon"]), 1 if inc.get("priority") == "urgent" else 0,
                sla[:1], 1 if inc.get("drill") else 0, t, inc.get("grid") or "", f"{serial} {name}"]

    def _changed(self) -> None:
        if self._first_change is None:
            self._first_change = _now()
        if self.ready and not self._in_flight and not self._flush_timer.isActive():
            self._flush_timer.start()

    def set_incidents(self, incidents: Iterable[dict[str, Any]]) -> None:
        """Replace every incident (a snapshot)."""
        self._incidents = {i["id"]: i for i in incidents if i.get("state", i.get("status")) not in _FINAL}
        self._base_recs = {k: v for k, v in self._base_recs.items() if k in self._incidents}
        self._inc_reset = True
        self._inc_del.clear()
        self._inc_pending = {i: self._record(inc) for i, inc in self._incidents.items()} if self.ready else {}
        self._changed()

    def update_incidents(self, incidents: Iterable[dict[str, Any]]) -> None:
        """Upsert changed incidents (events); final ones leave the map (unbound use: tests, bench)."""
        upserted, gone = [], []
        for inc in incidents:
            if inc.get("state", inc.get("status")) in _FINAL:
                self._incidents.pop(inc["id"], None)
                gone.append(inc)
            else:
                self._incidents[inc["id"]] = inc
                upserted.append(inc)
        self._on_incidents_changed(upserted, gone)

    # ---- fed by the console's state ----------------------------------------------------------

    def bind(self, state: Any) -> None:
        """Draw ``state`` (console.state.ConsoleState): its incidents are read where they are,
        never copied; the map follows its changes."""
        self._state = state
        self._incidents = state.incidents  # read only: the state's one copy
        self._accepts = state.accepts  # the operator's filter, as the state holds it
        follow(self, [(state.reset, self._on_reset), (state.incidents_changed, self._on_incidents_changed),
                      (state.units_changed, self.update_units), (state.cameras_changed, self._on_cameras_changed),
                      (state.filter_changed, self._on_filter_changed)])
        if state.reference is not None:
            self._on_reset()

    def unbind(self) -> None:
        unfollow(self)
        self._incidents = dict(self._incidents)  # what it shows now, no longer followed

    def _on_reset(self) -> None:
        st = self._state
        self._base_recs = {k: v for k, v in self._base_recs.items() if k in self._incidents}
        self._inc_reset = True
        self._inc_del.clear()
        self._inc_pending = {i: self._record(inc) for i, inc in self._incidents.items()} if self.ready else {}
        self.set_units(st.units.values())
        self.set_cameras(st.cameras.values())

    def _on_incidents_changed(self, upserted: list[dict[str, Any]], removed: list[dict[str, Any]]) -> None:
        for inc in removed:
            iid = inc["id"]
            self._base_recs.pop(iid, None)
            self._inc_pending.pop(iid, None)
            self._inc_del.add(iid)
        for inc in upserted:
            iid = inc["id"]
            self._inc_del.discard(iid)
            if self.ready:
                self._inc_pending[iid] = self._record(inc)
        self._changed()

    def _on_filter_changed(self, _filter: Any) -> None:
        self.refilter()

    def _on_cameras_changed(self, cameras: list[dict[str, Any]]) -> None:
        for c in cameras:
            self.set_camera_status(c, c.get("status") or "online")

    def set_filter(self, accepts: Callable[[dict[str, Any]], bool] | None) -> None:
        """The queue's filter: incidents it rejects are hidden on the map too."""
        self._accepts = accepts
        self.refilter()

    def refilter(self, visible: set[str] | None = None) -> None:
        """Re-check every incident against the filter (``visible``: the ids that pass, when known)."""
        if not self.ready:
            return
        self._inc_pending = {i: self._record(inc, None if visible is None else i in visible)
                             for i, inc in self._incidents.items()}
        self._inc_reset = True
        self._changed()

    def set_units(self, units: Iterable[dict[str, Any]]) -> None:
        self._unit_reset = True
        self._units_known = set()
        self._unit_pending = {u["id"]: _unit_record(u) for u in units}
        self._changed()

    def update_units(self, units: Iterable[dict[str, Any]]) -> None:
        pending, known = self._unit_pending, self._units_known
        for u in units:
            uid = u["id"]
            if uid in known and len(pending.get(uid, ())) != 6:
                # a move of a unit the page has: where and how it is (a third less to send and parse)
                pending[uid] = [uid, round(float(u["lat"]), 6), round(float(u["lon"]), 6), u.get("status") or "off"]
            else:
                pending[uid] = _unit_record(u)
        self._changed()

    def set_cameras(self, cameras: Iterable[Mapping[str, Any]]) -> None:
        for c in cameras:
            name = local_name(c, self.language)
            status = self._camera_status.get(c["id"], c.get("status") or "online")
            self._cam_pending[c["id"]] = [c["id"], float(c["lat"]), float(c["lon"]), name or c["id"], status]
        self._changed()

    def set_camera_status(self, camera: Mapping[str, Any], status: str) -> None:
        self._camera_status[camera["id"]] = status
        self.set_cameras([camera])

    def select(self, incident_id: str | None, *, fly: bool = True, zoom: int | None = None) -> None:
        """Mark the incident; ``fly`` brings it into view."""
        self._selected = incident_id
        self._sel = incident_id
        if not incident_id:
            self._near = []
        self._changed()
        inc = self._incidents.get(incident_id or "")
        if fly and inc is not None:
            self.fly_to(float(inc["lat"]), float(inc["lon"]), zoom)

    def selected(self) -> str | None:
        return self._selected

    def set_nearby(self, teams: Iterable[tuple[float, float, str]]) -> None:
        """Highlight recommended free teams for the selection: (lat, lon, label) each, best first."""
        self._near = [[lat, lon, label] for lat, lon, label in teams]
        self._changed()

    def fly_to(self, lat: float, lon: float, zoom: int | None = None, *, animate: bool = True) -> None:
        self._js(f"CM.flyTo({lat}, {lon}, {json.dumps(zoom)}, {json.dumps(animate)})")

    def fit_points(self, points: Iterable[tuple[float, float]], min_span_m: float = 600.0, *,
                   animate: bool = True) -> None:
        """Bring every (lat, lon) into view, at least ``min_span_m`` metres across: the wall's
        urgent switch shows the incident with its nearest free teams and cameras."""
        pts = [[float(a), float(b)] for a, b in points]
        if pts:
            self._js(f"CM.fitPoints({json.dumps(pts)}, {float(min_span_m)!r}, {json.dumps(animate)})")

    def set_pin(self, lat: float | None, lon: float | None = None) -> None:
        """The place of the call being taken, drawn as a pin (None clears it)."""
        self._js("CM.pin(null)" if lat is None else f"CM.pin({float(lat)!r}, {float(lon)!r})")

    def fit_district(self) -> None:
        self._js("CM.fit()")

    def set_layer(self, key: str, on: bool) -> None:
        b = self.layer_buttons[key]
        if b.isChecked() != on:
            b.setChecked(on)  # comes back here through toggled
            return
        self._js(f"CM.layers({json.dumps({key: on})})")

    def set_grid_fill(self, mode: str) -> None:
        i = self.fill_combo.findData(mode)
        if i >= 0 and i != self.fill_combo.currentIndex():
            self.fill_combo.setCurrentIndex(i)
            return
        self._js(f"CM.gridFill({json.dumps(mode)})")

    def set_time_window(self, hours: int) -> None:
        i = self.window_combo.findData(hours)
        if i >= 0 and i != self.window_combo.currentIndex():
            self.window_combo.setCurrentIndex(i)
            return
        self._js(f"CM.timeWindow({int(hours or 0)}, {_wall_now()})")

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        self._js(f"CM.theme({json.dumps(theme)})")

    def evaluate(self, js: str, callback: Callable[[Any], None]) -> None:
        """Run ``js`` in the page and pass its value, through JSON, to ``callback`` (tests, the
        bench). JSON because PySide hands JavaScript arrays and objects over as empty strings."""
        def back(text: Any) -> None:
            callback(json.loads(text) if isinstance(text, str) and text else None)

        self.page.runJavaScript(f"JSON.stringify({js})", 0, back)

    def _count_text(self, incidents: int, units: int) -> str:
        return self.tr("{n} incidents · {u} units").format(n=incidents, u=units)

    def _tick_now(self) -> None:
        self._js(f"CM.timeWindow({int(self.window_combo.currentData() or 0)}, {_wall_now()})")

    def _flush(self) -> None:
        if not self.ready or self._in_flight:
            return
        b: dict[str, Any] = {}
        if self._inc_reset:
            b["incReset"] = True
        if self._inc_pending:
            b["inc"] = list(self._inc_pending.values())
        if self._inc_del:
            b["incDel"] = list(self._inc_del)
        if self._unit_reset:
            b["unitReset"] = True
        if self._unit_pending:
            b["units"] = list(self._unit_pending.values())
            self._units_known.update(self._unit_pending)
        if self._cam_pending:
            b["cams"] = list(self._cam_pending.values())
        if self._sel is not _UNSET:
            b["sel"] = self._sel
        if self._near is not _UNSET:
            b["near"] = self._near
        if not b:
            self._first_change = None
            return
        self._inc_pending, self._inc_del, self._unit_pending, self._cam_pending = {}, set(), {}, {}
        self._inc_reset = self._unit_reset = False
        self._sel = self._near = _UNSET
        self._batch += 1
        b["batch"] = self._batch
        b["now"] = _wall_now()
        started, self._first_change = self._first_change, None
        self._in_flight = True
        me = weakref.ref(self)

        def done(result: Any) -> None:
            view = me()
            if view is None or not shiboken6.isValid(view):
                return
            view._in_flight = False
            try:
                result = json.loads(result) if isinstance(result, str) and result else None
            except ValueError:
                result = None
            if isinstance(result, list) and len(result) >= 3:
                view.last_applied = result
                view.count_label.setText(view._count_text(result[1], result[2]))
            view.applied.emit(b["batch"], (_now() - started) * 1000 if started else 0.0)
            if view._first_change is not None:  # more arrived meanwhile: send it on the next tick
                view._flush_timer.start()

        text = json.dumps(b, ensure_ascii=False, separators=(",", ":"))
        if self._channel_up:
            self._on_applied = done
            self.bridge.batch.emit(text)
        else:  # before the page's channel answers (its first batch at most)
            self.page.runJavaScript("CM.apply(" + text + ")", 0, done)

    @Slot()
    def _on_channel(self) -> None:
        self._channel_up = True

    @Slot()
    def _on_load_started(self) -> None:
        # a (re)loading page drops its channel and whatever batch it was applying
        self._channel_up = False
        self._on_applied = None
        self._in_flight = False

    @Slot(str)
    def _batch_applied(self, result: str) -> None:
        done, self._on_applied = self._on_applied, None
        if done is not None:
            done(result)

    def changeEvent(self, e: Any) -> None:  # noqa: N802 (Qt's name)
        from PySide6.QtCore import QEvent

        if e.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(e)


def _unit_record(u: Mapping[str, Any]) -> list:
    return [u["id"], round(float(u["lat"]), 6), round(float(u["lon"]), 6), u.get("status") or "off",
            u.get("team") or "", u.get("callsign") or u["id"]]


def _now() -> float:
    return time.perf_counter()


def _wall_now() -> float:
    return round(time.time(), 1)
