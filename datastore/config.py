"""Settings: one frozen value built from the environment, read when asked for, never at import."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "data" / "diplomacy.sqlite3"
DEFAULT_MAX_UPLOAD_MB = 20.0
# Every variable the settings are built from; changing any of them gives a new value.
ENVIRONMENT = (
    "DATABASE_URL",
    "DDN_LOGIN_REQUIRED",
    "DDN_MAX_UPLOAD_MB",
    "DDN_NO_DEMO",
    "DDN_DEMO_SCALE",
)


@dataclass(frozen=True)
class Settings:
    """What the deployment chose: the database, sign-in, the upload limit and the demo data."""

    database_url: str  # DATABASE_URL, else the embedded SQLite file under data/
    login_required: bool = False  # DDN_LOGIN_REQUIRED=1: nothing is shown before signing in
    max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB  # DDN_MAX_UPLOAD_MB, per uploaded file
    no_demo: bool = False  # DDN_NO_DEMO=1: an empty database stays empty
    demo_scale: float = 1.0  # DDN_DEMO_SCALE: less demo data for tests and small machines

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings the environment (os.environ by default) names."""
        env = os.environ if environ is None else environ
        scale = env.get("DDN_DEMO_SCALE", "1")
        try:
            demo_scale = float(scale)
        except ValueError:
            raise ValueError(f"DDN_DEMO_SCALE must be a number, not {scale!r}") from None
        return cls(
            database_url=_database_url(env.get("DATABASE_URL", "")),
            login_required=env.get("DDN_LOGIN_REQUIRED", "").strip() == "1",
            max_upload_mb=_megabytes(env.get("DDN_MAX_UPLOAD_MB", "")),
            no_demo=env.get("DDN_NO_DEMO") == "1",
            demo_scale=demo_scale,
        )


def settings() -> Settings:
    """The settings of the current environment, built once for each distinct environment.

    Read at call time (a few dictionary lookups), so a test that sets a variable sees it.
    """
    return _settings_for(tuple(os.environ.get(name) for name in ENVIRONMENT))


def database_url() -> str:
    """The database to use: `DATABASE_URL`, else the embedded SQLite file under `data/`."""
    return settings().database_url


@lru_cache(maxsize=8)
def _settings_for(values: tuple[str | None, ...]) -> Settings:
    given = {
        name: value for name, value in zip(ENVIRONMENT, values, strict=True) if value is not None
    }
    return Settings.from_env(given)


def _database_url(value: str) -> str:
    url = value.strip()
    if not url:
        return f"sqlite:///{DEFAULT_SQLITE_PATH}"
    # Accept the bare scheme that hosting platforms hand out, and use psycopg 3 for it.
    for bare in ("postgres://", "postgresql://"):
        if url.startswith(bare):
            return "postgresql+psycopg://" + url[len(bare) :]
    return url


def _megabytes(value: str) -> float:
    """An upload limit in megabytes; empty or not a number means the default."""
    try:
        return float(value or DEFAULT_MAX_UPLOAD_MB)
    except ValueError:
        return DEFAULT_MAX_UPLOAD_MB
