"""Datasette serving the same SQLite file: the peer, asked the same aggregates over HTTP.

The server runs in normal (mutable) mode, the way one serves a file that loads keep writing
to, with time limits raised so that no aggregate is cut short and facet suggestions off (they
would add work to every table request that no chart needs). Counts by one column use the table
endpoint's facet (`?_facet=country_code&_size=0&_nocount=1`, filters as `year__gte=`); every
aggregate also goes through the SQL JSON endpoint with the floor SQL text.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.extract import read_to_end
from datastore.filters import Filters
from testkit.server import free_port, stop_process

MISSING = "Datasette is not installed (pip install -r requirements-dev.txt): skipped"
STARTUP_TIMEOUT_S = 60.0
REQUEST_TIMEOUT_S = 600.0
SETTINGS = {
    "sql_time_limit_ms": "600000",
    "facet_time_limit_ms": "600000",
    "max_returned_rows": "100000",
    "max_csv_mb": "0",  # no limit: the CSV must hold every row
    "suggest_facets": "off",
}


def installed() -> bool:
    """Whether the datasette package can be imported here."""
    return importlib.util.find_spec("datasette") is not None


@dataclass(frozen=True)
class Peer:
    """A running Datasette: its base address and the route of our database in it."""

    base: str
    database: str

    def get(self, path: str, params: dict[str, Any] | None = None) -> bytes:
        """The body of one GET request, read to the end."""
        query = "?" + urllib.parse.urlencode(params or {}) if params else ""
        with urllib.request.urlopen(self.base + path + query, timeout=REQUEST_TIMEOUT_S) as reply:
            body: bytes = reply.read()
        return body

    def sql(self, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Rows of a SELECT through the SQL JSON endpoint; parameters by name."""
        arguments = {"sql": sql, "_shape": "array", **{k: str(v) for k, v in params.items()}}
        rows: list[dict[str, Any]] = json.loads(self.get(f"/{self.database}.json", arguments))
        return rows

    def facet(self, table: str, column: str, filters: Filters) -> dict[Any, int]:
        """Row counts per value of one column (nulls left out), from the table's facet."""
        arguments: dict[str, Any] = {
            "_facet": column,
            "_size": "0",
            "_facet_size": "max",
            "_nocount": "1",
            **facet_filters(filters),
        }
        body = json.loads(self.get(f"/{self.database}/{table}.json", arguments))
        (result,) = body["facet_results"].values()
        if result.get("truncated"):
            raise RuntimeError(f"Datasette cut the facet on {column} short")
        return {item["value"]: int(item["count"]) for item in result["results"]}

    def stream_csv(self, table: str) -> tuple[int, int]:
        """(bytes, lines) of the whole table as Datasette's streaming CSV, read to the end."""
        url = f"{self.base}/{self.database}/{table}.csv?_stream=on&_size=max"
        return read_to_end(url, timeout=REQUEST_TIMEOUT_S)


def facet_filters(filters: Filters) -> dict[str, Any]:
    """The table-endpoint arguments for the filters a facet comparison uses (the year range)."""
    if filters.provinces or filters.countries or filters.direction or filters.kinds:
        raise ValueError("only a year range is compared through Datasette's facets")
    arguments: dict[str, Any] = {}
    if filters.year_from is not None:
        arguments["year__gte"] = str(filters.year_from)
    if filters.year_to is not None:
        arguments["year__lte"] = str(filters.year_to)
    return arguments


@contextmanager
def serve(path: Path) -> Iterator[Peer]:
    """Datasette on a free port of 127.0.0.1 serving one SQLite file; stopped on exit."""
    port = free_port()
    command = [sys.executable, "-m", "datasette", "serve", str(path)]
    command += ["-h", "127.0.0.1", "-p", str(port)]
    for name, value in SETTINGS.items():
        command += ["--setting", name, value]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            peer = _wait_until_up(f"http://127.0.0.1:{port}", process, log)
            yield peer
        finally:
            stop_process(process)


def _wait_until_up(base: str, process: subprocess.Popen[bytes], log: Any) -> Peer:
    """The peer once Datasette answers; RuntimeError with its output if it never does."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(base + "/-/databases.json", timeout=5) as reply:
                databases = json.loads(reply.read())
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
            continue
        (database,) = databases
        return Peer(base=base, database=str(database.get("route") or database["name"]))
    log.seek(0)
    output = log.read().decode("utf-8", "replace")[-2000:]
    raise RuntimeError(f"Datasette did not start at {base}:\n{output}")
