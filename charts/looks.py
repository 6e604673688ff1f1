"""One look (colour and hatching) per sector, sector group and country, in every view."""

from __future__ import annotations

import zlib

from charts import style
from datastore.reference.sectors import SECTORS

Look = tuple[str, str]  # (marker colour, hatching pattern)

# Fixed orders: a sector's or a group's place in the DAC code list decides its look, so the
# same sector keeps its colour when other sectors are filtered out or the names change language.
_SECTOR_CODES: tuple[str, ...] = tuple(sector.code for sector in SECTORS)
_GROUP_OF: dict[str, str] = {sector.code: sector.group_en for sector in SECTORS}
_GROUPS: tuple[str, ...] = tuple(dict.fromkeys(_GROUP_OF.values()))


def look_at(index: int) -> Look:
    """The index-th look of the fixed palette: eight colours, then the same ones hatched."""
    colours = style.OKABE_ITO
    return colours[index % len(colours)], style.PATTERNS[index // len(colours) % 8]


def _beyond(code: str, known: int) -> int:
    """A place after the known ones for a code outside the reference list, fixed by the code."""
    return known + (int(code) if code.isdigit() else zlib.crc32(code.encode("utf-8")))


def sector_look(code: str) -> Look:
    """The look of a DAC sector."""
    if code in _SECTOR_CODES:
        return look_at(_SECTOR_CODES.index(code))
    return look_at(_beyond(code, len(_SECTOR_CODES)))


def sector_group_look(code: str) -> Look:
    """The look of the group a DAC sector belongs to (a sector outside the list: its own)."""
    group = _GROUP_OF.get(code)
    if group is None:
        return look_at(_beyond(code, len(_GROUPS)))
    return look_at(_GROUPS.index(group))


def country_look(code: str | None) -> Look:
    """The look of a partner country, fixed by its ISO code (none: the first colour)."""
    return look_at(zlib.crc32(code.encode("utf-8")) if code else 0)
