"""Small widgets shared by the views."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

STALE_AFTER_S = 30  # data turns amber after this, red after 4×; offline: amber at once, red after this


def age_level(age_s: float, online: bool) -> str:
    """How a data-age label is shown: "fresh", "amber" or "red" (the `level` style property)."""
    if not online:
        return "red" if age_s >= STALE_AFTER_S else "amber"
    return "fresh" if age_s < STALE_AFTER_S else ("amber" if age_s < 4 * STALE_AFTER_S else "red")


def set_level(widget: QWidget, level: str) -> None:
    """Set the `level` style property and re-apply the style sheet when it changes."""
    if widget.property("level") != level:
        widget.setProperty("level", level)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class TickerLabel(QWidget):
    """Text that changes often (counts, clocks, data age). Setting it only repaints this widget:
    a QLabel whose text changes asks for a new geometry, and in a QMainWindow with docks that
    re-lays out the whole window (measured ~35 ms at 1920×1080, once per event batch)."""

    def __init__(self, sample: str, *, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
                 object_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self._text = ""
        self._sample = sample
        self._align = align
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self._sample) + 16, fm.height() + 10)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def setText(self, text: str) -> None:  # noqa: N802 (QLabel's name, so callers need not care)
        if text != self._text:
            self._text = text
            self.update()

    def text(self) -> str:
        return self._text

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        p.setFont(self.font())
        p.drawText(self.rect().adjusted(6, 0, -6, 0), int(self._align | Qt.AlignmentFlag.AlignVCenter), self._text)


class DistrictBanner(QLabel):
    """An amber band under the offline banner while the hub serves another district than this
    console's catalog (``--catalog``): its map, grids and names would be another place's."""

    def __init__(self, window: Any) -> None:
        super().__init__(objectName="district-banner")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hide()
        self.catalog, self.language = window.catalog, window.language
        window.menuWidget().layout().insertWidget(2, self)  # under the menu and the offline banner
        window.bridge.snapshot.connect(self.on_snapshot)

    def on_snapshot(self, snap: dict) -> None:
        hub = (snap.get("reference") or {}).get("district") or {}
        mine = self.catalog.district
        if not hub.get("code") or hub["code"] == mine.code:
            self.hide()
            return
        zh = self.language.startswith("zh")
        self.setText(self.tr(
            "This hub serves {hub} ({hub_code}), but this console was started with the catalog of {mine} "
            "({code}): the map, grids and names shown are not the hub's. Start it with --catalog and the hub's "
            "catalog.toml.").format(hub=hub.get("name_zh" if zh else "name_en") or hub["code"], hub_code=hub["code"],
                                    mine=mine.name_zh if zh else mine.name_en, code=mine.code))
        self.show()
