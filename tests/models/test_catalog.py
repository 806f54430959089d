"""The shipped reference data loads and is sound; broken copies fail naming file and entry."""

import json
import random
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from console.models.catalog import RESOURCES, Catalog, default_catalog, load_catalog
from console.models.errors import CatalogError
from console.models.geo import BucketIndex, point_in_ring

NANHU_PARK = (43.855, 125.300)


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog()


# ---- the shipped data


def test_default_catalog_is_loaded_once_and_is_the_shipped_district():
    c = default_catalog()
    assert c is default_catalog()
    assert c.district.code == "220104"
    assert (c.district.name_zh, c.district.name_en) == ("朝阳区", "Chaoyang District")
    assert c.district.timezone == "Asia/Shanghai"


def test_shipped_counts_are_within_the_planned_ranges(cat):
    assert 8 <= len(cat.streets) <= 10
    assert 150 <= len(cat.grids) <= 300
    assert 40 <= len(cat.categories) <= 60
    assert 8 <= len(cat.departments) <= 12
    assert 12 <= len(cat.teams) <= 20
    assert 40 <= len(cat.units) <= 60
    assert 50 <= len(cat.cameras) <= 80
    per_street = Counter(c.street for c in cat.communities.values())
    assert set(per_street) == set(cat.streets)
    assert all(3 <= n <= 5 for n in per_street.values())
    per_community = Counter(g.community for g in cat.grids.values())
    assert set(per_community) == set(cat.communities)
    assert all(4 <= n <= 9 for n in per_community.values())


def test_every_code_is_nested_under_its_parent(cat):
    for s in cat.streets.values():
        assert re.fullmatch(r"220104(0[0-9][1-9]|0[1-9]0)", s.code)
    for c in cat.communities.values():
        assert len(c.code) == 12 and c.code.startswith(c.street) and c.street in cat.streets
    for g in cat.grids.values():
        assert re.fullmatch(r"\d{15}", g.code)
        assert g.code.startswith(g.community) and cat.communities[g.community].street == g.street


def test_every_name_is_bilingual(cat):
    things = [cat.district, *cat.streets.values(), *cat.communities.values(), *cat.grids.values(),
              *cat.categories.values(), *cat.departments.values(), *cat.teams.values(), *cat.cameras.values(),
              *cat.majors.values()]
    for t in things:
        assert t.name_zh.strip() and t.name_en.strip(), t
        assert re.search(r"[\u4e00-\u9fff]", t.name_zh), t
        assert t.name_en.isascii(), t


def test_every_category_has_a_complete_time_limit_profile_and_a_known_department(cat):
    for c in cat.categories.values():
        assert cat.time_limits.check_complete(c.limits) == []
        assert c.department in cat.departments
        assert c.default_priority in ("urgent", "normal")
        for stage in ("accept", "dispatch", "acknowledge", "resolve", "verify"):
            assert cat.limit(c.code, "normal", stage) is not None


def test_known_standard_categories_carry_their_standard_names_and_limits(cat):
    assert cat.category("P0101").name_zh == "上水井盖"
    assert cat.category("E0101").limits == "construction"
    assert cat.category("E0102").name_en == "Exposed garbage"
    assert cat.category("E0102").limits == "garbage"
    assert cat.category("E0104").limits == "road_clean"
    assert cat.category("E0406").limits == "garbage"  # standing water
    assert cat.category("P0118").limits == "lights"
    assert cat.other_category.code == "E0601"
    assert cat.major_of(cat.category("E0401")).name_zh == "突发事件"
    with pytest.raises(KeyError):
        cat.category("E9999")


def test_nanhu_park_lies_in_a_grid_of_nanhu_subdistrict(cat):
    g = cat.grid_at(*NANHU_PARK)
    assert g is not None
    assert cat.streets[g.street].name_zh == "南湖街道"
    assert cat.place_of(*NANHU_PARK) == (g.code, g.community, g.street)


def test_real_landmarks_fall_in_their_subdistricts(cat):
    assert cat.streets[cat.grid_at(43.872, 125.305).street].name_zh == "桂林街道"
    assert cat.streets[cat.grid_at(43.878, 125.290).street].name_zh == "红旗街道"


