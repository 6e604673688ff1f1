"""Which provinces a chart covers reported a kind of figure in each of its years, and which not.

A chart's notes and its "not reported" marks read this grid: one row per unit (the chosen ones,
or every unit of the list when none is chosen) and year that holds any row of that kind in the
country. A year nobody reported yet (the current year's members) is no gap of one province.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from datastore.filters import Filters, conditions
from datastore.queries._base import PROVINCE, exchange_rollup, fetch, frame, sort_frame
from datastore.queries.reports import FACT_TABLES, FactKind, ReportingUnits, reported
from i18n.catalogue import Lang, as_lang

GRID_COLUMNS = {
    "year": "int64",
    "province_code": "object",
    "province": "object",
    "latitude": "float64",
    "longitude": "float64",
    "reported": "bool",
    "merged_into": "object",
    "successor": "object",
}


def reporting_grid(*, session: Session, filters: Filters, kind: FactKind) -> pd.DataFrame:
    """Units x years of `kind` in the filters' years: reported or not, or merged in 2025.

    `merged_into` names the new unit of an old province (63 view) whose figures of that year
    are its new unit's: it has not stopped reporting, it has been merged. `successor` names
    that unit in every year, for any old province merged with others on 1 July 2025.
    """
    span = Filters(year_from=filters.year_from, year_to=filters.year_to)
    # The years of exchanges come from their smallest rollup, not a scan of a million facts.
    fact = exchange_rollup(span, group_by=["year"]) if kind == "exchanges" else FACT_TABLES[kind]
    years = sorted(
        int(row[0])
        for row in fetch(session, select(fact.c.year).distinct().where(*conditions(span, fact)))
    )
    units = ReportingUnits.load(session=session, filters=filters, whole_list=not filters.provinces)
    found = reported(
        session=session,
        kind=kind,
        filters=filters,
        units=units,
        years=(filters.year_from, filters.year_to),
    )
    chosen = units.chosen()
    merged = units.merged_old_provinces if units.by_old_province else frozenset()
    places = {
        int(row[0]): (row[1], row[2])
        for row in fetch(
            session,
            select(PROVINCE.c.id, PROVINCE.c.latitude, PROVINCE.c.longitude).where(
                PROVINCE.c.id.in_([unit.id for unit in chosen])
            ),
        )
    }
    rows = [
        (
            year,
            unit.code,
            unit.name,
            *places.get(unit.id, (None, None)),
            (unit.id, year) in found,
            units.successor_name(unit) if units.stopped_reporting(unit.id, year, kind) else None,
            units.successor_name(unit) if unit.id in merged else None,
        )
        for year in years
        for unit in chosen
    ]
    return sort_frame(frame(rows, GRID_COLUMNS), ["year", "province"])


def members_reporting(*, session: Session, filters: Filters, lang: Lang = "vi") -> pd.DataFrame:
    """The reporting grid of members (a chart query: the catalogue caches it)."""
    as_lang(lang)
    return reporting_grid(session=session, filters=filters, kind="members")


def aid_reporting(*, session: Session, filters: Filters, lang: Lang = "vi") -> pd.DataFrame:
    """The reporting grid of aid rows, whatever their donor or period."""
    as_lang(lang)
    return reporting_grid(session=session, filters=filters, kind="aid")


def exchanges_reporting(*, session: Session, filters: Filters, lang: Lang = "vi") -> pd.DataFrame:
    """The reporting grid of exchanges."""
    as_lang(lang)
    return reporting_grid(session=session, filters=filters, kind="exchanges")
