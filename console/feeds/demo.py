"""A simple live demo feed: reports across the district and crews working them through their
life (the feeds issue makes it a believable day). A protocol client like any other."""

from __future__ import annotations

import asyncio
import logging
import random
from typing import Any

from console.models.catalog import Catalog
from console.net.client import HubClient

log = logging.getLogger("console.demo")

SOURCES = ("grid", "grid", "hotline", "hotline", "sensor", "110", "web")
DESCRIPTIONS = {
    "grid": "网格员巡查发现", "hotline": "12345 市民来电反映", "sensor": "传感器自动报警",
    "110": "110 转来", "web": "网上留言",
}
# the next step for an incident in each state, as the demo plays dispatcher, crew and grid worker
NEXT = {
    "reported": ("incident.accept", {}),
    "accepted": ("incident.dispatch", None),
    "returned": ("incident.dispatch", None),
    "dispatched": ("incident.acknowledge", {}),
    "escalated": ("incident.acknowledge", {}),
    "acknowledged": ("incident.resolve", {"note": "已处置"}),
    "resolved": ("incident.verify", {"passed": True, "note": "现场核查通过"}),
    "verified": ("incident.close", {"satisfaction": 5}),
}


async def run_demo(url: str, token: str, catalog: Catalog, *, seed: int = 0, rate: float = 1.0,
                   stop: asyncio.Event | None = None) -> None:
    """Report roughly ``rate`` incidents every 10 s and move existing ones and the units."""
    rng = random.Random(seed)
    client = HubClient(url, token, name="demo-feed")
    client.start()
    grids = sorted(catalog.grids.values(), key=lambda g: g.code)
    cats = sorted(catalog.categories.values(), key=lambda c: c.code)
    teams = sorted(catalog.teams.values(), key=lambda t: t.id)
    stop = stop or asyncio.Event()
    try:
        try:
            await asyncio.wait_for(client.synced.wait(), 10)
        except TimeoutError:
            raise ConnectionError(f"cannot reach the hub at {url}: {client.last_error or 'no answer'}") from None
        tick = 0
        while not stop.is_set():
            tick += 1
            if rng.random() < 0.35 * rate:
                g = rng.choice(grids)
                c = rng.choice(cats)
                src = rng.choice(SOURCES)
                lat = g.centroid[0] + rng.uniform(-0.0015, 0.0015)
                lon = g.centroid[1] + rng.uniform(-0.002, 0.002)
                args: dict[str, Any] = {"category": c.code, "lat": lat, "lon": lon, "source": src,
                                        "description": f"{DESCRIPTIONS[src]}：{c.name_zh}"}
                if rng.random() < 0.15:
                    args["priority"] = "urgent"
                if catalog.grid_at(lat, lon) is not None:
                    await client.command("incident.report", args)
            active = list(client.replica.incidents.values())
            if active and rng.random() < 0.6 * rate:
                inc = rng.choice(active)
                step = NEXT.get(inc["state"])
                if step:
                    name, extra = step
                    a = dict(extra) if extra is not None else {"team": rng.choice(teams).id}
                    await client.command(name, {"incident": inc["id"], **a})
            for unit in rng.sample(sorted(client.replica.units.values(), key=lambda u: u["id"]),
                                   k=min(3, len(client.replica.units))):
                lat = unit["lat"] + rng.uniform(-0.0008, 0.0008)
                lon = unit["lon"] + rng.uniform(-0.0008, 0.0008)
                if catalog.grid_at(lat, lon) is not None:
                    status = rng.choice(("free", "free", "en_route", "on_scene"))
                    await client.send_nowait("unit.update", {"unit": unit["id"], "lat": lat, "lon": lon,
                                                             "status": status})
            try:
                await asyncio.wait_for(stop.wait(), 1.0)
            except TimeoutError:
                pass
    except asyncio.CancelledError:
        pass
    finally:
        await client.close()
