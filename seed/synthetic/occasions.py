"""What happens once: New Year visits, anniversaries, and the slots documented events fill."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from seed import documented
from seed.synthetic.reference import legacy_province
from seed.synthetic.world import DIPLOMATIC_RELATIONS, YEARLY_ANNIVERSARIES

# Vietnamese New Year (Tết Nguyên đán), from the lunar calendar.
TET = {
    2010: date(2010, 2, 14), 2011: date(2011, 2, 3), 2012: date(2012, 1, 23),
    2013: date(2013, 2, 10), 2014: date(2014, 1, 31), 2015: date(2015, 2, 19),
    2016: date(2016, 2, 8), 2017: date(2017, 1, 28), 2018: date(2018, 2, 16),
    2019: date(2019, 2, 5), 2020: date(2020, 1, 25), 2021: date(2021, 2, 12),
    2022: date(2022, 2, 1), 2023: date(2023, 1, 22), 2024: date(2024, 2, 10),
    2025: date(2025, 1, 29),
}  # fmt: skip
# New Year visits a year between a province and one partner locality, by festival: the
# neighbours come for Tết (a provincial and a district delegation at most), the province goes
# once for Chôl Chnăm Thmây or Bunpimay.
NEW_YEAR_VISITS = {"Nguyên đán": 2, "Chôl Chnăm Thmây": 1, "Bunpimay": 1}

Slot = tuple[Any, ...]


def slot(
    code: str,
    day: date,
    country: str | None,
    locality: str | None,
    direction: str,
    kind: str,
) -> Slot:
    """What a one-off event occupies: its province, year, partner, direction and kind.

    An event with no partner country (a congress, a conference) occupies its month only.
    """
    if country is None:
        return (code, day.year, day.month, direction, kind)
    return (code, day.year, country, locality, direction, kind)


@lru_cache(maxsize=1)
def documented_slots() -> frozenset[Slot]:
    """The slots of the documented exchanges; a documented one without a locality fills all."""
    return frozenset(_slot_of(row) for row in documented.EXCHANGES)


def _slot_of(row: Mapping[str, Any]) -> Slot:
    return slot(
        legacy_province(row["province"]).code,
        row["date"],
        row.get("partner_country"),
        row.get("partner_locality"),
        row["direction"],
        row["kind"],
    )


class YearLedger:
    """What a year of synthetic exchanges has used up, province by province."""

    def __init__(self, year: int, rows: Iterable[Mapping[str, Any]] = documented.EXCHANGES):
        self.year = year
        self._visits: Counter[tuple[str, str, str | None, str]] = Counter()
        self._anniversaries: set[tuple[str, str]] = set()
        for row in rows:
            if row["date"].year == year and row.get("partner_country"):
                code = legacy_province(row["province"]).code
                if row["title"].startswith("Lễ kỷ niệm"):
                    self._anniversaries.add((code, row["partner_country"]))

    def new_year_visit(self, code: str, country: str, locality: str | None, festival: str) -> bool:
        """Whether one more New Year visit fits, counting it if it does."""
        key = (code, country, locality, festival)
        if self._visits[key] >= NEW_YEAR_VISITS[festival]:
            return False
        self._visits[key] += 1
        return True

    def anniversary(self, code: str, country: str, month: int) -> int | None:
        """Years of diplomatic relations celebrated this month, once a year per province.

        None when the month is not the anniversary's, the anniversary not one a province marks
        this year, or the province already held the ceremony.
        """
        established = DIPLOMATIC_RELATIONS.get(country)
        if established is None or established.month != month:
            return None
        years = self.year - established.year
        if country not in YEARLY_ANNIVERSARIES and years % 5:
            return None
        if (code, country) in self._anniversaries:
            return None
        self._anniversaries.add((code, country))
        return years

    @staticmethod
    def documented(row_slot: Slot) -> bool:
        """Whether a documented one-off event already fills this slot."""
        slots = documented_slots()
        if row_slot in slots:
            return True
        # A documented event with no partner locality stands for every locality of its partner.
        return len(row_slot) == 6 and (*row_slot[:3], None, *row_slot[4:]) in slots
