"""One province's union as a whole: its unions, associations, lineage and documented facts.

Every function takes the `Filters` of the profile (one province of `filters.province_list`);
the charts of the profile are the catalogue's, drawn for the same filters. Organisations are
stored under the province they were reported in: in the 34 view a unit gathers those of its
old provinces, in the 63 view an old province those of the unit that kept its code.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import ColumnElement, Select, Table, and_, extract, func, literal, null, select
from sqlmodel import Session

from datastore.filters import Filters, conditions
from datastore.models.facts import Organization, OrganizationKind
from datastore.models.loads import ImportBatch
from datastore.models.reference import ProvinceList
from datastore.queries._base import (
    AID,
    COUNTRY,
    EXCHANGE,
    MEMBERSHIP,
    PROVINCE,
    country_name,
    fetch,
    frame,
    sort_frame,
    table,
)
from datastore.queries.lineage import SUCCESSION
from i18n.catalogue import Lang, as_lang

ORGANIZATION = table(Organization)
BATCH = table(ImportBatch)
SYNTHETIC = "synthetic"  # the source of the demo's made-up rows (seed.names.SYNTHETIC)


def _chosen_units(filters: Filters) -> Select[Any]:
    """Ids of the chosen provinces in their list."""
    return select(PROVINCE.c.id).where(
        PROVINCE.c.province_list == ProvinceList(filters.province_list).value,
        PROVINCE.c.code.in_(filters.provinces),
    )


def _reported_provinces(filters: Filters) -> Select[Any]:
    """Ids of every province (either list) whose reports belong to the chosen units."""
    unit = (
        PROVINCE.c.legacy_unit_id
        if ProvinceList(filters.province_list) is ProvinceList.LEGACY
        else PROVINCE.c.current_unit_id
    )
    return select(PROVINCE.c.id).where(unit.in_(_chosen_units(filters).scalar_subquery()))


def _in_province(filters: Filters) -> ColumnElement[bool]:
    return ORGANIZATION.c.province_id.in_(_reported_provinces(filters).scalar_subquery())


def reform(*, session: Session, filters: Filters, lang: Lang = "vi") -> pd.DataFrame:
    """The old provinces and the units of 1 July 2025 on either side of the chosen ones.

    34 view: every old province merged into the unit; 63 view: the unit the old one is in now.
    """
    as_lang(lang)
    old, unit = PROVINCE.alias("old"), PROVINCE.alias("unit")
    chosen = _chosen_units(filters).scalar_subquery()
    legacy = ProvinceList(filters.province_list) is ProvinceList.LEGACY
    stmt = (
        select(old.c.code, old.c.short_name, unit.c.code, unit.c.short_name)
        .join_from(old, unit, unit.c.id == old.c.current_unit_id)
        .where(old.c.province_list == ProvinceList.LEGACY.value)
        .where((old.c.id if legacy else unit.c.id).in_(chosen))
    )
    data = frame(
        fetch(session, stmt),
        {"old_code": "object", "old_name": "object", "unit_code": "object", "unit_name": "object"},
    )
    return sort_frame(data, ["old_name"])


def _organizations(
    filters: Filters, kind: OrganizationKind, lang: Lang, *extra: ColumnElement[Any]
) -> Select[Any]:
    """Organisations of one kind in the chosen province, with where and by whom reported."""
    return (
        select(
            ORGANIZATION.c.id,
            ORGANIZATION.c.name,
            PROVINCE.c.short_name,
            ORGANIZATION.c.founded_on,
            ORGANIZATION.c.source,
            *extra,
        )
        .join_from(ORGANIZATION, PROVINCE, PROVINCE.c.id == ORGANIZATION.c.province_id)
        .where(ORGANIZATION.c.kind == kind.value, _in_province(filters))
    )


def provincial_unions(*, session: Session, filters: Filters, lang: Lang = "vi") -> pd.DataFrame:
    """The provincial unions of the chosen province (one per old province), oldest first."""
    as_lang(lang)
    stmt = _organizations(filters, OrganizationKind.PROVINCIAL_UNION, lang)
    data = frame(
        fetch(session, stmt),
        {
            "organization_id": "int64",
            "name": "object",
            "reported_in": "object",
            "founded_on": "object",
            "source": "object",
        },
    )
    return data.sort_values(["founded_on", "name"], na_position="last").reset_index(drop=True)


def _association_rows(filters: Filters) -> tuple[Filters, Select[Any]]:
    """The year filter for members rows and the ids of the province's associations."""
    # Filtered by year only: the association is the province's by its own record, and its
    # members row may carry another unit (a district association's row of a merged province).
    year_only = Filters(year_from=filters.year_from, year_to=filters.year_to)
    # Only the province's associations: the whole members table's latest years take seconds.
    own = select(ORGANIZATION.c.id).where(
        ORGANIZATION.c.kind == OrganizationKind.FRIENDSHIP_ASSOCIATION.value,
        _in_province(filters),
    )
    return year_only, own


