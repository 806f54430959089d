"""A notice that sent a CAP alert shows a CAP badge with the alert's status in the console's
toast (Exercise for a drill's notice, Actual otherwise), against a real hub on port 0."""

from tests.views.conftest import OTHER, submit  # noqa: F401 (fixtures there)

RING = [[43.86, 125.27], [43.86, 125.29], [43.84, 125.29], [43.86, 125.27]]
CAP = {"event": "内涝预警", "urgency": "Expected", "severity": "Severe", "certainty": "Likely",
       "area": {"areaDesc": "南湖", "polygon": RING}}


def test_a_notice_with_a_cap_alert_shows_its_status_as_a_badge(console, running_hub, qtbot):
    window = console()
    res = submit(running_hub, OTHER, "notice.post", {"text": "flood warning", "cap": CAP})
    assert res["ok"], res
    qtbot.waitUntil(lambda: "flood warning" in window.toast.text(), timeout=5000)
    assert window.toast.text() == "[CAP Actual] flood warning"
    submit(running_hub, OTHER, "notice.post", {"text": "drill warning", "drill": True, "cap": CAP})
    qtbot.waitUntil(lambda: "drill warning" in window.toast.text(), timeout=5000)
    assert window.toast.text() == "[CAP Exercise] [DRILL] drill warning"
    submit(running_hub, OTHER, "notice.post", {"text": "shift change"})
    qtbot.waitUntil(lambda: "shift change" in window.toast.text(), timeout=5000)
    assert window.toast.text() == "shift change"  # no alert, no badge
