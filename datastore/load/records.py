"""Each row of each kind checked and turned into the record to store, with its key and hash."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence, Sized
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from datastore.load.cells import Context, Row
from datastore.load.lineage import predecessors
from datastore.load.problems import RowProblem
from datastore.load.resolve import (
    country_of,
    currency_of,
    province_of,
    sector_of,
    unit_in_63_view,
)
from datastore.load.values import (
    ParseProblem,
    parse_amount,
    parse_count,
    parse_date,
    parse_decimal,
    parse_period_day,
    parse_year,
)
from datastore.models.facts import DonorKind, Organization, OrganizationKind
from datastore.models.reference import Province, ProvinceList
from datastore.problems import DataProblem
from datastore.reference.directory import Directory, LookupProblem
from datastore.vietnamese import fold
from datastore.vocabulary import DataKind, as_kind
from i18n.formatting import format_day, grouped, quote
from i18n.texts.data_words import KEY_COLUMNS

CHUNK = 5_000
DEFAULT_DONOR_KIND = DonorKind.FOREIGN_NGO.value
# Share of the progress bar spent on validation; the rest is writing.
VALIDATION_SHARE = 0.5

Progress = Callable[[float], None]


def validate_rows(
    *,
    session: Session,
    kind: DataKind,
    rows: Iterable[Mapping[str, Any]],
    first_row_number: int = 2,
    row_numbers: Sequence[int] | None = None,
    directory: Directory | None = None,
    progress: Progress | None = None,
    keep_row_source: bool = False,
) -> tuple[list[dict[str, Any]], list[RowProblem]]:
    """Every row read and checked, nothing written: the records to store and the problems."""
    as_kind(kind)
    directory = directory or Directory.load(session=session)
    context = Context(
        kind=kind,
        directory=directory,
        session=session,
        keep_row_source=keep_row_source,
        currencies=frozenset(currency for _, currency in directory.rates),
    )
    normalize = NORMALIZERS[kind]
    total = len(rows) if isinstance(rows, Sized) else None
    records: list[dict[str, Any]] = []
    problems: list[RowProblem] = []
    first_seen: dict[str, int] = {}
    numbers = iter(row_numbers) if row_numbers is not None else None
    for index, row in enumerate(rows):
        number = next(numbers) if numbers is not None else first_row_number + index
        row_problems: list[RowProblem] = []
        record = normalize(context, number, row, row_problems)
        if progress is not None and total and (index + 1) % CHUNK == 0:
            progress(VALIDATION_SHARE * (index + 1) / total)
        if row_problems:
            problems.extend(row_problems)
            continue
        key = record["row_key"]
        if key in first_seen:
            duplicate = DataProblem(
                "duplicate",
                first=first_seen[key],
                key_vi=KEY_COLUMNS[kind]["vi"],
                key_en=KEY_COLUMNS[kind]["en"],
            )
            problems.append(RowProblem.of(number, "*", "", duplicate))
            continue
        first_seen[key] = number
        records.append(record)
    if progress is not None:
        progress(VALIDATION_SHARE)
    return records, problems


def digest(*parts: object) -> str:
    """A stable 40-character hash of the parts."""
    text = "\x1f".join(["" if part is None else str(part) for part in parts])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _canonical(amount: Decimal) -> str:
    """An amount written one way whatever its form: 2000, 2000.0 and 2000.00 are all "2000"."""
    return f"{amount.normalize():f}"


def _source(context: Context, cells: Row) -> str | None:
    if context.keep_row_source:
        return cells.text("source", max_length=255, required=False)
    return None


def organization_key(name: str, province_id: int | None) -> str:
    """The natural key of an organisation: its folded name in its province."""
    return digest("organization", fold(name), province_id)


def _normalize_organization(
    context: Context, number: int, row: Mapping[str, Any], problems: list[RowProblem]
) -> dict[str, Any]:
    cells = Row(number, row, problems, context)
    kind = cells.choice("kind", "organization_kind")
    name = cells.text("organization", max_length=255)
    founded_on = cells.get("founded_on", parse_date, required=False, memo="date")
    province = None
    if kind != OrganizationKind.NATIONAL_UNION.value:
        # The province of its founding date's list; without a date, any spelling of either list.
        province = province_of(context, cells, on=founded_on, year=None, strict=False)
        if founded_on is None and province is not None and name is not None:
            province = _province_of_existing(context, name, province)
    country = country_of(context, cells, "partner_country", required=False)
    district = cells.text("district", max_length=120, required=False)
    parent_name = cells.text("parent", max_length=255, required=False)
    parent_id = None
    if parent_name:
        parent = context.session.scalars(
            select(Organization).where(Organization.name == parent_name)  # type: ignore[arg-type]
        ).first()
        if parent is None:
            cells.problem("parent", DataProblem("parent.unknown", value=quote(parent_name)))
        else:
            parent_id = parent.id
    province_id = province.id if province else None
    key = organization_key(name or "", province_id)
    succeeds = predecessors(context, cells, name=name, own_key=key, founded_on=founded_on)
    lineage = ("succeeds", *succeeds) if succeeds else ()
    return {
        "kind": kind,
        "name": name,
        "province_id": province_id,
        "country_code": country,
        "district": district,
        "founded_on": founded_on,
        "parent_id": parent_id,
        "source": _source(context, cells),
        "row_key": key,
        # Predecessors only when named: rows stored before lineage keep their hash.
        "row_hash": digest(kind, country, district, founded_on, parent_id, *lineage),
        "_succeeds": succeeds,
    }


def _province_of_existing(context: Context, name: str, province: Province) -> Province:
    """Of a province and its same-code namesake in the other list, the one already in use."""
    # Đồng Nai 63:75 and 34:75: without a founding date nothing else tells them apart, and an
    # organisations extract loaded back must find the organisations it lists.
    if context.organization_keys is None:
        context.organization_keys = set(
            context.session.scalars(select(col(Organization.row_key))).all()
        )
    if organization_key(name, province.id) in context.organization_keys:
        return province
    other = next(p for p in ProvinceList if p.value != province.province_list)
    try:
        twin = context.directory.resolve_province(province.short_name, province_list=other)
    except LookupProblem:
        return province
    same_code = twin.code == province.code and twin.province_list == other.value
    if same_code and organization_key(name, twin.id) in context.organization_keys:
        return twin
    return province


def _normalize_membership(
    context: Context, number: int, row: Mapping[str, Any], problems: list[RowProblem]
) -> dict[str, Any]:
    cells = Row(number, row, problems, context)
    year = cells.get("year", parse_year, memo="year")
    province = province_of(context, cells, on=None, year=year)
    name = cells.text("organization", max_length=255)
    country = country_of(context, cells, "partner_country", required=False)
    members = cells.get("members", parse_count, memo="count")
    chapters = cells.get("chapters", parse_count, required=False, memo="count")
    source = _source(context, cells)
    if province is None or name is None or problems:
        return {}
    association_key = organization_key(name, province.id)
    return {
        "_organization_key": association_key,
        "_organization_name": name,
        "year": year,
        "province_id": province.id,
        "province_2025_id": province.current_unit_id,
        "province_63_id": unit_in_63_view(context, province),
        "country_code": country,
        "members": members,
        "chapters": chapters,
        "source": source,
        "row_key": digest("members", association_key, year),
        "row_hash": digest(country, members, chapters),
    }


def _normalize_aid(
    context: Context, number: int, row: Mapping[str, Any], problems: list[RowProblem]
) -> dict[str, Any]:
    cells = Row(number, row, problems, context)
    year = cells.get("year", parse_year, memo="year")
    period = _aid_period(cells, year)
    province = province_of(context, cells, on=None, year=year)
    donor = cells.text("donor", max_length=255)
    donor_kind = cells.choice("donor_kind", "donor_kind", required=False) or DEFAULT_DONOR_KIND
    country = country_of(context, cells, "donor_country", required=False)
    sector = sector_of(context, cells)
    measure = cells.choice("measure", "measure")
    amount = cells.get("amount", parse_amount, memo="amount")
    currency = cells.get("currency", lambda v: currency_of(context, v), memo="currency")
    title = cells.text("title", max_length=500)
    source = _source(context, cells)
    if problems or any(
        v is None for v in (year, period, province, sector, measure, amount, currency, title, donor)
    ):
        return {}
    assert province is not None and year is not None and amount is not None
    assert period is not None
    assert currency is not None
    try:
        vnd_rate = context.directory.vnd_per_unit(year, currency)
        usd_rate = context.directory.vnd_per_unit(year, "USD")
    except LookupProblem as error:
        cells.problem("currency", error)
        return {}
    amount_vnd = int((amount * vnd_rate).to_integral_value(ROUND_HALF_UP))
    if currency == "USD":
        amount_usd = amount
    else:
        amount_usd = (Decimal(amount_vnd) / usd_rate).quantize(Decimal("0.01"), ROUND_HALF_UP)
    for column, computed in (("amount_vnd", Decimal(amount_vnd)), ("amount_usd", amount_usd)):
        given = cells.raw(column)
        if given is None:
            continue
        try:
            same = parse_decimal(given) == computed
        except ParseProblem:
            same = False
        if not same:
            cells.problem(
                column,
                DataProblem("derived.mismatch", value=quote(given), expected=grouped(computed)),
            )
    if problems:
        return {}
    return {
        "year": year,
        "period_start": period[0],
        "period_end": period[1],
        "province_id": province.id,
        "province_2025_id": province.current_unit_id,
        "province_63_id": unit_in_63_view(context, province),
        "donor": donor,
        "donor_kind": donor_kind,
        "country_code": country,
        "sector_code": sector,
        "measure": measure,
        "amount": amount,
        "currency": currency,
        "amount_vnd": amount_vnd,
        "amount_usd": amount_usd,
        "title": title,
        "source": source,
        "row_key": digest(
            "aid",
            year,
            province.id,
            fold(donor or ""),
            sector,
            measure,
            fold(title or ""),
        ),
        "row_hash": digest(
            country,
            _canonical(amount),
            currency,
            donor,
            title,
            *_aid_meaning(year, period, donor_kind),
        ),
    }


def _aid_period(cells: Row, year: int | None) -> tuple[date, date] | None:
    """The period an amount covers: its year's calendar year unless the row says otherwise."""
    start = cells.get("period_start", parse_period_day, required=False, memo="period_day")
    end = cells.get("period_end", parse_period_day, required=False, memo="period_day")
    if year is None:
        return None
    start = start or (date(year, 1, 1) if cells.raw("period_start") is None else None)
    end = end or (date(year, 12, 31) if cells.raw("period_end") is None else None)
    if start is None or end is None:
        return None  # a date that did not parse, already a problem
    if start > end:
        problem = DataProblem(
            "aid_meaning.period_reversed", start=format_day(start), end=format_day(end)
        )
        cells.problem("period_end", problem)
        return None
    if not start.year <= year <= end.year:
        problem = DataProblem(
            "aid_meaning.year_outside_period",
            year=year,
            start=format_day(start),
            end=format_day(end),
        )
        cells.problem("year", problem)
        return None
    return start, end


