"""The queue's delegate: paints each cell with one model call and cached text layouts."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QFontMetricsF, QPainter, QPalette, QPen, QStaticText
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QTableView,
)

from .proxy import IncidentFilterProxy

SortRole = Qt.ItemDataRole.UserRole + 1
MARK_OPEN, MARK_ACTING = "#26c6da", "#ffb020"  # a case open at another desk; someone there acting on it

_ST_ENABLED = QStyle.StateFlag.State_Enabled.value
_ST_ACTIVE = QStyle.StateFlag.State_Active.value
_ST_SELECTED = QStyle.StateFlag.State_Selected.value
_ST_FOCUS = QStyle.StateFlag.State_HasFocus.value
_NORMAL, _INACTIVE, _DISABLED = QPalette.ColorGroup.Normal, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled


class QueueItemDelegate(QStyledItemDelegate):
    """Paints the queue's cells as ``QStyledItemDelegate`` does, for a fraction of the cost.

    The stock delegate asks the Python model for ~10 roles per cell through ``multiData`` and
    shapes and elides every text on every repaint (~40 ms for a 1920×1080 table). This one makes
    one Python call per cell (``IncidentTableModel.cell`` through the proxy's row mapping), keeps
    each elided text as a laid-out ``QStaticText`` (per text and width, bounded, dropped when the
    view's font changes) and draws the same things the style would: the SLA background and text
    colour, the palette's Highlight/HighlightedText when selected, Text otherwise, text
    left-aligned (the deadline right-aligned) and vertically centred inside the style's text
    margin, elided with the view's elide mode, the style's focus frame on the current cell. The
    row background (Base, AlternateBase) is left to the view as before. Other models, and
    ``sizeHint``/tooltips/editing, go through the stock delegate and ``data()``.
    """

    CACHE_SIZE = 10_000  # laid-out texts kept at most; the countdown makes new ones every minute
    # Texts not painted for a minute or two are let go: two generations, the older dropped each
    # minute, so a shift's stream of new texts (countdowns, new cases) does not pile up to the cap
    # (the 30-minute soak saw ~160 more a minute, a console's memory creeping up for an hour).
    GENERATION_S = 60.0

    def __init__(self, view: QTableView, proxy: IncidentFilterProxy) -> None:
        super().__init__(view)
        self._view = view
        self._proxy = proxy
        self._font: QFont | None = None
        self._text_h = 0
        self._margin = 0
        self._elide = Qt.TextElideMode.ElideRight
        self._fm: QFontMetrics | None = None
        self._texts: dict[tuple[str, int], tuple[QStaticText, float]] = {}
        self._older: dict[tuple[str, int], tuple[QStaticText, float]] = {}  # the last generation's
        self._generation_at = time.monotonic()
        self._colours: dict[int, tuple[QBrush, QColor, QColor]] = {}
        self._set_font = True
        view.viewport().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._begin_paint()  # once per repaint, not per cell: font, margin, elide mode, palette
        return False

    def _begin_paint(self) -> None:
        view = self._view
        font = view.font()
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        elide = view.textElideMode()
        if font != self._font or margin != self._margin or elide != self._elide:
            self._font = font
            self._fm = QFontMetrics(font)
            self._text_h = int(QFontMetricsF(font).height())  # as the style's text layout rounds it
            self._margin = margin
            self._elide = elide
            self._texts.clear()
            self._older.clear()
        now = time.monotonic()
        if now - self._generation_at >= self.GENERATION_S:
            self._older, self._texts = self._texts, {}
            self._generation_at = now
        self._colours = {}
        self._set_font = True

    def _laid_out(self, text: str, width: int) -> tuple[QStaticText, float]:
        """The text elided to width, laid out once: (static text, its width)."""
        key = (text, width)
        hit = self._texts.get(key)
        if hit is not None:
            return hit
        texts = self._texts
        hit = self._older.get(key)
        if hit is not None:  # still painted: into this generation
            texts[key] = hit
            return hit
        if len(texts) >= self.CACHE_SIZE:
            for k in list(texts)[: self.CACHE_SIZE // 4]:  # oldest quarter out
                del texts[k]
        fm = self._fm
        assert fm is not None
        shown = fm.elidedText(text, self._elide, width) if fm.horizontalAdvance(text) > width else text
        st = QStaticText(shown)
        st.setTextFormat(Qt.TextFormat.PlainText)
        assert self._font is not None
        st.prepare(font=self._font)
        hit = texts[key] = (st, st.size().width())
        return hit

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        proxy = self._proxy
        if index.model() is not proxy or proxy._src is None:
            super().paint(painter, option, index)
            return
        if self._font is None:
            self._begin_paint()
        row = proxy._holes.cur(proxy._order[index.row()])
        text, bg, fg, right = proxy._src.cell(row, index.column())
        state = option.state.value
        group = state & (_ST_ENABLED | _ST_ACTIVE)
        colours = self._colours.get(group)
        if colours is None:
            cg = _DISABLED if not group & _ST_ENABLED else _NORMAL if group & _ST_ACTIVE else _INACTIVE
            pal = option.palette
            colours = self._colours[group] = (pal.brush(cg, QPalette.ColorRole.Highlight),
                                              pal.color(cg, QPalette.ColorRole.HighlightedText),
                                              pal.color(cg, QPalette.ColorRole.Text))
        rect = option.rect
        if state & _ST_SELECTED:
            painter.fillRect(rect, colours[0])
            pen = colours[1]
        else:
            if bg is not None:
                painter.fillRect(rect, bg)
            pen = colours[2] if fg is None else fg
        if text:
            m = self._margin
            avail = rect.width() - 2 * m
            if avail > 0:
                st, w = self._laid_out(text, avail)
                x = rect.x() + m + (avail - w if right else 0)
                if self._set_font:  # once per repaint: the painter keeps it between cells
                    painter.setFont(self._font)
                    self._set_font = False
                painter.setPen(pen)
                painter.drawStaticText(QPointF(x, rect.y() + (rect.height() - self._text_h) // 2), st)
        if index.column() == 0 and proxy._src._marks:
            mark = proxy._src.mark(row)
            if mark is not None:  # someone else has the case open (issue 17): a dot at the cell's end
                self._draw_mark(painter, rect, mark[0])
        if state & _ST_FOCUS:
            self._draw_focus(painter, option, state)

    def _draw_mark(self, painter: QPainter, rect: Any, acting: bool) -> None:
        """Cyan: open at another desk; amber: someone there is acting on it."""
        d = max(6, self._text_h // 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#102030"), 1))
        painter.setBrush(QColor(MARK_ACTING if acting else MARK_OPEN))
        painter.drawEllipse(rect.right() - d - self._margin - 1, rect.y() + (rect.height() - d) // 2, d, d)
        painter.restore()

    def _draw_focus(self, painter: QPainter, option: QStyleOptionViewItem, state: int) -> None:
        # As QCommonStyle's CE_ItemViewItem does for the current cell.
        view = self._view
        style = view.style()
        o = QStyleOptionFocusRect()
        o.rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemFocusRect, option, view)
        o.state = option.state | QStyle.StateFlag.State_KeyboardFocusChange | QStyle.StateFlag.State_Item
        o.direction = option.direction
        o.palette = option.palette
        o.fontMetrics = option.fontMetrics
        cg = _NORMAL if state & _ST_ENABLED else _DISABLED
        o.backgroundColor = option.palette.color(
            cg, QPalette.ColorRole.Highlight if state & _ST_SELECTED else QPalette.ColorRole.Window)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, o, painter, view)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        # Row heights are fixed (the vertical header's default section size).
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), self._view.verticalHeader().defaultSectionSize())
