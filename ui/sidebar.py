"""The shared filters in the sidebar, bound to the address bar so a copied URL restores them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from datastore import queries
from datastore.filters import Filters
from datastore.models.reference import ProvinceList
from i18n.catalogue import LANGUAGES, Lang, as_lang, bilingual, t
from i18n.formatting import with_code
from ui.data import lookup


def choose_language() -> Lang:
    """The language switch; Vietnamese unless the user (or the URL) asks for English."""
    chosen = st.sidebar.segmented_control(
        bilingual("language.label"),
        options=list(LANGUAGES),
        format_func=_language_name,
        default="vi",
        required=True,
        key="lang",
        bind="query-params",
    )
    return as_lang(chosen or "vi")


def _language_name(lang: Lang) -> str:
    """A language's name in that language, as the switch offers it."""
    return t("language.name", lang)


def shared_filters(lang: Lang) -> Filters:
    """Province (34 units or the 63 old provinces), year range and partner countries."""
    sidebar = st.sidebar
    sidebar.header(t("filter.header", lang))
    legacy = sidebar.toggle(
        t("filter.legacy_list", lang),
        key="p63",
        help=t("filter.legacy_list_help", lang),
        bind="query-params",
    )
    province_list = ProvinceList.LEGACY if legacy else ProvinceList.CURRENT
    provinces: pd.DataFrame = lookup(queries.list_provinces, province_list=province_list, lang=lang)
    names = dict(zip(provinces["code"], provinces["name"], strict=True))
    chosen_provinces = sidebar.multiselect(
        t("filter.province", lang),
        options=list(names),
        format_func=lambda code: with_code(str(names.get(code, code)), code),
        placeholder=t("filter.all_provinces", lang),
        # Separate keys: a code means a different province in each list.
        key="province63" if legacy else "province",
        bind="query-params",
    )
    years: list[int] = lookup(queries.list_years)
    year_from = year_to = None
    if years:
        low, high = min(years), max(years)
        if low < high:
            year_from, year_to = sidebar.slider(
                t("filter.years", lang),
                min_value=low,
                max_value=high,
                value=(low, high),
                key="years",
                bind="query-params",
            )
        else:
            year_from = year_to = low
    countries: pd.DataFrame = lookup(queries.list_countries, lang=lang)
    country_names = dict(zip(countries["code"], countries["name"], strict=True))
    chosen_countries = sidebar.multiselect(
        t("filter.countries", lang),
        options=list(country_names),
        format_func=lambda code: country_names.get(code, code),
        placeholder=t("filter.all_countries", lang),
        key="country",
        bind="query-params",
    )
    return Filters(
        province_list=province_list,
        provinces=tuple(chosen_provinces),
        year_from=year_from,
        year_to=year_to,
        countries=tuple(chosen_countries),
    )


def describe(filters: Filters, lang: Lang) -> str:
    """A short phrase for chart titles: which provinces and years are shown."""
    provinces: pd.DataFrame = lookup(
        queries.list_provinces, province_list=filters.province_list, lang=lang
    )
    names = dict(zip(provinces["code"], provinces["name"], strict=True))
    if not filters.provinces:
        where = t("filter.all_provinces_short", lang, count=len(names))
    elif len(filters.provinces) <= 3:
        where = ", ".join(names.get(code, code) for code in filters.provinces)
    else:
        where = t("filter.n_provinces", lang, count=len(filters.provinces))
    if filters.year_from is not None and filters.year_to is not None:
        if filters.year_from == filters.year_to:
            return f"{where}, {filters.year_from}"
        return f"{where}, {filters.year_from}–{filters.year_to}"
    return where
