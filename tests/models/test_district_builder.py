"""Your own district (CONTRACT §5): a catalog folder built from a real boundary file loads, passes
the geometry check, tiles the boundary with grids coded west to east, north to south, and every
unusable boundary file is one line with nothing written."""

import json
from pathlib import Path

import pytest
import shapely
from shapely.geometry import MultiPolygon, Polygon, box, shape

from console.models.catalog import load_catalog
from console.models.district_builder import DistrictError, build, read_boundary
from console.models.district_check import geometry_problem, polygon_of

MANHATTAN = box(-74.02, 40.70, -73.93, 40.80)  # part of Manhattan and the rivers around it
SQUARE = box(125.20, 43.80, 125.26, 43.85)
HOLED = Polygon(SQUARE.exterior.coords, [
    box(125.2105, 43.8105, 125.2125, 43.8120).exterior.coords,  # a pond inside one cell
    box(125.225, 43.820, 125.240, 43.835).exterior.coords,  # a park over several cells
])
MULTI = MultiPolygon([box(125.20, 43.80, 125.24, 43.83), box(125.25, 43.80, 125.27, 43.82)])  # and an island
STREETS = [("东城街道", box(125.20, 43.80, 125.23, 43.85)), ("西城街道", box(125.23, 43.80, 125.26, 43.83)),
           ("南城街道", box(125.23, 43.83, 125.26, 43.85))]


def geojson(tmp_path: Path, obj, name="boundary.geojson") -> Path:
    p = tmp_path / name
    p.write_text(obj if isinstance(obj, str) else json.dumps(obj), encoding="utf-8")
    return p


def geom(g) -> dict:
    return shapely.geometry.mapping(g)


def collection(streets) -> dict:
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": n}, "geometry": geom(g)} for n, g in streets]}


def built(tmp_path, obj, **kw):
    folder = tmp_path / "district"
    b = build(folder, geojson(tmp_path, obj), code=kw.pop("code", "220199"), name_zh="测试区", name_en="Test District",
              **kw)
    return folder, b, load_catalog(folder / "catalog.toml")


def assert_tiles(cat, boundary):
    """Grids inside the boundary, not overlapping, codes right, and each level covering the boundary."""
    assert geometry_problem(cat) is None
    whole = boundary.area
    for level in (cat.streets, cat.communities, cat.grids):
        assert sum(polygon_of(a).area for a in level.values()) == pytest.approx(whole, rel=0.005)
    assert polygon_of(cat.district).symmetric_difference(boundary).area < 0.005 * whole
    grids = list(cat.grids.values())
    shapes = [polygon_of(g) for g in grids]
    room = boundary.buffer(1e-6)
    assert all(room.contains(s) for s in shapes)
    tree = shapely.STRtree(shapes)
    for i, j in zip(*tree.query(shapes, predicate="intersects"), strict=True):
        if i != j:
            assert shapes[i].intersection(shapes[j]).area < 1e-12, (grids[i].code, grids[j].code)
    codes = [g.code for g in grids]
    assert len(set(codes)) == len(codes)
    for g in grids:
        assert len(g.code) == 15 and g.code.isdigit()
        assert g.code.startswith(g.community) and g.community.startswith(g.street)
        assert g.street.startswith(cat.district.code)


def assert_west_to_east_north_to_south(b):
    for comm in b.areas("community"):
        cells = [g.cell for g in comm.children]  # in code order
        assert cells == sorted(cells), comm.code
        for g in comm.children:  # a grid's cell is where it lies (rows from the north, columns from the west)
            r, c = g.cell
            assert polygon_of_cell(b, r, c).intersection(g.geom).area > 0.5 * g.geom.area


def polygon_of_cell(b, r, c):
    return b.lattice.cell(r, c)


@pytest.mark.parametrize("shape_name, obj, truth", [
    ("a square", geom(MANHATTAN), MANHATTAN),
    ("a polygon with holes", {"type": "Feature", "properties": {}, "geometry": geom(HOLED)}, HOLED),
    ("a MultiPolygon", geom(MULTI), MULTI),
    ("a FeatureCollection of 3 streets", collection(STREETS), shapely.union_all([g for _, g in STREETS])),
])
def test_a_district_built_from_a_boundary_loads_and_its_grids_tile_it(tmp_path, shape_name, obj, truth):
    folder, b, cat = built(tmp_path, obj)
    assert sorted(p.name for p in folder.iterdir()) == ["calendar", "catalog.toml", "categories.toml",
                                                        "district.geojson", "timelimits.toml"]
    assert len(cat.streets) >= 2 and len(cat.communities) >= len(cat.streets) and len(cat.grids) >= 10
    assert_tiles(cat, truth)
    assert_west_to_east_north_to_south(b)
    # teams, units and cameras for a demo, all inside
    assert cat.teams and cat.units and len(cat.cameras) >= len(cat.streets)
    for u in (*cat.units.values(), *cat.cameras.values()):
        assert truth.contains(shapely.Point(u.lon, u.lat))


def test_streets_of_a_feature_collection_keep_their_names_and_areas(tmp_path):
    _, _, cat = built(tmp_path, collection(STREETS))
    by_name = {s.name_zh: s for s in cat.streets.values()}
    assert set(by_name) == {n for n, _ in STREETS}
    for name, g in STREETS:
        assert polygon_of(by_name[name]).symmetric_difference(g).area < 1e-9
    # numbered by where their middles lie, rows north to south, west to east within a row: the
    # north-east 南城 (middle at 43.84) before the western 东城 (43.825), then the south-east 西城
    assert [by_name[n].code for n in ("南城街道", "东城街道", "西城街道")] == ["220199001", "220199002", "220199003"]


