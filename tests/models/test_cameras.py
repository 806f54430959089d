"""Cameras without Qt: nearest cameras to an incident, filling the wall's tiles, retry backoff."""

from __future__ import annotations

import math

import pytest

from console.models.cameras import nearest_cameras, plan_tiles, retry_delay_s, short_text
from console.models.catalog import Camera
from console.models.geo import EARTH_RADIUS_M

LAT, LON = 43.86, 125.30


def north(metres: float) -> float:
    """The latitude ``metres`` north of LAT."""
    return LAT + math.degrees(metres / EARTH_RADIUS_M)


def cam(ident: str, metres_north: float, **kw) -> Camera:
    return Camera(ident, f"摄像头{ident}", f"Camera {ident}", north(metres_north), LON, "220104001001001", **kw)


def test_nearest_first_within_the_radius():
    """Cameras come nearest first with their distances; beyond the radius they are left out."""
    cams = [cam("C", 450), cam("A", 100), cam("D", 600), cam("B", 300)]
    got = nearest_cameras(cams, LAT, LON, radius_m=500)
    assert [c.id for c, _ in got] == ["A", "B", "C"]
    assert [round(d) for _, d in got] == [100, 300, 450]


def test_radius_is_inclusive_and_limit_keeps_the_nearest():
    cams = [cam("A", 100), cam("B", 300), cam("C", 450)]
    edge = nearest_cameras(cams, LAT, LON, radius_m=nearest_cameras(cams, LAT, LON, 1000)[1][1])
    assert [c.id for c, _ in edge] == ["A", "B"]
    assert [c.id for c, _ in nearest_cameras(cams, LAT, LON, 1000, limit=2)] == ["A", "B"]
    assert nearest_cameras(cams, LAT, LON, 1000, limit=0) == []
    assert nearest_cameras(cams, LAT, LON, 50) == []


def test_equal_distances_go_to_the_lower_id_whatever_the_input_order():
    cams = [cam("Z", 200), cam("M", 200), cam("A", 200)]
    assert [c.id for c, _ in nearest_cameras(cams, LAT, LON, 500)] == ["A", "M", "Z"]
    assert [c.id for c, _ in nearest_cameras(reversed(cams), LAT, LON, 500)] == ["A", "M", "Z"]


def test_wire_dicts_work_like_catalog_cameras():
    """The console may only have the snapshot's camera dicts: they come back as given."""
    dicts = [{"id": "B", "lat": north(300), "lon": LON}, {"id": "A", "lat": north(100), "lon": LON}]
    got = nearest_cameras(dicts, LAT, LON, 500)
    assert [c["id"] for c, _ in got] == ["A", "B"]
    assert got[0][0] is dicts[1]


def test_negative_radius_is_refused():
    with pytest.raises(ValueError):
        nearest_cameras([], LAT, LON, -1)


def test_the_shipped_catalogs_camera_is_nearest_to_its_own_junction(catalog):
    c = catalog.cameras["CAM-024"]
    got = nearest_cameras(catalog.cameras.values(), c.lat, c.lon, 500)
    assert got[0][0].id == "CAM-024" and got[0][1] == pytest.approx(0, abs=1e-6)
    assert all(d <= 500 for _, d in got)


def test_plan_fills_unlocked_tiles_nearest_first_and_empties_the_rest():
    plan = plan_tiles(["old1", "old2", None, "old3"], [False] * 4, ["A", "B"])
    assert plan == ["A", "B", None, None]


def test_plan_keeps_locked_tiles_and_never_shows_their_camera_twice():
    plan = plan_tiles(["X", "old", "B", None], [True, False, True, False], ["A", "B", "C", "D"])
    assert plan == ["X", "A", "B", "C"]


def test_plan_keeps_a_locked_empty_tile_empty():
    assert plan_tiles([None, None], [True, False], ["A", "B"]) == [None, "A"]


def test_plan_needs_one_lock_flag_per_tile():
    with pytest.raises(ValueError):
        plan_tiles([None, None], [False], ["A"])


def test_retry_waits_double_up_to_the_cap():
    assert [retry_delay_s(n) for n in range(1, 8)] == [2, 4, 8, 16, 30, 30, 30]
    assert retry_delay_s(3, base_s=0.5, cap_s=1.5) == 1.5
    assert retry_delay_s(10_000) == 30  # no overflow however long a camera stays dark
    with pytest.raises(ValueError):
        retry_delay_s(0)


def test_short_text_is_one_line_with_an_ellipsis():
    assert short_text("a\n  b") == "a b"
    assert short_text("x" * 50, 10) == "x" * 9 + "…"
    assert short_text("") == ""
