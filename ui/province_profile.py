"""The province profile: which province, its union, associations, charts, rank and sources."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import streamlit as st
from babel.lists import format_list

from datastore.filters import Filters
from datastore.models.facts import Measure
from datastore.models.reference import ProvinceList
from datastore.queries import list_provinces, list_years, profile
from datastore.queries.ranks import RANK_METRICS, Ranking, rankings
from i18n.catalogue import Lang, t
from i18n.formatting import Currency, format_day, format_money, format_number, quote, with_code
from ui import address_bar, catalog
from ui.aid_notes import show_aid_notes
from ui.auth import escape_markdown
from ui.data import lookup
from ui.page_filters import chosen_currency
from ui.profile_sources import founding_text, source_text
from ui.render import View, chart

_PICKED = "profile_pick"


def _list_key(province_list: ProvinceList) -> str:
    """The shared province picker's key for a list (ui/sidebar.py)."""
    return "province63" if province_list is ProvinceList.LEGACY else "province"


def _pick(widget_key: str, list_key: str) -> None:
    """The page's picker chose a province: it becomes the shared filter, so the link says it."""
    code = st.session_state.get(widget_key)
    st.session_state[list_key] = [code] if code else []


def profile_url(code: str, province_list: ProvinceList, lang: Lang) -> str:
    """The profile page's link for a province of a list, as a hand-typed link would read."""
    legacy = ProvinceList(province_list) is ProvinceList.LEGACY
    params = {"p63": "1", "province63": code} if legacy else {"province": code}
    if lang != "vi":
        params["lang"] = lang
    return f"province?{urlencode(params)}"


