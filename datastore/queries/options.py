"""What the sidebar offers and what the data banner says: lists read from the database."""

from __future__ import annotations

from datetime import UTC
from typing import Any

import pandas as pd
from sqlalchemy import Select, Table, case, exists, func, or_, select
from sqlmodel import Session

from datastore.models.facts import ExchangeKind
from datastore.models.loads import ImportBatch
from datastore.models.reference import ProvinceList
from datastore.queries._base import (
    AID,
    COUNTRY,
    EXCHANGE,
    MEMBERSHIP,
    PROVINCE,
    SECTOR,
    country_name,
    fetch,
    frame,
    sector_columns,
    sort_frame,
    table,
)
from i18n.catalogue import Lang, as_lang

_FACTS = (MEMBERSHIP, AID, EXCHANGE)


def data_status(*, session: Session) -> pd.DataFrame:
    """One row: when data was last loaded, whether any of it is demo data, how many loads."""
    batch = table(ImportBatch)
    stmt = select(
        func.max(batch.c.created_at),
        func.coalesce(func.sum(case((batch.c.is_demo, 1), else_=0)), 0),
        func.count(batch.c.id),
    )
    last_loaded_at, demo_batches, batches = fetch(session, stmt)[0]
    if last_loaded_at is not None and last_loaded_at.tzinfo is None:
        # Loads stamp UTC; PostgreSQL's timestamp column gives it back without the zone.
        last_loaded_at = last_loaded_at.replace(tzinfo=UTC)
    return frame(
        [(last_loaded_at, demo_batches > 0, batches)],
        {"last_loaded_at": "object", "is_demo": "bool", "batches": "int64"},
    )


def list_provinces(
    *, session: Session, province_list: ProvinceList | str, lang: Lang = "vi"
) -> pd.DataFrame:
    """Every unit of one list (code, name), in Vietnamese order of the name."""
    as_lang(lang)  # province names are proper names, the same in both languages
    stmt = select(PROVINCE.c.code, PROVINCE.c.short_name).where(
        PROVINCE.c.province_list == ProvinceList(province_list).value
    )
    return sort_frame(frame(fetch(session, stmt), {"code": "object", "name": "object"}), ["name"])


def list_years(*, session: Session) -> list[int]:
    """The years that have at least one fact, in any table, in ascending order."""
    years: set[int] = set()
    for fact in _FACTS:
        years.update(year for (year,) in fetch(session, _distinct_years(fact)))
    return sorted(years)


def _distinct_years(fact: Table) -> Select[Any]:
    """Distinct years by hopping from one year to the next along the year index.

    A plain SELECT DISTINCT reads every index entry (a million at national scale); this
    recursive query does one index seek per distinct year, on SQLite and PostgreSQL alike.
    """
    inner = fact.alias()
    years = select(func.min(fact.c.year).label("year")).cte("years", recursive=True)
    following = select(
        select(func.min(inner.c.year)).where(inner.c.year > years.c.year).scalar_subquery()
    ).where(years.c.year.is_not(None))
    years = years.union_all(following)
    return select(years.c.year).where(years.c.year.is_not(None))


def list_countries(*, session: Session, lang: Lang = "vi") -> pd.DataFrame:
    """Countries that appear in any fact table (code, name), in Vietnamese order of the name."""
    # One index probe per country and table instead of a DISTINCT over the fact tables.
    present = or_(*(exists().where(fact.c.country_code == COUNTRY.c.code) for fact in _FACTS))
    stmt = select(COUNTRY.c.code, country_name(lang)).where(present)
    return sort_frame(frame(fetch(session, stmt), {"code": "object", "name": "object"}), ["name"])


def list_sectors(*, session: Session, lang: Lang = "vi") -> pd.DataFrame:
    """Every DAC sector (code, name, group) in code order, which keeps each group together."""
    name, group = sector_columns(lang)
    stmt = select(SECTOR.c.code, name, group).order_by(SECTOR.c.code)
    return frame(fetch(session, stmt), {"code": "object", "name": "object", "group": "object"})


def list_exchange_kinds(*, session: Session) -> list[str]:
    """The exchange kinds that occur in the data, in the order of the model's enum."""
    kinds = list(ExchangeKind)
    stmt = select(*(exists().where(EXCHANGE.c.kind == kind.value) for kind in kinds))
    flags = fetch(session, stmt)[0]
    return [kind.value for kind, present in zip(kinds, flags, strict=True) if present]
