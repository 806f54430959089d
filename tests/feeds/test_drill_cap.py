"""Drills and CAP: a scenario's notice may carry a ``cap`` table, checked with the file and the
entry named; played into a real hub (SQLite and PostgreSQL) its alert is ``Exercise``, valid
CAP 1.2, listed in the after-action and kept by the purge; the shipped flood night sends one."""

import io
from pathlib import Path

import pytest

from console.feeds.drill import ScenarioError, load_scenario, run_drill
from console.models import cap
from console.models.catalog import RESOURCES
from console.models.store import alerts
from tests.cap_xsd import assert_valid_cap
from tests.feeds.conftest import TOKENS

SCENARIO = """
[drill]
id = "cap-drill"
name = "预警演练 alert drill"
linger = "1s"

[params]
where = "南湖低洼片区"

[[inject]]
id = "A"
at = "0s"
type = "incident"
category = "E0406"
grid = "{grid}"
description = "积水 standing water"

[[inject]]
at = "1s"
type = "notice"
level = "urgent"
text = "内涝预警 flood warning"

[inject.cap]
event = "内涝预警"
urgency = "Immediate"
severity = "Severe"
certainty = "Observed"
area = {{ areaDesc = "{{where}}", polygon = [
    [43.858, 125.285], [43.858, 125.302], [43.849, 125.302], [43.858, 125.285]] }}
"""


def write(tmp_path, catalog, text=None):
    p = tmp_path / "scenario.toml"
    p.write_text(text or SCENARIO.format(grid=sorted(catalog.grids)[4]), encoding="utf-8")
    return p


def test_a_scenario_notice_carries_its_cap_table_checked_and_with_params(tmp_path, catalog):
    s = load_scenario(write(tmp_path, catalog), catalog)
    notice = next(i for i in s.injects if i.type == "notice")
    assert notice.args["cap"]["area"]["areaDesc"] == "南湖低洼片区" and notice.args["cap"]["urgency"] == "Immediate"


@pytest.mark.parametrize(("change", "entry", "words"), [
    (('urgency = "Immediate"', 'urgency = "Now"'), "inject[1].cap.urgency", "must be one of Immediate"),
    (("[43.858, 125.285]]", "[43.0, 125.0]]"), "inject[1].cap.area.polygon", "must be closed"),
    (('certainty = "Observed"', 'certainty = "Observed"\ncancel_of = "x"'), "inject[1].cap",
     "no update_of or cancel_of"),
    (('event = "内涝预警"', 'event = "内涝预警"\ncolour = "red"'), "inject[1].cap", "unknown key(s): colour"),
])
def test_a_bad_cap_table_is_one_line_naming_the_file_and_the_entry(tmp_path, catalog, change, entry, words):
    text = SCENARIO.format(grid=sorted(catalog.grids)[4]).replace(*change)
    with pytest.raises(ScenarioError) as e:
        load_scenario(write(tmp_path, catalog, text), catalog)
    msg = str(e.value)
    assert "\n" not in msg and "scenario.toml" in msg and entry in msg and words in msg, msg


def test_the_shipped_flood_night_sends_a_flood_warning_with_a_polygon(catalog):
    s = load_scenario(RESOURCES / "drills" / "flood_night.toml", catalog)
    (c,) = [i.args["cap"] for i in s.injects if i.type == "notice" and "cap" in i.args]
    assert c["event"] == "内涝预警" and c["en"]["event"] == "Flood warning" and len(c["area"]["polygon"]) >= 4


async def test_a_played_drill_sends_exercise_alerts_and_its_after_action_lists_them(hub, catalog, tmp_path,
                                                                                   connect):
    scenario = load_scenario(write(tmp_path, catalog), catalog)
    run, text = await run_drill(hub.url, TOKENS["sup"], scenario, catalog, speed=20.0, run_id="cap-run-1",
                                out=io.StringIO(), purge=True)
    (sent,) = run.alerts
    assert sent["status"] == "Exercise" and sent["msgType"] == "Alert" and sent["event"] == "内涝预警"
    assert "  CAP alerts sent:" in text
    assert f"    {sent['identifier']}  {sent['sent']}  Exercise Alert  内涝预警" in text
    assert text.rstrip().endswith("; 1 CAP alerts (Exercise)")
    stored = await hub._read(alerts.one, hub.store, sent["identifier"])  # kept after the purge
    assert stored is not None and stored["drill_run"] == "cap-run-1"
    doc = assert_valid_cap(cap.render(stored))
    assert doc.findtext(f"{{{cap.NS}}}status") == "Exercise"
    assert doc.findtext(f"{{{cap.NS}}}info/{{{cap.NS}}}description") == "[演练 DRILL] 内涝预警 flood warning"


def test_docs_drills_no_longer_admits_that_drills_send_no_cap():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "DRILLS.md").read_text(encoding="utf-8")
    assert "emits no CAP" not in doc and "<status>Exercise</status>" in doc
