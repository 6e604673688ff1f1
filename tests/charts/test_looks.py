"""A sector, sector group or country keeps its colour in both languages and under any filter."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts import (
    build_aid_by_sector,
    build_aid_by_year_and_sector,
    build_top_partner_localities,
)
from charts.looks import country_look, sector_group_look, sector_look
from datastore.reference.sectors import SECTORS
from i18n.catalogue import LANGUAGES, Lang

# Every DAC sector of the reference list, one row each, named in each language.
EVERY_SECTOR: dict[Lang, pd.DataFrame] = {
    lang: pd.DataFrame(
        {
            "year": [2024] * len(SECTORS),
            "sector_code": [s.code for s in SECTORS],
            "sector": [s.name_vi if lang == "vi" else s.name_en for s in SECTORS],
            "sector_group": [s.group_vi if lang == "vi" else s.group_en for s in SECTORS],
            "amount": [1e9 * (i + 1) for i in range(len(SECTORS))],
        }
    )
    for lang in LANGUAGES
}
LOCALITIES: dict[Lang, pd.DataFrame] = {
    lang: pd.DataFrame(
        {
            "country_code": ["KHM", "KHM", "LAO", "THA", "KOR"],
            "country": (
                ["Campuchia", "Campuchia", "Lào", "Thái Lan", "Hàn Quốc"]
                if lang == "vi"
                else ["Cambodia", "Cambodia", "Laos", "Thailand", "South Korea"]
            ),
            "partner_locality": ["Mondulkiri", "Ratanakiri", "Attapeu", "Udon", "Seoul"],
            "exchanges": [7.0, 5.0, 9.0, 3.0, 2.0],
        }
    )
    for lang in LANGUAGES
}


def _looks(fig: go.Figure) -> dict[str, tuple[str, str]]:
    """{trace name: (colour, hatching)}."""
    return {str(tr.name): (tr.marker.color, tr.marker.pattern.shape or "") for tr in fig.data}


def _by_code(fig: go.Figure, frame: pd.DataFrame, label: str) -> dict[str, tuple[str, str]]:
    """The look of each code, through the trace named after its label (with the code or not)."""
    looks = _looks(fig)
    found = {}
    for code, name in zip(frame["sector_code"], frame[label], strict=True):
        found[str(code)] = next(
            look for trace, look in looks.items() if trace in (name, f"{name} ({code})")
        )
    return found


def test_a_sector_keeps_its_look_in_both_languages_and_when_others_are_filtered_out() -> None:
    seen = []
    for lang, frame in EVERY_SECTOR.items():
        for subset in (frame, frame[frame["sector_code"].isin(["160", "740", "112"])]):
            fig = build_aid_by_year_and_sector(subset, lang=lang)
            seen.append(_by_code(fig, subset, "sector"))
    everything = seen[0]
    assert len(set(everything.values())) == len(SECTORS)  # every sector told apart
    # ... in its group's colour, as the sector-group chart draws the group.
    assert all(sector_look(s.code)[0] == sector_group_look(s.code)[0] for s in SECTORS)
    for looks in seen:
        assert looks == {code: everything[code] for code in looks}
        assert looks == {code: sector_look(code) for code in looks}


def test_a_sector_group_keeps_its_look_in_both_languages_and_under_any_filter() -> None:
    seen = []
    for lang, frame in EVERY_SECTOR.items():
        for subset in (frame, frame[frame["sector_code"].isin(["430", "121"])]):
            fig = build_aid_by_sector(subset, lang=lang)
            seen.append(_by_code(fig, subset, "sector_group"))
    for looks in seen:
        assert looks == {code: sector_group_look(code) for code in looks}
    # Sectors of one group share its look; the nine groups look different from each other.
    assert sector_group_look("111") == sector_group_look("114")
    assert len({sector_group_look(s.code) for s in SECTORS}) == 9


def test_a_partner_country_keeps_its_look_in_both_languages_and_under_any_filter() -> None:
    seen = []
    for lang, frame in LOCALITIES.items():
        for subset in (frame, frame[frame["country_code"] != "KHM"]):
            fig = build_top_partner_localities(subset, lang=lang)
            looks = _looks(fig)
            names = dict(zip(subset["country_code"], subset["country"], strict=True))
            seen.append({code: looks[name] for code, name in names.items()})
    for looks in seen:
        assert looks == {code: country_look(code) for code in looks}
