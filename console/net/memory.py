"""Keeping a long-running process's resident memory honest on glibc (docs/PERFORMANCE.md, soak).

A hub runs for weeks and frees as much as it allocates: every batch's rows, frames and results
are made and dropped. glibc's malloc keeps freed memory in its heaps, and gives each thread that
allocates its own heap (up to 8 per core), so resident memory creeps up with fragmentation that
no object holds. Three standard settings for Python servers: at most two malloc arenas, a fixed
threshold above which blocks are mapped on their own, and the freed pages handed back to the
system now and then (``malloc_trim``). Elsewhere (musl, macOS,
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

M_ARENA_MAX = -8  # mallopt's parameters (malloc.h)
M_MMAP_THRESHOLD = -3
ARENAS = 2
MMAP_THRESHOLD = 128 * 1024  # glibc's own starting value, kept from moving up


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


def fix_mmap_threshold(size: int = MMAP_THRESHOLD) -> bool:
    """Blocks of ``size`` bytes and more get their own mapping, given back when freed. By default
    glibc raises that threshold each time such a block is freed, up to 32 MB, so a hub's large
    transient buffers (snapshots, batches' frames) come to live in the heap among small long-lived
    ones and leave it holed: with it fixed, the soak's hub held 4 MB free in its heap rather than
    4–10, and its RSS moved by 1 MB a minute rather than 3 (docs/PERFORMANCE.md). True when glibc
    took it."""
    if _LIBC is None:
        return False
    return bool(_LIBC.mallopt(M_MMAP_THRESHOLD, size))


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
