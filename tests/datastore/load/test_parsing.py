"""Reading what people type: numbers, dates, text, and the messages that say what is wrong."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

import pytest

from datastore.config import PROJECT_ROOT
from datastore.load.values import (
    ParseProblem,
    clean_label,
    clean_text,
    parse_amount,
    parse_count,
    parse_date,
    parse_decimal,
    parse_year,
    today,
)
from datastore.problems import DataProblem
from datastore.vietnamese import fold
from i18n.catalogue import TEXTS as MESSAGES
from i18n.catalogue import placeholders
from tests.utils.latin_fold import latin_only_fold


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (1500, Decimal(1500)),
        (1500.0, Decimal("1500.0")),
        (0.1, Decimal("0.1")),
        (Decimal("12.50"), Decimal("12.50")),
        ("1500", Decimal(1500)),
        ("1.234.567", Decimal(1234567)),
        ("1,234,567", Decimal(1234567)),
        ("1.234.567,89", Decimal("1234567.89")),
        ("1,234,567.89", Decimal("1234567.89")),
        ("1.234,5", Decimal("1234.5")),
        ("1,234.5", Decimal("1234.5")),
        ("1,5", Decimal("1.5")),
        ("1.5", Decimal("1.5")),
        ("10000.50", Decimal("10000.50")),
        ("0.125", Decimal("0.125")),
        ("1234.567", Decimal("1234.567")),
        (" 232 500 000 ", Decimal(232500000)),
        ("232\u00a0500\u00a0000", Decimal(232500000)),
        ("-7", Decimal(-7)),
    ],
)
def test_numbers_are_read_as_excel_stores_them_and_as_vietnamese_or_english_text(
    typed: object, expected: Decimal
) -> None:
    assert parse_decimal(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message_id"),
    [
        ("1.500", "number.ambiguous"),
        ("12,500", "number.ambiguous"),
        ("-1.500", "number.ambiguous"),
        ("3E+11", "number.scientific"),
        ("2,325E+08", "number.scientific"),
        ("mười", "number.invalid"),
        ("12abc", "number.invalid"),
        ("1..5", "number.invalid"),
        (True, "number.boolean"),
        (float("nan"), "number.not_finite"),
        (float("inf"), "number.not_finite"),
        (Decimal("Infinity"), "number.not_finite"),
    ],
)
def test_numbers_that_are_ambiguous_or_not_numbers_are_refused_with_why(
    typed: object, message_id: str
) -> None:
    with pytest.raises(ParseProblem) as raised:
        parse_decimal(typed)
    assert raised.value.message_id == message_id


@pytest.mark.parametrize(
    "typed",
    ["１２", "٣", "۱۲۳", "१२", "１.２３４.５６７", "1２", "²", "１２/０３/２０１４"],
)
@pytest.mark.parametrize(
    "parse", [parse_decimal, parse_count, parse_amount, parse_year, parse_date]
)
def test_digits_other_than_0_to_9_are_refused_with_the_value_named(
    typed: str, parse: Callable[[object], object]
) -> None:
    with pytest.raises(ParseProblem) as raised:
        parse(typed)
    assert raised.value.message_id == "digits.foreign"
    assert f"“{typed}”" in raised.value.message_vi
    assert f"“{typed}”" in raised.value.message_en


def test_an_ambiguous_number_states_both_readings_in_both_languages() -> None:
    with pytest.raises(ParseProblem) as raised:
        parse_amount("1.500")
    assert raised.value.message_vi == (
        "“1.500” không rõ nghĩa: là 1500 (dấu “.” phân cách hàng nghìn) hay 1,500 "
        "(dấu “.” là dấu thập phân)? Nếu là số nguyên, viết 1500"
    )
    assert raised.value.message_en == (
        "“1.500” is ambiguous: 1500 (“.” as thousands separator) or 1.500 (“.” as decimal mark)? "
        "If it is a whole number, write 1500"
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("4.200", 4200), ("12,500", 12500), ("4200", 4200), (4200.0, 4200), ("1.234.567", 1234567)],
)
def test_a_count_reads_one_group_of_three_digits_as_thousands(typed: object, expected: int) -> None:
    assert parse_count(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message_id"),
    [
        ("-5", "number.negative"),
        ("4.5", "number.not_whole"),
        ("2000000000", "number.too_large"),
    ],
)
def test_a_count_is_whole_not_negative_and_fits_its_column(typed: str, message_id: str) -> None:
    with pytest.raises(ParseProblem) as raised:
        parse_count(typed)
    assert raised.value.message_id == message_id


@pytest.mark.parametrize(
    ("typed", "message_id"),
    [
        ("-1", "number.negative"),
        ("10,125", "number.ambiguous"),
        ("10,1234", "number.too_many_decimals"),
        ("100000000000000", "number.too_large"),
    ],
)
def test_an_amount_is_not_negative_has_two_decimals_at_most_and_a_limit(
    typed: str, message_id: str
) -> None:
    with pytest.raises(ParseProblem) as raised:
        parse_amount(typed)
    assert raised.value.message_id == message_id


def test_years_run_from_1945_to_this_year_in_vietnam() -> None:
    assert parse_year("2019") == 2019
    assert parse_year(2019.0) == 2019
    assert parse_year(today().year) == today().year
    for typed, message_id in (
        (1944, "year.implausible"),
        (today().year + 1, "year.implausible"),
        ("2019.5", "year.invalid"),
        ("năm 2019", "year.invalid"),
    ):
        with pytest.raises(ParseProblem) as raised:
            parse_year(typed)
        assert raised.value.message_id == message_id


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15/03/2014", date(2014, 3, 15)),
        ("5/3/2014", date(2014, 3, 5)),
        ("15-03-2014", date(2014, 3, 15)),
        ("15.03.2014", date(2014, 3, 15)),
        ("2014-03-15", date(2014, 3, 15)),
        ("2014/03/15", date(2014, 3, 15)),
        ("2014-03-15 00:00:00", date(2014, 3, 15)),
        ("2014-03-15T00:00", date(2014, 3, 15)),
        (41713, date(2014, 3, 15)),  # Excel's serial number of 15/03/2014
        (41713.0, date(2014, 3, 15)),
        ("41713", date(2014, 3, 15)),
        (datetime(2014, 3, 15, 0, 0), date(2014, 3, 15)),
        (date(2014, 3, 15), date(2014, 3, 15)),
    ],
)
def test_dates_are_read_as_excel_dates_serials_dd_mm_yyyy_or_iso(
    typed: object, expected: date
) -> None:
    assert parse_date(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message_id"),
    [
        ("31/02/2019", "date.impossible"),
        ("15/13/2019", "date.impossible"),
        ("03/15/2014", "date.impossible"),  # month-first is not a Vietnamese date
        ("15/03/14", "date.two_digit_year"),
        ("15 tháng 3 năm 2014", "date.invalid"),
        ("01/01/1944", "date.out_of_range"),
        (f"01/01/{today().year + 1}", "date.out_of_range"),
        (0, "date.invalid"),
    ],
)
def test_dates_that_do_not_exist_or_are_out_of_range_are_refused(
    typed: object, message_id: str
) -> None:
    with pytest.raises(ParseProblem) as raised:
        parse_date(typed)
    assert raised.value.message_id == message_id


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Hội hữu nghị  ", "Hội hữu nghị"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("'); DROP TABLE aid;--", "'); DROP TABLE aid;--"),
        ('=HYPERLINK("x")', '=HYPERLINK("x")'),
        ("a\tb", "a b"),
        ("dòng 1\r\ndòng 2", "dòng 1\ndòng 2"),
        ("bell\x07 nul\x00 del\x7f c1\x85", "bell nul del c1"),
        ("RLO\u202egnp.exe", "RLOgnp.exe"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("Việt\u00a0Nam", "Việt Nam"),
        ("Vie\u0302\u0323t Nam", "Việt Nam"),  # decomposed, as some keyboards type it
        (2019.0, "2019"),
        (12, "12"),
    ],
)
def test_text_is_kept_exactly_except_control_and_invisible_characters(
    typed: object, stored: str
) -> None:
    assert clean_text(typed, max_length=100) == stored


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("hội viên 2024.xlsx", "hội viên 2024.xlsx"),
        ("so\x1b[2Jlieu\x07.csv", "so[2Jlieu.csv"),
        ("hai\tcot\nhai dong\r\n.csv", "hai cot hai dong .csv"),
        ("  RLO\u202egnp.csv ", "RLOgnp.csv"),
        (None, ""),
    ],
)
def test_a_label_is_one_line_without_control_characters(given: object, stored: str) -> None:
    assert clean_label(given) == stored


def test_text_over_its_limit_is_refused_with_the_limit_named() -> None:
    assert clean_text("x" * 500, max_length=500) == "x" * 500
    with pytest.raises(ParseProblem) as raised:
        clean_text("x" * 501, max_length=500)
    assert raised.value.message_vi == "dài 501 ký tự, vượt giới hạn 500 ký tự"
    assert raised.value.message_en == "501 characters long; the limit is 500"


@pytest.mark.parametrize("message_id", sorted(MESSAGES))
def test_every_message_has_vietnamese_and_english_with_the_same_placeholders(
    message_id: str,
) -> None:
    texts = MESSAGES[message_id]
    assert set(texts) == {"vi", "en"}
    assert texts["vi"].strip() and texts["en"].strip()
    # A parameter may come in a version per language: hint_vi in Vietnamese, hint_en in English.
    vi = {name.removesuffix("_vi") for name in placeholders(texts["vi"])}
    en = {name.removesuffix("_en") for name in placeholders(texts["en"])}
    assert vi == en


def test_every_message_id_the_data_layer_raises_exists() -> None:
    pattern = re.compile(
        r"(?:Problem|Refused|DataProblem|bilingual|\bt)\(\s*\"([a-z_.0-9]+)\"", re.MULTILINE
    )
    used: set[str] = set()
    for path in (PROJECT_ROOT / "datastore").rglob("*.py"):
        used.update(pattern.findall(path.read_text("utf-8")))
    assert len(used) > 40
    assert used <= set(MESSAGES), sorted(used - set(MESSAGES))


def test_an_unknown_message_id_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        DataProblem("no.such.message")


def test_vietnamese_and_english_text_keeps_the_key_it_had_before_every_script_was_kept() -> None:
    rng = random.Random(42)
    alphabet = (
        "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ"
        "áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
        "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b ,.–-'İ0123456789\u00a0\u200b"
    )
    samples = [
        "Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Nai",
        "ĐẮK LẮK",
        "Thừa Thiên Huế",
        "Vie\u0302\u0323t Nam",
        *("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(2000)),
    ]
    for sample in samples:
        assert fold(sample) == latin_only_fold(sample), sample


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Делегация Москвы", "Делегация Казани"),
        ("Общество российско-вьетнамской дружбы", "中越友好协会"),
        ("Đoàn Новосибирск", "Đoàn Хабаровск"),
        ("Йошкар-Ола", "Иошкар-Ола"),  # й is a letter of its own, not и with a mark
        ("日本", "中国"),
        ("हिन्दी", "हन्द"),  # Devanagari vowel signs spell the word
        ("العراق", "المغرب"),
        ("Straße", "Strae"),
    ],
)
def test_letters_of_every_script_are_kept_in_the_matching_key(first: str, second: str) -> None:
    assert fold(first) != fold(second)
    assert fold(first) and fold(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Đắk Lắk", "dak lak"),
        ("ДЕЛЕГАЦИЯ МОСКВЫ", "делегация москвы"),
        ("Ｈà Ｎội １２", "Ha Noi 12"),  # full-width forms are the ordinary letters and digits
        ("Straße", "STRASSE"),
        ("Vie\u0302\u0323t Nam", "Việt Nam"),  # decomposed or composed, the same text
        ("Й", "И\u0306"),
        ("Hội Nga–Việt", "Hoi Nga - Viet"),
    ],
)
def test_case_latin_diacritics_spacing_and_punctuation_are_folded(first: str, second: str) -> None:
    assert fold(first) == fold(second)
