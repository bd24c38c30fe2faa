"""The server's memory: glibc's malloc arenas capped.

Each thread of the pool that runs requests may get a malloc arena of its own (glibc allows up to eight per core),
and freed memory stays with its arena. Measured with ``python -m evals.load_test --data-dir DIR --requests 300
--clients 16`` on this 2-core machine (2026-12-04): the server's resident memory after warm-up 617 MB with glibc's
default, 549 MB with two arenas; after the run 653 MB against 572 MB. ``mallopt`` at start-up does what the
``MALLOC_ARENA_MAX`` environment variable does; an explicit ``MALLOC_ARENA_MAX`` is left to govern.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

M_ARENA_MAX = -8  # glibc's malloc.h


def cap_malloc_arenas(arenas: int) -> bool:
    """Cap the arenas glibc's malloc creates from now on; whether the cap was set (not on other C libraries, not
    when ``arenas`` is 0 or ``MALLOC_ARENA_MAX`` is set)."""
    if arenas <= 0 or os.environ.get("MALLOC_ARENA_MAX") or not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return False
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None:  # musl has none
        return False
    return bool(mallopt(ctypes.c_int(M_ARENA_MAX), ctypes.c_int(arenas)))
