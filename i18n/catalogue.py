"""One catalogue of every user-facing text, merged from the topic modules, and t() to read it."""

from __future__ import annotations

import string
from typing import Literal, get_args

from i18n.texts.about import ABOUT
from i18n.texts.accounts import ACCOUNTS
from i18n.texts.aid_meaning import AID_MEANING
from i18n.texts.captions import CAPTIONS
from i18n.texts.chart_alt_text import CHART_ALT_TEXT
from i18n.texts.chart_notes import CHART_NOTES
from i18n.texts.chart_views import CHART_VIEWS
from i18n.texts.charts import CHARTS
from i18n.texts.command_line import COMMAND_LINE
from i18n.texts.comparisons import COMPARISONS
from i18n.texts.data_words import KEY_COLUMNS, KIND_NAMES
from i18n.texts.database import DATABASE
from i18n.texts.extract_link import EXTRACT_LINK
from i18n.texts.extracts import EXTRACTS
from i18n.texts.filters import FILTERS
from i18n.texts.import_page import IMPORT_PAGE
from i18n.texts.lineage import LINEAGE
from i18n.texts.links import LINKS
from i18n.texts.loads import LOADS
from i18n.texts.pages import PAGES
from i18n.texts.problems_cells import PROBLEMS_CELLS
from i18n.texts.problems_files import PROBLEMS_FILES
from i18n.texts.profile import PROFILE
from i18n.texts.reform63 import REFORM63
from i18n.texts.report_files import REPORT_FILES
from i18n.texts.report_page import REPORT_PAGE
from i18n.texts.restated import RESTATED
from i18n.texts.yearly import YEARLY

# The languages the dashboard speaks, Vietnamese first; every text has both.
Lang = Literal["vi", "en"]
LANGUAGES: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANGUAGE: Lang = "vi"

# Screens first, then the data layer's problems and loads; each topic module is one block.
_TOPICS: tuple[dict[str, dict[str, str]], ...] = (
    PAGES,
    CHARTS,
    AID_MEANING,
    CHART_ALT_TEXT,
    CHART_NOTES,
    CHART_VIEWS,
    REFORM63,
    COMPARISONS,
    RESTATED,
    PROFILE,
    FILTERS,
    CAPTIONS,
    LINKS,
    LINEAGE,
    REPORT_PAGE,
    ABOUT,
    ACCOUNTS,
    IMPORT_PAGE,
    PROBLEMS_CELLS,
    PROBLEMS_FILES,
    LOADS,
    COMMAND_LINE,
    EXTRACTS,
    EXTRACT_LINK,
    DATABASE,
    REPORT_FILES,
    YEARLY,
)


def merge(topics: tuple[dict[str, dict[str, str]], ...]) -> dict[str, dict[str, str]]:
    """The topic dicts as one, refusing a key defined twice or a text missing a language."""
    merged: dict[str, dict[str, str]] = {}
    for topic in topics:
        for key, texts in topic.items():
            if key in merged:
                raise ValueError(f"text {key!r} is defined twice")
            if set(texts) != set(LANGUAGES):
                raise ValueError(f"text {key!r} has {sorted(texts)}, expected {LANGUAGES}")
            merged[key] = texts
    return merged


TEXTS: dict[str, dict[str, str]] = merge(_TOPICS)

# The structured vocabularies are checked the same way: every entry in every language.
for _vocabulary in (KIND_NAMES, KEY_COLUMNS):
    for _name, _words in _vocabulary.items():
        if set(_words) != set(LANGUAGES):
            raise ValueError(f"words of {_name!r} have {sorted(_words)}, expected {LANGUAGES}")


def as_lang(value: object) -> Lang:
    """The language `value` names, or ValueError for one the dashboard does not speak."""
    for lang in LANGUAGES:
        if value == lang:
            return lang
    raise ValueError(f"unknown language {value!r}; expected one of {LANGUAGES}")


def t(key: str, lang: Lang, **fmt: object) -> str:
    """The text for `key` in `lang` ("vi" or "en"), with {placeholders} filled from `fmt`."""
    return TEXTS[key][as_lang(lang)].format(**fmt)


def bilingual(key: str, *, between: str = " / ", **fmt: object) -> str:
    """The text in Vietnamese then in English, as the command line and the extract files show it."""
    return t(key, "vi", **fmt) + between + t(key, "en", **fmt)


def hint(options: list[str]) -> dict[str, str]:
    """The "did you mean" parameters of a message, empty when there is nothing to suggest."""
    if not options:
        return {"hint_vi": "", "hint_en": ""}
    joined = ", ".join(options)
    return {"hint_vi": t("hint", "vi", options=joined), "hint_en": t("hint", "en", options=joined)}


def placeholders(text: str) -> set[str]:
    """The names a text expects."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
