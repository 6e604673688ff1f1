"""Two years of associations in Đồng Nai and Bình Phước, then the 2025 merger, with lineage.

  association (63 list)        2023  2024         2025 (34 list)               succeeds
  Campuchia Đồng Nai (63:75)    400   420  ──┐
  Campuchia Bình Phước (63:70)  100   120  ──┴──>  Campuchia Đồng Nai   560    both
  Lào Đồng Nai (63:75)           50    60  ─────>  Lào Đồng Nai          70

Raw, associations read 3, 3, 2: a fall in 2025. On 2025's organisations the two Cambodia
associations of 2023 and 2024 count once, as their successor: 2, 2, 2. Members: 550, 600, 630.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from datastore.load.write import BatchInfo, load_rows

CAMBODIA_DONG_NAI = "Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Nai"
CAMBODIA_BINH_PHUOC = "Hội hữu nghị Việt Nam – Campuchia tỉnh Bình Phước"
LAOS_DONG_NAI = "Hội hữu nghị Việt Nam – Lào tỉnh Đồng Nai"
_BEFORE = (
    ("Đồng Nai", CAMBODIA_DONG_NAI, "Campuchia", {2023: 400, 2024: 420}),
    ("Bình Phước", CAMBODIA_BINH_PHUOC, "Campuchia", {2023: 100, 2024: 120}),
    ("Đồng Nai", LAOS_DONG_NAI, "Lào", {2023: 50, 2024: 60}),
)
# The 2025 associations: (name, country, members, the names they succeed).
_AFTER = (
    (CAMBODIA_DONG_NAI, "Campuchia", 560, (CAMBODIA_DONG_NAI, CAMBODIA_BINH_PHUOC)),
    (LAOS_DONG_NAI, "Lào", 70, (LAOS_DONG_NAI,)),
)


def _members(year: int, province: str, name: str, country: str, count: int) -> dict[str, Any]:
    return {
        "year": year,
        "province": province,
        "organization": name,
        "partner_country": country,
        "members": count,
    }


def load_merger(session: Session) -> None:
    """Load the members and organisations above, the 2025 ones with their predecessors."""
    before = [
        _members(year, province, name, country, count)
        for province, name, country, by_year in _BEFORE
        for year, count in by_year.items()
    ]
    load_rows(session=session, kind="members", rows=before, batch=BatchInfo("2023-2024"))
    # Dated, so that the 2025 associations of the same names are told apart from them.
    founded = [
        {
            "kind": "friendship_association",
            "organization": name,
            "province": province,
            "partner_country": country,
            "founded_on": "2010-01-01",
        }
        for province, name, country, _ in _BEFORE
    ]
    load_rows(session=session, kind="organizations", rows=founded, batch=BatchInfo("old"))
    successors = [
        {
            "kind": "friendship_association",
            "organization": name,
            "province": "Đồng Nai",
            "partner_country": country,
            "founded_on": "2025-07-01",
            "succeeds": "; ".join(succeeds),
        }
        for name, country, _, succeeds in _AFTER
    ]
    load_rows(session=session, kind="organizations", rows=successors, batch=BatchInfo("new"))
    after = [_members(2025, "Đồng Nai", name, country, count) for name, country, count, _ in _AFTER]
    load_rows(session=session, kind="members", rows=after, batch=BatchInfo("2025"))
