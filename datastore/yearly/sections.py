"""The report's sections as the unions write them: organisation, exchanges, foreign NGO aid.

Every change is the headline's (queries.comparisons): members and associations restated on the
year's organisations, the other figures on the units that reported both years, a year not over
compared on the same days (exchanges) or not at all (yearly figures).
"""

from __future__ import annotations

import pandas as pd

from datastore.queries import exchanges as exchange_queries
from datastore.queries import members as member_queries
from datastore.queries.reports import REFORM_YEAR
from datastore.yearly import context, records
from datastore.yearly.context import Context
from datastore.yearly.document import ReportChart, ReportTable, Section
from datastore.yearly.figures import clause, counts, figure
from datastore.yearly.sources import article_title
from i18n.catalogue import Lang, t
from i18n.formatting import format_day, format_number

COVID_YEARS = range(2020, 2023)  # a change from or into these years meets closed borders
NAMED_NEW = 10  # new associations are named up to this many (a province's), else counted
# The exchanges by partner country as the overview draws them: the ten partners with most
# exchanges fit a page, where all forty would not (ui.catalog's "overview_top_partners").
TOP_PARTNERS_CHART = "overview_top_partners"


def reform_notes(ctx: Context) -> tuple[str, ...]:
    """The note of a change across the 2025 reform: the year before restated on the new units."""
    return (t("yearly.note.reform", ctx.lang),) if ctx.year == REFORM_YEAR else ()


def covid(year: int, lang: Lang) -> tuple[str, ...]:
    """The note of a change of exchanges that meets the years of closed borders."""
    return (t("yearly.note.covid", lang),) if year in COVID_YEARS else ()


def drawn(
    ctx: Context, wanted: tuple[tuple[ReportChart, pd.DataFrame, str], ...]
) -> tuple[tuple[ReportChart, ...], tuple[str, ...]]:
    """The charts with something to draw, and a sentence for each left out: nothing to draw."""
    charts: list[ReportChart] = []
    said: list[str] = []
    for chart, rows, title_key in wanted:
        if rows.empty:
            low, high = chart.filters.year_from, chart.filters.year_to
            years = str(high) if low == high else f"{low}–{high}"
            title = t(title_key, ctx.lang)
            said.append(t("yearly.chart.nothing", ctx.lang, title=title, years=years))
        else:
            charts.append(chart)
    return tuple(charts), tuple(said)


def organisation(ctx: Context) -> Section:
    """Associations, members and chapters, the associations founded and merged in the year."""
    lang, year = ctx.lang, ctx.year
    members, associations = ctx.change("members"), ctx.change("associations")
    chapters = context.chapters(ctx)
    reform = reform_notes(ctx)
    show = counts(lang)
    figures = (
        figure(
            t("yearly.figure.associations", lang),
            associations,
            lang=lang,
            year=year,
            show=show,
            compare_notes=reform,
        ),
        figure(
            t("yearly.figure.members", lang),
            members,
            lang=lang,
            year=year,
            show=show,
            compare_notes=reform,
        ),
        figure(
            t("yearly.figure.chapters", lang),
            chapters,
            lang=lang,
            year=year,
            show=show,
            compare_notes=reform,
        ),
    )
    if members.value is None:
        paragraphs = [ctx.absent("yearly.organisation.missing", members)]
    else:
        paragraphs = [
            t(
                "yearly.organisation.text",
                lang,
                year=year,
                body=ctx.body,
                associations=show(associations.value),
                members=show(members.value),
                chapters=show(chapters.value),
                change=clause(members, lang, year, t("yearly.subject.members", lang), (), reform),
            )
        ]
    founded = records.new_associations(ctx.session, ctx.where, year)
    if len(founded) > NAMED_NEW:
        paragraphs.append(
            t("yearly.organisation.new_many", lang, year=year, count=show(len(founded)))
        )
    elif founded:
        paragraphs.append(
            t(
                "yearly.organisation.new",
                lang,
                year=year,
                count=show(len(founded)),
                names="; ".join(founded),
            )
        )
    predecessors, successors = records.successions(ctx.session, ctx.where, year)
    if predecessors:
        paragraphs.append(
            t(
                "yearly.organisation.lineage",
                lang,
                predecessors=show(predecessors),
                successors=show(successors),
                previous_year=year - 1,
            )
        )
    trend = ctx.trend()
    rows = member_queries.members_by_year(session=ctx.session, filters=trend, lang=lang)
    charts, nothing = drawn(
        ctx, ((ReportChart("members_by_year", trend), rows, "chart.members_by_year.title"),)
    )
    paragraphs += nothing
    return Section(t("yearly.heading.organisation", lang), tuple(paragraphs), figures, (), charts)


