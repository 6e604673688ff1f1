"""The notes under a chart (the 2025 reform in its years, provinces not reported) and its marks."""

from __future__ import annotations

import inspect

import pandas as pd
import streamlit as st

from charts.common import Unreported
from charts.maps import build_exchanges_vietnam_map
from charts.overview import restated_note
from datastore.filters import Filters
from datastore.models.reference import ProvinceList
from datastore.queries import gaps
from datastore.queries._base import sort_frame
from datastore.queries.reports import REFORM_YEAR, FactKind
from i18n.catalogue import Lang, t
from ui.catalog import PROVINCE, YEAR, Chart, ChartQuery, FilterField
from ui.data import query

# Who reported each kind of figure in the years of the filters. Only where and when decide it
# (datastore.queries.reports): a province with rows of other countries has reported.
_WHERE_WHEN: tuple[FilterField, ...] = ("province_list", "provinces", "year_from", "year_to")
REPORTING: dict[FactKind, ChartQuery] = {
    "members": ChartQuery(gaps.members_reporting, _WHERE_WHEN, (YEAR, PROVINCE), ()),
    "aid": ChartQuery(gaps.aid_reporting, _WHERE_WHEN, (YEAR, PROVINCE), ()),
    "exchanges": ChartQuery(gaps.exchanges_reporting, _WHERE_WHEN, (YEAR, PROVINCE), ()),
}
# The kinds of report a chart's figures come from, by the module of its query.
_KINDS: dict[str, tuple[FactKind, ...]] = {
    "datastore.queries.members": ("members",),
    "datastore.queries.aid": ("aid",),
    "datastore.queries.exchanges": ("exchanges",),
    "datastore.queries.overview": ("members", "aid", "exchanges"),
}
MAX_NAMED = 4  # provinces named in a note; more are counted
MAX_YEARS = 3  # years listed in a note; more are given as a span


def kinds_of(entry: Chart) -> tuple[FactKind, ...]:
    """The kinds of report behind a chart's figures."""
    return _KINDS.get(entry.query.function.__module__, ())


# The grids one page run has read, by kind: every chart of the run has the same filters, and
# the run's data version, so each grid is read from the query cache once a run, not per chart.
Grids = dict[FactKind, pd.DataFrame]


def reporting(
    kind: FactKind, filters: Filters, lang: Lang, grids: Grids | None = None
) -> pd.DataFrame:
    """The reporting grid of `kind` for these filters, kept in `grids` (one page run's)."""
    if grids is None:
        return query(REPORTING[kind], filters, lang)
    if kind not in grids:
        grids[kind] = query(REPORTING[kind], filters, lang)
    return grids[kind]


def drawn_years(entry: Chart, drawn: pd.DataFrame, grid: pd.DataFrame) -> set[int]:
    """The years a chart draws: the latest of a stock, otherwise every year of its kind."""
    if entry.latest_year and "year" in drawn and not drawn.empty:
        return {int(drawn["year"].max())}
    return {int(year) for year in grid["year"]}


def crosses_reform(years: set[int], kind: FactKind) -> bool:
    """Whether figures of these years sit on both sides of 1 July 2025."""
    if not years:
        return False
    first, last = min(years), max(years)
    # Exchanges are dated: 2025 alone holds both sides. Yearly reports of 2025 are the new units'.
    if kind == "exchanges":
        return first <= REFORM_YEAR <= last and (first < last or first == REFORM_YEAR)
    return first < REFORM_YEAR <= last


def not_reported(grid: pd.DataFrame, years: set[int]) -> pd.DataFrame:
    """Rows of units with no report in those years; merged old provinces are no gap."""
    missing = ~grid["reported"].astype(bool) & grid["merged_into"].isna()
    return grid[missing & grid["year"].isin(sorted(years))]


def unreported_line(gaps_of: pd.DataFrame, kind: FactKind, lang: Lang) -> str | None:
    """One line: the provinces not reported in a year (named when few), or how many in how many."""
    if gaps_of.empty:
        return None
    years = sorted(int(year) for year in gaps_of["year"].unique())
    count = int(gaps_of["province_code"].nunique())
    common = {
        "count": count,
        "kind": t(f"chart_note.kind.{kind}", lang),
        "provinces": t("chart_note.province" if count == 1 else "chart_note.provinces", lang),
    }
    if len(years) > 1:
        return t(
            "chart_note.unreported.years",
            lang,
            years=len(years),
            when=", ".join(map(str, years[:MAX_YEARS]))
            if len(years) <= MAX_YEARS
            else f"{years[0]}–{years[-1]}",
            page=t("page.completeness", lang),
            **common,
        )
    if count > MAX_NAMED:
        return t("chart_note.unreported.counted", lang, year=years[0], **common)
    names = ", ".join(str(name) for name in gaps_of["province"])
    return t("chart_note.unreported.named", lang, year=years[0], names=names, **common)


def note_lines(
    entry: Chart, filters: Filters, lang: Lang, drawn: pd.DataFrame, grids: Grids | None = None
) -> list[str]:
    """The chart's notes: the reform if its years cross it, then the reports missing, by kind."""
    lines: list[str] = []
    gap_lines: list[str] = []
    crossed = False
    for kind in kinds_of(entry):
        grid = reporting(kind, filters, lang, grids)
        years = drawn_years(entry, drawn, grid)
        crossed = crossed or crosses_reform(years, kind)
        line = unreported_line(not_reported(grid, years), kind, lang)
        if line:
            gap_lines.append(line)
    if crossed:
        lines.append(t(f"chart_note.reform.{ProvinceList(filters.province_list).value}", lang))
    restated = restated_note(drawn, lang)
    if restated:
        lines.append(restated)
    return lines + _reform63_lines(entry, filters, lang, drawn, grids) + gap_lines


