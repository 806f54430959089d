"""The shift-handover report as a PDF (issue 15), through Qt's own PDF writer: the period, the
counts, the standard rates for all cases, by department and by street, the charts as images, the
overdue and parked cases with their reasons and the cases with a department. A4, printable.

``HandoverJob`` lays the pages out on a worker thread (QPainter on a QPdfWriter is one of the
paint devices Qt allows off the GUI thread); the GUI thread only hands it the data, the texts
(translated on the GUI thread) and the chart images, and shows its progress. The file is written
beside the target and moved into place: a failure never leaves a partial PDF."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF, Qt, QThread, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from console.models.catalog import Catalog
from console.models.export import publish
from console.models.names import local_name
from console.state.handover import LIST_LIMIT, Handover

DPI = 300
GRADE_COLOURS = {"A": "#1b7f3b", "B": "#2e7dd1", "C": "#b7791f", "D": "#d9480f", "E": "#c62828"}
# the rate columns of the tables: (row key, text key)
RATE_COLUMNS = (("grade", "grade"), ("composite", "score"), ("reported", "reported"), ("closed", "closed"),
                ("closure_rate", "closure"), ("on_time_closure_rate", "on_time"), ("rework_rate", "rework"),
                ("accurate_dispatch_rate", "accurate"), ("satisfaction_rate", "satisfied"))
PCT = {"closure_rate", "on_time_closure_rate", "rework_rate", "accurate_dispatch_rate", "satisfaction_rate"}


class ReportError(Exception):
    """What stopped the report, in one line naming the file."""


class HandoverTexts(QObject):
    """The report's words, translated on the calling (GUI) thread and handed to the worker."""

    def texts(self) -> dict[str, str]:
        return {
            "title": self.tr("Shift handover report"), "period": self.tr("Period"), "made": self.tr("Made"),
            "by": self.tr("by"), "page": self.tr("Page {n}"),
            "counts": self.tr("Counts"), "rates": self.tr("Standard rates (all cases)"),
            "reported": self.tr("Reported"), "accepted": self.tr("Accepted"), "rejected": self.tr("Rejected"),
            "dispatched": self.tr("Dispatched"), "returned": self.tr("Returned"), "reworks": self.tr("Reworks"),
            "closed": self.tr("Closed"), "closed_on_time": self.tr("Closed on time"),
            "extensions": self.tr("More time asked"), "parked": self.tr("Parked"), "urged": self.tr("Urged"),
            "escalations": self.tr("Escalations"), "overdue_now": self.tr("Overdue now"),
            "parked_now": self.tr("Parked now"),
            "closure": self.tr("Closure"), "on_time": self.tr("On-time closure"), "rework": self.tr("Rework rate"),
            "accurate": self.tr("Accurate dispatch"), "satisfied": self.tr("Satisfied"),
            "response": self.tr("Hotline response"), "resolution": self.tr("Hotline resolution"),
            "hotline_satisfied": self.tr("Hotline satisfied"), "score": self.tr("Score"), "grade": self.tr("Grade"),
            "name": self.tr("Name"), "by_department": self.tr("By department"), "by_street": self.tr("By street"),
            "charts": self.tr("Charts"), "no_cases": self.tr("No cases in this period."),
            "overdue_list": self.tr("Overdue cases (open now)"), "parked_list": self.tr("Parked cases (open now)"),
            "escalated_list": self.tr("Cases with a department (open now)"),
            "case": self.tr("Case"), "category": self.tr("Category"), "street": self.tr("Street"),
            "state": self.tr("State"), "deadline": self.tr("Due"), "assignee": self.tr("With"),
            "since": self.tr("Since"), "reason": self.tr("Reason"), "none": self.tr("None."),
            "more": self.tr("… and {n} more"), "all": self.tr("All cases"), "unassigned": self.tr("(none)"),
            "two_way": self.tr("Two-way assessment of departments"), "signed": self.tr("Signed on time"),
            "handled": self.tr("Handled on time"), "street_stars": self.tr("Street's stars"),
            "st_reported": self.tr("Reported"), "st_accepted": self.tr("Accepted"),
            "st_dispatched": self.tr("Dispatched"), "st_acknowledged": self.tr("Acknowledged"),
            "st_returned": self.tr("Returned"), "st_escalated": self.tr("Escalated"),
            "st_resolved": self.tr("Resolved"), "st_verified": self.tr("Verified"),
        }


