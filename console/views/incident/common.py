"""What the incident panel's parts share: action names, colours, sizes."""

from __future__ import annotations

from console.state import derived

# the actions whose note field says why: the hub refuses them without one

_NEEDS_NOTE = ("reject", "return", "escalate", "reopen", "verify_fail", "note")
RECOMMEND_LIMIT = 5
BASE_POINT_SIZE = 12.0  # operator desks: read at arm's length

SLA_COLOURS = {"green": "#1b7f3b", "blue": "#1f5fbf", "red": "#c62828"}
OK_COLOUR, ERROR_COLOUR, PENDING_COLOUR = "#1b7f3b", "#c62828", "#555555"

# Every action control, in the order they appear; "note" is not a transition.
ACTION_NAMES = (
    "accept", "acknowledge", "reject", "merge", "dispatch", "escalate", "return",
    "resolve", "verify_pass", "verify_fail", "close", "reopen", "note",
)
_NO_RATING = "none"  # close without a call-back: satisfaction left out


def _fmt_span(seconds: float) -> str:
    s = int(abs(seconds))
    days, s = divmod(s, 86400)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    core = f"{h}:{m:02d}:{s:02d}"
    return f"{days} d {core}" if days else core


_when = derived.when


