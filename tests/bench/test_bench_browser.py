"""The benchmark's page-rerun and browser measurements (bench/pages.py, bench/browser.py).

Nothing here is timed: the tests check that every page is measured, that an error page is
refused instead of reported as fast, and that the browser measurement yields a figure. The
browser measurement runs in a subprocess: the session of tests/utils/browser_fixtures.py already
drives Chromium through Playwright's sync API, and Playwright cannot run a second driver in the
same thread.
"""

from __future__ import annotations

import dataclasses
import random
import subprocess
import sys
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from bench.pages import PAGES, PageFailed, _year_ranges, page_rerun_cold_ms, page_rerun_ms
from bench.redraw import MOST_PROVINCES, next_change
from datastore.config import PROJECT_ROOT as ROOT
from datastore.db import get_engine
from datastore.models.accounts import UserAccount
from testkit.chromium import CHROMIUM
from ui import catalog, sitemap

ALL_PAGES = [page.name for page in sitemap.PAGES]


def _accounts(url: str) -> int:
    with Session(get_engine(url)) as session:
        return int(session.execute(select(func.count()).select_from(UserAccount)).scalar_one())


def test_every_page_file_is_measured() -> None:
    shipped = sorted(path.stem for path in (ROOT / "pages").glob("*.py"))
    assert sorted(PAGES) == shipped == sorted(ALL_PAGES)


def test_every_page_rerun_gives_a_positive_median_and_leaves_no_account_behind(
    small_sqlite_url: str,
) -> None:
    medians = page_rerun_ms(small_sqlite_url, runs=2)

    assert list(medians) == ALL_PAGES
    assert all(ms > 0 for ms in medians.values()), medians
    # The editor made to open the import page is gone again.
    assert _accounts(small_sqlite_url) == 0


def test_every_page_rerun_after_a_year_change_gives_a_positive_median(
    small_sqlite_url: str,
) -> None:
    medians = page_rerun_cold_ms(small_sqlite_url, runs=1)

    # The small dataset spans 2014-2026, so every page has a years slider to move.
    assert list(medians) == ALL_PAGES
    assert all(ms > 0 for ms in medians.values()), medians


def test_a_page_that_shows_an_exception_is_refused_not_timed(
    small_sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("chart builder broken on purpose")

    # The overview page reads its trends chart from the catalogue on every run.
    monkeypatch.setattr(
        catalog, "OVERVIEW_TRENDS", dataclasses.replace(catalog.OVERVIEW_TRENDS, build=broken)
    )

    with pytest.raises(PageFailed, match=r"'overview'.*chart builder broken on purpose"):
        page_rerun_ms(small_sqlite_url, runs=1)
    assert _accounts(small_sqlite_url) == 0


def test_year_ranges_skip_the_full_range_and_those_chosen_on_earlier_pages() -> None:
    chosen = {(2019, 2020)}  # set on an earlier page
    ranges = _year_ranges(2019, 2021, chosen)

    first_round = [next(ranges) for _ in range(4)]

    assert first_round == [(2020, 2021), (2019, 2019), (2020, 2020), (2021, 2021)]
    assert chosen == {(2019, 2020), *first_round}
    # None left: the caches are cleared and the ranges come round again, widest first.
    assert next(ranges) == (2019, 2020)
    assert chosen == {(2019, 2020)}


def test_province_changes_never_return_to_an_earlier_selection() -> None:
    provinces = [f"Tỉnh {number} ({number:02d})" for number in range(1, 35)]
    rng = random.Random(7)
    chosen: list[str] = []
    seen: set[tuple[str, ...]] = {()}

    for _ in range(300):
        add, label = next_change(chosen, provinces, seen, rng)
        if add and len(chosen) >= MOST_PROVINCES:
            # Beyond the usual few only when every removal would repeat a selection.
            removals = [tuple(p for p in chosen if p != gone) for gone in chosen]
            assert all(after in seen for after in removals), chosen
        if add:
            assert label not in chosen
            chosen.append(label)
        else:
            chosen.remove(label)
        assert tuple(chosen) not in seen
        seen.add(tuple(chosen))


@pytest.mark.browser
@pytest.mark.slow
def test_the_browser_redraw_of_two_province_changes_gives_a_positive_median(
    small_sqlite_url: str,
) -> None:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (bash scripts/test.sh installs it)")
    script = (
        "import sys\n"
        "from bench.browser import browser_redraw_ms\n"
        "print(browser_redraw_ms(sys.argv[1], runs=2))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, small_sqlite_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.strip().splitlines()
    assert "browser redraws (1 session): 2 measured, 0 timed out" in lines, done.stdout
    assert float(lines[-1]) > 0, done.stdout
    # The first screen is timed by the same clock and is never redrawn after the whole page.
    first = next(line for line in lines if line.startswith("  first screen"))
    p50 = float(first.split("p50 ")[1].split(" s")[0])
    assert 0 < p50 <= float(lines[-1]) / 1000 + 0.005, done.stdout
