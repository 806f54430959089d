"""Plain geometry on longitude/latitude: distances, point-in-polygon and a bucket index.

Rings follow GeoJSON: sequences of ``(lon, lat)`` pairs, first point repeated at the end.
``haversine_m`` takes ``lat, lon`` like the rest of the console; the ring helpers and the
index take ``lon, lat`` (x, y) like the rings themselves.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

EARTH_RADIUS_M = 6_371_008.8  # mean Earth radius (IUGG), what haversine figures usually assume

LonLat = tuple[float, float]
Ring = Sequence[LonLat]
T = TypeVar("T")


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def ring_problem(ring: Sequence[Sequence[float]]) -> str | None:
    """Why ``ring`` is not a usable polygon ring, or None when it is.

    A ring needs at least 4 positions (a triangle plus the closing point), finite numbers,
    and its last position equal to its first.
    """
    if len(ring) < 4:
        return f"polygon ring has {len(ring)} points, needs at least 4"
    for i, pt in enumerate(ring):
        if len(pt) < 2:
            return f"polygon ring point {i} has fewer than 2 coordinates"
        lon, lat = pt[0], pt[1]
        for v in (lon, lat):
            # bool is an int subclass; true/false in a coordinate is a typo, not a number
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
                return f"polygon ring point {i} is not a pair of finite numbers"
        if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
            return f"polygon ring point {i} ({lon}, {lat}) is not a longitude/latitude"
    if tuple(ring[0][:2]) != tuple(ring[-1][:2]):
        return "polygon ring is not closed"
    return None


def ring_is_closed(ring: Sequence[Sequence[float]]) -> bool:
    """True when the ring has at least 4 points and ends where it starts."""
    return ring_problem(ring) is None


def point_in_ring(lon: float, lat: float, ring: Ring) -> bool:
    """Ray casting (crossing number) with half-open edges.

    Points on a west or south edge count as inside, on an east or north edge as outside, so
    a point on an edge shared by two tiles of a partition belongs to exactly one of them.
    Each edge is evaluated with its endpoints in a canonical order, so the two polygons that
    share it compute bit-identical crossings.
    """
    inside = False
    n = len(ring)
    for i in range(n - 1):
        (x1, y1), (x2, y2) = ring[i], ring[i + 1]
        if (y1 > lat) == (y2 > lat):
            continue  # edge does not straddle the ray (horizontal edges never do)
        if (y1, x1) > (y2, x2):
            x1, y1, x2, y2 = x2, y2, x1, y1
        x_cross = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
        if lon < x_cross:
            inside = not inside
    return inside


def ring_bbox(ring: Ring) -> tuple[float, float, float, float]:
    """(min_lon, min_lat, max_lon, max_lat) of a ring."""
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def ring_centroid(ring: Ring) -> LonLat:
    """Area-weighted centroid (lon, lat) of a simple ring; vertex mean if it has no area.

    Degrees are treated as planar: at a district's size the error is far below a metre.
    """
    ox, oy = ring[0][0], ring[0][1]  # shift to the first point to keep the products small
    a2 = cx = cy = 0.0
    for i in range(len(ring) - 1):
        x1, y1 = ring[i][0] - ox, ring[i][1] - oy
        x2, y2 = ring[i + 1][0] - ox, ring[i + 1][1] - oy
        cross = x1 * y2 - x2 * y1
        a2 += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(a2) < 1e-18:
        pts = ring[:-1] if len(ring) > 1 else ring
        return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))
    return (ox + cx / (3 * a2), oy + cy / (3 * a2))


def ring_area_m2(ring: Ring) -> float:
    """Approximate area in square metres (equirectangular projection at the ring's latitude)."""
    lat0 = math.radians(sum(p[1] for p in ring) / len(ring))
    kx = math.radians(1) * EARTH_RADIUS_M * math.cos(lat0)
    ky = math.radians(1) * EARTH_RADIUS_M
    a2 = 0.0
    for i in range(len(ring) - 1):
        a2 += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
    return abs(a2) / 2 * kx * ky


def shape_centroid(parts: Sequence[Sequence[Ring]]) -> LonLat:
    """Area-weighted centroid (lon, lat) of polygons given as rings (outer first, then holes)."""
    if len(parts) == 1 and len(parts[0]) == 1:
        return ring_centroid(parts[0][0])
    total = cx = cy = 0.0
    for rings in parts:
        for k, ring in enumerate(rings):
            a = ring_area_m2(ring) * (1 if k == 0 else -1)
            x, y = ring_centroid(ring)
            total += a
            cx += a * x
            cy += a * y
    if abs(total) < 1e-9:
        return ring_centroid(parts[0][0])
    return (cx / total, cy / total)


@dataclass(frozen=True, slots=True)
class _Entry(Generic[T]):
    item: T
    ring: tuple[LonLat, ...]
    bbox: tuple[float, float, float, float]
    holes: tuple[tuple[LonLat, ...], ...] = ()

    def contains(self, lon: float, lat: float) -> bool:
        b = self.bbox
        return (b[0] <= lon <= b[2] and b[1] <= lat <= b[3] and point_in_ring(lon, lat, self.ring)
                and not any(point_in_ring(lon, lat, h) for h in self.holes))


class BucketIndex(Generic[T]):
    """Finds which of many polygons contains a point.

    A uniform grid of buckets covers the polygons' joint bounding box; each polygon is listed
    in every bucket its bounding box touches. A lookup tests only the few polygons of one
    bucket, so assigning 100k points to a few hundred grids takes well under a second or two.
    Polygons are tested in the order they were given, and the first that contains the point wins.
    An item is ``(item, outer ring)`` or ``(item, outer ring, holes)``; an item made of several
    polygons is given once per polygon.
    """

    def __init__(self, items: Iterable[tuple[T, Ring] | tuple[T, Ring, Sequence[Ring]]],
                 buckets_per_side: int | None = None) -> None:
        entries = [
            _Entry(it[0], tuple((p[0], p[1]) for p in it[1]), ring_bbox(it[1]),
                   tuple(tuple((p[0], p[1]) for p in h) for h in it[2]) if len(it) > 2 else ())  # type: ignore[misc]
            for it in items
        ]
        self._entries = entries
        if not entries:
            self._x0 = self._y0 = 0.0
            self._nx = self._ny = 1
            self._sx = self._sy = 1.0
            self._buckets: list[list[int]] = [[]]
            return
        x0 = min(e.bbox[0] for e in entries)
        y0 = min(e.bbox[1] for e in entries)
        x1 = max(e.bbox[2] for e in entries)
        y1 = max(e.bbox[3] for e in entries)
        n = buckets_per_side or max(1, round(math.sqrt(len(entries)) * 2))
        self._x0, self._y0 = x0, y0
        self._nx = self._ny = n
        # a degenerate extent (all points on a line) still needs a non-zero bucket size
        self._sx = (x1 - x0) / n or 1.0
        self._sy = (y1 - y0) / n or 1.0
        self._buckets = [[] for _ in range(n * n)]
        for idx, e in enumerate(entries):
            bx0, by0 = self._bucket_xy(e.bbox[0], e.bbox[1])
            bx1, by1 = self._bucket_xy(e.bbox[2], e.bbox[3])
            for by in range(by0, by1 + 1):
                for bx in range(bx0, bx1 + 1):
                    self._buckets[by * self._nx + bx].append(idx)

    def __len__(self) -> int:
        return len(self._entries)

    def _bucket_xy(self, x: float, y: float) -> tuple[int, int]:
        bx = min(self._nx - 1, max(0, int((x - self._x0) / self._sx)))
        by = min(self._ny - 1, max(0, int((y - self._y0) / self._sy)))
        return bx, by

    def _candidates(self, lon: float, lat: float) -> Iterable[_Entry[T]]:
        if not self._entries:
            return ()
        bx, by = self._bucket_xy(lon, lat)
        return (self._entries[i] for i in self._buckets[by * self._nx + bx])

    def find(self, lon: float, lat: float) -> T | None:
        """The first polygon containing (lon, lat), or None."""
        for e in self._candidates(lon, lat):
            if e.contains(lon, lat):
                return e.item
        return None

    def find_all(self, lon: float, lat: float) -> list[T]:
        """Every polygon containing (lon, lat); more than one means the polygons overlap."""
        out = []
        for e in self._candidates(lon, lat):
            if e.contains(lon, lat) and not any(x is e.item for x in out):
                out.append(e.item)
        return out