def test_points_outside_the_district_have_no_place(cat):
    assert cat.grid_at(43.907, 125.318) is None  # Changchun railway station, to the north
    assert cat.place_of(39.9, 116.4) == (None, None, None)


def test_grids_tile_the_district_without_overlaps_or_gaps(cat):
    """Random points: at most one grid each, and exactly one when inside the district outline."""
    idx = BucketIndex((g.code, g.ring) for g in cat.grids.values())
    rng = random.Random(220104)
    inside = 0
    for _ in range(20_000):
        lat, lon = rng.uniform(43.79, 43.91), rng.uniform(125.21, 125.35)
        hits = idx.find_all(lon, lat)
        assert len(hits) <= 1, (lat, lon, hits)
        in_district = point_in_ring(lon, lat, cat.district.ring)
        assert len(hits) == int(in_district), (lat, lon)
        inside += in_district
    assert inside > 10_000


def test_points_on_grid_vertices_belong_to_at_most_one_grid(cat):
    idx = BucketIndex((g.code, g.ring) for g in cat.grids.values())
    for g in list(cat.grids.values())[::7]:
        for lon, lat in g.ring[:-1]:
            assert len(idx.find_all(lon, lat)) <= 1


def test_grid_centroids_lie_in_their_own_community_and_street(cat):
    for g in cat.grids.values():
        lat, lon = g.centroid
        assert cat.grid_at(lat, lon) is g
        assert point_in_ring(lon, lat, cat.communities[g.community].ring)
        assert point_in_ring(lon, lat, cat.streets[g.street].ring)


def test_teams_units_and_cameras_reference_real_things(cat):
    for t in cat.teams.values():
        assert t.home_grid in cat.grids and t.department in cat.departments
        assert any(t.can_handle(c) for c in cat.categories)
    for u in cat.units.values():
        assert u.team in cat.teams and u.status == "free"
        assert cat.grid_at(u.lat, u.lon) is not None
    for c in cat.cameras.values():
        assert cat.grid_at(c.lat, c.lon).code == c.grid
        assert c.stream_url == ""
    assert all(any(u.team == t for u in cat.units.values()) for t in cat.teams)


def test_to_wire_is_json_with_ids_and_without_rings(cat):
    wire = cat.to_wire()
    text = json.dumps(wire, ensure_ascii=False)
    assert "ring" not in text
    for key in ("categories", "departments", "teams", "units", "cameras", "grids"):
        assert wire[key] and all("id" in x for x in wire[key]), key
    assert all(x["id"] == x["code"] for x in wire["categories"])
    assert len(wire["grids"]) == len(cat.grids)
    assert {"code", "name_zh", "name_en", "street", "community", "centroid"} <= set(wire["grids"][0])


