"""Vietnamese text helpers: accent folding for matching and collation for sorting."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

# Letters in the order of the Vietnamese alphabet; f, j, w, z appear in foreign names only
# and are slotted where the Latin alphabet puts them.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
_MODIFIERS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter
# Tone order of Vietnamese dictionaries: level, grave, hook, tilde, acute, dot below.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


class _FoldTable(dict[int, str]):
    """Each character without its diacritics, worked out the first time it is met."""

    def __missing__(self, code: int) -> str:
        bare = "".join(
            ch for ch in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(ch)
        )
        self[code] = bare
        return bare


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-case ASCII form without diacritics, spaces or punctuation ('Đắk Lắk' -> 'daklak')."""
    # Decomposing a string is decomposing each character (canonical reordering moves only the
    # combining marks, which are dropped), so a table of characters gives the NFD result without
    # normalising every string: loads fold millions of keys.
    lowered = text.lower().replace("đ", "d")
    if not lowered.isascii():
        lowered = lowered.translate(_FOLD_TABLE)
    return _NON_ALNUM.sub("", lowered)


def _split_letters(text: str) -> tuple[list[str], list[int]]:
    """Split text into alphabet letters (with their modifiers) and one tone rank per letter."""
    letters: list[str] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFD", text.lower()):
        if ch in _MODIFIERS and letters:
            letters[-1] = unicodedata.normalize("NFC", letters[-1] + ch)
        elif ch in _TONE_RANK and tones:
            tones[-1] = _TONE_RANK[ch]
        elif unicodedata.combining(ch):
            continue
        else:
            letters.append(ch)
            tones.append(0)
    return letters, tones


def sort_key(text: str | None) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Collation key that orders strings as a Vietnamese dictionary does (Đ after D, before E)."""
    if text is None:
        return ((), (), "")
    letters, tones = _split_letters(text)
    return tuple(_rank(letter) for letter in letters), tuple(tones), text


def _rank(letter: str) -> int:
    """Primary weight: spaces and punctuation first, then digits, then the alphabet."""
    if letter in _LETTER_RANK:
        return 20 + _LETTER_RANK[letter]
    if letter.isdigit():
        return 1 + int(letter) if letter.isascii() else 11
    if not letter.isalnum():
        return 0
    return 100 + ord(letter[0])


def sorted_vi(items: Iterable[T], key: Callable[[T], str | None] | None = None) -> list[T]:
    """Sort items by a text key in Vietnamese order."""
    if key is None:
        return sorted(items, key=lambda item: sort_key(str(item)))
    return sorted(items, key=lambda item: sort_key(key(item)))
