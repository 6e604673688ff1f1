"""Settings: built from the environment when asked for, one frozen value per environment."""

from __future__ import annotations

import dataclasses

import pytest

from datastore.config import DEFAULT_MAX_UPLOAD_MB, DEFAULT_SQLITE_PATH, Settings, settings


def test_an_empty_environment_gives_the_defaults() -> None:
    chosen = Settings.from_env({})
    assert chosen == Settings(database_url=f"sqlite:///{DEFAULT_SQLITE_PATH}")
    assert chosen.max_upload_mb == DEFAULT_MAX_UPLOAD_MB and chosen.demo_scale == 1.0
    assert not (chosen.login_required or chosen.no_demo)
    with pytest.raises(dataclasses.FrozenInstanceError):
        chosen.no_demo = True  # type: ignore[misc]


def test_every_variable_is_read() -> None:
    chosen = Settings.from_env(
        {
            "DATABASE_URL": " postgres://u@h/db ",
            "DDN_LOGIN_REQUIRED": " 1 ",
            "DDN_MAX_UPLOAD_MB": "0.5",
            "DDN_NO_DEMO": "1",
            "DDN_DEMO_SCALE": "0.02",
        }
    )
    assert chosen == Settings("postgresql+psycopg://u@h/db", True, 0.5, True, 0.02)


def test_a_bad_upload_limit_means_the_default_and_a_bad_scale_is_refused() -> None:
    assert Settings.from_env({"DDN_MAX_UPLOAD_MB": "lots"}).max_upload_mb == DEFAULT_MAX_UPLOAD_MB
    with pytest.raises(ValueError, match="DDN_DEMO_SCALE"):
        Settings.from_env({"DDN_DEMO_SCALE": "tiny"})


def test_settings_follow_the_environment_at_call_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite:///one.sqlite3")
    monkeypatch.delenv("DDN_NO_DEMO", raising=False)
    first = settings()
    assert first.database_url == "sqlite:///one.sqlite3" and not first.no_demo
    assert settings() is first  # the same environment, the same value
    monkeypatch.setenv("DDN_NO_DEMO", "1")
    assert settings().no_demo
