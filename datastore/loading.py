"""The one write path for facts: validates every row, then writes all of them or none."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import insert, select, update
from sqlmodel import Session, SQLModel

from datastore.models import (
    Aid,
    Direction,
    Exchange,
    ExchangeKind,
    ImportBatch,
    Measure,
    Membership,
    Organization,
    OrganizationKind,
    Province,
    RowChange,
)
from datastore.parsing import (
    ParseProblem,
    clean_text,
    is_blank,
    parse_amount,
    parse_count,
    parse_date,
    parse_year,
)
from datastore.reference.directory import Directory, LookupProblem
from datastore.reference.provinces import list_for_date, list_for_year
from datastore.vietnamese import fold

KINDS = ("organizations", "members", "aid", "exchanges")
CHUNK = 5_000


@dataclass(frozen=True)
class RowProblem:
    """Why one cell of one row cannot be loaded."""

    row: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}, value {self.value!r}: {self.reason}"


class LoadRejected(ValueError):
    """A load refused as a whole, with every problem found."""

    def __init__(self, problems: list[RowProblem]):
        super().__init__(f"{len(problems)} problem(s); nothing was written")
        self.problems = problems


@dataclass
class LoadSummary:
    """What a load did, row by row."""

    kind: str
    batch_id: int | None
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False


@dataclass
class BatchInfo:
    """Who loads what, from where."""

    file_name: str
    checksum: str = ""
    created_by: str = "system"
    is_demo: bool = False
    source: str | None = None  # overrides the per-row source label
    keep_row_source: bool = False  # the seed labels each row with its article


@dataclass
class _Context:
    directory: Directory
    session: Session
    batch_source: str
    keep_row_source: bool
    organizations: dict[str, Organization] = field(default_factory=dict)


def load_rows(
    *,
    session: Session,
    kind: str,
    rows: Iterable[Mapping[str, Any]],
    batch: BatchInfo,
    first_row_number: int = 2,
    dry_run: bool = False,
    directory: Directory | None = None,
) -> LoadSummary:
    """Validate all rows of one kind, then insert new ones and update changed ones atomically."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    model = _MODELS[kind]
    context = _Context(
        directory=directory or Directory.load(session=session),
        session=session,
        batch_source=batch.source or f"import: {batch.file_name}",
        keep_row_source=batch.keep_row_source,
    )
    if kind == "members":
        context.organizations = _organizations_by_key(session)
    normalize = _NORMALIZERS[kind]
    records: list[dict[str, Any]] = []
    problems: list[RowProblem] = []
    first_seen: dict[str, int] = {}
    for number, row in enumerate(rows, start=first_row_number):
        row_problems: list[RowProblem] = []
        record = normalize(context, number, row, row_problems)
        if row_problems:
            problems.extend(row_problems)
            continue
        key = record["row_key"]
        if key in first_seen:
            problems.append(
                RowProblem(number, "*", "", f"same record as row {first_seen[key]} (duplicate)")
            )
            continue
        first_seen[key] = number
        records.append(record)
    if problems:
        raise LoadRejected(problems)

    summary = LoadSummary(kind=kind, batch_id=None, rows=len(records), dry_run=dry_run)
    batch_row = ImportBatch(
        kind=kind,
        file_name=batch.file_name[:255],
        checksum=batch.checksum,
        source=context.batch_source[:255],
        created_at=datetime.now(UTC),
        created_by=batch.created_by,
        is_demo=batch.is_demo,
    )
    try:
        session.add(batch_row)
        session.flush()
        summary.batch_id = batch_row.id
        if kind == "members":
            _create_missing_organizations(context, records)
        for start in range(0, len(records), CHUNK):
            _write_chunk(session, model, records[start : start + CHUNK], batch_row, summary)
        batch_row.rows_added = summary.added
        batch_row.rows_updated = summary.updated
        batch_row.rows_unchanged = summary.unchanged
        session.add(batch_row)
        if dry_run:
            session.rollback()
            summary.batch_id = None
        else:
            session.commit()
    except BaseException:
        session.rollback()
        raise
    return summary


