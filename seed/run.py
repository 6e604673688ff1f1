"""Migrate, then load the demo data through load_rows, one batch per kind and year."""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from datastore.db import get_engine
from datastore.load.write import BatchInfo, load_rows
from datastore.migrate import migrate
from datastore.reference.directory import Directory
from datastore.rollups import analyze_rollups
from datastore.status import mark_demo_interrupted, mark_demo_loaded, mark_demo_loading
from datastore.vocabulary import LOAD_ORDER, DataKind
from seed import documented
from seed.synthetic.aid import aid_rows
from seed.synthetic.exchanges import exchange_rows
from seed.synthetic.members import membership_rows
from seed.synthetic.organizations import association_rows, successor_rows, union_rows
from seed.synthetic.plan import Plan, build_plan
from seed.synthetic.world import YEARS

Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class Step:
    """One call of load_rows: a kind, the batch's file name, and how to make its rows."""

    kind: DataKind
    label: str
    file_name: str
    rows: Callable[[], list[dict[str, Any]]]


def organization_levels(rows: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Organisations grouped so that every parent is in an earlier group than its children.

    load_rows links a parent by name among the organisations already stored, so a parent and
    its children cannot share a batch.
    """
    levels: list[list[dict[str, Any]]] = []
    placed: set[str] = set()
    remaining = list(rows)
    while remaining:
        level = [row for row in remaining if not row.get("parent") or row["parent"] in placed]
        if not level:
            missing = sorted({row["parent"] for row in remaining})
            raise ValueError(f"parents not among the organisations: {', '.join(missing)}")
        levels.append(level)
        placed.update(row["organization"] for row in level)
        remaining = [row for row in remaining if row not in level]
    return levels


def plan_steps(plan: Plan, *, scale: float) -> list[Step]:
    """Every batch of a seed run, in load order: organisations first, then the facts."""
    steps = [
        Step("organizations", f"documented {number}", "seed:documented", partial(list, rows))
        for number, rows in enumerate(organization_levels(documented.ORGANIZATIONS), start=1)
    ]
    steps += [
        Step(
            "organizations",
            "synthetic unions",
            "seed:synthetic:organizations:unions",
            partial(union_rows, plan),
        ),
        Step(
            "organizations",
            "synthetic associations",
            "seed:synthetic:organizations:associations",
            partial(association_rows, plan),
        ),
        # After their predecessors, which they name.
        Step(
            "organizations",
            "associations since the 2025 reform",
            "seed:synthetic:organizations:successors",
            partial(successor_rows, plan),
        ),
    ]
    steps += [
        Step(kind, "documented", "seed:documented", partial(list, rows))
        for kind, rows in documented.DOCUMENTED.items()
        if kind != "organizations"
    ]
    makers: dict[DataKind, Callable[..., list[dict[str, Any]]]] = {
        "members": membership_rows,
        "aid": aid_rows,
        "exchanges": partial(exchange_rows, scale=scale),
    }
    for kind, make in makers.items():
        steps += [
            Step(kind, str(year), f"seed:synthetic:{kind}:{year}", partial(make, plan, year))
            for year in YEARS
        ]
    return steps


def _checksum(rows: list[dict[str, Any]]) -> str:
    text = json.dumps(rows, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def seed_database(
    *,
    url: str | None = None,
    scale: float = 1.0,
    seed: int = 42,
    progress: Progress | None = None,
) -> dict[str, dict[str, int]]:
    """Migrate the database, then load the documented facts and the synthetic rest.

    Returns, per kind, the rows offered and how many were added, updated or unchanged. Running
    it again with the same arguments adds nothing, so a run that stopped half-way is completed
    by the next. Until the last batch is in, the database is marked as holding a demo load in
    progress (`datastore.status`). `progress` gets one line per batch and the fraction of
    batches done.
    """
    if scale <= 0:
        raise ValueError(f"scale must be positive, not {scale}")
    migrate(url)
    engine = get_engine(url)
    with Session(engine) as session:
        directory = Directory.load(session=session)
    steps = plan_steps(build_plan(seed=seed), scale=scale)
    totals: dict[str, dict[str, int]] = {
        kind: {"rows": 0, "added": 0, "updated": 0, "unchanged": 0} for kind in LOAD_ORDER
    }
    with Session(engine) as session:
        mark_demo_loading(session=session)
    try:
        _load_steps(engine, steps, directory, totals, progress)
        # Planner statistics for the charts right away, not once autovacuum comes by.
        with Session(engine) as session:
            analyze_rollups(session=session)
    except BaseException:
        # Whatever stopped it, the next start need not wait for the marker to grow stale.
        with contextlib.suppress(Exception), Session(engine) as session:
            mark_demo_interrupted(session=session)
        raise
    with Session(engine) as session:
        mark_demo_loaded(session=session)
    return totals


def _load_steps(
    engine: Engine,
    steps: list[Step],
    directory: Directory,
    totals: dict[str, dict[str, int]],
    progress: Progress | None,
) -> None:
    """Load every step in order, adding its counts to `totals`, refreshing the marker."""
    for number, step in enumerate(steps, start=1):
        rows = step.rows()
        batch = BatchInfo(
            file_name=step.file_name,
            checksum=_checksum(rows),
            created_by="seed",
            is_demo=True,
            keep_row_source=True,
        )
        with Session(engine) as session:
            summary = load_rows(
                session=session, kind=step.kind, rows=rows, batch=batch, directory=directory
            )
        total = totals[step.kind]
        total["rows"] += summary.rows
        total["added"] += summary.added
        total["updated"] += summary.updated
        total["unchanged"] += summary.unchanged
        with Session(engine) as session:
            mark_demo_loading(session=session)
        if progress is not None:
            progress(
                f"{step.kind} {step.label}: {summary.rows:,} rows, {summary.added:,} added, "
                f"{summary.updated:,} updated, {summary.unchanged:,} unchanged",
                number / len(steps),
            )


def main(argv: list[str] | None = None) -> None:
    """Command line: seed the configured database (or --database-url) and print progress."""
    parser = argparse.ArgumentParser(
        prog="python -m seed",
        description="Load the demo dataset: documented facts and a synthetic rest, 2010–2025.",
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="volume of exchanges: 1 makes about 100,000 rows, 10 about a million",
    )
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--database-url", help="database URL (default: DATABASE_URL or SQLite)")
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")
    started = time.perf_counter()

    def report(message: str, fraction: float) -> None:
        print(f"[{fraction:6.1%}] {message}", flush=True)

    totals = seed_database(url=args.database_url, scale=args.scale, seed=args.seed, progress=report)
    for kind, total in totals.items():
        print(
            f"{kind}: {total['rows']:,} rows, {total['added']:,} added, "
            f"{total['updated']:,} updated, {total['unchanged']:,} unchanged"
        )
    print(f"done in {time.perf_counter() - started:.1f} s")
