"""Where a profile's fact comes from, in words: the article, a load, or the demo's own choice.

A documented row's source is the article's file name, followed in brackets by what of the row
the demo chose where the article leaves it out, "vi / en" (seed/documented/wording.py): a
founding date chosen, or only its day. The demo's made-up rows carry "synthetic".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from datastore.yearly.sources import article_title
from i18n.catalogue import Lang, t
from i18n.formatting import format_day
from ui.auth import escape_markdown

SYNTHETIC = "synthetic"
_WITH_NOTE = re.compile(r"^(?P<origin>.*?) \((?P<note>[^()]*)\)$")
# The note of a founding date whose year the article states but not the day.
_YEAR_ONLY = "chỉ nêu năm"
# A staff load's label, stored in Vietnamese by datastore.load ("load.source").
_LOAD = re.compile(r"^Lượt nạp #(?P<batch>\d+): (?P<file>.*)$")


@dataclass(frozen=True)
class Source:
    """A source label split into its origin and the note on what the demo chose."""

    origin: str
    note: str | None

    @property
    def synthetic(self) -> bool:
        """A row the demo made up, not stated anywhere."""
        return self.origin == SYNTHETIC

    def note_in(self, lang: Lang) -> str | None:
        """The note in `lang`: its Vietnamese half before " / ", its English half after."""
        if self.note is None:
            return None
        halves = self.note.split(" / ", 1)
        return halves[-1] if lang == "en" else halves[0]


def read_source(source: str) -> Source:
    """The origin and the demo's note of a stored source label."""
    match = _WITH_NOTE.match(source.strip())
    if match is None:
        return Source(source.strip(), None)
    return Source(match["origin"], match["note"])


def source_text(source: str, lang: Lang, *, markdown: bool = True) -> str:
    """ "Nguồn: 003_….txt" with the demo's note, or that the row is the demo's own."""
    found = read_source(source)
    if found.synthetic:
        return t("profile.source_synthetic", lang)
    named = origin_text(found.origin, lang)
    origin = escape_markdown(named) if markdown else named
    note = found.note_in(lang)
    text = t("profile.source", lang, origin=origin)
    return f"{text} ({note})" if note else text


def origin_text(origin: str, lang: Lang) -> str:
    """An article by its title and date with its file; a load as `lang` names loads."""
    load = _LOAD.match(origin)
    if load is not None:
        return t("load.source", lang, batch=load["batch"], file=load["file"])
    title = article_title(origin, lang)
    return (
        origin if title == origin else t("profile.source_article", lang, title=title, file=origin)
    )


def founding_text(founded_on: Any, source: str, lang: Lang) -> str:
    """A founding date as the source states it: the day, the year only, or chosen by the demo."""
    if not isinstance(founded_on, date):
        return t("chart_note.mark", lang)
    found = read_source(source)
    if found.synthetic or (found.note is not None and _YEAR_ONLY not in found.note):
        return t("profile.founded_chosen", lang, day=format_day(founded_on))
    if found.note is not None:
        return t("profile.founded_year", lang, year=founded_on.year)
    return format_day(founded_on)
