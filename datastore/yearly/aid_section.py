"""The yearly report's foreign NGO aid section: committed and disbursed, by sector and donor."""

from __future__ import annotations

import pandas as pd

from datastore.queries import aid as aid_queries
from datastore.queries.aid_notes import aid_notes
from datastore.yearly import records
from datastore.yearly.context import Context
from datastore.yearly.document import ReportChart, ReportTable, Section
from datastore.yearly.figures import Format, clause, figure
from datastore.yearly.sections import drawn, reform_notes
from i18n.catalogue import t
from i18n.formatting import Currency, format_number


def aid(ctx: Context) -> Section:
    """Committed and disbursed foreign NGO aid in VND and USD, by sector and donor; others apart."""
    lang, year = ctx.lang, ctx.year
    splits = records.aid_splits(ctx.session, ctx.filters, ctx.units)
    changes = {
        name: ctx.compare("aid_disbursed", "aid", splits.get(name, {}))
        for name in ("committed_vnd", "disbursed_vnd", "committed_usd", "disbursed_usd")
    }
    notes = aid_notes(session=ctx.session, filters=ctx.one_year(), lang=lang)
    multi = notes[notes["note"] == "multi_year"]
    cumulative = (
        (
            t(
                "yearly.note.multi_year",
                lang,
                count=format_number(len(multi), lang),
                amount=ctx.money(float(multi["amount"].sum())),
            ),
        )
        if len(multi)
        else ()
    )
    figures = tuple(
        figure(
            t(f"yearly.figure.{name}", lang),
            change,
            lang=lang,
            year=year,
            show=_money_of(ctx, "USD" if name.endswith("usd") else "VND"),
            notes=cumulative,
            compare_notes=reform_notes(ctx),
        )
        for name, change in changes.items()
    )
    paragraphs: list[str] = []
    tables: list[ReportTable] = []
    committed, disbursed = changes["committed_vnd"], changes["disbursed_vnd"]
    if committed.value is None:
        paragraphs.append(ctx.absent("yearly.aid.missing", committed))
    else:
        paragraphs.append(
            t(
                "yearly.aid.text",
                lang,
                year=year,
                body=ctx.body,
                committed=ctx.money(committed.value),
                committed_usd=ctx.money(changes["committed_usd"].value, "USD"),
                disbursed=ctx.money(disbursed.value),
                disbursed_usd=ctx.money(changes["disbursed_usd"].value, "USD"),
                change=clause(
                    disbursed,
                    lang,
                    year,
                    t("yearly.subject.disbursed", lang),
                    cumulative,
                    reform_notes(ctx),
                ),
            )
        )
        sectors = _by_measure(ctx, aid_queries.aid_by_sector, "sector")
        if not sectors.empty:
            top = sectors[sectors["disbursed"] > 0].sort_values(
                "disbursed", ascending=False, kind="stable"
            )
            if not top.empty:
                paragraphs.append(
                    t(
                        "yearly.aid.sectors",
                        lang,
                        year=year,
                        sectors=", ".join(top["sector"].head(3)),
                    )
                )
            tables.append(_aid_table(ctx, sectors, "yearly.table.sectors", "yearly.column.sector"))
        donors = _by_measure(ctx, aid_queries.aid_by_donor_country, "country")
        if not donors.empty:
            tables.append(_aid_table(ctx, donors, "yearly.table.donors", "yearly.column.country"))
    others = records.other_aid(ctx.session, ctx.one_year())
    if others:
        paragraphs.append(t("yearly.aid.domestic", lang, year=year, amount=ctx.money(others)))
    trend, disbursed_only = ctx.trend(), ctx.one_year().with_(measure="disbursed")
    over_years = aid_queries.aid_committed_vs_disbursed(
        session=ctx.session, filters=trend, lang=lang
    )
    by_sector = aid_queries.aid_by_sector(session=ctx.session, filters=disbursed_only, lang=lang)
    charts, nothing = drawn(
        ctx,
        (
            (
                ReportChart("aid_committed_vs_disbursed", trend, "VND"),
                over_years,
                "chart.aid_committed_vs_disbursed.title",
            ),
            (
                ReportChart("aid_by_sector", disbursed_only, "VND"),
                by_sector,
                "chart.aid_by_sector.title",
            ),
        ),
    )
    paragraphs += nothing
    return Section(t("yearly.heading.aid", lang), tuple(paragraphs), figures, tuple(tables), charts)


def _money_of(ctx: Context, currency: Currency) -> Format:
    return lambda amount: ctx.money(amount, currency)


def _by_measure(ctx: Context, query: object, label: str) -> pd.DataFrame:
    """A by-sector or by-donor aid query run for each measure, side by side."""
    frames = {
        measure: query(  # type: ignore[operator]
            session=ctx.session, filters=ctx.one_year().with_(measure=measure), lang=ctx.lang
        ).set_index(label)["amount"]
        for measure in ("committed", "disbursed")
    }
    joined = pd.DataFrame(frames).fillna(0.0)
    joined = joined[(joined["committed"] > 0) | (joined["disbursed"] > 0)]
    return joined.reset_index().rename(columns={"index": label})


def _aid_table(ctx: Context, data: pd.DataFrame, caption: str, first: str) -> ReportTable:
    label = data.columns[0]
    ordered = data.sort_values(["committed", "disbursed"], ascending=False, kind="stable")
    return ReportTable(
        caption=t(caption, ctx.lang),
        header=(
            t(first, ctx.lang),
            t("yearly.column.committed", ctx.lang),
            t("yearly.column.disbursed", ctx.lang),
        ),
        rows=tuple(
            (str(row[label]), ctx.money(row["committed"]), ctx.money(row["disbursed"]))
            for _, row in ordered.head(10).iterrows()
        ),
        numeric=(False, True, True),
    )
