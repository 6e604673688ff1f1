"""Taking the figures of one database, one part at a time, into a BenchResult.

A part that fails is reported with its error and leaves its figures None; the others are still
taken. A part whose tool or module is missing says why in the result's notes.
"""

from __future__ import annotations

import importlib
import statistics
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from sqlmodel import Session

from bench import dataset
from bench import datasette as peer
from bench.extract import ExtractFigures
from bench.extract import measure as measure_extract
from bench.floor import floor_statement, province_column, run_floor
from bench.importing import import_and_undo
from bench.pandas_twin import run_pandas
from bench.queries import (
    CHART_QUERIES,
    ChartQuery,
    dashboard_filters,
    page_filters,
    run_chart_query,
)
from bench.result import BenchResult, FilteredFigures
from bench.timing import median_ms
from datastore.db import get_engine
from datastore.filters import Filters

IMPORT_ROWS = 100_000
# The filtered variant: one province (Hà Nội keeps code 01 in both lists), the last five years.
FILTERED_PROVINCE = "01"
FILTERED_YEARS = 5


def say(message: str) -> None:
    """Progress for the person at the terminal."""
    print(message, file=sys.stderr, flush=True)


class Unavailable(Exception):
    """A figure that cannot be taken here (a tool or a module missing), with the reason."""


