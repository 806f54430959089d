"""Dispatch recommendation ranks free capable teams by distance and load."""

import pytest

from console.models.catalog import default_catalog
from console.models.geo import haversine_m
from console.models.recommend import TeamStatus, recommend_teams

NANHU_PARK = (43.855, 125.300)
GARBAGE = "E0102"  # joint teams (E01) and the two sanitation crews can handle it
LIGHT = "P0118"  # street light: only the lighting and power crews


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


def near(lat: float, lon: float, metres: float) -> tuple[float, float]:
    """A point about ``metres`` north of (lat, lon)."""
    return (lat + metres / 111_195.0, lon)


def only(statuses: dict[str, TeamStatus], catalog) -> dict[str, TeamStatus]:
    """Every other team busy, so the test controls the whole field."""
    out = {t: TeamStatus(available=False) for t in catalog.teams}
    out.update(statuses)
    return out


def test_capable_teams_for_garbage_include_joint_and_sanitation_teams(catalog):
    ids = {t.id for t in catalog.capable_teams(GARBAGE)}
    assert {"T-01", "T-11", "T-12"} <= ids
    assert "T-13" not in ids


def test_nearest_capable_free_team_comes_first_and_non_capable_are_left_out(catalog):
    status = only({
        "T-03": TeamStatus(free_units=[near(*NANHU_PARK, 2000)]),
        "T-11": TeamStatus(free_units=[near(*NANHU_PARK, 100), near(*NANHU_PARK, 5000)]),
        "T-13": TeamStatus(free_units=[near(*NANHU_PARK, 10)]),  # street lights: not capable
    }, catalog)
    recs = recommend_teams(catalog, GARBAGE, *NANHU_PARK, status)
    assert [r.team for r in recs] == ["T-11", "T-03"]
    assert recs[0].distance_m == pytest.approx(100, abs=1)
    assert recs[0].from_unit and recs[0].capable
    assert recs[0].score > recs[1].score


def test_busy_teams_are_never_recommended(catalog):
    status = only({
        "T-11": TeamStatus(free_units=[near(*NANHU_PARK, 10)], available=False),
        "T-12": TeamStatus(free_units=[near(*NANHU_PARK, 3000)]),
    }, catalog)
    assert [r.team for r in recommend_teams(catalog, GARBAGE, *NANHU_PARK, status)] == ["T-12"]


def test_load_breaks_a_distance_tie(catalog):
    spot = [near(*NANHU_PARK, 500)]
    status = only({
        "T-03": TeamStatus(free_units=spot, load=2),
        "T-11": TeamStatus(free_units=spot, load=0),
    }, catalog)
    recs = recommend_teams(catalog, GARBAGE, *NANHU_PARK, status)
    assert [r.team for r in recs] == ["T-11", "T-03"]
    assert [r.load for r in recs] == [0, 2]


def test_full_tie_goes_to_the_lower_team_id(catalog):
    spot = [near(*NANHU_PARK, 500)]
    status = only({"T-12": TeamStatus(free_units=spot), "T-11": TeamStatus(free_units=spot)}, catalog)
    assert [r.team for r in recommend_teams(catalog, GARBAGE, *NANHU_PARK, status)] == ["T-11", "T-12"]


def test_team_without_free_unit_positions_is_measured_from_its_home_grid(catalog):
    status = only({"T-11": TeamStatus()}, catalog)
    (rec,) = recommend_teams(catalog, GARBAGE, *NANHU_PARK, status)
    home = catalog.grids[catalog.teams["T-11"].home_grid].centroid
    assert not rec.from_unit
    assert rec.distance_m == pytest.approx(haversine_m(*NANHU_PARK, *home))


def test_when_no_capable_team_is_free_the_others_are_listed_and_flagged(catalog):
    status = only({
        "T-13": TeamStatus(available=False),  # the street-light crews are busy
        "T-14": TeamStatus(available=False),
        "T-03": TeamStatus(free_units=[near(*NANHU_PARK, 300)]),
    }, catalog)
    recs = recommend_teams(catalog, LIGHT, *NANHU_PARK, status)
    assert [r.team for r in recs] == ["T-03"]
    assert not recs[0].capable
    assert "NOT capable" in recs[0].reason and recs[0].reason_zh


def test_limit_caps_the_list_and_teams_missing_from_status_count_as_available(catalog):
    recs = recommend_teams(catalog, GARBAGE, *NANHU_PARK, {}, limit=3)
    assert len(recs) == 3
    assert [r.distance_m for r in recs] == sorted(r.distance_m for r in recs)  # no load: distance order
    assert recommend_teams(catalog, GARBAGE, *NANHU_PARK, {}, limit=0) == []


def test_unknown_category_raises_key_error(catalog):
    with pytest.raises(KeyError):
        recommend_teams(catalog, "E9999", *NANHU_PARK, {})


def test_recommendation_to_wire_is_plain_data(catalog):
    (rec,) = recommend_teams(catalog, GARBAGE, *NANHU_PARK, {}, limit=1)
    wire = rec.to_wire()
    assert set(wire) >= {"team", "distance_m", "load", "capable", "score", "reason"}
