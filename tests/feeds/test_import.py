"""Imports (CONTRACT §1): NYC-311-style CSV and Open311 GeoReport v2 JSON into a real hub.
Every row's fate is checked: imported, already present, or rejected with its row number, its
own id and the reason. A second import adds nothing."""

import io
import json
from pathlib import Path

import pytest

from console.feeds.importer import (
    ImportFileError,
    MappingFile,
    Rejected,
    detect_format,
    load_mapping,
    plan,
    read_file,
    run_import,
)
from tests.feeds.conftest import TOKENS

HEADER = ("unique_key,created_date,closed_date,agency,complaint_type,descriptor,status,latitude,longitude,"
          "open_data_channel_type,incident_address\n")


def inside(catalog, n=0):
    return sorted(catalog.grids.values(), key=lambda g: g.code)[n].centroid


def csv_file(tmp_path, catalog) -> Path:
    (a, b), (c, d) = inside(catalog, 0), inside(catalog, 5)
    rows = [
        f"1001,01/15/2026 10:23:45 AM,,NYPD,Noise - Residential,Loud Music/Party,Open,{a},{b},PHONE,1 Main St",  # 1 ok
        f"1002,2026-01-15T11:00:00,01/16/2026 09:00:00 AM,DSNY,Missed Collection,Trash,Closed,{c},{d},ONLINE,",  # 2 ok
        "1003,01/15/2026 12:00:00 PM,,DOT,Street Light Condition,Street Light Out,Open,,,MOBILE,",  # 3 no coords
        f"1004,yesterday-ish,,DOT,Street Light Condition,Street Light Out,Open,{a},{b},PHONE,",  # 4 bad date
        f",01/15/2026 12:30:00 PM,,DOT,Graffiti,Graffiti,Open,{a},{b},PHONE,",  # 5 missing id
        "1006,01/15/2026 01:00:00 PM,,NYPD,Illegal Parking,Blocked Hydrant,Open,40.7128,-74.0060,PHONE,",  # 6 outside
        f"1007,01/15/2026 02:00:00 PM,,XYZ,Mystery Complaint,Odd,Open,{c},{d},OTHER,",  # 7 unmapped -> other
        f"1001,01/15/2026 03:00:00 PM,,NYPD,Noise,Loud,Open,{a},{b},PHONE,",  # 8 duplicate id in the file
    ]
    p = tmp_path / "requests.csv"
    p.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return p


def open311_file(tmp_path, catalog) -> Path:
    (a, b) = inside(catalog, 2)
    rows = [
        {"service_request_id": "SR-1", "status": "open", "service_name": "Pothole", "service_code": "POTHOLE",
         "description": "deep hole", "agency_responsible": "DOT", "requested_datetime": "2026-02-01T08:00:00+08:00",
         "address": "桂林路 12 号", "lat": a, "long": b, "media_url": "https://example.org/1.jpg"},
        {"service_request_id": "SR-2", "status": "closed", "service_name": "Graffiti Removal",
         "service_code": "GRAF", "requested_datetime": "2026-02-01T09:00:00Z", "lat": a, "long": b},
        {"service_request_id": "SR-3", "status": "open", "service_name": "Pothole", "requested_datetime":
         "not a date", "lat": a, "long": b},
        {"status": "open", "service_name": "Pothole", "requested_datetime": "2026-02-01T09:00:00Z", "lat": a,
         "long": b},
        {"service_request_id": "SR-5", "status": "open", "service_name": "Pothole",
         "requested_datetime": "2026-02-01T09:00:00Z"},
        {"service_request_id": "SR-6", "status": "open", "service_name": "Pothole",
         "requested_datetime": "2026-02-01T09:00:00Z", "lat": 10.0, "long": 10.0},
    ]
    p = tmp_path / "requests.json"
    p.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return p


AS_IS = """
[import]
timezone = "America/New_York"
[coordinates]
mode = "as-is"
[categories]
"Noise - Residential" = "E0602"
"Missed Collection" = "E0102"
"POTHOLE" = "E0401"
"""


def as_is_mapping(tmp_path) -> Path:
    p = tmp_path / "as_is.toml"
    p.write_text(AS_IS, encoding="utf-8")
    return p


