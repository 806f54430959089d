"""A console whose catalog (--catalog) is not the district its hub serves says so, in an amber
band under the menu, naming both; with the hub's own catalog there is no band (issue 18)."""

from console.models.store import Store
from console.net.background import BackgroundHub
from console.net.config import HubConfig
from tests.views.conftest import SUP, WALL


def test_no_band_when_the_console_has_the_hubs_district(console, qtbot):
    window = console()
    qtbot.waitUntil(lambda: window.state.reference is not None, timeout=10_000)
    assert window.district_banner.isHidden()


def test_a_hub_serving_another_district_gets_a_band_naming_both(qtbot, tmp_path, catalog):
    from PySide6.QtCore import QSettings

    from console.views.bridge import HubBridge
    from console.views.main_window import MainWindow
    from tests.models.test_district_builder import SQUARE, built, geom

    _folder, _b, own = built(tmp_path, {"type": "Feature", "properties": {}, "geometry": geom(SQUARE)})
    store = Store(f"sqlite:///{tmp_path / 'hub.db'}", own)
    bh = BackgroundHub(store, HubConfig(users=(SUP, WALL)))
    bh.start()
    bridge = HubBridge(bh.url, SUP.token)
    try:
        window = MainWindow(bridge, catalog, language="en",
                            settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        bridge.start()
        band = window.district_banner
        qtbot.waitUntil(lambda: not band.isHidden(), timeout=10_000)
        text = band.text()
        assert "Test District (220199)" in text and f"{catalog.district.name_en} ({catalog.district.code})" in text
        assert "--catalog" in text
        assert window.menuWidget().layout().indexOf(band) == window.menuWidget().layout().indexOf(window.banner) + 1
    finally:
        bridge.stop()
        bh.stop()
        store.close()
