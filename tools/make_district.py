"""Generate the demo district: resources/district.geojson and resources/catalog.toml.

The demo district is Chaoyang District (朝阳区, county code 220104) of Changchun. Street names
are real and sit at their approximate real places; every boundary is invented: a jittered
lattice of unit grids over the urban core, grouped into communities and streets. Because all
polygons are built from one shared set of lattice vertices, siblings tile without gaps or
overlaps by construction.

Deterministic: the same script always writes the same bytes. Run from the repository root:

    .venv/bin/python tools/make_district.py
"""

from __future__ import annotations

import math
import random
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
sys.path.insert(0, str(ROOT))

from console.models.district_builder import geojson_text, toml_table  # noqa: E402  (the writers main.py district new uses)
from console.models.geo import BucketIndex, ring_centroid  # noqa: E402

SEED = 220104
DISTRICT = ("220104", "朝阳区", "Chaoyang District")
CITY = ("220100", "长春市", "Changchun")

# The lattice: NX columns west→east, NY rows north→south over the urban core.
WEST, EAST = 125.220, 125.340
NORTH, SOUTH = 43.902, 43.800  # Changchun railway station (43.907) stays outside, to the north
NX, NY = 16, 18

# Streets as lattice rectangles (col0, col1, row0, row1), half-open; each holds its communities.
# The corners col 0–4 × row 0–3 (north-west, Lüyuan side) and col 14–16 × row 13–18 (south-east,
# Nanguan side) are left out, so the outline is not a plain rectangle.
STREETS: list[tuple[str, str, str, tuple[int, int, int, int], list[tuple[str, str]]]] = [
    ("001", "前进街道", "Qianjin Subdistrict", (0, 4, 3, 13), [
        ("前进社区", "Qianjin Community"), ("光明社区", "Guangming Community"),
        ("明珠社区", "Mingzhu Community"), ("卫光社区", "Weiguang Community"),
        ("长青社区", "Changqing Community")]),
    ("002", "桂林街道", "Guilin Subdistrict", (10, 16, 3, 7), [
        ("桂林社区", "Guilin Community"), ("西康社区", "Xikang Community"),
        ("北安社区", "Bei'an Community"), ("开运社区", "Kaiyun Community")]),
    ("003", "南湖街道", "Nanhu Subdistrict", (9, 16, 7, 13), [
        ("南湖社区", "Nanhu Community"), ("湖光社区", "Huguang Community"),
        ("湖滨社区", "Hubin Community"), ("南湖新村社区", "Nanhu Xincun Community"),
        ("吉顺社区", "Jishun Community")]),
    ("004", "永昌街道", "Yongchang Subdistrict", (8, 12, 0, 3), [
        ("永昌社区", "Yongchang Community"), ("安达社区", "Anda Community"),
        ("西安社区", "Xi'an Community")]),
    ("005", "重庆街道", "Chongqing Subdistrict", (12, 16, 0, 3), [
        ("重庆社区", "Chongqing Community"), ("同志社区", "Tongzhi Community"),
        ("宽平社区", "Kuanping Community")]),
    ("006", "清和街道", "Qinghe Subdistrict", (4, 8, 0, 3), [
        ("清和社区", "Qinghe Community"), ("建设社区", "Jianshe Community"),
        ("文化社区", "Wenhua Community")]),
    ("007", "红旗街道", "Hongqi Subdistrict", (4, 10, 3, 7), [
        ("红旗社区", "Hongqi Community"), ("电影城社区", "Dianyingcheng Community"),
        ("朝阳社区", "Chaoyang Community"), ("自由社区", "Ziyou Community")]),
    ("008", "湖西街道", "Huxi Subdistrict", (4, 9, 7, 13), [
        ("湖西社区", "Huxi Community"), ("延安社区", "Yan'an Community"),
        ("卫星社区", "Weixing Community"), ("富强社区", "Fuqiang Community")]),
    ("009", "富锋街道", "Fufeng Subdistrict", (0, 7, 13, 18), [
        ("富锋社区", "Fufeng Community"), ("硅谷社区", "Guigu Community"),
        ("锦湖社区", "Jinhu Community"), ("丰收社区", "Fengshou Community"),
        ("永康社区", "Yongkang Community")]),
    ("010", "乐山街道", "Leshan Subdistrict", (7, 14, 13, 18), [
        ("乐山社区", "Leshan Community"), ("繁荣社区", "Fanrong Community"),
        ("普阳社区", "Puyang Community"), ("东风社区", "Dongfeng Community"),
        ("幸福社区", "Xingfu Community")]),
]

