"""Cameras for the video wall, without Qt: which cameras to show for an incident, how to fill
the wall's tiles with them, and how long a tile waits before it tries a lost stream again.

The video wall (``console/views/video/``) is a thin Qt layer over these functions, so the
rules can be tested without a display. Decisions and limits: docs/VIDEO.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from .geo import haversine_m

DEFAULT_RADIUS_M = 500.0  # cameras farther than this from an incident do not show its scene
RETRY_BASE_S = 2.0  # first wait before a lost stream is tried again
RETRY_CAP_S = 30.0  # the wait doubles up to this and stays there

C = TypeVar("C")


def _get(camera: Any, key: str) -> Any:
    """A camera's field, whether it is a catalog ``Camera`` or a wire dict."""
    return camera[key] if isinstance(camera, Mapping) else getattr(camera, key)


def nearest_cameras(
    cameras: Iterable[C], lat: float, lon: float, radius_m: float = DEFAULT_RADIUS_M, limit: int | None = None
) -> list[tuple[C, float]]:
    """The cameras within ``radius_m`` metres of (lat, lon), nearest first, as (camera, distance_m).

    The radius is inclusive; equal distances go to the lower camera id so the order never depends
    on the input's. ``limit`` (None: no limit) keeps only the first ones. Cameras are catalog
    ``Camera`` objects or dicts with ``id``, ``lat`` and ``lon``; they come back as given.
    """
    if radius_m < 0:
        raise ValueError(f"radius must not be negative, got {radius_m}")
    if limit is not None and limit <= 0:
        return []
    found = []
    for cam in cameras:
        d = haversine_m(lat, lon, float(_get(cam, "lat")), float(_get(cam, "lon")))
        if d <= radius_m:
            found.append((d, str(_get(cam, "id")), cam))
    found.sort(key=lambda t: (t[0], t[1]))
    if limit is not None:
        found = found[:limit]
    return [(cam, d) for d, _, cam in found]


def plan_tiles(
    current: Sequence[str | None], locked: Sequence[bool], ranked: Sequence[str]
) -> list[str | None]:
    """Which camera each tile shows after pinning an incident.

    ``current`` is the camera id shown by each tile of the layout (None: empty), ``locked`` whether
    the operator locked it, ``ranked`` the incident's camera ids, nearest first. Locked tiles keep
    what they show, and a camera already on a locked tile is not shown twice; the other cameras go,
    nearest first, to the unlocked tiles in reading order; unlocked tiles left over become empty,
    so no camera from an earlier incident stays on screen looking as if it belonged to this one.
    """
    if len(current) != len(locked):
        raise ValueError("current and locked must have one entry per tile")
    kept = {cam for cam, lock in zip(current, locked, strict=True) if lock and cam}
    queue = [cam for cam in dict.fromkeys(ranked) if cam not in kept]
    out: list[str | None] = []
    for cam, lock in zip(current, locked, strict=True):
        if lock:
            out.append(cam)
        else:
            out.append(queue.pop(0) if queue else None)
    return out


def retry_delay_s(attempt: int, base_s: float = RETRY_BASE_S, cap_s: float = RETRY_CAP_S) -> float:
    """Wait before retry number ``attempt`` (1 = the first retry): base, 2×base, 4×base … at most cap."""
    if attempt < 1:
        raise ValueError(f"attempts count from 1, got {attempt}")
    return min(cap_s, base_s * 2 ** min(attempt - 1, 30))


def short_text(text: str, limit: int = 40) -> str:
    """The first line of ``text`` cut to ``limit`` characters with an ellipsis (tile captions)."""
    line = " ".join((text or "").split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
