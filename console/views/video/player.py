"""One stream into a QVideoSink: the tile states, the retry policy, and the player that
detects no signal and retries with backoff. QtMultimedia is optional (``MM``)."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QObject,
    QTimer,
    QUrl,
    Signal,
)

from console.models.cameras import (
    RETRY_BASE_S,
    RETRY_CAP_S,
    retry_delay_s,
)
from console.models.catalog import Camera

from .. import optional

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink


log = logging.getLogger(__name__)

# QtMultimedia is optional: without it (no libpulse0, say) every tile with a stream says
# "video unavailable" and why, and the rest of the console works.
MM = optional.load("QtMultimedia")

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


@dataclass(frozen=True, slots=True)
class StreamPolicy:
    """How a tile treats its stream (docs/VIDEO.md). Tests shorten the times."""

    retry_base_s: float = RETRY_BASE_S  # first wait after a failure; doubles per failure
    retry_cap_s: float = RETRY_CAP_S  # longest wait
    connect_timeout_s: float = 15.0  # no first frame within this: no signal
    stall_s: float = 8.0  # no new frame within this while playing: no signal
    max_fps: float = 12.0  # repaints per second per tile, whatever the stream's rate


def camera_of(c: Camera | Mapping[str, Any]) -> Camera:
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
