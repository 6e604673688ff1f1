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
