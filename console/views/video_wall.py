"""The video wall: 1, 2×2, 3×3 or 4×4 camera tiles, pinned to the selected incident's nearest
cameras or by hand, with honest states for tiles that have no picture.

Each :class:`CameraTile` paints itself (header, place, status, clock, picture, incident caption)
so that ticking clocks and new frames never re-lay out the window. Frames come from a
``QVideoSink`` and are painted by the tile: ``QVideoWidget`` shows nothing offscreen, and the
sink also lets tests and screenshots see the picture. Only tiles shown on screen decode.
States, retry policy, pinning rules and limits: docs/VIDEO.md.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QDrag,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.models.cameras import (
    DEFAULT_RADIUS_M,
    RETRY_BASE_S,
    RETRY_CAP_S,
    nearest_cameras,
    plan_tiles,
    retry_delay_s,
    short_text,
)
from console.models.catalog import Camera, Catalog

from . import optional
from .binding import follow, unfollow

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink

log = logging.getLogger(__name__)

# QtMultimedia is optional: without it (no libpulse0, say) every tile with a stream says
# "video unavailable" and why, and the rest of the console works.
MM = optional.load("QtMultimedia")

LAYOUTS = (1, 4, 9, 16)
MAX_TILES = 16
LARGE_SCALE = 1.8  # type size in wall-display mode (read from about 4 m)
DRILL_MARK = "演练 DRILL"  # bilingual on purpose, the same in every language (as on every drill screen)
TILE_MIME = "application/x-command-console-tile"

# tile states
EMPTY = "empty"  # no camera pinned
PLACEHOLDER = "placeholder"  # a camera without a configured stream
IDLE = "idle"  # a stream, but the tile is not on screen: nothing is decoded
CONNECTING = "connecting"
PLAYING = "playing"
NO_SIGNAL = "no_signal"  # failed, ended or stalled; a retry is scheduled
UNAVAILABLE = "unavailable"  # a stream, but QtMultimedia could not be loaded on this machine
STATES = (EMPTY, PLACEHOLDER, IDLE, CONNECTING, PLAYING, NO_SIGNAL, UNAVAILABLE)
CAMERA_STATUSES = ("online", "offline", "alarm")

# colours: the wall is a dark surface in either theme (pictures are framed in black)
C_TILE = QColor("#0b0f14")
C_VIDEO = QColor("#000000")
C_BAR = QColor("#1a2230")
C_BORDER = QColor("#2d3a50")
C_CURRENT = QColor("#3d8bfd")
C_TEXT = QColor("#e6e9ef")
C_DIM = QColor("#8e99ab")
C_FAINT = QColor("#5d687a")
C_AMBER = QColor("#f0a020")
C_STATUS = {"online": QColor("#2fbf71"), "offline": QColor("#7d8797"), "alarm": QColor("#ff4d4f")}
C_DRILL = QColor(255, 170, 40, 84)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)


@dataclass(frozen=True, slots=True)
class StreamPolicy:
    """How a tile treats its stream (docs/VIDEO.md). Tests shorten the times."""

    retry_base_s: float = RETRY_BASE_S  # first wait after a failure; doubles per failure
    retry_cap_s: float = RETRY_CAP_S  # longest wait
    connect_timeout_s: float = 15.0  # no first frame within this: no signal
    stall_s: float = 8.0  # no new frame within this while playing: no signal
    max_fps: float = 12.0  # repaints per second per tile, whatever the stream's rate


def _camera(c: Camera | Mapping[str, Any]) -> Camera:
    """A catalog Camera from a Camera or a wire dict (``Catalog.to_wire()["cameras"]``)."""
    if isinstance(c, Camera):
        return c
    return Camera(str(c["id"]), str(c.get("name_zh") or c["id"]), str(c.get("name_en") or c["id"]),
                  float(c["lat"]), float(c["lon"]), str(c.get("grid") or ""), str(c.get("stream_url") or ""))


def stream_qurl(url: str) -> QUrl:
    """rtsp://, http(s)://, file:// and other URLs as they are; anything else is a local path."""
    return QUrl(url) if "://" in url else QUrl.fromLocalFile(url)


def safe_url(url: str) -> str:
    """The URL without user name and password, for tooltips and logs."""
    u = stream_qurl(url)
    u.setUserInfo(None)  # None, not "": an empty user info still prints "@"
    return u.toDisplayString()


# --------------------------------------------------------------------------------------------
# One stream


