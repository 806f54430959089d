"""Every user-visible string of the views is translated into Chinese, and the shipped .qm files
are compiled from the current .ts sources."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent


def _messages(ts: Path):
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            yield name, msg.findtext("source"), tr


def test_every_source_string_is_in_the_chinese_file_and_translated(tmp_path):
    """lupdate over today's sources finds no string the shipped zh_CN file lacks or leaves unfinished."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(I18N / "console_zh_CN.ts", fresh)
    views = sorted(str(p) for p in (ROOT / "console" / "views").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", *views, "-ts", str(fresh)], check=True,
                   capture_output=True)
    missing = [(c, s) for c, s, tr in _messages(fresh)
               if tr is None or not (tr.text or "").strip() or tr.get("type") in ("unfinished", "vanished")]
    assert missing == [], f"{len(missing)} strings lack a Chinese translation, e.g. {missing[:5]}"


def test_chinese_translations_load_into_qt(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    tr = QTranslator()
    assert tr.load(str(I18N / "console_zh_CN.qm"))
    QCoreApplication.installTranslator(tr)
    try:
        assert QCoreApplication.translate("MainWindow", "Incident queue") == "事件队列"
    finally:
        QCoreApplication.removeTranslator(tr)
