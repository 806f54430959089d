"""``python main.py district new DIR --boundary FILE.geojson --code NNNNNN --name NAME``: a
complete catalog folder (docs/CATALOG.md) built from a real boundary file.

- The boundary: a Polygon or MultiPolygon geometry, a Feature holding one, or a
  FeatureCollection of street boundaries (each polygon feature a street, named from its
  ``name``/``name_zh``/``NAME`` property). One outline alone is split into a few streets of
  similar area.
- Streets are split into communities, communities into unit grids: the cells of a lattice of
  about ``grid_m`` metres, clipped to the community. Cuts between generated streets and
  communities follow lattice lines, so inner grids are whole cells; a piece under 5 % of a cell
  joins the neighbour it shares the longest edge with. Siblings tile their parent exactly: every
  area is cut from its parent with the same lines, at a fixed 1e-7° (about 1 cm) precision.
- Codes as GB/T 30428: district (6 digits) + street (3) + community (3) + grid (3); streets and
  communities numbered from the north-west, grids west to east within a row, rows north to south.
- Categories, time limits and calendars are copied from the shipped ``resources/``;
  departments, one joint team per street plus specialist crews, their units and a few cameras
  per street are placed inside the boundary for a demo.

The folder is written beside DIR under a temporary name, loaded and checked as the hub would,
and only then renamed to DIR: a failure leaves nothing behind. Every problem with the input is a
:class:`DistrictError` of one line.
"""

from __future__ import annotations

import json
import math
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import MultiPolygon, Polygon, box, mapping, shape
from shapely.geometry.polygon import orient
from shapely.validation import explain_validity

GRID_SIZE = 1e-7  # degrees (~1 cm): every overlay is snapped to it, so shared edges are identical
MAX_GRIDS = 3000  # every grid's name rides in the hub's first snapshot frame (1 MiB): ~220 bytes each
SLIVER = 0.05  # a piece of a cell smaller than this share of a cell joins a neighbour
M_PER_DEG_LAT = 110_574.0
M_PER_DEG_LON = 111_320.0  # at the equator; times cos(latitude)

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
COPIED = ("categories.toml", "timelimits.toml", "calendar/cn-2025.toml", "calendar/cn-2026.toml")

DEPARTMENTS = [  # (id, Chinese name after the district's, English after the district's, kind)
    ("D-CG", "城市管理行政执法局", "Urban Management and Law Enforcement Bureau", "enforcement"),
    ("D-GA", "公安分局", "Public Security Branch", "police"),
    ("D-SJ", "市场监督管理局", "Market Supervision Administration", "market"),
    ("D-HW", "环境卫生管理中心", "Environmental Sanitation Center", "sanitation"),
    ("D-ZJ", "住房和城乡建设局", "Housing and Urban-Rural Development Bureau", "construction"),
    ("D-SW", "水务局", "Water Affairs Bureau", "water"),
    ("D-YL", "园林绿化中心", "Landscaping and Greening Center", "greenery"),
    ("D-LD", "路灯管理所", "Street Lighting Office", "lighting"),
    ("D-GD", "供电中心", "Power Supply Center", "power"),
    ("D-JT", "交通运输局", "Transport Bureau", "transport"),
    ("D-YJ", "应急管理局", "Emergency Management Bureau", "emergency"),
]
FIVE_IN_ONE = ["construction", "enforcement", "community", "cleaning", "grid_worker"]
JOINT_CAPS = ["E01", "E02", "E03", "E05", "E06", "P03", "P05"]
JOINT_UNITS = ["vehicle", "ebike", "foot"]
SPECIALISTS = [  # (zh, en, member types, capabilities, department, unit kinds, callsign prefix)
    ("环卫机动队", "Sanitation Mobile Crew", ["cleaning"], ["E0102", "E0103", "E0104", "E0105", "E0108", "P03"],
     "D-HW", ["vehicle", "vehicle", "foot"], "HW"),
    ("路灯维修队", "Street Light Repair Crew", ["electrician"], ["P0106", "P0118"], "D-LD",
     ["vehicle", "vehicle"], "LD"),
    ("排水抢险队", "Drainage Emergency Crew", ["water"], ["P0101", "P0102", "P0103", "E0402", "E0406"], "D-SW",
     ["vehicle", "ebike"], "PS"),
    ("园林养护队", "Greenery Maintenance Crew", ["greenery"], ["P04", "E0106"], "D-YL", ["vehicle", "foot"], "YL"),
    ("交通设施维护队", "Traffic Facility Crew", ["transport"], ["P02"], "D-JT", ["vehicle"], "JT"),
    ("应急救援队", "Emergency Rescue Team", ["rescue"], ["E04", "P06"], "D-YJ", ["vehicle", "vehicle"], "YJ"),
    ("巡警大队", "Police Patrol Brigade", ["police"], ["E04", "E05", "E0602"], "D-GA", ["vehicle", "ebike"], "XJ"),
]
CAMERAS_PER_STREET = 3


