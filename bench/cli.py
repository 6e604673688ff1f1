"""The command: build or reuse the dataset, take every figure in turn, print them.

Progress and reasons for missing figures go to stderr; the tables, the other figures and, last,
one JSON line go to stdout (`python -m bench | tail -1` is the JSON). A part that fails is
reported with its error, its figures are null, the others are still taken, and the command
exits 1.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

from bench import dataset
from bench.report import print_report
from bench.result import BenchResult
from bench.runner import IMPORT_ROWS, Bench, say
from datastore.db import get_engine

DEFAULT_SCALE = 10.0


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
    parts = (
        "pandas",
        "datasette",
        "extract",
        "import",
        "report",
        "pages",
        "browser",
        "concurrency",
    )
    for part in parts:
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
    result = BenchResult(
        scale=scale,
        database=dataset.backend(url),
        rows_exchanges=rows,
        runs=args.runs,
        machine=dataset.machine(url),
    )
    result = runner.part("chart queries and floor", runner.chart_queries, result)
    if not args.skip_pandas:
        result = runner.part("pandas", partial(runner.pandas, runs=pandas_runs), result)
    parts: list[tuple[str, Callable[[BenchResult], BenchResult], bool]] = [
        ("Datasette", partial(runner.datasette, csv_runs=args.extract_runs), args.skip_datasette),
        ("CSV extract", partial(runner.extracts, runs=args.extract_runs), args.skip_extract),
        ("import", partial(runner.import_, rows=args.import_rows), args.skip_import),
        ("yearly report", runner.yearly_report, args.skip_report),
        ("page reruns", runner.pages, args.skip_pages),
        ("browser redraw", runner.browser, args.skip_browser),
        (
            "concurrent sessions",
            partial(runner.concurrency, sessions=args.sessions, seconds=args.seconds),
            args.skip_concurrency,
        ),
    ]
    for title, take, skip in parts:
        result = runner.part(title, take, result, skip=skip)
    print_report(replace(result, notes=runner.notes))
    return 1 if runner.failed else 0
