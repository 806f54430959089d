"""The map draws a district built from a boundary file (CONTRACT §5) from that catalog's own
geojson: every grid, a hole left empty, an island drawn as land."""

import json

import pytest
from shapely.geometry import MultiPolygon, Polygon, box, mapping

from console.models.catalog import load_catalog
from console.models.district_builder import build
from tests.views.test_map import map_view, page_value  # noqa: F401 (the fixture)

PARK = box(125.225, 43.820, 125.235, 43.835)
SHAPE = MultiPolygon([Polygon(box(125.20, 43.80, 125.24, 43.85).exterior.coords, [PARK.exterior.coords]),
                      box(125.25, 43.80, 125.27, 43.82)])  # a square with a park, and an island


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    folder = tmp_path_factory.mktemp("own")
    (folder / "b.geojson").write_text(json.dumps(mapping(SHAPE)), encoding="utf-8")
    build(folder / "d", folder / "b.geojson", code="220199", name_zh="测试区", name_en="Test District")
    return load_catalog(folder / "d" / "catalog.toml")


def test_the_map_draws_the_catalogs_own_district_with_its_hole_and_its_island(map_view, catalog, qtbot):  # noqa: F811
    view = map_view()
    assert not view.page.errors
    for code in catalog.grids:  # every grid of this district has its layer
        assert page_value(qtbot, view, f"CM.gridStyle({code!r})") is not None, code
    img = view.web.grab().toImage()
    ratio = img.width() / view.web.width()

    def colour(lat, lon):
        x, y = page_value(qtbot, view, f"CM.pixelOf({lat}, {lon})")
        assert 0 <= x < view.web.width() and 0 <= y < view.web.height(), (lat, lon)
        c = img.pixelColor(int(x * ratio), int(y * ratio))
        return c.red(), c.green(), c.blue()

    outside = colour(43.84, 125.245)  # between the square and the island, north of the island
    hole = colour(43.8235, 125.2285)  # in the park, off any label
    land = colour(43.8484, 125.2022)  # off the legend (bottom left), the lines and the labels
    island = colour(43.8045, 125.2535)
    assert hole == outside
    assert land != outside and island == land
