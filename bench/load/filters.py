"""New sets of filters as a leader writes them in the address bar, from what the database holds.

The query parameters are the pages' own (ui/links.py): one to three provinces of the current
list, a year range, sometimes a partner country, and the page's own filters (the Aid page's
measure and currency, the Exchanges page's direction and kinds).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from urllib.parse import urlencode

from sqlmodel import Session

from datastore.db import get_engine
from datastore.models.facts import Direction, ExchangeKind, Measure
from datastore.models.reference import ProvinceList
from datastore.queries import list_countries, list_provinces, list_years


@dataclass(frozen=True)
class FilterChoices:
    """The values a leader picks from."""

    provinces: tuple[str, ...]
    years: tuple[int, ...]
    countries: tuple[str, ...]

    @classmethod
    def of(cls, database_url: str) -> FilterChoices:
        with Session(get_engine(database_url)) as session:
            provinces = list_provinces(session=session, province_list=ProvinceList.CURRENT)
            countries = list_countries(session=session)
            years = list_years(session=session)
        if not years or provinces.empty:
            raise RuntimeError("the database holds no facts to filter")
        return cls(
            provinces=tuple(provinces["code"]),
            years=tuple(years),
            countries=tuple(countries["code"]),
        )

    def query(self, rng: random.Random, page: str) -> str:
        """A query string for `page` ("" the overview): a new set of filters."""
        params: list[tuple[str, str]] = [
            ("province", code)
            for code in rng.sample(self.provinces, rng.randint(1, min(3, len(self.provinces))))
        ]
        first, last = sorted(rng.sample(self.years, 2)) if len(self.years) > 1 else (self.years * 2)
        params += [("years", str(first)), ("years", str(last))]
        if self.countries and rng.random() < 0.3:
            params.append(("country", rng.choice(self.countries)))
        if page == "aid":
            params.append(("measure", rng.choice(list(Measure)).value))
            if rng.random() < 0.3:
                params.append(("currency", "USD"))
        elif page == "exchanges":
            if rng.random() < 0.5:
                params.append(("direction", rng.choice(list(Direction)).value))
            if rng.random() < 0.3:
                params.append(("kind", rng.choice(list(ExchangeKind)).value))
        return urlencode(params)
