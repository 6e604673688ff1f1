"""The address bar's codec: any spelling typed into a link read as codes, and codes written back."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from datastore.models.facts import Direction, ExchangeKind, Measure
from datastore.models.reference import Province, ProvinceList
from datastore.problems import DataProblem
from datastore.reference.directory import Directory
from datastore.vietnamese import fold, sorted_vi
from i18n.catalogue import LANGUAGES, Lang, t
from i18n.formatting import CURRENCIES, Currency

# Query parameters, in the order the address bar shows them.
PARAMS = (
    "lang",
    "p63",
    "province",
    "province63",
    "years",
    "country",
    "currency",
    "measure",
    "sector",
    "direction",
    "kind",
    "year",
)
SHARED = ("lang", "p63", "province", "province63", "years", "country")
# The text key of each parameter's filter, to name a value of it that matched nothing.
PARAM_LABELS = {
    "lang": "language.label",
    "p63": "filter.legacy_list",
    "province": "filter.province",
    "province63": "filter.province",
    "years": "filter.years",
    "country": "filter.countries",
    "currency": "filter.currency",
    "measure": "filter.measure",
    "sector": "filter.sectors",
    "direction": "filter.direction",
    "kind": "filter.kinds",
    "year": "report_page.year",
}
# The page-local filters of each page (the overview follows the Aid page's currency).
PAGE_PARAMS: dict[str, tuple[str, ...]] = {
    "overview": ("currency",),
    "aid": ("currency", "measure", "sector"),
    "exchanges": ("direction", "kind"),
    "province": ("currency",),
    "report": ("year",),
}
DEFAULT_MEASURE = Measure.DISBURSED.value
_YES = {"1", "true", "yes", "on", "63", "co"}
_NO = {"0", "false", "no", "off", "34", "khong"}
_YEAR_RANGE = re.compile(r"^\s*(\d{4})\s*(?:[-–—/:]|\.\.)?\s*(\d{4})?\s*$")
# An on-screen label of earlier links, "Đồng Nai (75)" or "Y tế (121)": the code in brackets.
_LABEL_CODE = re.compile(r"\((\d{1,3})\)")


@dataclass(frozen=True)
class LinkState:
    """What a link stands for, in codes; the defaults are what an empty link shows."""

    lang: Lang = "vi"
    legacy: bool = False
    provinces: tuple[str, ...] = ()  # GSO codes of the 63 list when `legacy`, else of the 34
    years: tuple[int, int] | None = None  # None: every year
    countries: tuple[str, ...] = ()
    currency: Currency = "VND"
    measure: str = DEFAULT_MEASURE
    sectors: tuple[str, ...] = ()
    direction: str | None = None
    kinds: tuple[str, ...] = ()
    year: int | None = None  # the report's year; None: the latest


@dataclass(frozen=True)
class Unknown:
    """A value of a link that matched nothing: which parameter, and the value as written."""

    param: str
    value: str


@dataclass
class Reading:
    """A link read: the state it stands for and the values that matched nothing."""

    state: LinkState
    unknown: list[Unknown] = field(default_factory=list)


# Provinces ------------------------------------------------------------------------------------


def resolve_province(
    directory: Directory, text: str, province_list: ProvinceList
) -> Province | None:
    """The province a GSO code (of `province_list`) or any spelling of a name stands for."""
    value = text.strip()
    labelled = _LABEL_CODE.search(value)
    if labelled:
        value = labelled.group(1)
    try:
        if value.isdigit() and len(value) <= 2:
            return directory.province(province_list, value)
        return directory.resolve_province(value, province_list=province_list)
    except DataProblem:
        return None


def in_list(directory: Directory, province: Province, target: ProvinceList) -> list[str]:
    """Codes in `target` for a province: itself, its unit today, or all its old provinces."""
    if province.province_list == target.value:
        return [province.code]
    if target is ProvinceList.CURRENT:
        return [directory.current_unit(province).code]
    return sorted(
        old.code
        for old in directory.provinces.values()
        if old.province_list == ProvinceList.LEGACY.value and old.current_unit_id == province.id
    )


def switch_list(directory: Directory, codes: Iterable[str], target: ProvinceList) -> list[str]:
    """Chosen units of one list as units of the other (34->63 all old provinces, 63->34 units)."""
    source = ProvinceList.CURRENT if target is ProvinceList.LEGACY else ProvinceList.LEGACY
    found: list[str] = []
    for code in codes:
        province = resolve_province(directory, code, source)
        if province is not None:
            found += in_list(directory, province, target)
    return list(dict.fromkeys(found))


def provinces_in(directory: Directory, text: str, target: ProvinceList) -> list[str]:
    """Codes of `target` that a typed code or name stands for; none if it names no province."""
    province = resolve_province(directory, text, target)
    return [] if province is None else in_list(directory, province, target)


def merged_names(directory: Directory) -> dict[str, list[str]]:
    """For each current unit, the old provinces of other names merged into it, by name."""
    found: dict[str, list[str]] = {}
    for old in directory.provinces.values():
        if old.province_list != ProvinceList.LEGACY.value:
            continue
        unit = directory.current_unit(old)
        # New Gia Lai (52) is old Bình Định (52) and old Gia Lai (64): only Bình Định is news.
        if unit.short_name != old.short_name:
            found.setdefault(unit.code, []).append(old.short_name)
    return {code: sorted_vi(names) for code, names in found.items()}


def successor_names(directory: Directory) -> dict[str, str]:
    """For each old province now part of a unit of another name, that unit's name."""
    found: dict[str, str] = {}
    for old in directory.provinces.values():
        if old.province_list == ProvinceList.LEGACY.value:
            unit = directory.current_unit(old)
            if unit.short_name != old.short_name:
                found[old.code] = unit.short_name
    return found


