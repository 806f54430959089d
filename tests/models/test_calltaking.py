"""Call-taking rules (issue 13), socket-free: category and place search, pasted coordinates, the
draft's checks and the report it makes."""

from __future__ import annotations

import pytest

from console.models.calltaking import CHANNELS, CategoryIndex, Draft, PlaceIndex, caller_note, initials, parse_coords
from console.models.catalog import default_catalog


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


@pytest.fixture(scope="module")
def categories(catalog):
    return CategoryIndex(catalog.categories.values())


def test_initials_take_the_first_letter_of_each_chinese_syllable():
    assert initials("道路积水") == "dljs"
    assert initials("A区3号") == "aq3h"


@pytest.mark.parametrize("typed", ["E0406", "e0406", "道路积水", "积水", "Standing water", "standing", "dljs"])
def test_a_category_is_found_by_code_chinese_english_or_pinyin_initials(categories, typed):
    assert categories.search(typed)[0].code == "E0406" or "E0406" in [c.code for c in categories.search(typed)[:3]]


def test_an_exact_code_ranks_first(categories):
    assert categories.search("P0101")[0].code == "P0101"


def test_initials_match_from_their_start_only(categories):
    # 私搭乱建 is sdlj: typing lj must not bring it up
    assert "E0101" not in [c.code for c in categories.search("lj")]


def test_nothing_typed_lists_categories_and_nonsense_lists_none(categories):
    assert categories.search("")
    assert categories.search("zzzzqqq") == []


@pytest.mark.parametrize("text, expected", [
    ("43.8868, 125.3245", (43.8868, 125.3245)),
    ("43.8868 125.3245", (43.8868, 125.3245)),
    ("43.8868，125.3245", (43.8868, 125.3245)),
    ("125.3245,43.8868", (43.8868, 125.3245)),  # lon first: a first number past 90 is a longitude
    ("43.8868N 125.3245E", (43.8868, 125.3245)),
    ("lat: 43.8868 lon: 125.3245", (43.8868, 125.3245)),
])
def test_pasted_coordinates_are_read_in_the_usual_forms(text, expected):
    assert parse_coords(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "Chaoyang Road", "43.88", "200.0, 300.0", "1,2,3"])
def test_what_is_not_a_coordinate_pair_is_not_read_as_one(text):
    assert parse_coords(text) is None


def test_places_are_found_by_name_code_initials_and_camera(catalog):
    places = PlaceIndex(catalog)
    street = next(iter(catalog.streets.values()))
    assert places.search(street.name_zh)[0].code == street.code
    assert places.search(initials(street.name_zh))[0].kind in ("street", "community", "grid", "camera")
    grid = next(iter(catalog.grids.values()))
    hit = places.search(grid.code)[0]
    assert (hit.kind, hit.code, (hit.lat, hit.lon)) == ("grid", grid.code, grid.centroid)
    cam = next(iter(catalog.cameras.values()))
    assert places.search(cam.name_zh)[0].code == cam.id
    assert places.search("43.8868, 125.3245")[0].kind == "coords"


def _ok_draft(catalog) -> Draft:
    g = next(iter(catalog.grids.values()))
    return Draft(channel="12345", caller="王先生", phone="13812345678", category="E0406", lat=g.centroid[0],
                 lon=g.centroid[1], description="积水过膝", priority="urgent")


def test_a_complete_draft_has_no_problems_and_reports_every_field(catalog):
    d = _ok_draft(catalog)
    assert d.problems(catalog) == []
    args = d.report_args()
    assert args["source"] == "12345" and args["caller_phone"] == "13812345678" and args["reporter"] == "王先生"
    assert args["priority"] == "urgent" and args["category"] == "E0406"
    assert "address" not in args  # blank fields are left out, not sent empty


def test_each_missing_or_wrong_field_is_named(catalog):
    d = Draft(channel="fax", phone="call me", category="X9999")
    assert d.problems(catalog) == ["channel", "phone", "category", "place", "description", "priority"]
    far = _ok_draft(catalog)
    far.lat, far.lon = 10.0, 10.0
    assert far.problems(catalog) == ["outside"]


def test_the_channels_are_the_ones_a_center_takes_calls_on():
    assert set(CHANNELS) == {"12345", "110", "grid", "sensor", "web", "walk_in", "mailbox"}


def test_a_caller_added_to_a_case_is_one_note_with_who_and_what_the_phone_masked(catalog):
    # notes reach every role: only the control room may see a caller's number (CONTRACT §5)
    note = caller_note(_ok_draft(catalog), "12345", "Another caller ({channel}) {caller}: {description}")
    assert note == "Another caller (12345) 王先生 138****5678: 积水过膝"
