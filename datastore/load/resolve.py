"""Resolving what a row names: its province, partner country, sector and currency."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from datastore.load.cells import Cells, Context, Row, cell_key, code_text, memo
from datastore.load.values import ParseProblem
from datastore.models.reference import Province, ProvinceList
from datastore.problems import DataProblem
from datastore.reference.directory import Directory, LookupProblem
from datastore.reference.provinces import list_for_date, list_for_year
from i18n.formatting import quote

_CURRENCY_ALIASES = {
    "VNĐ": "VND",
    "Đ": "VND",
    "ĐỒNG": "VND",
    "DONG": "VND",
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "₩": "KRW",
}


def province_of(
    context: Context, cells: Row, *, on: date | None, year: int | None, strict: bool = True
) -> Province | None:
    """The province as reported, by name (checked against the code) or by code."""
    # The list (63 or 34) comes from the date or year; figures from 1 July 2025 on must name one
    # of the 34 new units. The derived columns province_2025_code and province_2025, when filled
    # in, must name today's unit. `strict`: a row without its date or year gets no province (it
    # has a problem already); otherwise a name alone is looked up in both lists.
    if on is not None:
        wanted: ProvinceList | None = list_for_date(on)
    elif year is not None:
        wanted = list_for_year(year)
    else:
        wanted = None
    # The four province columns spelled out, not looped over: this runs once per row.
    raw = cells.raw
    name, code, code_2025, name_2025 = (
        raw("province"),
        raw("province_code"),
        raw("province_2025_code"),
        raw("province_2025"),
    )
    key = (
        "province",
        wanted,
        strict,
        (type(name), name),
        (type(code), code),
        (type(code_2025), code_2025),
        (type(name_2025), name_2025),
    )
    province: Province | None = memo(
        context, cells, key, lambda found: _find_province(context, found, wanted, strict)
    )
    return province


def _find_province(
    context: Context, cells: Cells, wanted: ProvinceList | None, strict: bool
) -> Province | None:
    name, code = cells.raw("province"), cells.raw("province_code")
    if name is None and code is None:
        cells.problem("province", DataProblem("required"))
        return None
    directory = context.directory
    column = "province" if name is not None else "province_code"
    if wanted is None and name is not None and code is not None:
        # No date to choose the list: the code says which "Gia Lai" (63:64 or 34:52) is meant.
        wanted = _list_of_code(directory, str(name), code_text(code).zfill(2))
    try:
        if name is not None:
            province = directory.resolve_province(str(name), province_list=wanted)
        else:
            written = code_text(code)
            if not written.isdigit() or len(written) > 2:
                raise LookupProblem(
                    "province.no_code", code=quote(written), list=wanted.value if wanted else "?"
                )
            province = directory.resolve_province(written, province_list=wanted)
    except LookupProblem as error:
        cells.problem(column, error)
        return None
    if wanted is None and strict:
        return None  # the year or date is missing or wrong: already a problem
    if name is not None and code is not None and code_text(code).zfill(2) != province.code:
        cells.problem(
            "province_code",
            DataProblem(
                "province.code_mismatch",
                code=quote(code_text(code)),
                name=province.short_name,
                expected=province.code,
                list=province.province_list,
            ),
        )
        return None
    current = directory.current_unit(province)
    if wanted is ProvinceList.CURRENT and province.province_list != ProvinceList.CURRENT.value:
        problem = DataProblem(
            "province.after_reform", name=province.short_name, current=current.short_name
        )
        cells.problem(column, problem)
        return None
    ok = True
    given_code = cells.raw("province_2025_code")
    if given_code is not None and code_text(given_code).zfill(2) != current.code:
        cells.problem(
            "province_2025_code",
            DataProblem("derived.mismatch", value=quote(given_code), expected=current.code),
        )
        ok = False
    given_name = cells.raw("province_2025")
    if given_name is not None:
        try:
            same = directory.resolve_province(str(given_name), province_list="34").id == current.id
        except LookupProblem:
            same = False
        if not same:
            cells.problem(
                "province_2025",
                DataProblem(
                    "derived.mismatch", value=quote(given_name), expected=current.short_name
                ),
            )
            ok = False
    return province if ok else None


def _list_of_code(directory: Directory, name: str, code: str) -> ProvinceList | None:
    """The list in which `name` has the GSO code `code`, if exactly one does."""
    found = []
    for province_list in ProvinceList:
        try:
            province = directory.resolve_province(name, province_list=province_list)
        except LookupProblem:
            return None
        if province.province_list == province_list.value and province.code == code:
            found.append(province_list)
    return found[0] if len(found) == 1 else None


def unit_in_63_view(context: Context, province: Province) -> int | None:
    """The unit a row reported under `province` stands under in the 63-province view.

    An old province, or a new unit that is one old province renamed (Cao Bằng), is its old
    province. A new unit made of several (Đồng Nai = Đồng Nai + Bình Phước) is itself: under
    the old province hosting its centre, the whole new unit's figures would read as that
    province's growth and the others' as a fall to 0.
    """
    key = ("merged_units",)
    if key not in context.memo:
        context.memo[key] = (merged_units(context.directory.provinces.values()), ())
    merged: frozenset[int] = context.memo[key][0]
    return province.id if province.id in merged else province.legacy_unit_id


def merged_units(provinces: Iterable[Province]) -> frozenset[int]:
    """Ids of the units of the 34 list made of more than one old province."""
    olds: dict[int, int] = {}
    for province in provinces:
        if province.province_list == ProvinceList.LEGACY.value and province.current_unit_id:
            olds[province.current_unit_id] = olds.get(province.current_unit_id, 0) + 1
    return frozenset(unit for unit, count in olds.items() if count > 1)


def country_of(context: Context, cells: Row, column: str, *, required: bool) -> str | None:
    """A country by alpha-3 code (first choice) or by name; both given must agree."""
    key = (
        "country",
        column,
        required,
        cell_key(cells.raw(column)),
        cell_key(cells.raw(f"{column}_code")),
    )
    code: str | None = memo(
        context, cells, key, lambda found: _find_country(context, found, column, required)
    )
    return code


def _find_country(context: Context, cells: Cells, column: str, required: bool) -> str | None:
    code_column, name_column = f"{column}_code", column
    code, name = cells.raw(code_column), cells.raw(name_column)
    if code is None and name is None:
        if required:
            cells.problem(name_column, DataProblem("required"))
        return None
    directory = context.directory
    try:
        country = directory.resolve_country(str(code if code is not None else name))
    except LookupProblem as error:
        cells.problem(code_column if code is not None else name_column, error)
        return None
    if code is not None and name is not None and not directory.country_matches(country, str(name)):
        cells.problem(
            name_column,
            DataProblem(
                "code.name_mismatch", value=quote(name), code=country.code, name=country.name_vi
            ),
        )
        return None
    return country.code


def sector_of(context: Context, cells: Row) -> str | None:
    """A sector by DAC code or by name; both given must agree."""
    key = ("sector", cell_key(cells.raw("sector")), cell_key(cells.raw("sector_code")))
    code: str | None = memo(context, cells, key, lambda found: _find_sector(context, found))
    return code


def _find_sector(context: Context, cells: Cells) -> str | None:
    code, name = cells.raw("sector_code"), cells.raw("sector")
    if code is None and name is None:
        cells.problem("sector", DataProblem("required"))
        return None
    directory = context.directory
    try:
        sector = directory.resolve_sector(code_text(code) if code is not None else str(name))
    except LookupProblem as error:
        cells.problem("sector_code" if code is not None else "sector", error)
        return None
    if code is not None and name is not None and not directory.sector_matches(sector, str(name)):
        cells.problem(
            "sector",
            DataProblem(
                "code.name_mismatch", value=quote(name), code=sector.code, name=sector.name_vi
            ),
        )
        return None
    return sector.code


def currency_of(context: Context, value: Any) -> str:
    """A currency with a rate, by its code or a sign or name people write ("VNĐ", "$")."""
    text_value = str(value).strip().upper()
    currency = _CURRENCY_ALIASES.get(text_value, text_value)
    if currency not in context.currencies:
        raise ParseProblem(
            "currency.unknown", value=quote(value), accepted=", ".join(sorted(context.currencies))
        )
    return currency
