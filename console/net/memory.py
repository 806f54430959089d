"""Keeping a long-running process's resident memory honest on glibc (docs/PERFORMANCE.md, soak).

A hub runs for weeks and frees as much as it allocates: every batch's rows, frames and results
are made and dropped. glibc's malloc keeps freed memory in its heaps, and gives each thread that
allocates its own heap (up to 8 per core), so resident memory creeps up with fragmentation that
no object holds. Two standard settings for Python servers: at most two malloc arenas, and the
freed pages handed back to the system now and then (``malloc_trim``). Elsewhere (musl, macOS,
Windows) both do nothing.

Python's own collector is the third: ``settle`` moves what start-up made (modules, the catalog,
compiled statements: hundreds of thousands of objects) out of its reach, so the full collections
a busy hub triggers scan only what it made since (docs/PERFORMANCE.md, the store)."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging

log = logging.getLogger(__name__)

M_ARENA_MAX = -8  # mallopt's parameter (malloc.h)
ARENAS = 2


def _libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None


_LIBC = _libc()


def limit_arenas(arenas: int = ARENAS) -> bool:
    """At most ``arenas`` malloc heaps for the process (call at start, before threads allocate).
    True when glibc took it."""
    if _LIBC is None:
        return False
    return bool(_LIBC.mallopt(M_ARENA_MAX, arenas))


def trim() -> bool:
    """Hand freed heap pages back to the system. True when glibc released some."""
    if _LIBC is None:
        return False
    return bool(_LIBC.malloc_trim(0))


def settle() -> int:
    """Once start-up is done: collect its garbage, then freeze what is left (``gc.freeze``) so
    that later collections no longer traverse it; it lives as long as the process anyway. The
    number of objects frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