def _reform63_lines(
    entry: Chart, filters: Filters, lang: Lang, drawn: pd.DataFrame, grids: Grids | None
) -> list[str]:
    """63 view: chosen old provinces whose later figures are a new unit's; new units on a map."""
    if ProvinceList(filters.province_list) is not ProvinceList.LEGACY:
        return []
    lines: list[str] = []
    for kind in kinds_of(entry):
        grid = reporting(kind, filters, lang, grids)
        after = grid[(grid["year"] >= REFORM_YEAR) & grid["successor"].notna()]
        if filters.provinces and not after.empty:
            olds = after.drop_duplicates("province_code")
            line = t(
                "reform63.chosen",
                lang,
                names=", ".join(str(name) for name in olds["province"]),
                units=", ".join(dict.fromkeys(str(unit) for unit in olds["successor"])),
            )
            if line not in lines:
                lines.append(line)
        if entry.build is build_exchanges_vietnam_map and "province" in drawn:
            # A new unit has no shape among the 63: its circle stands at its own centre.
            known = set(grid["province"])
            new_units = [str(n) for n in drawn["province"] if n not in known]
            if new_units:
                lines.append(t("reform63.map", lang, names=_named(new_units)))
    return lines


def _named(names: list[str]) -> str:
    """The first few names, and how many more."""
    shown = ", ".join(names[:MAX_NAMED])
    return shown if len(names) <= MAX_NAMED else f"{shown} (+{len(names) - MAX_NAMED})"


def marks(
    entry: Chart, filters: Filters, lang: Lang, drawn: pd.DataFrame, grids: Grids | None = None
) -> tuple[Unreported, ...]:
    """Chosen provinces the chart would leave out for want of any report in the years it draws."""
    kinds = kinds_of(entry)
    takes_marks = "not_reported" in inspect.signature(entry.build).parameters
    if not filters.provinces or not takes_marks or len(kinds) != 1:
        return ()
    grid = reporting(kinds[0], filters, lang, grids)
    years = drawn_years(entry, drawn, grid)
    shown = set(drawn["province_code"]) if "province_code" in drawn else set()
    rows = grid[grid["year"].isin(sorted(years)) & ~grid["province_code"].isin(shown)]
    found: list[Unreported] = []
    for (code, name), of_unit in rows.groupby(["province_code", "province"], sort=False):
        if of_unit["reported"].astype(bool).any():
            continue
        merged = of_unit["merged_into"].dropna()
        first = of_unit.iloc[0]
        # Merged on 1 July 2025: its figures are its new unit's, which is no gap of its own.
        word = t("reform63.merged_into", lang, unit=merged.iloc[0]) if len(merged) else None
        found.append(
            Unreported(
                str(code),
                str(name),
                _coordinate(first["latitude"]),
                _coordinate(first["longitude"]),
                word,
            )
        )
    return tuple(found)


def _coordinate(value: float) -> float | None:
    """A latitude or longitude, None where the unit has none."""
    return None if pd.isna(value) else float(value)


def with_unreported(rows: pd.DataFrame, found: tuple[Unreported, ...]) -> pd.DataFrame:
    """The drawn rows and one row per mark, its figures missing: what the chart's CSV holds."""
    if not found:
        return rows
    added = pd.DataFrame(
        {
            "province_code": [mark.code for mark in found],
            "province": [mark.name for mark in found],
        }
    )
    if "year" in rows and not rows.empty:
        added["year"] = int(rows["year"].max())
    return pd.concat([rows, added], ignore_index=True)


def table_with_unreported(
    table: pd.DataFrame, filters: Filters, lang: Lang, kind: FactKind
) -> pd.DataFrame:
    """A province-by-year table with a row for each province and year with no report.

    Also for an old province merged on 1 July 2025 (63 view), whose row says so (`gap_words`).
    A table the filters leave empty stays empty: "no data" says more than rows of gaps alone.
    """
    if table.empty:
        return table
    grid = reporting(kind, filters, lang)
    missing = grid[~grid["reported"].astype(bool)]
    if missing.empty:
        return table
    added = missing[["year", "province_code", "province"]]
    joined = pd.concat([table, added], ignore_index=True)
    for column in table.columns:
        if column != "year" and pd.api.types.is_numeric_dtype(table[column]):
            # NaN, which the table shows as "not reported" and the CSV as an empty cell.
            joined[column] = joined[column].astype(float)
    return sort_frame(joined, ["province", "year"])


def gap_words(table: pd.DataFrame, filters: Filters, lang: Lang, kind: FactKind) -> list[str]:
    """What each row's missing figures say: "not reported", or "merged into X on 1 Jul 2025"."""
    grid = reporting(kind, filters, lang)
    merged = grid[grid["merged_into"].notna()]
    into = {
        (int(year), str(code), str(name)): str(unit)
        for year, code, name, unit in merged[
            ["year", "province_code", "province", "merged_into"]
        ].itertuples(index=False, name=None)
    }
    word = t("chart_note.mark", lang)
    keys = zip(
        table["year"].astype(int),
        table["province_code"].astype(str),
        table["province"].astype(str),
        strict=True,
    )
    return [
        t("reform63.merged_into", lang, unit=into[key]) if key in into else word for key in keys
    ]


def show_notes(lines: list[str], shown: set[str]) -> None:
    """The lines as captions, each once a page: a later chart leaves out what one above said."""
    for line in lines:
        if line not in shown:
            shown.add(line)
            st.caption(line)
