"""Cached calls to the chart queries, keyed by filter value and by the version of the data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy import case, func, select
from sqlmodel import Session, col

from datastore.config import database_url
from datastore.db import get_engine
from datastore.filters import Filters
from datastore.models.loads import ImportBatch
from i18n.catalogue import Lang
from i18n.formatting import Currency
from ui.catalog import ChartQuery


def data_version() -> tuple[int, int, int]:
    """Changes whenever a load lands or is undone, so cached results never outlive their data."""
    # The sum of the undone loads' numbers, not their count: undoing a load that replaced
    # another puts that one back in place, and the count alone would not change.
    undone_ids = case((col(ImportBatch.undone_at).is_not(None), col(ImportBatch.id)), else_=0)
    with Session(get_engine()) as session:
        latest, count, undone = session.execute(
            select(
                func.coalesce(func.max(col(ImportBatch.id)), 0),
                func.count(),
                func.coalesce(func.sum(undone_ids), 0),
            )
        ).one()
    return int(latest), int(count), int(undone)


# Streamlit hashes every argument of a cached call on every call, a Filters dataclass field by
# field (about half a millisecond a call, some forty calls a page): each call is keyed by one
# text instead, the repr of everything its result depends on, and the values themselves are
# passed unhashed (a leading underscore). The text holds the data version and the database.
@st.cache_data(show_spinner=False, max_entries=512)
def _cached(
    _function: Callable[..., pd.DataFrame],
    key: str,
    _filters: Filters,
    _lang: Lang,
    _options: tuple[tuple[str, Any], ...],
    _url: str,
) -> pd.DataFrame:
    """Run one query; `key` (query_key as text) stands for every other argument."""
    with Session(get_engine(_url)) as session:
        return _function(session=session, filters=_filters, lang=_lang, **dict(_options))


def current_version() -> tuple[int, int, int]:
    """The data version read once per rerun by the entry file (or now, outside it)."""
    version = st.session_state.get("_data_version")
    return version if version is not None else data_version()


def query_key(
    chart_query: ChartQuery, filters: Filters, lang: Lang, *, currency: Currency | None = None
) -> tuple[Any, ...]:
    """Everything a query's result depends on, the data version and the database included."""
    options = chart_query.options(currency=currency)
    return (
        chart_query.qualified_name,
        chart_query.relevant(filters),
        lang,
        tuple(sorted(options.items())),
        current_version(),
        database_url(),
    )


def query(
    chart_query: ChartQuery, filters: Filters, lang: Lang, *, currency: Currency | None = None
) -> pd.DataFrame:
    """The result of a catalogue query for these filters, from cache when fresh."""
    key = query_key(chart_query, filters, lang, currency=currency)
    _, relevant, _, options, _, url = key
    return _cached(chart_query.function, repr(key), relevant, lang, options, url)


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_plain(
    _function: Callable[..., Any], key: str, _args: tuple[tuple[str, Any], ...], _url: str
) -> Any:
    with Session(get_engine(_url)) as session:
        return _function(session=session, **dict(_args))


def lookup(function: Callable[..., Any], **args: Any) -> Any:
    """A cached call of a query helper that takes no Filters (option lists, data status)."""
    name = f"{function.__module__}.{function.__qualname__}"
    items = tuple(sorted(args.items()))
    url = database_url()
    return _cached_plain(function, repr((name, items, current_version(), url)), items, url)
