"""The debrief PDF (issue 16): a case's — or a drill run's — timeline, then the district's map as
it stood at each key moment (state/debrief.py chose them and gathered the state the hub's log
held then), through the evaluation report's writer (views/handover.py): A4, written beside the
target and moved into place.

The maps are drawn here with QPainter on a QImage from the district's own outlines (the catalog's
rings), not grabbed from the live map's web view: the same drawing headless (``main.py debrief``)
as on a desk, on a worker thread, and every dot placed from the log. ``DebriefJob`` draws and
writes on its own thread (QImage and QPdfWriter are paint devices Qt allows off the GUI thread)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QThread, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPolygonF

from console.models.catalog import Catalog
from console.models.names import local_name
from console.state.debrief import Debrief, Moment

from .handover import ReportError, _num, _Pages, case_names, pdf_writer, write_atomically

SLA_COLOURS = {"green": "#2e9d4f", "blue": "#2e7dd1", "red": "#d62828"}
UNIT_COLOUR, TEAM_COLOUR, FOCUS_COLOUR = "#5b6b7f", "#e67700", "#111111"
MAP_SIZE = (1600, 1000)  # pixels; about 170 mm wide on the page


class DebriefTexts(QObject):
    """The debrief's words, translated on the calling (GUI) thread and handed to the worker."""

    def texts(self) -> dict[str, str]:
        return {
            "title_case": self.tr("Debrief: case {key}"), "title_drill": self.tr("Debrief: drill run {key}"),
            "made": self.tr("Made"), "by": self.tr("by"), "page": self.tr("Page {n}"),
            "cases": self.tr("Cases"), "more_cases": self.tr("… and {n} more cases of the run, not told here"),
            "timeline": self.tr("Timeline"), "moments": self.tr("The center at its key moments"),
            "case": self.tr("Case"), "category": self.tr("Category"), "street": self.tr("Street"),
            "state": self.tr("State"), "reported": self.tr("Reported"), "with": self.tr("With"),
            "time": self.tr("Time"), "step": self.tr("Step"), "actor": self.tr("Who"), "note": self.tr("Note"),
            "green": self.tr("On time"), "blue": self.tr("Nearing its limit"), "red": self.tr("Overdue"),
            "unit": self.tr("Field unit"), "team_unit": self.tr("Unit of the team on the case"),
            "focus": self.tr("This debrief's case"),
            "at_moment": self.tr("{active} active cases, {units} units; the case: {state}, {sla}, with {who}"),
            "not_active": self.tr("{active} active cases, {units} units; the case is not open at this moment"),
            "none": self.tr("—"), "turned_red": self.tr("turned red"),
        }

    def states(self) -> dict[str, str]:
        return {
            "reported": self.tr("Reported"), "accepted": self.tr("Accepted"), "dispatched": self.tr("Dispatched"),
            "acknowledged": self.tr("Acknowledged"), "returned": self.tr("Returned"),
            "escalated": self.tr("Escalated"), "resolved": self.tr("Resolved"), "verified": self.tr("Verified"),
            "closed": self.tr("Closed"), "rejected": self.tr("Rejected"), "merged": self.tr("Merged"),
        }

    def actions(self) -> dict[str, str]:
        return {
            "report": self.tr("reported"), "accept": self.tr("accepted"), "reject": self.tr("rejected"),
            "merge": self.tr("merged"), "dispatch": self.tr("dispatched"), "acknowledge": self.tr("acknowledged"),
            "return": self.tr("returned"), "escalate": self.tr("escalated to a department"),
            "resolve": self.tr("resolved"), "verify_pass": self.tr("check passed"),
            "verify_fail": self.tr("check failed"), "close": self.tr("closed"), "reopen": self.tr("reopened"),
            "note": self.tr("note"), "urge": self.tr("urged"), "callback": self.tr("call-back"),
            "extend": self.tr("more time asked"), "extend_decide": self.tr("more time decided"),
            "rate_department": self.tr("department rated"), "park": self.tr("parked"),
            "unpark": self.tr("unparked"), "import_close": self.tr("closed at its source"),
        }


# ---- the map ------------------------------------------------------------------------------------