DEPARTMENTS = [
    ("D-CG", "朝阳区城市管理行政执法局", "Chaoyang Urban Management and Law Enforcement Bureau", "enforcement"),
    ("D-GA", "长春市公安局朝阳分局", "Chaoyang Branch, Changchun Public Security Bureau", "police"),
    ("D-SJ", "朝阳区市场监督管理局", "Chaoyang Market Supervision Administration", "market"),
    ("D-HW", "朝阳区环境卫生管理中心", "Chaoyang Environmental Sanitation Center", "sanitation"),
    ("D-ZJ", "朝阳区住房和城乡建设局", "Chaoyang Housing and Urban-Rural Development Bureau", "construction"),
    ("D-SW", "朝阳区水务局", "Chaoyang Water Affairs Bureau", "water"),
    ("D-YL", "朝阳区园林绿化中心", "Chaoyang Landscaping and Greening Center", "greenery"),
    ("D-LD", "长春市路灯管理处朝阳所", "Changchun Street Lighting Office, Chaoyang Station", "lighting"),
    ("D-GD", "国网长春供电公司朝阳供电中心", "State Grid Changchun Power Supply, Chaoyang Center", "power"),
    ("D-JT", "朝阳区交通运输局", "Chaoyang Transport Bureau", "transport"),
    ("D-YJ", "朝阳区应急管理局", "Chaoyang Emergency Management Bureau", "emergency"),
]

FIVE_IN_ONE = ["construction", "enforcement", "community", "cleaning", "grid_worker"]
JOINT_CAPS = ["E01", "E02", "E03", "E05", "E06", "P03", "P05"]

# Street joint teams (one per street, home near the street's middle), then specialist crews
# homed at a (lat, lon). Units: kinds in order; callsign prefix.
SPECIALISTS = [
    ("环卫机动一队", "Sanitation Mobile Crew 1", ["cleaning"],
     ["E0102", "E0103", "E0104", "E0105", "E0108", "E0407", "P03"], "D-HW", (43.8850, 125.3000),
     ["vehicle", "vehicle", "foot"], "HW1"),
    ("环卫机动二队", "Sanitation Mobile Crew 2", ["cleaning"],
     ["E0102", "E0103", "E0104", "E0105", "E0108", "E0407", "P03"], "D-HW", (43.8300, 125.2750),
     ["vehicle", "vehicle", "foot"], "HW2"),
    ("路灯维修队", "Street Light Repair Crew", ["electrician"], ["P0106", "P0118"], "D-LD",
     (43.8680, 125.2850), ["vehicle", "vehicle"], "LD"),
    ("供电抢修队", "Power Repair Crew", ["electrician"], ["P0105", "P0118"], "D-GD",
     (43.8600, 125.3180), ["vehicle", "vehicle"], "GD"),
    ("排水抢险队", "Drainage Emergency Crew", ["water"],
     ["P0101", "P0102", "P0103", "P0104", "P0116", "E0105", "E0402", "E0404", "E0406"], "D-SW",
     (43.8500, 125.2900), ["vehicle", "vehicle", "ebike"], "PS"),
    ("园林养护队", "Greenery Maintenance Crew", ["greenery"], ["P04", "E0106"], "D-YL",
     (43.8520, 125.3080), ["vehicle", "foot"], "YL"),
    ("交通设施维护队", "Traffic Facility Crew", ["transport"], ["P02"], "D-JT",
     (43.8760, 125.3160), ["vehicle", "vehicle"], "JT"),
    ("应急救援队", "Emergency Rescue Team", ["rescue"], ["E04", "P06"], "D-YJ",
     (43.8420, 125.3000), ["vehicle", "vehicle"], "YJ"),
    ("巡警大队", "Police Patrol Brigade", ["police"], ["E04", "E05", "E0602", "P0210"], "D-GA",
     (43.8890, 125.3090), ["vehicle", "vehicle", "ebike"], "XJ"),
    ("市场监管执法队", "Market Supervision Team", ["market"], ["E0501", "E0504", "E0509"], "D-SJ",
     (43.8720, 125.2960), ["vehicle", "foot"], "SJ"),
]
JOINT_UNITS = ["vehicle", "ebike", "foot"]
STREET_ABBR = {"001": "QJ", "002": "GL", "003": "NH", "004": "YC", "005": "CQ",
               "006": "QH", "007": "HQ", "008": "HX", "009": "FF", "010": "LS"}