def _aid_meaning(year: int, period: tuple[date, date], donor_kind: str) -> tuple[object, ...]:
    """The period and donor kind for the row's hash; nothing when both are the defaults.

    So the rows stored before they existed (the calendar year, a foreign NGO) keep their hash,
    and loading them again still finds them unchanged.
    """
    if period == (date(year, 1, 1), date(year, 12, 31)) and donor_kind == DEFAULT_DONOR_KIND:
        return ()
    return (period[0], period[1], donor_kind)


def _normalize_exchange(
    context: Context, number: int, row: Mapping[str, Any], problems: list[RowProblem]
) -> dict[str, Any]:
    cells = Row(number, row, problems, context)
    day = cells.get("date", parse_date, memo="date")
    if day is not None and cells.raw("year") is not None:
        year = cells.get("year", parse_year, memo="year")
        if year is not None and year != day.year:
            cells.problem(
                "year",
                DataProblem("year.date_mismatch", year=year, date=format_day(day)),
            )
    province = province_of(context, cells, on=day, year=None)
    country = country_of(context, cells, "partner_country", required=False)
    locality = cells.text("partner_locality", max_length=120, required=False)
    direction = cells.choice("direction", "direction")
    kind = cells.choice("kind", "kind")
    participants = cells.get("participants", parse_count, required=False, memo="count")
    title = cells.text("title", max_length=500)
    source = _source(context, cells)
    if problems or any(v is None for v in (day, province, direction, kind, title)):
        return {}
    assert day is not None and province is not None
    return {
        "date": day,
        "year": day.year,
        "province_id": province.id,
        "province_2025_id": province.current_unit_id,
        "province_63_id": unit_in_63_view(context, province),
        "country_code": country,
        "partner_locality": locality,
        "direction": direction,
        "kind": kind,
        "participants": participants,
        "title": title,
        "source": source,
        "row_key": digest(
            "exchanges", day, province.id, country, direction, kind, fold(title or "")
        ),
        "row_hash": digest(locality, participants, title),
    }


NORMALIZERS: dict[
    str, Callable[[Context, int, Mapping[str, Any], list[RowProblem]], dict[str, Any]]
] = {
    "organizations": _normalize_organization,
    "members": _normalize_membership,
    "aid": _normalize_aid,
    "exchanges": _normalize_exchange,
}
