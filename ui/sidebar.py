"""The shared filters in the sidebar; their codes go into the address bar (ui/address_bar.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import cast

import pandas as pd
import streamlit as st
from babel.lists import format_list

from datastore import queries
from datastore.filters import Filters
from datastore.models.reference import ProvinceList
from datastore.problems import DataProblem
from i18n.catalogue import LANGUAGES, Lang, as_lang, bilingual, t
from i18n.formatting import quote, with_code
from ui import address_bar
from ui.auth import escape_markdown
from ui.data import lookup
from ui.links import merged_names, provinces_in, successor_names, switch_list

_TYPED_UNKNOWN = "_typed_unknown"  # (widget key, what was typed into it and matched nothing)


def choose_language(arriving: address_bar.Params | None = None) -> Lang:
    """The language switch; Vietnamese unless the user (or the link) asks for English."""
    address_bar.seed_language(arriving)
    chosen = st.sidebar.segmented_control(
        bilingual("language.label"),
        options=list(LANGUAGES),
        format_func=_language_name,
        required=True,
        key="lang",
    )
    lang = as_lang(chosen or "vi")
    address_bar.refresh_labels(lang)
    return lang


def _language_name(lang: Lang) -> str:
    """A language's name in that language, as the switch offers it."""
    return t("language.name", lang)


def shared_filters(
    lang: Lang, arriving: address_bar.Params | None = None, years: Sequence[int] = ()
) -> Filters:
    """Province (34 units or the 63 old provinces), year range and partner countries."""
    address_bar.seed_filters(arriving, years)
    sidebar = st.sidebar
    sidebar.header(t("filter.header", lang))
    sidebar.toggle(
        t("filter.legacy_list", lang),
        key="p63",
        help=t("filter.legacy_list_help", lang),
        on_change=_switch_list,
    )
    province_list = address_bar.chosen_list()
    chosen_provinces = _province_filter(province_list, lang)
    year_from = year_to = None
    if years:
        low, high = min(years), max(years)
        if low < high:
            _clamp_years(low, high)
            # The value comes from session state (seeded by a link or kept from the last run).
            chosen_years = sidebar.slider(
                t("filter.years", lang), min_value=low, max_value=high, key="years"
            )
            year_from, year_to = cast(tuple[int, int], chosen_years)
        else:
            year_from = year_to = low
    return Filters(
        province_list=province_list,
        provinces=tuple(chosen_provinces),
        year_from=year_from,
        year_to=year_to,
        countries=tuple(_country_filter(lang)),
    )


def _province_filter(province_list: ProvinceList, lang: Lang) -> list[str]:
    """The province picker: found by code, by name without diacritics, or by an old name."""
    sidebar = st.sidebar
    provinces: pd.DataFrame = lookup(queries.list_provinces, province_list=province_list, lang=lang)
    names = dict(zip(provinces["code"], provinces["name"], strict=True))
    directory = address_bar.directory()
    if province_list is ProvinceList.CURRENT:
        old = merged_names(directory)
        notes = {
            code: t("links.option_includes", lang, names=", ".join(n)) for code, n in old.items()
        }
    else:
        notes = {
            code: t("links.option_now_in", lang, name=name)
            for code, name in successor_names(directory).items()
        }
    labels = {
        code: " · ".join([with_code(str(name), code), *([notes[code]] if code in notes else [])])
        for code, name in names.items()
    }
    # A code means a different province in each list: one key per list.
    key = "province63" if province_list is ProvinceList.LEGACY else "province"
    st.session_state.setdefault(key, [])
    chosen: list[str] = sidebar.multiselect(
        t("filter.province", lang),
        options=list(labels),
        format_func=lambda code: labels.get(code, code),
        placeholder=t("filter.all_provinces", lang),
        key=key,
        # What is typed and matches no label (no diacritics, a spelling) goes to the resolver.
        accept_new_options=True,
        on_change=_resolve_typed_provinces,
        args=(key, province_list),
        filter_mode="contains",
        select_all=False,
        persist_state="session",
    )
    _typed_unknown_note(key, lang)
    if province_list is ProvinceList.CURRENT:
        merged = [
            t(
                "links.unit_includes",
                lang,
                unit=names[code],
                names=format_list(old[code], locale=lang),
            )
            for code in chosen
            if code in old and code in names
        ]
        if merged:
            sidebar.caption("; ".join(merged))
    return [code for code in chosen if code in names]


