"""The one describer of active filters: chart subtitles, page captions and download file names.

A chart's description names every filter its query depends on (`ChartQuery.filters`) with the
value that query sees (`ChartQuery.relevant`), so a screenshot or a downloaded file can be read
on its own: provinces, years, partner or donor countries, then the page's own filters
(measure, unit of money, sectors, direction, kinds).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from datastore import queries
from datastore.filters import Filters
from datastore.models.reference import ProvinceList
from i18n.catalogue import Lang, t
from i18n.formatting import Currency, with_code
from ui.catalog import FILTER_FIELDS, Chart, FilterField
from ui.data import lookup

# Where a chart's subtitle names its unit of money: the builder picks it from the data ("tỷ
# đồng" or "triệu đồng"), so ui.render writes it in once the figure is built.
UNIT_SLOT = "{unit}"
NAMED = 3  # up to this many chosen values are named; more are counted
_BETWEEN = " · "
_FILE_PART = re.compile(r"[^0-9A-Za-z]+")
_FILE_LIMIT = 120  # characters of a file name before its extension


@dataclass(frozen=True)
class Phrase:
    """One filter as the description states it, and its part of a download's file name."""

    text: str
    file: str = ""  # "" leaves it out of file names (the whole country, every sector)


@dataclass(frozen=True)
class Description:
    """What a chart or page shows: a line of where and when, a line of the page's filters."""

    lines: tuple[tuple[Phrase, ...], ...]
    file_parts: tuple[str, ...]  # in file-name order: measure, currency, where, years, ...

    @property
    def text(self) -> str:
        """Both lines, for a chart's subtitle (and the cache key of built figures)."""
        return "\n".join(_BETWEEN.join(p.text for p in line) for line in self.lines if line)

    @property
    def one_line(self) -> str:
        """Everything on one line, for a page's caption."""
        return _BETWEEN.join(p.text for line in self.lines for p in line)

    def file_name(self, what: str, extension: str = "csv") -> str:
        """A readable, ASCII-safe name: 'vien-tro-theo-nam_giai-ngan_USD_2014-2020.csv'."""
        stem = "_".join(part for part in (ascii_slug(what).lower(), *self.file_parts) if part)
        return f"{stem[:_FILE_LIMIT].rstrip('-_')}.{extension}"


