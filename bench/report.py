"""What the benchmark prints: an aligned table per query, the other figures, one JSON line."""

from __future__ import annotations

import json
from collections.abc import Sequence

from bench.result import REQUIRED_KEYS, BenchResult


def print_report(result: BenchResult) -> None:
    """The tables, the other figures, then the JSON line last."""
    print()
    print(
        f"{result.database}, scale {result.scale:g}, {result.rows_exchanges:,} "
        f"exchanges; medians of {result.runs} runs"
    )
    if result.chart_query_ms is not None:
        # In the order the queries were taken.
        names = list(result.chart_query_ms)
        print(query_table(result, names))
        if result.filtered is not None:
            print()
            print(filtered_table(result, names))
    print()
    for line in other_figures(result):
        print(line)
    for title, note in result.notes.items():
        print(f"note: {title}: {note}")
    print(json_line(result))


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


def query_table(result: BenchResult, names: Sequence[str]) -> str:
    """One row per chart query: ours, the floor, pandas, Datasette and how they compare."""
    ours = result.chart_query_ms or {}
    floor = result.floor_ms or {}
    pandas = result.pandas_ms or {}
    peer = result.datasette_ms or {}
    facet = result.datasette_facet_ms or {}
    peer_sql = result.datasette_sql_ms or {}
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


def filtered_table(result: BenchResult, names: Sequence[str]) -> str:
    """The chart queries and their floor for the filtered variant."""
    variant = result.filtered
    if variant is None:
        raise ValueError("the result holds no filtered variant")
    rows = [
        [name, ms(variant.chart_query_ms.get(name)), ms(variant.floor_ms.get(name))]
        for name in names
    ]
    return table([f"query ({variant.filters})", "ours ms", "floor ms"], rows)


def other_figures(result: BenchResult) -> list[str]:
    """One line per figure that is not a chart query."""
    lines = []
    if result.page_rerun_ms:
        reruns = ", ".join(f"{page} {ms:.0f}" for page, ms in result.page_rerun_ms.items())
        lines.append(f"page reruns (AppTest, ms): {reruns}")
    if result.page_rerun_cold_ms:
        reruns = ", ".join(f"{page} {ms:.0f}" for page, ms in result.page_rerun_cold_ms.items())
        lines.append(f"page reruns after a year-range change (AppTest, ms): {reruns}")
    if result.browser_redraw_ms is not None:
        lines.append(f"browser, filter change to redrawn chart: {result.browser_redraw_ms:.0f} ms")
    if result.csv_extract_s is not None:
        lines.append(
            f"CSV extract, Data page download: {result.csv_extract_s:.2f} s, "
            f"{result.csv_extract_rows:,} rows, {result.csv_extract_mb} MB; peak memory "
            f"{result.csv_extract_peak_mb:.0f} MB above the idle app "
            f"({result.csv_extract_idle_mb:.0f} MB)"
        )
        lines.append(
            f"CSV extract, python -m datastore export: {result.csv_extract_cli_s:.2f} s; "
            f"peak memory {result.csv_extract_cli_peak_mb:.0f} MB above idle"
        )
    if result.datasette_csv_s is not None:
        times = ratio(result.datasette_csv_s, result.csv_extract_s)
        lines.append(
            f"Datasette streaming CSV: {result.datasette_csv_s:.2f} s, "
            f"{result.datasette_csv_mb} MB ({times} as long as ours)"
        )
    if result.import_s is not None:
        lines.append(
            f"import of {result.import_rows:,} exchanges ({result.import_mb} MB CSV): "
            f"{result.import_s:.2f} s; undo {result.undo_s:.2f} s"
        )
    if result.import_floor_100k_s is not None and result.import_100k_s is not None:
        times = ratio(result.import_100k_s, result.import_floor_100k_s)
        lines.append(
            f"the same rows by one plain executemany (the floor): "
            f"{result.import_floor_100k_s:.2f} s (the import took {times} as long)"
        )
    if result.yearly_report_docx_s is not None:
        lines.append(
            f"yearly report ({result.yearly_report}), built and written: "
            f"DOCX {result.yearly_report_docx_s:.2f} s, PDF {result.yearly_report_pdf_s:.2f} s "
            f"(Chromium started first: {result.yearly_report_browser_s:.2f} s)"
        )
    if result.concurrent_p95_s is not None:
        sessions = "?" if result.concurrent_sessions is None else result.concurrent_sessions
        lines.append(
            f"{sessions} concurrent sessions: redraw p50 "
            f"{result.concurrent_p50_s:.2f} s, p95 {result.concurrent_p95_s:.2f} s"
        )
    return lines


def json_line(result: BenchResult) -> str:
    """The whole result as one JSON line, every required key present."""
    figures = result.figures()
    missing = [key for key in REQUIRED_KEYS if key not in figures]
    if missing:
        raise KeyError(f"result lacks {', '.join(missing)}")
    return json.dumps(figures, ensure_ascii=False, separators=(",", ":"))
