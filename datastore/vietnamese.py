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
# Marks shared by the Latin, Greek and Cyrillic scripts (accents, tones, breve, hook, horn);
# marks of their own scripts (Devanagari vowel signs, Arabic vowels, Thai tones) spell the
# word and are kept.
_SHARED_MARKS = (
    (0x0300, 0x036F),
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),
    (0xFE20, 0xFE2F),
)


def _fold_character(ch: str) -> str:
    """One character of NFKC, case-folded text as it appears in a key."""
    code = ord(ch)
    if ch == "đ":
        return "d"
    if any(first <= code <= last for first, last in _SHARED_MARKS):
        return ""
    if unicodedata.name(ch, "").startswith("LATIN "):
        # A Latin letter loses its diacritics ("ắ" -> "a"); letters of other scripts keep
        # theirs: "й" is not "и", and a key that dropped them would merge different names.
        return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    if ch.isalnum() or unicodedata.category(ch)[0] == "M":
        return ch
    return ""  # spaces, punctuation, symbols


class _FoldTable(dict[int, str]):
    """Each character as it appears in a key, worked out the first time it is met."""

    def __missing__(self, code: int) -> str:
        folded = _fold_character(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Matching key of a text: case and Latin diacritics folded, spaces and punctuation dropped.

    'Đắk Lắk' -> 'daklak'; letters of every script are kept ('Общество' -> 'общество').
    """
    if text.isascii():
        return _NON_ALNUM.sub("", text.lower())
    # NFKC makes full-width and compatibility forms ordinary letters and digits ("Ｈà Ｎội");
    # case folding can decompose ("ΐ"), so the text is composed again before the table, which
    # then sees each letter whole. Per character, the table is what decomposing the whole
    # string would give, without doing it for every key: loads fold millions of them.
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return folded.translate(_FOLD_TABLE)


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
