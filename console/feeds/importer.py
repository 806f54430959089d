"""``python main.py import FILE``: service requests from a file into a hub (docs/FEEDS.md).

Two formats, told apart by extension and content: NYC-311-style CSV and Open311 GeoReport v2
JSON. The work is split in two:
- pure: read the file into rows, check each row, map its category, transform its coordinates
  and build the ``incident.report`` args (``read_file``, ``plan``) — tested without a hub;
- I/O: send the reports pipelined (many in flight, so the hub batches them), or at the rows'
  own pace with ``--replay X``, and report every row's fate (``run_import``).
Every row ends as imported, already present (same ``external_id`` from the same source) or
rejected with its row number, its own id and the reason. Nothing is dropped silently.

The district and the categories are the hub's (CONTRACT §5): ``run_import`` reads them from the
snapshot the hub sends (``HubDistrict``), so a file lands in the district that hub serves
whatever catalog the importing machine has. ``plan`` and ``load_mapping`` also take a local
``Catalog`` (tests, tools).
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import time
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from console.models.catalog import RESOURCES, Catalog
from console.models.catalog_files import shape_items
from console.models.geo import BucketIndex, ring_bbox
from console.models.incident import EARLIEST, LATEST, iso
from console.models.validation import EXTRA_ROLES

from .common import Progress, close_quietly, command, connect, load_toml, pipeline

DEFAULT_MAPPING = RESOURCES / "imports" / "default.toml"
FORMATS = ("csv", "open311")


class ImportFileError(ValueError):
    """The file or the mapping cannot be used at all; the message is one line naming it."""


# ---- the district the rows go to ----------------------------------------------------------------

class HubDistrict:
    """What an import needs of a district: its categories, its outline (is a point inside, the
    box a fit maps onto) and its grids' centres (the nearest grid). From the reference data a hub
    sends in its snapshot (``of_reference``) or from a local catalog (``of_catalog``)."""

    def __init__(self, categories: set[str], other: str, polygons: list[list[list[tuple[float, float]]]],
                 centres: list[tuple[float, float]], inside: Callable[[float, float], bool] | None = None) -> None:
        self.categories = categories
        self.other = other
        self.centres = centres  # (lat, lon) of each grid
        index: BucketIndex[bool] = BucketIndex((True, rings[0], rings[1:]) for rings in polygons)
        self.inside: Callable[[float, float], bool] = inside or (lambda lat, lon: bool(index.find(lon, lat)))
        boxes = [ring_bbox(rings[0]) for rings in polygons]
        self.bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                     max(b[3] for b in boxes))  # (min lon, min lat, max lon, max lat)

    @classmethod
    def of_catalog(cls, catalog: Catalog) -> HubDistrict:
        polygons = [[list(r) for r in (ring, *holes)] for _, ring, holes in shape_items([catalog.district])]
        return cls(set(catalog.categories), catalog.other_category.code, polygons,  # type: ignore[arg-type]
                   [g.centroid for g in catalog.grids.values()],
                   inside=lambda lat, lon: catalog.grid_at(lat, lon) is not None)

    @classmethod
    def of_reference(cls, ref: dict[str, Any]) -> HubDistrict:
        """From a snapshot's reference data (``Catalog.to_wire``); ValueError when it lacks the outline."""
        outline = (ref.get("district") or {}).get("outline")
        if not outline or not ref.get("categories"):
            raise ValueError("the hub sent no district outline or no categories (an older hub?)")
        polygons = [[[(float(p[0]), float(p[1])) for p in r] for r in rings] for rings in outline]
        return cls({c["code"] for c in ref["categories"]}, ref.get("other_category", ""), polygons,
                   [(g["centroid"][0], g["centroid"][1]) for g in ref.get("grids", ())])

    def nearest(self, lat: float, lon: float) -> tuple[float, float]:
        return min(self.centres, key=lambda c: (c[0] - lat) ** 2 + (c[1] - lon) ** 2)


def _district(where: Catalog | HubDistrict) -> HubDistrict:
    return HubDistrict.of_catalog(where) if isinstance(where, Catalog) else where


# ---- the mapping file --------------------------------------------------------------------------

