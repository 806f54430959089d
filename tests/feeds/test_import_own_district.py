"""Importing into your own district (CONTRACT §5): a hub serving a district built from a boundary
around part of Manhattan takes NYC-311 rows with ``[coordinates] mode = "as-is"`` and keeps every
coordinate exactly; the importer places and checks points against the district the hub sends,
not against the importing machine's catalog."""

import io

import pytest
from shapely.geometry import box, mapping

from console.feeds.importer import HubDistrict, run_import
from console.models.catalog import load_catalog
from console.models.district_builder import build
from tests.feeds.conftest import TOKENS
from tests.feeds.test_import import HEADER

MANHATTAN = box(-74.02, 40.70, -73.93, 40.80)

# NYC open data writes coordinates with up to 15 decimals: they must come back bit for bit
ROWS = [
    ("nyc-1", "40.71277755426483", "-74.00597003662109", "Noise - Residential"),
    ("nyc-2", "40.758896", "-73.985130", "Missed Collection"),
    ("nyc-3", "40.7794366", "-73.963244", "Noise - Residential"),
    ("nyc-4", "40.70000001", "-73.95000000000001", "Missed Collection"),
    ("nyc-5", "40.69", "-73.99", "Noise - Residential"),  # south of the boundary: outside
]

AS_IS = '[import]\ntimezone = "America/New_York"\n[coordinates]\nmode = "{mode}"\n' \
        '[categories]\n"Noise - Residential" = "E0602"\n"Missed Collection" = "E0102"\n'


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    """The hub's district for this module: built from the Manhattan boundary."""
    folder = tmp_path_factory.mktemp("nyc")
    (folder / "boundary.geojson").write_text(__import__("json").dumps(mapping(MANHATTAN)), encoding="utf-8")
    build(folder / "district", folder / "boundary.geojson", code="310199", name_zh="曼哈顿测试区",
          name_en="Manhattan Test District")
    return load_catalog(folder / "district" / "catalog.toml")


def nyc_csv(tmp_path):
    p = tmp_path / "nyc311.csv"
    p.write_text(HEADER + "".join(f"{k},01/15/2026 10:23:45 AM,,NYPD,{t},x,Open,{lat},{lon},PHONE,\n"
                                  for k, lat, lon, t in ROWS), encoding="utf-8")
    return p


def mapping_file(tmp_path, mode):
    p = tmp_path / f"{mode}.toml"
    p.write_text(AS_IS.format(mode=mode), encoding="utf-8")
    return p


async def stored(connect):
    op = await connect("op")
    res = await op.command("query.incidents", {"text": "", "limit": 100})
    return {i["external_id"]: i for i in res["incidents"] if i["source"] == "import"}


async def test_an_as_is_import_into_a_built_district_keeps_every_coordinate_exactly(hub, catalog, tmp_path,
                                                                                    connect):
    out = io.StringIO()
    s = await run_import(hub.url, TOKENS["op"], nyc_csv(tmp_path), mapping_path=mapping_file(tmp_path, "as-is"),
                         out=out, err=io.StringIO())
    assert (s.new, s.rejected) == (4, 1), out.getvalue()
    assert "row 5 (unique_key nyc-5): rejected: outside the district" in out.getvalue()
    incidents = await stored(connect)
    for key, lat, lon, _ in ROWS[:4]:
        inc = incidents[key]
        assert (inc["lat"], inc["lon"]) == (float(lat), float(lon))  # exactly, not to some decimals
        assert inc["grid"] == catalog.grid_at(float(lat), float(lon)).code  # placed in the built grids


async def test_the_importer_takes_the_district_from_the_hub_not_the_local_catalog(hub, catalog, tmp_path,
                                                                                  connect):
    changchun = load_catalog()  # the importing machine's own catalog: another city entirely
    out = io.StringIO()
    s = await run_import(hub.url, TOKENS["op"], nyc_csv(tmp_path), changchun,
                         mapping_path=mapping_file(tmp_path, "auto"), out=out, err=io.StringIO())
    # "auto" saw the points inside the hub's district: as-is, nothing fitted onto Changchun
    assert "fitted" not in out.getvalue()
    assert (s.new, s.rejected) == (4, 1)
    incidents = await stored(connect)
    assert (incidents["nyc-2"]["lat"], incidents["nyc-2"]["lon"]) == (40.758896, -73.985130)


def test_the_hubs_reference_carries_the_outline_the_importer_checks_points_with(catalog):
    d = HubDistrict.of_reference(catalog.to_wire())
    for lat, lon in ((40.75, -73.98), (40.69, -73.99), (40.80001, -73.95), (40.7, -74.02)):
        assert d.inside(lat, lon) == (catalog.grid_at(lat, lon) is not None)
    assert d.bbox == pytest.approx((-74.02, 40.70, -73.93, 40.80))
    with pytest.raises(ValueError, match="outline"):
        HubDistrict.of_reference({"categories": [{"code": "E0101"}], "district": {}})
