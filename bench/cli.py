"""The command: build or reuse the dataset, take every figure in turn, print them.

Progress and reasons for missing figures go to stderr; the tables, the other figures and, last,
one JSON line go to stdout (`python -m bench | tail -1` is the JSON). A part that fails is
reported with its error, its figures are null, the others are still taken, and the command
exits 1.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from sqlmodel import Session

from bench import dataset, report
from bench import datasette as peer
from bench.extract import ExtractFigures
from bench.extract import measure as measure_extract
from bench.importing import import_and_undo
from bench.queries import (
    BY_NAME,
    CHART_QUERIES,
    ChartQuery,
    dashboard_filters,
    floor_statement,
    page_filters,
    province_column,
    run_chart_query,
    run_floor,
    run_pandas,
)
from bench.timing import median_ms
from datastore.db import get_engine
from datastore.filters import Filters

DEFAULT_SCALE = 10.0
IMPORT_ROWS = 100_000
# The filtered variant: one province (Hà Nội keeps code 01 in both lists), the last five years.
FILTERED_PROVINCE = "01"
FILTERED_YEARS = 5


def say(message: str) -> None:
    """Progress for the person at the terminal."""
    print(message, file=sys.stderr, flush=True)


def build_parser() -> argparse.ArgumentParser:
    """Options of `python -m bench`."""
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=(
            "Đo tốc độ bảng điều khiển ở quy mô quốc gia / Measure the dashboard at national "
            "scale: chart queries beside the floor SQL, pandas and Datasette; page reruns; "
            "the browser; CSV extract; import; concurrent sessions."
        ),
    )
    parser.add_argument(
        "--scale",
        type=float,
        help="dataset size when it has to be built: 1 ≈ 100,000 exchanges (default 10)",
    )
    parser.add_argument(
        "--database-url",
        help="database to measure (default: data/bench-scale<N>.sqlite3, built if empty)",
    )
    parser.add_argument("--runs", type=int, default=7, help="runs per median (default 7)")
    parser.add_argument("--pandas-runs", type=int, help="runs per pandas median (default: --runs)")
    parser.add_argument(
        "--extract-runs", type=int, default=3, help="runs of each full CSV extract (default 3)"
    )
    parser.add_argument(
        "--import-rows",
        type=int,
        default=IMPORT_ROWS,
        help=f"rows of the timed import (default {IMPORT_ROWS:,}; import_100k_s needs that)",
    )
    parser.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions")
    parser.add_argument(
        "--seconds", type=float, default=60.0, help="length of the concurrency test (s)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer repetitions: 3 runs, 1 pandas run, 1 extract run, 20 s of concurrency",
    )
    for part in ("pandas", "datasette", "extract", "import", "pages", "browser", "concurrency"):
        parser.add_argument(f"--skip-{part}", action="store_true", help=f"leave out: {part}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; 0 when every part that ran succeeded, 1 otherwise."""
    args = build_parser().parse_args(argv)
    if args.quick:
        args.runs, args.pandas_runs, args.extract_runs = 3, 1, 1
        args.seconds = min(args.seconds, 20.0)
    if min(args.runs, args.extract_runs, args.import_rows) < 1:
        say("--runs, --extract-runs and --import-rows must be at least 1")
        return 2
    pandas_runs = args.pandas_runs or args.runs
    scale = args.scale if args.scale is not None else DEFAULT_SCALE
    url = args.database_url or dataset.default_url(scale)
    runner = Bench(url=url, runs=args.runs)
    say(f"Database: {get_engine(url).url.render_as_string(hide_password=True)}")
    rows, seeded = dataset.ensure_dataset(url, scale=scale, say=say)
    if args.scale is None and args.database_url and not seeded:
        # A database given without --scale: seed.run makes about 100,000 exchanges per unit.
        scale = round(rows / 100_000, 2)
    result: dict[str, Any] = {
        "scale": scale,
        "database": dataset.backend(url),
        "rows_exchanges": rows,
        "runs": args.runs,
        "machine": dataset.machine(url),
    }
    result.update(runner.part("chart queries and floor", runner.chart_queries, _nulls(_QUERY_KEYS)))
    if args.skip_pandas:
        result["pandas_ms"] = None
    else:
        result.update(
            runner.part("pandas", lambda: runner.pandas(pandas_runs), {"pandas_ms": None})
        )
    result.update(
        runner.part(
            "Datasette",
            lambda: runner.datasette(args.extract_runs),
            _nulls(_DATASETTE_KEYS),
            args.skip_datasette,
        )
    )
    result.update(
        runner.part(
            "CSV extract",
            lambda: runner.extracts(args.extract_runs),
            _nulls(_EXTRACT_KEYS),
            args.skip_extract,
        )
    )
    result.update(
        runner.part(
            "import",
            lambda: runner.import_(args.import_rows),
            _nulls(_IMPORT_KEYS),
            args.skip_import,
        )
    )
    result.update(
        runner.part(
            "page reruns",
            runner.pages,
            {"page_rerun_ms": None, "page_rerun_cold_ms": None},
            args.skip_pages,
        )
    )
    result.update(
        runner.part(
            "browser redraw", runner.browser, {"browser_redraw_ms": None}, args.skip_browser
        )
    )
    result.update(
        runner.part(
            "concurrent sessions",
            lambda: runner.concurrency(args.sessions, args.seconds),
            {"concurrent_p50_s": None, "concurrent_p95_s": None},
            args.skip_concurrency,
        )
    )
    result["notes"] = runner.notes
    print_report(result)
    return 1 if runner.failed else 0


