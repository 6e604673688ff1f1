"""The load test's figures: the levels on one replica, its saturation, and two replicas.

Saturation: the offered rate doubles each step, from 0.5 reruns a second, as more sessions each
asking for a rerun every SATURATION_INTERVAL_S seconds (1 session, then 2, 4, ...); a session
waits for its run to end before it asks again. The figure is the reruns per second served at the
step where p95 first passed 1 s (or errors began): what the replica gives once it is saturated.

Every level and every step draws its own filters (a seed of its own), so no run is served from
the caches an earlier run filled; two replicas are compared with one replica on the same
PostgreSQL database, so that the ratio measures the replicas, not the database.
"""

from __future__ import annotations

import itertools
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.load.filters import FilterChoices
from bench.load.levels import SEED, LevelFigures, level
from bench.load.servers import Target, nginx_binary, replica, two_replicas_behind_nginx
from datastore.db import get_engine

P95_LIMIT_S = 1.0
SATURATION_INTERVAL_S = 2.0


@dataclass(frozen=True)
class LoadPlan:
    """How long and how hard: the levels, the rerun interval, the saturation steps."""

    levels: tuple[int, ...] = (10, 50, 100)
    interval_s: float = 10.0
    seconds: float = 60.0
    saturation_start_per_s: float = 0.5
    saturation_steps: int = 6
    saturation_seconds: float = 20.0
    replicas_database_url: str | None = None


SHORT = LoadPlan(levels=(10,), seconds=30.0, saturation_steps=5, saturation_seconds=10.0)


@dataclass
class LoadFigures:
    """What the JSON line gains, with the reasons for what is missing."""

    levels: dict[str, LevelFigures] = field(default_factory=dict)
    saturation_one: float | None = None
    two_replicas: dict[str, Any] | None = None
    notes: dict[str, str] = field(default_factory=dict)

    def server_cpu_ms_per_rerun(self) -> float | None:
        """The median over the levels of the server's CPU per filter-change rerun."""
        values = sorted(
            f.server_cpu_ms_per_rerun
            for f in self.levels.values()
            if f.server_cpu_ms_per_rerun is not None
        )
        return values[len(values) // 2] if values else None


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _describe(label: str, figures: LevelFigures) -> None:
    say(
        f"  {label}: {figures.reruns} reruns ({figures.reruns_per_s:.2f}/s), p50 "
        f"{figures.p50_s} s, p95 {figures.p95_s} s, {figures.errors} errors, server CPU "
        f"{figures.server_cpu_ms_per_rerun} ms a rerun, RSS {figures.server_rss_mb} MB"
    )
    for example in figures.error_examples:
        say(f"    error: {example}")


def _seeds() -> Iterator[int]:
    """A new seed for each run of a measurement."""
    return itertools.count(SEED, 1_000)


def saturation(
    target: Target, choices: FilterChoices, plan: LoadPlan, seeds: Iterator[int]
) -> tuple[float, Any]:
    """(reruns/s served where p95 first passed P95_LIMIT_S or errors began, that step) on `target`.

    The offered rate doubles each step; if p95 never passes the limit, the last step's figures.
    """
    rate = plan.saturation_start_per_s
    figures: LevelFigures | None = None
    for _ in range(plan.saturation_steps):
        figures, _tally = level(
            target,
            choices,
            sessions=max(1, round(rate * SATURATION_INTERVAL_S)),
            interval=SATURATION_INTERVAL_S,
            seconds=plan.saturation_seconds,
            seed=next(seeds),
        )
        _describe(f"offered {rate:g} reruns/s", figures)
        if figures.errors or figures.p95_s is None or figures.p95_s > P95_LIMIT_S:
            break
        rate *= 2
    assert figures is not None
    return figures.reruns_per_s, figures


def measure(database_url: str, plan: LoadPlan) -> LoadFigures:
    """Every load figure; a part that cannot run leaves a reason in `notes`."""
    found = LoadFigures()
    seeds = _seeds()
    choices = FilterChoices.of(database_url)
    with (
        tempfile.TemporaryDirectory(prefix="bench-load-") as folder,
        replica(database_url, Path(folder)) as target,
    ):
        for sessions in plan.levels:
            figures, _tally = level(
                target,
                choices,
                sessions=sessions,
                interval=plan.interval_s,
                seconds=plan.seconds,
                seed=next(seeds),
            )
            _describe(f"{sessions} sessions, one change each per {plan.interval_s:g} s", figures)
            found.levels[str(sessions)] = figures
        say("  saturation of one replica:")
        found.saturation_one, _ = saturation(target, choices, plan, seeds)
    found.two_replicas, reason = _two_replicas(database_url, plan, seeds)
    if reason:
        found.notes["load_two_replicas"] = reason
        say(f"  two replicas: {reason}")
    return found


def _two_replicas(
    database_url: str, plan: LoadPlan, seeds: Iterator[int]
) -> tuple[dict[str, Any] | None, str | None]:
    nginx = nginx_binary()
    if nginx is None:
        return None, "nginx is not installed (Debian's 'nginx' package)"
    url = plan.replicas_database_url
    if url is None and get_engine(database_url).dialect.name == "postgresql":
        url = database_url
    if url is None:
        return None, (
            "no PostgreSQL database holding the dataset: give --replicas-database-url "
            "(the shipped deployment runs its replicas on PostgreSQL)"
        )
    replica_choices = FilterChoices.of(url)
    with (
        tempfile.TemporaryDirectory(prefix="bench-replica-") as folder,
        replica(url, Path(folder)) as target,
    ):
        say("  saturation of one replica on the same PostgreSQL database:")
        one, _ = saturation(target, replica_choices, plan, seeds)
    with (
        tempfile.TemporaryDirectory(prefix="bench-replicas-") as folder,
        two_replicas_behind_nginx(url, Path(folder), nginx) as target,
    ):
        say("  saturation of two replicas behind nginx:")
        rate, figures = saturation(target, replica_choices, plan, seeds)
    return {
        "saturation_reruns_per_s": rate,
        "p95_s": figures.p95_s,
        "errors": figures.errors,
        # The peer the ratio needs: one replica of the same code on the same database.
        "one_replica_saturation_reruns_per_s": one,
        "ratio_to_one_replica": round(rate / one, 2) if one else None,
    }, None


def result_keys(found: LoadFigures) -> dict[str, Any]:
    """The JSON line's new keys."""
    return {
        "server_cpu_ms_per_rerun": found.server_cpu_ms_per_rerun(),
        "load": {sessions: figures.figures() for sessions, figures in found.levels.items()},
        "load_saturation_one_replica": found.saturation_one,
        "load_two_replicas": found.two_replicas,
    }
