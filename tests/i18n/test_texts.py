"""The one catalogue of texts in two languages, and Vietnamese/English formatting through Babel."""

from __future__ import annotations

import math
import string
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from datastore.models.facts import Direction, DonorKind, ExchangeKind, Measure
from i18n.catalogue import DEFAULT_LANGUAGE, LANGUAGES, TEXTS, Lang, merge, t
from i18n.formatting import (
    MISSING,
    Currency,
    format_change,
    format_day,
    format_file_size,
    format_moment,
    format_money,
    format_number,
    format_percent,
    grouped,
    money_scale,
    quote,
)
from i18n.texts.data_words import KEY_COLUMNS, KIND_NAMES
from i18n.texts.template_guide import (
    DERIVED_LABEL,
    IGNORED_LABEL,
    ONE_OF_LABEL,
    OPTIONAL_LABEL,
    REQUIRED_LABEL,
)


def _placeholders(text: str) -> set[str]:
    """The {names} a text expects."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# Texts ----------------------------------------------------------------------------------------


def test_vietnamese_is_the_first_and_default_language() -> None:
    assert LANGUAGES == ("vi", "en")
    assert DEFAULT_LANGUAGE == "vi"


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_text_has_both_languages_and_nothing_else(key: str) -> None:
    assert set(TEXTS[key]) == {"vi", "en"}
    assert all(TEXTS[key][lang].strip() for lang in LANGUAGES)


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_text_expects_the_same_placeholders_in_both_languages(key: str) -> None:
    # A parameter may come in a version per language: hint_vi in Vietnamese, hint_en in English.
    vi = {name.removesuffix("_vi") for name in _placeholders(TEXTS[key]["vi"])}
    en = {name.removesuffix("_en") for name in _placeholders(TEXTS[key]["en"])}
    assert vi == en


def test_texts_of_one_topic_sit_together_in_the_dict() -> None:
    prefixes = [key.split(".")[0] for key in TEXTS]
    blocks = [p for i, p in enumerate(prefixes) if i == 0 or prefixes[i - 1] != p]
    assert len(blocks) == len(set(blocks)), blocks


@pytest.mark.parametrize(
    ("key", "vi", "en"),
    [
        ("page.overview", "Tổng quan", "Overview"),
        ("page.members", "Hội viên", "Members"),
        ("page.aid", "Viện trợ", "Aid"),
        ("page.exchanges", "Giao lưu đoàn", "Exchanges"),
        ("page.data", "Dữ liệu", "Data"),
        ("page.about", "Giới thiệu", "About"),
        (
            "empty.no_data",
            "Không có dữ liệu cho bộ lọc đã chọn",
            "No data for the selected filters",
        ),
        ("measure.committed", "Cam kết", "Committed"),
        ("measure.disbursed", "Giải ngân", "Disbursed"),
        ("direction.incoming", "Đoàn vào", "Incoming"),
        ("direction.outgoing", "Đoàn ra", "Outgoing"),
        ("kind.humanitarian_visit", "Thăm nhân đạo", "Humanitarian visit"),
        ("unit.vnd_billion", "tỷ đồng", "billion VND"),
        ("unit.usd_million", "triệu USD", "million USD"),
        ("geo.hoang_sa", "Quần đảo Hoàng Sa (Việt Nam)", "Hoàng Sa (Paracel) Islands (Viet Nam)"),
    ],
)
def test_named_texts_read_as_agreed(key: str, vi: str, en: str) -> None:
    assert (t(key, "vi"), t(key, "en")) == (vi, en)


@pytest.mark.parametrize(
    ("prefix", "values"),
    [
        ("measure", [m.value for m in Measure]),
        ("direction", [d.value for d in Direction]),
        ("kind", [k.value for k in ExchangeKind]),
        ("donor_kind", [k.value for k in DonorKind]),
    ],
)
def test_every_value_of_the_data_model_has_a_name(prefix: str, values: list[str]) -> None:
    missing = [v for v in values if f"{prefix}.{v}" not in TEXTS]
    assert missing == []


def test_t_fills_placeholders() -> None:
    assert t("axis.amount", "vi", unit="tỷ đồng") == "Giá trị (tỷ đồng)"
    assert t("label.sector_with_code", "en", name="Basic health", code="122") == (
        "Basic health (122)"
    )


def test_t_refuses_an_unknown_language_and_a_missing_placeholder() -> None:
    with pytest.raises(ValueError):
        t("page.overview", "fr")  # type: ignore[arg-type]  # refused at run time, the point of the test
    with pytest.raises(KeyError):
        t("axis.amount", "vi")


def test_t_refuses_an_unknown_key() -> None:
    with pytest.raises(KeyError):
        t("page.nowhere", "vi")


def test_the_catalogue_refuses_a_key_defined_in_two_topics() -> None:
    with pytest.raises(ValueError, match="defined twice"):
        merge(({"page.x": {"vi": "a", "en": "a"}}, {"page.x": {"vi": "b", "en": "b"}}))


def test_the_catalogue_refuses_a_text_missing_a_language() -> None:
    with pytest.raises(ValueError, match="expected"):
        merge(({"page.x": {"vi": "a"}},))


def test_foreign_aid_with_no_donor_country_is_unspecified_never_domestic() -> None:
    assert t("donor_country.unspecified", "vi") == "Chưa xác định"
    assert t("donor_country.unspecified", "en") == "Unspecified"
    assert "donor_country.domestic" not in TEXTS


def test_the_data_words_and_template_labels_have_both_languages() -> None:
    for vocabulary in (KIND_NAMES, KEY_COLUMNS):
        assert all(set(words) == set(LANGUAGES) for words in vocabulary.values())
    labels = (REQUIRED_LABEL, OPTIONAL_LABEL, DERIVED_LABEL, ONE_OF_LABEL, IGNORED_LABEL)
    assert all(set(label) == set(LANGUAGES) for label in labels)


# Numbers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "lang", "decimals", "expected"),
    [
        (1234567, "vi", 0, "1.234.567"),
        (1234567, "en", 0, "1,234,567"),
        (1234.5, "vi", 1, "1.234,5"),
        (1234.5, "en", 1, "1,234.5"),
        (0.25, "vi", 2, "0,25"),
        (999, "vi", 0, "999"),
        (-7000, "vi", 0, "-7.000"),
        (-0.004, "vi", 0, "0"),
        (1234567.891, "vi", 2, "1.234.567,89"),
        (None, "vi", 0, MISSING),
        (math.nan, "en", 0, MISSING),
    ],
)
def test_format_number(x: float | None, lang: Lang, decimals: int, expected: str) -> None:
    assert format_number(x, lang, decimals) == expected


def test_format_number_refuses_an_unknown_language() -> None:
    with pytest.raises(ValueError):
        format_number(1, "de")  # type: ignore[arg-type]  # refused at run time, the point of the test


@pytest.mark.parametrize(
    ("amount", "currency", "lang", "expected"),
    [
        (109.8e9, "VND", "vi", "109,8 tỷ đồng"),
        (109.8e9, "VND", "en", "109.8 billion VND"),
        (300e9, "VND", "vi", "300 tỷ đồng"),
        (1.25e9, "VND", "vi", "1,25 tỷ đồng"),
        (1234.56e9, "VND", "vi", "1.234,6 tỷ đồng"),
        (700e6, "VND", "vi", "700 triệu đồng"),
        (500e6, "VND", "en", "500 million VND"),
        (500_000, "VND", "vi", "500.000 đồng"),
        (220.7e6, "USD", "vi", "220,7 triệu USD"),
        (220.7e6, "USD", "en", "220.7 million USD"),
        (10_000, "USD", "vi", "10.000 USD"),
        (-2.5e9, "VND", "vi", "-2,5 tỷ đồng"),
        (None, "VND", "vi", f"{MISSING} đồng"),
    ],
)
def test_format_money(amount: float | None, currency: Currency, lang: Lang, expected: str) -> None:
    assert format_money(amount, currency, lang) == expected


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (2e9, "VND", (1e9, "unit.vnd_billion")),
        (999_999_999, "VND", (1e6, "unit.vnd_million")),
        (5e5, "VND", (1.0, "unit.vnd")),
        (0, "VND", (1.0, "unit.vnd")),
        (3e6, "USD", (1e6, "unit.usd_million")),
        (999_999, "USD", (1.0, "unit.usd")),
    ],
)
def test_money_scale_picks_the_largest_unit_reached(
    amount: float, currency: Currency, expected: tuple[float, str]
) -> None:
    assert money_scale(amount, currency) == expected


def test_money_scale_refuses_an_unknown_currency() -> None:
    with pytest.raises(ValueError):
        money_scale(1.0, "EUR")  # type: ignore[arg-type]  # refused at run time, the point of the test


@pytest.mark.parametrize(
    ("fraction", "lang", "expected"),
    [
        (0.853, "vi", "85,3 %"),
        (0.853, "en", "85.3%"),
        (1.0, "vi", "100,0 %"),
        (None, "vi", MISSING),
    ],
)
def test_format_percent(fraction: float | None, lang: Lang, expected: str) -> None:
    assert format_percent(fraction, lang) == expected


@pytest.mark.parametrize(
    ("current", "previous", "lang", "expected"),
    [
        (112.5, 100, "vi", "+12,5 %"),
        (112.5, 100, "en", "+12.5%"),
        (90, 100, "vi", "-10,0 %"),
        (100, 100, "vi", "0,0 %"),
        (100.4, 100, "vi", "+0,4 %"),
        (7000, 4200, "en", "+66.7%"),
        (5, 0, "vi", None),
        (5, None, "vi", None),
        (None, 5, "vi", None),
        (5, math.nan, "vi", None),
    ],
)
def test_format_change(
    current: float | None, previous: float | None, lang: Lang, expected: str | None
) -> None:
    assert format_change(current, previous, lang) == expected


@pytest.mark.parametrize(
    ("size", "lang", "expected"),
    [
        (0, "vi", "0 byte"),
        (999, "en", "999 bytes"),
        (1024, "vi", "1 KB"),
        (18_000, "en", "18 KB"),
        (1_572_864, "vi", "1,5 MB"),
        (1_572_864, "en", "1.5 MB"),
        (20 * 1024 * 1024, "vi", "20 MB"),
        (1_234 * 1024 * 1024, "vi", "1.234 MB"),
    ],
)
def test_format_file_size(size: int, lang: Lang, expected: str) -> None:
    assert format_file_size(size, lang) == expected


def test_dates_read_the_same_in_both_languages() -> None:
    assert format_day(date(2014, 3, 15)) == "15/03/2014"
    assert format_moment(datetime(2025, 7, 1, 13, 45, 12)) == "01/07/2025 13:45"
    assert format_moment(datetime(2025, 7, 1, 23, 5, tzinfo=UTC)) == "01/07/2025 23:05"


@pytest.mark.parametrize(
    ("x", "decimals", "expected"),
    [
        (2.675, 2, "2,67"),  # the float is just under 2.675, as Python's own formatting sees it
        (0.125, 2, "0,12"),  # a true tie rounds to even
        (2.5, 0, "2"),
        (-0.5, 0, "0"),
        (1e20, 0, "100.000.000.000.000.000.000"),
        (math.inf, 1, "inf"),
    ],
)
def test_format_number_rounds_as_before(x: float, decimals: int, expected: str) -> None:
    assert format_number(x, "vi", decimals) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Hà Nội", "“Hà Nội”"), (None, "“”"), ("x" * 70, "“" + "x" * 59 + "…”")],
)
def test_quote_shortens_long_values(value: object, expected: str) -> None:
    assert quote(value) == expected


def test_grouped_puts_spaces_between_thousands() -> None:
    assert grouped(1_234_567) == "1 234 567"
    assert grouped(Decimal("1234567.50")) == "1 234 567.50"