def _write_chunk(
    session: Session,
    model: type[SQLModel],
    records: list[dict[str, Any]],
    batch: ImportBatch,
    summary: LoadSummary,
) -> None:
    """Insert the records whose key is new, update those whose content changed."""
    table = model.__table__  # type: ignore[attr-defined]
    keys = [record["row_key"] for record in records]
    existing = {
        key: (row_id, row_hash)
        for row_id, key, row_hash in session.execute(
            select(table.c.id, table.c.row_key, table.c.row_hash).where(table.c.row_key.in_(keys))
        )
    }
    new_rows: list[dict[str, Any]] = []
    changed_rows: list[dict[str, Any]] = []
    for record in records:
        found = existing.get(record["row_key"])
        if found is None:
            new_rows.append(
                {**record, "batch_id": batch.id, "source": record["source"] or batch.source}
            )
        elif found[1] != record["row_hash"]:
            changed_rows.append(
                {
                    **record,
                    "id": found[0],
                    "batch_id": batch.id,
                    "source": record["source"] or batch.source,
                }
            )
        else:
            summary.unchanged += 1
    if new_rows:
        session.execute(insert(table), new_rows)
        summary.added += len(new_rows)
    if changed_rows:
        _record_previous(session, table, [row["id"] for row in changed_rows], batch)
        session.execute(update(model), changed_rows)
        summary.updated += len(changed_rows)


def _record_previous(session: Session, table: Any, row_ids: list[int], batch: ImportBatch) -> None:
    """Keep what the rows held before this load changes them, so the load can be undone."""
    previous = session.execute(select(table).where(table.c.id.in_(row_ids))).mappings()
    session.execute(
        insert(RowChange),
        [
            {
                "batch_id": batch.id,
                "table_name": table.name,
                "row_id": row["id"],
                "previous": json.dumps(dict(row), default=str, ensure_ascii=False),
            }
            for row in previous
        ],
    )


def _digest(*parts: object) -> str:
    """A stable 40-character hash of the parts."""
    text = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# Normalizers: one per kind; each fills `problems` or returns the row to store --------------


class _Row:
    """Reads the cells of one input row, recording a problem per bad cell."""

    def __init__(self, number: int, row: Mapping[str, Any], problems: list[RowProblem]):
        self.number = number
        self.row = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
        self.problems = problems

    def raw(self, column: str) -> Any:
        value = self.row.get(column)
        return None if is_blank(value) else value

    def problem(self, column: str, reason: str) -> None:
        value = self.row.get(column)
        self.problems.append(
            RowProblem(self.number, column, "" if value is None else str(value)[:80], reason)
        )

    def get(self, column: str, parse: Callable[[Any], Any], *, required: bool = True) -> Any:
        value = self.raw(column)
        if value is None:
            if required:
                self.problem(column, "required value is missing")
            return None
        try:
            return parse(value)
        except (ParseProblem, LookupProblem) as error:
            self.problem(column, str(error))
            return None

    def text(self, column: str, *, max_length: int, required: bool = True) -> str | None:
        return self.get(
            column, lambda v: clean_text(v, max_length=max_length) or None, required=required
        )

    def choice(self, column: str, allowed: Iterable[str], *, required: bool = True) -> str | None:
        options = {fold(option): option for option in allowed}

        def pick(value: Any) -> str:
            found = options.get(fold(str(value)))
            if found is None:
                raise ParseProblem(f"expected one of {', '.join(sorted(options.values()))}")
            return found

        return self.get(column, pick, required=required)


def _province(
    context: _Context, cells: _Row, *, on: date | None, year: int | None
) -> Province | None:
    """The province as reported: by name (checked against the code) or by code."""
    if on is not None:
        wanted = list_for_date(on)
    elif year is not None:
        wanted = list_for_year(year)
    else:
        wanted = None
    name, code = cells.raw("province"), cells.raw("province_code")
    if name is None and code is None:
        cells.problem("province", "required value is missing")
        return None
    directory = context.directory
    try:
        if name is not None:
            province = directory.resolve_province(str(name), province_list=wanted)
            if code is not None and str(code).strip().zfill(2) != province.code:
                cells.problem(
                    "province_code",
                    f"code {code} does not match {province.short_name} "
                    f"(code {province.code} in the {province.province_list} list)",
                )
                return None
            return province
        return directory.resolve_province(str(code).strip().zfill(2), province_list=wanted)
    except LookupProblem as error:
        cells.problem("province" if name is not None else "province_code", str(error))
        return None