# Cameras at junctions: north–south 街 and east–west 路 at their approximate places.
NS_STREETS = [
    ("硅谷大街", "Guigu St", 125.2420), ("前进大街", "Qianjin St", 125.2620), ("延安大街", "Yan'an St", 125.2760),
    ("红旗街", "Hongqi St", 125.2900), ("朝阳路", "Chaoyang Rd", 125.2990),
    ("同志街", "Tongzhi St", 125.3100), ("新民大街", "Xinmin St", 125.3190),
]
EW_ROADS = [
    ("西安大路", "Xi'an Rd", 43.8960), ("解放大路", "Jiefang Rd", 43.8880),
    ("工农大路", "Gongnong Rd", 43.8800), ("桂林路", "Guilin Rd", 43.8720),
    ("自由大路", "Ziyou Rd", 43.8640), ("湖光路", "Huguang Rd", 43.8530),
    ("南湖大路", "Nanhu Rd", 43.8430), ("卫星路", "Weixing Rd", 43.8330),
    ("繁荣路", "Fanrong Rd", 43.8180),
]
NANHU_LAKE = (125.293, 43.845, 125.308, 43.861)  # no junction cameras inside the park
LANDMARKS = [
    ("南湖公园北门", "Nanhu Park North Gate", 43.8615, 125.3005),
    ("南湖广场", "Nanhu Square", 43.8512, 125.3125),
    ("长影旧址博物馆", "Changchun Film Studio Museum", 43.8815, 125.2865),
    ("红旗街万达广场", "Hongqi St Wanda Plaza", 43.8775, 125.2915),
    ("桂林路美食街", "Guilin Rd Food Street", 43.8725, 125.3055),
    ("儿童公园", "Children's Park", 43.8895, 125.3125),
]


def cell_lon(c: float) -> float:
    return WEST + c * (EAST - WEST) / NX


def cell_lat(r: float) -> float:
    return NORTH - r * (NORTH - SOUTH) / NY


def make_vertices() -> list[list[tuple[float, float]]]:
    """Lattice vertices (lon, lat), warped smoothly and jittered so lines do not look ruled."""
    rng = random.Random(SEED)
    dx, dy = (EAST - WEST) / NX, (NORTH - SOUTH) / NY
    rows = []
    for r in range(NY + 1):
        row = []
        for c in range(NX + 1):
            wx = 0.15 * math.sin(0.9 * r + 0.35 * c)
            wy = 0.15 * math.sin(0.8 * c - 0.3 * r)
            jx, jy = rng.uniform(-0.18, 0.18), rng.uniform(-0.18, 0.18)
            lon = cell_lon(c) + (wx + jx) * dx
            lat = cell_lat(r) + (wy + jy) * dy
            row.append((round(lon, 6), round(lat, 6)))
        rows.append(row)
    return rows


Rect = tuple[int, int, int, int]


@cache
def _best_split(w: int, h: int, k: int, target: float) -> tuple[float, tuple[Rect, ...]] | None:
    """Guillotine-split a w×h block into k rectangles of 4–9 cells, as even and compact as possible."""
    area = w * h
    if not 4 * k <= area <= 9 * k:
        return None
    if k == 1:
        aspect = max(w, h) / min(w, h)
        if aspect > 4:
            return None
        return (area - target) ** 2 + 2 * (aspect - 1), ((0, w, 0, h),)
    best: tuple[float, tuple[Rect, ...]] | None = None
    for k1 in range(1, k):
        for cut in range(1, w):  # vertical cut
            a, b = _best_split(cut, h, k1, target), _best_split(w - cut, h, k - k1, target)
            if a and b:
                rects = a[1] + tuple((c0 + cut, c1 + cut, r0, r1) for c0, c1, r0, r1 in b[1])
                if best is None or a[0] + b[0] < best[0] - 1e-9:
                    best = (a[0] + b[0], rects)
        for cut in range(1, h):  # horizontal cut
            a, b = _best_split(w, cut, k1, target), _best_split(w, h - cut, k - k1, target)
            if a and b:
                rects = a[1] + tuple((c0, c1, r0 + cut, r1 + cut) for c0, c1, r0, r1 in b[1])
                if best is None or a[0] + b[0] < best[0] - 1e-9:
                    best = (a[0] + b[0], rects)
    return best


