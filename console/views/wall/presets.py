"""The wall-display presets (no Qt here: the command line checks --wall before anything starts).

A preset is one list of panels per screen; panels: map, counters, queue, video9, video16, streets.
Each preset may also carry settings of its own over ``WALL_DEFAULTS`` (``PRESET_SETTINGS``): how
long the urgent switch stays on an incident, how far from it a camera may be to be pinned, and
the narrowest view of the map on it.
"""

from __future__ import annotations

PRESETS: dict[str, list[list[str]]] = {
    "overview": [["counters", "map"]],
    "queue": [["counters", "queue"]],
    "video": [["video9"]],
    "command": [["counters", "map"], ["queue"], ["video9"]],
    "quad": [["counters", "map"], ["queue"], ["video9"], ["streets"]],
    "numbers": [["counters", "numbers"]],  # the shift's numbers by department, its charts taking turns
}

WALL_DEFAULTS: dict[str, float] = {
    "return_after_s": 120.0,  # the urgent switch stays this long on each incident, then moves on
    "camera_radius_m": 1500.0,  # a wall has nine tiles to fill: it looks farther than a desk (500 m)
    "min_span_m": 600.0,  # the map on an urgent incident is never narrower than this across
}

# Per preset, what differs from WALL_DEFAULTS (a site edits this; none differs out of the box).
PRESET_SETTINGS: dict[str, dict[str, float]] = {name: {} for name in PRESETS}


def preset_settings(name: str) -> dict[str, float]:
    """The preset's settings: WALL_DEFAULTS with its own on top. An unknown preset or setting, or
    a value that is not a positive number, is a ValueError naming it."""
    if name not in PRESETS:
        raise ValueError(f"unknown wall preset {name!r}; choose one of {', '.join(PRESETS)}")
    own = PRESET_SETTINGS.get(name) or {}
    unknown = sorted(set(own) - set(WALL_DEFAULTS))
    if unknown:
        raise ValueError(f"wall preset {name!r}: unknown setting {unknown[0]!r}; "
                         f"choose from {', '.join(WALL_DEFAULTS)}")
    out = dict(WALL_DEFAULTS)
    for key, value in own.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise ValueError(f"wall preset {name!r}: {key} must be a positive number, got {value!r}")
        out[key] = float(value)
    return out