def exchanges(ctx: Context) -> Section:
    """Delegations in and out, people, partner countries and localities, the notable events."""
    lang, year, show = ctx.lang, ctx.year, counts(ctx.lang)
    splits = records.exchange_splits(ctx.session, ctx.filters, ctx.units, ctx.through)
    total = ctx.change("exchanges")
    changes = {
        name: ctx.compare("exchanges", "exchanges", splits.get(name, {}))
        for name in ("incoming", "outgoing", "participants", "incoming_people", "outgoing_people")
    }
    # The closed borders are said once, in the sentence that compares; not in every figure.
    notes = reform_notes(ctx)
    figures = tuple(
        figure(
            t(f"yearly.figure.{name}", lang),
            change,
            lang=lang,
            year=year,
            show=show,
            compare_notes=notes,
        )
        for name, change in (
            ("exchanges", total),
            *((name, changes[name]) for name in ("incoming", "outgoing", "participants")),
        )
    )
    paragraphs: list[str] = []
    tables: list[ReportTable] = []
    partners = exchange_queries.exchanges_by_partner_country(
        session=ctx.session, filters=ctx.one_year(), lang=lang
    ).sort_values("exchanges", ascending=False, kind="stable")
    if total.value is None:
        paragraphs.append(ctx.absent("yearly.exchanges.missing", total))
    else:
        paragraphs.append(
            t(
                "yearly.exchanges.text",
                lang,
                year=year,
                body=ctx.body,
                incoming=show(changes["incoming"].value or 0),
                incoming_people=show(changes["incoming_people"].value or 0),
                outgoing=show(changes["outgoing"].value or 0),
                outgoing_people=show(changes["outgoing_people"].value or 0),
                exchanges=show(total.value),
                change=clause(
                    total,
                    lang,
                    year,
                    t("yearly.subject.exchanges", lang),
                    (),
                    (*notes, *covid(year, lang)),
                ),
            )
        )
        if not partners.empty:
            top = ", ".join(partners["country"].head(3))
            paragraphs.append(
                t(
                    "yearly.exchanges.partners",
                    lang,
                    year=year,
                    countries=show(len(partners)),
                    top=top,
                )
            )
            tables.append(_partner_table(partners.head(10), lang))
        localities = exchange_queries.exchanges_by_partner_locality(
            session=ctx.session, filters=ctx.one_year(), lang=lang, limit=5
        )
        if not localities.empty:
            named = ", ".join(
                f"{locality} ({country})" if country else str(locality)
                for locality, country in zip(
                    localities["partner_locality"], localities["country"], strict=True
                )
            )
            paragraphs.append(t("yearly.exchanges.localities", lang, year=year, localities=named))
    events = records.documented_events(ctx.session, ctx.one_year())
    if events:
        paragraphs.append(t("yearly.exchanges.events", lang, year=year))
        paragraphs += [
            t(
                "yearly.exchanges.event",
                lang,
                day=format_day(day),
                province=place,
                title=title.rstrip("."),
                source=article_title(source, lang),
            )
            for day, place, title, source in events
        ]
    trend = ctx.trend()
    by_year = exchange_queries.exchanges_by_year_and_direction(
        session=ctx.session, filters=trend, lang=lang
    )
    charts, nothing = drawn(
        ctx,
        (
            (
                ReportChart("exchanges_by_year_and_direction", trend),
                by_year,
                "chart.exchanges_by_year_and_direction.title",
            ),
            (
                ReportChart(TOP_PARTNERS_CHART, ctx.one_year()),
                partners,
                "chart.exchanges_by_partner_country.title",
            ),
        ),
    )
    paragraphs += nothing
    return Section(
        t("yearly.heading.exchanges", lang), tuple(paragraphs), figures, tuple(tables), charts
    )


def _partner_table(partners: pd.DataFrame, lang: Lang) -> ReportTable:
    return ReportTable(
        caption=t("yearly.table.partners", lang),
        header=(
            t("yearly.column.country", lang),
            t("yearly.column.exchanges", lang),
            t("yearly.column.participants", lang),
        ),
        rows=tuple(
            (str(country), format_number(float(count), lang), format_number(float(people), lang))
            for country, count, people in zip(
                partners["country"], partners["exchanges"], partners["participants"], strict=True
            )
        ),
        numeric=(False, True, True),
    )