class _Pages:
    """A cursor down A4 pages: headings, key figures, tables (their header again on a new page),
    images; a new page when the next thing does not fit."""

    def __init__(self, painter: QPainter, writer: QPdfWriter, texts: dict[str, str], footer: str) -> None:
        self.p, self.w, self.t, self.footer = painter, writer, texts, footer
        rect = writer.pageLayout().paintRectPixels(DPI)
        self.width, self.height = rect.width(), rect.height()
        self.y = 0.0
        self.page = 1
        self.mm = DPI / 25.4
        self._footer()

    def font(self, pt: float, bold: bool = False) -> QFont:
        f = QFont()
        # Latin and figures from a TrueType face: Qt's PDF writer maps the CFF glyphs of Noto CJK
        # back to wrong characters, so the figures would copy (and search) as garbage; Chinese
        # falls back to Noto Sans CJK
        f.setFamilies(["DejaVu Sans", "Noto Sans CJK SC"])
        f.setPointSizeF(pt)
        f.setBold(bold)
        self.p.setFont(f)
        return f

    def line_h(self, pt: float) -> float:
        return pt / 72 * DPI * 1.45

    def room(self, h: float) -> None:
        if self.y + h > self.height - 12 * self.mm:
            self.w.newPage()
            self.page += 1
            self.y = 0.0
            self._footer()

    def _footer(self) -> None:
        self.font(8)
        self.p.setPen(QColor("#555555"))
        r = QRectF(0, self.height - 8 * self.mm, self.width, 8 * self.mm)
        self.p.drawText(r, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, self.footer)
        self.p.drawText(r, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                        self.t["page"].format(n=self.page))
        self.p.setPen(QColor("black"))

    def text(self, s: str, pt: float = 10, bold: bool = False, colour: str = "black", gap: float = 0.0) -> None:
        h = self.line_h(pt)
        self.room(h + gap)
        self.y += gap
        self.font(pt, bold)
        self.p.setPen(QColor(colour))
        self.p.drawText(QRectF(0, self.y, self.width, h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                        s)
        self.p.setPen(QColor("black"))
        self.y += h

    def heading(self, s: str) -> None:
        self.room(self.line_h(14) * 3)  # never a heading alone at a page's foot
        self.text(s, 14, bold=True, gap=4 * self.mm)
        self.p.setPen(QPen(QColor("#2e7dd1"), 0.6 * self.mm))
        self.p.drawLine(0, int(self.y), int(self.width), int(self.y))
        self.p.setPen(QColor("black"))
        self.y += 2 * self.mm

    def figures(self, items: list[tuple[str, str]]) -> None:
        """Key figures in boxes, four to a row: the number large, its name under it."""
        per_row, gap = 4, 3 * self.mm
        w = (self.width - gap * (per_row - 1)) / per_row
        h = 22 * self.mm
        for k, (label, value) in enumerate(items):
            col = k % per_row
            if col == 0:
                self.room(h + gap)
                if k:
                    self.y += h + gap
            x = col * (w + gap)
            box = QRectF(x, self.y, w, h)
            self.p.setPen(QPen(QColor("#bbbbbb"), 0.3 * self.mm))
            self.p.setBrush(QColor("#f4f6f9"))
            self.p.drawRoundedRect(box, 2 * self.mm, 2 * self.mm)
            self.p.setBrush(Qt.BrushStyle.NoBrush)
            self.p.setPen(QColor("black"))
            self.font(18, bold=True)
            self.p.drawText(QRectF(x, self.y + 1 * self.mm, w, h * 0.6), Qt.AlignmentFlag.AlignCenter, value)
            self.font(9)
            self.p.setPen(QColor("#333333"))
            self.p.drawText(QRectF(x, self.y + h * 0.58, w, h * 0.38), Qt.AlignmentFlag.AlignCenter, label)
            self.p.setPen(QColor("black"))
        if items:
            self.y += h + gap

    def table(self, headers: list[str], rows: list[list[str]], widths: list[float],
              colours: dict[tuple[int, int], str] | None = None, numeric_from: int = 1) -> None:
        colours = colours or {}
        total = sum(widths)
        xs = [0.0]
        for wd in widths:
            xs.append(xs[-1] + wd / total * self.width)
        pt = 8.5
        h = self.line_h(pt) * 1.1
        pad = 1.2 * self.mm

        def row(cells: list[str], bold: bool, shade: str | None, r: int) -> None:
            lines = 2 if bold else 1  # a header may take two lines rather than lose its words
            rh = h * lines
            if shade:
                self.p.fillRect(QRectF(0, self.y, self.width, rh), QColor(shade))
            self.font(pt - 1 if bold else pt, bold)  # headers a point smaller: whole words in narrow columns
            for c, cell in enumerate(cells):
                self.p.setPen(QColor(colours.get((r, c), "black")))
                right = c >= numeric_from
                align = (Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft) | (
                    Qt.AlignmentFlag.AlignBottom if bold else Qt.AlignmentFlag.AlignVCenter)
                rect = QRectF(xs[c] + pad, self.y, xs[c + 1] - xs[c] - 2 * pad, rh)
                if bold:
                    self.p.drawText(rect, align | Qt.TextFlag.TextWordWrap, cell)
                else:
                    elided = self.p.fontMetrics().elidedText(cell, Qt.TextElideMode.ElideRight, int(rect.width()))
                    self.p.drawText(rect, align, elided)
            self.p.setPen(QColor("black"))
            self.y += rh

        def header() -> None:
            row(headers, True, "#dde5f0", -1)

        self.room(h * 4)
        header()
        for r, cells in enumerate(rows):
            if self.y + h > self.height - 12 * self.mm:
                self.room(self.height)  # a new page, and the header again
                header()
            row(cells, False, "#f6f6f6" if r % 2 else None, r)
        self.y += 2 * self.mm

    def image(self, title: str, img: QImage, height: float) -> None:
        self.room(height + self.line_h(10) + 3 * self.mm)
        self.text(title, 10, bold=True, gap=2 * self.mm)
        scaled = QSizeF(img.width(), img.height()).scaled(QSizeF(self.width, height),
                                                          Qt.AspectRatioMode.KeepAspectRatio)
        self.p.drawImage(QRectF(0, self.y, scaled.width(), scaled.height()), img)
        self.y += scaled.height() + 2 * self.mm


def case_names(catalog: Catalog, language: str, none: str = "") -> dict[str, Callable[[dict[str, Any]], str]]:
    """A case's category, street and assignee in the report's language (``none``: no assignee)."""
    def cat(i: dict[str, Any]) -> str:
        c = catalog.categories.get(i.get("category") or "")
        return local_name(c, language, i.get("category") or "") if c else (i.get("category") or "")

    def street(i: dict[str, Any]) -> str:
        s = catalog.streets.get(i.get("street") or "")
        return local_name(s, language, i.get("street") or "") if s else (i.get("street") or "")

    def who(i: dict[str, Any]) -> str:
        a = i.get("assignee") or ""
        table = catalog.departments if i.get("assignee_kind") == "department" else catalog.teams
        return local_name(table.get(a), language, a) if a in table else (a or none)

    return {"cat": cat, "street": street, "who": who}


def _pct(v: Any) -> str:
    return "—" if v is None else f"{v:.1f} %"


def _num(v: Any) -> str:
    return "—" if v is None else (f"{v:.1f}" if isinstance(v, float) else str(v))


def write_pdf(h: Handover, path: Path, *, catalog: Catalog, language: str, texts: dict[str, str],
              charts: list[tuple[str, QImage]], progress: Callable[[int], None] = lambda _p: None) -> Path:
    """Lay the report out in ``path`` (A4 pages); ``progress`` gets 0–100. Raises ReportError."""
    return write_atomically(path, lambda tmp: _lay_out(h, tmp, catalog, language, texts, charts, progress),
                            progress)


def write_atomically(path: Path | str, lay_out: Callable[[str], None],
                     progress: Callable[[int], None] = lambda _p: None) -> Path:
    """``lay_out(tmp)`` writes the PDF beside ``path``, then it is moved into place: a failure
    never leaves a partial file. Raises ReportError naming the file."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise ReportError(f"{path}: the file must end in .pdf")
    if not path.parent.is_dir():
        raise ReportError(f"{path}: the folder {path.parent} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".pdf", dir=path.parent)
    except OSError as e:
        raise ReportError(f"cannot write {path}: {e.strerror}") from None
    os.close(fd)
    try:
        lay_out(tmp)
        publish(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    progress(100)
    return path


def pdf_writer(tmp: str, title: str) -> tuple[QPdfWriter, QPainter]:
    """An A4 portrait writer at DPI with 15 mm margins, and a painter begun on it."""
    writer = QPdfWriter(tmp)
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("command-console")
    painter = QPainter()
    if not painter.begin(writer):
        raise ReportError(f"cannot write {tmp}: the PDF writer did not start")
    return writer, painter


def _lay_out(h: Handover, tmp: str, catalog: Catalog, language: str, t: dict[str, str],
             charts: list[tuple[str, QImage]], progress: Callable[[int], None]) -> None:
    tz = catalog.calendar.tz
    writer, painter = pdf_writer(tmp, t["title"])
    try:
        def when(d: datetime | None) -> str:
            return d.astimezone(tz).strftime("%Y-%m-%d %H:%M") if d else "—"

        district = local_name(catalog.district, language, "") if getattr(catalog, "district", None) else ""
        footer = f"{t['title']} · {when(h.since)} – {when(h.until)}"
        pg = _Pages(painter, writer, t, footer)
        pg.text(t["title"] + (f" · {district}" if district else ""), 20, bold=True)
        pg.text(f"{t['period']}: {when(h.since)} – {when(h.until)}  ({tz})", 11)
        pg.text(f"{t['made']}: {when(h.made_at)}" + (f" {t['by']} {h.user}" if h.user else "")
                + (f" · {h.hub}" if h.hub else ""), 9, colour="#555555")
        progress(5)
        tot = h.totals or {}
        pg.heading(t["counts"])
        pg.figures([(t[k], _num(tot.get(k, 0))) for k in (
            "reported", "accepted", "closed", "closed_on_time", "dispatched", "returned", "reworks", "rejected",
            "extensions", "parked", "urged")]
            + [(t["escalations"], _num(h.series.get("escalated", 0))), (t["overdue_now"], str(len(h.overdue))),
               (t["parked_now"], str(len(h.parked)))])
        pg.heading(t["rates"])
        rates = (("closure", "closure_rate"), ("on_time", "on_time_closure_rate"), ("rework", "rework_rate"),
                 ("accurate", "accurate_dispatch_rate"), ("satisfied", "satisfaction_rate"),
                 ("response", "response_rate"), ("resolution", "resolution_rate"),
                 ("hotline_satisfied", "hotline_satisfaction_rate"))
        score = f"{_num(tot.get('composite'))} {tot.get('grade') or ''}".strip()
        pg.figures([(t[tk], _pct(tot.get(k))) for tk, k in rates] + [(f"{t['score']} / {t['grade']}", score)])
        progress(15)
        for title, rows in ((t["by_department"], h.departments), (t["by_street"], h.streets)):
            pg.heading(title)
            if not rows:
                pg.text(t["no_cases"], 10)
                continue
            cells, colours = [], {}
            for r, row in enumerate(rows):
                name = row.get("name_en") if language == "en" else row.get("name")
                name = t["unassigned"] if row.get("key") == "-" else (name or str(row.get("key")))
                cells.append([name] + [_pct(row.get(k)) if k in PCT else _num(row.get(k)) for k, _tk in RATE_COLUMNS])
                if row.get("grade") in GRADE_COLOURS:
                    colours[(r, 1)] = GRADE_COLOURS[row["grade"]]
            pg.table([t["name"]] + [t[tk] for _k, tk in RATE_COLUMNS], cells,
                     [21, 7, 7, 9, 8, 9, 9, 8, 10, 10], colours)
        two_way = [r for r in h.departments if r.get("escalated")]
        if two_way:  # Huangpu's two ways: the department's timeliness and the calling street's stars
            pg.heading(t["two_way"])
            pg.table([t["name"], t["escalations"], t["signed"], t["handled"], t["street_stars"], t["score"]],
                     [[(r.get("name_en") if language == "en" else r.get("name")) or str(r.get("key")),
                       _num(r.get("escalated")), _pct(r.get("timely_signoff_rate")),
                       _pct(r.get("timely_handling_rate")), _num(r.get("street_rating")), _num(r.get("two_way_score"))]
                      for r in two_way],
                     [34, 12, 14, 14, 14, 12])
        progress(30)
        if charts:
            pg.room(pg.height * 0.36 + pg.line_h(14) * 4)  # the heading on the page of its first chart
            pg.heading(t["charts"])
            for k, (title, img) in enumerate(charts):
                pg.image(title, img, pg.height * 0.36)
                progress(30 + int(40 * (k + 1) / len(charts)))

        names = case_names(catalog, language)
        cat, place, who = names["cat"], names["street"], names["who"]

        def state(i: dict[str, Any]) -> str:
            return t.get(f"st_{i.get('state')}", i.get("state") or "")

        def when_iso(s: str | None) -> str:
            return when(datetime.fromisoformat(s)) if s else "—"

        lists = (
            (t["overdue_list"], h.overdue, [t["case"], t["category"], t["street"], t["state"], t["deadline"],
                                            t["assignee"]], [22, 22, 16, 11, 14, 20],
             lambda i: [i["id"], cat(i), place(i), state(i), when_iso(i.get("deadline")), who(i)]),
            (t["parked_list"], h.parked, [t["case"], t["category"], t["since"], t["reason"]], [22, 22, 14, 42],
             lambda i: [i["id"], cat(i), when_iso(i.get("parked_since")), i.get("parked_reason") or "—"]),
            (t["escalated_list"], h.escalated, [t["case"], t["category"], t["street"], t["state"], t["assignee"]],
             [22, 22, 16, 12, 28], lambda i: [i["id"], cat(i), place(i), state(i), who(i)]),
        )
        for n, (title, items, headers, widths, cells) in enumerate(lists):
            pg.heading(f"{title}: {len(items)}")
            if not items:
                pg.text(t["none"], 10)
            else:
                pg.table(headers, [cells(i) for i in items[:LIST_LIMIT]], widths, numeric_from=99)
                if len(items) > LIST_LIMIT:
                    pg.text(t["more"].format(n=len(items) - LIST_LIMIT), 9)
            progress(70 + 10 * (n + 1))
    finally:
        painter.end()


def chart_images(h: Handover, *, language: str, tz: Any, width: int = 760) -> list[tuple[str, QImage]]:
    """The report's charts (on-time closure by department, intake and closure, time in each
    stage, overdue), drawn on the GUI thread by the Evaluation view's own chart widgets."""
    from PySide6.QtCore import QSize

    from .eval_charts import NumbersCharts, bar_labels

    # drawn small and scaled up on the page: the axes' type comes out at about 8 pt (a larger
    # tick font would not fit the axes pyqtgraph laid out, and it drops labels that do not fit)
    charts = NumbersCharts(ink="#222222")
    try:
        shown = [r for r in h.departments if r.get("on_time_closure_rate") is not None][:12]
        names = [(r.get("name_en") if language == "en" else r.get("name")) or str(r.get("key")) for r in shown]
        room = max(5, min(14, 96 // max(1, len(shown))))  # letters under each bar: fewer, the more bars
        charts.show_groups(bar_labels(names, language, room=room), [r["on_time_closure_rate"] for r in shown])
        if h.series:
            charts.show_series(h.series, tz)
        return charts.images(QSize(width, width * 9 // 20))
    finally:
        charts.deleteLater()


class HandoverJob(QThread):
    """Writes the report on its own thread; ``progressed`` 0–100, then ``written`` or ``failed``."""

    progressed = Signal(int)
    written = Signal(str)
    failed = Signal(str)

    def __init__(self, h: Handover, path: Path, *, catalog: Catalog, language: str,
                 charts: list[tuple[str, QImage]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.h, self.path, self.catalog, self.language, self.charts = h, Path(path), catalog, language, charts
        self.texts = HandoverTexts().texts()  # translated here, on the GUI thread

    def run(self) -> None:
        try:
            write_pdf(self.h, self.path, catalog=self.catalog, language=self.language, texts=self.texts,
                      charts=self.charts, progress=self.progressed.emit)
        except ReportError as e:
            self.failed.emit(str(e))
        except Exception as e:  # noqa: BLE001 — said in the view, never a crash of the console
            self.failed.emit(f"{self.path}: {type(e).__name__}: {e}")
        else:
            self.written.emit(str(self.path))


__all__ = ["HandoverJob", "HandoverTexts", "ReportError", "chart_images", "pdf_writer", "write_atomically",
           "write_pdf"]
