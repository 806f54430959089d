"""What a camera tile paints with: the wall's colours (a dark surface in either theme, pictures
framed in black), text alignments, the crossed-out camera glyph and the drill watermark."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen

DRILL_MARK = "演练 DRILL"  # bilingual on purpose, the same in every language (as on every drill screen)

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
ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)


def paint_camera_glyph(p: QPainter, centre: QPoint, g: int) -> None:
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


def paint_drill(p: QPainter, w: int, h: int, base: QFont) -> None:
    """The diagonal drill watermark across a ``w``×``h`` tile."""
    diag = math.hypot(w, h)
    font = QFont(base)  # a copy: the caller's (cached) font must keep its size
    font.setPixelSize(max(12, int(min(h * 0.22, diag / 7))))
    fm = QFontMetrics(font)
    p.save()
    p.translate(w / 2, h / 2)
    p.rotate(-math.degrees(math.atan2(h, w)))
    p.setFont(font)
    p.setPen(C_DRILL)
    tw = fm.horizontalAdvance(DRILL_MARK)
    p.drawText(QRectF(-tw / 2 - 10, -fm.height() / 2, tw + 20, fm.height()), ALIGN_CENTER,
               DRILL_MARK)
    p.restore()