class _Projection:
    """Longitude and latitude onto the image: equirectangular about the district's middle (a
    district is a few kilometres across), fitted inside the margins, north up."""

    def __init__(self, rings: Iterable[Iterable[tuple[float, float]]], w: int, h: int, margin: int) -> None:
        pts = [p for r in rings for p in r]
        lons, lats = [p[0] for p in pts], [p[1] for p in pts]
        self.lon0, self.lat0 = min(lons), max(lats)
        self.k = math.cos(math.radians((min(lats) + max(lats)) / 2))
        span_x = max(1e-9, (max(lons) - self.lon0) * self.k)
        span_y = max(1e-9, self.lat0 - min(lats))
        self.scale = min((w - 2 * margin) / span_x, (h - 2 * margin) / span_y)
        self.ox = (w - span_x * self.scale) / 2
        self.oy = (h - span_y * self.scale) / 2

    def __call__(self, lon: float, lat: float) -> QPointF:
        return QPointF(self.ox + (lon - self.lon0) * self.k * self.scale, self.oy + (self.lat0 - lat) * self.scale)


def _ring(proj: _Projection, ring: Iterable[tuple[float, float]]) -> QPolygonF:
    return QPolygonF([proj(lon, lat) for lon, lat in ring])


def _rings(area: Any) -> list[tuple[tuple[float, float], ...]]:
    """Every ring of an area: each polygon's outline and holes, every part of a MultiPolygon (a
    district built from real boundaries has both; the largest outline alone hides them)."""
    return [r for rings in (area.parts or ((area.ring,),)) for r in rings]


def _outline(proj: _Projection, area: Any) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)  # a hole stays a hole
    for r in _rings(area):
        path.addPolygon(_ring(proj, r))
        path.closeSubpath()
    return path


def _font(px: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(["DejaVu Sans", "Noto Sans CJK SC"])
    f.setPixelSize(max(1, int(px)))
    f.setBold(bold)
    return f


def map_image(catalog: Catalog, incidents: list[dict[str, Any]], units: list[dict[str, Any]], *,
              focus: set[str], teams: set[str], language: str, texts: dict[str, str], caption: str = "",
              size: tuple[int, int] = MAP_SIZE) -> QImage:
    """The district with every active case (coloured by its time limit) and every unit where the
    log had them; the debrief's cases ringed and the units of the teams on them in orange."""
    w, h = size
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor("#f7f5ef"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    proj = _Projection(_rings(catalog.district), w, h, margin=40)
    p.setPen(QPen(QColor("#dcdfe4"), 1))
    for g in catalog.grids.values():
        p.drawPath(_outline(proj, g))
    p.setPen(QPen(QColor("#9aa4b2"), 2.5))
    for s in catalog.streets.values():
        p.drawPath(_outline(proj, s))
    p.setPen(QPen(QColor("#44505f"), 4))
    p.drawPath(_outline(proj, catalog.district))
    p.setFont(_font(22))
    p.setPen(QColor("#8a94a3"))
    for s in catalog.streets.values():
        c = proj(s.centroid[1], s.centroid[0])
        p.drawText(QRectF(c.x() - 160, c.y() - 16, 320, 32), Qt.AlignmentFlag.AlignCenter,
                   local_name(s, language, s.code))
    # units under the cases: the cases are what a debrief is about
    for u in units:
        if u.get("lat") is None or u.get("lon") is None:
            continue
        c = proj(u["lon"], u["lat"])
        on_case = u.get("team") in teams
        r = 9 if on_case else 6
        p.setPen(QPen(QColor("white"), 1.5))
        p.setBrush(QColor(TEAM_COLOUR if on_case else UNIT_COLOUR))
        p.drawRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r))
    for inc in sorted(incidents, key=lambda i: i["id"] in focus):  # the debrief's own on top
        if inc.get("lat") is None or inc.get("lon") is None:
            continue
        c = proj(inc["lon"], inc["lat"])
        p.setPen(QPen(QColor("white"), 2))
        p.setBrush(QColor(SLA_COLOURS.get(inc.get("sla") or "", "#888888")))
        p.drawEllipse(c, 10, 10)
        if inc["id"] in focus:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor(FOCUS_COLOUR), 4))
            p.drawEllipse(c, 22, 22)
            p.setFont(_font(24, bold=True))
            p.drawText(QRectF(c.x() + 26, c.y() - 16, 400, 32), Qt.AlignmentFlag.AlignVCenter, inc["id"][-6:])
    _legend(p, texts, w, h)
    if caption:
        p.setFont(_font(30, bold=True))
        box = QRectF(16, 12, w - 32, 44)
        path = QPainterPath()
        path.addRoundedRect(QRectF(12, 10, p.fontMetrics().horizontalAdvance(caption) + 24, 48), 6, 6)
        p.fillPath(path, QColor(255, 255, 255, 220))
        p.setPen(QColor("#111111"))
        p.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, caption)
    p.end()
    return img


