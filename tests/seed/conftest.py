"""The seeded demo database the seed's tests share: seeded once, at a small scale."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from datastore.db import get_engine
from seed.run import seed_database

SCALE = 0.02  # about 2,000 exchanges; organisations, members and aid are the same at any scale


@pytest.fixture(scope="package")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """A SQLite database seeded once at a small scale, with the progress lines it printed."""
    url = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seeded.sqlite3'}"
    lines: list[str] = []
    fractions: list[float] = []

    def progress(message: str, fraction: float) -> None:
        lines.append(message)
        fractions.append(fraction)

    seed_database(url=url, scale=SCALE, seed=42, progress=progress)
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    yield url, lines
    get_engine(url).dispose()
