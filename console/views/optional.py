"""Optional parts of Qt. Each is loaded once; one that cannot load (a system library missing, a
broken install) is named, with the reason, in one line at start and in Help → About, and the
console goes on without it: the video wall says "video unavailable" on its tiles and the alert
falls back to the system beep (docs/SETUP.md)."""

from __future__ import annotations

import importlib
import re
from types import ModuleType

# part -> the module that brings it
PARTS = {"QtMultimedia": "PySide6.QtMultimedia"}

_loaded: dict[str, ModuleType | None] = {}
_why: dict[str, str] = {}


def short_reason(e: BaseException) -> str:
    """One line an operator can act on: the missing library when that is the cause."""
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    m = re.search(r"(\S+\.so[\d.]*): cannot open shared object file", text)
    if m:
        return f"{m.group(1)} is missing (run `make setup`)"
    return text


def load(part: str) -> ModuleType | None:
    """The part's module, or None when it cannot load (then :func:`why` says why)."""
    if part not in _loaded:
        try:
            _loaded[part] = importlib.import_module(PARTS[part])
        except ImportError as e:  # a missing .so surfaces as ImportError
            _loaded[part] = None
            _why[part] = short_reason(e)
    return _loaded[part]


def why(part: str) -> str:
    return _why.get(part, "")


def failures() -> dict[str, str]:
    """{part: reason} for every optional part that cannot load (loading each once)."""
    for part in PARTS:
        load(part)
    return dict(_why)


def startup_lines() -> list[str]:
    """One line per missing part, printed when the console starts."""
    return [f"console: {part} unavailable: {reason}; the console runs without it"
            for part, reason in failures().items()]
