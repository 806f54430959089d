"""The geometry checks of ``main.py check`` beyond what start-up checks: every polygon valid,
every grid, community and street inside its parent, no two grids overlapping, and the children
of each area covering it (shapely; the loader itself stays with plain rings)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.validation import explain_validity

TOLERANCE = 0.005  # 0.5 % of an area: digitizing noise, not a gap or an overlap


def polygon_of(area: Any) -> Polygon | MultiPolygon:
    """A catalog area (district, street, community, grid) as a shapely geometry."""
    polys = [Polygon(rings[0], rings[1:]) for rings in (area.parts or ((area.ring,),))]
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


def geometry_problem(catalog: Any) -> str | None:
    """The first geometry problem of the catalog's district file as ``file: entry: problem``, or None."""
    where = catalog.geojson_path
    levels: list[tuple[str, Iterable[Any]]] = [
        ("district", [catalog.district]), ("street", catalog.streets.values()),
        ("community", catalog.communities.values()), ("grid", catalog.grids.values())]
    shapes: dict[str, Polygon | MultiPolygon] = {}
    for level, areas in levels:
        for a in areas:
            g = polygon_of(a)
            if not g.is_valid:
                return f"{where}: {level} {a.code}: polygon is not valid: {explain_validity(g)}"
            shapes[a.code] = g
    d = catalog.district.code
    parents = [("street", catalog.streets.values(), lambda s: d),
               ("community", catalog.communities.values(), lambda c: c.street),
               ("grid", catalog.grids.values(), lambda g: g.community)]
    for level, areas, parent_of in parents:
        children: dict[str, list[Any]] = {}
        for a in areas:
            children.setdefault(parent_of(a), []).append(a)
            g, p = shapes[a.code], shapes[parent_of(a)]
            out = g.difference(p).area
            if out > TOLERANCE * g.area:
                return f"{where}: {level} {a.code}: {out / g.area:.1%} of it lies outside its parent {parent_of(a)}"
        for parent, kids in children.items():
            whole, covered = shapes[parent].area, sum(shapes[k.code].area for k in kids)
            if abs(covered - whole) > TOLERANCE * whole:
                return (f"{where}: {parent}: its {level}s cover {covered / whole:.1%} of it "
                        "(gaps or overlaps between them)")
    grids = list(catalog.grids.values())
    geoms = [shapes[g.code] for g in grids]
    tree = shapely.STRtree(geoms)
    for i, j in zip(*tree.query(geoms, predicate="intersects"), strict=True):
        if i < j:
            both = geoms[i].intersection(geoms[j]).area
            if both > TOLERANCE * min(geoms[i].area, geoms[j].area):
                return f"{where}: grid {grids[j].code}: overlaps grid {grids[i].code}"
    return None
