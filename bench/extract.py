"""A full CSV extract of every exchange: its time and the peak memory above the idle process.

Two code paths. `data_page`: what the Data page's CSV link fetches. The child starts the app as
it is deployed (`streamlit run app.py`, testkit/server.py) on the database, asks the route once
for one year's exchanges (so that the extract's modules and the engine are loaded: the idle
app), reads the server's resident memory from /proc/<pid>/status and resets its high-water
mark (writing 5 to /proc/<pid>/clear_refs), then downloads the page's link for every exchange
with the dashboard's default filters (ui/extract_route.py streams it) and reads the server's
VmHWM: the most it held while streaming. `cli`: `python -m datastore export exchanges --out
FILE` in the child itself, which streams to a file; its idle is the child with the modules
imported and the engine open, its peak the child's own VmHWM.
Run as `python -m bench.extract PATH URL`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from datastore.config import PROJECT_ROOT
from datastore.vocabulary import DataKind

PATHS = ("data_page", "cli")
KIND: DataKind = "exchanges"
TIMEOUT_S = 1800


@dataclass(frozen=True)
class ExtractFigures:
    """One extract as the child measured it."""

    path: str
    seconds: float
    rows: int
    bytes: int
    idle_mb: float  # resident memory of the idle app
    peak_mb: float  # the most resident memory the process ever held
    peak_above_idle_mb: float

    @classmethod
    def of(
        cls, path: str, *, seconds: float, rows: int, size: int, idle_kb: int, peak_kb: int
    ) -> ExtractFigures:
        """Figures from what was measured: memory in kB as /proc gives it, shown in MB."""
        return cls(
            path=path,
            seconds=round(seconds, 3),
            rows=rows,
            bytes=size,
            idle_mb=round(idle_kb / 1024, 1),
            peak_mb=round(peak_kb / 1024, 1),
            peak_above_idle_mb=round((peak_kb - idle_kb) / 1024, 1),
        )


def measure(url: str, *, path: str) -> ExtractFigures:
    """Run one extract in a fresh Python process and return what it measured."""
    if path not in PATHS:
        raise ValueError(f"unknown extract path {path!r}; expected one of {', '.join(PATHS)}")
    result = subprocess.run(
        [sys.executable, "-m", "bench.extract", path, url],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        check=False,
        timeout=TIMEOUT_S,
    )
    lines = result.stdout.strip().splitlines()
    if result.returncode != 0 or not lines:
        raise RuntimeError(
            f"the {path} extract failed ({result.returncode}):\n{result.stderr[-3000:]}"
        )
    return ExtractFigures(**json.loads(lines[-1]))


def _status_kb(field: str, pid: int | str = "self") -> int:
    """One memory figure of a process (this one by default) from /proc/<pid>/status, in kB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status (Linux only)")


def _rss_kb() -> int:
    """Resident memory of this process now, in kB."""
    return _status_kb("VmRSS")


def _peak_kb() -> int:
    """The most resident memory this process has held, in kB.

    VmHWM, the high-water mark of this process's own memory; not ru_maxrss, which Linux carries
    over from the parent across fork and exec, so a large parent would show as the child's peak.
    """
    return _status_kb("VmHWM")


def child(path: str, url: str) -> ExtractFigures:
    """Inside the child: measure one extract of `path`."""
    return _through_the_page_link(url) if path == "data_page" else _through_the_cli(url)


def _through_the_page_link(url: str) -> ExtractFigures:
    """The Data page's CSV link fetched from a running app; memory is the server's."""
    from sqlmodel import Session

    from bench.queries import dashboard_filters
    from datastore.db import get_engine
    from datastore.extracts.reading import count_rows
    from testkit.server import run_dashboard
    from ui.extract_route import extract_href

    with Session(get_engine(url)) as session:
        filters = dashboard_filters(session=session)
        rows = count_rows(KIND, session=session, filters=filters)
    link = extract_href(KIND, "csv", filters=filters, lang="vi")
    one_year = extract_href(
        KIND, "csv", filters=filters.with_(year_from=filters.year_to), lang="vi"
    )
    with (
        tempfile.TemporaryDirectory() as scratch,
        run_dashboard(url, Path(scratch) / "streamlit.log") as server,
    ):
        pid = _listening_pid(server.base_url)
        # One year first: loads the extract's modules and the engine (the idle app).
        read_to_end(server.base_url + one_year, timeout=TIMEOUT_S)
        idle = _status_kb("VmRSS", pid)
        Path(f"/proc/{pid}/clear_refs").write_text("5")  # VmHWM starts again from now
        start = time.perf_counter()
        size, lines = read_to_end(server.base_url + link, timeout=TIMEOUT_S)
        seconds = time.perf_counter() - start
        peak = _status_kb("VmHWM", pid)
    if lines - 1 != rows:
        raise RuntimeError(f"the page's link gave {lines - 1:,} rows, expected {rows:,}")
    return ExtractFigures.of(
        "data_page", seconds=seconds, rows=rows, size=size, idle_kb=idle, peak_kb=peak
    )


def read_to_end(url: str, *, timeout: float) -> tuple[int, int]:
    """(bytes, lines) of one GET, read to the end in 1 MB blocks as a browser saves it."""
    size = lines = 0
    with urllib.request.urlopen(url, timeout=timeout) as reply:
        while block := reply.read(1 << 20):
            size += len(block)
            lines += block.count(b"\n")
    return size, lines


def _listening_pid(base_url: str) -> int:
    """The process that listens on the server's port (`streamlit run` execs no other)."""
    port = int(base_url.rsplit(":", 1)[1])
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":  # LISTEN
                inodes.add(fields[9])
    for fd in Path("/proc").glob("[0-9]*/fd/*"):
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:[") and target[8:-1] in inodes:
            return int(fd.parts[2])
    raise RuntimeError(f"no process of ours listens on port {port}")


def _through_the_cli(url: str) -> ExtractFigures:
    """`python -m datastore export` in this process; memory is this process's."""
    from sqlmodel import Session

    from datastore import cli
    from datastore.db import get_engine
    from datastore.extracts.reading import count_rows
    from datastore.filters import Filters

    engine = get_engine(url)
    with Session(engine) as session:
        rows = count_rows(KIND, session=session, filters=Filters())
    idle = _rss_kb()
    with tempfile.TemporaryDirectory() as scratch:
        start = time.perf_counter()
        out = Path(scratch) / f"{KIND}.csv"
        code = cli.main(["--database-url", url, "export", KIND, "--out", str(out)])
        if code != 0:
            raise RuntimeError(f"python -m datastore export exited with {code}")
        size = out.stat().st_size
        seconds = time.perf_counter() - start
    peak = _peak_kb()
    return ExtractFigures.of(
        "cli", seconds=seconds, rows=rows, size=size, idle_kb=idle, peak_kb=peak
    )


def main(argv: list[str]) -> int:
    """`python -m bench.extract PATH URL`: one JSON line with the figures."""
    path, url = argv
    figures: dict[str, Any] = asdict(child(path, url))
    print(json.dumps(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
