"""Errors shared by the reference-data loaders (catalog, calendar, time limits)."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any


class CatalogError(ValueError):
    """Bad reference data; the message always names the file and the entry.

    ``str(e) == f"{path}: {entry}: {problem}"``, one line an operator can act on.
    """

    def __init__(self, path: str | os.PathLike[str], entry: str, problem: str) -> None:
        self.path, self.entry, self.problem = path, entry, problem
        super().__init__(f"{path}: {entry}: {problem}")


def read_toml(path: Path) -> dict[str, Any]:
    """A reference-data TOML file, or CatalogError naming the file and what is wrong with it."""
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise CatalogError(path, "file", "does not exist") from None
    except OSError as e:
        raise CatalogError(path, "file", f"cannot be read: {e.strerror or e}") from None
    except tomllib.TOMLDecodeError as e:
        raise CatalogError(path, "TOML syntax", str(e)) from None
    except UnicodeDecodeError as e:
        raise CatalogError(path, "file", f"is not UTF-8: {e.reason} at byte {e.start}") from None
