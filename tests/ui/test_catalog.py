"""The chart catalogue: each chart once, its query declared with the filters it really uses."""

from __future__ import annotations

import dataclasses
import inspect

import pandas as pd
import pytest
from sqlmodel import Session

from datastore import queries
from datastore.filters import Filters
from datastore.models.reference import ProvinceList
from i18n.catalogue import TEXTS
from ui import catalog

# A value for every filter field, each matching some rows of the small fixture.
EVERY_FILTER = Filters(
    province_list=ProvinceList.LEGACY,
    provinces=("75",),
    year_from=2019,
    year_to=2020,
    countries=("KHM",),
    sectors=("121",),
    measure="committed",
    direction="outgoing",
    kinds=("delegation",),
)


def test_every_chart_key_is_unique_and_its_title_exists_in_both_languages() -> None:
    keys = [chart.key for chart in catalog.CHARTS]
    assert len(keys) == len(set(keys))
    for chart in catalog.CHARTS:
        assert set(TEXTS[chart.title_key]) == {"vi", "en"}, chart.key


def test_every_chart_query_of_the_data_layer_is_in_the_catalogue_once() -> None:
    functions = [query.function for query in catalog.CHART_QUERIES]
    assert len(functions) == len(set(functions))
    takes_filters = {
        name
        for name, function in inspect.getmembers(queries, inspect.isfunction)
        if name in queries.__all__ and "filters" in inspect.signature(function).parameters
    }
    assert {function.__name__ for function in functions} == takes_filters
    assert {chart.query for chart in catalog.CHARTS} == set(catalog.CHART_QUERIES)


@pytest.mark.parametrize("query", catalog.CHART_QUERIES, ids=lambda query: query.name)
def test_a_query_result_holds_its_declared_keys_and_figures(
    small: Session, query: catalog.ChartQuery
) -> None:
    result = query.function(
        session=small, filters=Filters(), lang="vi", **query.options(currency="VND")
    )
    declared = {*query.keys, *(figure.column for figure in query.figures)}
    assert declared <= set(result.columns)
    assert not result.empty


def _result(
    session: Session, query: catalog.ChartQuery, filters: Filters, lang: str
) -> pd.DataFrame:
    return query.function(
        session=session, filters=filters, lang=lang, **query.options(currency="USD")
    )


@pytest.mark.parametrize("query", catalog.CHART_QUERIES, ids=lambda query: query.name)
def test_filters_a_query_does_not_declare_leave_its_result_unchanged(
    small: Session, query: catalog.ChartQuery
) -> None:
    # Pages cache on `relevant(filters)`: sound only if the fields it drops change nothing.
    ignored = {
        name: getattr(EVERY_FILTER, name)
        for name in catalog.FILTER_FIELDS
        if name not in query.filters
    }
    assert query.relevant(EVERY_FILTER) == EVERY_FILTER.with_(
        **{name: getattr(Filters(), name) for name in ignored}
    )
    for lang in ("vi", "en"):
        pd.testing.assert_frame_equal(
            _result(small, query, Filters().with_(**ignored), lang),
            _result(small, query, Filters(), lang),
        )


@pytest.mark.parametrize("field", catalog.FILTER_FIELDS[1:])  # the list alone changes labels
def test_each_filter_value_used_above_restricts_some_query_that_declares_it(
    small: Session, field: str
) -> None:
    alone = Filters().with_(**{field: getattr(EVERY_FILTER, field)})
    assert any(
        not _result(small, query, alone, "vi").equals(_result(small, query, Filters(), "vi"))
        for query in catalog.CHART_QUERIES
        if field in query.filters
    )


def test_the_charts_of_a_page_come_in_its_drawing_order() -> None:
    assert [chart.key for chart in catalog.charts_on("overview")] == [
        "overview_trends",
        "overview_top_partners",
        "overview_map",
    ]


def test_the_declared_filter_fields_are_those_of_filters() -> None:
    assert tuple(field.name for field in dataclasses.fields(Filters)) == catalog.FILTER_FIELDS