class StreamPlayer(QObject):
    """Plays one stream into a QVideoSink, muted, with no-signal detection and retry with backoff.

    ``start()`` when the tile is shown, ``stop()`` when it is hidden (state ``idle``). A failure,
    the end of the stream, no first frame within ``connect_timeout_s`` or no frame for
    ``stall_s`` makes the state ``no_signal`` and schedules a retry after 2, 4, 8 … s (capped);
    the first frame of a retry makes it ``playing`` again and resets the backoff.
    """

    state_changed = Signal(str)
    frame_arrived = Signal()

    def __init__(self, url: str, policy: StreamPolicy | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.policy = policy or StreamPolicy()
        self.state = IDLE
        self.attempt = 0  # failures since the last good picture
        self.reason = ""  # why the last attempt failed, in the operator's language
        self.detail = ""  # the backend's message about it
        self.retry_at: float | None = None  # time.monotonic() of the next retry
        self.frames = 0  # frames received in this attempt
        self._frame: QVideoFrame | None = None
        self._last_frame_at = 0.0
        self._opened_at = 0.0
        self._player: QMediaPlayer | None = None
        self._sink: QVideoSink | None = None
        self._retry = QTimer(self, singleShot=True, timeout=self._open)
        self._watchdog = QTimer(self, timeout=self._check_alive)

    # ---- control

    def start(self) -> None:
        if self.state in (CONNECTING, PLAYING, NO_SIGNAL):
            return
        self.attempt = 0
        self._open()

    def stop(self) -> None:
        self._retry.stop()
        self._watchdog.stop()
        self._frame = None
        self.retry_at = None
        self._set_state(IDLE)  # first, so what the player says while it stops is ignored
        self._release()

    def retry_now(self) -> None:
        if self.state == NO_SIGNAL:
            self._retry.stop()
            self._open()

    def shutdown(self) -> None:
        """Stop and free the decoder (before the tile forgets this player)."""
        self.stop()
        if self._player is not None:
            self._player.setVideoSink(None)
            self._player.deleteLater()
            self._player = None

    def latest_frame(self) -> QVideoFrame | None:
        return self._frame

    def seconds_to_retry(self) -> int | None:
        if self.state != NO_SIGNAL or self.retry_at is None:
            return None
        return max(0, math.ceil(self.retry_at - time.monotonic()))

    # ---- internals

    def _ensure_player(self) -> QMediaPlayer:
        if self._player is None:
            self._sink = MM.QVideoSink(self)
            self._player = MM.QMediaPlayer(self)
            # no QAudioOutput: nothing is played aloud (audio tracks are also switched off once known)
            self._player.setVideoSink(self._sink)
            self._sink.videoFrameChanged.connect(self._on_frame)
            self._player.errorOccurred.connect(self._on_error)
            self._player.mediaStatusChanged.connect(self._on_status)
        return self._player

    def _open(self) -> None:
        player = self._ensure_player()
        self.retry_at = None
        self.frames = 0
        self.detail = ""
        self._frame = None
        self._opened_at = time.monotonic()
        self._set_state(CONNECTING)
        self._watchdog.start(max(50, min(1000, int(min(self.policy.stall_s, self.policy.connect_timeout_s) * 250))))
        player.setSource(QUrl())  # the same URL again would be ignored without this
        player.setSource(stream_qurl(self.url))  # a missing file fails right here (-> _lost)
        if self.state == CONNECTING:
            player.play()

    def _release(self) -> None:
        if self._player is not None:
            self._player.stop()
            self._player.setSource(QUrl())

    def _lost(self, reason: str) -> None:
        if self.state not in (CONNECTING, PLAYING):
            return
        self._watchdog.stop()
        self.reason = reason
        self.attempt += 1
        delay = retry_delay_s(self.attempt, self.policy.retry_base_s, self.policy.retry_cap_s)
        self.retry_at = time.monotonic() + delay
        self._frame = None
        # leave the player's own signal handler before tearing its source down
        QTimer.singleShot(0, self, self._release_if_lost)
        self._retry.start(int(delay * 1000))
        log.info("no signal from %s: %s %s; retry %d in %g s", safe_url(self.url), reason, self.detail,
                 self.attempt, delay)
        self._set_state(NO_SIGNAL)

    def _release_if_lost(self) -> None:
        if self.state == NO_SIGNAL:
            self._release()

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    def _on_frame(self, frame: QVideoFrame) -> None:
        if self.state not in (CONNECTING, PLAYING) or not frame.isValid():
            return
        self._frame = frame
        self.frames += 1
        self._last_frame_at = time.monotonic()
        if self.state == CONNECTING:
            self.attempt = 0
            self.reason = ""
            self._set_state(PLAYING)
        self.frame_arrived.emit()

    def _on_error(self, error: Any, message: str) -> None:
        E = MM.QMediaPlayer.Error
        if error == E.NoError:
            return
        reasons = {E.ResourceError: self.tr("The stream could not be opened"),
                   E.FormatError: self.tr("The stream's format is not supported"),
                   E.NetworkError: self.tr("Network error"),
                   E.AccessDeniedError: self.tr("Access to the stream was denied")}
        self.detail = message  # the backend's own words, for the tooltip and the log
        self._lost(reasons.get(error, self.tr("The stream could not be opened")))

    def _on_status(self, status: Any) -> None:
        S = MM.QMediaPlayer.MediaStatus
        if status == S.EndOfMedia:
            self._lost(self.tr("The stream ended"))
        elif status == S.InvalidMedia:
            self._lost(self.tr("The stream could not be opened"))
        elif (status == S.LoadedMedia and self._player is not None
              and self._player.audioTracks()):
            self._player.setActiveAudioTrack(-1)  # muted: do not even decode the sound

    def _check_alive(self) -> None:
        now = time.monotonic()
        if self.state == CONNECTING and now - self._opened_at > self.policy.connect_timeout_s:
            self._lost(self.tr("No picture within {s} s").format(s=_num(self.policy.connect_timeout_s)))
        elif self.state == PLAYING and now - self._last_frame_at > self.policy.stall_s:
            self._lost(self.tr("No new picture for {s} s").format(s=_num(self.policy.stall_s)))


def _num(x: float) -> str:
    return f"{x:g}"


# --------------------------------------------------------------------------------------------
# One tile


class CameraTile(QWidget):
    """One camera on the wall, painted by hand. The wall decides what it shows."""

    state_changed = Signal(str, str)  # camera id ("" when empty), state
    double_clicked = Signal()
    clicked = Signal()
    menu_requested = Signal(QPoint)  # global position
    drop_requested = Signal(int)  # the key of the tile dropped onto this one

    _serial = 0

    def __init__(self, policy: StreamPolicy | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        CameraTile._serial += 1
        self.key = CameraTile._serial
        self.setObjectName("camera-tile")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAcceptDrops(True)
        self.setMinimumSize(160, 110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.policy = policy or StreamPolicy()
        self.camera: Camera | None = None
        self.place = ""
        self.status = ""  # "", "online", "offline", "alarm"
        self.incident: dict[str, Any] | None = None  # {"id", "description", "drill"} of the pinned incident
        self.distance_m: float | None = None
        self.locked = False
        self.current = False
        self.drill = False  # the wall's drill flag; an incident's own flag also shows the mark
        self.language = "zh_CN"
        self.large = False
        self.tz: Any = ZoneInfo("Asia/Shanghai")
        self.player: StreamPlayer | None = None
        self._state = EMPTY
        self._image: QImage | None = None
        self._image_of: QVideoFrame | None = None
        self._clock = ""
        self._last_paint = 0.0
        self._repaint_pending = False
        self._press: QPoint | None = None
        self._metrics_key: tuple[Any, ...] | None = None
        self._metrics_val = (0, 0, True)
        self._fonts: dict[tuple[float, bool, float, float], QFont] = {}
        self.paints = 0

    # ---- what it shows

    @property
    def camera_id(self) -> str | None:
        return self.camera.id if self.camera else None

    @property
    def state(self) -> str:
        return self._state

    def set_camera(self, camera: Camera | None, place: str = "") -> None:
        same = (camera is not None and self.camera is not None and camera.id == self.camera.id
                and camera.stream_url == self.camera.stream_url)
        self.camera = camera
        self.place = place
        if not same:
            self._drop_player()
            self._image = self._image_of = None
            if camera is not None and camera.stream_url and MM is not None:
                self.player = StreamPlayer(camera.stream_url, self.policy, self)
                self.player.state_changed.connect(self._on_player_state)
                self.player.frame_arrived.connect(self._on_frame)
                if self.isVisible():
                    self.player.start()
        self._refresh_state()
        self.update()

    def set_incident(self, incident: Mapping[str, Any] | None, distance_m: float | None = None) -> None:
        if incident is None:
            self.incident, self.distance_m = None, None
        else:
            self.incident = {"id": str(incident.get("id", "")), "description": str(incident.get("description") or ""),
                             "drill": bool(incident.get("drill"))}
            self.distance_m = distance_m
        self.update()

    def set_status(self, status: str) -> None:
        if status != self.status:
            self.status = status
            self.update()

    def set_look(self, *, language: str | None = None, large: bool | None = None, drill: bool | None = None,
                 current: bool | None = None, locked: bool | None = None, tz: Any = None) -> None:
        for name, value in (("language", language), ("large", large), ("drill", drill), ("current", current),
                            ("locked", locked), ("tz", tz)):
            if value is not None:
                setattr(self, name, value)
        self.update()

    def drill_marked(self) -> bool:
        """True when the diagonal drill watermark is painted on this tile."""
        return self.drill or bool(self.incident and self.incident.get("drill"))

    def retry_now(self) -> None:
        if self.player is not None:
            self.player.retry_now()

    def last_image(self) -> QImage | None:
        """The newest frame as an image (what the tile paints), or None without a picture."""
        if self.player is None or self._state != PLAYING:
            return None
        frame = self.player.latest_frame()
        if frame is None:
            return None
        if frame is not self._image_of:
            img = frame.toImage()
            self._image = img if not img.isNull() else None
            self._image_of = frame
        return self._image

    def tick(self) -> None:
        """Once a second from the wall: the clock and the retry countdown."""
        now = datetime.now(self.tz).strftime("%H:%M:%S")
        if now != self._clock:
            self._clock = now
            self.update(self._header_rect())
        if self._state == NO_SIGNAL:
            self.update(self._video_rect())

    def shutdown(self) -> None:
        self._drop_player()

    # ---- internals

    def _drop_player(self) -> None:
        if self.player is not None:
            self.player.state_changed.disconnect(self._on_player_state)
            self.player.frame_arrived.disconnect(self._on_frame)
            self.player.shutdown()
            self.player.deleteLater()
            self.player = None

    def _refresh_state(self) -> None:
        if self.camera is None:
            state = EMPTY
        elif not self.camera.stream_url:
            state = PLACEHOLDER
        elif MM is None:
            state = UNAVAILABLE
        elif self.player is None:
            state = IDLE
        else:
            state = self.player.state
        if state != self._state:
            self._state = state
            if state != PLAYING:
                self._image = self._image_of = None
            self._refresh_tooltip()
            self.update()
            self.state_changed.emit(self.camera_id or "", state)

    def _refresh_tooltip(self) -> None:
        cam = self.camera
        if cam is None:
            self.setToolTip("")
            return
        lines = [f"{cam.id} · {cam.name_zh} · {cam.name_en}"]
        if cam.stream_url:
            lines.append(safe_url(cam.stream_url))
        if self.player is not None and self._state == NO_SIGNAL and self.player.detail:
            lines.append(self.player.detail)
        self.setToolTip("\n".join(lines))

    def _on_player_state(self, _state: str) -> None:
        self._refresh_state()

    def _on_frame(self) -> None:
        interval = 1.0 / max(1.0, self.policy.max_fps)
        wait = self._last_paint + interval - time.monotonic()
        if wait <= 0:
            self.update(self._video_rect())
        elif not self._repaint_pending:
            self._repaint_pending = True
            QTimer.singleShot(int(wait * 1000) + 1, self, self._flush_frame)

    def _flush_frame(self) -> None:
        self._repaint_pending = False
        self.update(self._video_rect())

    # ---- events

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.player is not None:
            self.player.start()
        self.tick()

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        super().hideEvent(event)
        if self.player is not None:
            self.player.stop()  # off screen: nothing is decoded

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self.clicked.emit()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: Any) -> None:  # noqa: N802
        if (self._press is None or not event.buttons() & Qt.MouseButton.LeftButton
                or (event.position().toPoint() - self._press).manhattanLength() < QApplication.startDragDistance()):
            return
        self._press = None
        mime = QMimeData()
        mime.setData(TILE_MIME, QByteArray(str(self.key).encode()))
        drag = QDrag(self)
        drag.setMimeData(mime)
        pix = self.grab().scaled(QSize(200, 140), Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        drag.setPixmap(pix)
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: Any) -> None:  # noqa: N802
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: Any) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.double_clicked.emit()

    def contextMenuEvent(self, event: Any) -> None:  # noqa: N802
        self.menu_requested.emit(event.globalPos())

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasFormat(TILE_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasFormat(TILE_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:  # noqa: N802
        data = event.mimeData().data(TILE_MIME)
        try:
            key = int(bytes(data.data()).decode())
        except ValueError:
            return
        event.acceptProposedAction()
        if key != self.key:
            self.drop_requested.emit(key)

    # ---- painting

    def _scale(self) -> float:
        return LARGE_SCALE if self.large else 1.0

    def _font(self, factor: float, bold: bool = False) -> QFont:
        base = self.font().pointSizeF()
        key = (factor, bold, self._scale(), base)
        f = self._fonts.get(key)
        if f is None:
            f = QFont(self.font())
            f.setPointSizeF((base if base > 0 else 10.0) * factor * self._scale())
            f.setBold(bold)
            self._fonts[key] = f
        return f

    def _metrics(self) -> tuple[int, int, bool]:
        """(header height, footer height, whether the header has the place line).

        The place line is left out when it would leave the picture less than 55 % of the tile
        (large type on a 3×3 or 4×4 wall): name, status, clock and incident matter more from afar.
        """
        key = (self.width(), self.height(), self.large, bool(self.incident), self.font().pointSizeF())
        if self._metrics_key != key:
            name_h = QFontMetrics(self._font(1.15, True)).height()
            small_h = QFontMetrics(self._font(0.9)).height()
            pad = round(5 * self._scale())
            footer = (small_h + 2 * pad) if self.incident else 0
            two = name_h + small_h + 3 * pad
            two_lines = self.height() - two - footer >= 0.55 * self.height()
            self._metrics_val = (two if two_lines else name_h + 2 * pad, footer, two_lines)
            self._metrics_key = key
        return self._metrics_val

    def _header_rect(self) -> QRect:
        return QRect(0, 0, self.width(), self._metrics()[0])

    def _video_rect(self) -> QRect:
        header, footer, _ = self._metrics()
        b = self._border()
        return QRect(b, header, self.width() - 2 * b, max(0, self.height() - header - footer - b))

    def _border(self) -> int:
        wide = self.current or self.status == "alarm" or self._state == NO_SIGNAL
        return max(1, round((3 if wide else 1) * (1.5 if self.large else 1)))

    def paintEvent(self, event: Any) -> None:  # noqa: N802
        self.paints += 1
        self._last_paint = time.monotonic()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        w, h = self.width(), self.height()
        header, footer, two_lines = self._metrics()
        dirty = event.rect()
        video = self._video_rect()
        b = self._border()
        if not video.contains(dirty):
            p.fillRect(self.rect(), C_TILE)
        if dirty.intersects(video):
            p.fillRect(video, C_VIDEO)
            self._paint_content(p, video)
        if dirty.intersects(QRect(0, 0, w, header)):
            self._paint_header(p, header, two_lines)
        if footer and dirty.intersects(QRect(0, h - footer, w, footer)):
            self._paint_footer(p, footer)
        if self.drill_marked():
            self._paint_drill(p)
        # border last: alarm red, current blue, else a thin line
        if self.status == "alarm":
            colour = C_STATUS["alarm"]
        elif self.current:
            colour = C_CURRENT
        else:
            colour = C_AMBER if self._state == NO_SIGNAL else C_BORDER
        p.setPen(QPen(colour, b))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(b / 2, b / 2, w - b, h - b))
        p.end()

    def _status_text(self) -> str:
        return {"online": self.tr("Online"), "offline": self.tr("Offline"),
                "alarm": self.tr("ALARM")}.get(self.status, "")

    def _paint_header(self, p: QPainter, header: int, two_lines: bool) -> None:
        """Status dot, name, lock badge, (status word), clock; then place and status word."""
        w, s = self.width(), self._scale()
        pad = round(5 * s)
        p.fillRect(QRect(0, 0, w, header), C_BAR)
        name_f, small_f, clock_f = self._font(1.15, True), self._font(0.9), self._font(1.05, True)
        name_fm, small_fm, clock_fm = QFontMetrics(name_f), QFontMetrics(small_f), QFontMetrics(clock_f)
        line1 = QRect(0, pad, w, name_fm.height())
        if self.camera is None:  # an empty tile: no name, no clock, only a lock if there is one
            if self.locked:
                self._paint_lock(p, w - pad * 2, line1, small_f)
            return
        dot = max(8, round(name_fm.height() * 0.5))
        x = pad * 2
        colour = C_STATUS.get(self.status)
        p.setPen(Qt.PenStyle.NoPen if colour else QPen(C_FAINT, max(1.0, 1.5 * s)))
        p.setBrush(colour if colour else Qt.BrushStyle.NoBrush)
        p.drawEllipse(QRectF(x, line1.y() + (line1.height() - dot) / 2, dot, dot))
        p.setBrush(Qt.BrushStyle.NoBrush)
        x += dot + pad * 2
        clock_w = clock_fm.horizontalAdvance("00:00:00")
        p.setFont(clock_f)
        p.setPen(C_TEXT)
        p.drawText(QRect(w - clock_w - pad * 2, line1.y(), clock_w, line1.height()), _RIGHT, self._clock)
        right = w - clock_w - pad * 5
        status_text = self._status_text()
        status_f = self._font(0.9, bold=self.status == "alarm")
        sw = QFontMetrics(status_f).horizontalAdvance(status_text)
        if status_text and not two_lines:
            p.setFont(status_f)
            p.setPen(C_STATUS[self.status])
            p.drawText(QRect(right - sw, line1.y(), sw, line1.height()), _RIGHT, status_text)
            right -= sw + pad * 3
        if self.locked:
            right = self._paint_lock(p, right, line1, small_f) - pad * 2
        p.setFont(name_f)
        p.setPen(C_TEXT)
        room = max(0, right - x)
        p.drawText(QRect(x, line1.y(), room, line1.height()), _LEFT,
                   name_fm.elidedText(self._name(), Qt.TextElideMode.ElideRight, room))
        if not two_lines:
            return
        # second line: place, then the status in words (colour is not the only cue)
        y2 = line1.bottom() + 1 + pad
        if status_text:
            p.setFont(status_f)
            p.setPen(C_STATUS[self.status])
            p.drawText(QRect(w - sw - pad * 2, y2, sw, small_fm.height()), _RIGHT, status_text)
        place_w = max(0, w - x - sw - pad * 5)
        p.setFont(small_f)
        p.setPen(C_DIM)
        p.drawText(QRect(x, y2, place_w, small_fm.height()), _LEFT,
                   small_fm.elidedText(self.place, Qt.TextElideMode.ElideRight, place_w))

    def _paint_lock(self, p: QPainter, right: int, line: QRect, font: QFont) -> int:
        """The "Locked" badge ending at ``right``; returns its left edge."""
        pad = round(5 * self._scale())
        fm = QFontMetrics(font)
        text = self.tr("Locked")
        lw = fm.horizontalAdvance(text) + pad * 3
        box = QRect(right - lw, line.y() + (line.height() - fm.height() - pad) // 2, lw, fm.height() + pad)
        p.setPen(QPen(C_DIM, 1))
        p.drawRoundedRect(box, 3, 3)
        p.setFont(font)
        p.drawText(box, _CENTER, text)
        return box.left()

    def _paint_footer(self, p: QPainter, footer: int) -> None:
        """The incident this tile is pinned to: id, short description, distance."""
        w, h = self.width(), self.height()
        pad = round(5 * self._scale())
        small_f, id_f = self._font(0.9), self._font(0.9, True)
        small_fm = QFontMetrics(small_f)
        top = h - footer
        p.fillRect(QRect(0, top, w, footer), C_BAR)
        inc = self.incident or {}
        dist = self.tr("{m} m away").format(m=round(self.distance_m)) if self.distance_m is not None else ""
        dw = small_fm.horizontalAdvance(dist)
        p.setFont(small_f)
        p.setPen(C_DIM)
        p.drawText(QRect(w - dw - pad * 2, top, dw, footer), _RIGHT, dist)
        id_text = inc.get("id", "")
        iw = QFontMetrics(id_f).horizontalAdvance(id_text)
        p.setFont(id_f)
        p.setPen(C_AMBER if inc.get("drill") else C_TEXT)
        p.drawText(QRect(pad * 2, top, iw, footer), _LEFT, id_text)
        desc_x = pad * 2 + iw + pad * 2
        desc_w = max(0, w - desc_x - dw - pad * 5)
        p.setFont(small_f)
        p.setPen(C_TEXT)
        p.drawText(QRect(desc_x, top, desc_w, footer), _LEFT,
                   small_fm.elidedText(short_text(inc.get("description", ""), 60), Qt.TextElideMode.ElideRight,
                                       desc_w))

    def _name(self) -> str:
        if self.camera is None:
            return ""
        return self.camera.name_zh if self.language.startswith("zh") else self.camera.name_en

    def _paint_content(self, p: QPainter, r: QRect) -> None:
        state = self._state
        if state == PLAYING:
            img = self.last_image()
            if img is not None:
                size = img.size().scaled(r.size(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRect(r.x() + (r.width() - size.width()) // 2, r.y() + (r.height() - size.height()) // 2,
                               size.width(), size.height())
                p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                p.drawImage(target, img)
            return
        big, small = self._font(1.35, True), self._font(0.95)
        if state == EMPTY:
            self._paint_lines(p, r, [(self.tr("No camera on this tile"), big, C_FAINT),
                                     (self.tr("Right-click to choose a camera"), small, C_FAINT)])
        elif state == PLACEHOLDER:
            self._paint_lines(p, r, [(self.tr("No video stream configured"), big, C_DIM),
                                     (self.camera.id if self.camera else "", small, C_FAINT)], glyph=True)
        elif state == CONNECTING:
            self._paint_lines(p, r, [(self.tr("Connecting…"), big, C_DIM)])
        elif state == IDLE:
            self._paint_lines(p, r, [(self.tr("Paused while not on screen"), small, C_FAINT)])
        elif state == NO_SIGNAL:
            secs = self.player.seconds_to_retry() if self.player else None
            again = (self.tr("Retrying in {s} s (attempt {n})").format(s=secs, n=self.player.attempt + 1)
                     if secs else self.tr("Retrying…"))
            reason = self.player.reason if self.player else ""
            self._paint_lines(p, r, [(self.tr("NO SIGNAL"), self._font(1.9, True), C_AMBER),
                                     (again, self._font(1.05, True), C_AMBER),
                                     (reason, self._font(0.85), C_DIM)])
        elif state == UNAVAILABLE:
            self._paint_lines(p, r, self.unavailable_lines(big, small), glyph=True)

    def unavailable_lines(self, big: QFont | None = None, small: QFont | None = None) -> list[tuple[str, Any, Any]]:
        """What a tile says when video cannot play on this machine: "Video unavailable:" and why."""
        return [(self.tr("Video unavailable:"), big, C_AMBER),
                (optional.why("QtMultimedia") or self.tr("QtMultimedia could not be loaded"), small, C_DIM)]

    def _paint_lines(self, p: QPainter, r: QRect, lines: list[tuple[str, QFont, QColor]],
                     glyph: bool = False) -> None:
        """Centred lines of text (the first is the message; later ones are dropped when the area is
        too low), under a crossed-out camera glyph when asked and when there is room for it."""
        lines = [ln for ln in lines if ln[0]]
        gap = round(4 * self._scale())
        heights = [QFontMetrics(f).height() for _, f, _ in lines]
        room = r.height() - 2 * gap
        while len(lines) > 1 and sum(heights) + gap * (len(lines) - 1) > room:
            lines.pop()
            heights.pop()
        total = sum(heights) + gap * (len(lines) - 1)
        g = self._glyph_size(r) if glyph else 0
        if g and total + g + 3 * gap > room:
            g = 0
        block = total + (g + 3 * gap if g else 0)
        y = r.y() + (r.height() - block) // 2
        if g:
            self._paint_camera_glyph(p, QPoint(r.center().x(), y + g // 2), g)
            y += g + 3 * gap
        for (text, font, colour), hh in zip(lines, heights, strict=True):
            fm = QFontMetrics(font)
            p.setFont(font)
            p.setPen(colour)
            p.drawText(QRect(r.x() + 4, y, r.width() - 8, hh), _CENTER,
                       fm.elidedText(text, Qt.TextElideMode.ElideRight, r.width() - 8))
            y += hh + gap

    def _glyph_size(self, r: QRect) -> int:
        g = min(r.height() // 4, r.width() // 6, round(56 * self._scale()))
        return g if g >= 18 else 0

    def _paint_camera_glyph(self, p: QPainter, centre: QPoint, g: int) -> None:
        """A crossed-out camera outline: no picture, by configuration."""
        cx, cy = centre.x() - g * 0.1, centre.y()
        body = QRectF(cx - g * 0.65, cy - g * 0.4, g * 1.0, g * 0.8)
        lens = QPainterPath()
        lens.moveTo(body.right() + g * 0.05, cy - g * 0.12)
        lens.lineTo(body.right() + g * 0.45, cy - g * 0.35)
        lens.lineTo(body.right() + g * 0.45, cy + g * 0.35)
        lens.lineTo(body.right() + g * 0.05, cy + g * 0.12)
        lens.closeSubpath()
        pen = QPen(C_FAINT, max(2.0, g / 18))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(body, g * 0.1, g * 0.1)
        p.drawPath(lens)
        p.drawLine(QPointF(cx - g * 0.75, cy + g * 0.5), QPointF(cx + g * 0.9, cy - g * 0.5))

    def _paint_drill(self, p: QPainter) -> None:
        w, h = self.width(), self.height()
        diag = math.hypot(w, h)
        font = QFont(self._font(1.0, True))  # a copy: the cached one must keep its size
        font.setPixelSize(max(12, int(min(h * 0.22, diag / 7))))
        fm = QFontMetrics(font)
        p.save()
        p.translate(w / 2, h / 2)
        p.rotate(-math.degrees(math.atan2(h, w)))
        p.setFont(font)
        p.setPen(C_DRILL)
        tw = fm.horizontalAdvance(DRILL_MARK)
        p.drawText(QRectF(-tw / 2 - 10, -fm.height() / 2, tw + 20, fm.height()), _CENTER,
                   DRILL_MARK)
        p.restore()


# --------------------------------------------------------------------------------------------
# The wall


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
        bar = QWidget(objectName="video-toolbar")
        hb = QHBoxLayout(bar)
        hb.setContentsMargins(6, 2, 6, 2)
        self._layout_label = QLabel(self.tr("Layout"))
        self.layout_box = QComboBox(objectName="video-layout")
        for n in LAYOUTS:
            side = math.isqrt(n)
            self.layout_box.addItem("1" if n == 1 else f"{side}×{side}", n)
        self.layout_box.activated.connect(lambda i: self.set_layout(self.layout_box.itemData(i)))
        self.incident_label = QLabel(objectName="video-incident")
        self.incident_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.drill_badge = QLabel(DRILL_MARK, objectName="video-drill")
        self.drill_badge.setStyleSheet("background: #ff8f00; color: black; padding: 2px 10px; border-radius: 4px;"
                                       "font-weight: 700;")
        self.drill_badge.hide()
        hb.addWidget(self._layout_label)
        hb.addWidget(self.layout_box)
        hb.addSpacing(12)
        hb.addWidget(self.incident_label, 1)
        hb.addWidget(self.drill_badge)
        outer.addWidget(bar)
        # said once for the whole wall too: empty tiles would otherwise not tell
        self.unavailable_label = QLabel(objectName="video-unavailable")
        self.unavailable_label.setWordWrap(True)
        if MM is None:
            self.unavailable_label.setText(self.tr("Video unavailable: {reason}").format(
                reason=optional.why("QtMultimedia") or "QtMultimedia"))
        else:
            self.unavailable_label.hide()
        outer.addWidget(self.unavailable_label)
        self.toolbar = bar

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
        self._cameras = {c.id: c for c in map(_camera, cameras)}
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
        cam = _camera(data)
        self._cameras[cam.id] = cam
        for t in self._tiles:
            if t.camera_id == cam.id:
                t.set_camera(cam, self._place(cam))
        if data.get("status") in CAMERA_STATUSES:
            self.set_camera_status(cam.id, str(data["status"]))

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
        cams = [_camera(c) for c in cameras] if cameras is not None else None
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
        tile = self._tiles[index]
        menu = QMenu(self)
        zh = self._language.startswith("zh")
        inc = self._incident
        if inc and inc.get("lat") is not None and inc.get("lon") is not None:
            pool = self._incident_cameras if self._incident_cameras is not None else list(self._cameras.values())
            near = nearest_cameras(pool, float(inc["lat"]), float(inc["lon"]), self._radius)
            sub = menu.addMenu(self.tr("Near incident {id}").format(id=inc.get("id", "")))
            sub.setObjectName("menu-near")
            for cam, dist in near:
                label = self.tr("{name} · {m} m").format(name=cam.name_zh if zh else cam.name_en, m=round(dist))
                self._camera_action(sub, label, index, cam.id, tile.camera_id)
            sub.setEnabled(bool(near))
        choose = menu.addMenu(self.tr("Show camera"))
        choose.setObjectName("menu-cameras")
        groups: dict[str, list[Camera]] = {}
        for cam in sorted(self._cameras.values(), key=lambda c: c.id):
            groups.setdefault(self._street_of(cam), []).append(cam)
        flat = len(groups) <= 1
        for street, cams in sorted(groups.items()):
            target = choose if flat else choose.addMenu(street or self.tr("Other"))
            for cam in cams:
                label = f"{cam.name_zh if zh else cam.name_en}  ({cam.id})"
                self._camera_action(target, label, index, cam.id, tile.camera_id)
        menu.addSeparator()
        unpin = menu.addAction(self.tr("Unpin"))
        unpin.setObjectName("action-unpin")
        unpin.setEnabled(tile.camera is not None)
        unpin.triggered.connect(lambda: self.unpin(self.index_of(tile)))
        lock = menu.addAction(self.tr("Lock (incidents do not replace it)"))
        lock.setObjectName("action-lock")
        lock.setCheckable(True)
        lock.setChecked(tile.locked)
        lock.toggled.connect(lambda on: self.set_locked(self.index_of(tile), on))
        if self._enlarged is None:
            big = menu.addAction(self.tr("Enlarge"))
            big.triggered.connect(lambda: self.enlarge(self.index_of(tile)))
        else:
            big = menu.addAction(self.tr("Back to the wall"))
            big.triggered.connect(self.restore)
        big.setObjectName("action-enlarge")
        retry = menu.addAction(self.tr("Retry now"))
        retry.setObjectName("action-retry")
        retry.setEnabled(tile.state == NO_SIGNAL)
        retry.triggered.connect(tile.retry_now)
        return menu

    def _camera_action(self, menu: QMenu, label: str, index: int, camera_id: str, current: str | None) -> QAction:
        act = menu.addAction(label)
        act.setData(camera_id)
        act.setCheckable(True)
        act.setChecked(camera_id == current)
        tile = self._tiles[index]
        act.triggered.connect(lambda _=False: self.pin(self.index_of(tile), camera_id))
        return act

    def _street_of(self, cam: Camera) -> str:
        cat = self._catalog
        if cat is None:
            return ""
        grid = cat.grids.get(cam.grid)
        street = cat.streets.get(grid.street) if grid else None
        if street is None:
            return ""
        return street.name_zh if self._language.startswith("zh") else street.name_en

    # ---- helpers -----------------------------------------------------------------------------

    def _place(self, cam: Camera) -> str:
        """Street · community · grid code, in the wall's language; coordinates without a catalog."""
        cat = self._catalog
        zh = self._language.startswith("zh")
        if cat is not None:
            code = cam.grid if cam.grid in cat.grids else cat.place_of(cam.lat, cam.lon).grid
            grid = cat.grids.get(code) if code else None
            if grid is not None:
                street, comm = cat.streets.get(grid.street), cat.communities.get(grid.community)
                names = [(x.name_zh if zh else x.name_en) for x in (street, comm) if x is not None]
                return " · ".join([*names, grid.code])
        return f"{cam.lat:.5f}, {cam.lon:.5f}"

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
