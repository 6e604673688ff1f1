"""The matching key's folding before revision 0005: every letter outside a-z dropped."""

from __future__ import annotations

import re
import unicodedata


def latin_only_fold(text: str) -> str:
    """Accent folding as first defined: NFD of the whole string, anything but a-z and 0-9 gone."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]+", "", stripped)
