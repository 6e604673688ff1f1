"""The yearly report of one province (or the nation) drafted from the data: `build_report`."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from datastore.filters import Filters
from datastore.models.reference import ProvinceList
from datastore.queries.comparisons import headline
from datastore.queries.ranks import RANK_METRICS, Ranking, rankings
from datastore.queries.reports import ReportingUnits
from datastore.yearly import records
from datastore.yearly.aid_section import aid
from datastore.yearly.context import Context
from datastore.yearly.document import Letterhead, ReportTable, Section, YearlyReport
from datastore.yearly.sections import exchanges, organisation
from datastore.yearly.sources import report_sources
from i18n.catalogue import Lang, as_lang, t
from i18n.formatting import format_money, format_number


def build_report(
    session: Session,
    *,
    province_list: ProvinceList,
    province: str | None,
    year: int,
    lang: Lang,
    issued_on: date,
) -> YearlyReport:
    """The draft report of `province` (a GSO code of `province_list`; None: the nation) for `year`.

    Figures are compared with the year before as the dashboard's headline compares them; a year
    not over on `issued_on` is marked so. ValueError for a code the list does not hold.
    """
    as_lang(lang)
    province_list = ProvinceList(province_list)
    where = records.place(session, province_list, province)
    filters = Filters(
        province_list=province_list,
        provinces=(province,) if province is not None else (),
        year_from=year - 1,
        year_to=year,
    )
    # The report year alone: a headline over two years would fall back on the full one.
    found = headline(
        session=session, filters=filters.with_(year_from=year), lang=lang, today=issued_on
    )
    assert found is not None and found.year == year  # a chosen year is always its headline
    # The recorded name is Vietnamese: an English report names the union in English.
    union = records.union_name(session, where) if lang == "vi" else None
    body = union or _default_union(where, lang)
    ctx = Context(
        session=session,
        lang=lang,
        year=year,
        where=where,
        body=body,
        filters=filters,
        units=ReportingUnits.load(session=session, filters=filters),
        headline=found,
        complete=year < issued_on.year,
        issued_on=issued_on,
    )
    sections = (organisation(ctx), exchanges(ctx), aid(ctx), _rank(ctx))
    national = province is None
    return YearlyReport(
        lang=lang,
        province_list=province_list,
        province=province,
        year=year,
        letterhead=Letterhead(
            parent_body="",
            issuing_body=body.upper(),
            place=t("yearly.capital", lang) if national else where.name,
            issued_on=issued_on,
        ),
        title=t("yearly.title", lang),
        subtitle=t("yearly.subtitle", lang, year=year),
        sections=sections,
        sources=report_sources(session, filters, lang),
        recipients=tuple(
            t("yearly.recipients.national" if national else "yearly.recipients", lang).split("\n")
        ),
        signer=tuple(t("yearly.signer", lang).split("\n")),
    )


def _default_union(where: records.Place, lang: Lang) -> str:
    """The union's usual name where none is recorded."""
    if where.code is None:
        return t("yearly.national_union", lang)
    # "Liên hiệp các tổ chức hữu nghị tỉnh Đồng Nai": the kind of unit in lower case.
    name = where.full_name[:1].lower() + where.full_name[1:] if lang == "vi" else where.name
    return t("yearly.provincial_union", lang, province=name)


def _show(metric: str, value: float | None, lang: Lang) -> str:
    if metric == "aid_committed":
        return format_money(value, "VND", lang)
    return format_number(value, lang)


def _said(metric: str, value: float | None, lang: Lang) -> str:
    """A ranked figure as a sentence says it, with its unit: '14.120 hội viên'."""
    if metric == "aid_committed":
        return _show(metric, value, lang)
    return t(f"yearly.rank.count.{metric}", lang, value=format_number(value, lang))


def _rank(ctx: Context) -> Section:
    """The unit's place among the units of its list on members, aid committed and exchanges."""
    lang = ctx.lang
    ranked = rankings(session=ctx.session, year=ctx.year, province_list=ctx.where.province_list)
    size = len(next(iter(ranked.values())).units)
    paragraphs = [_rank_sentence(ctx, ranked[metric]) for metric in RANK_METRICS]
    rows = []
    for metric in RANK_METRICS:
        ranking = ranked[metric]
        name = t(f"yearly.rank.metric.{metric}", lang)
        median = _show(metric, ranking.median, lang)
        if ctx.where.code is None:
            for unit in ranking.units[:3]:
                if unit.rank is not None:
                    rows.append(
                        (
                            f"{name}: {unit.name}",
                            _show(metric, unit.value, lang),
                            str(unit.rank),
                            median,
                        )
                    )
            continue
        unit = ranking.of(ctx.where.code)
        rank = (
            f"{unit.rank}/{ranking.ranked}"
            if unit.rank is not None
            else t("yearly.not_reported", lang)
        )
        value = _show(metric, unit.value, lang) if unit.rank is not None else rank
        rows.append((name, value, rank, median))
    table = ReportTable(
        caption=t("yearly.table.rank", lang, units=size),
        header=(
            t("yearly.column.metric", lang),
            t("yearly.column.value", lang),
            t("yearly.column.rank", lang),
            t("yearly.column.median", lang),
        ),
        rows=tuple(rows),
        numeric=(False, True, True, True),
    )
    return Section(t("yearly.heading.rank", lang, units=size), tuple(paragraphs), (), (table,))


def _rank_sentence(ctx: Context, ranking: Ranking) -> str:
    lang, metric = ctx.lang, ranking.metric
    name = t(f"yearly.rank.metric.{metric}", lang)
    median = _said(metric, ranking.median, lang)
    if ranking.ranked == 0:
        return t("yearly.rank.nobody", lang, year=ctx.year, metric=name)
    if ctx.where.code is None:
        top = ", ".join(
            f"{unit.name} ({_said(metric, unit.value, lang)})"
            for unit in ranking.units[:3]
            if unit.rank is not None
        )
        return t(
            "yearly.rank.national",
            lang,
            year=ctx.year,
            metric=name,
            ranked=ranking.ranked,
            units=len(ranking.units),
            median=median,
            top=top,
        )
    unit = ranking.of(ctx.where.code)
    if unit.rank is None:
        return t(
            "yearly.rank.missing",
            lang,
            year=ctx.year,
            metric=name,
            province=unit.name,
            ranked=ranking.ranked,
            median=median,
        )
    return t(
        "yearly.rank.text",
        lang,
        year=ctx.year,
        metric=name,
        province=unit.name,
        rank=unit.rank,
        ranked=ranking.ranked,
        value=_said(metric, unit.value, lang),
        median=median,
    )
