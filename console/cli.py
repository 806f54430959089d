"""The command line of CONTRACT §1. Each subcommand hands over to its own module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="main.py", description="Command-center console")
    p.add_argument("--catalog", type=Path, help="reference data (catalog.toml); default: resources/")
    _map_options(p)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    hub = sub.add_parser("hub", help="run the hub alone, headless")
    hub.add_argument("--host", default="127.0.0.1")
    hub.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    hub.add_argument("--db", help="SQLAlchemy URL (sqlite:///path.db, postgresql+psycopg://…)")
    hub.add_argument("--config", type=Path)
    hub.add_argument("--tls-cert", type=Path)
    hub.add_argument("--tls-key", type=Path)

    con = sub.add_parser("console", help="a console window connected to a running hub")
    con.add_argument("--connect", required=True)
    con.add_argument("--token", required=True)
    con.add_argument("--wall", metavar="PRESET",
                     help="read-only wall display: overview, queue, video, command (3 screens), quad (4 screens)")
    _map_options(con, top=False)

    imp = sub.add_parser("import", help="load service requests from a file into a hub")
    imp.add_argument("file", type=Path)
    imp.add_argument("--connect", required=True)
    imp.add_argument("--token", required=True)
    imp.add_argument("--mapping", type=Path, help="mapping file (TOML); default: resources/imports/default.toml")
    imp.add_argument("--replay", type=float, metavar="X",
                     help="play the rows at their own pace, X times faster, instead of all at once")

    drill = sub.add_parser("drill", help="play a drill scenario into a hub")
    drill.add_argument("scenario", type=Path)
    drill.add_argument("--connect", required=True)
    drill.add_argument("--token", required=True)
    drill.add_argument("--speed", type=float, default=1.0, help="play X times faster (default 1)")
    drill.add_argument("--report", type=Path, help="also write the after-action summary to this file")
    drill.add_argument("--run-id", help="the drill run id (default: scenario name + start time)")
    drill.add_argument("--purge", action="store_true",
                       help="purge the drill's data from the hub after the after-action summary")

    demo = sub.add_parser("demo", help="run the demo district's live feed against a hub")
    demo.add_argument("--connect", required=True)
    demo.add_argument("--token", required=True)
    demo.add_argument("--seed", type=int, default=0)
    demo.add_argument("--rate", type=float, default=1.0)

    sub.add_parser("check", help="validate the reference data and print what it holds")
    return p


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
    from console.views.map_view import BaseMap

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


def _bad_url(url: str) -> str | None:
    """Why ``url`` is not a hub address, or None. Checked before any window or loop starts."""
    from websockets.exceptions import InvalidURI
    from websockets.uri import parse_uri

    try:
        parse_uri(url)
    except InvalidURI:
        return f"--connect: {url!r} is not a ws:// or wss:// URL (e.g. ws://127.0.0.1:8765/ws)"
    return None


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    if getattr(args, "connect", None) is not None and (why := _bad_url(args.connect)):
        print(f"main.py {args.command}: {why}", file=sys.stderr)
        return 2
    if args.command == "hub":
        from console.net.serve import run_hub

        return run_hub(args, args.catalog)
    catalog = _load_catalog(args.catalog)
    if catalog is None:
        return 2
    if args.command == "check":
        d = catalog.district
        print(
            f"{d.name_zh} {d.name_en} ({d.code}): {len(catalog.streets)} streets, "
            f"{len(catalog.communities)} communities, {len(catalog.grids)} grids, "
            f"{len(catalog.categories)} categories, {len(catalog.departments)} departments, "
            f"{len(catalog.teams)} teams, {len(catalog.units)} units, {len(catalog.cameras)} cameras"
        )
        return 0
    if args.command in (None, "console"):
        base, why = _base_map(args)
        if why:
            print(f"main.py{' console' if args.command else ''}: {why}", file=sys.stderr)
            return 2
    if args.command is None:
        from console.views.app import run_all_in_one

        return run_all_in_one(catalog, base_map=base)
    if args.command == "console":
        if args.wall:
            from console.views.wall_presets import PRESETS

            if args.wall not in PRESETS:
                print(f"main.py console: --wall {args.wall!r} is not a preset; choose one of "
                      f"{', '.join(PRESETS)}", file=sys.stderr)
                return 2
            from console.views.app import run_wall

            return run_wall(args.connect, args.token, catalog, args.wall, base_map=base)
        from console.views.app import run_console

        return run_console(args.connect, args.token, catalog, base_map=base)
    if args.command == "demo":
        return _run_demo(args, catalog)
    if args.command == "import":
        return _run_import(args, catalog)
    if args.command == "drill":
        return _run_drill(args, catalog)
    raise AssertionError(args.command)


def _positive(value: float | None, flag: str) -> str | None:
    if value is not None and not (value > 0 and value < float("inf")):
        return f"{flag} must be a positive number, got {value:g}"
    return None


def _run_import(args, catalog) -> int:
    import asyncio

    from console.feeds.importer import ImportFileError, run_import

    if why := _positive(args.replay, "--replay"):
        print(f"main.py import: {why}", file=sys.stderr)
        return 2
    try:
        asyncio.run(run_import(args.connect, args.token, args.file, catalog, mapping_path=args.mapping,
                               replay=args.replay))
    except KeyboardInterrupt:
        return 130
    except (ImportFileError, ConnectionError) as e:
        print(f"main.py import: {e}", file=sys.stderr)
        return 2
    return 0


def _run_drill(args, catalog) -> int:
    import asyncio

    from console.feeds.drill import ScenarioError, load_scenario, run_drill

    if why := _positive(args.speed, "--speed"):
        print(f"main.py drill: {why}", file=sys.stderr)
        return 2
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