@dataclass(frozen=True)
class MappingFile:
    source: str = "import"
    other: str | None = None  # None: the catalog's other_category
    id_prefix: str = ""
    timezone: str = "America/New_York"  # for times without an offset
    closed: str = "close"  # close (in one audited step, docs/OPEN311.md) | report (as open) | skip
    mode: str = "auto"  # as-is | fit | auto
    bbox: tuple[float, float, float, float] | None = None  # south, west, north, east (source area)
    outside: str = "reject"  # reject | nearest
    categories: dict[str, str] = field(default_factory=dict)  # lower-case source text -> our code
    agencies: dict[str, str] = field(default_factory=dict)


def load_mapping(path: Path | None, catalog: Catalog | HubDistrict) -> MappingFile:
    """The mapping file (default: resources/imports/default.toml), checked against the district's
    categories. ImportFileError names the file and the entry."""
    catalog = _district(catalog)
    path = path or DEFAULT_MAPPING
    data = load_toml(path, ImportFileError)

    def bad(entry: str, problem: str) -> ImportFileError:
        return ImportFileError(f"{path}: {entry}: {problem}")

    unknown = sorted(set(data) - {"import", "coordinates", "categories", "agencies"})
    if unknown:
        raise bad(unknown[0], "unknown section (expected import, coordinates, categories, agencies)")
    imp, coords = data.get("import", {}), data.get("coordinates", {})
    for name, table, keys in (("import", imp, {"source", "other", "id_prefix", "timezone", "closed"}),
                              ("coordinates", coords, {"mode", "bbox", "outside"})):
        if not isinstance(table, dict):
            raise bad(name, "must be a table")
        extra = sorted(set(table) - keys)
        if extra:
            raise bad(f"{name}.{extra[0]}", f"unknown key (expected {', '.join(sorted(keys))})")
    kw: dict[str, Any] = {}
    for key in ("source", "other", "id_prefix", "timezone", "closed"):
        if key in imp:
            if not isinstance(imp[key], str):
                raise bad(f"import.{key}", "must be a string")
            kw[key] = imp[key]
    if not kw.get("source", "import").strip():
        raise bad("import.source", "must not be empty")
    if kw.get("closed", "close") not in ("close", "report", "skip"):
        raise bad("import.closed", 'must be "close", "report" or "skip"')
    try:
        zoneinfo.ZoneInfo(kw.get("timezone", "UTC"))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise bad("import.timezone", f"unknown time zone {kw.get('timezone')!r}") from None
    if "other" in kw and kw["other"] not in catalog.categories:
        raise bad("import.other", f"unknown category {kw['other']!r}")
    mode = coords.get("mode", "auto")
    if mode not in ("as-is", "fit", "auto"):
        raise bad("coordinates.mode", 'must be "as-is", "fit" or "auto"')
    kw["mode"] = mode
    outside = coords.get("outside", "reject")
    if outside not in ("reject", "nearest"):
        raise bad("coordinates.outside", 'must be "reject" or "nearest"')
    kw["outside"] = outside
    if "bbox" in coords:
        b = coords["bbox"]
        if (not isinstance(b, list) or len(b) != 4 or not all(isinstance(x, (int, float)) for x in b)
                or not (b[0] < b[2] and b[1] < b[3])):
            raise bad("coordinates.bbox", "must be [south, west, north, east] with south < north, west < east")
        kw["bbox"] = tuple(float(x) for x in b)
    for section in ("categories", "agencies"):
        table = data.get(section, {})
        if not isinstance(table, dict):
            raise bad(section, "must be a table of \"source name\" = \"category code\"")
        out: dict[str, str] = {}
        for k, v in table.items():
            if not isinstance(v, str) or v not in catalog.categories:
                raise bad(f"{section}.{k!r}", f"unknown category {v!r}")
            out[k.strip().lower()] = v
        kw[section] = out
    return MappingFile(**kw)


# ---- reading the file --------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    """One source row, as read (strings as given, nothing checked yet)."""

    number: int  # 1 = the first data row
    id: str
    created: str
    closed: str
    status: str
    category: str  # the source's category text (complaint type / service name)
    category_keys: tuple[str, ...]  # texts to look up in [categories], most specific first
    agency: str
    description: str
    address: str
    lat: str
    lon: str
    channel: str
    media_url: str
    status_notes: str = ""  # the source's last word on it (Open311 status_notes, NYC resolution_description)