def _legend(p: QPainter, t: dict[str, str], w: int, h: int) -> None:
    rows = [("dot", SLA_COLOURS["green"], t["green"]), ("dot", SLA_COLOURS["blue"], t["blue"]),
            ("dot", SLA_COLOURS["red"], t["red"]), ("ring", FOCUS_COLOUR, t["focus"]),
            ("square", UNIT_COLOUR, t["unit"]), ("square", TEAM_COLOUR, t["team_unit"])]
    p.setFont(_font(20))
    fm = p.fontMetrics()
    lh = 30
    bw = 56 + max(fm.horizontalAdvance(r[2]) for r in rows)
    box = QRectF(w - bw - 16, h - lh * len(rows) - 28, bw, lh * len(rows) + 16)
    p.setPen(QPen(QColor("#c8ccd2"), 1))
    p.setBrush(QColor(255, 255, 255, 230))
    p.drawRoundedRect(box, 6, 6)
    for k, (shape, colour, label) in enumerate(rows):
        y = box.top() + 8 + k * lh + lh / 2
        c = QPointF(box.left() + 24, y)
        if shape == "dot":
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(colour))
            p.drawEllipse(c, 9, 9)
        elif shape == "ring":
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor(colour), 3))
            p.drawEllipse(c, 11, 11)
        else:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(colour))
            p.drawRect(QRectF(c.x() - 8, c.y() - 8, 16, 16))
        p.setPen(QColor("#222222"))
        p.drawText(QRectF(box.left() + 44, y - lh / 2, bw - 48, lh), Qt.AlignmentFlag.AlignVCenter, label)


# ---- the pages ----------------------------------------------------------------------------------


# the stage an action leads to in the plain course: not said again after the action's name
PLAIN = {"report": "reported", "accept": "accepted", "dispatch": "dispatched", "acknowledge": "acknowledged",
         "resolve": "resolved", "close": "closed", "reject": "rejected", "merge": "merged", "return": "returned",
         "escalate": "escalated", "verify_pass": "verified"}


def step_text(step: dict[str, Any], action_names: dict[str, str], state_names: dict[str, str],
              t: dict[str, str]) -> str:
    """A timeline step in words: its action, and the stage it led to when that is not the plain
    one (a failed check sends the case back to ``dispatched``; a reopen, a department's acknowledge)."""
    action = step.get("action") or ""
    if action == "sla":
        return t["turned_red"] if str(step.get("note") or "").endswith("→red") else (step.get("note") or "")
    name = action_names.get(action, action)
    to = step.get("to")
    if to and step.get("from") != to and PLAIN.get(action) != to:
        return f"{name} → {state_names.get(to, to)}"
    return name


def moment_images(d: Debrief, catalog: Catalog, *, language: str, tz: Any, texts: dict[str, str],
                  action_names: dict[str, str], state_names: dict[str, str]) -> list[QImage]:
    teams = {c.get("assignee") for c in d.cases if c.get("assignee_kind") != "department"} - {None}
    out = []
    for m in d.moments:
        caption = m.at.astimezone(tz).strftime("%H:%M:%S")  # the details are in the title above it
        out.append(map_image(catalog, m.incidents, m.units, focus=d.focus, teams=teams, language=language,
                             texts=texts, caption=caption))
    return out


