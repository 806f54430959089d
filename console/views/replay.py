"""The replay bar (issue 16): one slider over a span of a shift, play and pause, speed ×1 to
×3600, a step to the next or the previous stored event, and *Back to live*. It drives the
console's one state from history (console/state/replay.py), so every panel shows that moment;
the bar itself is the amber "REPLAY hh:mm:ss" band across the top of the window, and while it
shows the incident panel's commands are held."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSlider, QStyle, QStyleOptionSlider, QWidget

from console.state import ops
from console.state.replay import Replay

TICK_MS = 100  # how often playing moves the replay clock on
SPEEDS = (1, 10, 60, 600, 3600)


MARK_COLOURS = {"new": "#d0d7e2", "urgent": "#ff5a4f", "red": "#ff5a4f", "escalated": "#7fd3ff"}
ABOVE = ("new", "urgent")  # above the groove: cases reported; below: what went wrong with them


class MarkedSlider(QSlider):
    """The span's slider with the shift's marks (``query.marks``): above its groove a tick for each
    case reported (grey) or urgent one (red, taller); below it a tick for each case that turned red
    (red) and each escalation to a department (light blue), where it falls in the span."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.marks: list[tuple[float, str]] = []  # (0..1 along the span, kind)
        self.setMinimumHeight(40)  # room for urgent ticks to stand taller than the grey ones

    def set_marks(self, marks: list[tuple[float, str]]) -> None:
        self.marks = marks
        self.update()

    def paintEvent(self, e: Any) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(e)
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        style = self.style()
        groove = style.subControlRect(QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderGroove, self)
        handle = style.subControlRect(QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, self)
        p = QPainter(self)
        # the moment shown: an amber playhead the height of the slider, under the marks; the
        # theme's dark handle alone is lost on the dark groove
        p.fillRect(handle.center().x() - 2, 0, 5, self.height(), QColor("#ffb020"))
        p.setPen(QPen(QColor("white"), 1))
        p.drawRect(handle.center().x() - 3, 0, 6, self.height() - 1)
        mid = groove.center().y()
        # along the handle's own track, so a tick at the moment shown sits under the playhead
        left, track = groove.left() + handle.width() // 2, max(1, groove.width() - handle.width())
        for kind in ("new", "urgent", "red", "escalated"):  # urgent over the grey ones
            p.setPen(QPen(QColor(MARK_COLOURS[kind]), 2))
            if kind in ABOVE:
                top = 0 if kind == "urgent" else max(0, mid - 14)
                ends = (top, max(top + 2, mid - 5))
            else:
                ends = (mid + 5, min(self.height() - 1, mid + 14))
            for where, k in self.marks:
                if k == kind:
                    x = int(left + where * track)
                    p.drawLine(x, ends[0], x, ends[1])
        p.end()


class ReplayBar(QWidget):
    left = Signal()  # back to live

    def __init__(self, state: Any, ask: Any, tz: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replay-bar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#replay-bar { background: #8a5a00; } #replay-bar QLabel { color: white; "
                           "background: transparent; font-weight: 800; font-size: 20px; padding: 0 10px 0 4px; }")
        self.state, self.tz = state, tz
        self.replay = Replay(state, ask)
        self.since: datetime | None = None
        self.until: datetime | None = None
        self.band = QLabel(objectName="replay-band")
        self.slider = MarkedSlider(Qt.Orientation.Horizontal, objectName="replay-slider")
        self.ask = ask
        self.play_button = QPushButton(objectName="replay-play", checkable=True)
        self.speed = QComboBox(objectName="replay-speed")
        for s in SPEEDS:
            self.speed.addItem(f"×{s}", s)
        self.speed.setCurrentIndex(SPEEDS.index(60))
        self.back_button = QPushButton("◀|", objectName="replay-back")
        self.next_button = QPushButton("|▶", objectName="replay-next")
        self.live_button = QPushButton(objectName="replay-live")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        for w in (self.band, self.back_button, self.play_button, self.next_button, self.speed):
            lay.addWidget(w)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.live_button)
        self._timer = QTimer(self, interval=TICK_MS, timeout=self._tick)
        self.slider.sliderReleased.connect(self._released)
        self.play_button.toggled.connect(self._play)
        self.back_button.clicked.connect(lambda: self.replay.step(-1))
        self.next_button.clicked.connect(lambda: self.replay.step(1))
        self.live_button.clicked.connect(self.leave)
        self.replay.moved.connect(self._moved)
        self.replay.failed.connect(lambda why: self.band.setText(self.tr("REPLAY: {why}").format(why=why)))
        self.retranslate()
        self.hide()

    # ---- in and out ----------------------------------------------------------------------------

    def start(self, since: datetime, until: datetime) -> None:
        """Replay [since, until], starting at ``since``."""
        self.since, self.until = since, until
        self.slider.setRange(0, max(1, int((until - since).total_seconds())))
        self.slider.setValue(0)
        self.state.set_replaying(True)
        self.show()
        self.replay.seek(since)
        self.slider.set_marks([])
        self.ask(ops.marks(since=since.isoformat(), until=until.isoformat()), on_success=self._marks)

    def _marks(self, res: dict[str, Any]) -> None:
        """The span's marks (the newest 2,000) as ticks on the slider."""
        if self.since is None or self.until is None:
            return
        span = (self.until - self.since).total_seconds() or 1.0
        marks = []
        for m in res.get("marks") or ():
            where = (datetime.fromisoformat(m["at"].replace("Z", "+00:00")) - self.since).total_seconds() / span
            marks.append((min(1.0, max(0.0, where)), m["kind"]))
        self.slider.set_marks(marks)

    def leave(self) -> None:
        """Back to live: the bridge hands the state the live state and the events held meanwhile
        (``HubBridge.live_again``), then ends the replay."""
        self._timer.stop()
        self.play_button.setChecked(False)
        self.hide()
        self.left.emit()

    def seek(self, when: datetime) -> None:
        self.replay.seek(when)

    # ---- moving --------------------------------------------------------------------------------

    def _released(self) -> None:
        if self.since is not None:
            self.replay.seek(self.since + timedelta(seconds=self.slider.value()))

    def _play(self, on: bool) -> None:
        if on:
            self._timer.start()
        else:
            self._timer.stop()
        self.retranslate()

    def _tick(self) -> None:
        if self.replay.busy or self.replay.at is None or self.until is None:
            return
        at = self.replay.at + timedelta(seconds=self.speed.currentData() * TICK_MS / 1000)
        if at >= self.until:
            at = self.until
            self.play_button.setChecked(False)
        self.replay.advance_to(at)

    def _moved(self, _seq: Any, at: datetime | None) -> None:
        if at is None or self.since is None:
            return
        self.band.setText(self.tr("REPLAY {time}").format(time=at.astimezone(self.tz).strftime("%H:%M:%S")))
        if not self.slider.isSliderDown():
            self.slider.blockSignals(True)
            self.slider.setValue(int((at - self.since).total_seconds()))
            self.slider.blockSignals(False)

    def retranslate(self) -> None:
        self.play_button.setText(self.tr("Pause") if self.play_button.isChecked() else self.tr("Play"))
        self.live_button.setText(self.tr("Back to live"))
        self.back_button.setToolTip(self.tr("The state just before the event shown"))
        self.next_button.setToolTip(self.tr("The next stored event"))
        self.speed.setToolTip(self.tr("Replay speed"))
        self.slider.setToolTip(self.tr("Above the line: cases reported (red: urgent). Below it: cases that "
                                       "turned red, and escalations to a department (blue)."))
