"""Medians of repeated runs, the one way every figure of the benchmark is timed."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timed_s(call: Callable[[], object]) -> float:
    """Seconds one call takes (wall clock)."""
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def median_ms(call: Callable[[], object], *, runs: int, warmup: int = 1) -> float:
    """Median milliseconds of `runs` calls, after `warmup` untimed ones (caches filled)."""
    if runs < 1:
        raise ValueError(f"runs must be at least 1, not {runs}")
    for _ in range(warmup):
        call()
    return round(statistics.median(timed_s(call) * 1000 for _ in range(runs)), 3)
