"""The wall-display presets (no Qt here: the command line checks --wall before anything starts).

A preset is one list of panels per screen; panels: map, counters, queue, video9, video16, streets.
"""

PRESETS: dict[str, list[list[str]]] = {
    "overview": [["counters", "map"]],
    "queue": [["counters", "queue"]],
    "video": [["video9"]],
    "command": [["counters", "map"], ["queue"], ["video9"]],
    "quad": [["counters", "map"], ["queue"], ["video9"], ["streets"]],
}