def test_generator_reproduces_the_shipped_files_byte_for_byte(tmp_path, monkeypatch):
    """tools/make_district.py is deterministic and the committed files are its output."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_district", RESOURCES.parent / "tools" / "make_district.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    monkeypatch.setattr(mod, "RESOURCES", tmp_path)
    mod.main()
    for name in ("district.geojson", "catalog.toml"):
        assert (tmp_path / name).read_bytes() == (RESOURCES / name).read_bytes(), name


# ---- broken copies


@pytest.fixture
def data(tmp_path) -> Path:
    """A writable copy of the shipped reference data."""
    for name in ("catalog.toml", "categories.toml", "district.geojson", "timelimits.toml"):
        shutil.copy(RESOURCES / name, tmp_path / name)
    shutil.copytree(RESOURCES / "calendar", tmp_path / "calendar")
    return tmp_path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def edit_re(path: Path, pattern: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    text, n = re.subn(pattern, new, text, count=1, flags=re.M)
    assert n == 1, pattern
    path.write_text(text, encoding="utf-8")


def edit_feature(path: Path, code: str, change) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    (f,) = [f for f in doc["features"] if f["properties"]["code"] == code]
    change(f, doc)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def expect(data: Path, file: str, entry: str, problem: str) -> None:
    with pytest.raises(CatalogError) as info:
        load_catalog(data / "catalog.toml")
    err = info.value
    assert (Path(err.path), err.entry) == (data / file, entry), str(err)
    assert problem in err.problem, str(err)
    assert str(err) == f"{err.path}: {entry}: {err.problem}"


GRID = "220104001001003"


def test_malformed_catalog_toml_names_the_file_and_line(data):
    edit(data / "catalog.toml", 'name_en = "Chaoyang District"', 'name_en = "Chaoyang District')
    expect(data, "catalog.toml", "TOML syntax", "line 10")


def test_malformed_categories_toml_names_that_file(data):
    edit(data / "categories.toml", 'other = "E0601"', "other = E0601")
    expect(data, "categories.toml", "TOML syntax", "line")


def test_malformed_geojson_names_the_file_and_line(data):
    path = data / "district.geojson"
    path.write_text(path.read_text(encoding="utf-8").replace("]]}}", "]]}", 1), encoding="utf-8")
    expect(data, "district.geojson", "JSON syntax", "(at line 3, column 1)")


def test_missing_referenced_file_is_named(data):
    (data / "district.geojson").unlink()
    expect(data, "district.geojson", "file", "does not exist")


def test_grid_ring_that_does_not_close_is_named(data):
    edit_feature(data / "district.geojson", GRID, lambda f, d: f["geometry"]["coordinates"][0].pop())
    expect(data, "district.geojson", f"grid {GRID}", "polygon ring is not closed")


def test_grid_with_too_few_points_is_named(data):
    def shrink(f, d):
        ring = f["geometry"]["coordinates"][0]
        f["geometry"]["coordinates"][0] = [ring[0], ring[1], ring[0]]

    edit_feature(data / "district.geojson", GRID, shrink)
    expect(data, "district.geojson", f"grid {GRID}", "needs at least 4")


def test_grid_code_that_is_not_15_digits_is_named(data):
    edit_feature(data / "district.geojson", GRID, lambda f, d: f["properties"].update(code="22010400100103"))
    expect(data, "district.geojson", "grid 22010400100103", "15 digits")


def test_grid_code_not_under_its_community_is_named(data):
    edit_feature(data / "district.geojson", GRID, lambda f, d: f["properties"].update(parent="220104001002"))
    expect(data, "district.geojson", f"grid {GRID}", "not under its community 220104001002")


def test_grid_whose_parent_is_unknown_is_named(data):
    edit_feature(data / "district.geojson", GRID, lambda f, d: f["properties"].update(parent="220104001099"))
    expect(data, "district.geojson", f"grid {GRID}", "is not a community")


def test_duplicate_grid_code_is_named(data):
    def dup(f, d):
        d["features"].append(json.loads(json.dumps(f)))

    edit_feature(data / "district.geojson", GRID, dup)
    expect(data, "district.geojson", f"grid {GRID}", "duplicate code")


def test_category_without_time_limit_profile_is_named(data):
    edit(data / "categories.toml", 'code = "E0102"\nfamily = "event"\nmajor = "01"\nname_zh = "暴露垃圾"\n'
         'name_en = "Exposed garbage"\nlimits = "garbage"\n',
         'code = "E0102"\nfamily = "event"\nmajor = "01"\nname_zh = "暴露垃圾"\nname_en = "Exposed garbage"\n')
    expect(data, "categories.toml", "category E0102", "no time-limit profile")


def test_category_with_unknown_time_limit_profile_is_named(data):
    edit(data / "categories.toml", 'limits = "garbage"', 'limits = "rubbish"')
    expect(data, "categories.toml", "category E0102", "'rubbish' is not in the time-limit table")


def test_category_with_incomplete_time_limit_profile_is_named(data):
    with open(data / "timelimits.toml", "a", encoding="utf-8") as f:
        f.write('\n[profiles.partial]\n[profiles.partial.urgent]\naccept = "5 minutes"\n')
    edit(data / "categories.toml", 'limits = "garbage"', 'limits = "partial"')
    expect(data, "categories.toml", "category E0102", "'partial' is incomplete: missing")


def test_category_with_unknown_department_is_named(data):
    old = 'limits = "garbage"\ndepartment = "D-HW"'
    edit(data / "categories.toml", old, old.replace("D-HW", "D-NOPE"))
    expect(data, "categories.toml", "category E0102", "unknown department 'D-NOPE'")


def test_duplicate_category_code_is_named(data):
    edit(data / "categories.toml", 'code = "E0103"', 'code = "E0102"')
    expect(data, "categories.toml", "category E0102", "duplicate code")


def test_category_whose_family_contradicts_its_code_is_named(data):
    edit(data / "categories.toml", 'code = "E0102"\nfamily = "event"', 'code = "E0102"\nfamily = "part"')
    expect(data, "categories.toml", "category E0102", "does not match the code")


def test_fallback_category_must_exist(data):
    edit(data / "categories.toml", 'other = "E0601"', 'other = "E0699"')
    expect(data, "categories.toml", "other", "must name a category")


def test_team_with_unknown_department_is_named(data):
    edit_re(data / "catalog.toml", r'^department = "D-CG"$', 'department = "D-XX"')
    expect(data, "catalog.toml", "team T-01", "unknown department 'D-XX'")


def test_team_with_unknown_home_grid_is_named(data):
    edit_re(data / "catalog.toml", r'^home_grid = "\d+"$', 'home_grid = "220104001001999"')
    expect(data, "catalog.toml", "team T-01", "home_grid '220104001001999' is not a grid")


def test_team_capability_matching_no_category_is_named(data):
    edit(data / "catalog.toml", 'capabilities = ["E01"', 'capabilities = ["E09"')
    expect(data, "catalog.toml", "team T-01", "capability 'E09' matches no category")


def test_duplicate_team_id_is_named(data):
    edit(data / "catalog.toml", 'id = "T-02"', 'id = "T-01"')
    expect(data, "catalog.toml", "team T-01", "duplicate id")


def test_unit_with_unknown_team_is_named(data):
    edit(data / "catalog.toml", 'id = "U-001"\nteam = "T-01"', 'id = "U-001"\nteam = "T-99"')
    expect(data, "catalog.toml", "unit U-001", "unknown team 'T-99'")


def test_unit_with_unknown_kind_is_named(data):
    edit_re(data / "catalog.toml", r'^kind = "vehicle"$', 'kind = "helicopter"')
    expect(data, "catalog.toml", "unit U-001", "kind 'helicopter'")


def test_camera_outside_the_district_is_named(data):
    edit_re(data / "catalog.toml", r'(id = "CAM-002"\nname_zh = .*\nname_en = .*\n)lat = [\d.]+', r"\1lat = 40.0")
    expect(data, "catalog.toml", "camera CAM-002", "outside the district")


def test_duplicate_camera_id_is_named(data):
    edit(data / "catalog.toml", 'id = "CAM-003"', 'id = "CAM-001"')
    expect(data, "catalog.toml", "camera CAM-001", "duplicate id")


def test_duplicate_department_id_is_named(data):
    edit(data / "catalog.toml", 'id = "D-GA"', 'id = "D-CG"')
    expect(data, "catalog.toml", "department D-CG", "duplicate id")


def test_missing_bilingual_name_is_named(data):
    edit(data / "catalog.toml", 'name_en = "Chaoyang Transport Bureau"\n', "")
    expect(data, "catalog.toml", "department D-JT", "missing name_en")


def test_unknown_time_zone_is_named(data):
    edit(data / "catalog.toml", 'timezone = "Asia/Shanghai"', 'timezone = "Mars/Olympus"')
    expect(data, "catalog.toml", "district", "not a known IANA time zone")


def test_bad_time_limit_file_reports_its_own_name(data):
    edit(data / "timelimits.toml", "[profiles.default]", "[profiles.default")
    with pytest.raises(CatalogError) as info:
        load_catalog(data / "catalog.toml")
    assert Path(info.value.path) == data / "timelimits.toml"
