"""`python -m bench load`: the load test alone, on the benchmark's dataset; one JSON line last."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import replace

from bench import dataset
from bench.load.capacity import SHORT, LoadPlan, measure, result_keys, say
from bench.result import BenchResult


def build_parser() -> argparse.ArgumentParser:
    """Options of `python -m bench load`."""
    parser = argparse.ArgumentParser(
        prog="python -m bench load",
        description=(
            "Tải giả lập ở mức giao thức / Protocol-level load test: N leaders on Streamlit's "
            "websocket, one filter change each per interval; then the saturation rate of one "
            "replica and of two behind nginx."
        ),
    )
    parser.add_argument("--scale", type=float, default=10.0, help="dataset size (default 10)")
    parser.add_argument("--database-url", help="database (default data/bench-scale<N>.sqlite3)")
    add_options(parser)
    return parser


def add_options(parser: argparse.ArgumentParser) -> None:
    """The load test's options, shared with `python -m bench`."""
    parser.add_argument(
        "--load-short",
        action="store_true",
        help="short load test: 10 sessions for 30 s, shorter saturation steps",
    )
    parser.add_argument("--load-levels", help="sessions per level, e.g. 10,50,100")
    parser.add_argument("--load-interval", type=float, help="seconds between a leader's changes")
    parser.add_argument("--load-seconds", type=float, help="length of each level (s)")
    parser.add_argument("--saturation-seconds", type=float, help="length of a saturation step")
    parser.add_argument(
        "--replicas-database-url",
        help="PostgreSQL database with the dataset for two replicas behind nginx",
    )


def plan_of(args: argparse.Namespace) -> LoadPlan:
    """The plan the options ask for."""
    plan = SHORT if args.load_short else LoadPlan()
    if args.load_levels:
        plan = replace(plan, levels=tuple(int(n) for n in args.load_levels.split(",")))
    if args.load_interval:
        plan = replace(plan, interval_s=args.load_interval)
    if args.load_seconds:
        plan = replace(plan, seconds=args.load_seconds)
    if args.saturation_seconds:
        plan = replace(plan, saturation_seconds=args.saturation_seconds)
    return replace(plan, replicas_database_url=args.replicas_database_url)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the load test and print its figures as one JSON line."""
    args = build_parser().parse_args(argv)
    url = args.database_url or dataset.default_url(args.scale)
    rows, _ = dataset.ensure_dataset(url, scale=args.scale, say=say)
    found = measure(url, plan_of(args))
    figures = {"database": dataset.backend(url), "rows_exchanges": rows, **result_keys(found)}
    print(json.dumps({**figures, "notes": found.notes}, ensure_ascii=False))
    return 0


def into_result(
    result: BenchResult, *, url: str, plan: LoadPlan, notes: dict[str, str]
) -> BenchResult:
    """The benchmark's result with the load test's figures, reasons for missing ones in `notes`."""
    found = measure(url, plan)
    notes.update(found.notes)
    return replace(result, **result_keys(found))
