"""Dark (wall, night shift) and light themes: large type, strong contrast, status colours that
read from across a room."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

SLA = {  # the SLA colours, readable on both themes
    "dark": {"green": "#2fbf71", "blue": "#3d8bfd", "red": "#ff4d4f", "text_on": "#0b0f14"},
    "light": {"green": "#1e8e4e", "blue": "#1a5fd0", "red": "#d4232a", "text_on": "#ffffff"},
}

_COMMON = """
QDockWidget::title { padding: 6px 10px; font-weight: 600; }
QDockWidget[replay="true"]::title { background: #8a5a00; color: white; }
#offline-banner { background: #b3261e; color: white; font-size: 20px; font-weight: 700; padding: 10px; }
#district-banner { background: #f2b01e; color: #1a1a1a; font-size: 16px; font-weight: 600; padding: 8px; }
#placeholder { font-size: 18px; }
#toast { background: #b3261e; color: white; font-size: 17px; font-weight: 600; padding: 14px 18px;
         border-radius: 8px; }
#count-active, #count-urgent, #count-blue, #count-red { font-size: 40px; font-weight: 800; }
#count-title { font-size: 15px; }
#conn[state="online"] { color: %(green)s; font-weight: 700; }
#conn[state="offline"] { color: %(red)s; font-weight: 700; }
#age[level="amber"] { color: #f0a020; font-weight: 700; }
#age[level="red"] { color: %(red)s; font-weight: 700; }
#count-red { color: %(red)s; }
#count-blue { color: %(blue)s; }
QTableView { gridline-color: %(grid)s; }
QHeaderView::section { padding: 6px; font-weight: 600; }
"""

_DARK = """
QWidget { background: #0f1419; color: #e6e9ef; }
QMainWindow::separator { background: #273041; width: 3px; height: 3px; }
QDockWidget::title { background: #1a2230; }
QTableView, QTreeWidget, QTableWidget, QLineEdit, QPlainTextEdit, QComboBox, QSpinBox {
    background: #141b24; alternate-background-color: #18212c; border: 1px solid #273041;
    selection-background-color: #2b5797; selection-color: white; }
QHeaderView::section { background: #1a2230; color: #c9d1e0; border: 0; border-right: 1px solid #273041; }
QPushButton { background: #233047; border: 1px solid #34476a; border-radius: 5px; padding: 6px 14px; }
QPushButton:hover { background: #2c3d5b; }
QPushButton:disabled { color: #6b7585; background: #1a2230; }
QMenuBar, QMenu, QStatusBar { background: #111821; }
QMenu::item:selected, QMenuBar::item:selected { background: #2b5797; }
"""

_LIGHT = """
QWidget { background: #f5f7fa; color: #1b2330; }
QMainWindow::separator { background: #d0d7e2; width: 3px; height: 3px; }
QDockWidget::title { background: #e3e8f0; }
QTableView, QTreeWidget, QTableWidget, QLineEdit, QPlainTextEdit, QComboBox, QSpinBox {
    background: white; alternate-background-color: #f0f3f8; border: 1px solid #c9d2de;
    selection-background-color: #1a5fd0; selection-color: white; }
QHeaderView::section { background: #e3e8f0; border: 0; border-right: 1px solid #c9d2de; }
QPushButton { background: #ffffff; border: 1px solid #aab6c8; border-radius: 5px; padding: 6px 14px; }
QPushButton:hover { background: #e8eef8; }
QPushButton:disabled { color: #9aa3b2; }
"""


def apply_theme(app: QApplication, name: str = "dark", point_size: int = 13) -> None:
    """Install a theme on the whole application (large type for desks and walls)."""
    name = name if name in SLA else "dark"
    colours = dict(SLA[name], grid="#273041" if name == "dark" else "#d0d7e2")
    font = QFont(app.font())
    font.setFamilies(["Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "Sans Serif"])
    font.setPointSize(point_size)
    app.setFont(font)
    app.setStyle("Fusion")
    app.setStyleSheet((_DARK if name == "dark" else _LIGHT) + _COMMON % colours)
    app.setProperty("theme", name)