# The figures each part gives, all null when the part is skipped or fails.
_QUERY_KEYS = ("chart_query_ms", "floor_ms", "filtered")
_DATASETTE_KEYS = (
    "datasette_ms",
    "datasette_facet_ms",
    "datasette_sql_ms",
    "datasette_csv_s",
    "datasette_csv_mb",
)
_EXTRACT_KEYS = (
    "csv_extract_s",
    "csv_extract_peak_mb",
    "csv_extract_idle_mb",
    "csv_extract_rows",
    "csv_extract_mb",
    "csv_extract_cli_s",
    "csv_extract_cli_peak_mb",
)
_IMPORT_KEYS = ("import_rows", "import_s", "undo_s", "import_100k_s", "undo_100k_s")


def _nulls(keys: tuple[str, ...]) -> dict[str, Any]:
    return dict.fromkeys(keys)


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
        take: Callable[[], dict[str, Any]],
        nulls: dict[str, Any],
        skip: bool = False,
    ) -> dict[str, Any]:
        """The figures of one part; its null figures when skipped, missing or failed."""
        if skip:
            self.notes[title] = "skipped (--skip-…)"
            return nulls
        say(f"— {title} …")
        try:
            return {**nulls, **take()}
        except Unavailable as reason:
            self.notes[title] = str(reason)
            say(f"  {reason}")
        except Exception as error:
            self.failed = True
            self.notes[title] = f"failed: {type(error).__name__}: {error}"
            say(f"  FAILED: {title}\n{traceback.format_exc()}")
        return nulls

    def filters_of(self, query: ChartQuery) -> Filters:
        """The default filters of the query's page."""
        if self._filters is None:
            with Session(self.engine) as session:
                shared = dashboard_filters(session=session)
            self._filters = {page: page_filters(shared, page) for page in _pages()}
        return self._filters[query.page]

    # Chart queries, floor, pandas ------------------------------------------------------------

    def chart_queries(self) -> dict[str, Any]:
        ours: dict[str, float] = {}
        floor: dict[str, float] = {}
        for query in CHART_QUERIES:
            ours[query.name], floor[query.name] = self._ours_and_floor(
                query, self.filters_of(query)
            )
            say(f"  {query.name}: ours {ours[query.name]:.1f} ms, floor {floor[query.name]:.1f} ms")
        return {"chart_query_ms": ours, "floor_ms": floor, "filtered": self.filtered()}

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

    def filtered(self) -> dict[str, Any]:
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
        return {"filters": description, "chart_query_ms": ours, "floor_ms": floor}

    def pandas(self, runs: int) -> dict[str, Any]:
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
        return {"pandas_ms": medians}

    # Datasette ------------------------------------------------------------------------------

    def datasette(self, csv_runs: int) -> dict[str, Any]:
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
        return {
            "datasette_ms": {**sql, **facet},
            "datasette_facet_ms": facet,
            "datasette_sql_ms": sql,
            "datasette_csv_s": round(statistics.median(runs), 3),
            "datasette_csv_mb": round(size / 1024 / 1024, 1),
        }

    # Extract, import ------------------------------------------------------------------------

    def extracts(self, runs: int) -> dict[str, Any]:
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
        return {
            "csv_extract_s": round(statistics.median(f.seconds for f in page), 3),
            "csv_extract_peak_mb": max(f.peak_above_idle_mb for f in page),
            "csv_extract_idle_mb": page[0].idle_mb,
            "csv_extract_rows": page[0].rows,
            "csv_extract_mb": round(page[0].bytes / 1024 / 1024, 1),
            "csv_extract_cli_s": round(statistics.median(f.seconds for f in cli), 3),
            "csv_extract_cli_peak_mb": max(f.peak_above_idle_mb for f in cli),
        }

    def import_(self, rows: int) -> dict[str, Any]:
        figures = import_and_undo(self.url, rows=rows)
        if figures.added != rows or figures.removed != rows:
            raise RuntimeError(
                f"the import added {figures.added:,} and its undo removed {figures.removed:,} "
                f"of {rows:,} rows: the bench rows collided with stored ones"
            )
        say(
            f"  {rows:,} rows ({figures.file_mb} MB): import {figures.import_s:.1f} s, "
            f"undo {figures.undo_s:.1f} s"
        )
        full = rows == IMPORT_ROWS
        return {
            "import_rows": rows,
            "import_mb": figures.file_mb,
            "import_s": figures.import_s,
            "undo_s": figures.undo_s,
            "import_100k_s": figures.import_s if full else None,
            "undo_100k_s": figures.undo_s if full else None,
        }

    # Pages and browser (bench/pages.py, bench/browser.py) ------------------------------------

    def pages(self) -> dict[str, Any]:
        page_rerun_ms = _optional("bench.pages", "page_rerun_ms")
        medians = page_rerun_ms(self.url, runs=self.runs)
        say("  warm: " + ", ".join(f"{page} {ms:.0f} ms" for page, ms in medians.items()))
        figures: dict[str, Any] = {"page_rerun_ms": _rounded(medians)}
        try:
            page_rerun_cold_ms = _optional("bench.pages", "page_rerun_cold_ms")
        except Unavailable as reason:
            self.notes["page reruns after a filter change"] = str(reason)
            return figures
        cold = page_rerun_cold_ms(self.url, runs=self.runs)
        say("  after a year change: " + ", ".join(f"{p} {ms:.0f} ms" for p, ms in cold.items()))
        figures["page_rerun_cold_ms"] = _rounded(cold)
        return figures

    def browser(self) -> dict[str, Any]:
        browser_redraw_ms = _optional("bench.browser", "browser_redraw_ms")
        value = browser_redraw_ms(self.url, runs=self.runs)
        if value is None:
            self.notes["browser redraw"] = "not taken (reason printed above)"
        return {"browser_redraw_ms": value}

    def concurrency(self, sessions: int, seconds: float) -> dict[str, Any]:
        concurrent_redraw_s = _optional("bench.browser", "concurrent_redraw_s")
        taken = concurrent_redraw_s(self.url, sessions=sessions, seconds=seconds)
        if taken is None:
            self.notes["concurrent sessions"] = "not taken (reason printed above)"
            return {"concurrent_p50_s": None, "concurrent_p95_s": None}
        p50, p95 = taken
        return {"concurrent_p50_s": p50, "concurrent_p95_s": p95, "concurrent_sessions": sessions}


