"""A full CSV extract of every exchange, taken in a child process: its time and peak memory.

Two code paths. `data_page`: what the Data page's CSV button runs (ui/extract_tab.py hands
`export_bytes(...)` to st.download_button: the whole file as bytes in memory), with the
dashboard's default filters. `cli`: `python -m datastore export exchanges --out FILE`, which
streams to a file. The child first imports the modules that path runs with (the Data page's
include Streamlit) and opens the engine; on the Data page path it also counts the rows and
reads the 200-row preview, as the page does before its button is clicked. That is the idle
app, whose resident memory is read from /proc/self/status. Then it extracts once; its peak is
VmHWM, the most it ever held, so nothing freed in between can hide.
Run as `python -m bench.extract PATH URL`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from datastore.config import PROJECT_ROOT
from datastore.vocabulary import DataKind

PATHS = ("data_page", "cli")
KIND: DataKind = "exchanges"
TIMEOUT_S = 1800
PREVIEW_ROWS = 200  # ui/extract_tab.py


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


def _status_kb(field: str) -> int:
    """One memory figure of this process from /proc/self/status, in kB."""
    for line in Path("/proc/self/status").read_text().splitlines():
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
    """Inside the child: become the idle app, then extract once and measure it."""
    from sqlmodel import Session

    from bench.queries import dashboard_filters
    from datastore.db import get_engine
    from datastore.export import export_bytes
    from datastore.extracts.reading import count_rows, read_extract
    from datastore.filters import Filters

    if path == "data_page":
        import ui.extract_tab  # noqa: F401 - the modules the Data page runs with
    else:
        from datastore import cli

    engine = get_engine(url)
    with Session(engine) as session:
        filters = dashboard_filters(session=session) if path == "data_page" else Filters()
        rows = count_rows(KIND, session=session, filters=filters)
        if path == "data_page":
            # What the Data page shows before its button is clicked: the count and a preview.
            read_extract(KIND, session=session, filters=filters, limit=PREVIEW_ROWS)
    idle = _rss_kb()
    with tempfile.TemporaryDirectory() as scratch:
        start = time.perf_counter()
        if path == "data_page":
            size = len(export_bytes(KIND, engine=engine, filters=filters, fmt="csv"))
        else:
            out = Path(scratch) / f"{KIND}.csv"
            code = cli.main(["--database-url", url, "export", KIND, "--out", str(out)])
            if code != 0:
                raise RuntimeError(f"python -m datastore export exited with {code}")
            size = out.stat().st_size
        seconds = time.perf_counter() - start
    peak = _peak_kb()
    return ExtractFigures(
        path=path,
        seconds=round(seconds, 3),
        rows=rows,
        bytes=size,
        idle_mb=round(idle / 1024, 1),
        peak_mb=round(peak / 1024, 1),
        peak_above_idle_mb=round((peak - idle) / 1024, 1),
    )


def main(argv: list[str]) -> int:
    """`python -m bench.extract PATH URL`: one JSON line with the figures."""
    path, url = argv
    figures: dict[str, Any] = asdict(child(path, url))
    print(json.dumps(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
