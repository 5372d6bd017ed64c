"""Giving freed memory back to the system between batches.

A batch makes millions of short-lived objects among the word caches' long-lived ones;
glibc keeps the pages they freed for later, so a long run's resident memory creeps up
past what it holds. ``malloc_trim`` returns the free pages at the top of the heap and
every whole free page inside it (≈40 MB over the 3,075 RuCoCo articles, at no measurable
cost once a batch). Elsewhere than glibc it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache


@cache
def _trim():
    """glibc's ``malloc_trim``, or None where the C library has none (musl, macOS, Windows)."""
    name = ctypes.util.find_library("c")
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    except OSError:
        return None


def release_free_memory() -> bool:
    """Give the C heap's free pages back to the system; whether any were given back."""
    trim = _trim()
    return bool(trim(0)) if trim is not None else False
