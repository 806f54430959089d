"""Importing a 1,000-row NYC-311-style CSV into a hub on SQLite (`main.py import`'s code path:
read, check, map, then the reports pipelined over one connection with the hub's default rate
limit), against the same 1,000 reports through ``Store.execute`` in-process (batches of 250).
Goal: under 10 s. The hub runs in this process on 127.0.0.1, beside the importer."""

from __future__ import annotations

import asyncio
import io
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from console.feeds.importer import load_mapping, plan, read_file, run_import
from console.models import commands as cmds
from console.models.catalog import load_catalog
from console.models.lifecycle import Actor, Role
from console.models.store import Request, Store
from console.net.config import HubConfig, User
from console.net.hub import Hub

N = 1000
TOKEN = "bench-import-operator-token-0123456789"
TYPES = [("Noise - Residential", "Loud Music/Party"), ("Illegal Parking", "Blocked Hydrant"),
         ("Street Light Condition", "Street Light Out"), ("Missed Collection", "Trash"),
         ("Graffiti", "Graffiti"), ("Mystery", "Unmapped")]


def _write_csv(path: Path, catalog) -> None:
    grids = sorted(catalog.grids.values(), key=lambda g: g.code)
    lines = ["unique_key,created_date,closed_date,agency,complaint_type,descriptor,status,latitude,longitude,"
             "open_data_channel_type,incident_address"]
    for k in range(N):
        lat, lon = grids[k % len(grids)].centroid
        ctype, desc = TYPES[k % len(TYPES)]
        lines.append(f"{50_000_000 + k},01/{1 + k % 28:02d}/2026 {1 + k % 12:02d}:{k % 60:02d}:00 PM,,NYPD,"
                     f"{ctype},{desc},Open,{lat},{lon},PHONE,{k} Main St")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


async def _import(folder: Path, catalog, csv_path: Path) -> float:
    store = Store(f"sqlite:///{folder / 'hub.db'}", catalog)
    hub = Hub(store, HubConfig(users=(User("import", Role.OPERATOR, TOKEN),)), port=0, ping_interval=None)
    await hub.start()
    try:
        t = time.perf_counter()
        s = await run_import(hub.url, TOKEN, csv_path, catalog, out=io.StringIO(), err=io.StringIO())
        elapsed = time.perf_counter() - t
        assert s.new == N, s.line()
    finally:
        await hub.stop()
        store.close()
    return elapsed


def _baseline(folder: Path, catalog, csv_path: Path) -> float:
    """The same reports (same args, same checks) straight into Store.execute."""
    store = Store(f"sqlite:///{folder / 'base.db'}", catalog)
    fmt, rows = read_file(csv_path)
    fates, _ = plan(rows, fmt, load_mapping(None, catalog), catalog)
    actor = Actor("import", Role.OPERATOR)
    reqs = [Request(actor, "incident.report", cmds.validate_args("incident.report", f.args), f"b-{k}")
            for k, f in enumerate(fates)]
    now = datetime.now(UTC)
    t = time.perf_counter()
    for k in range(0, len(reqs), 250):
        store.execute(reqs[k:k + 250], now=now)
    elapsed = time.perf_counter() - t
    store.close()
    return elapsed


def main() -> None:
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        csv_path = folder / "requests.csv"
        _write_csv(csv_path, catalog)
        base = _baseline(folder, catalog, csv_path)
        ours = asyncio.run(_import(folder, catalog, csv_path))
    print(f"import: {N:,}-row CSV into a hub on SQLite in {ours:.2f} s vs the same reports through "
          f"Store.execute in-process {base:.2f} s = {ours / base:.1f}x  (goal < 10 s)")


if __name__ == "__main__":
    main()
