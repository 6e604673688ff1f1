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


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(
    _function: Callable[..., pd.DataFrame],
    name: str,
    filters: Filters,
    lang: Lang,
    options: tuple[tuple[str, Any], ...],
    version: tuple[int, int, int],
    url: str,
) -> pd.DataFrame:
    """Run one query; `name` (its qualified name) stands for `_function` in the key."""
    with Session(get_engine(url)) as session:
        return _function(session=session, filters=filters, lang=lang, **dict(options))


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
    return _cached(chart_query.function, *query_key(chart_query, filters, lang, currency=currency))


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_plain(
    _function: Callable[..., Any],
    name: str,
    args: tuple[tuple[str, Any], ...],
    version: tuple[int, int, int],
    url: str,
) -> Any:
    with Session(get_engine(url)) as session:
        return _function(session=session, **dict(args))


def lookup(function: Callable[..., Any], **args: Any) -> Any:
    """A cached call of a query helper that takes no Filters (option lists, data status)."""
    name = f"{function.__module__}.{function.__qualname__}"
    return _cached_plain(
        function, name, tuple(sorted(args.items())), current_version(), database_url()
    )
