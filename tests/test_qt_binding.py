"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 on Python 3.11 lost one
reference to None per void call and aborted the interpreter (pinned out in pyproject.toml)."""

import sys


def test_void_qt_calls_do_not_leak_references_to_none(qapp):
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("指挥中心")
    assert sys.getrefcount(None) - before > -100
