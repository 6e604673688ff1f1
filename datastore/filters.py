"""The one filter value that flows from the sidebar (or the CLI) to every query and extract."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from datastore.models import ProvinceList


@dataclass(frozen=True)
class Filters:
    """What slice of the data a user looks at; hashable so query caches can key on it."""

    province_list: ProvinceList = ProvinceList.CURRENT
    provinces: tuple[str, ...] = ()  # GSO codes within `province_list`; empty means all
    year_from: int | None = None
    year_to: int | None = None
    countries: tuple[str, ...] = ()  # ISO alpha-3 partner or donor countries
    sectors: tuple[str, ...] = ()  # DAC codes (aid only)
    measure: str | None = None  # "committed" | "disbursed" (aid only)
    direction: str | None = None  # "incoming" | "outgoing" (exchanges only)
    kinds: tuple[str, ...] = field(default=())  # exchange kinds (exchanges only)

    def with_(self, **changes: object) -> Filters:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def slug(self) -> str:
        """A short file-name-safe description, used to name extracts."""
        parts: list[str] = []
        if self.province_list is ProvinceList.LEGACY:
            parts.append("63")
        if self.provinces:
            parts.append("p" + "-".join(self.provinces))
        if self.year_from is not None or self.year_to is not None:
            parts.append(f"{self.year_from or ''}-{self.year_to or ''}")
        if self.countries:
            parts.append("-".join(self.countries))
        if self.sectors:
            parts.append("s" + "-".join(self.sectors))
        for value in (self.measure, self.direction):
            if value:
                parts.append(value)
        if self.kinds:
            parts.append("-".join(self.kinds))
        return "_".join(parts) or "all"

    def as_rows(self) -> list[tuple[str, str]]:
        """The filters as (name, value) pairs, for the header sheet of an extract."""
        return [
            ("province_list", str(self.province_list.value)),
            ("provinces", ", ".join(self.provinces) or "*"),
            ("year_from", "" if self.year_from is None else str(self.year_from)),
            ("year_to", "" if self.year_to is None else str(self.year_to)),
            ("countries", ", ".join(self.countries) or "*"),
            ("sectors", ", ".join(self.sectors) or "*"),
            ("measure", self.measure or "*"),
            ("direction", self.direction or "*"),
            ("kinds", ", ".join(self.kinds) or "*"),
        ]
