"""Titles made distinct within a row's natural key, since titles are part of row keys."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from datastore.vietnamese import fold

# Titles repeat a lot (templates × places × partners): folding each one once saves seconds.
_fold = lru_cache(maxsize=1 << 16)(fold)


def distinct_title(seen: set[Any], key: tuple[Any, ...], title: str, *, word: str) -> str:
    """`title`, numbered when the same key already has it, since titles are part of row keys.

    The loader compares titles folded (accents and punctuation dropped), and so does this.
    """
    candidate, number = title, 1
    while (*key, _fold(candidate)) in seen:
        number += 1
        candidate = f"{title} ({word} {number})"
    seen.add((*key, _fold(candidate)))
    return candidate
