"""Cached calls to the chart queries, keyed by filter value and by the version of the data."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy import func, select
from sqlmodel import Session, col

from datastore import queries
from datastore.config import database_url
from datastore.db import get_engine
from datastore.filters import Filters
from datastore.models import ImportBatch


def data_version() -> tuple[int, int, int]:
    """Changes whenever a load lands or is undone, so cached results never outlive their data."""
    with Session(get_engine()) as session:
        latest, count, undone = session.execute(
            select(
                func.coalesce(func.max(col(ImportBatch.id)), 0),
                func.count(),
                func.count(col(ImportBatch.undone_at)),
            )
        ).one()
    return int(latest), int(count), int(undone)


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(
    name: str,
    filters: Filters,
    lang: str,
    options: tuple[tuple[str, Any], ...],
    version: tuple[int, int, int],
    url: str,
) -> pd.DataFrame:
    """Run one query; the version and URL are part of the key only."""
    with Session(get_engine(url)) as session:
        frame: pd.DataFrame = getattr(queries, name)(
            session=session, filters=filters, lang=lang, **dict(options)
        )
    return frame


def current_version() -> tuple[int, int, int]:
    """The data version read once per rerun by the entry file (or now, outside it)."""
    version = st.session_state.get("_data_version")
    return version if version is not None else data_version()


def query_key(name: str, filters: Filters, lang: str, **options: Any) -> tuple[Any, ...]:
    """Everything a query's result depends on, the data version and the database included."""
    return (name, filters, lang, tuple(sorted(options.items())), current_version(), database_url())


def query(name: str, filters: Filters, lang: str, **options: Any) -> pd.DataFrame:
    """The result of `datastore.queries.<name>` for these filters, from cache when fresh."""
    return _cached(*query_key(name, filters, lang, **options))


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_plain(
    name: str, args: tuple[tuple[str, Any], ...], version: tuple[int, int, int], url: str
) -> Any:
    with Session(get_engine(url)) as session:
        return getattr(queries, name)(session=session, **dict(args))


def lookup(name: str, **args: Any) -> Any:
    """A cached call of a query helper that takes no Filters (option lists, data status)."""
    return _cached_plain(name, tuple(sorted(args.items())), current_version(), database_url())