class Bench:
    """The figures of one database, one part at a time."""

    def __init__(self, *, url: str, runs: int):
        self.url = url
        self.runs = runs
        self.engine = get_engine(url)
        self.notes: dict[str, str] = {}
        self.failed = False
        self._filters: dict[str, Filters] | None = None

    def part(
        self,
        title: str,
        take: Callable[[BenchResult], BenchResult],
        result: BenchResult,
        *,
        skip: bool = False,
    ) -> BenchResult:
        """`result` with one part's figures; unchanged when skipped, unavailable or failed."""
        if skip:
            self.notes[title] = "skipped (--skip-…)"
            return result
        say(f"— {title} …")
        try:
            return take(result)
        except Unavailable as reason:
            self.notes[title] = str(reason)
            say(f"  {reason}")
        except Exception as error:
            self.failed = True
            self.notes[title] = f"failed: {type(error).__name__}: {error}"
            say(f"  FAILED: {title}\n{traceback.format_exc()}")
        return result

    def filters_of(self, query: ChartQuery) -> Filters:
        """The default filters of the query's page."""
        if self._filters is None:
            with Session(self.engine) as session:
                shared = dashboard_filters(session=session)
            pages = dict.fromkeys(chart.page for chart in CHART_QUERIES)
            self._filters = {page: page_filters(shared, page) for page in pages}
        return self._filters[query.page]

    # Chart queries, floor, pandas ------------------------------------------------------------

    def chart_queries(self, result: BenchResult) -> BenchResult:
        ours: dict[str, float] = {}
        floor: dict[str, float] = {}
        for query in CHART_QUERIES:
            ours[query.name], floor[query.name] = self._ours_and_floor(
                query, self.filters_of(query)
            )
            say(f"  {query.name}: ours {ours[query.name]:.1f} ms, floor {floor[query.name]:.1f} ms")
        return replace(result, chart_query_ms=ours, floor_ms=floor, filtered=self.filtered())

    def _ours_and_floor(self, query: ChartQuery, filters: Filters) -> tuple[float, float]:
        """Median ms of the chart query and of its plain GROUP BY, for the same filters."""
        return (
            median_ms(
                partial(run_chart_query, query, engine=self.engine, filters=filters),
                runs=self.runs,
            ),
            median_ms(
                partial(run_floor, query, engine=self.engine, filters=filters), runs=self.runs
            ),
        )

    def filtered(self) -> FilteredFigures:
        """The same queries for one province over the last years: what a narrowed view costs."""
        ours: dict[str, float] = {}
        floor: dict[str, float] = {}
        description = ""
        for query in CHART_QUERIES:
            default = self.filters_of(query)
            year_to = default.year_to
            year_from = None if year_to is None else year_to - FILTERED_YEARS + 1
            if default.year_from is not None and year_from is not None:
                year_from = max(year_from, default.year_from)
            filters = default.with_(
                provinces=(FILTERED_PROVINCE,), year_from=year_from, year_to=year_to
            )
            description = f"province {FILTERED_PROVINCE}, {year_from}–{year_to}"
            ours[query.name], floor[query.name] = self._ours_and_floor(query, filters)
        return FilteredFigures(filters=description, chart_query_ms=ours, floor_ms=floor)

    def pandas(self, result: BenchResult, *, runs: int) -> BenchResult:
        medians: dict[str, float] = {}
        for query in CHART_QUERIES:
            filters = self.filters_of(query)
            # No warm-up: every naive rerun loads the table again, so none is warmer.
            medians[query.name] = median_ms(
                partial(run_pandas, query, engine=self.engine, filters=filters),
                runs=runs,
                warmup=0,
            )
            say(f"  {query.name}: pandas {medians[query.name]:.0f} ms")
        return replace(result, pandas_ms=medians)

    # Datasette ------------------------------------------------------------------------------

    def datasette(self, result: BenchResult, *, csv_runs: int) -> BenchResult:
        path = dataset.sqlite_path(self.url)
        if path is None:
            raise Unavailable("Datasette serves SQLite files only: skipped on this database")
        if not peer.installed():
            raise Unavailable(peer.MISSING)
        facet: dict[str, float] = {}
        sql: dict[str, float] = {}
        say("  Datasette in normal (mutable) mode; facet suggestions off")
        with peer.serve(path) as server:
            for query in CHART_QUERIES:
                filters = self.filters_of(query)
                statement, params = floor_statement(query, filters)
                sql[query.name] = median_ms(partial(server.sql, statement, params), runs=self.runs)
                if query.facet is not None:
                    column = province_column(filters) if query.facet == "province" else query.facet
                    facet[query.name] = median_ms(
                        partial(server.facet, "exchange", column, filters), runs=self.runs
                    )
                say(f"  {query.name}: Datasette SQL {sql[query.name]:.0f} ms")
            runs = []
            for _ in range(csv_runs):
                start = time.perf_counter()
                size, lines = server.stream_csv("exchange")
                runs.append(time.perf_counter() - start)
                say(f"  Datasette streaming CSV: {runs[-1]:.1f} s, {lines:,} lines")
        return replace(
            result,
            datasette_ms={**sql, **facet},
            datasette_facet_ms=facet,
            datasette_sql_ms=sql,
            datasette_csv_s=round(statistics.median(runs), 3),
            datasette_csv_mb=round(size / 1024 / 1024, 1),
        )

    # Extract, import ------------------------------------------------------------------------

    def extracts(self, result: BenchResult, *, runs: int) -> BenchResult:
        figures: dict[str, list[ExtractFigures]] = {"data_page": [], "cli": []}
        for _ in range(runs):
            for path in figures:
                taken = measure_extract(self.url, path=path)
                figures[path].append(taken)
                say(
                    f"  {path}: {taken.seconds:.2f} s, {taken.rows:,} rows, "
                    f"peak {taken.peak_above_idle_mb:.0f} MB above idle"
                )
        page, cli = figures["data_page"], figures["cli"]
        return replace(
            result,
            csv_extract_s=round(statistics.median(f.seconds for f in page), 3),
            csv_extract_peak_mb=max(f.peak_above_idle_mb for f in page),
            csv_extract_idle_mb=page[0].idle_mb,
            csv_extract_rows=page[0].rows,
            csv_extract_mb=round(page[0].bytes / 1024 / 1024, 1),
            csv_extract_cli_s=round(statistics.median(f.seconds for f in cli), 3),
            csv_extract_cli_peak_mb=max(f.peak_above_idle_mb for f in cli),
        )

    def import_(self, result: BenchResult, *, rows: int) -> BenchResult:
        figures = import_and_undo(self.url, rows=rows)
        if figures.added != rows or figures.removed != rows:
            raise RuntimeError(
                f"the import added {figures.added:,} and its undo removed {figures.removed:,} "
                f"of {rows:,} rows: the bench rows collided with stored ones"
            )
        say(
            f"  {rows:,} rows ({figures.file_mb} MB): import {figures.import_s:.1f} s, "
            f"undo {figures.undo_s:.1f} s; floor (plain executemany) {figures.floor_s:.1f} s"
        )
        full = rows == IMPORT_ROWS
        return replace(
            result,
            import_rows=rows,
            import_mb=figures.file_mb,
            import_s=figures.import_s,
            undo_s=figures.undo_s,
            import_100k_s=figures.import_s if full else None,
            undo_100k_s=figures.undo_s if full else None,
            import_floor_100k_s=figures.floor_s if full else None,
        )

    # Pages and browser (bench/pages.py, bench/browser.py) ------------------------------------

    def pages(self, result: BenchResult) -> BenchResult:
        page_rerun_ms = _optional("bench.pages", "page_rerun_ms")
        medians = page_rerun_ms(self.url, runs=self.runs)
        say("  warm: " + ", ".join(f"{page} {ms:.0f} ms" for page, ms in medians.items()))
        try:
            page_rerun_cold_ms = _optional("bench.pages", "page_rerun_cold_ms")
        except Unavailable as reason:
            self.notes["page reruns after a filter change"] = str(reason)
            return replace(result, page_rerun_ms=_rounded(medians))
        cold = page_rerun_cold_ms(self.url, runs=self.runs)
        say("  after a year change: " + ", ".join(f"{p} {ms:.0f} ms" for p, ms in cold.items()))
        return replace(result, page_rerun_ms=_rounded(medians), page_rerun_cold_ms=_rounded(cold))

    def browser(self, result: BenchResult) -> BenchResult:
        browser_redraw_ms = _optional("bench.browser", "browser_redraw_ms")
        value = browser_redraw_ms(self.url, runs=self.runs)
        if value is None:
            self.notes["browser redraw"] = "not taken (reason printed above)"
        return replace(result, browser_redraw_ms=value)

    def concurrency(self, result: BenchResult, *, sessions: int, seconds: float) -> BenchResult:
        concurrent_redraw_s = _optional("bench.browser", "concurrent_redraw_s")
        taken = concurrent_redraw_s(self.url, sessions=sessions, seconds=seconds)
        if taken is None:
            self.notes["concurrent sessions"] = "not taken (reason printed above)"
            return result
        p50, p95 = taken
        return replace(
            result, concurrent_p50_s=p50, concurrent_p95_s=p95, concurrent_sessions=sessions
        )

    def yearly_report(self, result: BenchResult) -> BenchResult:
        measure_report = _optional("bench.yearly_report", "measure")
        taken = measure_report(self.url)
        say(
            f"  {taken.described}: DOCX {taken.docx_s:.2f} s ({taken.docx_kb:.0f} KB), "
            f"PDF {taken.pdf_s:.2f} s ({taken.pdf_kb:.0f} KB)"
        )
        return replace(
            result,
            yearly_report=taken.described,
            yearly_report_browser_s=taken.browser_start_s,
            yearly_report_docx_s=taken.docx_s,
            yearly_report_pdf_s=taken.pdf_s,
        )


def _optional(module: str, function: str) -> Callable[..., Any]:
    """A function of a module that may not exist yet, or Unavailable saying so."""
    try:
        found = importlib.import_module(module)
    except ImportError as error:
        raise Unavailable(f"{module} cannot be imported ({error}): skipped") from error
    taken = getattr(found, function, None)
    if taken is None:
        raise Unavailable(f"{module}.{function} does not exist yet: skipped")
    return taken


def _rounded(medians: dict[str, float]) -> dict[str, float]:
    return {name: round(ms, 3) for name, ms in medians.items()}