def ascii_slug(text: str) -> str:
    """Text as a file-name part: diacritics dropped, đ as d, runs of anything else as '-'."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return _FILE_PART.sub("-", plain.encode("ascii", "ignore").decode()).strip("-")


def _named(values: Iterable[str], count_key: str, lang: Lang) -> str:
    """Up to NAMED names joined, or their count in words."""
    names = list(values)
    if len(names) <= NAMED:
        return ", ".join(names)
    return t(count_key, lang, count=len(names))


def _names(frame: pd.DataFrame) -> dict[str, str]:
    """{code: name} of an option list."""
    return dict(zip(frame["code"], frame["name"], strict=True))


def _where(filters: Filters, lang: Lang) -> Phrase:
    """The provinces: their names, or the whole country of the chosen list."""
    legacy = ProvinceList(filters.province_list) is ProvinceList.LEGACY
    names = _names(lookup(queries.list_provinces, province_list=filters.province_list, lang=lang))
    if not filters.provinces:
        key = "describe.all_provinces_legacy" if legacy else "describe.all_provinces"
        text = t(key, lang, count=len(names))
        return Phrase(text, ascii_slug(text).lower() if legacy else "")
    chosen = _named((names.get(c, c) for c in filters.provinces), "describe.n_provinces", lang)
    text = t("describe.legacy_names", lang, names=chosen) if legacy else chosen
    return Phrase(text, ascii_slug(text).lower())


def _years(filters: Filters) -> Phrase | None:
    """The year range, or the one year."""
    low, high = filters.year_from, filters.year_to
    if low is None and high is None:
        return None
    if low == high or low is None or high is None:
        year = str(low if high is None else high)
        return Phrase(year, year)
    return Phrase(f"{low}–{high}", f"{low}-{high}")


def _countries(filters: Filters, lang: Lang) -> Phrase | None:
    """The chosen partner (or donor) countries."""
    if not filters.countries:
        return None
    names = _names(lookup(queries.list_countries, lang=lang))
    chosen = [names.get(code, code) for code in filters.countries]
    text = _named(chosen, "describe.n_countries", lang)
    return Phrase(text, "-".join(filters.countries) if len(chosen) <= NAMED else ascii_slug(text))


def _sectors(filters: Filters, lang: Lang, *, say_all: bool) -> Phrase | None:
    """The chosen sectors with their DAC codes, or 'every sector' where that helps."""
    if not filters.sectors:
        return Phrase(t("describe.all_sectors", lang)) if say_all else None
    names = _names(lookup(queries.list_sectors, lang=lang))
    chosen = [with_code(names.get(code, code), code) for code in filters.sectors]
    text = _named(chosen, "describe.n_sectors", lang)
    return Phrase(text, ascii_slug(text).lower())


def _kinds(filters: Filters, lang: Lang) -> Phrase | None:
    """The chosen kinds of activity."""
    if not filters.kinds:
        return None
    text = _named((t(f"kind.{kind}", lang) for kind in filters.kinds), "describe.n_kinds", lang)
    return Phrase(text, ascii_slug(text).lower())


def describe(
    filters: Filters,
    lang: Lang,
    *,
    fields: Iterable[FilterField] = FILTER_FIELDS,
    currency: Currency | None = None,
    money: str | None = None,
    say_all_sectors: bool = False,
) -> Description:
    """The filters among `fields`, as they read in `lang`; `money` names the unit of amounts."""
    wanted = set(fields)

    def among(*names: FilterField) -> bool:
        return not wanted.isdisjoint(names)

    where: list[Phrase | None] = [
        _where(filters, lang) if among("province_list", "provinces") else None,
        _years(filters) if among("year_from", "year_to") else None,
        _countries(filters, lang) if among("countries") else None,
    ]
    measure = direction = None
    if among("measure") and filters.measure:
        text = t(f"measure.{filters.measure}", lang)
        measure = Phrase(text, ascii_slug(text).lower())
    unit = (
        None
        if money is None
        else Phrase(t("describe.money_unit", lang, unit=money), currency or "")
    )
    if among("direction") and filters.direction:
        text = t(f"describe.only_{filters.direction}", lang)
        direction = Phrase(text, ascii_slug(text).lower())
    sectors = _sectors(filters, lang, say_all=say_all_sectors) if among("sectors") else None
    kinds = _kinds(filters, lang) if among("kinds") else None
    own: list[Phrase | None] = [measure, unit, sectors, direction, kinds]
    in_file_order = [measure, unit, *where, sectors, direction, kinds]
    return Description(
        lines=(_present(where), _present(own)),
        file_parts=tuple(p.file for p in _present(in_file_order) if p.file),
    )


def _present(phrases: Iterable[Phrase | None]) -> tuple[Phrase, ...]:
    return tuple(p for p in phrases if p is not None)


def _states_every_sector(chart: Chart) -> bool:
    """Aid charts say "every sector" when none is chosen: their amounts are all of the aid."""
    return all(figure.unit in ("currency", "ratio") for figure in chart.query.figures)


def chart_description(
    chart: Chart, filters: Filters, lang: Lang, *, currency: Currency | None = None
) -> Description:
    """What one chart's numbers depend on: the filters its query reads, and its unit of money."""
    query = chart.query
    # A latest-year chart names its one year in its title; a range under it would contradict it.
    years: tuple[FilterField, ...] = ("year_from", "year_to") if chart.latest_year else ()
    return describe(
        query.relevant(filters),
        lang,
        fields=tuple(field for field in query.filters if field not in years),
        currency=currency if query.takes_currency else None,
        money=UNIT_SLOT if query.takes_currency else None,
        say_all_sectors=_states_every_sector(chart),
    )


def page_description(
    charts: Iterable[Chart], filters: Filters, lang: Lang, *, currency: Currency | None = None
) -> Description:
    """What a page shows: every filter any of its charts depends on, and its currency."""
    charts = tuple(charts)
    fields = {field for chart in charts for field in chart.query.filters}
    takes_currency = currency is not None and any(c.query.takes_currency for c in charts)
    return describe(
        filters,
        lang,
        fields=[field for field in FILTER_FIELDS if field in fields] if charts else FILTER_FIELDS,
        currency=currency if takes_currency else None,
        money=t(f"describe.currency.{currency}", lang) if takes_currency else None,
        say_all_sectors=any(_states_every_sector(chart) for chart in charts),
    )
