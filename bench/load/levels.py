"""A load level: N leaders, each asking for a rerun with new filters every T seconds.

Each session opens its page (overview, aid, exchanges in turn), waits a random part of T so
that the sessions do not click in step, then every T seconds sends a rerun with a new query
string. A session never clicks while its page is still running: the next request goes out at
the next tick after the previous run ended (a closed loop, as a person waits for the charts).
A rerun's time runs from sending the request to the `script_finished` that ends its run.
Errors: runs that drew an exception, and requests that ended in a closed websocket or no
`script_finished` within the timeout (the session then connects again and goes on).
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import statistics
import time
from dataclasses import dataclass, field

from bench.load.filters import FilterChoices
from bench.load.protocol import LeaderSession, ProtocolError
from bench.load.sampling import Reading, read
from bench.load.servers import Target

PAGES = ("", "aid", "exchanges")  # the overview is the page at the root
SEED = 20261130
SAMPLE_EVERY_S = 1.0


@dataclass
class Tally:
    """What the sessions of one level saw."""

    seconds: list[float] = field(default_factory=list)  # completed reruns inside the window
    errors: list[str] = field(default_factory=list)
    script_runs: int = 0  # new_session messages, the opening runs included
    opened: int = 0
    finished_runs: list[tuple[str, str | None, list[str]]] = field(default_factory=list)


@dataclass(frozen=True)
class LevelFigures:
    """One level's figures, as the JSON line's `load` holds them, plus what they came from."""

    sessions: int
    interval_s: float
    window_s: float
    reruns: int
    reruns_per_s: float
    p50_s: float | None
    p95_s: float | None
    errors: int
    server_cpu_ms_per_rerun: float | None
    server_rss_mb: float | None
    script_runs: int
    error_examples: tuple[str, ...] = ()

    def figures(self) -> dict[str, float | int | None]:
        return {
            "reruns_per_s": self.reruns_per_s,
            "p50_s": self.p50_s,
            "p95_s": self.p95_s,
            "errors": self.errors,
            "server_cpu_ms_per_rerun": self.server_cpu_ms_per_rerun,
            "server_rss_mb": self.server_rss_mb,
        }


def p50_p95(values: list[float]) -> tuple[float | None, float | None]:
    """Median and 95th percentile (inclusive: within the values measured); None when empty."""
    if not values:
        return None, None
    if len(values) == 1:
        return values[0], values[0]
    return statistics.median(values), statistics.quantiles(values, n=20, method="inclusive")[18]


class Window:
    """The measured window: it starts once every session has opened its page."""

    def __init__(self, sessions: int, seconds: float):
        self.waiting = sessions
        self.seconds = seconds
        self.deadline = float("inf")
        self.started = asyncio.Event()

    def arrived(self) -> None:
        self.waiting -= 1
        if self.waiting == 0:
            self.deadline = time.monotonic() + self.seconds
            self.started.set()


async def _leader(
    target: Target,
    number: int,
    choices: FilterChoices,
    *,
    interval: float,
    window: Window,
    timeout: float,
    tally: Tally,
    seed: int,
) -> None:
    rng = random.Random(f"{seed}-{number}")
    page = PAGES[number % len(PAGES)]
    session = LeaderSession(target.base_url, page=page, timeout=timeout)
    try:
        await session.connect(tls=target.tls)
        opening = await session.rerun(choices.query(rng, page))
        tally.script_runs += opening.script_runs
        tally.opened += 1
    except (ProtocolError, OSError) as error:
        tally.errors.append(f"opening: {error}")
        await session.close()
        return
    finally:
        window.arrived()
    await window.started.wait()
    deadline = window.deadline
    await asyncio.sleep(rng.uniform(0, interval))
    next_tick = time.monotonic()
    while next_tick < deadline:
        await asyncio.sleep(max(0.0, next_tick - time.monotonic()))
        query = choices.query(rng, page)
        try:
            outcome = await session.rerun(query)
        except (ProtocolError, OSError) as error:
            tally.errors.append(str(error))
            await session.close()
            try:
                await session.connect(tls=target.tls)
            except ProtocolError as again:
                tally.errors.append(f"reconnecting: {again}")
                return
        else:
            tally.script_runs += outcome.script_runs
            # Requests still under way at the deadline are finished but not counted.
            if time.monotonic() <= deadline:
                tally.seconds.append(outcome.seconds)
            tally.errors += [f"{page or 'overview'}?{query}: {e}" for e in outcome.problems()]
            tally.finished_runs.append((query, outcome.query_string, outcome.exceptions))
        while next_tick <= time.monotonic():
            next_tick += interval
    await session.close()


async def _sample(pids: tuple[int, ...], readings: list[Reading], stop: asyncio.Event) -> None:
    while not stop.is_set():
        reading = read(pids)
        if reading is not None:
            readings.append(reading)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=SAMPLE_EVERY_S)


async def run_level(
    target: Target,
    choices: FilterChoices,
    *,
    sessions: int,
    interval: float,
    seconds: float,
    timeout: float = 60.0,
    seed: int = SEED,
) -> tuple[LevelFigures, Tally]:
    """Run `sessions` leaders for `seconds` (after they all opened their page); their figures.

    Sessions draw their filters from `seed`: a run with another seed asks for other views, so
    it does not find them in the caches an earlier run filled.
    """
    tally = Tally()
    window = Window(sessions, seconds)
    tasks = [
        asyncio.create_task(
            _leader(
                target,
                number,
                choices,
                interval=interval,
                window=window,
                timeout=timeout,
                tally=tally,
                seed=seed,
            )
        )
        for number in range(sessions)
    ]
    # Every session opens its page first; the window starts when all have (or failed), so
    # opening runs do not count as filter changes.
    await window.started.wait()
    deadline = window.deadline
    readings: list[Reading] = []
    stop = asyncio.Event()
    sampler = asyncio.create_task(_sample(target.pids, readings, stop))
    await asyncio.sleep(max(0.0, deadline - time.monotonic()))
    stop.set()
    await sampler
    await asyncio.gather(*tasks)
    return _figures(tally, readings, sessions=sessions, interval=interval, window=seconds), tally


def _figures(
    tally: Tally, readings: list[Reading], *, sessions: int, interval: float, window: float
) -> LevelFigures:
    reruns = len(tally.seconds)
    p50, p95 = p50_p95(tally.seconds)
    cpu_ms = None
    if len(readings) >= 2 and reruns:
        cpu_ms = round((readings[-1].cpu_s - readings[0].cpu_s) * 1000 / reruns, 1)
    return LevelFigures(
        sessions=sessions,
        interval_s=interval,
        window_s=window,
        reruns=reruns,
        reruns_per_s=round(reruns / window, 3),
        p50_s=None if p50 is None else round(p50, 3),
        p95_s=None if p95 is None else round(p95, 3),
        errors=len(tally.errors),
        server_cpu_ms_per_rerun=cpu_ms,
        server_rss_mb=round(max(r.rss_mb for r in readings), 1) if readings else None,
        script_runs=tally.script_runs,
        error_examples=tuple(dict.fromkeys(tally.errors))[:3],
    )


def level(
    target: Target,
    choices: FilterChoices,
    *,
    sessions: int,
    interval: float,
    seconds: float,
    seed: int = SEED,
) -> tuple[LevelFigures, Tally]:
    """run_level from synchronous code."""
    return asyncio.run(
        run_level(target, choices, sessions=sessions, interval=interval, seconds=seconds, seed=seed)
    )
