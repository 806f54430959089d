"""The map's page and what serves it: folium writes the base page once (Leaflet from a Python
package, never a CDN), one off-the-record web profile shared by every map with a guard that
blocks requests leaving the machine, the ``mbtiles:`` scheme read off the GUI thread, and the
QWebChannel bridge for clicks."""

from __future__ import annotations

import hashlib
import json
import logging
import weakref
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import shiboken6
import xstatic.pkg.leaflet as xleaflet
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from console.models.catalog import Catalog
from console.models.lifecycle import FINAL_STATES
from console.models.mbtiles import MBTiles

log = logging.getLogger("console.map")

RESOURCES = Path(__file__).resolve().parents[3] / "resources"
MAP_DIR = RESOURCES / "map"
SCHEME = b"mbtiles"
# Requests the page may make without leaving the machine.
LOCAL_SCHEMES = frozenset({"file", "qrc", "data", "blob", "about", SCHEME.decode()})
_FINAL = frozenset(s.value for s in FINAL_STATES)


def register_schemes() -> None:
    """Register the ``mbtiles:`` scheme; must run before the QApplication exists (app.make_app
    and tests/conftest.py call it)."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME:
        return
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Path)
    F = QWebEngineUrlScheme.Flag
    scheme.setFlags(F.SecureScheme | F.LocalScheme | F.LocalAccessAllowed | F.CorsEnabled)
    QWebEngineUrlScheme.registerScheme(scheme)


@dataclass(frozen=True)
class BaseMap:
    """Which base map the page shows. Nothing set: the district's own vector base."""

    tiles: str = ""  # URL template of an intranet tile server, e.g. http://tiles.local/{z}/{x}/{y}.png
    attribution: str = ""
    mbtiles: str = ""  # path of an MBTiles file (raster)
    max_zoom: int = 19

    def check(self) -> MBTiles | None:
        """ValueError naming what is wrong with the configuration; the opened MBTiles file, if any."""
        if self.tiles and self.mbtiles:
            raise ValueError("map: give either a tile URL template or an MBTiles file, not both")
        if self.tiles:
            url = QUrl(self.tiles.replace("{", "").replace("}", ""))
            if url.scheme() not in ("http", "https") or not url.host():
                raise ValueError(f"map tiles {self.tiles!r}: not an http(s) URL template like "
                                 "http://tiles.intranet/{z}/{x}/{y}.png")
            for part in ("{z}", "{x}", "{y}"):
                if part not in self.tiles:
                    raise ValueError(f"map tiles {self.tiles!r}: the template lacks {part}")
        if self.mbtiles:
            return MBTiles(self.mbtiles)  # raises MBTilesError (a ValueError) naming the file
        return None

    def host(self) -> str:
        return QUrl(self.tiles.replace("{", "").replace("}", "")).host() if self.tiles else ""


# ---- the page's outside world: request guard, mbtiles scheme, one shared profile -------------


class RequestGuard(QWebEngineUrlRequestInterceptor):
    """Blocks every request that would leave the machine; keeps a short record for tests and logs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.allowed_hosts: set[str] = set()
        self.seen: deque[str] = deque(maxlen=2000)
        self.blocked: list[str] = []

    def interceptRequest(self, info: Any) -> None:  # noqa: N802 (Qt's name)
        url = info.requestUrl()
        self.seen.append(url.toString())
        scheme = url.scheme()
        if scheme in LOCAL_SCHEMES:
            return
        if scheme in ("http", "https") and url.host() in self.allowed_hosts:
            return
        info.block(True)
        if len(self.blocked) < 1000:
            self.blocked.append(url.toString())
            log.warning("map: blocked a request leaving the machine: %s", url.toString())

    def clear(self) -> None:
        self.seen.clear()
        self.blocked.clear()


class _TileDelivery(QObject):
    ready = Signal(object, object, object)  # job, bytes | None, mime


class MBTilesHandler(QWebEngineUrlSchemeHandler):
    """Serves ``mbtiles:/<key>/<z>/<x>/<y>`` from registered MBTiles files. The SQLite read runs
    on a worker thread; the reply is made back on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sources: dict[str, MBTiles] = {}
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mbtiles")
        self._delivery = _TileDelivery(self)
        self._delivery.ready.connect(self._reply, Qt.ConnectionType.QueuedConnection)
        self.served = 0

    def add(self, tiles: MBTiles) -> str:
        key = hashlib.sha1(str(tiles.path.resolve()).encode()).hexdigest()[:12]
        self.sources[key] = tiles
        return key

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt's name)
        parts = job.requestUrl().path().strip("/").split("/")
        try:
            key, z, x, y = parts[0], int(parts[1]), int(parts[2]), int(parts[3].split(".")[0])
            src = self.sources[key]
        except (IndexError, ValueError, KeyError):
            job.fail(QWebEngineUrlRequestJob.Error.UrlInvalid)
            return
        delivery = self._delivery

        def read() -> None:
            try:
                data = src.tile(z, x, y)
            except Exception:  # a broken file: the tile fails, the map goes on
                log.exception("map: reading tile %s/%s/%s from %s", z, x, y, src.path)
                data = None
            delivery.ready.emit(job, data, src.info.mime)

        self._pool.submit(read)

    @Slot(object, object, object)
    def _reply(self, job: QWebEngineUrlRequestJob, data: bytes | None, mime: str) -> None:
        if not shiboken6.isValid(job):  # the page went away meanwhile
            return
        if data is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buf = QBuffer(job)  # lives as long as the job
        buf.setData(QByteArray(data))
        buf.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(mime.encode(), buf)
        self.served += 1


