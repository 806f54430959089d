"""Smoke: a console connects to a real hub, gets a snapshot, reports, and sees its event."""



async def test_report_reaches_every_connected_console(connect, catalog):
    a = await connect("op")
    b = await connect("wall")
    assert a.replica.reference["categories"] and b.role == "viewer"
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[0]
    res = await a.command("incident.report", {"category": sorted(catalog.categories)[0], "lat": grid.centroid[0],
                                              "lon": grid.centroid[1], "description": "井盖缺失", "source": "grid"})
    assert res["ok"], res
    inc_id = res["incident"]["id"]
    await b.wait_for(lambda r: inc_id in r.incidents, 5)
    assert b.replica.incidents[inc_id]["grid"] == grid.code
    assert b.replica.head == res["seq"]


async def test_a_viewer_is_forbidden_to_report(connect, catalog):
    wall = await connect("wall")
    res = await wall.command("incident.report", {"category": "E0102", "lat": 43.85, "lon": 125.3,
                                                 "description": "x", "source": "grid"})
    assert res["ok"] is False and res["code"] == "forbidden"


async def test_query_history_returns_the_whole_trail_for_the_timeline(connect, catalog):
    """query.history (an extension) gives every transition, oldest first, to any role."""
    op = await connect("op")
    wall = await connect("wall")
    grid = sorted(catalog.grids.values(), key=lambda g: g.code)[0]
    res = await op.command("incident.report", {"category": sorted(catalog.categories)[0], "lat": grid.centroid[0],
                                               "lon": grid.centroid[1], "description": "d", "source": "hotline"})
    i = res["incident"]["id"]
    assert (await op.command("incident.accept", {"incident": i}))["ok"]
    assert (await op.command("incident.note", {"incident": i, "text": "已联系报告人"}))["ok"]
    hist = await wall.command("query.history", {"incident": i})
    assert hist["ok"] and hist["incident"]["id"] == i
    assert [t["action"] for t in hist["transitions"]] == ["report", "accept", "note"]
    assert hist["transitions"][2]["note"] == "已联系报告人" and hist["transitions"][1]["actor"] == "op"
    missing = await wall.command("query.history", {"incident": "nope"})
    assert missing["code"] == "not_found"