def write_debrief(d: Debrief, path: Path | str, *, catalog: Catalog, language: str, texts: dict[str, str],
                  action_names: dict[str, str], state_names: dict[str, str],
                  progress: Callable[[int], None] = lambda _p: None) -> Path:
    """The debrief in ``path`` (A4); ``progress`` gets 0–100. Raises ReportError naming the file."""
    return write_atomically(path, lambda tmp: _lay_out(d, tmp, catalog, language, texts, action_names,
                                                       state_names, progress), progress)


def _lay_out(d: Debrief, tmp: str, catalog: Catalog, language: str, t: dict[str, str],
             action_names: dict[str, str], state_names: dict[str, str], progress: Callable[[int], None]) -> None:
    tz = catalog.calendar.tz
    title = (t["title_case"] if d.kind == "case" else t["title_drill"]).format(key=d.key)
    writer, painter = pdf_writer(tmp, title)
    n = case_names(catalog, language, t["none"])

    def when(s: str | datetime | None, fmt: str = "%Y-%m-%d %H:%M:%S") -> str:
        if not s:
            return t["none"]
        at = s if isinstance(s, datetime) else datetime.fromisoformat(s.replace("Z", "+00:00"))
        return at.astimezone(tz).strftime(fmt)

    try:
        pg = _Pages(painter, writer, t, title)
        pg.text(title, 20, bold=True)
        pg.text(f"{t['made']}: {when(d.made_at, '%Y-%m-%d %H:%M')}" + (f" {t['by']} {d.user}" if d.user else "")
                + (f" · {d.hub}" if d.hub else "") + f"  ({tz})", 9, colour="#555555")
        pg.heading(t["cases"])
        pg.table([t["case"], t["category"], t["street"], t["state"], t["reported"], t["with"]],
                 [[c["id"], n["cat"](c), n["street"](c), state_names.get(c.get("state") or "", c.get("state") or ""),
                   when(c.get("reported_at"), "%m-%d %H:%M"), n["who"](c)] for c in d.cases],
                 [21, 16, 16, 10, 14, 23], numeric_from=99)
        if d.more_cases:
            pg.text(t["more_cases"].format(n=_num(d.more_cases)), 9)
        progress(10)
        pg.heading(t["timeline"])
        several = len(d.cases) > 1
        keys = {id(m.step) for m in d.moments}
        rows, colours = [], {}
        for r, s in enumerate(d.steps):
            rows.append([when(s["at"], "%m-%d %H:%M:%S")] + ([s["incident"][-6:]] if several else [])
                        + [step_text(s, action_names, state_names, t), s.get("actor") or "", s.get("note") or ""])
            if id(s) in keys:  # a key moment: its map follows
                colours[(r, 0)] = "#2e7dd1"
            if s.get("action") == "sla" and str(s.get("note") or "").endswith("→red"):
                colours[(r, 1 + several)] = SLA_COLOURS["red"]
        pg.table([t["time"]] + ([t["case"]] if several else []) + [t["step"], t["actor"], t["note"]], rows,
                 [15] + ([8] if several else []) + [26, 12, 39], colours, numeric_from=99)
        progress(30)
        images = moment_images(d, catalog, language=language, tz=tz, texts=t, action_names=action_names,
                               state_names=state_names)
        if images:
            pg.room(pg.height * 0.4 + pg.line_h(14) * 4)
            pg.heading(t["moments"])
        for k, (m, img) in enumerate(zip(d.moments, images, strict=True)):
            pg.image(f"{k + 1}. {when(m.at)} · {m.step['incident']} · "
                     f"{step_text(m.step, action_names, state_names, t)}", img, pg.height * 0.4)
            pg.text(_moment_line(m, d, t, state_names, n["who"]), 9, colour="#333333")
            progress(30 + int(70 * (k + 1) / len(images)))
    finally:
        painter.end()


def _moment_line(m: Moment, d: Debrief, t: dict[str, str], state_names: dict[str, str],
                 who: Callable[[dict[str, Any]], str]) -> str:
    mine = next((i for i in m.incidents if i["id"] == m.step["incident"]), None)
    if mine is None:
        return t["not_active"].format(active=len(m.incidents), units=len(m.units))
    return t["at_moment"].format(active=len(m.incidents), units=len(m.units),
                                 state=state_names.get(mine.get("state") or "", mine.get("state") or ""),
                                 sla=t.get(mine.get("sla") or "", mine.get("sla") or ""), who=who(mine))


