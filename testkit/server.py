"""`streamlit run app.py` (dashboard.py and its download route) on a free port, for tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SERVER_START_SECONDS = 60.0


@dataclass(frozen=True)
class DashboardServer:
    """A running `streamlit run app.py` and the database it serves."""

    base_url: str
    database_url: str

    def url(self, page: str = "", query: str = "") -> str:
        """Address of a page ("" for the overview), with an optional query string."""
        return f"{self.base_url}/{page}" + (f"?{query}" if query else "")


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@contextmanager
def run_dashboard(
    database_url: str, log_path: Path, *, environ: Mapping[str, str] | None = None
) -> Iterator[DashboardServer]:
    """`streamlit run app.py` on a free loopback port, `environ` added; stopped on leaving."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": database_url, "DDN_NO_DEMO": "1", **(environ or {})}
    command = [
        str(Path(sys.executable).with_name("streamlit")),
        "run",
        "app.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        # Source edits during a run must not make the server re-import modules mid-test.
        "--server.fileWatcherType",
        "none",
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        try:
            deadline = time.monotonic() + SERVER_START_SECONDS
            while not _healthy(base_url):
                if process.poll() is not None or time.monotonic() > deadline:
                    output = log_path.read_text(errors="replace")[-3000:]
                    raise RuntimeError(f"streamlit did not start on {base_url}:\n{output}")
                time.sleep(0.2)
            yield DashboardServer(base_url=base_url, database_url=database_url)
        finally:
            stop_process(process)


def stop_process(process: subprocess.Popen[bytes], *, grace: float = 10) -> None:
    """Ask a server to stop, kill it if it does not within `grace` seconds, and reap it."""
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
