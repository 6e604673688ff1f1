"""A database failure on a page reads as one line naming its cause, never as SQL and values."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from streamlit.testing.v1 import AppTest

from datastore.config import PROJECT_ROOT
from datastore.db import get_engine
from i18n.catalogue import Lang, t

ENTRY = PROJECT_ROOT / "dashboard.py"
# What SQLAlchemy's text of an error carries and a page must never show.
EXCHANGE_ROLLUPS = (
    "",
    "_locality",
    "_country",
    "_province",
    "_province_country",
    "_kind",
    "_unit",
    "_partner",
    "_place",
)
SQL_WORDS = ("SELECT", "[SQL", "parameters", "sqlalche.me", "OperationalError")


def _shown(at: AppTest) -> list[str]:
    elements = [at.error, at.warning, at.info, at.markdown, at.exception]
    return [str(element.value) for kind in elements for element in kind]


@pytest.mark.parametrize(
    ("page", "tables"),
    [
        ("members", ("membership",)),
        ("aid", ("aid",)),
        ("exchanges", tuple(f"exchange_rollup{part}" for part in EXCHANGE_ROLLUPS)),
    ],
)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_table_missing_under_a_page_is_named_as_a_schema_out_of_date(
    small_database: str, page: str, tables: tuple[str, ...], lang: Lang
) -> None:
    at = AppTest.from_file(str(ENTRY), default_timeout=60)
    at.run()
    if lang != "vi":
        at.segmented_control(key="lang").set_value(lang).run()
    with get_engine(small_database).begin() as connection:
        for table in tables:  # a database older than the code
            connection.execute(text(f"DROP TABLE {table}"))
    at.switch_page(f"pages/{page}.py").run()

    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == [t("database.schema", lang)]
    assert not [shown for shown in _shown(at) for word in SQL_WORDS if word in shown]


@pytest.mark.parametrize(
    ("page", "tables", "widget", "value"),
    [
        ("aid", ("aid",), "measure", "committed"),
        (
            "exchanges",
            tuple(f"exchange_rollup{p}" for p in EXCHANGE_ROLLUPS),
            "direction",
            "incoming",
        ),
    ],
)
def test_a_failure_in_a_rerun_of_the_page_fragment_is_named_too(
    small_database: str, page: str, tables: tuple[str, ...], widget: str, value: str
) -> None:
    # A page filter reruns the page's fragment alone (ui/failures.py, page_fragment), out of
    # reach of the entry file's handler: the fragment itself must turn the failure into its line.
    at = AppTest.from_file(str(ENTRY), default_timeout=60)
    at.run()
    at.switch_page(f"pages/{page}.py").run()
    assert not at.error and not at.exception
    with get_engine(small_database).begin() as connection:
        for table in tables:
            connection.execute(text(f"DROP TABLE {table}"))
    # A value no cache holds yet, so the charts ask the database again.
    control = at.segmented_control(key=widget) if widget == "measure" else at.selectbox(key=widget)
    control.set_value(value).run()

    assert not at.exception, [e.value for e in at.exception]
    assert t("database.schema", "vi") in [e.value for e in at.error]
    assert not [shown for shown in _shown(at) for word in SQL_WORDS if word in shown]
