"""Every full extract, CSV and XLSX, loads back through our own import with nothing changed.

The XLSX writes coded values as Vietnamese labels beside their codes; the import reads the
labels back as the same codes (nothing changed), and leaves the code columns aside.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from sqlmodel import Session

from datastore.db import get_engine
from datastore.export import export, restore
from datastore.extracts import extract_columns
from datastore.extracts.readable import LABELLED
from datastore.extracts.reading import iter_extract
from datastore.filters import Filters
from datastore.load.files import read_file
from datastore.load.imports import import_file
from datastore.load.values import is_blank, parse_date, parse_decimal
from datastore.load.write import BatchInfo, load_rows
from datastore.vocabulary import DATA_KINDS, DataKind
from i18n.catalogue import t
from seed.run import seed_database
from tests.conftest import BACKENDS, PostgresServer

SCALE = 0.01  # organisations, members and aid are the same at any scale; ~1,000 exchanges
# Amounts that a float written with 16 digits alters (84700.54 -> 84700.54000000001), the
# largest allowed amount (its amount_vnd is above 2^53 and 10^15), and one whose amount_usd has
# 16 significant digits.
EXTREME_AID = [
    {"amount": amount, "currency": currency, "title": f"Khoản {amount} {currency}"}
    for amount, currency in [
        ("84700.54", "USD"),
        ("723414.70", "USD"),
        ("0.07", "USD"),
        ("9999999999999.99", "USD"),
        ("9999999999999.99", "EUR"),
        ("10000000000000", "VND"),
    ]
]
FILTERS = Filters()


@pytest.fixture(scope="module", params=BACKENDS, ids=BACKENDS)
def seeded_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A database seeded once per backend, with a few extreme amounts added."""
    server: PostgresServer | None = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('round-trip') / 'seeded.sqlite3'}"
    else:
        server = request.getfixturevalue("postgres_server")
        name = server.create_database(template=request.getfixturevalue("_postgres_template"))
        url = server.url(name)
    seed_database(url=url, scale=SCALE, seed=42)
    rows = [
        {"year": 2020, "province": "Hà Nội", "donor": "Quỹ thử", "sector_code": "121"}
        | {"measure": "committed"}
        | row
        for row in EXTREME_AID
    ]
    with Session(get_engine(url)) as session:
        load_rows(session=session, kind="aid", rows=rows, batch=BatchInfo(file_name="extreme"))
        session.commit()
    yield url
    get_engine(url).dispose()
    if server is not None:
        server.drop_database(name)


def _labelled(kind: DataKind, row: tuple[Any, ...]) -> tuple[Any, ...]:
    """An extract row as the Vietnamese XLSX writes it: coded values as their labels."""
    names = [column.name for column in extract_columns(kind)]
    return tuple(
        t(f"{LABELLED[kind][name][0]}.{value}", "vi") if name in LABELLED[kind] else value
        for name, value in zip(names, row, strict=True)
    )


def _as_extracted(value: Any, value_type: str) -> Any:
    """A cell as the import reads it, in the type of the extract's value."""
    if is_blank(value):
        return None
    if value_type == "text":
        return restore(str(value))
    if value_type == "date":
        return parse_date(value)
    number = parse_decimal(value)
    return int(number) if value_type == "int" else number


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", DATA_KINDS)
def test_a_full_extract_loads_back_with_every_row_unchanged(
    seeded_url: str, kind: DataKind, fmt: str
) -> None:
    out = io.BytesIO()
    with Session(get_engine(seeded_url)) as session:
        written = export(kind, session=session, filters=FILTERS, fmt=fmt, out=out)
        summary = import_file(
            session=session,
            kind=kind,
            data=out.getvalue(),
            file_name=f"{kind}.{fmt}",
            created_by="test",
            dry_run=True,
        )
        expected = [
            row
            for chunk in iter_extract(kind, session=session, filters=FILTERS)
            for row in zip(*(c.to_pylist() for c in chunk.columns), strict=True)
        ]
    if fmt == "xlsx":
        expected = [_labelled(kind, row) for row in expected]
    assert (summary.rows, summary.added, summary.updated) == (written, 0, 0)
    assert summary.unchanged == written == len(expected)
    table = read_file(out.getvalue(), file_name=f"{kind}.{fmt}", kind=kind)
    columns = extract_columns(kind)
    read_back = [
        tuple(_as_extracted(row.get(c.name), c.type) for c in columns) for row in table.rows
    ]
    assert read_back == expected


def test_numbers_are_written_to_the_workbook_digit_for_digit(seeded_url: str) -> None:
    out = io.BytesIO()
    with Session(get_engine(seeded_url)) as session:
        export("aid", session=session, filters=FILTERS, fmt="xlsx", out=out)
    sheet = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()
    assert "<v>84700.54</v>" in sheet and "<v>723414.7</v>" in sheet
    assert "84700.54000000001" not in sheet
    # 232,499,999,999,999,768 VND has 18 digits; Excel would keep 15 of a number.
    assert "<v>232499999999999768</v>" not in sheet
    assert "2.324999999999998E+17" not in sheet
    table = read_file(out.getvalue(), file_name="aid.xlsx", kind="aid")
    amounts = {
        (row["currency"], row["title"]): (row["amount_vnd"], row["amount_usd"])
        for row in table.rows
        if row["donor"] == "Quỹ thử"
    }
    assert amounts[("USD", "Khoản 9999999999999.99 USD")] == (
        "232499999999999768",
        9999999999999.99,
    )
    assert amounts[("USD", "Khoản 84700.54 USD")][1] == 84700.54
