"""Aid chart queries add up the largest allowed amounts without overflowing."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pandas as pd
import pytest
from sqlmodel import Session, col, select

from datastore import queries
from datastore.filters import Filters
from datastore.load.write import BatchInfo, load_rows
from datastore.models.facts import Aid
from i18n.formatting import Currency

LARGEST = "9999999999999.99"  # just under MAX_AMOUNT; in VND about 2.3e17 a row
ROWS = 40  # 40 x 2.3e17 VND is past 2^63, where SQLite's integer sum() overflows
# Each aid query with the figure columns that together hold every amount of the slice.
AID_FIGURES: dict[Callable[..., pd.DataFrame], tuple[str, ...]] = {
    queries.aid_by_sector: ("amount",),
    queries.aid_by_year_and_sector: ("amount",),
    queries.aid_committed_vs_disbursed: ("committed", "disbursed"),
    queries.aid_by_donor_country: ("amount",),
    queries.overview_by_year: ("aid_disbursed",),
}


def _load_largest_amounts(session: Session) -> None:
    rows = [
        {
            "year": 2020,
            "province": "Hà Nội",
            "donor": f"Quỹ lớn {number}",
            "donor_country": "USA",
            "sector_code": "121",
            "measure": "disbursed",
            "amount": LARGEST,
            "currency": "USD",
            "title": f"Khoản lớn {number}",
        }
        for number in range(ROWS)
    ]
    load_rows(session=session, kind="aid", rows=rows, batch=BatchInfo(file_name="large.csv"))
    session.commit()


@pytest.mark.parametrize("currency", ["VND", "USD"])
@pytest.mark.parametrize("query", list(AID_FIGURES), ids=lambda query: query.__name__)
def test_aid_queries_add_forty_of_the_largest_amounts(
    session: Session, query: Callable[..., pd.DataFrame], currency: Currency
) -> None:
    _load_largest_amounts(session)
    amounts = session.exec(select(col(Aid.amount_vnd), col(Aid.amount_usd))).all()
    exact = sum(Decimal(vnd if currency == "VND" else usd) for vnd, usd in amounts)
    assert exact > 2**63 if currency == "VND" else exact == ROWS * Decimal(LARGEST)
    result = query(session=session, filters=Filters(), currency=currency)
    total = sum(result[name].sum() for name in AID_FIGURES[query])
    assert total == pytest.approx(float(exact), rel=1e-12)