def associations(*, session: Session, filters: Filters, lang: Lang = "vi") -> pd.DataFrame:
    """The friendship associations: partner, district, founding, latest members, lineage.

    `members`, `chapters` and `year` are those of the latest year the association reported
    within the chosen years (missing when it reported none); `succeeds` and `succeeded_by`
    name the organisations it took over and the one that took it over, separated by "; ".
    """
    m = MEMBERSHIP.c
    year_only, own = _association_rows(filters)
    latest = (
        select(m.organization_id, func.max(m.year).label("year"))
        .where(*conditions(year_only, MEMBERSHIP), m.organization_id.in_(own))
        .group_by(m.organization_id)
        .subquery()
    )
    figures = (
        select(
            m.organization_id,
            m.year,
            func.sum(m.members).label("members"),
            func.sum(m.chapters).label("chapters"),
        )
        .join(latest, and_(latest.c.organization_id == m.organization_id, latest.c.year == m.year))
        .group_by(m.organization_id, m.year)
        .subquery()
    )
    stmt = _organizations(
        filters,
        OrganizationKind.FRIENDSHIP_ASSOCIATION,
        lang,
        ORGANIZATION.c.country_code,
        country_name(lang).label("country"),
        ORGANIZATION.c.district,
        figures.c.year,
        figures.c.members,
        figures.c.chapters,
    )
    stmt = stmt.outerjoin(COUNTRY, COUNTRY.c.code == ORGANIZATION.c.country_code).outerjoin(
        figures, figures.c.organization_id == ORGANIZATION.c.id
    )
    data = frame(
        fetch(session, stmt),
        {
            "organization_id": "int64",
            "name": "object",
            "reported_in": "object",
            "founded_on": "object",
            "source": "object",
            "country_code": "object",
            "country": "object",
            "district": "object",
            "year": "Int64",
            "members": "Int64",
            "chapters": "Int64",
        },
    )
    lineage = _lineage(session, [int(i) for i in data["organization_id"]])
    data["succeeds"] = [lineage[0].get(int(i), "") for i in data["organization_id"]]
    data["succeeded_by"] = [lineage[1].get(int(i), "") for i in data["organization_id"]]
    return sort_frame(data, ["country", "name"])


def association_years(*, session: Session, filters: Filters, lang: Lang = "vi") -> pd.DataFrame:
    """Each of the province's associations' members and chapters, year by year.

    One row per association and year it reported within the chosen years; a year it did not
    report has no row (the page shows it as not reported, never as 0).
    """
    m = MEMBERSHIP.c
    year_only, own = _association_rows(filters)
    stmt = (
        select(
            m.organization_id,
            ORGANIZATION.c.name,
            m.year,
            func.sum(m.members).label("members"),
            func.sum(m.chapters).label("chapters"),
        )
        .join(ORGANIZATION, ORGANIZATION.c.id == m.organization_id)
        .where(*conditions(year_only, MEMBERSHIP), m.organization_id.in_(own))
        .group_by(m.organization_id, ORGANIZATION.c.name, m.year)
    )
    data = frame(
        fetch(session, stmt),
        {
            "organization_id": "int64",
            "name": "object",
            "year": "int64",
            "members": "Int64",
            "chapters": "Int64",
        },
    )
    return sort_frame(data, ["name", "organization_id", "year"])