CLOSE_ROLES = frozenset(r.value for r in EXTRA_ROLES["incident.import_close"])
CSV_ID = "unique_key"
OPEN311_ID = "service_request_id"


def _norm(header: str) -> str:
    return header.strip().lstrip("\ufeff").lower().replace(" ", "_")


def detect_format(path: Path, text: str) -> str:
    """``csv`` or ``open311``, from the extension and the content; ImportFileError otherwise."""
    head = text.lstrip("\ufeff \t\r\n")[:1]
    ext = path.suffix.lower()
    if head in ("[", "{") and ext != ".csv":
        return "open311"
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    cols = {_norm(c) for c in next(csv.reader([first]), [])}
    if {CSV_ID, "created_date"} <= cols:
        return "csv"
    what = f"{ext} file" if ext else "file"
    raise ImportFileError(
        f"{path}: unknown format ({what} is neither NYC-311-style CSV with unique_key and created_date "
        "columns nor Open311 GeoReport v2 JSON)")


def read_file(path: Path) -> tuple[str, list[Row]]:
    """(format, rows). ImportFileError (one line, naming the file) when it cannot be used at all."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ImportFileError(f"{path}: cannot read: {e.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(f"{path}: not UTF-8 text") from None
    fmt = detect_format(path, text)
    return fmt, (_read_csv(path, text) if fmt == "csv" else _read_open311(path, text))


def _read_csv(path: Path, text: str) -> list[Row]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [_norm(h) for h in next(reader)]
    except (StopIteration, csv.Error) as e:
        raise ImportFileError(f"{path}: not a CSV file: {e}") from None
    rows = []
    try:
        for n, values in enumerate(reader, start=1):
            if not any(v.strip() for v in values):
                continue  # a blank line is not a row
            r = dict(zip(header, values, strict=False))
            get = lambda k, r=r: (r.get(k) or "").strip()  # noqa: E731
            ctype, desc = get("complaint_type"), get("descriptor")
            address = get("incident_address") or " ".join(x for x in (get("street_name"), get("city")) if x)
            rows.append(Row(
                number=n, id=get(CSV_ID), created=get("created_date"), closed=get("closed_date"),
                status=get("status"), category=" / ".join(x for x in (ctype, desc) if x),
                category_keys=tuple(k for k in (f"{ctype} / {desc}" if ctype and desc else "", ctype, desc) if k),
                agency=get("agency"), description=": ".join(x for x in (ctype, desc) if x) or get("location_type"),
                address=address, lat=get("latitude"), lon=get("longitude"),
                channel=get("open_data_channel_type"), media_url="", status_notes=get("resolution_description"),
            ))
    except csv.Error as e:
        raise ImportFileError(f"{path}: broken CSV at line {reader.line_num}: {e}") from None
    return rows


def _read_open311(path: Path, text: str) -> list[Row]:
    try:
        data = json.loads(text)
    except ValueError as e:
        raise ImportFileError(f"{path}: not JSON: {e}") from None
    if isinstance(data, dict):
        data = data.get("service_requests", data.get("requests"))
    if not isinstance(data, list) or (data and not any(isinstance(x, dict) and
                                                       ({OPEN311_ID, "requested_datetime"} & set(x)) for x in data)):
        raise ImportFileError(f"{path}: unknown format (JSON, but not a list of Open311 GeoReport v2 service requests)")
    rows = []
    for n, obj in enumerate(data, start=1):
        if not isinstance(obj, dict):
            obj = {}
        get = lambda k, o=obj: "" if o.get(k) is None else str(o.get(k)).strip()  # noqa: E731
        code, name = get("service_code"), get("service_name")
        rows.append(Row(
            number=n, id=get(OPEN311_ID), created=get("requested_datetime"), closed=get("updated_datetime")
            if get("status").lower() == "closed" else "", status=get("status"),
            category=f"{name} ({code})" if name and code else name or code,
            category_keys=tuple(k for k in (code, name) if k), agency=get("agency_responsible"),
            description=get("description") or name or code, address=get("address"),
            lat=get("lat"), lon=get("long"), channel=get("channel") or "open311", media_url=get("media_url"),
            status_notes=get("status_notes"),
        ))
    return rows


# ---- planning: every row's fate before anything is sent ---------------------------------------

@dataclass(frozen=True)
class Planned:
    row: Row
    args: dict[str, Any]  # incident.report args
    created: datetime
    close: dict[str, Any] | None = None  # incident.import_close args (but the incident): closed at its source
    note: str | None = None  # an open request's status_notes, kept as an incident.note


@dataclass(frozen=True)
class Rejected:
    row: Row
    reason: str


_CSV_TIME_FORMATS = ("%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y",
                     "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S")


def parse_time(text: str, tz: zoneinfo.ZoneInfo) -> datetime:
    """A source time as aware UTC; naive times are taken in ``tz``. ValueError when unusable."""
    t: datetime | None = None
    try:
        t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        for fmt in _CSV_TIME_FORMATS:
            try:
                t = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if t is None:
        raise ValueError(text)
    if t.tzinfo is None:
        t = t.replace(tzinfo=tz)
    t = t.astimezone(UTC)
    if not EARLIEST <= t < LATEST:
        raise ValueError(text)
    return t


def _coords(row: Row) -> tuple[float, float] | None:
    try:
        lat, lon = float(row.lat), float(row.lon)
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0) or lat != lat or lon != lon:
        return None
    return lat, lon


def plan(rows: list[Row], fmt: str, mapping: MappingFile, catalog: Catalog | HubDistrict, *,
         replay: bool = False) -> tuple[list[Planned | Rejected], str]:
    """Each row's fate (in row order) and the coordinate mode used ("as-is" or "fit").

    Pure: no hub. Checks, in order: an id, no id seen before in the file, a usable created time,
    usable coordinates (inside ``[coordinates] bbox`` when given), then the transform and the
    district test. With mode "as-is" a row's coordinates are sent exactly as read."""
    catalog = _district(catalog)
    tz = zoneinfo.ZoneInfo(mapping.timezone)
    id_name = CSV_ID if fmt == "csv" else OPEN311_ID
    seen: dict[str, int] = {}
    checked: list[tuple[Row, datetime, tuple[float, float]] | Rejected] = []
    for row in rows:
        if not row.id:
            checked.append(Rejected(row, f"no {id_name}"))
            continue
        if row.id in seen:
            checked.append(Rejected(row, f"duplicate {id_name} (same as row {seen[row.id]})"))
            continue
        seen[row.id] = row.number
        if not row.created:
            checked.append(Rejected(row, "no created date"))
            continue
        try:
            created = parse_time(row.created, tz)
        except ValueError:
            checked.append(Rejected(row, f"bad created date {row.created[:60]!r}"))
            continue
        if mapping.closed == "skip" and row.status.strip().lower() == "closed":
            checked.append(Rejected(row, "closed in the source ([import] closed = \"skip\")"))
            continue
        point = _coords(row)
        if point is None:
            what = "no coordinates" if not (row.lat or row.lon) else f"unusable coordinates {row.lat!r}, {row.lon!r}"
            checked.append(Rejected(row, what))
            continue
        b = mapping.bbox
        if b is not None and not (b[0] <= point[0] <= b[2] and b[1] <= point[1] <= b[3]):
            checked.append(Rejected(row, "outside the source area ([coordinates] bbox)"))
            continue
        checked.append((row, created, point))

    points = [c[2] for c in checked if not isinstance(c, Rejected)]
    mode = mapping.mode
    if mode == "auto":
        inside = sum(1 for lat, lon in points if catalog.inside(lat, lon))
        mode = "as-is" if not points or inside * 2 >= len(points) else "fit"
    transform = _fit(points, mapping.bbox, catalog) if mode == "fit" else (lambda lat, lon: (lat, lon))

    out: list[Planned | Rejected] = []
    other = mapping.other or catalog.other
    for c in checked:
        if isinstance(c, Rejected):
            out.append(c)
            continue
        row, created, (lat, lon) = c
        lat, lon = transform(lat, lon)
        moved = ""
        if not catalog.inside(lat, lon):
            if mapping.outside == "reject":
                after = " after the fit" if mode == "fit" else ""
                out.append(Rejected(row, f"outside the district{after} ({lat:.5f}, {lon:.5f})"))
                continue
            lat, lon = catalog.nearest(lat, lon)
            moved = " (moved into the nearest grid)"
        code = next((mapping.categories[k.lower()] for k in row.category_keys if k.lower() in mapping.categories),
                    None) or _own_code(row, fmt, catalog) or mapping.agencies.get(row.agency.lower()) or other
        desc = row.description or row.category or "(no description)"
        closed = mapping.closed == "close" and row.status.strip().lower() == "closed"
        close = _close_args(row, created, tz, replay) if closed else None
        if close is None and row.status and not (fmt == "open311" and row.status.lower() == "open"):
            desc += f" [source status: {row.status}{' ' + row.closed if row.closed else ''}]"  # open: it is, here too
        args: dict[str, Any] = {
            "category": code, "lat": lat, "lon": lon, "description": (desc + moved)[:4000],
            "source": mapping.source, "external_id": (mapping.id_prefix + row.id)[:200],
            "reporter": (f"{fmt}:{row.channel}" if row.channel else fmt)[:200],
        }
        if row.category:
            args["source_category"] = row.category[:200]
        if row.address:
            args["address"] = row.address[:4000]
        if row.media_url:
            args["photo_url"] = row.media_url[:4000]
        if not replay:
            args["reported_at"] = iso(created)  # a replay reports them live, at the hub's time
        note = row.status_notes[:4000] if close is None and row.status_notes else None
        out.append(Planned(row, args, created, close, note))
    return out, mode