def _country_code(context: _Context, cells: _Row, column: str, *, required: bool) -> str | None:
    """A country by alpha-3 code (first choice) or by name."""
    code_column, name_column = f"{column}_code", column
    value = cells.raw(code_column) or cells.raw(name_column)
    if value is None:
        if required:
            cells.problem(name_column, "required value is missing")
        return None
    try:
        return context.directory.resolve_country(str(value)).code
    except LookupProblem as error:
        cells.problem(code_column if cells.raw(code_column) else name_column, str(error))
        return None


def _source(context: _Context, cells: _Row) -> str | None:
    if context.keep_row_source:
        return cells.text("source", max_length=255, required=False)
    return None


def _organization_key(name: str, province_id: int | None) -> str:
    return _digest("organization", fold(name), province_id)


def _normalize_organization(
    context: _Context, number: int, row: Mapping[str, Any], problems: list[RowProblem]
) -> dict[str, Any]:
    cells = _Row(number, row, problems)
    kind = cells.choice("kind", [k.value for k in OrganizationKind])
    name = cells.text("organization", max_length=255)
    founded_on = cells.get("founded_on", parse_date, required=False)
    province = None
    if kind != OrganizationKind.NATIONAL_UNION.value:
        province = _province(context, cells, on=founded_on, year=None)
    country = _country_code(context, cells, "partner_country", required=False)
    district = cells.text("district", max_length=120, required=False)
    parent_name = cells.text("parent", max_length=255, required=False)
    parent_id = None
    if parent_name:
        parent = context.session.scalars(
            select(Organization).where(Organization.name == parent_name)  # type: ignore[arg-type]
        ).first()
        if parent is None:
            cells.problem("parent", "no organisation of that name is loaded yet")
        else:
            parent_id = parent.id
    province_id = province.id if province else None
    return {
        "kind": kind,
        "name": name,
        "province_id": province_id,
        "country_code": country,
        "district": district,
        "founded_on": founded_on,
        "parent_id": parent_id,
        "source": _source(context, cells),
        "row_key": _organization_key(name or "", province_id),
        "row_hash": _digest(kind, country, district, founded_on, parent_id),
    }


def _normalize_membership(
    context: _Context, number: int, row: Mapping[str, Any], problems: list[RowProblem]
) -> dict[str, Any]:
    cells = _Row(number, row, problems)
    year = cells.get("year", parse_year)
    province = _province(context, cells, on=None, year=year)
    name = cells.text("organization", max_length=255)
    country = _country_code(context, cells, "partner_country", required=False)
    members = cells.get("members", parse_count)
    chapters = cells.get("chapters", parse_count, required=False)
    if province is None or name is None:
        return {}
    organization_key = _organization_key(name, province.id)
    return {
        "organization_key": organization_key,
        "organization_name": name,
        "year": year,
        "province_id": province.id,
        "province_2025_id": province.current_unit_id,
        "province_63_id": province.legacy_unit_id,
        "country_code": country,
        "members": members,
        "chapters": chapters,
        "source": _source(context, cells),
        "row_key": _digest("members", organization_key, year),
        "row_hash": _digest(country, members, chapters),
    }


