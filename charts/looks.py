"""One look (colour and hatching) per sector, sector group and country, in every view."""

from __future__ import annotations

import zlib

from charts import style
from datastore.reference.sectors import SECTORS

Look = tuple[str, str]  # (marker colour, hatching pattern)

# Fixed orders: a group's place in the DAC code list decides its colour, and a sector's place in
# its group its hatching, so a sector keeps its look when others are filtered out or names change
# language, and shares its colour with its group on the sector-group chart.
_GROUP_OF: dict[str, str] = {sector.code: sector.group_en for sector in SECTORS}
_GROUPS: tuple[str, ...] = tuple(dict.fromkeys(_GROUP_OF.values()))
_SECTOR_CODES: tuple[str, ...] = tuple(_GROUP_OF)
# Hatchings a group's sectors may use: the ninth group takes the second half of the patterns,
# so that it never looks like a sector of the group that shares its colour.
_PATTERNS_PER_GROUP = 4


def look_at(index: int) -> Look:
    """The index-th look of the fixed palette: eight colours, then the same ones hatched."""
    colours = style.OKABE_ITO
    return colours[index % len(colours)], style.PATTERNS[index // len(colours) % 8]


def _beyond(code: str, known: int) -> Look:
    """A look after the known ones for a code outside the reference list, fixed by the code."""
    return look_at(known + (int(code) if code.isdigit() else zlib.crc32(code.encode("utf-8"))))


def _group_look(group: int, position: int = 0) -> Look:
    """The colour of a group and the hatching of its sector at `position` (0: the group's own)."""
    colours = style.OKABE_ITO
    first = group // len(colours) * _PATTERNS_PER_GROUP
    return colours[group % len(colours)], style.PATTERNS[(first + position) % len(style.PATTERNS)]


def sector_look(code: str) -> Look:
    """The look of a DAC sector: its group's colour, hatched by its place in the group."""
    group = _GROUP_OF.get(code)
    if group is None:
        return _beyond(code, len(_SECTOR_CODES))
    members = [other for other in _SECTOR_CODES if _GROUP_OF[other] == group]
    return _group_look(_GROUPS.index(group), members.index(code))


def sector_group_look(code: str) -> Look:
    """The look of the group a DAC sector belongs to (a sector outside the list: its own)."""
    group = _GROUP_OF.get(code)
    if group is None:
        return _beyond(code, len(_GROUPS))
    return _group_look(_GROUPS.index(group))


def country_look(code: str | None) -> Look:
    """The look of a partner country, fixed by its ISO code (none: the first colour)."""
    return look_at(zlib.crc32(code.encode("utf-8")) if code else 0)