# Reading a link -------------------------------------------------------------------------------


def read_link(
    params: Mapping[str, Sequence[str]],
    directory: Directory,
    *,
    years: Sequence[int] = (),
) -> Reading:
    """The state a link stands for; values that match nothing are listed, the rest applies."""
    unknown: list[Unknown] = []

    def one(param: str, resolve: Callable[[str], str | None], default: str) -> str:
        for value in params.get(param, [])[-1:]:
            found = resolve(value)
            if found is not None:
                return found
            unknown.append(Unknown(param, value))
        return default

    def many(param: str, resolve: Callable[[str], list[str]]) -> tuple[str, ...]:
        found: list[str] = []
        for value in params.get(param, []):
            codes = _whole_or_parts(value, resolve)
            if codes is None:
                unknown.append(Unknown(param, value))
            else:
                found += codes
        return tuple(dict.fromkeys(found))

    lang = one("lang", read_lang, "vi")
    p63 = one("p63", _read_flag, "")
    legacy = p63 == "1" or (not p63 and bool(params.get("province63")))
    target = ProvinceList.LEGACY if legacy else ProvinceList.CURRENT
    provinces = many(
        "province", lambda v: _provinces_as(directory, v, ProvinceList.CURRENT, target)
    ) + many("province63", lambda v: _provinces_as(directory, v, ProvinceList.LEGACY, target))
    state = LinkState(
        lang="en" if lang == "en" else "vi",
        legacy=legacy,
        provinces=tuple(dict.fromkeys(provinces)),
        years=_read_years(params.get("years", []), years, unknown),
        countries=many("country", lambda v: _listed(_country(directory, v))),
        currency="USD" if one("currency", read_currency, "VND") == "USD" else "VND",
        measure=one("measure", _labelled("measure", [m.value for m in Measure]), DEFAULT_MEASURE),
        sectors=many("sector", lambda v: _listed(_sector(directory, v))),
        direction=one("direction", _labelled("direction", [d.value for d in Direction]), "")
        or None,
        kinds=many(
            "kind", lambda v: _listed(_labelled("kind", [k.value for k in ExchangeKind])(v))
        ),
        year=_read_year(params.get("year", [])[-1:], years, unknown),
    )
    return Reading(state=state, unknown=unknown)


def read_lang(value: str) -> str | None:
    """ "vi" or "en" for a language code or a language's name in either language."""
    words = {fold(lang): lang for lang in LANGUAGES} | {"vietnamese": "vi", "tiengviet": "vi"}
    words |= {fold(t("language.name", lang)): lang for lang in LANGUAGES}
    return words.get(fold(value))


def read_currency(value: str) -> str | None:
    """ "VND" or "USD" for a currency code in any case."""
    code = value.strip().upper()
    return code if code in CURRENCIES else None


