"""What keeps a rerun cheap in a running server, set where the server reads it."""

from __future__ import annotations

import tomllib

from datastore.config import PROJECT_ROOT


def test_the_server_does_not_collect_all_garbage_after_every_script_run() -> None:
    # Streamlit's default full gc.collect() after each run cost more than the page itself.
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text())

    assert config["runner"]["postScriptGC"] is False
