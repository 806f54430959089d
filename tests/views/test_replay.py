"""Replay (issue 16) through the console's own widgets against a real hub: the window seeks to a
moment (every panel shows the state as it was), steps forward and back one stored event, plays
to the end of the span, holds commands and live events meanwhile, and returns to live with the
cases reported during the replay — no gap."""

from datetime import UTC, datetime, timedelta

from tests.views.conftest import report


def test_the_console_seeks_steps_plays_and_returns_to_live_without_a_gap(console, running_hub, catalog, qtbot):
    window = console()
    first = report(running_hub, catalog, 1)
    second = report(running_hub, catalog, 2)
    qtbot.waitUntil(lambda: second in window.state.incidents, timeout=5000)
    between = datetime.now(UTC)
    # the log keeps the wire's milliseconds: the next report must fall in a later one
    qtbot.waitUntil(lambda: datetime.now(UTC) >= between + timedelta(milliseconds=5), timeout=1000)
    third = report(running_hub, catalog, 3)
    qtbot.waitUntil(lambda: third in window.state.incidents, timeout=5000)
    until = datetime.now(UTC)
    bar, replay = window.replay_bar, window.replay_bar.replay
    bar.start(between, until)
    assert window.state.replaying and not window.panel.is_online() and not bar.isHidden()
    assert window.panel.stale_label.text().startswith("Replay:")  # held, not "offline": the hub is there
    assert all(d.property("replay") is True for d in window.docks.values())  # every panel's band
    wall = window.open_wall("overview", fullscreen=False)
    qtbot.addWidget(wall.screens[0])
    qtbot.waitUntil(lambda: replay.seq is not None and not replay.busy, timeout=5000)
    assert first in window.state.incidents and second in window.state.incidents
    assert third not in window.state.incidents  # reported after the moment shown
    assert window.queue.model.row_of(third) is None and window.queue.model.row_of(first) is not None
    assert "REPLAY" in bar.band.text()
    qtbot.waitUntil(lambda: all(p.age.text().startswith("REPLAY") for p in wall.panels()), timeout=5000)
    wall.close()
    qtbot.waitUntil(lambda: len(bar.slider.marks) == 1, timeout=5000)  # the third, reported in the span
    assert 0.0 <= bar.slider.marks[0][0] <= 1.0 and bar.slider.marks[0][1] == "new"
    # one stored event on: the third case's report; one back: gone again
    at = replay.seq
    bar.next_button.click()
    qtbot.waitUntil(lambda: third in window.state.incidents, timeout=5000)
    assert replay.seq > at
    bar.back_button.click()
    qtbot.waitUntil(lambda: third not in window.state.incidents and not replay.busy, timeout=5000)
    # live events are held while replaying: a case reported now does not appear...
    fourth = report(running_hub, catalog, 4)
    # ...playing to the end of the span shows the third (the fourth came after the span)
    bar.speed.setCurrentIndex(bar.speed.findData(3600))
    bar.play_button.setChecked(True)
    qtbot.waitUntil(lambda: third in window.state.incidents and not bar.play_button.isChecked(), timeout=8000)
    assert fourth not in window.state.incidents
    # a step of a case's timeline double-clicked: the center at that moment
    window.panel.moment_requested.emit(between.isoformat())
    qtbot.waitUntil(lambda: third not in window.state.incidents and not replay.busy, timeout=5000)
    # back to live: everything, the fourth included, commands again
    bar.live_button.click()
    qtbot.waitUntil(lambda: fourth in window.state.incidents, timeout=5000)
    assert not window.state.replaying and window.panel.is_online() and bar.isHidden()
    assert not any(d.property("replay") for d in window.docks.values())
