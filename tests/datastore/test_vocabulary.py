"""The closed vocabularies: each declared once, and the copies i18n must keep by plain strings
(it imports nothing of ours) hold exactly the same words."""

from __future__ import annotations

from typing import get_args

import pytest

from datastore.extracts import EXTRACT_COLUMNS
from datastore.models.facts import Direction, DonorKind, Measure
from datastore.vocabulary import (
    DATA_KINDS,
    DONOR_KINDS,
    LOAD_ORDER,
    MODELS,
    DirectionCode,
    MeasureCode,
    as_kind,
)
from i18n.catalogue import LANGUAGES, TEXTS, Lang, as_lang
from i18n.formatting import _MONEY_STEPS, CURRENCIES, as_currency
from i18n.texts.data_words import CHOICE_WORDS, KEY_COLUMNS, KIND_NAMES


def test_the_data_kinds_are_the_four_tables_members_first_and_loaded_organisations_first() -> None:
    assert DATA_KINDS == ("members", "aid", "exchanges", "organizations")
    assert LOAD_ORDER == ("organizations", "members", "aid", "exchanges")
    assert set(MODELS) == set(DATA_KINDS) == set(EXTRACT_COLUMNS)


@pytest.mark.parametrize("words", [KIND_NAMES, KEY_COLUMNS], ids=["KIND_NAMES", "KEY_COLUMNS"])
def test_the_words_of_every_kind_are_keyed_by_exactly_the_data_kinds(
    words: dict[str, dict[str, str]],
) -> None:
    assert set(words) == set(DATA_KINDS)


def test_every_data_kind_has_a_tab_name() -> None:
    assert all(f"data.tab.{kind}" in TEXTS for kind in DATA_KINDS)


def test_the_filter_codes_are_the_values_of_the_database_enums() -> None:
    assert set(get_args(MeasureCode)) == {measure.value for measure in Measure}
    assert set(get_args(DirectionCode)) == {direction.value for direction in Direction}
    assert set(get_args(MeasureCode)) == set(CHOICE_WORDS["measure"])
    assert set(get_args(DirectionCode)) == set(CHOICE_WORDS["direction"])


def test_the_donor_kinds_are_the_values_of_the_database_enum_and_the_import_words() -> None:
    assert tuple(kind.value for kind in DonorKind) == DONOR_KINDS
    assert tuple(CHOICE_WORDS["donor_kind"]) == DONOR_KINDS
    assert all(f"donor_kind.{kind}" in TEXTS for kind in DONOR_KINDS)


def test_languages_and_currencies_are_declared_once_as_their_literal_types() -> None:
    assert LANGUAGES == get_args(Lang) == ("vi", "en")
    assert CURRENCIES == ("VND", "USD")
    assert set(_MONEY_STEPS) == set(CURRENCIES)


@pytest.mark.parametrize(
    ("narrow", "good", "bad"),
    [(as_lang, "en", "fr"), (as_currency, "USD", "EUR"), (as_kind, "aid", "donors")],
)
def test_a_value_from_outside_is_narrowed_or_refused(narrow: object, good: str, bad: str) -> None:
    assert callable(narrow)
    assert narrow(good) == good
    with pytest.raises(ValueError, match="unknown"):
        narrow(bad)
    with pytest.raises(ValueError, match="unknown"):
        narrow(None)