def _country_filter(lang: Lang) -> list[str]:
    """The partner-country picker: also by ISO code or a name in either language."""
    countries: pd.DataFrame = lookup(queries.list_countries, lang=lang)
    names = dict(zip(countries["code"], countries["name"], strict=True))
    st.session_state.setdefault("country", [])
    everything = address_bar.directory().countries
    for code in st.session_state["country"]:
        # A country chosen by a link but without figures stays listed, so the link is honest.
        if code not in names and code in everything:
            country = everything[code]
            names[code] = country.name_en if lang == "en" else country.name_vi
    chosen: list[str] = st.sidebar.multiselect(
        t("filter.countries", lang),
        options=list(names),
        format_func=lambda code: names.get(code, code),
        placeholder=t("filter.all_countries", lang),
        key="country",
        accept_new_options=True,
        on_change=_resolve_typed_countries,
        filter_mode="contains",
        select_all=False,
        persist_state="session",
    )
    _typed_unknown_note("country", lang)
    return [code for code in chosen if code in names]


def _clamp_years(low: int, high: int) -> None:
    """Keep the chosen years inside the years the data has (a load or undo may shrink them)."""
    chosen = st.session_state.get("years")
    wanted = (low, high)
    if chosen:
        start, end = max(min(chosen), low), min(max(chosen), high)
        wanted = (start, end) if start <= end else (low, high)
    if chosen is None or tuple(chosen) != wanted:
        st.session_state["years"] = wanted


def _switch_list() -> None:
    """On the 63 toggle: the chosen units become their old provinces, and back."""
    directory = address_bar.directory()
    if st.session_state.get("p63"):
        codes = switch_list(directory, st.session_state.get("province", []), ProvinceList.LEGACY)
        st.session_state["province63"], st.session_state["province"] = codes, []
    else:
        codes = switch_list(directory, st.session_state.get("province63", []), ProvinceList.CURRENT)
        st.session_state["province"], st.session_state["province63"] = codes, []


def _resolve_typed_provinces(key: str, province_list: ProvinceList) -> None:
    """Replace typed text ("dong nai", "Tỉnh Bình Phước", "75") by the codes it stands for."""
    directory = address_bar.directory()
    codes = {p.code for p in directory.provinces.values() if p.province_list == province_list.value}
    _resolve_typed(
        key, lambda text: [text] if text in codes else provinces_in(directory, text, province_list)
    )


def _resolve_typed_countries() -> None:
    """Replace a typed country ("han quoc", "KHM", "Cambodia") by its ISO code."""
    directory = address_bar.directory()

    def resolve(text: str) -> list[str]:
        if text in directory.countries:
            return [text]
        try:
            return [directory.resolve_country(text).code]
        except DataProblem:
            return []

    _resolve_typed("country", resolve)


def _resolve_typed(key: str, resolve: Callable[[str], list[str]]) -> None:
    found: list[str] = []
    unknown: list[str] = []
    for value in st.session_state.get(key) or []:
        codes = resolve(str(value))
        found += codes
        if not codes:
            unknown.append(str(value))
    st.session_state[key] = list(dict.fromkeys(found))
    st.session_state[_TYPED_UNKNOWN] = (key, unknown)


def _typed_unknown_note(key: str, lang: Lang) -> None:
    """Say, once, what was typed into this picker and matched nothing."""
    typed_key, unknown = st.session_state.get(_TYPED_UNKNOWN, ("", []))
    if typed_key == key and unknown:
        del st.session_state[_TYPED_UNKNOWN]
        values = ", ".join(escape_markdown(quote(value)) for value in unknown)
        st.sidebar.caption(t("links.typed_unknown", lang, values=values))
