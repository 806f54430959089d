"""One camera tile, painted by hand (header, place, status, clock, picture, incident caption):
ticking clocks and new frames never re-lay out the window."""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDrag,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QSizePolicy,
    QWidget,
)

from console.models.cameras import short_text
from console.models.catalog import Camera
from console.models.names import local_name

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QVideoFrame

from .. import optional
from . import player
from .paint import (
    ALIGN_CENTER,
    ALIGN_LEFT,
    ALIGN_RIGHT,
    C_AMBER,
    C_BAR,
    C_BORDER,
    C_CURRENT,
    C_DIM,
    C_FAINT,
    C_STATUS,
    C_TEXT,
    C_TILE,
    C_VIDEO,
    paint_camera_glyph,
    paint_drill,
)
from .player import (
    CONNECTING,
    EMPTY,
    IDLE,
    NO_SIGNAL,
    PLACEHOLDER,
    PLAYING,
    UNAVAILABLE,
    StreamPlayer,
    StreamPolicy,
    safe_url,
)

LARGE_SCALE = 1.8  # type size in wall-display mode (read from about 4 m)
TILE_MIME = "application/x-command-console-tile"


def _num(x: float) -> str:
    return f"{x:g}"


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
            if camera is not None and camera.stream_url and player.MM is not None:
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
        elif player.MM is None:
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
            paint_drill(p, self.width(), self.height(), self._font(1.0, True))
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
        p.drawText(QRect(w - clock_w - pad * 2, line1.y(), clock_w, line1.height()), ALIGN_RIGHT, self._clock)
        right = w - clock_w - pad * 5
        status_text = self._status_text()
        status_f = self._font(0.9, bold=self.status == "alarm")
        sw = QFontMetrics(status_f).horizontalAdvance(status_text)
        if status_text and not two_lines:
            p.setFont(status_f)
            p.setPen(C_STATUS[self.status])
            p.drawText(QRect(right - sw, line1.y(), sw, line1.height()), ALIGN_RIGHT, status_text)
            right -= sw + pad * 3
        if self.locked:
            right = self._paint_lock(p, right, line1, small_f) - pad * 2
        p.setFont(name_f)
        p.setPen(C_TEXT)
        room = max(0, right - x)
        p.drawText(QRect(x, line1.y(), room, line1.height()), ALIGN_LEFT,
                   name_fm.elidedText(self._name(), Qt.TextElideMode.ElideRight, room))
        if not two_lines:
            return
        # second line: place, then the status in words (colour is not the only cue)
        y2 = line1.bottom() + 1 + pad
        if status_text:
            p.setFont(status_f)
            p.setPen(C_STATUS[self.status])
            p.drawText(QRect(w - sw - pad * 2, y2, sw, small_fm.height()), ALIGN_RIGHT, status_text)
        place_w = max(0, w - x - sw - pad * 5)
        p.setFont(small_f)
        p.setPen(C_DIM)
        p.drawText(QRect(x, y2, place_w, small_fm.height()), ALIGN_LEFT,
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
        p.drawText(box, ALIGN_CENTER, text)
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
        p.drawText(QRect(w - dw - pad * 2, top, dw, footer), ALIGN_RIGHT, dist)
        id_text = inc.get("id", "")
        iw = QFontMetrics(id_f).horizontalAdvance(id_text)
        p.setFont(id_f)
        p.setPen(C_AMBER if inc.get("drill") else C_TEXT)
        p.drawText(QRect(pad * 2, top, iw, footer), ALIGN_LEFT, id_text)
        desc_x = pad * 2 + iw + pad * 2
        desc_w = max(0, w - desc_x - dw - pad * 5)
        p.setFont(small_f)
        p.setPen(C_TEXT)
        p.drawText(QRect(desc_x, top, desc_w, footer), ALIGN_LEFT,
                   small_fm.elidedText(short_text(inc.get("description", ""), 60), Qt.TextElideMode.ElideRight,
                                       desc_w))

    def _name(self) -> str:
        if self.camera is None:
            return ""
        return local_name(self.camera, self.language)

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
            paint_camera_glyph(p, QPoint(r.center().x(), y + g // 2), g)
            y += g + 3 * gap
        for (text, font, colour), hh in zip(lines, heights, strict=True):
            fm = QFontMetrics(font)
            p.setFont(font)
            p.setPen(colour)
            p.drawText(QRect(r.x() + 4, y, r.width() - 8, hh), ALIGN_CENTER,
                       fm.elidedText(text, Qt.TextElideMode.ElideRight, r.width() - 8))
            y += hh + gap

    def _glyph_size(self, r: QRect) -> int:
        g = min(r.height() // 4, r.width() // 6, round(56 * self._scale()))
        return g if g >= 18 else 0