def _close_args(row: Row, created: datetime, tz: zoneinfo.ZoneInfo, replay: bool) -> dict[str, Any]:
    """``incident.import_close`` for a row closed at its source: when (its closed time; not before
    its report, which a source's clock can put a little earlier) and the source's own notes. A
    replay closes at the hub's time, as it reports."""
    args: dict[str, Any] = {}
    if row.status_notes:
        args["note"] = row.status_notes[:4000]
    if replay:
        return args
    try:
        at = max(parse_time(row.closed, tz), created) if row.closed else created
    except ValueError:
        at = created  # a closed time we cannot read: closed, when is unknown, not before the report
    args["closed_at"] = iso(at)
    return args


def _own_code(row: Row, fmt: str, catalog: Catalog) -> str | None:
    """An Open311 service_code that is one of our category codes (another hub's export,
    docs/OPEN311.md) is taken as it is when the mapping does not say otherwise."""
    code = row.category_keys[0] if fmt == "open311" and row.category_keys else None
    return code if code in catalog.categories else None


def _fit(points: list[tuple[float, float]], bbox: tuple[float, float, float, float] | None,
         catalog: HubDistrict) -> Callable[[float, float], tuple[float, float]]:
    """Map the source's bounding box (``bbox``, else that of the points) linearly onto the
    district's bounding box."""
    if bbox is not None:
        s, w, n, e = bbox
    elif points:
        s, n = min(p[0] for p in points), max(p[0] for p in points)
        w, e = min(p[1] for p in points), max(p[1] for p in points)
    else:
        return lambda lat, lon: (lat, lon)
    dw, ds, de, dn = catalog.bbox  # (min lon, min lat, max lon, max lat)

    def axis(v: float, lo: float, hi: float, to_lo: float, to_hi: float) -> float:
        if hi - lo < 1e-12:
            return (to_lo + to_hi) / 2
        return to_lo + (v - lo) / (hi - lo) * (to_hi - to_lo)

    return lambda lat, lon: (axis(lat, s, n, ds, dn), axis(lon, w, e, dw, de))


