"""Errors shared by the reference-data loaders (catalog, calendar, time limits)."""

from __future__ import annotations

import os


class CatalogError(ValueError):
    """Bad reference data; the message always names the file and the entry.

    ``str(e) == f"{path}: {entry}: {problem}"``, one line an operator can act on.
    """

    def __init__(self, path: str | os.PathLike[str], entry: str, problem: str) -> None:
        self.path, self.entry, self.problem = path, entry, problem
        super().__init__(f"{path}: {entry}: {problem}")
