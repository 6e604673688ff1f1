"""CPU per filter-change rerun of each chart page in AppTest, and where it goes (cProfile).

`python -m bench.rerun_cpu [--scale 1] [--runs 8] [--profile DIR] [--server]`: per page, one
AppTest session opens it, then `runs` times picks new provinces and years in the sidebar (as the
load generator does through the address bar) and reruns; the CPU time of this process during
each rerun is recorded (AppTest runs the script in this process), then warm reruns with the
filters unchanged. With --profile, each page's changed reruns are written as a pstats file.

With --server, the same in a real server (one replica, as the load test starts it): one
websocket session per page sends `runs` new query strings one after the other, then the same
one `runs` times, and the server's CPU (from /proc) is divided by the requests: no other
session shares the server, so this is what one click costs it, Streamlit's own work included.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import random
import statistics
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import dataset
from bench.load.filters import FilterChoices
from bench.pages import ENTRY, RUN_TIMEOUT_S, _app_test_frame, _check, _run

CHART_PAGES = ("overview", "members", "aid", "exchanges")


def _new_filters(at: object, choices: FilterChoices, rng: random.Random) -> None:
    """One to three provinces of the current list and a year range, as a leader picks them."""
    count = rng.randint(1, 3)
    at.multiselect(key="province").set_value(rng.sample(choices.provinces, count))  # type: ignore[attr-defined]
    first, last = sorted(rng.sample(choices.years, 2))
    at.slider(key="years").set_range(first, last)  # type: ignore[attr-defined]


@contextmanager
def _profiled_script_thread(profiler: cProfile.Profile | None) -> Iterator[None]:
    """Profile the script runs: AppTest runs each in a thread of its own, unseen by cProfile."""
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    if profiler is None:
        yield
        return
    original = ScriptRunner._run_script

    def profiled(self: ScriptRunner, rerun_data: Any) -> None:
        profiler.enable()
        try:
            original(self, rerun_data)
        finally:
            profiler.disable()

    ScriptRunner._run_script = profiled  # type: ignore[method-assign]
    try:
        yield
    finally:
        ScriptRunner._run_script = original  # type: ignore[method-assign]


def page_cpu_ms(
    url: str, page: str, *, runs: int, profile: Path | None, seed: int = 13
) -> dict[str, float]:
    """Median CPU ms of `runs` filter-change reruns of `page`, and of one warm rerun."""
    from streamlit.testing.v1 import AppTest

    choices = FilterChoices.of(url)
    rng = random.Random(seed)
    at = AppTest.from_file(str(ENTRY), default_timeout=RUN_TIMEOUT_S)
    _run(at, page, "first run")
    if page != "overview":
        at.switch_page(f"pages/{page}.py")
        _run(at, page, "switch to the page")
    profiler = cProfile.Profile() if profile else None
    changed: list[float] = []
    with _profiled_script_thread(profiler):
        for _ in range(runs):
            _new_filters(at, choices, rng)
            started = time.process_time()
            at.run()
            changed.append(time.process_time() - started)
            _check(at, page, "filter change")
    warm: list[float] = []
    for _ in range(3):
        started = time.process_time()
        at.run()
        warm.append(time.process_time() - started)
        _check(at, page, "warm rerun")
    if profiler and profile:
        profile.mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(str(profile / f"{page}.pstats"))
    return {
        "changed_ms": round(statistics.median(changed) * 1000, 1),
        "warm_ms": round(statistics.median(warm) * 1000, 1),
    }


def server_cpu_ms(url: str, pages: Sequence[str], *, runs: int, seed: int = 13) -> dict[str, Any]:
    """Mean server CPU ms per filter-change request and per repeated request, by page."""
    import asyncio
    import tempfile

    from bench.load.protocol import LeaderSession
    from bench.load.sampling import read
    from bench.load.servers import replica

    choices = FilterChoices.of(url)
    rng = random.Random(seed)

    def cpu(pids: tuple[int, ...]) -> float:
        reading = read(pids)
        if reading is None:
            raise RuntimeError("the server's CPU time needs Linux /proc")
        return reading.cpu_s

    async def measure(base_url: str, pids: tuple[int, ...], page: str) -> dict[str, float]:
        name = "" if page == "overview" else page
        session = LeaderSession(base_url, page=name)
        await session.connect()
        try:
            for _ in range(3):  # the opening run and two first changes: imports, first queries
                await session.rerun(choices.query(rng, name))
            started = cpu(pids)
            for _ in range(runs):
                await session.rerun(choices.query(rng, name))
            changed = (cpu(pids) - started) / runs
            # The same address twice first: without the browser's widget states, the second
            # request of an address keeps its provinces but not its years (ui/address_bar.py).
            same = choices.query(rng, name)
            for _ in range(2):
                await session.rerun(same)
            started = cpu(pids)
            for _ in range(runs):
                await session.rerun(same)
            warm = (cpu(pids) - started) / runs
        finally:
            await session.close()
        return {"changed_ms": round(changed * 1000, 1), "warm_ms": round(warm * 1000, 1)}

    with tempfile.TemporaryDirectory() as folder, replica(url, Path(folder)) as target:
        return {page: asyncio.run(measure(target.base_url, target.pids, page)) for page in pages}


def main(argv: Sequence[str] | None = None) -> int:
    """Print one JSON line: {page: {changed_ms, warm_ms}}."""
    parser = argparse.ArgumentParser(prog="python -m bench.rerun_cpu", description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--database-url")
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--pages", default=",".join(CHART_PAGES))
    parser.add_argument("--profile", type=Path, help="directory for one pstats file per page")
    parser.add_argument("--server", action="store_true", help="in a real server, from /proc")
    args = parser.parse_args(argv)
    url = args.database_url or dataset.default_url(args.scale)
    dataset.ensure_dataset(url, scale=args.scale, say=lambda _: None)
    if args.server:
        print(json.dumps(server_cpu_ms(url, args.pages.split(","), runs=args.runs)))
        return 0
    found: dict[str, dict[str, float]] = {}
    with _app_test_frame(url):
        for page in args.pages.split(","):
            found[page] = page_cpu_ms(url, page, runs=args.runs, profile=args.profile)
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
