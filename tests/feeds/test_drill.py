"""Drills: scenarios parse and validate (the shipped ones too), a bad one is one line naming the
file and the entry, a scenario plays at high speed into a real hub with every incident flagged
drill and tagged with its run, the after-action summary says what was met, and the purge
removes the run's data and leaves real incidents untouched."""

from pathlib import Path

import pytest

from console.feeds.drill import ScenarioError, after_action, load_scenario, run_drill
from console.models.catalog import RESOURCES
from tests.feeds.conftest import TOKENS

SHIPPED = sorted((RESOURCES / "drills").glob("*.toml"))


def grid(catalog, n=0):
    return sorted(catalog.grids)[n]


SCENARIO = """
[drill]
id = "test-drill"
name = "测试演练 test drill"
linger = "30s"

[params]
where = "{grid}"
team = "T-15"

[[inject]]
at = "0s"
type = "notice"
text = "开始 begin"
level = "warning"

[[inject]]
id = "A"
at = "1s"
type = "incident"
category = "E0406"
grid = "{{where}}"
priority = "urgent"
description = "积水 standing water at {{where}}"

[[inject]]
id = "B"
at = "2s"
type = "incident"
category = "P0103"
grid = "{{where}}"
description = "井盖 cover off"

[[inject]]
at = "3s"
type = "camera"
camera = "CAM-001"
status = "alarm"
incident = "A"

[[inject]]
at = "4s"
type = "unit"
unit = "U-041"
to = "A"
status = "on_scene"
steps = 2
over = "2s"

[[inject]]
at = "5s"
type = "action"
incident = "A"
action = "accept"

[[inject]]
at = "6s"
type = "action"
incident = "A"
action = "dispatch"
team = "{{team}}"

[[expect]]
id = "X1"
incident = "A"
action = "dispatch"
within = "1m"

[[expect]]
id = "X2"
incident = "B"
action = "dispatch"
within = "20s"
"""


def write(tmp_path, catalog, text=None) -> Path:
    p = tmp_path / "scenario.toml"
    p.write_text(text if text is not None else SCENARIO.format(grid=grid(catalog, 4)), encoding="utf-8")
    return p


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_the_shipped_scenarios_parse_and_validate(path, catalog):
    s = load_scenario(path, catalog)
    assert s.injects and s.expects and s.incident_ids
    assert {i.type for i in s.injects} >= {"incident", "notice", "camera", "unit"}


def test_two_scenarios_ship_a_flood_night_and_a_public_event():
    assert {p.stem for p in SHIPPED} >= {"flood_night", "public_event"}


def test_params_are_substituted(tmp_path, catalog):
    s = load_scenario(write(tmp_path, catalog), catalog)
    a = next(i for i in s.injects if i.id == "A")
    assert a.args["grid"] == grid(catalog, 4) and grid(catalog, 4) in a.args["description"]
    assert next(i for i in s.injects if i.type == "action" and i.args["action"] == "dispatch").args["team"] == "T-15"


@pytest.mark.parametrize(("change", "entry", "words"), [
    (('category = "P0103"', 'category = "P9999"'), "inject[2] (B).category", "unknown category"),
    (('camera = "CAM-001"', 'camera = "CAM-999"'), "inject[3].camera", "unknown camera"),
    (('to = "A"', 'to = "Z"'), "inject[4].to", "not the id of an earlier incident"),
    (('team = "{{team}}"', 'team = "{{nobody}}"'), "inject[6].team", "unknown parameter {nobody}"),
    (('at = "2s"', 'at = "soon"'), "inject[2] (B).at", "not a duration"),
    (('action = "dispatch"\nwithin = "1m"', 'action = "fly"\nwithin = "1m"'), "expect[0] (X1).action", "must be"),
    (('level = "warning"', 'level = "panic"'), "inject[0].level", "must be one of"),
])
def test_a_bad_scenario_is_one_line_naming_the_file_and_the_entry(tmp_path, catalog, change, entry, words):
    text = SCENARIO.format(grid=grid(catalog, 4)).replace(*(c.format() for c in change))
    assert text != SCENARIO.format(grid=grid(catalog, 4))
    with pytest.raises(ScenarioError) as e:
        load_scenario(write(tmp_path, catalog, text), catalog)
    msg = str(e.value)
    assert "\n" not in msg and "scenario.toml" in msg and entry in msg and words in msg, msg


