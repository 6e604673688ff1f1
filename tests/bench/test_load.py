"""The protocol-level load generator (bench/load/) against live Streamlit servers.

Nothing here is timed. A tiny app that notes every script run in a file and raises on one
province shows that the reruns the generator counts are the runs the server made and that a
page's exception is counted as an error; the dashboard itself shows that the query string a
session sends reaches the page, which reads the province's name and writes its code back.
"""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

from bench.load.filters import FilterChoices
from bench.load.levels import SEED, LevelFigures, Tally, run_level
from bench.load.servers import Target, replica

APP = """
import os
import streamlit as st

with open(os.environ["BENCH_RUNS_FILE"], "a") as runs:
    runs.write("run\\n")
provinces = st.query_params.get_all("province")
if "66" in provinces:
    raise RuntimeError("the page broke on province 66")
st.query_params["seen"] = ",".join(provinces)
"""
CHOICES = FilterChoices(provinces=("01", "79", "48"), years=(2020, 2021, 2022), countries=())


def _run(
    target: Target, choices: FilterChoices, sessions: int, seed: int = SEED
) -> tuple[LevelFigures, Tally]:
    return asyncio.run(
        run_level(target, choices, sessions=sessions, interval=0.3, seconds=3, seed=seed)
    )


def test_the_reruns_counted_are_the_script_runs_and_a_page_exception_is_an_error(
    tmp_path: Path,
) -> None:
    script, runs_file = tmp_path / "app.py", tmp_path / "runs.txt"
    script.write_text(APP)
    env = {"BENCH_RUNS_FILE": str(runs_file)}
    with replica("sqlite://", tmp_path, script=str(script), env=env) as target:
        figures, tally = _run(target, CHOICES, sessions=3)
        server_runs = len(runs_file.read_text().splitlines())
        broken, broken_tally = _run(target, dataclasses.replace(CHOICES, provinces=("66",)), 2)

    assert tally.opened == 3 and figures.reruns > 3
    assert (figures.errors, tally.errors) == (0, [])
    # Every run the server made, the opening runs included, was seen as one by a session.
    assert tally.script_runs == server_runs == 3 + len(tally.finished_runs)
    for query, written, _exceptions in tally.finished_runs:
        sent = [part.removeprefix("province=") for part in query.split("&") if "province=" in part]
        assert written is not None and written.endswith("seen=" + "%2C".join(sent)), query
    assert figures.server_cpu_ms_per_rerun is not None and figures.server_rss_mb

    assert broken.reruns > 0 and broken.errors >= broken.reruns
    assert all("RuntimeError: the page broke on province 66" in e for e in broken_tally.errors)


def test_a_filter_change_reaches_the_dashboard_page(small_url: str, tmp_path: Path) -> None:
    years = FilterChoices.of(small_url).years
    # Names, not codes: the page reads them and writes the codes back into the address.
    choices = FilterChoices(provinces=("Hà Nội", "Gia Lai"), years=years, countries=())
    with replica(small_url, tmp_path) as target:
        figures, tally = _run(target, choices, sessions=2)

    assert (figures.errors, tally.errors) == (0, [])
    assert tally.opened == 2 and figures.reruns > 0
    for query, written, _exceptions in tally.finished_runs:
        assert written is not None, query
        codes = {"H%C3%A0+N%E1%BB%99i": "province=01", "Gia+Lai": "province=52"}
        for name, code in codes.items():
            assert (f"province={name}" in query) == (code in written), (query, written)


def test_a_run_with_another_seed_asks_for_other_views(tmp_path: Path) -> None:
    # The saturation steps and levels each take a seed of their own, so that no run is served
    # from the caches an earlier one filled; the same seed asks again for the same views.
    script, runs_file = tmp_path / "app.py", tmp_path / "runs.txt"
    script.write_text(APP)
    # A space of views large enough that two seeds' draws do not meet by chance.
    provinces = tuple(f"{n:02}" for n in range(10, 40))
    choices = FilterChoices(provinces=provinces, years=tuple(range(2000, 2026)), countries=())
    env = {"BENCH_RUNS_FILE": str(runs_file)}
    with replica("sqlite://", tmp_path, script=str(script), env=env) as target:
        asked = [
            [query for query, _written, _e in _run(target, choices, 1, seed)[1].finished_runs]
            for seed in (SEED, SEED, SEED + 1_000)
        ]

    first, again, other = asked
    shared = min(len(first), len(again))
    assert shared >= 3 and first[:shared] == again[:shared]
    assert not set(other) & set(first + again)
