"""What the benchmark prints: an aligned table per query, the other figures, one JSON line."""

from __future__ import annotations

import json
from collections.abc import Sequence
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
    "concurrent_p50_s",
    "concurrent_p95_s",
)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell; the first left-aligned, the others right-aligned."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        first, *rest = cells
        padded = [first.ljust(widths[0])]
        padded += [cell.rjust(width) for cell, width in zip(rest, widths[1:], strict=True)]
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def ms(value: float | None) -> str:
    """Milliseconds for the table: '–' when not taken."""
    if value is None:
        return "–"
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def ratio(numerator: float | None, denominator: float | None) -> str:
    """How many times longer the first took; '–' when either is missing."""
    if numerator is None or not denominator:
        return "–"
    return f"{numerator / denominator:,.1f}×"


def query_table(result: dict[str, Any], names: Sequence[str]) -> str:
    """One row per chart query: ours, the floor, pandas, Datasette and how they compare."""
    ours = result["chart_query_ms"] or {}
    floor = result["floor_ms"] or {}
    pandas = result["pandas_ms"] or {}
    peer = result["datasette_ms"] or {}
    facet = result.get("datasette_facet_ms") or {}
    peer_sql = result.get("datasette_sql_ms") or {}
    rows = []
    for name in names:
        mark = " (facet)" if name in facet else ""
        rows.append(
            [
                name,
                ms(ours.get(name)),
                ms(floor.get(name)),
                ms(pandas.get(name)),
                ms(peer.get(name)) + mark,
                ms(peer_sql.get(name)),
                ratio(peer.get(name), ours.get(name)),
            ]
        )
    headers = [
        "query",
        "ours ms",
        "floor ms",
        "pandas ms",
        "datasette ms",
        "ds sql ms",
        "datasette/ours",
    ]
    return table(headers, rows)


def filtered_table(result: dict[str, Any], names: Sequence[str]) -> str:
    """The chart queries and their floor for the filtered variant."""
    variant = result["filtered"]
    rows = [
        [name, ms(variant["chart_query_ms"].get(name)), ms(variant["floor_ms"].get(name))]
        for name in names
    ]
    return table([f"query ({variant['filters']})", "ours ms", "floor ms"], rows)


def json_line(result: dict[str, Any]) -> str:
    """The whole result as one JSON line, every required key present."""
    missing = [key for key in REQUIRED_KEYS if key not in result]
    if missing:
        raise KeyError(f"result lacks {', '.join(missing)}")
    return json.dumps(result, ensure_ascii=False, separators=(",", ":"))