def _normalize_aid(
    context: _Context, number: int, row: Mapping[str, Any], problems: list[RowProblem]
) -> dict[str, Any]:
    cells = _Row(number, row, problems)
    year = cells.get("year", parse_year)
    province = _province(context, cells, on=None, year=year)
    donor = cells.text("donor", max_length=255)
    country = _country_code(context, cells, "donor_country", required=False)
    sector_value = cells.raw("sector_code") or cells.raw("sector")
    sector_column = "sector_code" if cells.raw("sector_code") else "sector"
    sector = cells.get(sector_column, lambda v: context.directory.resolve_sector(str(v)).code)
    if sector_value is None:
        sector = None
    measure = cells.choice("measure", [m.value for m in Measure])
    amount = cells.get("amount", parse_amount)
    currency = cells.get("currency", lambda v: str(v).strip().upper())
    title = cells.text("title", max_length=500)
    if None in (year, province, sector, measure, amount, currency, title, donor):
        return {}
    assert province is not None and year is not None and amount is not None
    try:
        vnd_rate = context.directory.vnd_per_unit(year, currency)
        usd_rate = context.directory.vnd_per_unit(year, "USD")
    except LookupProblem as error:
        cells.problem("currency", str(error))
        return {}
    amount_vnd = int((amount * vnd_rate).to_integral_value(ROUND_HALF_UP))
    if currency == "USD":
        amount_usd = amount
    else:
        amount_usd = (Decimal(amount_vnd) / usd_rate).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return {
        "year": year,
        "province_id": province.id,
        "province_2025_id": province.current_unit_id,
        "province_63_id": province.legacy_unit_id,
        "donor": donor,
        "country_code": country,
        "sector_code": sector,
        "measure": measure,
        "amount": amount,
        "currency": currency,
        "amount_vnd": amount_vnd,
        "amount_usd": amount_usd,
        "title": title,
        "source": _source(context, cells),
        "row_key": _digest(
            "aid", year, province.id, fold(donor or ""), sector, measure, fold(title or "")
        ),
        "row_hash": _digest(country, amount, currency, donor, title),
    }


def _normalize_exchange(
    context: _Context, number: int, row: Mapping[str, Any], problems: list[RowProblem]
) -> dict[str, Any]:
    cells = _Row(number, row, problems)
    day = cells.get("date", parse_date)
    if day is not None and cells.raw("year") is not None:
        year = cells.get("year", parse_year)
        if year is not None and year != day.year:
            cells.problem("year", f"year {year} does not match the date {day.isoformat()}")
    province = _province(context, cells, on=day, year=None)
    country = _country_code(context, cells, "partner_country", required=False)
    locality = cells.text("partner_locality", max_length=120, required=False)
    direction = cells.choice("direction", [d.value for d in Direction])
    kind = cells.choice("kind", [k.value for k in ExchangeKind])
    participants = cells.get("participants", parse_count, required=False)
    title = cells.text("title", max_length=500)
    if None in (day, province, direction, kind, title):
        return {}
    assert day is not None and province is not None
    return {
        "date": day,
        "year": day.year,
        "province_id": province.id,
        "province_2025_id": province.current_unit_id,
        "province_63_id": province.legacy_unit_id,
        "country_code": country,
        "partner_locality": locality,
        "direction": direction,
        "kind": kind,
        "participants": participants,
        "title": title,
        "source": _source(context, cells),
        "row_key": _digest(
            "exchanges", day, province.id, country, direction, kind, fold(title or "")
        ),
        "row_hash": _digest(locality, participants, title),
    }


def _organizations_by_key(session: Session) -> dict[str, Organization]:
    return {org.row_key: org for org in session.scalars(select(Organization))}


def _create_missing_organizations(context: _Context, records: list[dict[str, Any]]) -> None:
    """Members rows may name an association not loaded before: create it, then link the rows."""
    for record in records:
        key = record.pop("organization_key")
        name = record.pop("organization_name")
        organization = context.organizations.get(key)
        if organization is None:
            organization = Organization(
                kind=OrganizationKind.FRIENDSHIP_ASSOCIATION.value,
                name=name,
                province_id=record["province_id"],
                country_code=record["country_code"],
                source=record["source"] or context.batch_source,
                row_key=key,
                row_hash=_digest(
                    OrganizationKind.FRIENDSHIP_ASSOCIATION.value, record["country_code"]
                ),
            )
            context.session.add(organization)
            context.session.flush()
            context.organizations[key] = organization
        record["organization_id"] = organization.id


_MODELS: dict[str, type[SQLModel]] = {
    "organizations": Organization,
    "members": Membership,
    "aid": Aid,
    "exchanges": Exchange,
}
_NORMALIZERS: dict[
    str, Callable[[_Context, int, Mapping[str, Any], list[RowProblem]], dict[str, Any]]
] = {
    "organizations": _normalize_organization,
    "members": _normalize_membership,
    "aid": _normalize_aid,
    "exchanges": _normalize_exchange,
}