class Unavailable(Exception):
    """A figure that cannot be taken here (a tool or a module missing), with the reason."""


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


def _pages() -> tuple[str, ...]:
    return tuple(dict.fromkeys(query.page for query in CHART_QUERIES))


def print_report(result: dict[str, Any]) -> None:
    """The tables, the other figures, then the JSON line last."""
    names = list(BY_NAME)
    print()
    print(
        f"{result['database']}, scale {result['scale']:g}, {result['rows_exchanges']:,} "
        f"exchanges; medians of {result['runs']} runs"
    )
    if result["chart_query_ms"] is not None:
        print(report.query_table(result, names))
    if result.get("filtered"):
        print()
        print(report.filtered_table(result, names))
    print()
    for line in other_figures(result):
        print(line)
    for title, note in result["notes"].items():
        print(f"note: {title}: {note}")
    print(report.json_line(result))


def other_figures(result: dict[str, Any]) -> list[str]:
    """One line per figure that is not a chart query."""
    lines = []
    if result.get("page_rerun_ms"):
        reruns = ", ".join(f"{page} {ms:.0f}" for page, ms in result["page_rerun_ms"].items())
        lines.append(f"page reruns (AppTest, ms): {reruns}")
    if result.get("page_rerun_cold_ms"):
        reruns = ", ".join(f"{page} {ms:.0f}" for page, ms in result["page_rerun_cold_ms"].items())
        lines.append(f"page reruns after a year-range change (AppTest, ms): {reruns}")
    if result.get("browser_redraw_ms") is not None:
        lines.append(
            f"browser, filter change to redrawn chart: {result['browser_redraw_ms']:.0f} ms"
        )
    if result.get("csv_extract_s") is not None:
        lines.append(
            f"CSV extract, Data page download: {result['csv_extract_s']:.2f} s, "
            f"{result['csv_extract_rows']:,} rows, {result['csv_extract_mb']} MB; peak memory "
            f"{result['csv_extract_peak_mb']:.0f} MB above the idle app "
            f"({result['csv_extract_idle_mb']:.0f} MB)"
        )
        lines.append(
            f"CSV extract, python -m datastore export: {result['csv_extract_cli_s']:.2f} s; "
            f"peak memory {result['csv_extract_cli_peak_mb']:.0f} MB above idle"
        )
    if result.get("datasette_csv_s") is not None:
        ratio = report.ratio(result["datasette_csv_s"], result.get("csv_extract_s"))
        lines.append(
            f"Datasette streaming CSV: {result['datasette_csv_s']:.2f} s, "
            f"{result['datasette_csv_mb']} MB ({ratio} as long as ours)"
        )
    if result.get("import_s") is not None:
        lines.append(
            f"import of {result['import_rows']:,} exchanges ({result['import_mb']} MB CSV): "
            f"{result['import_s']:.2f} s; undo {result['undo_s']:.2f} s"
        )
    if result.get("concurrent_p95_s") is not None:
        lines.append(
            f"{result.get('concurrent_sessions', '?')} concurrent sessions: redraw p50 "
            f"{result['concurrent_p50_s']:.2f} s, p95 {result['concurrent_p95_s']:.2f} s"
        )
    return lines