def profile_links(
    table: pd.DataFrame, codes: pd.Series, province_list: ProvinceList, lang: Lang
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """`table` with a link to each row's province profile after its first column, and its look."""
    column = t("profile.link_column", lang)
    linked = table.copy()
    linked.insert(1, column, [profile_url(str(code), province_list, lang) for code in codes])
    look = st.column_config.LinkColumn(column, display_text=t("profile.link_text", lang))
    return linked, {column: look}


def choose_province(filters: Filters, lang: Lang) -> tuple[str, str] | None:
    """The province to profile (code, name), with its picker; None with a prompt instead.

    The profile follows the shared province filter (a link's `province=` or the sidebar), so
    it is the user's own province when one is chosen; several chosen ask for one.
    """
    provinces: pd.DataFrame = lookup(list_provinces, province_list=filters.province_list, lang=lang)
    names = dict(zip(provinces["code"], provinces["name"], strict=True))
    current = filters.provinces[0] if len(filters.provinces) == 1 else None
    list_key = _list_key(ProvinceList(filters.province_list))
    # A new key whenever the shared choice changes, so the picker shows that choice.
    widget_key = f"{_PICKED}_{filters.province_list.value}_{current or ''}"
    st.selectbox(
        t("profile.picker", lang, count=len(names)),
        options=list(names),
        index=list(names).index(current) if current in names else None,
        format_func=lambda code: with_code(names[code], code),
        placeholder=t("profile.picker_placeholder", lang),
        key=widget_key,
        on_change=_pick,
        args=(widget_key, list_key),
    )
    unknown = address_bar.unknown_values("province", "province63")
    if unknown:
        values = ", ".join(escape_markdown(quote(value)) for value in unknown)
        st.error(t("profile.unknown", lang, values=values, count=len(names)))
    if current is None:
        key = "profile.several" if filters.provinces else "profile.pick_one"
        st.info(t(key, lang, count=len(filters.provinces)))
        return None
    return current, str(names[current])


def show_profile(filters: Filters, code: str, name: str, lang: Lang) -> None:
    """Every section of the profile of one province, in the order a yearly report has them."""
    one = filters.with_(provinces=(code,), measure=Measure.DISBURSED.value)
    st.header(with_code(name, code))
    _reform_caption(one, lang)
    _union_section(one, lang)
    _associations_section(one, lang)
    _aid_section(one, lang)
    _exchanges_section(one, lang)
    _rank_section(one, code, lang)
    _documented_section(one, lang)


def _reform_caption(filters: Filters, lang: Lang) -> None:
    """Which old provinces make the unit up (34 view) or which unit the old one is in (63)."""
    reform: pd.DataFrame = lookup(profile.reform, filters=filters, lang=lang)
    if reform.empty:
        return
    if ProvinceList(filters.province_list) is ProvinceList.LEGACY:
        row = reform.iloc[0]
        text = t("profile.now_in", lang, unit=with_code(row["unit_name"], row["unit_code"]))
    else:
        pairs = zip(reform["old_name"], reform["old_code"], strict=True)
        olds = [with_code(old_name, old_code) for old_name, old_code in pairs]
        text = t("profile.merged_from", lang, names=format_list(olds, locale=lang))
    st.caption(text)


def _union_section(filters: Filters, lang: Lang) -> None:
    """The provincial union(s): founding date with its source, then congresses on record."""
    st.subheader(t("profile.union", lang))
    unions: pd.DataFrame = lookup(profile.provincial_unions, filters=filters, lang=lang)
    if unions.empty:
        st.markdown(t("profile.no_union", lang))
    for row in unions.itertuples():
        st.markdown(
            t(
                "profile.union_line",
                lang,
                name=escape_markdown(str(row.name)),
                founded=founding_text(row.founded_on, str(row.source), lang),
                place=escape_markdown(str(row.reported_in)),
            )
        )
        st.caption(source_text(str(row.source), lang))
    # The documented facts the profile's last section shows, read once for both.
    facts: pd.DataFrame = lookup(profile.documented_facts, filters=filters, lang=lang)
    held = profile.congresses(facts)
    st.markdown(f"**{t('profile.congresses', lang)}**")
    if held.empty:
        st.markdown(t("profile.no_congress", lang))
    for row in held.itertuples():
        day = format_day(row.on) if isinstance(row.on, date) else str(row.year)
        st.markdown(f"- {day}: {escape_markdown(str(row.name))}")
        st.caption(source_text(str(row.source), lang))


def _associations_section(filters: Filters, lang: Lang) -> None:
    """Each association with partner, district, founding, latest members, lineage, source."""
    st.subheader(t("profile.associations", lang))
    found: pd.DataFrame = lookup(profile.associations, filters=filters, lang=lang)
    if found.empty:
        st.markdown(t("profile.no_associations", lang))
    else:
        missing = t("chart_note.mark", lang)
        table = pd.DataFrame(
            {
                t("profile.col.name", lang): found["name"],
                t("profile.col.country", lang): found["country"].fillna("–"),
                t("profile.col.district", lang): found["district"].fillna("–"),
                t("profile.col.founded", lang): [
                    format_day(d) if isinstance(d, date) else missing for d in found["founded_on"]
                ],
                t("profile.col.members", lang): _counts(found["members"], lang, missing),
                t("profile.col.chapters", lang): _counts(found["chapters"], lang, missing),
                t("profile.col.year", lang): [
                    missing if pd.isna(y) else str(int(y)) for y in found["year"]
                ],
                t("profile.col.succeeds", lang): found["succeeds"],
                t("profile.col.succeeded_by", lang): found["succeeded_by"],
                t("profile.col.source", lang): [
                    source_text(str(s), lang, markdown=False) for s in found["source"]
                ],
            }
        )
        st.caption(t("profile.associations_note", lang, count=len(found)))
        st.dataframe(table, hide_index=True, key="profile_associations")
        _association_years(filters, lang, missing)
    view = View(lang, filters)
    chart(view, catalog.MEMBERS_BY_YEAR_CHART)
    chart(view, catalog.MEMBERS_BY_PARTNER_COUNTRY_CHART)


def _association_years(filters: Filters, lang: Lang, missing: str) -> None:
    """Members and chapters of each association, one column per year, gaps as not reported."""
    years: pd.DataFrame = lookup(profile.association_years, filters=filters, lang=lang)
    if years.empty:
        return
    with st.expander(t("profile.association_years", lang)):
        for column, label in (
            ("members", "profile.col.members"),
            ("chapters", "profile.col.chapters"),
        ):
            st.markdown(f"**{t(label, lang)}**")
            st.dataframe(
                year_grid(years, column, lang, missing), hide_index=True, key=f"profile_{column}"
            )


def year_grid(years: pd.DataFrame, column: str, lang: Lang, missing: str) -> pd.DataFrame:
    """One row per association, one text column per year: its figure, or `missing`."""
    wide = years.pivot(index="organization_id", columns="year", values=column)
    names = years.drop_duplicates("organization_id").set_index("organization_id")["name"]
    grid = pd.DataFrame({t("profile.col.name", lang): names})
    for year in sorted(wide.columns):
        cells = wide[year].reindex(names.index)
        # Text cells: a year without a report reads as such, never as an empty or 0.
        grid[str(year)] = _counts(cells, lang, missing)
    return grid


def _counts(values: pd.Series, lang: Lang, missing: str) -> list[str]:
    return [missing if pd.isna(v) else format_number(float(v), lang) for v in values]


def _aid_section(filters: Filters, lang: Lang) -> None:
    """Foreign NGO aid: committed against disbursed, then disbursed by sector and by donor."""
    st.subheader(t("profile.aid", lang))
    currency: Currency = chosen_currency()
    view = View(lang, filters)
    chart(view, catalog.AID_COMMITTED_VS_DISBURSED_CHART, currency=currency)
    show_aid_notes(filters, lang=lang, currency=currency)
    chart(view, catalog.AID_BY_SECTOR_CHART, currency=currency)
    chart(view, catalog.AID_BY_DONOR_COUNTRY_CHART, currency=currency)


def _exchanges_section(filters: Filters, lang: Lang) -> None:
    """Exchanges by year and direction, by partner country and by partner locality."""
    st.subheader(t("profile.exchanges", lang))
    view = View(lang, filters)
    chart(view, catalog.EXCHANGES_BY_YEAR_AND_DIRECTION_CHART)
    chart(view, catalog.EXCHANGES_BY_PARTNER_COUNTRY_CHART)
    chart(view, catalog.EXCHANGES_TOP_LOCALITIES)


def rank_year(filters: Filters, years: list[int], today: date) -> tuple[int | None, bool]:
    """The year to rank: the last chosen, or the last finished one if that is not over yet.

    The second value says whether an unfinished year was passed over.
    """
    last = filters.year_to if filters.year_to is not None else max(years, default=None)
    if last is None:
        return None, False
    first = filters.year_from if filters.year_from is not None else min(years, default=last)
    finished = today.year - 1
    if last > finished >= first:
        return finished, True
    return last, False


def _rank_section(filters: Filters, code: str, lang: Lang) -> None:
    """The province's place among the units of its list in one year, and the median."""
    year, passed_over = rank_year(filters, lookup(list_years), date.today())
    if year is None:
        return
    province_list = ProvinceList(filters.province_list)
    ranks: dict[str, Ranking] = lookup(rankings, year=year, province_list=province_list)
    units = len(ranks[RANK_METRICS[0]].units)
    st.subheader(t("profile.rank", lang, year=year, count=units))
    missing = t("chart_note.mark", lang)
    rows = []
    for metric in RANK_METRICS:
        ranking = ranks[metric]
        unit = ranking.of(code)
        rows.append(
            {
                t("profile.col.figure", lang): t(f"profile.metric.{metric}", lang),
                t("profile.col.value", lang): _value(metric, unit.value, lang, missing),
                t("profile.col.rank", lang): (
                    missing
                    if unit.rank is None
                    else t("profile.rank_of", lang, rank=unit.rank, ranked=ranking.ranked)
                ),
                t("profile.col.median", lang): _value(metric, ranking.median, lang, missing),
            }
        )
    st.dataframe(pd.DataFrame(rows), hide_index=True, key="profile_rank")
    note = t("profile.rank_note", lang, year=year)
    if passed_over:
        note = f"{t('profile.rank_unfinished', lang, year=year + 1)} {note}"
    st.caption(note)


def _value(metric: str, value: float | None, lang: Lang, missing: str) -> str:
    """A ranked figure: a count (its unit is in the figure's name) or an amount with its unit."""
    if value is None:
        return missing
    if metric == "aid_committed":
        return format_money(value, "VND", lang)
    return format_number(value, lang)


def _documented_section(filters: Filters, lang: Lang) -> None:
    """Every fact an article states about the province, with the article it comes from."""
    st.subheader(t("profile.documented", lang))
    facts: pd.DataFrame = lookup(profile.documented_facts, filters=filters, lang=lang)
    if facts.empty:
        st.markdown(t("profile.no_documented", lang))
        return
    st.caption(t("profile.documented_note", lang, count=len(facts)))
    not_stated = t("profile.not_stated", lang)
    # A list, not a table: titles run long and must be read whole, on a phone too.
    lines = []
    for row in facts.to_dict("records"):
        when = format_day(row["on"]) if isinstance(row["on"], date) else str(int(row["year"]))
        record = str(row["record"])
        figure = _stated(record, row["figure"], row["unit"], lang, not_stated)
        parts = [
            f"**{when}** · {t(f'profile.record.{record}', lang)}: "
            f"{escape_markdown(str(row['name']))}",
            *([f"{t('profile.col.figure_stated', lang)}: {figure}"] if figure else []),
            f"_{source_text(str(row['source']), lang)}_",
        ]
        lines.append("- " + " — ".join(parts))
    st.markdown("\n".join(lines))


def _stated(record: str, figure: float | None, unit: str | None, lang: Lang, none: str) -> str:
    """The number a documented row states, with its unit, or that it states none."""
    if record == "organization":
        return ""
    if figure is None or pd.isna(figure):
        return none
    if record == "aid":
        return format_money(float(figure), "USD" if unit == "USD" else "VND", lang)
    return t("profile.unit.people", lang, count=format_number(float(figure), lang))
