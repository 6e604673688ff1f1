"""What every section of the yearly report reads, and the changes it compares like the headline.

The headline (queries.comparisons) compares members and associations on the year's
organisations, the other figures on the units that reported both years; the report's other
figures (chapters, delegations in and out, aid in both currencies) go through the same rules.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from datastore.filters import Filters
from datastore.queries.comparisons import Change, Headline, Status, _change, _exchange_window
from datastore.queries.lineage import incomplete_successors, restated, restated_on, sum_members
from datastore.queries.reports import FactKind, ReportingUnits, reported
from datastore.yearly import records
from datastore.yearly.figures import missing
from i18n.catalogue import Lang, t
from i18n.formatting import Currency, format_money

TREND_YEARS = 5  # the trend charts show the report year and the four before it


@dataclass(frozen=True)
class Context:
    """What every section reads: the place, the year, the units compared and the headline."""

    session: Session
    lang: Lang
    year: int
    where: records.Place
    body: str  # the union that reports, as a sentence names it
    filters: Filters  # the place, the report year and the year before
    units: ReportingUnits
    headline: Headline
    complete: bool
    issued_on: date

    def change(self, metric: str) -> Change:
        """The headline's change of `metric`."""
        return next(c for c in self.headline.changes if c.metric == metric)

    def compare(
        self, metric: str, kind: FactKind, values: dict[tuple[Hashable, int], float]
    ) -> Change:
        """A figure of per-unit `values` compared as the headline compares `metric`."""
        found = reported(
            session=self.session,
            kind=kind,
            filters=self.filters,
            units=self.units,
            years=(self.year - 1, self.year),
        )
        return _change(
            metric,
            values=values,
            unit_of=None,
            reported=found,
            units=self.units,
            year=self.year,
            complete=self.complete,
            through=self.through if metric == "exchanges" else None,
            linked=set(),
        )

    @property
    def through(self) -> date | None:
        """The last day of the year whose exchanges are compared (None: all of it)."""
        return _exchange_window(
            self.session, self.units, self.year, complete=self.complete, today=self.issued_on
        )

    def one_year(self) -> Filters:
        """The place and the report year only."""
        return self.filters.with_(year_from=self.year)

    def trend(self) -> Filters:
        """The place and the years a trend chart shows."""
        return self.filters.with_(year_from=self.year - TREND_YEARS + 1)

    def absent(self, key: str, change: Change) -> str:
        """Why a section has no figure: not reported, or reported by the new unit since 2025."""
        if change.status is Status.MERGED and self.headline.merged_into:
            old, new = self.headline.merged_into[0]
            return t("yearly.merged", self.lang, year=self.year, province=old, unit=new)
        return t(key, self.lang, year=self.year, body=self.body)

    def money(self, amount: float | None, currency: Currency = "VND") -> str:
        return missing(self.lang) if amount is None else format_money(amount, currency, self.lang)


def chapters(ctx: Context) -> Change:
    """Chapters compared as the headline compares members (restated, associations of both years)."""
    year = ctx.year
    successors = restated_on(ctx.session, year)
    rows = restated(records.chapters(ctx.session, ctx.filters, ctx.units), successors, year)
    values = sum_members(rows)
    for org in incomplete_successors(ctx.session, successors, year):
        if (org, year) in values:
            values.pop((org, year - 1), None)
    unit_of: dict[Hashable, int] = {
        org: unit for (org, unit, _, _) in sorted(rows, key=lambda k: k[2])
    }
    linked = {unit for (_, unit, y, was) in rows if y == year - 1 and was is not None}
    found = reported(
        session=ctx.session,
        kind="members",
        filters=ctx.filters,
        units=ctx.units,
        years=(year - 1, year),
    )
    return _change(
        "members",
        values=values,
        unit_of=unit_of,
        reported=found,
        units=ctx.units,
        year=year,
        complete=ctx.complete,
        through=None,
        linked=linked,
    )
