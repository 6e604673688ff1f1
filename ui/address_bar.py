"""The address bar: a link is read once when it arrives, and the filters go back into it as codes.

The filter widgets are not bound to the URL (Streamlit would write their on-screen labels and
drop any other value); they keep their values in session state across pages, and this module
seeds them from a link and writes their codes back after the sidebar is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import streamlit as st
from sqlmodel import Session
from streamlit.runtime.scriptrunner import get_script_run_ctx

from datastore.config import database_url
from datastore.db import get_engine
from datastore.models.reference import ProvinceList
from datastore.reference.directory import Directory
from i18n.catalogue import Lang, as_lang, t
from i18n.formatting import as_currency, quote
from ui.auth import escape_markdown
from ui.links import (
    DEFAULT_MEASURE,
    PARAM_LABELS,
    LinkState,
    Unknown,
    link_params,
    read_lang,
    read_link,
    report_year,
)

Params = dict[str, list[str]]
_WRITTEN = "_address_written"  # the queries this session wrote (or found right), newest last
_LANG_READ = "_address_lang_read"  # the arriving link the language was last taken from
_NOTICE = "_address_notice"  # (values that matched nothing, the query written after reading)
_KEEP = 64
_LABELS_LANG = "_address_labels_lang"  # the language the filters' labels were last drawn in
_RELABELLED = (
    "province",
    "province63",
    "country",
    "currency",
    "measure",
    "sector",
    "direction",
    "kind",
)


@st.cache_resource(show_spinner=False)
def _directory(url: str) -> Directory:
    with Session(get_engine(url)) as session:
        return Directory.load(session=session)


def directory() -> Directory:
    """Every province, country and sector with the ways people write them, read once."""
    return _directory(database_url())


def _query() -> Params:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _frozen(params: Params) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(sorted((key, tuple(values)) for key, values in params.items() if values))


def arrival() -> Params | None:
    """The link to read on this run, or None when the address is one this session wrote.

    A link is read on a session's first run, after the browser's back or forward button, and
    when the address changed from outside (a deep link handed over by st.switch_page). An empty
    address later on is a page switch, which keeps the filters.
    """
    params = _query()
    written: list[Any] | None = st.session_state.get(_WRITTEN)
    ctx = get_script_run_ctx()
    if written is None or (ctx is not None and ctx.is_history_navigation):
        return params
    if not params or _frozen(params) in written:
        return None
    return params


def _remember(frozen: tuple[tuple[str, tuple[str, ...]], ...]) -> None:
    """Note an address as this session's own, newest last, keeping the last few."""
    written: list[Any] = st.session_state.setdefault(_WRITTEN, [])
    if frozen in written:
        written.remove(frozen)
    written.append(frozen)
    del written[:-_KEEP]


def seed_language(params: Params | None) -> None:
    """The language switch's value: from an arriving link, else as it was (Vietnamese at first)."""
    # Once per arriving link: a run that stops before the address is written (the demo data
    # still loading, a deep link handed over) reads the link again, and must not undo a
    # language the user picked since. `write` forgets it, so Back to the same link applies.
    if params is not None and st.session_state.get(_LANG_READ) != _frozen(params):
        st.session_state[_LANG_READ] = _frozen(params)
        values = params.get("lang", [])
        st.session_state["lang"] = (read_lang(values[-1]) if values else None) or "vi"
    if st.session_state.get("lang") is None:
        st.session_state["lang"] = "vi"


def refresh_labels(lang: Lang) -> None:
    """After a language switch, hand every filter its value again so its chips are redrawn.

    The browser keeps a picker's choice as its shown labels; without a value from the server
    the chips would stay in the old language, and no longer match the new labels.
    """
    if st.session_state.get(_LABELS_LANG) == lang:
        return
    for key in _RELABELLED:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
    st.session_state[_LABELS_LANG] = lang


def seed_filters(params: Params | None, years: Sequence[int]) -> None:
    """Every filter widget's value from an arriving link; a no-op on other runs."""
    if params is None:
        return
    reading = read_link(params, directory(), years=years)
    state = reading.state
    chosen, other = ("province63", "province") if state.legacy else ("province", "province63")
    st.session_state.update(
        {
            "p63": state.legacy,
            chosen: list(state.provinces),
            other: [],
            "country": list(state.countries),
            "currency": state.currency,
            "measure": state.measure,
            "sector": list(state.sectors),
            "direction": state.direction,
            "kind": list(state.kinds),
            # Always a year, written into the report page's link, so that it keeps its meaning.
            "report_year": state.year or report_year(years, date.today()),
        }
    )
    if years:
        st.session_state["years"] = state.years or (min(years), max(years))
    st.session_state[_NOTICE] = (reading.unknown, None)


def current_state(years: Sequence[int]) -> LinkState:
    """The filters as the widgets hold them now, in codes."""
    state = st.session_state
    legacy = bool(state.get("p63"))
    chosen = state.get("years")
    full = (min(years), max(years)) if years else None
    return LinkState(
        lang=as_lang(state.get("lang") or "vi"),
        legacy=legacy,
        provinces=tuple(state.get("province63" if legacy else "province") or ()),
        years=(min(chosen), max(chosen)) if chosen and full and tuple(chosen) != full else None,
        countries=tuple(state.get("country") or ()),
        currency=as_currency(state.get("currency") or "VND"),
        measure=str(state.get("measure") or DEFAULT_MEASURE),
        sectors=tuple(state.get("sector") or ()),
        direction=state.get("direction"),
        kinds=tuple(state.get("kind") or ()),
        year=state.get("report_year"),
    )


def write(page: str, years: Sequence[int]) -> None:
    """Put the filters that apply on `page` into the address bar, as codes."""
    params = link_params(current_state(years), page)
    frozen = _frozen(params)
    if frozen != _frozen(_query()):
        st.query_params.from_dict(params)
    _remember(frozen)
    st.session_state.pop(_LANG_READ, None)
    unknown, shown_at = st.session_state.get(_NOTICE, ([], None))
    if unknown and shown_at is None:
        st.session_state[_NOTICE] = (unknown, frozen)


def show_notice(lang: Lang) -> None:
    """A warning naming each value of the arriving link that matched nothing, until a change."""
    unknown: list[Unknown]
    unknown, shown_at = st.session_state.get(_NOTICE, ([], None))
    if not unknown or shown_at != _frozen(_query()):
        return
    values = "; ".join(
        f"{t(PARAM_LABELS[item.param], lang)} {escape_markdown(quote(item.value))}"
        for item in unknown
    )
    st.warning(t("links.unknown", lang, values=values))


def unknown_values(*params: str) -> list[str]:
    """The values of `params` in the link just read that matched nothing, while its notice shows."""
    unknown: list[Unknown]
    unknown, shown_at = st.session_state.get(_NOTICE, ([], None))
    if shown_at != _frozen(_query()):
        return []
    return [item.value for item in unknown if item.param in params]


def chosen_list() -> ProvinceList:
    """The province list the toggle shows."""
    return ProvinceList.LEGACY if st.session_state.get("p63") else ProvinceList.CURRENT