def split_street(rect: Rect, k: int) -> list[Rect]:
    c0, c1, r0, r1 = rect
    w, h = c1 - c0, r1 - r0
    found = _best_split(w, h, k, w * h / k)
    if found is None:
        raise SystemExit(f"cannot split a {w}x{h} street into {k} communities of 4-9 grids")
    parts = [(a + c0, b + c0, c + r0, d + r0) for a, b, c, d in found[1]]
    return sorted(parts, key=lambda p: (p[2], p[0]))  # number north→south, then west→east


def outline(cells: set[tuple[int, int]], verts: list[list[tuple[float, float]]]) -> list[list[float]]:
    """The counter-clockwise outer ring of a set of lattice cells (row, col), traced on shared vertices."""
    edges: dict[tuple[int, int], tuple[int, int]] = {}
    directed = set()
    for r, c in cells:
        # CCW in (lon, lat): south-west → south-east → north-east → north-west (row r+1 is south)
        corners = [(r + 1, c), (r + 1, c + 1), (r, c + 1), (r, c)]
        for i in range(4):
            directed.add((corners[i], corners[(i + 1) % 4]))
    for a, b in directed:
        if (b, a) not in directed:
            if a in edges:
                raise SystemExit(f"region pinches at lattice vertex {a}")
            edges[a] = b
    start = min(edges)
    ring = [start]
    v = edges[start]
    while v != start:
        ring.append(v)
        v = edges[v]
    if len(ring) != len(edges):
        raise SystemExit("region has holes or several pieces")
    ring.append(start)
    return [list(verts[r][c]) for r, c in ring]