def test_not_toml_names_the_file(tmp_path, catalog):
    with pytest.raises(ScenarioError, match="scenario.toml: not TOML"):
        load_scenario(write(tmp_path, catalog, "[drill\nid="), catalog)


async def test_a_drill_plays_into_a_hub_and_its_purge_leaves_real_incidents_untouched(
        hub, catalog, tmp_path, connect):
    sup = await connect("sup")
    lat, lon = catalog.grids[grid(catalog, 4)].centroid
    real = await sup.command("incident.report", {"category": "E0406", "lat": lat, "lon": lon, "source": "grid",
                                                 "description": "real standing water"})
    assert real["ok"] and real["incident"]["drill"] is False
    real_id = real["incident"]["id"]
    scenario = load_scenario(write(tmp_path, catalog), catalog)
    report = tmp_path / "after.txt"
    run, text = await run_drill(hub.url, TOKENS["sup"], scenario, catalog, speed=50.0, run_id="t-run-1",
                                report_path=report, out=_Null())
    assert set(run.incidents) == {"A", "B"}
    for inc in run.incidents.values():
        assert inc["drill"] is True and inc["extra"]["drill_run"] == "t-run-1"
        assert inc["external_id"].startswith("t-run-1/")
    await sup.wait_for(lambda r: r.cameras.get("CAM-001", {}).get("status") == "alarm", 10)
    assert "[met] X1" in text and "[MISSED] X2" in text and "expected responses 1/2 met" in text
    assert "accept" in text and "dispatch" in text and "limit" in text
    assert report.read_text(encoding="utf-8").strip() == text.strip()

    res = await sup.command("drill.purge", {"drill": "t-run-1"})
    assert res["ok"] and sorted(res["purged"]["incidents"]) == sorted(i["id"] for i in run.incidents.values())
    assert res["purged"]["cameras"] == ["CAM-001"] and len(res["purged"]["notices"]) == 3  # start, inject, end
    await sup.wait_for(lambda r: all(i["id"] not in r.incidents for i in run.incidents.values())
                       and r.cameras["CAM-001"]["status"] == "online" and r.head >= res["seq"], 10)
    assert real_id in sup.replica.incidents
    for inc in run.incidents.values():
        gone = await sup.command("query.history", {"incident": inc["id"]})
        assert gone["ok"] is False and gone["code"] == "not_found"
    kept = await sup.command("query.history", {"incident": real_id})
    assert kept["ok"] and len(kept["transitions"]) == 1
    left = await sup.command("query.incidents", {"drill": True})
    assert left["incidents"] == []


def test_the_after_action_counts_stage_misses_against_limits(catalog, tmp_path):
    from datetime import UTC, datetime

    from console.feeds.drill import DrillRun

    scenario = load_scenario(write(tmp_path, catalog), catalog)
    t0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    inc = {"id": "X", "state": "accepted", "category": "E0406", "priority": "urgent", "lat": 0.0, "lon": 0.0,
           "description": "d", "source": "drill", "reported_at": "2026-11-23T02:00:00.000Z", "reported_by": "sup"}

    def tr(at, action, frm, to):
        return {"at": at, "action": action, "from": frm, "to": to, "deadline": None}

    histories = {"A": {"incident": inc, "transitions": [
        tr("2026-11-23T02:00:00Z", "report", None, "reported"),
        tr("2026-11-23T02:00:01Z", "note", "reported", "reported"),
        tr("2026-11-23T02:00:03Z", "accept", "reported", "accepted")]}}
    run = DrillRun(scenario, "r", 100.0, t0)
    text = after_action(scenario, run, histories, catalog, datetime(2026, 11, 23, 2, 1, tzinfo=UTC))
    # accept took 3 s real = 5 min of scenario at 100x; then dispatch open for 57 s = 95 min
    assert "accept" in text and "5m00s" in text
    assert sum(line.strip().startswith("accept") for line in text.splitlines()) == 1  # a note enters no stage
    assert "MISSED (still open)" in text and "B: not reported" in text
    assert "[MISSED] X1" in text


class _Null:
    def write(self, s):
        return len(s)

    def flush(self):
        pass