def _read_flag(value: str) -> str | None:
    word = fold(value)
    return "1" if word in _YES else "0" if word in _NO else None


def _labelled(prefix: str, codes: list[str]) -> Callable[[str], str | None]:
    """A reader of a code or its label ("measure.committed") in either language."""
    words = {fold(code): code for code in codes}
    for code in codes:
        for lang in LANGUAGES:
            words.setdefault(fold(t(f"{prefix}.{code}", lang)), code)
    return lambda value: words.get(fold(value))


def _listed(code: str | None) -> list[str]:
    return [] if code is None else [code]


def _whole_or_parts(value: str, resolve: Callable[[str], list[str]]) -> list[str] | None:
    """Codes for a value, or for each comma-separated part of it ("KHM,LAO"); None if any fails."""
    codes = resolve(value)
    if codes:
        return codes
    if "," not in value:
        return None
    found: list[str] = []
    for part in filter(None, (p.strip() for p in value.split(","))):
        codes = resolve(part)
        if not codes:
            return None
        found += codes
    return found or None


def _provinces_as(
    directory: Directory, value: str, written: ProvinceList, target: ProvinceList
) -> list[str]:
    """A province parameter's value (codes of `written`) as codes of the list shown."""
    # A code belongs to the parameter's list; a name is looked for in the list shown first.
    is_code = value.strip().isdigit() or _LABEL_CODE.search(value) is not None
    province = resolve_province(directory, value, written if is_code else target)
    return [] if province is None else in_list(directory, province, target)


def _country(directory: Directory, value: str) -> str | None:
    try:
        return directory.resolve_country(value).code
    except DataProblem:
        return None


def _sector(directory: Directory, value: str) -> str | None:
    labelled = _LABEL_CODE.search(value)
    code = labelled.group(1) if labelled else value.strip()
    if code in directory.sectors:
        return code
    try:
        return directory.resolve_sector(value).code
    except DataProblem:
        return None


def _read_years(
    values: Sequence[str], available: Sequence[int], unknown: list[Unknown]
) -> tuple[int, int] | None:
    """The year range of `years=2020`, `years=2014&years=2020` or `years=2014-2020`."""
    found: list[int] = []
    for value in values:
        match = _YEAR_RANGE.match(value)
        if match is None:
            unknown.append(Unknown("years", value))
            continue
        found += [int(year) for year in match.groups() if year]
    if not found:
        return None
    low, high = min(found), max(found)
    if available:
        first, last = min(available), max(available)
        if high < first or low > last:
            unknown.append(Unknown("years", "–".join(dict.fromkeys(map(str, (low, high))))))
            return None
        low, high = max(low, first), min(high, last)
        if (low, high) == (first, last):
            return None
    return low, high


def report_year(years: Sequence[int], today: date) -> int | None:
    """The year a report is written for unless one is chosen: the last one over, else the latest."""
    return max((year for year in years if year < today.year), default=max(years, default=None))


def _read_year(
    values: Sequence[str], available: Sequence[int], unknown: list[Unknown]
) -> int | None:
    """The one year of `year=2024`, if the data has it."""
    for value in values:
        year = value.strip()
        if year.isdigit() and (not available or int(year) in available):
            return int(year)
        unknown.append(Unknown("year", value))
    return None


# Writing a link -------------------------------------------------------------------------------


def link_params(state: LinkState, page: str) -> dict[str, list[str]]:
    """The query parameters of `state` on `page`: codes only, defaults left out."""
    values: dict[str, list[str]] = {
        "lang": [state.lang] if state.lang != "vi" else [],
        "p63": ["1"] if state.legacy else [],
        "province": [] if state.legacy else list(state.provinces),
        "province63": list(state.provinces) if state.legacy else [],
        "years": [str(year) for year in state.years] if state.years else [],
        "country": list(state.countries),
        "currency": [state.currency] if state.currency != "VND" else [],
        "measure": [state.measure] if state.measure != DEFAULT_MEASURE else [],
        "sector": list(state.sectors),
        "direction": [state.direction] if state.direction else [],
        "kind": list(state.kinds),
        "year": [str(state.year)] if state.year else [],
    }
    shown = (*SHARED, *PAGE_PARAMS.get(page, ()))
    return {name: values[name] for name in PARAMS if name in shown and values[name]}