# ---- sending --------------------------------------------------------------------------------------

@dataclass
class Summary:
    new: int = 0
    present: int = 0
    rejected: int = 0
    rows: int = 0
    seconds: float = 0.0
    fates: dict[int, str] = field(default_factory=dict)  # row number -> new | present | rejected

    closed: int = 0  # of the new: closed at their source, and here too (incident.import_close)

    def line(self) -> str:
        closed = f" ({self.closed} closed at their source)" if self.closed else ""
        return (f"imported {self.new} new{closed}, {self.present} already present, {self.rejected} rejected "
                f"(of {self.rows} rows) in {self.seconds:.1f} s")


def _row_label(row: Row, fmt: str) -> str:
    id_name = CSV_ID if fmt == "csv" else OPEN311_ID
    return f"row {row.number} ({id_name} {row.id})" if row.id else f"row {row.number} (no {id_name})"


async def run_import(url: str, token: str, path: Path, catalog: Catalog | None = None, *,
                     mapping_path: Path | None = None, replay: float | None = None, out: TextIO | None = None,
                     err: TextIO | None = None, window: int = 400) -> Summary:
    """Import ``path`` into the hub, into the district and categories that hub serves (``catalog``
    is not used for them: CONTRACT §5). Raises ImportFileError (file, mapping) or ConnectionError
    (hub) before anything is sent; afterwards every row's fate is printed to ``out``."""
    import sys

    out = out or sys.stdout
    err = err or sys.stderr
    fmt, rows = read_file(path)
    reference: dict[str, Any] = {}
    client = await connect(url, token, "import", keep_state=False,
                           on_snapshot=lambda replica: reference.update(replica.reference))
    try:
        try:
            district = HubDistrict.of_reference(reference)
        except ValueError as e:
            raise ConnectionError(f"the hub at {url} cannot take imports: {e}") from None
        mapping = load_mapping(mapping_path, district)
        fates, mode = plan(rows, fmt, mapping, district, replay=replay is not None)
        closing = sum(1 for f in fates if isinstance(f, Planned) and f.close is not None)
        if closing and client.role not in CLOSE_ROLES:
            raise ImportFileError(
                f"{path}: {closing} request(s) were closed at their source; closing them here takes a supervisor's "
                f"token (this one is {client.role}), or say [import] closed = \"report\" (as open) or \"skip\"")
    except BaseException:
        await close_quietly(client)
        raise
    summary = Summary(rows=len(rows))
    progress = Progress(len(rows), f"importing {path.name}", err)

    def report(row: Row, fate: str, why: str = "") -> None:
        summary.fates[row.number] = fate
        if fate == "rejected":
            summary.rejected += 1
            progress.clear()
            print(f"{_row_label(row, fmt)}: rejected: {why}", file=out, flush=True)
        elif fate == "present":
            summary.present += 1
        else:
            summary.new += 1
        progress.advance()

    start = time.perf_counter()
    try:
        if mode == "fit":
            print(f"{path.name}: coordinates fitted onto the district's bounding box ([coordinates] mode)",
                  file=out, flush=True)
        for f in fates:
            if isinstance(f, Rejected):
                report(f.row, "rejected", f.reason)
        planned = [f for f in fates if isinstance(f, Planned)]

        async def send(p: Planned) -> None:
            res = await command(client, "incident.report", p.args)
            follow = (("incident.import_close", p.close, "left open: closing") if p.close is not None else
                      ("incident.note", {"text": p.note}, "its source's notes not kept: the note") if p.note else None)
            if res.get("ok") and follow is not None and not res.get("existing"):
                inc = res["incident"]
                done = await command(client, follow[0], {**follow[1], "incident": inc["id"],
                                                         "expect_version": inc["version"]})
                if done.get("ok"):
                    summary.closed += p.close is not None
                else:  # reported, but not all of it: say so, and how it stands
                    progress.clear()
                    print(f"{_row_label(p.row, fmt)}: imported as {inc['id']}, but {follow[2]} refused by the hub: "
                          f"{done.get('code')}: {done.get('message')}", file=out, flush=True)
            if res.get("ok"):
                report(p.row, "present" if res.get("existing") else "new")
            else:
                report(p.row, "rejected", f"refused by the hub: {res.get('code')}: {res.get('message')}")

        if replay is None:
            await pipeline(planned, send, window=window)
        else:
            await _replay(planned, send, replay)
    finally:
        await close_quietly(client)
    progress.finish()
    summary.seconds = time.perf_counter() - start
    print(summary.line(), file=out, flush=True)
    return summary


async def _replay(planned: list[Planned], send: Callable[[Planned], Any], speed: float) -> None:
    """Send each row when its time comes: the rows' own pace, ``speed`` times faster."""
    order = sorted(planned, key=lambda p: (p.created, p.row.number))
    if not order:
        return
    loop = asyncio.get_running_loop()
    t0, first = loop.time(), order[0].created
    tasks = []
    for p in order:
        due = t0 + (p.created - first).total_seconds() / speed
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(send(p)))
    await asyncio.gather(*tasks)
