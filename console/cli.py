"""The command line of CONTRACT §1. Each subcommand hands over to its own module."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a bad argument is one line on stderr (``main.py hub: --port: …``) and exit 2,
    not a usage block: operators and scripts read the first line only."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message}\n")


def port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0–65535)") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is outside 0–65535")
    return value


def host(text: str) -> str:
    """An IP address, or a host name this machine resolves (checked before anything starts)."""
    import ipaddress
    import socket

    try:
        ipaddress.ip_address(text)
        return text
    except ValueError:
        pass
    label = r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)"
    if not re.fullmatch(rf"{label}(\.{label})*\.?", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an IP address or a host name")
    try:
        socket.getaddrinfo(text, None)
    except OSError:
        raise argparse.ArgumentTypeError(f"{text!r} does not resolve to an address on this machine") from None
    return text


def existing_file(text: str) -> Path:
    path = Path(text)
    if not path.exists():
        raise argparse.ArgumentTypeError(f"{text}: no such file")
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder, not a file")
    return path


def writable_file(text: str) -> Path:
    path = Path(text)
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder, not a file")
    if not path.parent.is_dir():
        raise argparse.ArgumentTypeError(f"{text}: the folder {path.parent} does not exist")
    return path


def positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not (0 < value < float("inf")):
        raise argparse.ArgumentTypeError(f"must be a positive number, got {text}")
    return value


def hub_url(text: str) -> str:
    """One hub URL, or several separated by commas (``ws://a:8765/ws,ws://b:8765/ws``): the
    console moves to the next when one fails (CONTRACT §5 "Several hubs"). Each is checked; the
    list comes back as one string, blanks removed, for ``HubClient`` and the feeds alike."""
    from websockets.exceptions import InvalidURI
    from websockets.uri import parse_uri

    urls = [u.strip() for u in text.split(",")]
    if not any(urls):
        raise argparse.ArgumentTypeError("no hub URL given (e.g. ws://127.0.0.1:8765/ws)")
    for n, url in enumerate(urls, 1):
        where = f" (the {_ordinal(n)} of the list)" if len(urls) > 1 else ""
        if not url:
            raise argparse.ArgumentTypeError(f"{text!r}: the {_ordinal(n)} URL of the list is empty")
        try:
            parse_uri(url)
        except InvalidURI:
            raise argparse.ArgumentTypeError(
                f"{url!r}{where} is not a ws:// or wss:// URL (e.g. ws://127.0.0.1:8765/ws)") from None
        if urls.index(url) < n - 1:
            raise argparse.ArgumentTypeError(f"{url!r} is in the list twice")
    return ",".join(urls)


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def db_url(text: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except ArgumentError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a database URL (sqlite:///path.db or postgresql+psycopg://…)") from None
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise argparse.ArgumentTypeError(f"{url.get_backend_name()!r}: the hub stores in sqlite or postgresql")
    return text


def token(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("the token is empty")
    return text


def build_parser() -> argparse.ArgumentParser:
    p = OneLineParser(prog="main.py", description="Command-center console")
    p.add_argument("--catalog", type=existing_file, help="reference data (catalog.toml); default: resources/")
    _map_options(p)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    hub = sub.add_parser("hub", help="run the hub alone, headless")
    hub.add_argument("--host", type=host, default="127.0.0.1")
    hub.add_argument("--port", type=port, default=8765, help="0 picks a free port")
    hub.add_argument("--db", type=db_url, help="SQLAlchemy URL (sqlite:///path.db, postgresql+psycopg://…)")
    hub.add_argument("--config", type=existing_file)
    hub.add_argument("--tls-cert", type=existing_file)
    hub.add_argument("--tls-key", type=existing_file)
    hub.add_argument("--http-port", type=port, metavar="P",
                     help="also serve HTTP for outside systems (Open311, CAP) on this port; 0 picks a free one")
    hub.add_argument("--name", help="this hub's name in presence (default host:port)")

    con = sub.add_parser("console", help="a console window connected to a running hub")
    con.add_argument("--connect", type=hub_url, required=True, metavar="URL[,URL…]",
                     help="the hub, or several hubs sharing one database: the console moves to the next "
                          "when one fails")
    con.add_argument("--token", type=token, required=True)
    con.add_argument("--wall", metavar="PRESET",
                     help="read-only wall display: overview, queue, video, command (3 screens), quad (4 screens), "
                          "numbers")
    con.add_argument("--replay", type=replay_span, metavar="FROM/TO",
                     help="open replaying a span of the log, e.g. 2026-11-30T08:00+08:00/2026-11-30T20:00+08:00")
    _map_options(con, top=False)

    imp = sub.add_parser("import", help="load service requests from a file into a hub")
    imp.add_argument("file", type=existing_file)
    imp.add_argument("--connect", type=hub_url, required=True)
    imp.add_argument("--token", type=token, required=True)
    imp.add_argument("--mapping", type=existing_file,
                     help="mapping file (TOML); default: resources/imports/default.toml")
    imp.add_argument("--replay", type=positive, metavar="X",
                     help="play the rows at their own pace, X times faster, instead of all at once")

    drill = sub.add_parser("drill", help="play a drill scenario into a hub")
    drill.add_argument("scenario", type=existing_file)
    drill.add_argument("--connect", type=hub_url, required=True)
    drill.add_argument("--token", type=token, required=True)
    drill.add_argument("--speed", type=positive, default=1.0, help="play X times faster (default 1)")
    drill.add_argument("--report", type=writable_file, help="also write the after-action summary to this file")
    drill.add_argument("--run-id", help="the drill run id (default: scenario name + start time)")
    drill.add_argument("--purge", action="store_true",
                       help="purge the drill's data from the hub after the after-action summary")

    demo = sub.add_parser("demo", help="run the demo district's live feed against a hub")
    demo.add_argument("--connect", type=hub_url, required=True)
    demo.add_argument("--token", type=token, required=True)
    demo.add_argument("--seed", type=int, default=0)
    demo.add_argument("--rate", type=positive, default=1.0)

    rep = sub.add_parser("report", help="the numbers of a period from a hub, to a .csv or .xlsx file, or the "
                                        "shift-handover report to a .pdf")
    rep.add_argument("--connect", type=hub_url, required=True)
    rep.add_argument("--token", type=token, required=True)
    rep.add_argument("--since", type=instant, help="cases reported from (ISO time, e.g. 2026-12-06T00:00+08:00); "
                                                   "a PDF without it covers the current shift")
    rep.add_argument("--until", type=instant, help="cases reported before (ISO time; a PDF's default: now)")
    rep.add_argument("--group-by", default="department",
                     choices=("all", "department", "team", "street", "community", "grid", "person", "category"))
    rep.add_argument("--language", default="zh_CN", choices=("zh_CN", "en"))
    rep.add_argument("--out", type=report_file, required=True, help="FILE.csv, FILE.xlsx or FILE.pdf")

    deb = sub.add_parser("debrief", help="a case's or a drill run's debrief from a hub: its timeline and the map "
                                         "at its key moments, to a .pdf")
    deb.add_argument("--connect", type=hub_url, required=True)
    deb.add_argument("--token", type=token, required=True)
    which = deb.add_mutually_exclusive_group(required=True)
    which.add_argument("--case", help="the case's id")
    which.add_argument("--drill", metavar="RUN", help="the drill run's id (as `main.py drill` printed it)")
    deb.add_argument("--language", default="zh_CN", choices=("zh_CN", "en"))
    deb.add_argument("--out", type=pdf_file, required=True, help="FILE.pdf")

    sub.add_parser("check", help="validate the reference data and print what it holds")

    dis = sub.add_parser("district", help="your own district: a catalog folder from a boundary file")
    dis_new = dis.add_subparsers(dest="district_command", metavar="new", required=True).add_parser(
        "new", help="build a catalog folder (docs/CATALOG.md) from a GeoJSON boundary")
    dis_new.add_argument("dir", type=Path, metavar="DIR", help="the folder to write (new, or empty)")
    dis_new.add_argument("--boundary", type=existing_file, required=True, metavar="FILE.geojson")
    dis_new.add_argument("--code", required=True, metavar="NNNNNN", help="the district's 6-digit county code")
    dis_new.add_argument("--name", required=True, help="the district's name (Chinese)")
    dis_new.add_argument("--name-en", help="the district's English name (default: --name)")
    dis_new.add_argument("--grid-m", type=positive, default=600.0, help="unit grid size in metres (default 600)")
    for name, sp in sub.choices.items():  # `main.py hub --catalog F` as well as `main.py --catalog F hub`
        if name != "district":
            sp.add_argument("--catalog", type=existing_file, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return p


def instant(text: str) -> str:
    from console.models.incident import parse_instant

    try:
        parse_instant(text)
    except (ValueError, TypeError):
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO-8601 time with its zone") from None
    return text


def replay_span(text: str, tz: Any = None) -> tuple:
    """``FROM/TO``: two ISO times (a time without its zone is the district's, ``tz``: the
    catalog's, known once ``--catalog`` is read, see ``in_district_time``); FROM before TO."""
    from datetime import datetime

    parts = text.split("/")
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(f"{text!r}: write FROM/TO, two ISO times")
    span = []
    for part in parts:
        try:
            t = datetime.fromisoformat(part.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"{part!r} is not an ISO-8601 time") from None
        span.append(t if t.tzinfo or tz is None else t.replace(tzinfo=tz))
    if (span[0].tzinfo is None) == (span[1].tzinfo is None) and span[0] >= span[1]:
        raise argparse.ArgumentTypeError(f"{text!r}: FROM must come before TO")
    return tuple(span)


def in_district_time(span: tuple | None, tz: Any) -> tuple | None:
    """A ``--replay`` span with its zone-less times put in the district's zone (the catalog's)."""
    if span is None:
        return None
    return tuple(t if t.tzinfo else t.replace(tzinfo=tz) for t in span)


def pdf_file(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() != ".pdf":
        raise argparse.ArgumentTypeError(f"{text!r}: write a .pdf file")
    if not path.parent.is_dir():
        raise argparse.ArgumentTypeError(f"{text!r}: the folder {path.parent} does not exist")
    return path


def report_file(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() not in (".csv", ".xlsx", ".pdf"):
        raise argparse.ArgumentTypeError(f"{text!r}: write a .csv, an .xlsx or a .pdf file")
    if not path.parent.is_dir():
        raise argparse.ArgumentTypeError(f"{text!r}: the folder {path.parent} does not exist")
    return path


def _map_options(p: argparse.ArgumentParser, *, top: bool = True) -> None:
    # On the subcommand the defaults are suppressed: `main.py --tiles T console …` keeps T
    # (a subparser's own default would overwrite the value given before the subcommand).
    default = "" if top else argparse.SUPPRESS
    p.add_argument("--tiles", default=default, metavar="TEMPLATE",
                   help="base map from an intranet tile server, e.g. http://tiles.intranet/{z}/{x}/{y}.png")
    p.add_argument("--tiles-attribution", default=default, metavar="TEXT")
    p.add_argument("--mbtiles", default=default, metavar="FILE", help="base map from a raster MBTiles file")


def _base_map(args):
    """The map's base from --tiles/--mbtiles, or a one-line reason it cannot be used."""
    from console.views.map import BaseMap

    base = BaseMap(tiles=args.tiles, attribution=args.tiles_attribution, mbtiles=args.mbtiles)
    try:
        base.check()
    except ValueError as e:
        return None, str(e)
    return base, None


def _load_catalog(path: Path | None):
    from console.models.catalog import load_catalog
    from console.models.errors import CatalogError

    try:
        return load_catalog(path)
    except CatalogError as e:
        print(f"main.py: bad reference data: {e}", file=sys.stderr)
        return None


def _run_window(args, catalog) -> int:
    """The all-in-one console, a console, or a wall: every argument checked, then the display."""
    prog = f"main.py{' console' if args.command else ''}"
    base, why = _base_map(args)
    if why:
        print(f"{prog}: {why}", file=sys.stderr)
        return 2
    wall = getattr(args, "wall", None)
    if wall:
        from console.views.wall.presets import PRESETS

        if wall not in PRESETS:
            print(f"{prog}: --wall {wall!r} is not a preset; choose one of {', '.join(PRESETS)}", file=sys.stderr)
            return 2
    replay = in_district_time(getattr(args, "replay", None), catalog.calendar.tz)  # --catalog's zone
    if replay is not None and replay[0] >= replay[1]:
        print(f"{prog}: --replay: FROM must come before TO", file=sys.stderr)
        return 2
    # last, once every argument is known good: the display, and the sandbox as root
    if why := _desktop_ready():
        print(f"{prog}: {why}", file=sys.stderr)
        return 2
    if args.command is None:
        from console.views.app import run_all_in_one

        return run_all_in_one(catalog, base_map=base)
    if wall:
        from console.views.app import run_wall

        return run_wall(args.connect, args.token, catalog, wall, base_map=base)
    from console.views.app import run_console

    return run_console(args.connect, args.token, catalog, base_map=base, replay=replay)


def _desktop_ready() -> str | None:
    """None when a window can open here, else the one-line reason. As root, the web engine's
    sandbox is switched off first (Chromium refuses to run as root with it), and that is said."""
    from console.desktop import display_problem, sandbox_off_for_root

    if why := display_problem():
        return why
    if line := sandbox_off_for_root():
        print(line, file=sys.stderr)
    return None


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    if args.command == "hub":
        from console.net.serve import run_hub

        return run_hub(args, args.catalog)
    if args.command == "district":
        return _run_district(args)
    catalog = _load_catalog(args.catalog)
    if catalog is None:
        return 2
    if args.command == "check":
        from console.models.district_check import geometry_problem

        if problem := geometry_problem(catalog):
            print(f"main.py: bad reference data: {problem}", file=sys.stderr)
            return 2
        d = catalog.district
        print(
            f"{d.name_zh} {d.name_en} ({d.code}): {len(catalog.streets)} streets, "
            f"{len(catalog.communities)} communities, {len(catalog.grids)} grids, "
            f"{len(catalog.categories)} categories, {len(catalog.departments)} departments, "
            f"{len(catalog.teams)} teams, {len(catalog.units)} units, {len(catalog.cameras)} cameras"
        )
        return 0
    if args.command in (None, "console"):
        return _run_window(args, catalog)
    if args.command == "demo":
        return _run_demo(args, catalog)
    if args.command == "import":
        return _run_import(args, catalog)
    if args.command == "drill":
        return _run_drill(args, catalog)
    if args.command == "report":
        return _run_report(args, catalog)
    if args.command == "debrief":
        return _run_debrief(args, catalog)
    raise AssertionError(args.command)


def _run_report(args, catalog) -> int:
    import asyncio

    from console.feeds.report import ReportError, run_report
    from console.models.export import ExportError
    from console.models.incident import parse_instant

    if args.since and args.until and parse_instant(args.since) > parse_instant(args.until):
        print("main.py report: --since is after --until", file=sys.stderr)
        return 2
    if args.out.suffix.lower() == ".pdf":
        return _run_handover(args, catalog)
    try:
        res = asyncio.run(run_report(args.connect, args.token, args.out, since=args.since, until=args.until,
                                     group_by=args.group_by, language=args.language))
    except KeyboardInterrupt:
        return 130
    except (ReportError, ExportError, ConnectionError) as e:
        print(f"main.py report: {e}", file=sys.stderr)
        return 2
    print(f"main.py report: {len(res['rows'])} rows written to {args.out}")
    return 0


def _run_handover(args, catalog) -> int:
    """The shift-handover PDF, headless: the contents from the hub, the pages laid out by the
    console's own report writer on an offscreen Qt platform (no display needed)."""
    import asyncio
    import os
    from datetime import UTC, datetime

    from console.feeds.report import ReportError, gather_handover
    from console.models.incident import parse_instant
    from console.state.periods import window

    until = parse_instant(args.until) if args.until else datetime.now(UTC)
    since = parse_instant(args.since) if args.since else window("shift", until, catalog.calendar.tz)[0]
    if since > until:
        print("main.py report: --since is after --until", file=sys.stderr)
        return 2
    try:
        data = asyncio.run(gather_handover(args.connect, args.token, since=since, until=until))
    except KeyboardInterrupt:
        return 130
    except (ReportError, ConnectionError) as e:
        print(f"main.py report: {e}", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from console.views.app import install_translator, make_app
    from console.views.handover import HandoverTexts, chart_images, write_pdf
    from console.views.handover import ReportError as PdfError

    app = make_app(["report"])
    install_translator(app, args.language)
    try:
        charts = chart_images(data, language=args.language, tz=catalog.calendar.tz)
        write_pdf(data, args.out, catalog=catalog, language=args.language, texts=HandoverTexts().texts(),
                  charts=charts)
    except PdfError as e:
        print(f"main.py report: {e}", file=sys.stderr)
        return 2
    print(f"main.py report: the handover report of {since.isoformat()} – {until.isoformat()} written to {args.out}")
    return 0


def _run_debrief(args, catalog) -> int:
    """A debrief PDF, headless: the case's or the run's timeline and the states at its key moments
    from the hub's log, drawn and laid out by the console's own writer on an offscreen Qt."""
    import asyncio
    import os

    from console.feeds.report import gather_debrief
    from console.state.debrief import DebriefError

    try:
        data = asyncio.run(gather_debrief(args.connect, args.token, case=args.case, drill_run=args.drill))
    except KeyboardInterrupt:
        return 130
    except (DebriefError, ConnectionError) as e:
        print(f"main.py debrief: {e}", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from console.views.app import install_translator, make_app
    from console.views.debrief import DebriefTexts, write_debrief
    from console.views.handover import ReportError

    app = make_app(["debrief"])
    install_translator(app, args.language)
    words = DebriefTexts()
    try:
        write_debrief(data, args.out, catalog=catalog, language=args.language, texts=words.texts(),
                      action_names=words.actions(), state_names=words.states())
    except ReportError as e:
        print(f"main.py debrief: {e}", file=sys.stderr)
        return 2
    what = f"case {args.case}" if args.case else f"drill run {args.drill} ({len(data.cases)} cases)"
    print(f"main.py debrief: {what}, {len(data.steps)} steps, {len(data.moments)} maps, written to {args.out}")
    return 0


def _run_import(args, catalog) -> int:
    import asyncio

    from console.feeds.importer import ImportFileError, run_import

    try:
        # the district and its categories are the hub's, not the local catalog (CONTRACT §5)
        asyncio.run(run_import(args.connect, args.token, args.file, mapping_path=args.mapping, replay=args.replay))
    except KeyboardInterrupt:
        return 130
    except (ImportFileError, ConnectionError) as e:
        print(f"main.py import: {e}", file=sys.stderr)
        return 2
    return 0


def _run_drill(args, catalog) -> int:
    import asyncio

    from console.feeds.drill import ScenarioError, load_scenario, run_drill

    try:
        scenario = load_scenario(args.scenario, catalog)
        asyncio.run(run_drill(args.connect, args.token, scenario, catalog, speed=args.speed, run_id=args.run_id,
                              report_path=args.report, purge=args.purge))
    except KeyboardInterrupt:
        return 130
    except (ScenarioError, ConnectionError) as e:
        print(f"main.py drill: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"main.py drill: cannot write the report: {e}", file=sys.stderr)
        return 2
    return 0


def _run_demo(args, catalog) -> int:
    import asyncio

    from console.feeds.demo import run_demo

    try:
        asyncio.run(run_demo(args.connect, args.token, catalog, seed=args.seed, rate=args.rate))
    except KeyboardInterrupt:
        pass
    except ConnectionError as e:
        print(f"main.py demo: {e}", file=sys.stderr)
        return 2
    return 0


def _run_district(args) -> int:
    from console.models.district_builder import DistrictError, build

    try:
        b = build(args.dir, args.boundary, code=args.code, name_zh=args.name, name_en=args.name_en,
                  grid_m=args.grid_m)
    except DistrictError as e:
        print(f"main.py district new: {e}", file=sys.stderr)
        return 2
    print(f"main.py district new: {args.dir}: {len(b.streets)} streets, {len(b.areas('community'))} communities, "
          f"{len(b.areas('grid'))} unit grids; serve it with: python main.py --catalog "
          f"{args.dir / 'catalog.toml'} hub")
    return 0
