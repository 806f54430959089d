"""Readable at 4 m (issue 14), in the real page: clusters follow the data (one disc per hotspot at
every zoom, the worst colour as the ring, how many urgent ones inside, drill marked only when all
of it is drill), labels never overlap, teams off screen get an edge arrow, and the legend takes at
most a sixth of the map's height."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.views.test_map import map_view, page_value, wait_page  # noqa: F401 (the fixture)

NOW = datetime.now(UTC)


def spot(lat, lon, k, n, *, prefix, spread_m=60.0, **extra):
    """``n`` incidents within ``spread_m`` of (lat, lon): one hotspot."""
    out = []
    for j in range(n):
        a, b = (j % 7 - 3) / 3.0, (j // 7 % 7 - 3) / 3.0
        out.append({"id": f"{prefix}{k:02d}{j:04d}", "lat": lat + a * spread_m / 111_320 / 2,
                    "lon": lon + b * spread_m / 80_000 / 2, "priority": "normal", "sla": "green",
                    "drill": False, "reported_at": (NOW - timedelta(minutes=5)).isoformat(), "grid": "",
                    "category": "E0406", "description": "hotspot", "state": "dispatched", "version": 1} | extra)
    return out


@pytest.fixture
def hotspots(catalog):
    lat, lon = catalog.district.centroid
    a = spot(lat, lon, 1, 40, prefix="220104202612061")
    b = spot(lat + 0.02, lon + 0.03, 2, 30, prefix="220104202612062")
    return a, b


def test_a_hotspot_is_one_disc_at_every_zoom(map_view, hotspots, qtbot, catalog):  # noqa: F811
    view = map_view()
    a, b = hotspots
    view.set_incidents(a + b)
    wait_page(qtbot, view, "CM.state().inc", lambda n: n == 70)
    for zoom in (12, 13, 14, 15):
        view.fly_to(catalog.district.centroid[0] + 0.01, catalog.district.centroid[1] + 0.015, zoom, animate=False)
        discs = wait_page(qtbot, view, "CM.clusters()", lambda cs: sum(c[2] for c in cs) == 70 and len(cs) <= 2)
        assert sorted(c[2] for c in discs) == [30, 40], (zoom, discs)


def test_the_ring_is_the_worst_colour_and_the_badge_counts_the_urgent_ones(map_view, catalog, qtbot):  # noqa: F811
    view = map_view()
    lat, lon = catalog.district.centroid
    incs = spot(lat, lon, 1, 20, prefix="220104202612063")
    incs[3]["sla"], incs[5]["sla"] = "red", "blue"
    incs[7]["priority"] = incs[8]["priority"] = "urgent"
    calm = spot(lat + 0.02, lon + 0.03, 2, 12, prefix="220104202612064", sla="blue")
    view.set_incidents(incs + calm)
    view.fly_to(lat + 0.01, lon + 0.015, 13, animate=False)
    discs = wait_page(qtbot, view, "CM.clusters()", lambda cs: len(cs) == 2)
    by_n = {c[2]: c for c in discs}
    assert by_n[20][3] == "r" and by_n[20][4] == 2  # worst colour red; two urgent inside
    assert by_n[12][3] == "b" and by_n[12][4] == 0  # no urgent: no badge


def test_drill_is_marked_only_when_all_of_a_cluster_is_drill(map_view, catalog, qtbot):  # noqa: F811
    view = map_view()
    lat, lon = catalog.district.centroid
    mixed = spot(lat, lon, 1, 10, prefix="220104202612065")
    mixed[0]["drill"] = True  # one exercise among real cases: a share, not the drill ring
    drill = spot(lat + 0.02, lon + 0.03, 2, 8, prefix="220104202612066", drill=True)
    view.set_incidents(mixed + drill)
    view.fly_to(lat + 0.01, lon + 0.015, 13, animate=False)
    discs = wait_page(qtbot, view, "CM.clusters()", lambda cs: len(cs) == 2)
    by_n = {c[2]: c for c in discs}
    assert by_n[10][5] == 1 and by_n[8][5] == 8
    rings = page_value(qtbot, view, "CM.state().frame")
    assert rings  # drawn


def test_labels_never_overlap(map_view, catalog, qtbot):  # noqa: F811
    view = map_view()
    lat, lon = catalog.district.centroid
    crowd = spot(lat, lon, 1, 49, prefix="220104202612067", spread_m=40)
    view.set_incidents(crowd)
    for zoom in (13, 14, 16, 17):  # street names, then the incidents' short labels
        view.fly_to(lat, lon, zoom, animate=False)
        boxes = wait_page(qtbot, view, "CM.placed()", lambda bs: bs is not None)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not (a[0] < b[0] + b[2] and a[0] + a[2] > b[0] and a[1] < b[1] + b[3]
                            and a[1] + a[3] > b[1]), (zoom, a, b)
    assert 2 <= len(boxes) < len(crowd)  # at 17, some of a crowd of 49 within 40 m, never all


def test_a_team_off_screen_gets_an_arrow_on_the_edge_with_its_distance(map_view, catalog, qtbot):  # noqa: F811
    view = map_view()
    lat, lon = catalog.district.centroid
    inc = spot(lat, lon, 1, 1, prefix="220104202612068")[0]
    view.set_incidents([inc])
    view.select(inc["id"], fly=False)
    view.set_nearby([(lat + 0.001, lon + 0.001, "Team A · 140 m"), (lat + 0.05, lon + 0.08, "Team B · 8.1 km")])
    view.fly_to(lat, lon, 17, animate=False)
    edges = wait_page(qtbot, view, "CM.edges()", lambda es: len(es) >= 1)
    assert [e[2] for e in edges] == ["2. Team B · 8.1 km"]  # the near one is on screen: no arrow


def test_the_legend_takes_at_most_a_sixth_of_the_map_and_folds_away(map_view, qtbot):  # noqa: F811
    view = map_view()
    box = wait_page(qtbot, view, "CM.legendBox()", lambda b: b is not None and b["h"] > 0)
    assert box["h"] <= box["mapH"] / 6 + 2, box
    page_value(qtbot, view, "(document.querySelector('.cm-legend-title').click(), 1)")
    folded = page_value(qtbot, view, "CM.legendBox()")
    assert folded["collapsed"] and folded["h"] < box["h"]
