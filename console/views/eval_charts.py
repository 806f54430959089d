"""The Evaluation view's charts (issue 15), one tab each: on-time closure per group against the
target line, intake and closure per bucket, the time spent in each stage, and the cases overdue
over time. Each series is one persistent pyqtgraph item fed by setData/setOpts, so a refresh
never rebuilds a plot. ``images()`` renders every chart for the handover report (on the GUI
thread; the report is then laid out off it). pyqtgraph is imported when the charts are first made:
a console's cold start does not pay for a tab nobody opened."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QTabWidget, QWidget

TARGET = 90.0  # the on-time closure a center aims for (the line)
# the time-in-stage bins, fastest first: green to red
BIN_COLOURS = ("#1b7f3b", "#58a55c", "#2e7dd1", "#b7791f", "#d9480f", "#c62828")
INTAKE, CLOSURE, OVERDUE = "#2e7dd1", "#1b7f3b", "#c62828"


def bar_labels(names: list[str], language: str, *, room: int = 9) -> list[str]:
    """Names short enough to sit under their bars and still tell them apart. English: the words
    most of the names share (the district's, the city's, "Bureau") dropped, then the first words
    that fit in ``room`` letters. Chinese: the leading place names (朝阳区, 长春市) dropped, then
    the characters that fit (one counts two letters)."""
    import re
    from collections import Counter

    if language == "en":
        words = [[w.strip(",.") for w in n.split() if w.strip(",.")] for n in names]
        seen = Counter(w for ws in words for w in set(ws))
        common = {w for w, c in seen.items() if len(names) >= 3 and c >= 0.4 * len(names)} | (
            set(words[0]) & set.intersection(*map(set, words)) if len(names) == 2 else set())
        out = []
        for ws in words:
            rest, label = [w for w in ws if w not in common] or ws, ""
            for word in rest:
                if label and len(label) + 1 + len(word) > room:
                    break
                label = f"{label} {word}".strip()
            out.append(label if len(label) <= room else label[: room - 1] + "…")
        return out
    place = re.compile(r"^[\u4e00-\u9fff]{1,3}?[省市区县]")
    out = []
    for n in names:
        short = n
        while place.match(short) and len(place.sub("", short, count=1)) >= 2:
            short = place.sub("", short, count=1)
        out.append(short[: max(2, room // 2)])
    return out


def stage_names(tr: Any) -> dict[str, str]:
    return {"reported": tr("Reported"), "accepted": tr("Accepted"), "dispatched": tr("Dispatched"),
            "acknowledged": tr("Acknowledged"), "returned": tr("Returned"), "escalated": tr("Escalated"),
            "resolved": tr("Resolved"), "verified": tr("Verified")}


class NumbersCharts(QTabWidget):
    def __init__(self, *, scale: float = 1.0, ink: str | None = None, parent: QWidget | None = None) -> None:
        """``scale`` enlarges the axes' type (the wall preset, the report); ``ink`` draws axes,
        labels and titles in that colour (the report's charts, on white paper)."""
        super().__init__(parent)
        self.setObjectName("eval-charts")
        import pyqtgraph as pg

        self._pg = pg
        self.scale, self.ink = scale, ink
        self.series: dict[str, Any] = {}
        self.group_names: list[str] = []

        def plot(name: str) -> Any:
            p = pg.PlotWidget(objectName=f"eval-chart-{name}")
            p.setBackground(None)
            p.showGrid(y=True, alpha=0.25)
            p.setMenuEnabled(False)
            p.setMouseEnabled(x=False, y=False)
            p.hideButtons()
            if scale != 1.0:  # the wall preset: axis labels readable from across the room
                font = p.font()
                font.setPointSizeF(font.pointSizeF() * scale)
                for side in ("left", "bottom"):
                    p.getAxis(side).setStyle(tickFont=font)
            if ink:
                for side in ("left", "bottom"):
                    p.getAxis(side).setPen(ink)
                    p.getAxis(side).setTextPen(ink)
            return p

        self.on_time = plot("on-time")
        self.on_time.setYRange(0, 100)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush="#2e7dd1")
        self.on_time.addItem(self.bars)
        self.target = pg.InfiniteLine(pos=TARGET, angle=0,
                                      pen=pg.mkPen("#c62828", width=2 * scale, style=Qt.PenStyle.DashLine))
        self.on_time.addItem(self.target)

        self.flow = plot("flow")
        line, dot = 3 * scale, 6 * scale  # a wall's lines as bold as its type
        self.flow_legend = self.flow.addLegend(offset=(10, 10), labelTextColor=ink, labelTextSize=self._pt(9))
        self.intake = self.flow.plot([], [], pen=pg.mkPen(INTAKE, width=line), symbol="o", symbolSize=dot,
                                     symbolBrush=INTAKE, name="intake")
        self.closure = self.flow.plot([], [], pen=pg.mkPen(CLOSURE, width=line), symbol="s", symbolSize=dot,
                                      symbolBrush=CLOSURE, name="closure")

        self.stages = plot("stages")
        self.stage_legend = self.stages.addLegend(offset=(-10, 10), labelTextColor=ink, labelTextSize=self._pt(9),
                                                  colCount=3)
        self.stages.setYRange(0, 125)  # the legend's rows sit above the 100 % bars
        self.stages.getAxis("left").setTicks([[(v, f"{v} %") for v in (0, 25, 50, 75, 100)]])
        self.stage_bars = [pg.BarGraphItem(x=[], height=[], y0=[], width=0.7, brush=c, pen=None)
                           for c in BIN_COLOURS]
        for b in self.stage_bars:
            self.stages.addItem(b)

        self.overdue = plot("overdue")
        self.overdue_line = self.overdue.plot([], [], pen=pg.mkPen(OVERDUE, width=line), fillLevel=0,
                                              brush=(198, 40, 40, 60))
        for w in (self.on_time, self.flow, self.stages, self.overdue):
            self.addTab(w, "")
        self.retranslate()

    def _pt(self, pt: float) -> str:
        return f"{pt * self.scale:.0f}pt"

    # ---- feeding -------------------------------------------------------------------------------

    def show_groups(self, names: list[str], rates: list[float]) -> None:
        """On-time closure per group (the groups already ranked, at most a dozen)."""
        self.bars.setOpts(x=list(range(len(rates))), height=rates, width=0.6)
        self.on_time.getAxis("bottom").setTicks([list(enumerate(names))])
        self.on_time.setXRange(-0.6, max(len(rates), 1) - 0.4, padding=0)

    def show_series(self, series: dict[str, Any], tz: Any) -> None:
        """A ``query.series`` answer: intake and closure, the stages, the overdue line."""
        self.series = series
        starts = [datetime.fromisoformat(s).astimezone(tz) for s in series.get("buckets") or []]
        xs = list(range(len(starts)))
        self.intake.setData(xs, series.get("reported") or [])
        self.closure.setData(xs, series.get("closed") or [])
        # the overdue count is at each bucket's end
        self.overdue_line.setData([x + 1 for x in xs], series.get("overdue") or [])
        fmt = "%H:%M" if (series.get("bucket_s") or 3600) < 86400 and len(starts) <= 48 else "%m-%d"
        step = max(1, len(starts) // 8)
        ticks = [(x, starts[x].strftime(fmt)) for x in xs[::step]]
        self.flow.getAxis("bottom").setTicks([ticks])
        self.overdue.getAxis("bottom").setTicks([[(x + 1, s) for x, s in ticks]])
        for p in (self.flow, self.overdue):
            p.setXRange(-0.5, max(len(xs), 1) + 0.5, padding=0)
        names = stage_names(self.tr)
        stages = [s for s in series.get("stages") or [] if s.get("count")]
        xs = list(range(len(stages)))
        bottom = [0.0] * len(stages)
        for k, item in enumerate(self.stage_bars):
            share = [100.0 * s["bins"][k] / s["count"] for s in stages]
            item.setOpts(x=xs, height=share, y0=list(bottom), width=0.7)
            bottom = [b + h for b, h in zip(bottom, share, strict=True)]
        self.stages.getAxis("bottom").setTicks([[(x, names.get(s["stage"], s["stage"])) for x, s in zip(
            xs, stages, strict=True)]])
        self.stages.setXRange(-0.6, max(len(stages), 1) - 0.4, padding=0)

    def images(self, size: QSize) -> list[tuple[str, QImage]]:
        """Every chart drawn at ``size`` (title, image) — for the handover report. Drawn from the
        plot's scene, so a chart in a hidden tab (or a window never shown) is drawn all the same."""
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QColor, QPainter
        from PySide6.QtWidgets import QApplication

        def draw(w: Any) -> QImage:
            img = QImage(size, QImage.Format.Format_ARGB32)
            img.fill(QColor("white"))
            p = QPainter(img)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            w.scene().render(p, QRectF(img.rect()), w.getPlotItem().sceneBoundingRect())
            p.end()
            return img

        out = []
        for k in range(self.count()):
            w = self.widget(k)
            w.resize(size)  # lays the plot out at the report's size; the tab lays it out again when shown
            w.getPlotItem().resize(size.width(), size.height())
            w.getPlotItem().layout.setContentsMargins(6, 6, 10, 14)  # room for the labels' descenders
            # the axes find how much room their labels need while painting and ask for it then (a
            # label that does not fit is dropped): paint once, let the layout follow, paint again
            draw(w)
            QApplication.processEvents()
            out.append((self.tabText(k), draw(w)))
        return out

    # ---- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setTabText(0, self.tr("On-time closure"))
        self.setTabText(1, self.tr("Intake and closure"))
        self.setTabText(2, self.tr("Time in each stage"))
        self.setTabText(3, self.tr("Overdue"))
        style = {"size": self._pt(12 if self.scale > 1 else 11), **({"color": self.ink} if self.ink else {})}
        self.on_time.setTitle(self.tr("On-time closure by group (line: {target} % target)").format(
            target=int(TARGET)), **style)
        self.flow.setTitle(self.tr("Cases reported and closed"), **style)
        self.stages.setTitle(self.tr("Time spent in each stage (share of cases)"), **style)
        self.overdue.setTitle(self.tr("Cases overdue"), **style)
        self.flow_legend.clear()
        self.flow_legend.addItem(self.intake, self.tr("Reported"))
        self.flow_legend.addItem(self.closure, self.tr("Closed"))
        self.stage_legend.clear()
        for item, label in zip(self.stage_bars, (self.tr("≤ 15 min"), self.tr("15–60 min"), self.tr("1–4 h"),
                                                 self.tr("4–24 h"), self.tr("1–3 days"), self.tr("> 3 days")),
                               strict=True):
            self.stage_legend.addItem(item, label)
