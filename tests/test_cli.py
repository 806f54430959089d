"""The command line: bad reference data stops start-up with a message naming file and entry;
import and drill against a real hub (a subprocess started here); every bad argument, file or
unreachable hub exits non-zero with one line."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


def test_check_reports_the_shipped_district():
    r = run("check")
    assert r.returncode == 0, r.stderr
    assert "220104" in r.stdout and "grids" in r.stdout


def test_broken_reference_data_stops_start_up_naming_file_and_entry(tmp_path):
    data = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", data)
    cats = data / "categories.toml"
    text = cats.read_text(encoding="utf-8")
    cats.write_text(text.replace('limits = "lights"', 'limits = "no-such-profile"', 1), encoding="utf-8")
    r = run("--catalog", str(data / "catalog.toml"), "check")
    assert r.returncode == 2
    [line] = r.stderr.strip().splitlines()
    assert "categories.toml" in line and "no-such-profile" in line


def test_malformed_toml_names_the_file(tmp_path):
    data = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", data)
    (data / "timelimits.toml").write_text("[profiles.default\nbroken", encoding="utf-8")
    r = run("--catalog", str(data / "catalog.toml"))
    assert r.returncode == 2 and "timelimits.toml" in r.stderr


def test_demo_against_an_unreachable_hub_exits_2_with_one_line():
    r = run("demo", "--connect", "ws://127.0.0.1:1/ws", "--token", "t")
    assert r.returncode == 2
    [line] = r.stderr.strip().splitlines()
    assert "cannot reach the hub" in line


def test_bad_arguments_exit_non_zero_with_a_reason():
    r = run("hub", "--port", "eighty")
    assert r.returncode != 0 and "--port" in r.stderr


def test_a_malformed_hub_url_is_refused_before_anything_starts():
    r = run("console", "--connect", "nonsense", "--token", "t")
    assert r.returncode == 2
    [line] = r.stderr.strip().splitlines()
    assert "--connect" in line and "ws://" in line


@pytest.mark.parametrize("args, words", [
    (["--wall", "wallpaper"], ["--wall", "overview", "quad"]),
    (["--tiles", "ftp://x/{z}/{x}/{y}"], ["not an http"]),
    (["--tiles", "http://tiles.local/{z}/{x}.png"], ["lacks {y}"]),
    (["--mbtiles", "/nonexistent/base.mbtiles"], ["no such MBTiles file"]),
])
def test_a_bad_wall_preset_or_base_map_is_refused_with_one_line(args, words):
    r = run("console", "--connect", "ws://127.0.0.1:9/ws", "--token", "t", *args)
    assert r.returncode == 2
    [line] = r.stderr.strip().splitlines()
    assert all(w in line for w in words), line


def test_a_base_map_given_before_the_subcommand_is_kept_and_checked():
    r = run("--tiles", "ftp://x/{z}/{x}/{y}", "console", "--connect", "ws://127.0.0.1:9/ws", "--token", "t")
    assert r.returncode == 2
    [line] = r.stderr.strip().splitlines()
    assert "not an http" in line, line


SUP_TOKEN = "tok-cli-supervisor-0123456789"
OP_TOKEN = "tok-cli-operator-0123456789"


@pytest.fixture(scope="module")
def hub_url(tmp_path_factory):
    """A real hub (``main.py hub --port 0``) on SQLite for this module's commands."""
    folder = tmp_path_factory.mktemp("hub")
    cfg = folder / "hub.toml"
    cfg.write_text(f'[[users]]\nname = "sup"\nrole = "supervisor"\ntoken = "{SUP_TOKEN}"\n\n'
                   f'[[users]]\nname = "op"\nrole = "operator"\ntoken = "{OP_TOKEN}"\n', encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "hub", "--port", "0", "--db",
                             f"sqlite:///{folder / 'hub.db'}", "--config", str(cfg)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        for line in proc.stdout:
            if line.startswith("hub listening on "):
                yield line.split()[-1]
                break
        else:
            raise AssertionError("the hub did not start")
    finally:
        proc.terminate()
        proc.wait(30)
        proc.stdout.close()


def _csv(tmp_path, catalog_rows):
    p = tmp_path / "requests.csv"
    p.write_text("unique_key,created_date,complaint_type,descriptor,status,latitude,longitude,open_data_channel_type\n"
                 + "".join(f"{r}\n" for r in catalog_rows), encoding="utf-8")
    return p


def test_import_loads_a_csv_reports_rejected_rows_and_adds_nothing_the_second_time(hub_url, tmp_path):
    from console.models.catalog import load_catalog

    lat, lon = sorted(load_catalog().grids.values(), key=lambda g: g.code)[7].centroid
    path = _csv(tmp_path, [f"cli-1,2026-01-02T10:00:00,Noise,Loud,Open,{lat},{lon},PHONE",
                           f"cli-2,2026-01-02T11:00:00,Graffiti,Tag,Open,{lat},{lon},ONLINE",
                           "cli-3,2026-01-02T12:00:00,Graffiti,Tag,Open,,,ONLINE"])
    r = run("import", str(path), "--connect", hub_url, "--token", OP_TOKEN)
    assert r.returncode == 0, r.stderr
    assert "row 3 (unique_key cli-3): rejected: no coordinates" in r.stdout
    assert r.stdout.strip().splitlines()[-1].startswith("imported 2 new, 0 already present, 1 rejected (of 3 rows)")
    r = run("import", str(path), "--connect", hub_url, "--token", OP_TOKEN)
    assert r.returncode == 0 and "imported 0 new, 2 already present, 1 rejected" in r.stdout


@pytest.mark.parametrize(("content", "name", "words"), [
    ("just some notes\n", "notes.txt", "unknown format"),
    ("{not json", "broken.json", "not JSON"),
])
def test_import_of_an_unusable_file_exits_2_with_one_line(hub_url, tmp_path, content, name, words):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    r = run("import", str(p), "--connect", hub_url, "--token", OP_TOKEN)
    assert r.returncode == 2
    [line] = r.stderr.strip().splitlines()
    assert name in line and words in line


def test_import_with_a_missing_file_a_bad_mapping_or_no_hub_exits_2(tmp_path, hub_url):
    r = run("import", str(tmp_path / "none.csv"), "--connect", hub_url, "--token", OP_TOKEN)
    assert r.returncode == 2 and "none.csv" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    path = _csv(tmp_path, ["x,2026-01-02T10:00:00,Noise,Loud,Open,43.85,125.3,PHONE"])
    m = tmp_path / "m.toml"
    m.write_text('[import]\nother = "Z0000"\n', encoding="utf-8")
    r = run("import", str(path), "--connect", hub_url, "--token", OP_TOKEN, "--mapping", str(m))
    assert r.returncode == 2 and "m.toml" in r.stderr and "import.other" in r.stderr
    r = run("import", str(path), "--connect", "ws://127.0.0.1:1/ws", "--token", OP_TOKEN)
    assert r.returncode == 2 and "cannot reach the hub" in r.stderr
    r = run("import", str(path), "--connect", hub_url, "--token", "wrong-token-0123456789")
    assert r.returncode == 2 and "refused the token" in r.stderr
    r = run("import", str(path), "--connect", hub_url, "--token", OP_TOKEN, "--replay", "0")
    assert r.returncode == 2 and "--replay" in r.stderr


def test_a_drill_plays_prints_its_after_action_and_purges(hub_url, tmp_path):
    scenario = tmp_path / "s.toml"
    scenario.write_text("""
[drill]
id = "cli"
name = "cli drill"
linger = "10s"
[[inject]]
id = "A"
at = "0s"
type = "incident"
category = "E0406"
grid = "220104003001004"
description = "积水"
[[inject]]
at = "5s"
type = "action"
incident = "A"
action = "accept"
[[expect]]
incident = "A"
action = "accept"
within = "1m"
""", encoding="utf-8")
    report = tmp_path / "after.txt"
    r = run("drill", str(scenario), "--connect", hub_url, "--token", SUP_TOKEN, "--speed", "20",
            "--report", str(report), "--purge")
    assert r.returncode == 0, r.stderr
    assert "After-action: cli drill" in r.stdout and "[met]" in r.stdout and "purged 1 incidents" in r.stdout
    assert "expected responses 1/1 met" in report.read_text(encoding="utf-8")


def test_a_bad_scenario_or_speed_exits_2_with_one_line_naming_file_and_entry(hub_url, tmp_path):
    scenario = tmp_path / "bad.toml"
    scenario.write_text('[drill]\nid = "x"\nname = "x"\n[[inject]]\nid = "A"\ntype = "incident"\n'
                        'category = "Q1"\ngrid = "220104003001004"\ndescription = "d"\n', encoding="utf-8")
    r = run("drill", str(scenario), "--connect", hub_url, "--token", SUP_TOKEN)
    assert r.returncode == 2
    [line] = r.stderr.strip().splitlines()
    assert "bad.toml" in line and "inject[0] (A).category" in line
    r = run("drill", str(ROOT / "resources" / "drills" / "flood_night.toml"), "--connect", hub_url,
            "--token", SUP_TOKEN, "--speed", "-1")
    assert r.returncode == 2 and "--speed" in r.stderr
    r = run("drill", str(tmp_path / "missing.toml"), "--connect", hub_url, "--token", SUP_TOKEN)
    assert r.returncode == 2 and "missing.toml" in r.stderr


C = ["--connect", "ws://127.0.0.1:9/ws", "--token", "t"]
BAD_ARGUMENTS = [
    (["hub", "--port", "99999"], "--port"),
    (["hub", "--port", "-1"], "--port"),
    (["hub", "--port", "eighty"], "--port"),
    (["hub", "--host", "not a host"], "--host"),
    (["hub", "--host", "no-such-host.invalid"], "--host"),
    (["hub", "--db", "nonsense"], "--db"),
    (["hub", "--db", "mysql://u@h/db"], "--db"),
    (["hub", "--config", "/nonexistent/hub.toml"], "--config"),
    (["hub", "--tls-cert", "/nonexistent/cert.pem"], "--tls-cert"),
    (["hub", "--tls-key", "/nonexistent/key.pem"], "--tls-key"),
    (["hub", "--bogus"], "--bogus"),
    (["console", "--connect", "http://127.0.0.1:9/ws", "--token", "t"], "--connect"),
    (["console", "--connect", "nonsense", "--token", "t"], "--connect"),
    (["console", "--connect", "ws://127.0.0.1:9/ws", "--token", ""], "--token"),
    (["console", *C, "--wall", "wallpaper"], "--wall"),
    (["console", *C, "--mbtiles", "/nonexistent/base.mbtiles"], "MBTiles"),
    (["console", "--token", "t"], "--connect"),
    (["import", "/nonexistent/requests.csv", *C], "requests.csv"),
    (["import", "README.md", *C, "--mapping", "/nonexistent/map.toml"], "--mapping"),
    (["import", "README.md", *C, "--replay", "0"], "--replay"),
    (["import", "README.md", "--connect", "tcp://x", "--token", "t"], "--connect"),
    (["drill", "/nonexistent/flood.toml", *C], "flood.toml"),
    (["drill", "README.md", *C, "--speed", "0"], "--speed"),
    (["drill", "README.md", *C, "--speed", "nan"], "--speed"),
    (["drill", "README.md", *C, "--report", "/nonexistent/dir/after.txt"], "--report"),
    (["drill", "README.md", *C, "--report", "docs"], "--report"),
    (["demo", *C, "--rate", "-1"], "--rate"),
    (["demo", *C, "--seed", "x"], "--seed"),
    (["demo", "--connect", "ws://", "--token", "t"], "--connect"),
    (["--catalog", "/nonexistent/catalog.toml", "check"], "--catalog"),
    (["bogus"], "bogus"),
]


@pytest.mark.parametrize(("argv", "named"), BAD_ARGUMENTS, ids=[" ".join(a) for a, _ in BAD_ARGUMENTS])
def test_every_bad_argument_exits_2_with_one_line_naming_it(argv, named, capsys, monkeypatch):
    """In-process, so all of them run quickly; nothing starts before the arguments are good."""
    from console.cli import main

    monkeypatch.chdir(ROOT)
    try:
        code = main(argv)
    except SystemExit as e:  # argparse's own refusals
        code = e.code
    assert code == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert named in line and line.startswith("main.py"), line


def test_report_writes_the_numbers_the_hub_gives_as_xlsx_and_csv(hub_url, tmp_path):
    """main.py report (issue 15): the same figures as query.indicators, headless, in a file."""
    import asyncio

    from openpyxl import load_workbook

    from console.feeds.common import command, connect
    from console.models.catalog import load_catalog

    lat, lon = sorted(load_catalog().grids.values(), key=lambda g: g.code)[9].centroid
    path = _csv(tmp_path, [f"rep-1,2026-02-02T10:00:00,Noise,Loud,Open,{lat},{lon},PHONE"])
    assert run("import", str(path), "--connect", hub_url, "--token", OP_TOKEN).returncode == 0
    window = ["--since", "2026-01-01T00:00:00Z", "--until", "2026-12-31T00:00:00Z"]
    out = tmp_path / "numbers.xlsx"
    r = run("report", "--connect", hub_url, "--token", SUP_TOKEN, *window, "--group-by", "street", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "rows written to" in r.stdout

    async def ask():
        client = await connect(hub_url, SUP_TOKEN, "test", keep_state=False)
        try:
            return await command(client, "query.indicators", {"group_by": "street", "since": window[1],
                                                              "until": window[3]})
        finally:
            await client.close()

    rows = asyncio.run(ask())["rows"]
    ws = load_workbook(out).active
    table = [[c.value for c in row] for row in ws.iter_rows()][1:]  # under the title
    head, body = table[0], table[1:]
    got = {r[head.index("代码")]: r[head.index("上报")] for r in body}
    assert got == {r["key"]: r["reported"] for r in rows} and sum(got.values()) >= 1
    csv_out = tmp_path / "numbers.csv"
    r = run("report", "--connect", hub_url, "--token", SUP_TOKEN, *window, "--language", "en", "--out", str(csv_out))
    assert r.returncode == 0 and "Closure rate" in csv_out.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("extra, words", [
    (["--out", "n.txt"], "write a .csv, an .xlsx or a .pdf file"),
    (["--out", "no/such/folder/n.pdf"], "does not exist"),
    (["--since", "2026-03-02T00:00:00Z", "--until", "2026-03-01T00:00:00Z", "--out", "n.pdf"], "after --until"),
    (["--out", "no/such/folder/n.xlsx"], "does not exist"),
    (["--since", "yesterday", "--out", "n.xlsx"], "not an ISO-8601 time"),
    (["--since", "2026-03-02T00:00:00Z", "--until", "2026-03-01T00:00:00Z", "--out", "n.xlsx"], "after --until"),
])
def test_report_with_a_bad_window_or_file_exits_2_with_one_line_and_writes_nothing(hub_url, tmp_path, extra, words):
    args = [a if not a.startswith("n.") else str(tmp_path / a) for a in extra]
    r = run("report", "--connect", hub_url, "--token", SUP_TOKEN, *args)
    assert r.returncode == 2 and words in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert list(tmp_path.iterdir()) == []


def test_report_writes_the_handover_pdf_with_the_hubs_figures(hub_url, tmp_path):
    """main.py report --out FILE.pdf (issue 15): the shift-handover report, headless; its text
    read back holds the rates query.indicators gives for the same window."""
    import asyncio

    from pypdf import PdfReader

    from console.feeds.common import command, connect
    from console.models.catalog import load_catalog

    lat, lon = sorted(load_catalog().grids.values(), key=lambda g: g.code)[11].centroid
    path = _csv(tmp_path, [f"pdf-1,2026-02-03T10:00:00,Noise,Loud,Open,{lat},{lon},PHONE"])
    assert run("import", str(path), "--connect", hub_url, "--token", OP_TOKEN).returncode == 0
    window = ["--since", "2026-01-01T00:00:00Z", "--until", "2026-12-31T00:00:00Z"]
    out = tmp_path / "out"
    out.mkdir()
    r = run("report", "--connect", hub_url, "--token", SUP_TOKEN, *window, "--language", "en",
            "--out", str(out / "handover.pdf"))
    assert r.returncode == 0, r.stderr
    assert "handover report" in r.stdout and [p.name for p in out.iterdir()] == ["handover.pdf"]

    async def ask():
        client = await connect(hub_url, SUP_TOKEN, "test", keep_state=False)
        try:
            return await command(client, "query.indicators", {"since": window[1], "until": window[3]})
        finally:
            await client.close()

    [row] = asyncio.run(ask())["rows"]
    reader = PdfReader(str(out / "handover.pdf"))
    text = "\n".join(p.extract_text() for p in reader.pages).replace("\t", " ")
    assert "Shift handover report" in text and "Standard rates (all cases)" in text
    assert f"{row['reported']}\nReported" in text  # the count over its name, in its box
    rate = row["response_rate"]
    assert (f"{rate:.1f} %" if rate is not None else "—") + "\nHotline response" in text


def test_report_pdf_names_the_district_of_the_catalog_given(hub_url, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "handover.pdf"
    r = run("--catalog", str(_district_in(tmp_path)), "report", "--connect", hub_url, "--token", SUP_TOKEN,
            "--language", "en", "--out", str(out))
    assert r.returncode == 0, r.stderr
    text = "\n".join(p.extract_text() for p in PdfReader(str(out)).pages).replace("\t", " ")
    assert "Shift handover report · Test District" in text


def test_report_with_a_token_the_hub_refuses_writes_nothing(hub_url, tmp_path):
    r = run("report", "--connect", hub_url, "--token", "not-a-token-0123456789", "--out", str(tmp_path / "n.xlsx"))
    assert r.returncode == 2 and "refused" in r.stderr and not (tmp_path / "n.xlsx").exists()


@pytest.mark.parametrize("span, words", [
    ("2026-11-30T08:00", "FROM/TO"),
    ("2026-11-30T20:00/2026-11-30T08:00", "FROM must come before TO"),
    ("yesterday/today", "not an ISO-8601 time"),
])
def test_console_replay_with_a_bad_span_exits_2_with_one_line(span, words):
    r = run("console", "--connect", "ws://127.0.0.1:9/ws", "--token", SUP_TOKEN, "--replay", span)
    assert r.returncode == 2 and words in r.stderr, r.stderr


def test_a_replay_span_without_a_zone_is_the_districts_time():
    from zoneinfo import ZoneInfo

    from console.cli import in_district_time, replay_span

    since, until = in_district_time(replay_span("2026-11-30T08:00/2026-11-30T20:00+08:00"), ZoneInfo("Asia/Shanghai"))
    assert since.utcoffset().total_seconds() == 8 * 3600 and (until - since).total_seconds() == 12 * 3600


def _district_in(tmp_path, timezone="America/New_York"):
    """A district built from a boundary, in another time zone than the shipped one."""
    from tests.models.test_district_builder import SQUARE, built, geom

    folder, _b, _cat = built(tmp_path, {"type": "Feature", "properties": {}, "geometry": geom(SQUARE)})
    for f in folder.rglob("*.toml"):  # the district and its calendars
        text = f.read_text(encoding="utf-8")
        f.write_text(text.replace('"Asia/Shanghai"', f'"{timezone}"'), encoding="utf-8")
    return folder / "catalog.toml"


def test_console_replay_times_without_a_zone_are_in_the_zone_of_the_catalog_given(tmp_path, monkeypatch):
    from console import cli
    from console.views import app

    seen = {}
    monkeypatch.setattr(cli, "_desktop_ready", lambda: None)
    monkeypatch.setattr(app, "run_console", lambda *a, **kw: seen.update(kw, catalog=a[2]) or 0)
    catalog = _district_in(tmp_path)
    assert cli.main(["--catalog", str(catalog), "console", "--connect", "ws://127.0.0.1:9/ws", "--token", SUP_TOKEN,
                     "--replay", "2026-11-30T08:00/2026-11-30T20:00"]) == 0
    since, until = seen["replay"]
    assert seen["catalog"].district.name_en == "Test District"
    assert (since.utcoffset().total_seconds(), until.utcoffset().total_seconds()) == (-5 * 3600, -5 * 3600)


def test_debrief_writes_a_cases_timeline_and_its_maps_headless(hub_url, tmp_path):
    """main.py debrief (issue 16): the case's timeline and a map at each key moment, from the log."""
    import asyncio

    from pypdf import PdfReader

    from console.feeds.common import command, connect
    from console.models.catalog import load_catalog

    catalog = load_catalog()
    lat, lon = sorted(catalog.grids.values(), key=lambda g: g.code)[13].centroid

    async def work():
        client = await connect(hub_url, SUP_TOKEN, "test", keep_state=False)
        try:
            res = await command(client, "incident.report", {"category": sorted(catalog.categories)[0], "lat": lat,
                                                            "lon": lon, "description": "井盖缺失", "source": "hotline"})
            case = res["incident"]["id"]
            assert (await command(client, "incident.accept", {"incident": case}))["ok"]
            return case
        finally:
            await client.close()

    case = asyncio.run(work())
    out = tmp_path / "debrief.pdf"
    r = run("debrief", "--connect", hub_url, "--token", SUP_TOKEN, "--case", case, "--language", "en",
            "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert f"case {case}, 2 steps, 2 maps, written to {out}" in r.stdout
    reader = PdfReader(str(out))
    text = "\n".join(p.extract_text() for p in reader.pages).replace("\t", " ")
    assert f"Debrief: case {case}" in text and "accepted" in text and "→" not in text  # the plain course
    assert sum(len(p.images) for p in reader.pages) == 2


@pytest.mark.parametrize("extra, words", [
    (["--case", "x", "--out", "d.txt"], "write a .pdf file"),
    (["--case", "x", "--drill", "r", "--out", "d.pdf"], "not allowed with argument"),
    (["--out", "d.pdf"], "one of the arguments --case --drill is required"),
    (["--case", "no-such-case", "--out", "d.pdf"], "not_found"),
    (["--drill", "no-such-run", "--out", "d.pdf"], "no cases of drill run 'no-such-run'"),
])
def test_debrief_with_a_bad_argument_or_subject_exits_2_with_one_line_and_writes_nothing(hub_url, tmp_path, extra,
                                                                                        words):
    args = [a if not a.startswith("d.") else str(tmp_path / a) for a in extra]
    r = run("debrief", "--connect", hub_url, "--token", SUP_TOKEN, *args)
    assert r.returncode == 2 and words in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert list(tmp_path.iterdir()) == []


# ---- your own district (CONTRACT §5) -----------------------------------------------------------

BOUNDARY = ('{"type":"Feature","properties":{"name":"part of Manhattan"},"geometry":{"type":"Polygon",'
            '"coordinates":[[[-74.02,40.70],[-73.93,40.70],[-73.93,40.80],[-74.02,40.80],[-74.02,40.70]]]}}')


def test_district_new_builds_a_folder_that_check_validates_and_the_hub_serves(tmp_path):
    (tmp_path / "b.geojson").write_text(BOUNDARY, encoding="utf-8")
    r = run("district", "new", str(tmp_path / "nyc"), "--boundary", str(tmp_path / "b.geojson"), "--code", "310199",
            "--name", "曼哈顿测试区", "--name-en", "Manhattan", "--grid-m", "800")
    assert r.returncode == 0, r.stderr
    assert "unit grids" in r.stdout
    cat = tmp_path / "nyc" / "catalog.toml"
    r = run("check", "--catalog", str(cat))  # --catalog after the subcommand, as before it
    assert r.returncode == 0, r.stderr
    assert "曼哈顿测试区 Manhattan (310199)" in r.stdout
    cfg = tmp_path / "hub.toml"
    cfg.write_text(f'[[users]]\nname = "op"\nrole = "operator"\ntoken = "{OP_TOKEN}"\n', encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "hub", "--catalog", str(cat), "--port", "0",
                             "--db", f"sqlite:///{tmp_path / 'hub.db'}", "--config", str(cfg)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("hub listening on "), proc.stderr.read() if proc.poll() is not None else line
        # NYC rows into it, as-is, with no --catalog here: the district is the hub's
        rows = _csv(tmp_path, ["m-1,2026-01-02T10:00:00,Noise,Loud,Open,40.7580,-73.9855,PHONE",
                               "m-2,2026-01-02T11:00:00,Graffiti,Tag,Open,40.7128,-74.0060,ONLINE",
                               "m-3,2026-01-02T12:00:00,Graffiti,Tag,Open,40.6892,-74.0445,ONLINE"])
        mapping = tmp_path / "as-is.toml"
        mapping.write_text('[coordinates]\nmode = "as-is"\n', encoding="utf-8")
        r = run("import", str(rows), "--connect", line.split()[-1], "--token", OP_TOKEN, "--mapping", str(mapping))
        assert r.returncode == 0, r.stderr
        assert "row 3 (unique_key m-3): rejected: outside the district" in r.stdout  # the Statue of Liberty
        assert r.stdout.strip().splitlines()[-1].startswith("imported 2 new, 0 already present, 1 rejected")
    finally:
        proc.terminate()
        proc.wait(30)
        proc.stdout.close()
        proc.stderr.close()


@pytest.mark.parametrize(("content", "extra", "words"), [
    ("{oops", [], "not JSON"),
    ('{"type":"Point","coordinates":[1,2]}', [], "no polygon"),
    ('{"type":"Polygon","coordinates":[[[125.2,43.8],[125.3,43.9],[125.3,43.8],[125.2,43.9],[125.2,43.8]]]}', [],
     "Self-intersection"),
    (BOUNDARY, ["--grid-m", "60"], "use a larger --grid-m"),
    (BOUNDARY, ["--code", "31019"], "6-digit"),
])
def test_district_new_with_a_bad_boundary_or_option_exits_2_with_one_line_and_writes_nothing(tmp_path, content,
                                                                                             extra, words):
    (tmp_path / "b.geojson").write_text(content, encoding="utf-8")
    before = set(tmp_path.iterdir())
    args = ["--code", "310199", *extra] if "--code" not in extra else extra
    r = run("district", "new", str(tmp_path / "out"), "--boundary", str(tmp_path / "b.geojson"), "--name", "x", *args)
    assert r.returncode == 2
    [line] = r.stderr.strip().splitlines()
    assert words in line
    assert set(tmp_path.iterdir()) == before


def test_district_new_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "b.geojson").write_text(BOUNDARY, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    r = run("district", "new", str(tmp_path / "out"), "--boundary", str(tmp_path / "b.geojson"), "--code", "310199",
            "--name", "x")
    assert r.returncode == 2 and "exists and is not empty" in r.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["notes.txt"]


def test_check_finds_grids_that_overlap(tmp_path):
    import json

    (tmp_path / "b.geojson").write_text(BOUNDARY, encoding="utf-8")
    assert run("district", "new", str(tmp_path / "d"), "--boundary", str(tmp_path / "b.geojson"), "--code",
               "310199", "--name", "x", "--grid-m", "1500").returncode == 0
    geo = tmp_path / "d" / "district.geojson"
    data = json.loads(geo.read_text(encoding="utf-8"))
    grids = [f for f in data["features"] if f["properties"]["level"] == "grid"]
    from shapely.geometry import mapping, shape

    both = shape(grids[0]["geometry"]).union(shape(grids[1]["geometry"]))
    grids[0]["geometry"] = json.loads(json.dumps(mapping(both)))  # grid 1's ground is grid 0's too
    geo.write_text(json.dumps(data), encoding="utf-8")
    r = run("check", "--catalog", str(tmp_path / "d" / "catalog.toml"))
    assert r.returncode == 2
    [line] = r.stderr.strip().splitlines()
    assert "district.geojson" in line and "grid" in line