class DistrictError(ValueError):
    """The boundary file or an option cannot be used; the message is one line."""


# ---- the boundary file ---------------------------------------------------------------------------


def read_boundary(path: Path) -> list[tuple[str | None, Polygon | MultiPolygon]]:
    """The file's polygons: ``[(None, outline)]``, or one ``(name, polygon)`` per street feature."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise DistrictError(f"{path}: cannot read: {e.strerror or e}") from None
    try:
        data = json.loads(raw)
    except UnicodeDecodeError as e:
        raise DistrictError(f"{path}: not JSON: not UTF-8 text ({e.reason} at byte {e.start})") from None
    except json.JSONDecodeError as e:
        raise DistrictError(f"{path}: not JSON: {e.msg} (at line {e.lineno}, column {e.colno})") from None
    kind = data.get("type") if isinstance(data, dict) else None
    if kind not in ("FeatureCollection", "Feature", "Polygon", "MultiPolygon", "GeometryCollection",
                    "Point", "MultiPoint", "LineString", "MultiLineString"):
        raise DistrictError(f"{path}: not GeoJSON: the top level must be an object with a GeoJSON \"type\" "
                            "(FeatureCollection, Feature, Polygon or MultiPolygon)")
    found: list[tuple[str | None, Polygon | MultiPolygon]] = []
    if kind == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise DistrictError(f"{path}: not GeoJSON: a FeatureCollection needs a \"features\" list")
        for i, f in enumerate(features, start=1):
            if not isinstance(f, dict) or f.get("type") != "Feature":
                raise DistrictError(f"{path}: not GeoJSON: features[{i - 1}] is not a Feature")
            g = _geometry(path, f.get("geometry"), f"feature #{i}")
            if g is not None:
                props = f.get("properties") if isinstance(f.get("properties"), dict) else {}
                name = next((str(props[k]).strip() for k in ("name_zh", "name", "NAME", "Name")
                             if isinstance(props.get(k), (str, int)) and str(props[k]).strip()), None)
                found.append((name or f"feature #{i}", g))
        if len(found) == 1:
            found = [(None, found[0][1])]
    else:
        g = _geometry(path, data.get("geometry") if kind == "Feature" else data, "the geometry")
        if g is not None:
            found.append((None, g))
    if not found:
        raise DistrictError(f"{path}: no polygon: the file holds no Polygon or MultiPolygon geometry")
    return found


def _geometry(path: Path, geom: object, where: str) -> Polygon | MultiPolygon | None:
    """A checked polygon geometry, or None for other geometries (points, lines) and null."""
    if geom is None:
        return None
    if not isinstance(geom, dict) or "type" not in geom:
        raise DistrictError(f"{path}: not GeoJSON: {where}: geometry is not an object with a \"type\"")
    kind = geom["type"]
    if kind == "GeometryCollection":
        parts = [g for g in (_geometry(path, x, where) for x in geom.get("geometries") or []) if g is not None]
        return shapely.union_all(parts) if parts else None  # type: ignore[return-value]
    if kind not in ("Polygon", "MultiPolygon"):
        return None
    try:
        g = shape(geom)
    except Exception as e:  # shapely/GEOS say why in their own words
        raise DistrictError(f"{path}: {where}: bad {kind} coordinates: {str(e).splitlines()[0]}") from None
    if g.is_empty:
        raise DistrictError(f"{path}: {where}: the {kind} has no coordinates")
    x0, y0, x1, y1 = g.bounds
    if not (x0 >= -180 and x1 <= 180 and y0 >= -90 and y1 <= 90):
        raise DistrictError(f"{path}: {where}: coordinates ({x0:g}, {y0:g}) are not longitude/latitude; "
                            "export the boundary in EPSG:4326 (WGS 84)")
    if not g.is_valid:
        raise DistrictError(f"{path}: {where}: the {kind} is not valid: {explain_validity(g)} "
                            "(lon lat of the problem); fix it in your GIS (e.g. \"repair geometry\")")
    if g.is_empty or g.area <= 0:
        raise DistrictError(f"{path}: {where}: the {kind} has no area")
    return g


# ---- the lattice ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lattice:
    """Cells of about ``grid_m`` metres from the north-west corner of the district's bounds."""

    west: float
    north: float
    dx: float  # degrees of longitude per cell
    dy: float  # degrees of latitude per cell
    cols: int
    rows: int

    @classmethod
    def over(cls, area: Polygon | MultiPolygon, grid_m: float) -> Lattice:
        x0, y0, x1, y1 = area.bounds
        dx = grid_m / (M_PER_DEG_LON * math.cos(math.radians((y0 + y1) / 2)))
        dy = grid_m / M_PER_DEG_LAT
        return cls(x0, y1, dx, dy, max(1, math.ceil((x1 - x0) / dx)), max(1, math.ceil((y1 - y0) / dy)))

    def x(self, col: int) -> float:
        return self.west + col * self.dx

    def y(self, row: int) -> float:
        return self.north - row * self.dy

    def cell(self, row: int, col: int) -> Polygon:
        return box(self.x(col), self.y(row + 1), self.x(col + 1), self.y(row))

    def cell_of(self, lon: float, lat: float) -> tuple[int, int]:
        return int((self.north - lat) // self.dy), int((lon - self.west) // self.dx)

    @property
    def cell_area(self) -> float:
        return self.dx * self.dy


def _parts(g: Any) -> list[Polygon]:
    if g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    return [p for p in getattr(g, "geoms", []) if isinstance(p, Polygon) and not p.is_empty] + [
        q for p in getattr(g, "geoms", []) if not isinstance(p, Polygon) for q in _parts(p)]


def _area_only(g: Any) -> Polygon | MultiPolygon:
    """The polygonal part of an overlay's result (lines and points where areas only touch dropped)."""
    ps = [p for p in _parts(g) if p.area > 0]
    if not ps:
        return Polygon()
    return ps[0] if len(ps) == 1 else MultiPolygon(ps)


def _cut(g: Any, x0: float, y0: float, x1: float, y1: float) -> Polygon | MultiPolygon:
    return _area_only(shapely.intersection(g, box(x0, y0, x1, y1), grid_size=GRID_SIZE))


def split(g: Polygon | MultiPolygon, n: int, lat: Lattice) -> list[Polygon | MultiPolygon]:
    """``n`` parts of ``g`` of about equal area, by cuts across its longer side, each cut moved to
    the nearest lattice line when that keeps the parts within a third of their share."""
    if n <= 1:
        return [g]
    n1 = n // 2
    x0, y0, x1, y1 = g.bounds
    k = math.cos(math.radians((y0 + y1) / 2))
    across_x = (x1 - x0) * k >= (y1 - y0)  # wider than tall: cut with a north-south line
    lo, hi = (x0, x1) if across_x else (y0, y1)
    target = g.area * n1 / n

    def first(t: float) -> Polygon | MultiPolygon:  # the west part (or the north part)
        return _cut(g, x0 - 1, y0 - 1, t, y1 + 1) if across_x else _cut(g, x0 - 1, t, x1 + 1, y1 + 1)

    a, b = lo, hi
    for _ in range(40):
        mid = (a + b) / 2
        share = first(mid).area
        if across_x:
            a, b = (mid, b) if share < target else (a, mid)
        else:  # the north part grows as the line moves south
            a, b = (a, mid) if share < target else (mid, b)
    t = (a + b) / 2
    step = lat.dx if across_x else lat.dy
    origin = lat.west if across_x else lat.north
    snapped = origin + round((t - origin) / step) * step
    if lo < snapped < hi and abs(first(snapped).area - target) <= target / 3:
        t = snapped
    if across_x:
        one, two = first(t), _cut(g, t, y0 - 1, x1 + 1, y1 + 1)
    else:
        one, two = first(t), _cut(g, x0 - 1, y0 - 1, x1 + 1, t)
    if one.is_empty or two.is_empty:
        return [g]
    return split(one, n1, lat) + split(two, n - n1, lat)


def _order_key(g: Any, lat: Lattice) -> tuple[int, int, float, float]:
    p = g.representative_point()
    r, c = lat.cell_of(p.x, p.y)
    return (r, c, p.x, -p.y)


# ---- building -------------------------------------------------------------------------------------


@dataclass
class Area:
    level: str
    code: str
    name_zh: str
    name_en: str
    parent: str
    geom: Polygon | MultiPolygon
    cell: tuple[int, int] = (0, 0)  # grids: the lattice cell, for west→east, north→south order
    children: list[Area] = field(default_factory=list)


@dataclass
class Built:
    district: Area
    lattice: Lattice
    city_code: str
    streets: list[Area] = field(default_factory=list)

    def areas(self, level: str) -> list[Area]:
        if level == "district":
            return [self.district]
        if level == "street":
            return self.streets
        if level == "community":
            return [c for s in self.streets for c in s.children]
        return [g for c in self.areas("community") for g in c.children]


def _count(n: int, lo: int, hi: int) -> int:
    return max(lo, min(hi, n))


def plan(boundary: list[tuple[str | None, Polygon | MultiPolygon]], *, code: str, name_zh: str, name_en: str,
         grid_m: float, max_grids: int = MAX_GRIDS) -> Built:
    """The district tree from the boundary's polygons (pure: nothing written)."""
    if not re.fullmatch(r"\d{6}", code):
        raise DistrictError(f"--code {code!r} is not a 6-digit county code (e.g. 220104)")
    if not (50 <= grid_m <= 5000):
        raise DistrictError(f"--grid-m {grid_m:g} is outside 50–5000 metres")
    pieces: list[tuple[str | None, Polygon | MultiPolygon]] = []
    taken: Any = Polygon()
    for name, g in boundary:
        g = _area_only(shapely.set_precision(g, GRID_SIZE))
        own = g
        if not taken.is_empty:
            over = [n for n, h in pieces if _area_only(shapely.intersection(h, g, grid_size=GRID_SIZE)).area
                    > 0.01 * min(g.area, h.area)]
            if over:
                raise DistrictError(f"street boundaries {over[0]!r} and {name!r} overlap; each place must be in "
                                    "one street only")
            own = _area_only(shapely.difference(g, taken, grid_size=GRID_SIZE))  # slivers of digitizing
        if not own.is_empty:
            pieces.append((name, own))
            taken = shapely.union(taken, own, grid_size=GRID_SIZE)
    outline = _area_only(taken)
    lat = Lattice.over(outline, grid_m)
    cells = outline.area / lat.cell_area
    estimate = _estimate_grids(outline, lat)
    if estimate > max_grids:
        better = math.ceil(grid_m * math.sqrt(estimate / max_grids) * 1.15 / 50) * 50
        raise DistrictError(f"{estimate:,} unit grids of {grid_m:g} m would be made, more than {max_grids:,}; "
                            f"use a larger --grid-m (e.g. --grid-m {better})")
    if len(pieces) == 1 and pieces[0][0] is None:
        n = 1 if cells < 4 else _count(round(cells / 30), 2, 20)
        streets = [(None, g) for g in split(outline, n, lat)]
    else:
        if len(pieces) > 199:
            raise DistrictError(f"{len(pieces)} street boundaries; codes allow at most 199 streets and towns")
        streets = pieces
    streets.sort(key=lambda s: _order_key(s[1], lat))
    built = Built(Area("district", code, name_zh, name_en, code[:4] + "00", outline), lat, code[:4] + "00")
    for si, (s_name, s_geom) in enumerate(streets, start=1):
        s_code = f"{code}{si:03d}"
        s_zh = s_name or f"第{si}街道"
        s_en = s_name or f"Street {si}"
        c_zh, c_en = (f"{s_name}第{{}}社区", f"{s_name} Community {{}}") if s_name else (
            f"{si}-{{}}社区", f"Community {si}-{{}}")
        street = Area("street", s_code, s_zh, s_en, code, s_geom)
        n = _count(round(s_geom.area / lat.cell_area / 7), 1 if s_geom.area < 2 * lat.cell_area else 2, 12)
        comms = sorted(split(s_geom, n, lat), key=lambda g: _order_key(g, lat))
        for ci, c_geom in enumerate(comms, start=1):
            c_code = f"{s_code}{ci:03d}"
            comm = Area("community", c_code, c_zh.format(ci), c_en.format(ci), s_code, c_geom)
            for gi, (cell, g_geom) in enumerate(_grids(c_geom, lat), start=1):
                comm.children.append(Area("grid", f"{c_code}{gi:03d}", f"{comm.name_zh}第{gi}网格",
                                          f"{comm.name_en} Grid {gi}", c_code, g_geom, cell))
            if len(comm.children) > 999:
                raise DistrictError(f"community {c_code} would hold {len(comm.children)} grids; codes allow 999: "
                                    "use a larger --grid-m")
            street.children.append(comm)
        built.streets.append(street)
    total = len(built.areas("grid"))
    if total > max_grids:
        raise DistrictError(f"{total:,} unit grids of {grid_m:g} m would be made, more than {max_grids:,}; "
                            f"use a larger --grid-m (e.g. --grid-m {math.ceil(grid_m * 1.3 / 50) * 50})")
    return built


def _estimate_grids(outline: Any, lat: Lattice) -> int:
    """Cells the outline touches (counted cheaply: whole rows at a time)."""
    if lat.rows * lat.cols > 40 * MAX_GRIDS:
        return int(outline.area / lat.cell_area)  # far over any cap: the area alone says so
    boxes = shapely.box([lat.x(c) for r in range(lat.rows) for c in range(lat.cols)],
                        [lat.y(r + 1) for r in range(lat.rows) for _ in range(lat.cols)],
                        [lat.x(c + 1) for r in range(lat.rows) for c in range(lat.cols)],
                        [lat.y(r) for r in range(lat.rows) for _ in range(lat.cols)])
    shapely.prepare(outline)
    return int(shapely.intersects(outline, boxes).sum())


def _grids(community: Any, lat: Lattice) -> list[tuple[tuple[int, int], Polygon | MultiPolygon]]:
    """The community's grids in code order: its pieces of each cell, slivers joined to a neighbour."""
    x0, y0, x1, y1 = community.bounds
    r0, c0 = lat.cell_of(x0, y1)
    r1, c1 = lat.cell_of(x1, y0)
    shapely.prepare(community)
    pieces: list[tuple[tuple[int, int], Polygon]] = []
    for r in range(max(0, r0), min(lat.rows - 1, r1) + 1):
        for c in range(max(0, c0), min(lat.cols - 1, c1) + 1):
            cell = lat.cell(r, c)
            if not community.intersects(cell):
                continue
            for p in _parts(shapely.intersection(community, cell, grid_size=GRID_SIZE)):
                if p.area > 0:
                    pieces.append(((r, c), p))
    big = [[cell, p] for cell, p in pieces if p.area >= SLIVER * lat.cell_area]
    small = sorted(((cell, p) for cell, p in pieces if p.area < SLIVER * lat.cell_area), key=lambda x: x[1].area)
    if not big:  # a community smaller than a sliver: one grid
        whole = _area_only(shapely.union_all([p for _, p in pieces], grid_size=GRID_SIZE))
        return [(pieces[0][0], whole)]
    for _cell, p in small:
        def shared(entry: list[Any], p: Polygon = p) -> float:
            return p.boundary.intersection(entry[1].boundary).length
        target = max(big, key=lambda e: (shared(e), -e[1].distance(p)))
        target[1] = _area_only(shapely.union(target[1], p, grid_size=GRID_SIZE))
    big.sort(key=lambda e: (e[0][0], e[0][1], e[1].representative_point().x, -e[1].representative_point().y))
    return [(cell, g) for cell, g in big]


# ---- writing --------------------------------------------------------------------------------------


def _coords(g: Polygon | MultiPolygon) -> dict[str, Any]:
    """GeoJSON geometry (RFC 7946: outer rings counter-clockwise), coordinates to 7 decimals."""
    polys = [orient(p, 1.0) for p in _parts(g)]
    geo = mapping(polys[0] if len(polys) == 1 else MultiPolygon(polys))

    def fix(x: Any) -> Any:
        if isinstance(x, (tuple, list)) and x and isinstance(x[0], float):
            return [round(x[0], 7), round(x[1], 7)]
        return [fix(y) for y in x]

    return {"type": geo["type"], "coordinates": fix(geo["coordinates"])}


def geojson_text(features: list[dict[str, Any]]) -> str:
    """A FeatureCollection with one feature per line (small diffs when a boundary is edited by hand)."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def toml_value(v: object) -> str:
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return f"{v:.6f}"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    raise TypeError(v)


def toml_table(name: str, rows: dict[str, object]) -> str:
    return f"[[{name}]]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in rows.items()) + "\n"


def _inside_point(g: Any) -> tuple[float, float]:
    """(lat, lon) to 6 decimals (what catalog.toml keeps) strictly inside ``g``: its representative
    point, else one of a shrunken copy of it, else the inside point nearest its centre."""
    inner = g.buffer(-2e-6)
    candidates = [g.representative_point(), g.centroid]
    if not inner.is_empty:
        candidates.append(inner.representative_point())
    for p in candidates:
        lat6, lon6 = round(p.y, 6), round(p.x, 6)
        if inner.contains(shapely.Point(lon6, lat6)):
            return lat6, lon6
    raise DistrictError("a place too thin to hold a unit or a camera (under a metre wide); use a larger --grid-m")


def catalog_toml(b: Built, *, name_zh: str, name_en: str) -> str:
    d = b.district
    out = [
        f"# Reference data of {name_en}, built by `main.py district new` from a boundary file.\n"
        "# Names of streets, communities and grids are placeholders: edit them here and in\n"
        "# district.geojson (the same code in both). Teams, units and cameras are placed for a demo.\n"
        "# Format: docs/CATALOG.md. File paths are relative to this file.\n\n",
        "[district]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in {
            "code": d.code, "name_zh": name_zh, "name_en": name_en, "city_code": b.city_code,
            "city_zh": name_zh, "city_en": name_en, "timezone": "Asia/Shanghai"}.items()),
        "# city_zh / city_en: put the city's names here; the time zone must be the calendars'\n\n",
        "[files]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in {
            "geojson": "district.geojson", "categories": "categories.toml", "time_limits": "timelimits.toml",
            "calendars": [c for c in COPIED if c.startswith("calendar/")]}.items()) + "\n",
    ]
    for d_id, zh, en, kind in DEPARTMENTS:
        out.append(toml_table("department", {"id": d_id, "name_zh": name_zh + zh, "name_en": f"{name_en} {en}",
                                             "kind": kind}))
    grids = b.areas("grid")
    teams: list[tuple[str, str, list[str], list[str], Area, str, list[Area], list[str], str]] = []
    for si, s in enumerate(b.streets, start=1):
        s_grids = [g for c in s.children for g in c.children]
        centre = s.geom.representative_point()
        s_grids.sort(key=lambda g, c=centre: (g.geom.distance(c), g.code))
        teams.append((f"{s.name_zh}联合执法队", f"{s.name_en} Joint Enforcement Team", FIVE_IN_ONE, JOINT_CAPS,
                      s_grids[0], "D-CG", s_grids, JOINT_UNITS, f"S{si}"))
    for k, (zh, en, members, caps, dept, kinds, abbr) in enumerate(SPECIALISTS):
        home = grids[(2 * k + 1) * len(grids) // (2 * len(SPECIALISTS))]
        near = sorted(grids, key=lambda g, h=home: (g.geom.distance(h.geom.centroid), g.code))
        teams.append((zh, en, members, caps, home, dept, near, kinds, abbr))
    units = []
    for t, (zh, en, members, caps, home, dept, near, kinds, abbr) in enumerate(teams, start=1):
        t_id = f"T-{t:02d}"
        out.append(toml_table("team", {"id": t_id, "name_zh": zh, "name_en": en, "member_types": members,
                                       "capabilities": caps, "home_grid": home.code, "department": dept}))
        for n, kind in enumerate(kinds, start=1):
            lat_, lon_ = _inside_point(near[n % len(near)].geom)  # round the home grid, off its label
            units.append({"id": f"U-{len(units) + 1:03d}", "team": t_id, "kind": kind, "callsign": f"{abbr}-{n}",
                          "lat": lat_, "lon": lon_, "status": "free"})
    out.extend(toml_table("unit", u) for u in units)
    n = 0
    for s in b.streets:
        for c in s.children[:CAMERAS_PER_STREET]:
            n += 1
            lat_, lon_ = _inside_point(c.geom)
            out.append(toml_table("camera", {"id": f"CAM-{n:03d}", "name_zh": f"{c.name_zh}监控点",
                                             "name_en": f"{c.name_en} camera", "lat": lat_, "lon": lon_,
                                             "stream_url": ""}))
    return "".join(out).rstrip("\n") + "\n"


def features(b: Built) -> list[dict[str, Any]]:
    """The GeoJSON features; ``label`` is a point inside the area where the map writes its name."""
    def props(a: Area) -> dict[str, Any]:
        p = a.geom.representative_point()
        return {"level": a.level, "code": a.code, "name_zh": a.name_zh, "name_en": a.name_en, "parent": a.parent,
                "label": [round(p.x, 6), round(p.y, 6)]}

    return [{"type": "Feature", "properties": props(a), "geometry": _coords(a.geom)}
            for level in ("district", "street", "community", "grid") for a in b.areas(level)]


def build(folder: Path, boundary_file: Path, *, code: str, name_zh: str, name_en: str | None = None,
          grid_m: float = 600, max_grids: int = MAX_GRIDS) -> Built:
    """Write the catalog folder ``folder`` (which must not exist, or be empty). All or nothing."""
    from .catalog import load_catalog
    from .district_check import geometry_problem
    from .errors import CatalogError

    name_en = (name_en or name_zh).strip()
    if not name_zh.strip():
        raise DistrictError("--name is empty")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        what = "is a file" if not folder.is_dir() else "exists and is not empty"
        raise DistrictError(f"{folder} {what}; name a new folder")
    if not folder.parent.is_dir():
        raise DistrictError(f"{folder.parent} does not exist; create it first")
    if not re.fullmatch(r"\d{6}", code):
        raise DistrictError(f"--code {code!r} is not a 6-digit county code (e.g. 220104)")
    if not (50 <= grid_m <= 5000):
        raise DistrictError(f"--grid-m {grid_m:g} is outside 50–5000 metres")
    boundary = read_boundary(boundary_file)
    try:
        built = plan(boundary, code=code, name_zh=name_zh.strip(), name_en=name_en, grid_m=grid_m,
                     max_grids=max_grids)
    except DistrictError as e:
        raise DistrictError(f"{boundary_file}: {e}") from None
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        (tmp / "calendar").mkdir()
        for rel in COPIED:
            shutil.copyfile(RESOURCES / rel, tmp / rel)
        (tmp / "district.geojson").write_text(geojson_text(features(built)), encoding="utf-8")
        (tmp / "catalog.toml").write_text(catalog_toml(built, name_zh=name_zh.strip(), name_en=name_en),
                                          encoding="utf-8")
        try:  # what the hub will do with it: a folder that does not load is never left behind
            problem = geometry_problem(load_catalog(tmp / "catalog.toml"))
        except CatalogError as e:
            problem = str(e)
        if problem:
            raise DistrictError(f"the built folder does not pass its own check ({problem}); please report this")
        if folder.exists():
            folder.rmdir()  # empty, checked above
        tmp.chmod(0o755)  # mkdtemp's 0700 was for while it was half-written
        tmp.rename(folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return built
