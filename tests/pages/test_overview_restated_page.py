"""The overview's trends say under them that earlier associations count as their successors."""

from __future__ import annotations

from sqlmodel import Session

from datastore.db import get_engine
from tests.pages.test_pages import open_app
from tests.utils.lineage_dataset import load_merger

RESTATED_2025 = (
    "Associations in the years before 2025 are counted on the 2025 structure: associations "
    "that merged count once, as their successor, so a merger does not read as a fall."
)


def test_the_trends_note_the_restated_associations_and_draw_no_fall(small_database: str) -> None:
    with Session(get_engine(small_database)) as session:
        load_merger(session)  # tests/utils/lineage_dataset.py
    at = open_app(lang="en", years=(2023, 2025))

    assert RESTATED_2025 in [caption.value for caption in at.caption]
    # The associations card's trend: 2, 2, 2 (3, 3, 2 before restating).
    (card,) = [m for m in at.metric if m.label == "Associations"]
    assert card.value == "2"
    assert card.proto.chart_data == [2.0, 2.0, 2.0]


def test_a_series_without_any_merger_has_no_such_note(small_database: str) -> None:
    at = open_app(lang="en", years=(2019, 2020))

    assert not any("structure" in caption.value for caption in at.caption)