def test_holes_stay_out_of_every_grid_and_the_point_lookup_says_so(tmp_path):
    _, _, cat = built(tmp_path, geom(HOLED))
    assert cat.grid_at(43.8112, 125.2115) is None  # in the pond
    assert cat.grid_at(43.8275, 125.2325) is None  # in the park
    assert cat.grid_at(43.8090, 125.2115) is not None  # beside the pond
    holed = [g for g in cat.grids.values() if any(len(rings) > 1 for rings in g.parts)]
    assert holed, "the pond lies inside one cell: that grid has a hole"


def test_every_area_names_a_label_point_inside_it_for_the_map(tmp_path):
    folder, _, cat = built(tmp_path, geom(MULTI))
    areas = {**cat.streets, **cat.communities, **cat.grids}
    features = json.loads((folder / "district.geojson").read_text(encoding="utf-8"))["features"]
    for f in features[1:]:
        lon, lat = f["properties"]["label"]
        assert polygon_of(areas[f["properties"]["code"]]).contains(shapely.Point(lon, lat))


def test_the_island_of_a_multipolygon_gets_its_own_grids(tmp_path):
    _, _, cat = built(tmp_path, geom(MULTI))
    assert cat.grid_at(43.81, 125.26) is not None and cat.grid_at(43.81, 125.245) is None
    assert len(cat.district.parts) == 2


def test_the_same_boundary_builds_the_same_bytes(tmp_path):
    a, _, _ = built(tmp_path / "a" if (tmp_path / "a").mkdir() is None else None, geom(HOLED))
    b, _, _ = built(tmp_path / "b" if (tmp_path / "b").mkdir() is None else None, geom(HOLED))
    for name in ("district.geojson", "catalog.toml"):
        assert (a / name).read_bytes() == (b / name).read_bytes()


BOWTIE = {"type": "Polygon", "coordinates": [[[125.2, 43.8], [125.3, 43.9], [125.3, 43.8], [125.2, 43.9],
                                              [125.2, 43.8]]]}


@pytest.mark.parametrize("content, words", [
    ("not json at all {", ["not JSON", "line 1"]),
    ({"hello": "world"}, ["not GeoJSON"]),
    ({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
                                                 "geometry": {"type": "Point", "coordinates": [125.2, 43.8]}}]},
     ["no polygon"]),
    (BOWTIE, ["not valid", "Self-intersection"]),
    ({"type": "Polygon", "coordinates": [[[500000, 4800000], [510000, 4800000], [510000, 4810000],
                                          [500000, 4800000]]]}, ["not longitude/latitude", "EPSG:4326"]),
    (collection([("A", box(125.20, 43.80, 125.24, 43.84)), ("B", box(125.22, 43.80, 125.26, 43.84))]),
     ["'A' and 'B' overlap"]),
])
def test_an_unusable_boundary_file_is_one_line_and_nothing_is_written(tmp_path, content, words):
    path = geojson(tmp_path, content)
    before = set(tmp_path.iterdir())
    with pytest.raises(DistrictError) as e:
        build(tmp_path / "out", path, code="220199", name_zh="测试区")
    assert "\n" not in str(e.value) and str(path) in str(e.value)
    for w in words:
        assert w in str(e.value)
    assert set(tmp_path.iterdir()) == before


def test_too_many_grids_says_how_many_and_what_grid_size_would_do(tmp_path):
    path = geojson(tmp_path, geom(MANHATTAN))
    with pytest.raises(DistrictError, match=r"[\d,]+ unit grids of 100 m would be made, more than 3,000; "
                                            r"use a larger --grid-m \(e.g. --grid-m \d+\)") as e:
        build(tmp_path / "out", path, code="220199", name_zh="测试区", grid_m=100)
    bigger = int(str(e.value).rsplit(" ", 1)[1].rstrip(")"))
    build(tmp_path / "out", path, code="220199", name_zh="测试区", grid_m=bigger)  # and that size works


def test_a_folder_that_fails_its_own_check_is_not_left_behind(tmp_path, monkeypatch):
    import console.models.district_check as check

    monkeypatch.setattr(check, "geometry_problem", lambda cat: "district.geojson: grid X: overlaps grid Y")
    before = set(tmp_path.iterdir()) | {tmp_path / "boundary.geojson"}
    with pytest.raises(DistrictError, match="does not pass its own check"):
        build(tmp_path / "out", geojson(tmp_path, geom(SQUARE)), code="220199", name_zh="测试区")
    assert set(tmp_path.iterdir()) == before


def test_read_boundary_takes_a_geometry_a_feature_or_a_collection(tmp_path):
    for obj in (geom(SQUARE), {"type": "Feature", "properties": {}, "geometry": geom(SQUARE)},
                collection([("x", SQUARE)])):
        [(name, g)] = read_boundary(geojson(tmp_path, obj))
        assert name is None and g.equals(shape(geom(SQUARE)))
    assert [n for n, _ in read_boundary(geojson(tmp_path, collection(STREETS)))] == [n for n, _ in STREETS]
