"""Geometry helpers: distances, point-in-polygon, ring checks and the bucket index."""

import math
import random
import time

import pytest

from console.models.geo import (
    BucketIndex,
    haversine_m,
    point_in_ring,
    ring_area_m2,
    ring_centroid,
    ring_is_closed,
    ring_problem,
)

SQUARE = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]
RIGHT = [(1.0, 0.0), (2.0, 0.0), (2.0, 1.0), (1.0, 1.0), (1.0, 0.0)]
ABOVE = [(0.0, 1.0), (1.0, 1.0), (1.0, 2.0), (0.0, 2.0), (0.0, 1.0)]
# A "U" open to the north: the notch between x=1..2, y=1..3 is outside.
U_SHAPE = [(0, 0), (3, 0), (3, 3), (2, 3), (2, 1), (1, 1), (1, 3), (0, 3), (0, 0)]


def test_haversine_one_degree_of_latitude_is_about_111_km():
    assert haversine_m(0, 0, 1, 0) == pytest.approx(2 * math.pi * 6_371_008.8 / 360, abs=0.01)


def test_haversine_beijing_to_shanghai_is_about_1067_km():
    assert haversine_m(39.9042, 116.4074, 31.2304, 121.4737) == pytest.approx(1_067_000, rel=0.005)


def test_haversine_is_symmetric_and_zero_for_the_same_point():
    a, b = (43.855, 125.300), (43.872, 125.305)
    assert haversine_m(*a, *b) == pytest.approx(haversine_m(*b, *a))
    assert haversine_m(*a, *a) == 0.0


def test_point_strictly_inside_and_outside_a_square():
    assert point_in_ring(0.5, 0.5, SQUARE)
    assert not point_in_ring(1.5, 0.5, SQUARE)
    assert not point_in_ring(-0.1, 0.5, SQUARE)
    assert not point_in_ring(0.5, 1.0001, SQUARE)


def test_points_on_west_and_south_edges_are_inside_east_and_north_outside():
    assert point_in_ring(0.0, 0.5, SQUARE)  # west
    assert point_in_ring(0.5, 0.0, SQUARE)  # south
    assert not point_in_ring(1.0, 0.5, SQUARE)  # east
    assert not point_in_ring(0.5, 1.0, SQUARE)  # north


def test_point_on_a_shared_edge_belongs_to_exactly_one_of_the_two_polygons():
    for y in (0.0, 0.25, 0.5, 0.999):
        assert point_in_ring(1.0, y, SQUARE) + point_in_ring(1.0, y, RIGHT) == 1
    for x in (0.0, 0.3, 0.7):
        assert point_in_ring(x, 1.0, SQUARE) + point_in_ring(x, 1.0, ABOVE) == 1


def test_shared_slanted_edge_is_decided_identically_whatever_the_ring_direction():
    """Both triangles of a split square evaluate their shared diagonal bit-identically."""
    lower = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]
    upper = [(0.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]
    rng = random.Random(7)
    for _ in range(2000):
        t = rng.random()
        assert point_in_ring(t, t, lower) + point_in_ring(t, t, upper) == 1


def test_concave_polygon_notch_is_outside_and_arms_inside():
    assert point_in_ring(0.5, 2.0, U_SHAPE)
    assert point_in_ring(2.5, 2.0, U_SHAPE)
    assert point_in_ring(1.5, 0.5, U_SHAPE)
    assert not point_in_ring(1.5, 2.0, U_SHAPE)
    assert not point_in_ring(1.5, 3.5, U_SHAPE)


def test_ring_problem_reports_open_short_and_non_numeric_rings():
    assert ring_problem(SQUARE) is None and ring_is_closed(SQUARE)
    assert ring_problem(SQUARE[:-1]) == "polygon ring is not closed"
    assert "needs at least 4" in ring_problem([(0, 0), (1, 0), (0, 0)])
    assert "finite numbers" in ring_problem([(0, 0), (1, "x"), (1, 1), (0, 0)])
    assert "finite numbers" in ring_problem([(0, 0), (1, float("nan")), (1, 1), (0, 0)])
    assert "not a longitude/latitude" in ring_problem([(0, 0), (200, 0), (1, 1), (0, 0)])
    assert not ring_is_closed(SQUARE[:-1])


def test_centroid_of_a_square_and_of_a_concave_shape():
    assert ring_centroid(SQUARE) == pytest.approx((0.5, 0.5))
    cx, cy = ring_centroid(U_SHAPE)
    assert cx == pytest.approx(1.5)  # symmetric about x = 1.5
    assert cy < 1.5  # the solid base pulls it south


def test_area_of_a_small_square_in_square_metres():
    side = 0.01  # degrees at the equator: about 1113 m
    ring = [(0, 0), (side, 0), (side, side), (0, side), (0, 0)]
    assert ring_area_m2(ring) == pytest.approx((side * math.pi / 180 * 6_371_008.8) ** 2, rel=1e-3)


def test_bucket_index_finds_the_containing_polygon_or_none():
    idx = BucketIndex([("a", SQUARE), ("b", RIGHT), ("c", ABOVE)])
    assert len(idx) == 3
    assert idx.find(0.5, 0.5) == "a"
    assert idx.find(1.5, 0.5) == "b"
    assert idx.find(0.5, 1.5) == "c"
    assert idx.find(1.0, 0.5) == "b"  # shared edge goes east
    assert idx.find(5.0, 5.0) is None
    assert idx.find_all(0.5, 0.5) == ["a"]


def test_empty_bucket_index_finds_nothing():
    assert BucketIndex([]).find(0, 0) is None


def test_bucket_index_assigns_100k_points_to_400_tiles_quickly_and_correctly():
    tiles = [((i, j), [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1), (i, j)]) for i in range(20) for j in range(20)]
    idx = BucketIndex(tiles)
    rng = random.Random(1)
    pts = [(rng.uniform(0, 20), rng.uniform(0, 20)) for _ in range(100_000)]
    t0 = time.perf_counter()
    found = [idx.find(x, y) for x, y in pts]
    elapsed = time.perf_counter() - t0
    assert all(f == (math.floor(x), math.floor(y)) for f, (x, y) in zip(found, pts, strict=True))
    assert elapsed < 10.0  # ~1 s here; generous for slow CI machines