_shared: dict[str, Any] = {}
_live_views: weakref.WeakSet = weakref.WeakSet()


def release_pages() -> None:
    """Delete every map page before the shared profile goes (with the application); a profile
    that outlives none of its pages is what QtWebEngine asks for."""
    for view in list(_live_views):
        if shiboken6.isValid(view) and shiboken6.isValid(view.web):
            view.ready = False
            shiboken6.delete(view.web)  # the page is the view's child


def shared_profile() -> tuple[QWebEngineProfile, RequestGuard, MBTilesHandler]:
    """One off-the-record profile for every map view (no disk cache, no cookies), with the guard
    and the scheme handler installed; it lives as long as the application."""
    if "profile" not in _shared:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        profile = QWebEngineProfile(app)  # no storage name: off the record
        guard = RequestGuard(profile)
        handler = MBTilesHandler(profile)
        profile.setUrlRequestInterceptor(guard)
        profile.installUrlSchemeHandler(SCHEME, handler)
        app.aboutToQuit.connect(release_pages)
        _shared.update(profile=profile, guard=guard, handler=handler)
    return _shared["profile"], _shared["guard"], _shared["handler"]


# ---- the base page ------------------------------------------------------------------------------


PAGE_FORMAT = 2  # bump when build_page writes a different page for the same inputs


def build_page(catalog: Catalog, base: BaseMap, out_dir: Path, *, tiles_url: str = "",
               native_zoom: int | None = None) -> Path:
    """The base page, written with folium once per set of inputs (district, base, folium's
    version) and kept in ``out_dir``; Leaflet and our layers are linked by file URL from
    installed packages and resources/, never from the web. Importing folium alone costs most of
    a second (it compiles its templates), so a console that has its page never imports it."""
    leaflet = Path(xleaflet.BASE_DIR)
    lat, lon = catalog.district.centroid
    inputs = [PAGE_FORMAT, version("folium"), str(leaflet), str(MAP_DIR), lat, lon, base.max_zoom, tiles_url,
              base.attribution, native_zoom]
    path = out_dir / f"map-{hashlib.sha1(json.dumps(inputs).encode()).hexdigest()[:12]}.html"
    if path.exists():
        return path
    import folium
    from branca.element import MacroElement
    from jinja2 import Template

    class Attach(MacroElement):
        """Hands the Leaflet map folium made to live.js (rendered after the map's own script)."""

        _template = Template(
            "{% macro script(this, kwargs) %}CM.attach({{ this._parent.get_name() }});{% endmacro %}")

    # Without tiles the base is vector: quarter zoom steps let the district fill any panel. Tiles
    # stay on whole zoom levels, where they are sharp.
    m = folium.Map(location=[lat, lon], zoom_start=13, tiles=None, prefer_canvas=True, control_scale=False,
                   zoom_animation=False, max_zoom=base.max_zoom, min_zoom=10,
                   zoom_snap=1 if tiles_url else 0.25, zoom_delta=1)
    m.default_js = [("leaflet", (leaflet / "leaflet.js").as_uri())]
    m.default_css = [("leaflet_css", (leaflet / "leaflet.css").as_uri())]
    root = m.get_root()
    root.header.add_child(folium.CssLink((MAP_DIR / "map.css").as_uri()), name="console_css")
    root.header.add_child(folium.JavascriptLink((MAP_DIR / "live.js").as_uri()), name="console_js")
    if tiles_url:
        folium.TileLayer(tiles=tiles_url, attr=base.attribution or " ", max_zoom=base.max_zoom,
                         max_native_zoom=native_zoom or base.max_zoom, name="base").add_to(m)
    m.add_child(Attach())
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(root.render(), encoding="utf-8")
    tmp.replace(path)  # whole or not at all: two consoles may write it at once
    return path


# ---- the panel -----------------------------------------------------------------------------------


class _Page(QWebEnginePage):
    """The map's page: its console messages go to our log (a script error is never silent)."""

    errors: list[str]

    def javaScriptConsoleMessage(self, level: Any, message: str, line: int, source: str) -> None:  # noqa: N802
        text = f"{source.rsplit('/', 1)[-1]}:{line}: {message}"
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            if not hasattr(self, "errors"):
                self.errors = []
            self.errors.append(text)
            log.error("map page: %s", text)
        else:
            log.info("map page: %s", text)


class MapBridge(QObject):
    """What the page may call (over QWebChannel)."""

    page_ready = Signal()
    # A batch for CM.apply, as JSON text, and its result back. Not runJavaScript: the renderer
    # keeps every distinct script source it ran (10,000 batches held 13 MB after collection).
    batch = Signal(str)
    batch_applied = Signal(str)
    incident_clicked = Signal(str)
    unit_clicked = Signal(str)
    camera_clicked = Signal(str)
    map_clicked = Signal(float, float)  # a click on no marker: where (the call-taking form's place)

    @Slot()
    def pageReady(self) -> None:  # noqa: N802 (the page's name)
        self.page_ready.emit()

    @Slot(str)
    def applied(self, result: str) -> None:
        self.batch_applied.emit(result)

    @Slot(str)
    def incidentClicked(self, incident_id: str) -> None:  # noqa: N802
        self.incident_clicked.emit(incident_id)

    @Slot(str)
    def unitClicked(self, unit_id: str) -> None:  # noqa: N802
        self.unit_clicked.emit(unit_id)

    @Slot(str)
    def cameraClicked(self, camera_id: str) -> None:  # noqa: N802
        self.camera_clicked.emit(camera_id)

    @Slot(float, float)
    def mapClicked(self, lat: float, lon: float) -> None:  # noqa: N802
        self.map_clicked.emit(lat, lon)


_UNSET: Any = object()
