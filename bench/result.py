"""The benchmark's result: every figure of one run, the JSON line's keys as its fields."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# The keys every JSON line has (issue 5), null where a figure could not be taken.
REQUIRED_KEYS = (
    "scale",
    "database",
    "rows_exchanges",
    "chart_query_ms",
    "floor_ms",
    "pandas_ms",
    "datasette_ms",
    "page_rerun_ms",
    "browser_redraw_ms",
    "csv_extract_s",
    "csv_extract_peak_mb",
    "datasette_csv_s",
    "import_100k_s",
    "import_floor_100k_s",
    "concurrent_p50_s",
    "concurrent_p95_s",
    "server_cpu_ms_per_rerun",
    "load",
    "load_saturation_one_replica",
    "load_two_replicas",
)
# Keys the JSON line carries only when their part ran (they describe a figure, not a figure).
_ONLY_WHEN_TAKEN = ("import_mb", "concurrent_sessions", "yearly_report")


@dataclass(frozen=True)
class FilteredFigures:
    """The chart queries and their floor for one province over the last years."""

    filters: str  # e.g. "province 01, 2022–2026"
    chart_query_ms: dict[str, float]
    floor_ms: dict[str, float]


@dataclass(frozen=True)
class BenchResult:
    """Every figure of one run, None where a part was skipped, unavailable or failed.

    Query figures are medians in ms by chart query name; `notes` says, per part, why its
    figures are missing.
    """

    scale: float
    database: str  # sqlite | postgresql
    rows_exchanges: int
    runs: int
    machine: dict[str, Any]
    chart_query_ms: dict[str, float] | None = None
    floor_ms: dict[str, float] | None = None
    filtered: FilteredFigures | None = None
    pandas_ms: dict[str, float] | None = None
    # Datasette: facets where a facet counts the same rows, the SQL endpoint otherwise.
    datasette_ms: dict[str, float] | None = None
    datasette_facet_ms: dict[str, float] | None = None
    datasette_sql_ms: dict[str, float] | None = None
    datasette_csv_s: float | None = None
    datasette_csv_mb: float | None = None
    # The Data page's CSV download, then `python -m datastore export`; memory above the idle app.
    csv_extract_s: float | None = None
    csv_extract_peak_mb: float | None = None
    csv_extract_idle_mb: float | None = None
    csv_extract_rows: int | None = None
    csv_extract_mb: float | None = None
    csv_extract_cli_s: float | None = None
    csv_extract_cli_peak_mb: float | None = None
    import_rows: int | None = None
    import_s: float | None = None
    undo_s: float | None = None
    # Only when exactly 100,000 rows were imported.
    import_100k_s: float | None = None
    undo_100k_s: float | None = None
    # The same 100,000 rows by one plain executemany in one transaction (bench/importing.py).
    import_floor_100k_s: float | None = None
    import_mb: float | None = None
    page_rerun_ms: dict[str, float] | None = None
    page_rerun_cold_ms: dict[str, float] | None = None
    browser_redraw_ms: float | None = None
    concurrent_p50_s: float | None = None
    concurrent_p95_s: float | None = None
    concurrent_sessions: int | None = None
    # The protocol-level load test (bench/load/): median server CPU per filter-change rerun;
    # by number of sessions, {"reruns_per_s", "p50_s", "p95_s", "errors",
    # "server_cpu_ms_per_rerun", "server_rss_mb"}; reruns/s of one replica once saturated;
    # {"saturation_reruns_per_s", "p95_s", "errors"} of two replicas behind nginx.
    server_cpu_ms_per_rerun: float | None = None
    load: dict[str, dict[str, Any]] | None = None
    load_saturation_one_replica: float | None = None
    load_two_replicas: dict[str, Any] | None = None
    # One province's yearly report, built and written whole (bench/yearly_report.py).
    yearly_report: str | None = None  # which: "province 75, 2025"
    yearly_report_browser_s: float | None = None  # starting the charts' Chromium, paid once
    yearly_report_docx_s: float | None = None
    yearly_report_pdf_s: float | None = None
    notes: dict[str, str] = field(default_factory=dict)

    def figures(self) -> dict[str, Any]:
        """The result as the JSON line holds it: plain values, every required key present."""
        figures = asdict(self)
        for key in _ONLY_WHEN_TAKEN:
            if figures[key] is None:
                del figures[key]
        return figures
