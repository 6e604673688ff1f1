"""Look-ups from what people type (codes, names, any spelling) to reference rows."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlmodel import Session, select

from datastore.models.reference import Country, ExchangeRate, Province, ProvinceList, Sector
from datastore.problems import DataProblem
from datastore.reference.provinces import list_for_date, province_key, province_records
from datastore.vietnamese import fold
from i18n.catalogue import hint
from i18n.formatting import quote

# Common ways of writing a country that CLDR's names do not cover. They win over ISO codes
# written in lower case: "Mỹ" folds to "my" (Malaysia's alpha-2), "Nga" to "nga" (Nigeria).
_COUNTRY_ALIASES = {
    "my": "USA",
    "hoaky": "USA",
    "usa": "USA",
    "us": "USA",
    "unitedstatesofamerica": "USA",
    "namtrieutien": "KOR",
    "korea": "KOR",
    "republicofkorea": "KOR",
    "bactrieutien": "PRK",
    "trieutien": "PRK",
    "campuchia": "KHM",
    "cambot": "KHM",
    "cambodia": "KHM",
    "lao": "LAO",
    "laos": "LAO",
    "nga": "RUS",
    "lienbannga": "RUS",
    "anh": "GBR",
    "uk": "GBR",
    "uc": "AUS",
    "y": "ITA",
    "nhat": "JPN",
    "han": "KOR",
    "trung": "CHN",
    "tq": "CHN",
    "miendien": "MMR",
    "burma": "MMR",
    "myanmarmiendien": "MMR",  # CLDR's names until the reference table dropped the bracket
    "myanmarburma": "MMR",
}


class LookupProblem(DataProblem):
    """A value that names no reference row, or more than one."""


def _suggestions(word: str, choices: dict[str, str], *, limit: int = 3) -> list[str]:
    """Display names of the keys that look most like `word` (for "did you mean")."""
    keys = difflib.get_close_matches(word, list(choices), n=limit * 3, cutoff=0.75)
    return list(dict.fromkeys(choices[key] for key in keys))[:limit]


@dataclass
class Directory:
    """Every reference row in memory, indexed by the ways people refer to it."""

    provinces: dict[int, Province]
    countries: dict[str, Country]
    sectors: dict[str, Sector]
    rates: dict[tuple[int, str], Decimal]

    @classmethod
    def load(cls, *, session: Session) -> Directory:
        """Read the reference tables once."""
        return cls(
            provinces={p.id: p for p in session.exec(select(Province)).all() if p.id is not None},
            countries={c.code: c for c in session.exec(select(Country)).all()},
            sectors={s.code: s for s in session.exec(select(Sector)).all()},
            rates={
                (r.year, r.currency): Decimal(r.vnd_per_unit)
                for r in session.exec(select(ExchangeRate)).all()
            },
        )

    def __post_init__(self) -> None:
        self._by_code = {(p.province_list, p.code): p for p in self.provinces.values()}
        self._by_key: dict[str, list[Province]] = {}
        for record in province_records():
            province = self._by_code.get((record.province_list.value, record.code))
            if province is None:
                continue
            for word in {record.key, *record.keywords, province_key(record.name)}:
                bucket = self._by_key.setdefault(province_key(word), [])
                if province not in bucket:
                    bucket.append(province)
        self._province_names = {
            key: provinces[0].short_name for key, provinces in self._by_key.items()
        }
        self._country_by_alpha2 = {c.alpha2: c.code for c in self.countries.values()}
        self._country_by_word: dict[str, str] = {}
        for country in self.countries.values():
            for word in (country.name_vi, country.name_en):
                self._country_by_word.setdefault(fold(word), country.code)
        for word, code in _COUNTRY_ALIASES.items():
            if code in self.countries:
                self._country_by_word[word] = code
        self._country_names = {
            word: self.countries[code].name_vi for word, code in self._country_by_word.items()
        }
        self._sector_by_word: dict[str, str] = {}
        for sector in self.sectors.values():
            for word in (sector.code, sector.name_vi, sector.name_en):
                self._sector_by_word.setdefault(fold(word), sector.code)
        # A group name ("Y tế", "Giáo dục") means its first, most general code.
        for sector in sorted(self.sectors.values(), key=lambda s: s.code):
            for word in (sector.group_vi, sector.group_en):
                self._sector_by_word.setdefault(fold(word), sector.code)

    # Provinces ----------------------------------------------------------------------------

    def province(self, province_list: ProvinceList | str, code: str) -> Province:
        """The unit with this GSO code in this list."""
        chosen = ProvinceList(province_list).value
        found = self._by_code.get((chosen, code.zfill(2)))
        if found is None:
            raise LookupProblem("province.no_code", code=quote(code), list=chosen)
        return found

    def resolve_province(
        self,
        text: str,
        *,
        province_list: ProvinceList | str | None = None,
        on: date | None = None,
    ) -> Province:
        """The province a code or spelling names; the list comes from `province_list` or `on`."""
        wanted = (
            ProvinceList(province_list) if province_list else (list_for_date(on) if on else None)
        )
        value = text.strip()
        if not value:
            raise LookupProblem("province.empty")
        if value.isdigit() and len(value) <= 2:
            if wanted is None:
                raise LookupProblem("province.code_needs_list", code=quote(value))
            return self.province(wanted, value)
        key = province_key(value)
        candidates = self._by_key.get(key, [])
        if not candidates:
            raise LookupProblem(
                "province.unknown",
                value=quote(value),
                **hint(_suggestions(key, self._province_names)),
            )
        if len(candidates) == 1:
            return candidates[0]
        preferred = wanted or ProvinceList.CURRENT
        for province in candidates:
            if province.province_list == preferred.value:
                return province
        return candidates[0]

    def current_unit(self, province: Province) -> Province:
        """The unit of the 34 list that a province belongs to today."""
        return self.provinces[province.current_unit_id or 0]

    def legacy_unit(self, province: Province) -> Province:
        """The unit of the 63 list that a province is shown as."""
        return self.provinces[province.legacy_unit_id or 0]

    # Countries and sectors ------------------------------------------------------------------

    def resolve_country(self, text: str) -> Country:
        """The country an alpha-3/alpha-2 code or a Vietnamese or English name names."""
        # A code in capitals is a code ("NGA" is Nigeria, "MY" Malaysia); anything else is read
        # as a name first ("Nga" is Russia, "Mỹ" the United States), then as a code.
        value = text.strip()
        if value.isascii() and value.isalpha() and value.isupper():
            if len(value) == 3 and value in self.countries:
                return self.countries[value]
            if len(value) == 2 and value in self._country_by_alpha2:
                return self.countries[self._country_by_alpha2[value]]
        word = fold(value)
        code = self._country_by_word.get(word)
        if code is None and value.isascii():
            upper = value.upper()
            code = upper if upper in self.countries else self._country_by_alpha2.get(upper)
        if code is None:
            raise LookupProblem(
                "country.unknown",
                value=quote(value),
                **hint(_suggestions(word, self._country_names)),
            )
        return self.countries[code]

    def country_matches(self, country: Country, text: str) -> bool:
        """Whether `text` names `country` (by a name, an alias or a code)."""
        try:
            return self.resolve_country(text).code == country.code
        except LookupProblem:
            return False

    def resolve_sector(self, text: str) -> Sector:
        """The sector a DAC code or a Vietnamese or English name names."""
        word = fold(text)
        code = self._sector_by_word.get(word)
        if code is None:
            names = {w: self.sectors[c].name_vi for w, c in self._sector_by_word.items()}
            raise LookupProblem(
                "sector.unknown", value=quote(text.strip()), **hint(_suggestions(word, names))
            )
        return self.sectors[code]

    def sector_matches(self, sector: Sector, text: str) -> bool:
        """Whether `text` is a name of `sector` (its own names or its group's)."""
        names = (sector.code, sector.name_vi, sector.name_en, sector.group_vi, sector.group_en)
        return fold(text) in {fold(name) for name in names}

    def vnd_per_unit(self, year: int, currency: str) -> Decimal:
        """VND value of one unit of `currency` in `year`."""
        rate = self.rates.get((year, currency.upper()))
        if rate is None:
            raise LookupProblem("rate.missing", currency=currency, year=year)
        return rate