def test_the_default_mapping_loads_and_names_real_categories(catalog):
    m = load_mapping(None, catalog)
    assert m.mode == "auto" and m.source == "import"
    assert all(code in catalog.categories for code in [*m.categories.values(), *m.agencies.values()])


def test_a_bad_mapping_names_the_file_and_the_entry(tmp_path, catalog):
    p = tmp_path / "m.toml"
    p.write_text('[categories]\n"Noise" = "X9999"\n', encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"m\.toml: categories\.'Noise': unknown category 'X9999'"):
        load_mapping(p, catalog)
    p.write_text('[coordinates]\nmode = "sideways"\n', encoding="utf-8")
    with pytest.raises(ImportFileError, match="coordinates.mode"):
        load_mapping(p, catalog)


def test_format_is_told_by_content_and_an_unknown_one_is_one_line(tmp_path):
    assert detect_format(Path("x.txt"), HEADER) == "csv"
    assert detect_format(Path("x.dat"), '[{"service_request_id": "1"}]') == "open311"
    p = tmp_path / "notes.txt"
    p.write_text("hello,world\n1,2\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as e:
        read_file(p)
    assert "notes.txt" in str(e.value) and "unknown format" in str(e.value) and "\n" not in str(e.value)
    p = tmp_path / "other.json"
    p.write_text('{"features": []}', encoding="utf-8")
    with pytest.raises(ImportFileError, match="unknown format"):
        read_file(p)


def test_every_csv_row_gets_its_fate_before_anything_is_sent(tmp_path, catalog):
    fmt, rows = read_file(csv_file(tmp_path, catalog))
    fates, mode = plan(rows, fmt, load_mapping(as_is_mapping(tmp_path), catalog), catalog)
    assert fmt == "csv" and mode == "as-is" and [f.row.number for f in fates] == list(range(1, 9))
    rejected = {f.row.number: f.reason for f in fates if isinstance(f, Rejected)}
    assert set(rejected) == {3, 4, 5, 6, 8}
    assert "no coordinates" in rejected[3] and "bad created date" in rejected[4]
    assert "no unique_key" in rejected[5] and "outside the district" in rejected[6]
    assert "duplicate" in rejected[8] and "row 1" in rejected[8]
    ok = {f.row.number: f.args for f in fates if not isinstance(f, Rejected)}
    assert ok[1]["category"] == "E0602" and ok[1]["external_id"] == "1001" and ok[1]["source"] == "import"
    assert ok[1]["reporter"] == "csv:PHONE" and ok[1]["source_category"] == "Noise - Residential / Loud Music/Party"
    assert ok[1]["reported_at"] == "2026-01-15T15:23:45.000Z"  # New York local time, as UTC
    assert ok[7]["category"] == catalog.other_category.code and ok[7]["source_category"] == "Mystery Complaint / Odd"
    # closed at its source: comes in closed, in one step, at its closed time (New York, as UTC)
    [two] = [f for f in fates if f.row.number == 2]
    assert "Closed" not in ok[2]["description"] and two.close == {"closed_at": "2026-01-16T14:00:00.000Z"}
    assert all(f.close is None for f in fates if not isinstance(f, Rejected) and f.row.number != 2)
    fates, _ = plan(rows, fmt, MappingFile(mode="as-is", closed="report"), catalog)
    [two] = [f for f in fates if f.row.number == 2]
    assert two.close is None and two.args["description"].endswith("[source status: Closed 01/16/2026 09:00:00 AM]")


def test_fit_maps_a_far_away_city_onto_the_district(catalog):
    from console.feeds.importer import Row

    def row(n, lat, lon):
        return Row(n, str(n), "2026-01-01T00:00:00Z", "", "Open", "Noise", ("Noise",), "NYPD", "d", "", str(lat),
                   str(lon), "PHONE", "")

    rows = [row(1, 40.70, -74.00), row(2, 40.80, -73.90), row(3, 40.75, -73.95), row(4, 40.72, -73.93)]
    fates, mode = plan(rows, "csv", MappingFile(mode="auto", outside="nearest"), catalog)
    assert mode == "fit"
    assert all(not isinstance(f, Rejected) and catalog.grid_at(f.args["lat"], f.args["lon"]) for f in fates)
    fates, _ = plan(rows, "csv", MappingFile(mode="as-is"), catalog)
    assert all(isinstance(f, Rejected) and "outside the district" in f.reason for f in fates)


async def test_importing_a_csv_reports_every_row_and_a_second_import_adds_nothing(hub, catalog, tmp_path, connect):
    path = csv_file(tmp_path, catalog)
    out = io.StringIO()
    with pytest.raises(ImportFileError, match=r"1 request\(s\) were closed at their source"):
        await run_import(hub.url, TOKENS["op"], path, catalog, mapping_path=as_is_mapping(tmp_path),
                         out=io.StringIO(), err=io.StringIO())
    s = await run_import(hub.url, TOKENS["sup"], path, catalog, mapping_path=as_is_mapping(tmp_path), out=out,
                         err=io.StringIO())
    assert (s.new, s.closed, s.present, s.rejected, s.rows) == (3, 1, 0, 5, 8)
    assert s.fates == {1: "new", 2: "new", 3: "rejected", 4: "rejected", 5: "rejected", 6: "rejected", 7: "new",
                       8: "rejected"}
    lines = out.getvalue().splitlines()
    assert "row 3 (unique_key 1003): rejected: no coordinates" in lines
    assert "row 5 (no unique_key): rejected: no unique_key" in lines
    assert any(line.startswith("row 6 (unique_key 1006): rejected: outside the district") for line in lines)
    assert lines[-1].startswith("imported 3 new (1 closed at their source), 0 already present, 5 rejected (of 8 rows)")
    op = await connect("op")
    res = await op.command("query.incidents", {"text": "1001"})
    [inc] = res["incidents"]
    assert inc["source"] == "import" and inc["external_id"] == "1001" and inc["category"] == "E0602"
    assert inc["reported_at"] == "2026-01-15T15:23:45.000Z" and inc["reporter"] == "csv:PHONE"

    res = await op.command("query.incidents", {"text": "1002"})
    [inc] = res["incidents"]
    assert (inc["state"], inc["version"]) == ("closed", 2)
    again = await run_import(hub.url, TOKENS["sup"], path, catalog, mapping_path=as_is_mapping(tmp_path),
                             out=io.StringIO(), err=io.StringIO())
    assert (again.new, again.closed, again.present, again.rejected) == (0, 0, 3, 5)
    res = await op.command("query.incidents", {"text": "", "limit": 500})
    assert len([i for i in res["incidents"] if i["source"] == "import"]) == 3


async def test_importing_open311_json_reports_every_row(hub, catalog, tmp_path):
    out = io.StringIO()
    s = await run_import(hub.url, TOKENS["sup"], open311_file(tmp_path, catalog), catalog,
                         mapping_path=as_is_mapping(tmp_path), out=out, err=io.StringIO())
    assert s.closed == 1
    assert s.fates == {1: "new", 2: "new", 3: "rejected", 4: "rejected", 5: "rejected", 6: "rejected"}
    text = out.getvalue()
    assert "row 3 (service_request_id SR-3): rejected: bad created date" in text
    assert "row 4 (no service_request_id): rejected: no service_request_id" in text
    assert "row 5 (service_request_id SR-5): rejected: no coordinates" in text
    assert "row 6 (service_request_id SR-6): rejected: outside the district" in text
    again = await run_import(hub.url, TOKENS["sup"], open311_file(tmp_path, catalog), catalog,
                             mapping_path=as_is_mapping(tmp_path), out=io.StringIO(), err=io.StringIO())
    assert (again.new, again.present) == (0, 2)


async def test_a_replay_plays_rows_at_their_pace_as_live_reports(hub, catalog, tmp_path, connect):
    (a, b) = inside(catalog, 3)
    rows = [f"{k},2026-03-01T10:00:{k:02d},,DSNY,Missed Collection,x,Open,{a},{b},PHONE," for k in range(3)]
    p = tmp_path / "r.csv"
    p.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    s = await run_import(hub.url, TOKENS["op"], p, catalog, mapping_path=as_is_mapping(tmp_path), replay=20.0,
                         out=io.StringIO(), err=io.StringIO())
    assert s.new == 3
    op = await connect("op")
    res = await op.command("query.incidents", {"status": "active", "limit": 10})
    assert all(i["reported_at"] > "2026-03-02" for i in res["incidents"])  # reported live, not at the source time
