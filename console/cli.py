"""The command line of CONTRACT §1. Each subcommand hands over to its own module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

# Subcommands whose issue has not landed yet say so plainly instead of pretending.
NOT_YET = {
    "import": "importing is not built yet; see the open issue 'Feeds: … imports … and drills'",
    "drill": "drills are not built yet; see the open issue 'Feeds: … imports … and drills'",
}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="main.py", description="Command-center console")
    p.add_argument("--catalog", type=Path, help="reference data (catalog.toml); default: resources/")
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
    con.add_argument("--wall")

    imp = sub.add_parser("import", help="load service requests from a file into a hub")
    imp.add_argument("file", type=Path)
    imp.add_argument("--connect", required=True)
    imp.add_argument("--token", required=True)

    drill = sub.add_parser("drill", help="play a drill scenario into a hub")
    drill.add_argument("scenario", type=Path)
    drill.add_argument("--connect", required=True)
    drill.add_argument("--token", required=True)
    drill.add_argument("--speed", type=float, default=1.0)

    demo = sub.add_parser("demo", help="run the demo district's live feed against a hub")
    demo.add_argument("--connect", required=True)
    demo.add_argument("--token", required=True)
    demo.add_argument("--seed", type=int, default=0)
    demo.add_argument("--rate", type=float, default=1.0)

    sub.add_parser("check", help="validate the reference data and print what it holds")
    return p


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
    if args.command is None:
        from console.views.app import run_all_in_one

        return run_all_in_one(catalog)
    if args.command == "console":
        from console.views.app import run_console

        return run_console(args.connect, args.token, catalog)
    if args.command == "demo":
        return _run_demo(args, catalog)
    print(f"main.py: {NOT_YET[args.command]}", file=sys.stderr)
    return 2


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