def feature(level: str, code: str, zh: str, en: str, parent: str, ring: list[list[float]]) -> dict:
    return {
        "type": "Feature",
        "properties": {"level": level, "code": code, "name_zh": zh, "name_en": en, "parent": parent},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def build_geo() -> tuple[list[dict], dict[str, dict]]:
    """Features in file order, and per street: its code, name and grid list (for teams)."""
    verts = make_vertices()
    district_cells: set[tuple[int, int]] = set()
    street_feats, community_feats, grid_feats = [], [], []
    streets_info: dict[str, dict] = {}
    for seg, zh, en, rect, communities in STREETS:
        s_code = DISTRICT[0] + seg
        s_cells = {(r, c) for r in range(rect[2], rect[3]) for c in range(rect[0], rect[1])}
        if s_cells & district_cells:
            raise SystemExit(f"street {zh} overlaps another street")
        district_cells |= s_cells
        street_feats.append(feature("street", s_code, zh, en, DISTRICT[0], outline(s_cells, verts)))
        grids = []
        for i, ((c_zh, c_en), (c0, c1, r0, r1)) in enumerate(
            zip(communities, split_street(rect, len(communities)), strict=True), start=1
        ):
            c_code = f"{s_code}{i:03d}"
            c_cells = {(r, c) for r in range(r0, r1) for c in range(c0, c1)}
            community_feats.append(feature("community", c_code, c_zh, c_en, s_code, outline(c_cells, verts)))
            for j, (r, c) in enumerate(sorted(c_cells), start=1):  # west→east, north→south
                g_code = f"{c_code}{j:03d}"
                ring = outline({(r, c)}, verts)
                grid_feats.append(feature("grid", g_code, f"{c_zh}第{j}网格", f"{c_en} Grid {j}", c_code, ring))
                grids.append((g_code, (r, c)))
        streets_info[s_code] = {"zh": zh, "en": en, "rect": rect, "grids": grids, "seg": seg}
    district = feature("district", DISTRICT[0], DISTRICT[1], DISTRICT[2], CITY[0], outline(district_cells, verts))
    return [district, *street_feats, *community_feats, *grid_feats], streets_info


def write_geojson(features: list[dict], path: Path) -> None:
    path.write_text(geojson_text(features), encoding="utf-8")


def build_catalog(features: list[dict], streets_info: dict[str, dict]) -> str:
    grid_index = BucketIndex(
        (f["properties"]["code"], f["geometry"]["coordinates"][0])
        for f in features if f["properties"]["level"] == "grid"
    )
    district_ring = features[0]["geometry"]["coordinates"][0]
    in_district = BucketIndex([("district", district_ring)])
    centroids = {
        f["properties"]["code"]: ring_centroid(f["geometry"]["coordinates"][0])
        for f in features if f["properties"]["level"] == "grid"
    }

    out = [HEADER]
    for d_id, zh, en, kind in DEPARTMENTS:
        out.append(toml_table("department", {"id": d_id, "name_zh": zh, "name_en": en, "kind": kind}))

    teams = []  # (id, zh, en, members, caps, home_grid, dept, unit kinds, callsign prefix)
    for info in streets_info.values():
        c0, c1, r0, r1 = info["rect"]
        mid = ((r0 + r1 - 1) / 2, (c0 + c1 - 1) / 2)
        home = min(info["grids"], key=lambda g: ((g[1][0] - mid[0]) ** 2 + (g[1][1] - mid[1]) ** 2, g[0]))[0]
        teams.append((info["zh"].removesuffix("街道") + "联合执法队",
                      info["en"].removesuffix(" Subdistrict") + " Joint Enforcement Team",
                      FIVE_IN_ONE, JOINT_CAPS, home, "D-CG", JOINT_UNITS, STREET_ABBR[info["seg"]]))
    for zh, en, members, caps, dept, (lat, lon), kinds, abbr in SPECIALISTS:
        home = grid_index.find(lon, lat)
        if home is None:
            raise SystemExit(f"team {en} home ({lat}, {lon}) is outside the district")
        teams.append((zh, en, members, caps, home, dept, kinds, abbr))

    units = []
    for t, (zh, en, members, caps, home, dept, kinds, abbr) in enumerate(teams, start=1):
        t_id = f"T-{t:02d}"
        out.append(toml_table("team", {
            "id": t_id, "name_zh": zh, "name_en": en, "member_types": members,
            "capabilities": caps, "home_grid": home, "department": dept,
        }))
        lon0, lat0 = centroids[home]
        for n, kind in enumerate(kinds, start=1):
            # spread a team's units around its home, ~250 m out, each team turned differently
            angle = 2 * math.pi * (n / len(kinds)) + t * 0.7
            for scale in (1.0, 0.5, 0.0):
                lat = round(lat0 + scale * 0.00225 * math.sin(angle), 6)
                lon = round(lon0 + scale * 0.0031 * math.cos(angle), 6)
                if in_district.find(lon, lat):
                    break
            units.append({"id": f"U-{len(units) + 1:03d}", "team": t_id, "kind": kind,
                          "callsign": f"{abbr}-{n}", "lat": lat, "lon": lon, "status": "free"})
    out.extend(toml_table("unit", u) for u in units)

    cams = []
    for ew_zh, ew_en, lat in EW_ROADS:
        for ns_zh, ns_en, lon in NS_STREETS:
            x0, y0, x1, y1 = NANHU_LAKE
            if x0 <= lon <= x1 and y0 <= lat <= y1:
                continue
            cams.append((f"{ew_zh}与{ns_zh}交口", f"{ew_en} & {ns_en}", lat, lon))
    cams.extend(LANDMARKS)
    n = 0
    for zh, en, lat, lon in cams:
        if not in_district.find(lon, lat):
            continue  # junction just outside the invented outline
        n += 1
        out.append(toml_table("camera", {"id": f"CAM-{n:03d}", "name_zh": zh, "name_en": en,
                                         "lat": lat, "lon": lon, "stream_url": ""}))
    return "".join(out).rstrip("\n") + "\n"


HEADER = """\
# Reference data of the demo district: Chaoyang District, Changchun.
# Written by tools/make_district.py together with district.geojson; regenerate with
#   .venv/bin/python tools/make_district.py
# or edit by hand (then stop regenerating). File paths are relative to this file.
# Format: docs/CATALOG.md.

[district]
code = "220104"
name_zh = "朝阳区"
name_en = "Chaoyang District"
city_code = "220100"
city_zh = "长春市"
city_en = "Changchun"
timezone = "Asia/Shanghai"

[files]
geojson = "district.geojson"
categories = "categories.toml"
time_limits = "timelimits.toml"
calendars = ["calendar/cn-2025.toml", "calendar/cn-2026.toml"]

"""


def main() -> None:
    features, streets_info = build_geo()
    RESOURCES.mkdir(exist_ok=True)
    write_geojson(features, RESOURCES / "district.geojson")
    (RESOURCES / "catalog.toml").write_text(build_catalog(features, streets_info), encoding="utf-8")
    levels = [f["properties"]["level"] for f in features]
    print(
        f"wrote {RESOURCES / 'district.geojson'}: {levels.count('street')} streets, "
        f"{levels.count('community')} communities, {levels.count('grid')} grids; "
        f"and {RESOURCES / 'catalog.toml'}"
    )


if __name__ == "__main__":
    main()