class DebriefJob(QThread):
    """Draws the maps and writes the debrief on its own thread; ``progressed`` 0–100, then
    ``written`` or ``failed``."""

    progressed = Signal(int)
    written = Signal(str)
    failed = Signal(str)

    def __init__(self, d: Debrief, path: Path | str, *, catalog: Catalog, language: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.d, self.path, self.catalog, self.language = d, Path(path), catalog, language
        words = DebriefTexts()  # translated here, on the GUI thread
        self.texts, self.action_names, self.state_names = words.texts(), words.actions(), words.states()

    def run(self) -> None:
        try:
            write_debrief(self.d, self.path, catalog=self.catalog, language=self.language, texts=self.texts,
                          action_names=self.action_names, state_names=self.state_names,
                          progress=self.progressed.emit)
        except ReportError as e:
            self.failed.emit(str(e))
        except Exception as e:  # noqa: BLE001 — said in the view, never a crash of the console
            self.failed.emit(f"{self.path}: {type(e).__name__}: {e}")
        else:
            self.written.emit(str(self.path))


class DebriefRunner(QObject):
    """A window's debriefs, one at a time: the plan asked through the bridge (state/debrief.py),
    then a DebriefJob. ``progress`` and ``finished`` carry what the status bar says."""

    progress = Signal(str)
    finished = Signal(str)

    def __init__(self, bridge: Any, catalog: Catalog, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.catalog, self.language = bridge, catalog, language
        self.job: Any = None  # "asking" while the hub is asked, then the DebriefJob

    def ask(self, parent: Any, kind: str, key: str, write: Callable[[str, str, str], Any]) -> None:
        """Where to? (a save dialog over ``parent``), then ``write(kind, key, path)``."""
        from PySide6.QtWidgets import QFileDialog

        if not key:
            return
        name = f"debrief-{key.replace('/', '-')}.pdf"
        path, _ = QFileDialog.getSaveFileName(parent, self.tr("Debrief"), name, self.tr("PDF (*.pdf)"))
        if path:
            write(kind, key, path)

    def write(self, kind: str, key: str, path: str, *, user: str = "") -> bool:
        from console.state import debrief

        if self.job is not None:
            self.finished.emit(self.tr("A debrief is being written already."))
            return False
        target = Path(path)
        if target.suffix.lower() != ".pdf" or not target.parent.is_dir():
            why = (self.tr("the file must end in .pdf") if target.suffix.lower() != ".pdf"
                   else self.tr("the folder {folder} does not exist").format(folder=str(target.parent)))
            self.finished.emit(self.tr("Debrief not written: {why}").format(why=f"{path}: {why}"))
            return False
        self.job = "asking"
        self.progress.emit(self.tr("Gathering the debrief of {key} from the hub's log…").format(key=key))
        plan = debrief.gather(case=key if kind == "case" else None, drill_run=key if kind != "case" else None,
                              user=user, hub=getattr(self.bridge, "url", "") or "")
        debrief.drive(plan, self.bridge.run, lambda d: self._write(d, target),
                      lambda why: self._done(self.tr("Debrief not written: {why}").format(why=why)))
        return True

    def _write(self, d: Debrief, target: Path) -> None:
        job = DebriefJob(d, target, catalog=self.catalog, language=self.language, parent=self)
        job.progressed.connect(lambda p: self.progress.emit(self.tr("Writing the debrief: {p} %").format(p=p)))
        job.written.connect(lambda path: self._done(self.tr("Debrief written to {path}").format(path=path)))
        job.failed.connect(lambda why: self._done(self.tr("Debrief not written: {why}").format(why=why)))
        self.job = job
        job.start()

    def _done(self, text: str) -> None:
        job, self.job = self.job, None
        if job is not None and job != "asking":  # the thread has finished its run: reap it
            job.wait()
            job.deleteLater()
        self.finished.emit(text)


__all__ = ["DebriefJob", "DebriefRunner", "DebriefTexts", "map_image", "moment_images", "step_text", "write_debrief"]
