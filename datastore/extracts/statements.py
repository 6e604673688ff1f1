"""The SELECT behind each kind of extract, in extract order."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, String, Table, cast, func, literal, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import SQLModel, col

from datastore.extracts import check_kind
from datastore.filters import Filters, conditions
from datastore.models.facts import Aid, Exchange, Membership, Organization
from datastore.models.reference import Province
from datastore.vocabulary import DataKind


def extract_statement(kind: DataKind, *, filters: Filters, limit: int | None = None) -> Select[Any]:
    """The SELECT behind one kind of extract, in extract order.

    Its columns are those of EXTRACT_COLUMNS that are not looked up afterwards, plus
    `province_id` and `province_2025_id`. Text and dates come out as text ('' for none),
    amounts as text with two decimals, counts and ids as integers: the same on every
    database, and typed once the rows are in Arrow.
    """
    check_kind(kind)
    statement = _STATEMENTS[kind](filters)
    return statement.limit(limit) if limit is not None else statement


class _MoneyText(FunctionElement[str]):
    """An amount as text with exactly two decimals, whatever the database stores."""

    type = String()
    name = "money_text"
    inherit_cache = True


@compiles(_MoneyText)
def _money_text_default(element: _MoneyText, compiler: SQLCompiler, **kw: Any) -> str:
    # NUMERIC(20, 2) already prints with two decimals on PostgreSQL.
    return f"CAST({compiler.process(element.clauses, **kw)} AS VARCHAR)"


@compiles(_MoneyText, "sqlite")
def _money_text_sqlite(element: _MoneyText, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite keeps NUMERIC as REAL or INTEGER; printf restores the two decimals.
    return f"printf('%.2f', {compiler.process(element.clauses, **kw)})"


class _PredecessorNames(FunctionElement[str]):
    """The names of the organisations one succeeded, sorted, "; " apart (NULL for none)."""

    type = String()
    name = "predecessor_names"
    inherit_cache = True


_PREDECESSORS = (
    "FROM organization_succession AS link JOIN organization AS predecessor "
    "ON predecessor.id = link.predecessor_id WHERE link.successor_id = {successor}"
)


@compiles(_PredecessorNames)
def _predecessor_names_default(element: _PredecessorNames, compiler: SQLCompiler, **kw: Any) -> str:
    successor = compiler.process(element.clauses, **kw)
    return (
        "(SELECT string_agg(predecessor.name, '; ' ORDER BY predecessor.name) "
        f"{_PREDECESSORS.format(successor=successor)})"
    )


@compiles(_PredecessorNames, "sqlite")
def _predecessor_names_sqlite(element: _PredecessorNames, compiler: SQLCompiler, **kw: Any) -> str:
    # group_concat has no ORDER BY before SQLite 3.44: it keeps the order of a sorted subquery.
    successor = compiler.process(element.clauses, **kw)
    return (
        "(SELECT group_concat(name, '; ') FROM (SELECT predecessor.name AS name "
        f"{_PREDECESSORS.format(successor=successor)} ORDER BY predecessor.name))"
    )


def _text(column: Any, name: str) -> Any:
    """Text with '' for none, from every database and reader alike (the extracts write '')."""
    return func.coalesce(column, literal("")).label(name)


def _date(column: Any, name: str) -> Any:
    return func.coalesce(cast(column, String), literal("")).label(name)


def _table(model: type[SQLModel]) -> Table:
    found: Table = model.__table__  # type: ignore[attr-defined]  # SQLModel declares none
    return found


_reported = aliased(Province, name="reported")
_parent = aliased(Organization, name="parent")


def _members(filters: Filters) -> Select[Any]:
    fact = Membership
    return (
        select(
            col(fact.year),
            col(fact.province_id),
            col(fact.province_2025_id),
            _text(col(Organization.name), "organization"),
            _text(col(fact.country_code), "partner_country_code"),
            col(fact.members),
            col(fact.chapters),
            _text(col(fact.source), "source"),
        )
        .join(Organization, col(Organization.id) == col(fact.organization_id))
        .join(_reported, col(_reported.id) == col(fact.province_id))  # for the order
        .where(*conditions(filters, _table(fact)))
        .order_by(col(fact.year), col(_reported.code), col(Organization.name), col(fact.id))
    )


def _aid(filters: Filters) -> Select[Any]:
    fact = Aid
    return (
        select(
            col(fact.year),
            _date(col(fact.period_start), "period_start"),
            _date(col(fact.period_end), "period_end"),
            _text(col(fact.donor_kind), "donor_kind"),
            col(fact.province_id),
            col(fact.province_2025_id),
            _text(col(fact.donor), "donor"),
            _text(col(fact.country_code), "donor_country_code"),
            _text(col(fact.sector_code), "sector_code"),
            _text(col(fact.measure), "measure"),
            _MoneyText(col(fact.amount)).label("amount"),
            _text(col(fact.currency), "currency"),
            col(fact.amount_vnd),
            _MoneyText(col(fact.amount_usd)).label("amount_usd"),
            _text(col(fact.title), "title"),
            _text(col(fact.source), "source"),
        )
        .join(_reported, col(_reported.id) == col(fact.province_id))  # for the order
        .where(*conditions(filters, _table(fact)))
        .order_by(col(fact.year), col(_reported.code), col(fact.id))
    )


def _exchanges(filters: Filters) -> Select[Any]:
    fact = Exchange
    return (
        select(
            _date(col(fact.date), "date"),
            col(fact.year),
            col(fact.province_id),
            col(fact.province_2025_id),
            _text(col(fact.country_code), "partner_country_code"),
            _text(col(fact.partner_locality), "partner_locality"),
            _text(col(fact.direction), "direction"),
            _text(col(fact.kind), "kind"),
            col(fact.participants),
            _text(col(fact.title), "title"),
            _text(col(fact.source), "source"),
        )
        .where(*conditions(filters, _table(fact)))
        # The year first (it follows from the date): the order of ix_exchange_year_date.
        .order_by(col(fact.year), col(fact.date), col(fact.id))
    )


def _organizations(filters: Filters) -> Select[Any]:
    """Organisations are not yearly figures: the year range does not apply to them."""
    org = Organization
    current = aliased(Province, name="current_unit")
    return (
        select(
            _text(col(org.kind), "kind"),
            _text(col(org.name), "organization"),
            col(org.province_id),
            col(_reported.current_unit_id).label("province_2025_id"),
            _text(col(org.country_code), "partner_country_code"),
            _text(col(org.district), "district"),
            _date(col(org.founded_on), "founded_on"),
            _text(col(_parent.name), "parent"),
            _text(col(org.source), "source"),
            _text(_PredecessorNames(col(org.id)), "succeeds"),
        )
        .outerjoin(_reported, col(_reported.id) == col(org.province_id))
        .outerjoin(current, col(current.id) == col(_reported.current_unit_id))
        .outerjoin(_parent, col(_parent.id) == col(org.parent_id))
        .where(
            *conditions(
                filters,
                _table(org),
                units=(col(_reported.current_unit_id), col(_reported.legacy_unit_id)),
            )
        )
        .order_by(
            col(current.code).nulls_first(),
            col(_reported.code).nulls_first(),
            col(org.name),
            col(org.id),
        )
    )


_STATEMENTS = {
    "members": _members,
    "aid": _aid,
    "exchanges": _exchanges,
    "organizations": _organizations,
}
