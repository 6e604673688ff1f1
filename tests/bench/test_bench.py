"""The benchmark measures like with like: its floor SQL, pandas twins and Datasette requests give
the chart queries' numbers on tests/utils/small_dataset.py, and its JSON line has every key."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session

from bench import dataset
from bench.cli import main
from bench.floor import floor_statement, province_column, run_floor
from bench.importing import exchanges_csv, import_and_undo
from bench.pandas_twin import run_pandas
from bench.queries import (
    CHART_QUERIES,
    ChartQuery,
    dashboard_filters,
    page_filters,
    rows,
    run_chart_query,
)
from bench.report import json_line
from bench.result import REQUIRED_KEYS, BenchResult
from bench.runner import Unavailable, _optional
from datastore.db import get_engine
from datastore.filters import Filters
from datastore.load.files import read_file
from datastore.models.reference import ProvinceList
from datastore.queries.overview import RESTATED_ON
from tests.utils.lineage_dataset import load_merger
from ui import catalog

NAMES = [query.name for query in CHART_QUERIES]

# Filters on top of each page's defaults; each narrows a different fact column.
VARIANTS: dict[str, dict[str, Any]] = {
    "page defaults": {},
    "Đồng Nai 2019–2020": {"provinces": ("75",), "year_from": 2019, "year_to": 2020},
    "old Bình Phước and Bình Định": {
        "province_list": ProvinceList.LEGACY,
        "provinces": ("70", "52"),
    },
    "Cambodia and the USA": {"countries": ("KHM", "USA")},
    "committed health and education aid, incoming delegations": {
        "measure": "committed",
        "sectors": ("121", "111"),
        "direction": "incoming",
        "kinds": ("delegation",),
    },
}


def _filters(url: str, query: ChartQuery, changes: dict[str, Any]) -> Filters:
    with Session(get_engine(url)) as session:
        shared = dashboard_filters(session=session)
    return page_filters(shared, query.page).with_(**changes)


def _in_usd(query: ChartQuery) -> ChartQuery:
    return dataclasses.replace(query, currency="USD")


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_the_floor_sql_and_the_pandas_twin_give_every_chart_querys_numbers(
    small_url: str, variant: str
) -> None:
    engine = get_engine(small_url)
    queries = [*CHART_QUERIES, *(_in_usd(q) for q in CHART_QUERIES if "currency" in q.options)]
    differing = []
    for query in queries:
        filters = _filters(small_url, query, VARIANTS[variant])
        expected = rows(query, run_chart_query(query, engine=engine, filters=filters))
        floor = rows(query, run_floor(query, engine=engine, filters=filters))
        pandas = rows(query, run_pandas(query, engine=engine, filters=filters))
        if floor != expected or pandas != expected:
            differing.append(f"{query.name} {query.options}: {expected} {floor} {pandas}")
    assert differing == []


def test_every_variant_leaves_some_chart_with_rows_so_the_comparison_compares_something(
    small_url: str,
) -> None:
    engine = get_engine(small_url)
    for variant, changes in VARIANTS.items():
        sizes = [
            len(run_floor(q, engine=engine, filters=_filters(small_url, q, changes)))
            for q in CHART_QUERIES
        ]
        assert sum(sizes) > 0, variant


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"year_to": 2025},
        {"provinces": ("75",), "year_from": 2023, "year_to": 2025},
        {"countries": ("LAO",)},
    ],
)
def test_the_floor_and_the_pandas_twin_count_earlier_associations_as_their_successors(
    small_url: str, changes: dict[str, Any]
) -> None:
    with Session(get_engine(small_url)) as session:
        load_merger(session)  # tests/utils/lineage_dataset.py: the 2025 merger, with lineage
    engine = get_engine(small_url)
    query = ChartQuery(catalog.OVERVIEW_BY_YEAR)
    filters = _filters(small_url, query, changes)
    result = run_chart_query(query, engine=engine, filters=filters)
    assert RESTATED_ON in result.attrs  # something was restated, so this compares something
    expected = rows(query, result)
    assert rows(query, run_floor(query, engine=engine, filters=filters)) == expected
    assert rows(query, run_pandas(query, engine=engine, filters=filters)) == expected


def test_the_floor_counts_exchanges_and_participants_per_partner_country_as_by_hand(
    small_url: str,
) -> None:
    query = ChartQuery(catalog.EXCHANGES_BY_PARTNER_COUNTRY)
    filters = _filters(small_url, query, {})
    # 2014–2026: KHM E1 E2 E3 E5 E6 (12+8+10+20+15), USA E4, LAO E7 (no count); E8 no country.
    assert (filters.year_from, filters.year_to) == (2014, 2026)
    expected = [("KHM", 5.0, 65.0), ("LAO", 1.0, 0.0), ("USA", 1.0, 150.0)]
    assert rows(query, run_floor(query, engine=get_engine(small_url), filters=filters)) == expected


def test_the_pandas_twin_keeps_the_top_localities_with_ties_broken_by_name(
    small_url: str,
) -> None:
    query = ChartQuery(dataclasses.replace(catalog.EXCHANGES_BY_PARTNER_LOCALITY, limit=2))
    filters = _filters(small_url, query, {})
    # Mondulkiri (E1 E2) and Ratanakiri (E5 E6) have 2 each, Kratie (E3) 1.
    frame = run_pandas(query, engine=get_engine(small_url), filters=filters)
    assert list(frame["partner_locality"]) == ["Mondulkiri", "Ratanakiri"]
    assert list(frame["exchanges"]) == [2, 2]


def test_the_floor_sql_binds_every_filter_value_instead_of_writing_it_into_the_text() -> None:
    filters = Filters(provinces=("75",), countries=("KHM",), year_from=2019, kinds=("event",))
    sql, params = floor_statement(ChartQuery(catalog.EXCHANGES_BY_PROVINCE), filters)
    assert "'75'" not in sql and "KHM" not in sql and "2019" not in sql
    assert sorted(params.values(), key=str) == [2019, "34", "75", "KHM", "event"]
    assert "FROM exchange e" in sql and "rollup" not in sql.lower()


def test_the_legacy_list_groups_by_the_63_province_column() -> None:
    assert province_column(Filters()) == "province_2025_id"
    assert province_column(Filters(province_list=ProvinceList.LEGACY)) == "province_63_id"


def test_datasettes_facets_and_sql_endpoint_answer_what_the_chart_queries_answer(
    small_sqlite_url: str,
) -> None:
    pytest.importorskip("datasette")
    from bench import datasette as peer

    engine = get_engine(small_sqlite_url)
    path = dataset.sqlite_path(small_sqlite_url)
    assert path is not None
    with peer.serve(path) as server:
        for query in CHART_QUERIES:
            filters = _filters(small_sqlite_url, query, {})
            sql, params = floor_statement(query, filters)
            answered = [tuple(row.values()) for row in server.sql(sql, params)]
            expected = rows(query, run_chart_query(query, engine=engine, filters=filters))
            assert rows(query, answered) == expected, query.name
        country = ChartQuery(catalog.EXCHANGES_BY_PARTNER_COUNTRY)
        facet = server.facet("exchange", "country_code", _filters(small_sqlite_url, country, {}))
        assert facet == {"KHM": 5, "USA": 1, "LAO": 1}
        province = ChartQuery(catalog.EXCHANGES_BY_PROVINCE)
        facet = server.facet(
            "exchange", "province_2025_id", _filters(small_sqlite_url, province, {})
        )
        frame = run_chart_query(
            province, engine=engine, filters=_filters(small_sqlite_url, province, {})
        )
        # Đồng Nai (75): E3 E4 E7 E8; Gia Lai (52): E5 E6; Đắk Lắk (66): E1 E2.
        assert sorted(facet.values()) == sorted(frame["exchanges"]) == [2, 2, 4]


def test_the_bench_import_file_has_the_templates_columns_and_new_titles(small_url: str) -> None:
    with Session(get_engine(small_url)) as session:
        data = exchanges_csv(session=session, rows=20)
    table = read_file(data, file_name="bench.csv", kind="exchanges")
    titles = [row["title"] for row in table.rows]
    assert len(titles) == len(set(titles)) == 20
    # 8 stored exchanges: passes 0 and 1 take all 8, pass 2 the first 4.
    assert sum(title.endswith(" [bench 2]") for title in titles) == 4


def test_the_timed_import_adds_every_row_and_its_undo_leaves_the_exchanges_as_they_were(
    small_url: str,
) -> None:
    before = dataset.count_exchanges(small_url)
    figures = import_and_undo(small_url, rows=30)
    assert (figures.rows, figures.added, figures.removed) == (30, 30, 30)
    assert dataset.count_exchanges(small_url) == before == 8
    # The floor inserted the same 30 rows into a copy (SQLite) or took them out again.
    assert figures.floor_s > 0
    path = dataset.sqlite_path(small_url)
    if path is not None:
        assert sorted(p.name for p in path.parent.iterdir() if "floor" in p.name) == []


def test_the_command_ends_with_one_json_line_holding_every_figures_key(
    small_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "--database-url",
            small_url,
            "--runs",
            "1",
            "--extract-runs",
            "1",
            "--import-rows",
            "25",
            "--skip-pages",
            "--skip-browser",
            "--skip-concurrency",
            "--skip-load",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    figures = json.loads(out.strip().splitlines()[-1])
    assert set(REQUIRED_KEYS) <= set(figures)
    assert figures["rows_exchanges"] == 8
    for key in ("chart_query_ms", "floor_ms", "pandas_ms"):
        assert list(figures[key]) == NAMES, key
    sqlite = figures["database"] == "sqlite"
    assert figures["database"] in ("sqlite", "postgresql")
    assert (figures["datasette_ms"] is not None) == sqlite
    if sqlite:
        assert sorted(figures["datasette_ms"]) == sorted(NAMES)
        assert sorted(figures["datasette_facet_ms"]) == [
            "exchanges_by_partner_country",
            "exchanges_by_province",
        ]
    else:
        assert "SQLite files only" in figures["notes"]["Datasette"]
    assert figures["csv_extract_rows"] == 8 and figures["csv_extract_peak_mb"] is not None
    # 25 rows are not 100,000: the figure under that name stays empty.
    assert (figures["import_rows"], figures["import_100k_s"]) == (25, None)
    assert figures["import_floor_100k_s"] is None
    for key in ("page_rerun_ms", "browser_redraw_ms", "concurrent_p50_s", "concurrent_p95_s"):
        assert figures[key] is None, key
    # Đồng Nai's report of the small dataset's latest year over, in both formats.
    assert figures["yearly_report"].startswith("province 75, ")
    assert figures["yearly_report_docx_s"] > 0 and figures["yearly_report_pdf_s"] > 0
    assert figures["yearly_report_browser_s"] > 0
    assert dataset.count_exchanges(small_url) == 8


def test_an_empty_database_is_seeded_at_the_scale_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'bench.sqlite3'}"
    skips = ["pandas", "datasette", "extract", "import", "pages", "browser", "concurrency", "load"]
    code = main(
        ["--scale", "0.01", "--database-url", url, "--runs", "1"]
        + [f"--skip-{part}" for part in skips]
    )
    captured = capsys.readouterr()
    figures = json.loads(captured.out.strip().splitlines()[-1])
    assert code == 0
    assert "Building the dataset at scale 0.01" in captured.err
    assert figures["scale"] == 0.01
    assert figures["rows_exchanges"] == dataset.count_exchanges(url) > 0
    get_engine(url).dispose()


def test_the_default_database_is_one_file_per_scale_under_data() -> None:
    assert dataset.default_url(10).endswith("/data/bench-scale10.sqlite3")
    assert dataset.default_url(0.1).endswith("/data/bench-scale0_1.sqlite3")


def test_a_missing_part_of_the_benchmark_says_so_instead_of_failing() -> None:
    with pytest.raises(Unavailable, match="cannot be imported"):
        _optional("bench.no_such_module", "page_rerun_ms")
    with pytest.raises(Unavailable, match="does not exist yet"):
        _optional("bench.queries", "no_such_function")


def test_a_result_with_no_part_taken_still_has_every_required_key_as_null() -> None:
    result = BenchResult(scale=1, database="sqlite", rows_exchanges=0, runs=1, machine={})
    figures = json.loads(json_line(result))
    assert set(REQUIRED_KEYS) <= set(figures)
    assert all(figures[key] is None for key in REQUIRED_KEYS[3:])
    # What only describes a taken figure is left out rather than null.
    assert "import_mb" not in figures and "concurrent_sessions" not in figures