def _lineage(session: Session, ids: list[int]) -> tuple[dict[int, str], dict[int, str]]:
    """For each organisation: the names it succeeded, and the names that succeeded it."""
    if not ids:
        return {}, {}
    other = ORGANIZATION.alias("other")
    found: tuple[dict[int, list[str]], dict[int, list[str]]] = ({}, {})
    for side, (own, theirs) in enumerate(
        (
            (SUCCESSION.c.successor_id, SUCCESSION.c.predecessor_id),
            (SUCCESSION.c.predecessor_id, SUCCESSION.c.successor_id),
        )
    ):
        for chunk in range(0, len(ids), 5_000):
            stmt = (
                select(own, other.c.name)
                .join_from(SUCCESSION, other, other.c.id == theirs)
                .where(own.in_(ids[chunk : chunk + 5_000]))
            )
            for organization_id, name in fetch(session, stmt):
                found[side].setdefault(int(organization_id), []).append(str(name))
    return tuple(  # type: ignore[return-value]
        {key: "; ".join(sorted(names)) for key, names in side.items()} for side in found
    )


def _documented(fact: Table) -> ColumnElement[bool]:
    """Rows that name their own source (an article), not the load or the demo that made them."""
    return and_(
        fact.c.source != SYNTHETIC,
        fact.c.source != BATCH.c.source,
    )


def documented_facts(*, session: Session, filters: Filters, lang: Lang = "vi") -> pd.DataFrame:
    """Every row of the province that names its own source, in date order, any year.

    `record` is organization, members, aid or exchange; `on` the date (founding, exchange) or
    None; `year` the year it belongs to; `kind` the organisation's, exchange's or donor's kind;
    `name` what it is (an organisation, a title);
    `figure` and `unit` its number (members, an amount in its currency, participants).
    """
    as_lang(lang)
    province_only = Filters(province_list=filters.province_list, provinces=filters.provinces)
    org = ORGANIZATION.c
    parts: list[Select[Any]] = [
        select(
            literal("organization").label("record"),
            org.founded_on.label("on"),
            extract("year", org.founded_on).label("year"),
            org.kind,
            org.name.label("name"),
            null().label("figure"),
            null().label("unit"),
            org.source,
        )
        .join_from(ORGANIZATION, BATCH, BATCH.c.id == org.batch_id)
        .where(_in_province(filters), _documented(ORGANIZATION)),
        select(
            literal("members").label("record"),
            null().label("on"),
            MEMBERSHIP.c.year,
            null().label("kind"),
            ORGANIZATION.c.name,
            MEMBERSHIP.c.members,
            literal("people").label("unit"),
            MEMBERSHIP.c.source,
        )
        .join_from(MEMBERSHIP, BATCH, BATCH.c.id == MEMBERSHIP.c.batch_id)
        .join(ORGANIZATION, ORGANIZATION.c.id == MEMBERSHIP.c.organization_id)
        .where(*conditions(province_only, MEMBERSHIP), _documented(MEMBERSHIP)),
        select(
            literal("aid").label("record"),
            null().label("on"),
            AID.c.year,
            AID.c.donor_kind,
            AID.c.title,
            AID.c.amount,
            AID.c.currency,
            AID.c.source,
        )
        .join_from(AID, BATCH, BATCH.c.id == AID.c.batch_id)
        .where(*conditions(province_only, AID), _documented(AID)),
        select(
            literal("exchange").label("record"),
            EXCHANGE.c.date,
            EXCHANGE.c.year,
            EXCHANGE.c.kind,
            EXCHANGE.c.title,
            EXCHANGE.c.participants,
            literal("people").label("unit"),
            EXCHANGE.c.source,
        )
        .join_from(EXCHANGE, BATCH, BATCH.c.id == EXCHANGE.c.batch_id)
        .where(*conditions(province_only, EXCHANGE), _documented(EXCHANGE)),
    ]
    data = frame(
        [row for part in parts for row in fetch(session, part)],
        {
            "record": "object",
            "on": "object",
            "year": "Int64",
            "kind": "object",
            "name": "object",
            "figure": "Float64",
            "unit": "object",
            "source": "object",
        },
    )
    data = data.sort_values(["year", "on", "record"], na_position="first", kind="stable")
    return data.reset_index(drop=True)


def congresses(facts: pd.DataFrame) -> pd.DataFrame:
    """The documented conferences held in the province (a union's congress among them).

    Read from the province's `documented_facts`, which the profile reads anyway.
    """
    found = facts[(facts["record"] == "exchange") & (facts["kind"] == "conference")]
    return found.reset_index(drop=True)
