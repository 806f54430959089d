"""What a wall screen is made of: panels with their title, data age and drill watermark, the
street board, the screen itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.models.catalog import Catalog
from console.models.names import local_name
from console.state import ConsoleState

from ..dashboard import Counters
from ..widgets import TickerLabel


class Watermark(QWidget):
    """The diagonal "演练 DRILL" over a panel (mouse events pass through)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.hide()

    def paintEvent(self, _e: Any) -> None:  # noqa: N802 (Qt's name)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        f = QFont(self.font())
        f.setPixelSize(max(40, min(self.width(), self.height()) // 6))
        f.setBold(True)
        p.setFont(f)
        p.setPen(QColor(195, 140, 255, 110))
        p.translate(self.width() / 2, self.height() / 2)
        p.rotate(-24)
        box = QRect(-self.width(), -self.height() // 2, 2 * self.width(), self.height())
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, "演练 DRILL")
        p.end()


class WallPanel(QWidget):
    """One panel of a wall screen: a title, the age of its data, the content, a drill watermark."""

    def __init__(self, title: str, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wall-panel")
        self.content = content
        v = QVBoxLayout(self)
        v.setContentsMargins(6, 4, 6, 6)
        v.setSpacing(2)
        head = QHBoxLayout()
        self.title = QLabel(title, objectName="wall-title")
        self.age = TickerLabel("数据时间 00:00:00 (00000 s)", object_name="age", align=Qt.AlignmentFlag.AlignRight)
        head.addWidget(self.title, 1)
        head.addWidget(self.age)
        v.addLayout(head)
        v.addWidget(content, 1)
        self.watermark = Watermark(self)

    def resizeEvent(self, e: Any) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(e)
        self.watermark.setGeometry(self.rect())
        self.watermark.raise_()

    def set_drill(self, on: bool) -> None:
        self.watermark.setVisible(on)
        if on:
            self.watermark.raise_()


class StreetBoard(QTableWidget):
    """Per street: active, urgent, nearing the limit, overdue: which street needs a call."""

    def __init__(self, catalog: Catalog, language: str) -> None:
        super().__init__(0, 5)
        self.catalog = catalog
        self.language = language
        self.setHorizontalHeaderLabels([self.tr("Street"), self.tr("Active"), self.tr("Urgent"),
                                        self.tr("Nearing limit"), self.tr("Overdue")])
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.horizontalHeader().setStretchLastSection(True)
        self.setColumnWidth(0, 320)

    def update_counts(self, state: ConsoleState) -> None:
        streets = sorted(self.catalog.streets.values(), key=lambda s: s.code)
        counts = state.street_counts(s.code for s in streets)
        order = sorted(streets, key=lambda s: (-counts[s.code][3], -counts[s.code][0], s.code))
        self.setRowCount(len(order))
        for r, s in enumerate(order):
            name = local_name(s, self.language)
            cells = [name, *(str(n) for n in counts[s.code])]
            for col, text in enumerate(cells):
                item = self.item(r, col)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(r, col, item)
                if item.text() != text:
                    item.setText(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            red = counts[s.code][3] > 0
            self.item(r, 4).setForeground(QColor("#ff4d4f") if red else self.palette().text().color())


class UrgentBanner(QFrame):
    """The urgent switch on a screen: the incident on show, and in a strip at its side the urgent
    incidents queued after it (hidden while none is)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urgent-banner")
        h = QHBoxLayout(self)
        h.setContentsMargins(0, 0, 0, 0)
        h.setSpacing(0)
        self.label = QLabel(objectName="urgent-text")
        self.label.setWordWrap(True)
        self.strip = QLabel(objectName="urgent-next")
        self.strip.setWordWrap(True)
        self.strip.hide()
        h.addWidget(self.label, 3)
        h.addWidget(self.strip, 2)
        self.hide()

    def show_incident(self, text: str, upcoming: str = "") -> None:
        """``text`` names the incident on show; ``upcoming`` (empty: none) what is queued."""
        self.label.setText(text)
        self.strip.setText(upcoming)
        self.strip.setVisible(bool(upcoming))
        self.show()

    def clear(self) -> None:
        self.label.clear()
        self.strip.clear()
        self.strip.hide()
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def upcoming(self) -> str:
        return self.strip.text()


# Large type for a wall read from 4 m: set on each screen, so a desk console's own look is untouched.
WALL_STYLE = """
#wall-title { font-size: 44px; font-weight: 700; }
#age { font-size: 40px; font-weight: 600; }
#count-active, #count-urgent, #count-blue, #count-red { font-size: 130px; font-weight: 800; }
#count-title { font-size: 40px; }
#offline-banner { font-size: 48px; padding: 18px; }
#urgent-banner, #urgent-text, #urgent-next { background: #b3261e; color: white; }
#urgent-text { font-size: 52px; font-weight: 800; padding: 18px; }
#urgent-next { font-size: 38px; font-weight: 700; color: #ffe08a; padding: 18px; border-left: 4px solid white; }
QTableView { font-size: 32px; }
QHeaderView::section { font-size: 30px; padding: 10px; }
QComboBox, QLineEdit, QLabel { font-size: 28px; }
"""


class WallScreen(QWidget):
    """One screen of a preset: its panels stacked (counters on top, the rest below), under the
    offline banner and the urgent switch's banner."""

    closing = Signal()

    def __init__(self, index: int, panels: list[WallPanel]) -> None:
        super().__init__()
        self.setObjectName("wall-screen")
        self.setStyleSheet(WALL_STYLE)
        self.index = index
        self.panels = panels
        self.setWindowTitle(self.tr("Wall display — screen {n}").format(n=index + 1))
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        v.setSpacing(4)
        self.banner = QLabel(objectName="offline-banner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)
        self.banner.hide()
        v.addWidget(self.banner)
        self.urgent = UrgentBanner()
        v.addWidget(self.urgent)
        for p in panels:
            v.addWidget(p, 0 if isinstance(p.content, Counters) else 1)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.close)

    def closeEvent(self, e: Any) -> None:  # noqa: N802 (Qt's name)
        self.closing.emit()
        super().closeEvent(e)
