"""Turn what people type into numbers, dates and text, or say exactly why not (in two languages).

Numbers: as Excel stores them, or as text in Vietnamese style ("1.234.567", "1.234,5") or
English style ("1,234,567.5"). One separator followed by exactly three digits after one to
three digits ("1.234", "12,500") is ambiguous for amounts and rejected with both readings; for
counts (members, participants) a fraction is impossible, so it is read as thousands.
Scientific notation ("3E+11") is what Excel writes to CSV for a number too wide for its
column, possibly rounded: rejected.
Digits are 0-9 only: full-width ("１２") or another script's ("٣") are refused, never read.
Dates: Excel dates and serial numbers, dd/mm/yyyy (also with - or .), yyyy-mm-dd; never
mm/dd/yyyy, never two-digit years. Years and dates run from 1945 to today, in Vietnam's time.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation

from datastore.problems import DataProblem
from i18n.formatting import format_day, grouped, quote

_VI_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$", re.ASCII)  # 1.234.567 or 1.234,5
_EN_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$", re.ASCII)  # 1,234,567 or 1,234.5
_PLAIN = re.compile(r"^-?\d+([.,]\d+)?$", re.ASCII)
_SCIENTIFIC = re.compile(r"^-?\d+([.,]\d+)?[eE][+-]?\d+$", re.ASCII)
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$", re.ASCII)
_DMY_SHORT = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2})$", re.ASCII)
_YMD = re.compile(
    r"^(\d{4})[\-/](\d{1,2})[\-/](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$", re.ASCII
)
_SERIAL = re.compile(r"^\d{5}$", re.ASCII)
_EXCEL_EPOCH = date(1899, 12, 30)
VIETNAM_TIME = timezone(timedelta(hours=7))
FIRST_YEAR = 1945
MAX_AMOUNT = Decimal(10) ** 13  # keeps amount_vnd inside a 64-bit integer at any rate
MAX_COUNT = 1_000_000_000  # inside a 32-bit integer column


class ParseProblem(DataProblem):
    """A value that cannot be read as the type its column needs."""


def today() -> date:
    """Today's date in Vietnam, where the figures are reported."""
    return datetime.now(VIETNAM_TIME).date()


def is_blank(value: object) -> bool:
    """Whether a cell holds nothing (None, empty or only spaces, NaN)."""
    if value is None:
        return True
    if isinstance(value, float) and value != value:
        return True
    return isinstance(value, str) and not value.strip()


def parse_decimal(value: object, *, whole: bool = False) -> Decimal:
    """A number as Excel stores it or as text; `whole` reads "1.234" as 1234 (counts)."""
    if isinstance(value, bool):
        raise ParseProblem("number.boolean")
    if isinstance(value, int | Decimal):
        if isinstance(value, Decimal) and not value.is_finite():
            raise ParseProblem("number.not_finite", value=quote(value))
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ParseProblem("number.not_finite", value=quote(value))
        return Decimal(repr(value))
    raw = str(value).strip()
    _refuse_foreign_digits(raw)
    text = raw.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if _PLAIN.match(text):
        separator = "." if "." in text else ("," if "," in text else "")
        if separator:
            head, tail = text.rsplit(separator, 1)
            digits = head.lstrip("-")
            # "1.234" is 1234 in Vietnam and 1.234 in English-speaking countries; "1234.567"
            # and "0.125" can only be decimals.
            if len(tail) == 3 and len(digits) <= 3 and not digits.startswith("0"):
                if whole:
                    return Decimal(head + tail)
                raise ParseProblem(
                    "number.ambiguous",
                    value=quote(raw),
                    sep=quote(separator),
                    whole=head + tail,
                    fraction_vi=f"{head},{tail}",
                    fraction_en=f"{head}.{tail}",
                )
        try:
            return Decimal(text.replace(",", "."))
        except InvalidOperation as error:  # pragma: no cover - the pattern admits only digits
            raise ParseProblem("number.invalid", value=quote(raw)) from error
    # Two or more groups of thousands, or thousands and decimals: one reading only.
    if _VI_THOUSANDS.match(text):
        return Decimal(text.replace(".", "").replace(",", "."))
    if _EN_THOUSANDS.match(text):
        return Decimal(text.replace(",", ""))
    if _SCIENTIFIC.match(text):
        raise ParseProblem("number.scientific", value=quote(raw))
    raise ParseProblem("number.invalid", value=quote(raw))


def _refuse_foreign_digits(text: str) -> None:
    """Refuse digits other than 0-9: nobody typing Vietnamese figures means "１２" or "٣"."""
    if not text.isascii() and any(ch.isdigit() and not ch.isascii() for ch in text):
        raise ParseProblem("digits.foreign", value=quote(text))


def parse_count(value: object) -> int:
    """A whole, non-negative number (members, participants, chapters)."""
    number = parse_decimal(value, whole=True)
    if number != number.to_integral_value():
        raise ParseProblem("number.not_whole", value=quote(value))
    if number < 0:
        raise ParseProblem("number.negative", value=quote(value))
    if number > MAX_COUNT:
        raise ParseProblem("number.too_large", value=quote(value), limit=grouped(MAX_COUNT))
    return int(number)


def parse_amount(value: object) -> Decimal:
    """A non-negative money amount with at most two decimals."""
    number = parse_decimal(value)
    if number < 0:
        raise ParseProblem("number.negative", value=quote(value))
    if number != number.quantize(Decimal("0.01")):
        raise ParseProblem("number.too_many_decimals", value=quote(value))
    if number > MAX_AMOUNT:
        raise ParseProblem("number.too_large", value=quote(value), limit=grouped(MAX_AMOUNT))
    return number


def parse_year(value: object) -> int:
    """A four-digit year from 1945 to this year."""
    try:
        number = parse_decimal(value)
    except ParseProblem as error:
        if error.message_id == "digits.foreign":
            raise
        raise ParseProblem("year.invalid", value=quote(value)) from error
    if number != number.to_integral_value():
        raise ParseProblem("year.invalid", value=quote(value))
    year = int(number)
    last = today().year
    if not FIRST_YEAR <= year <= last:
        raise ParseProblem("year.implausible", year=year, first=FIRST_YEAR, last=last)
    return year


def parse_date(value: object) -> date:
    """A date from 1 January 1945 to today, as an Excel date or serial, dd/mm/yyyy or ISO."""
    return _date_until(value, today())


def parse_period_day(value: object) -> date:
    """A day of an aid amount's period: as parse_date, up to 31 December of this year."""
    # This year's amounts cover this calendar year, whose end is still to come.
    return _date_until(value, date(today().year, 12, 31))


def _date_until(value: object, latest: date) -> date:
    day = _read_date(value)
    if not date(FIRST_YEAR, 1, 1) <= day <= latest:
        raise ParseProblem(
            "date.out_of_range",
            value=format_day(day),
            first=f"01/01/{FIRST_YEAR}",
            last=format_day(latest),
        )
    return day


def _read_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value < 2_958_466:  # Excel's last day is 31/12/9999
            raise ParseProblem("date.invalid", value=quote(value))
        return _EXCEL_EPOCH + timedelta(days=int(value))
    text = str(value).strip()
    _refuse_foreign_digits(text)
    if _SERIAL.match(text):
        return _EXCEL_EPOCH + timedelta(days=int(text))
    found = _DMY.match(text)
    parts: tuple[int, int, int] | None = None
    if found:
        parts = (int(found[3]), int(found[2]), int(found[1]))
    elif found := _YMD.match(text):
        parts = (int(found[1]), int(found[2]), int(found[3]))
    if parts is not None:
        try:
            return date(*parts)
        except ValueError as error:
            raise ParseProblem("date.impossible", value=quote(text)) from error
    if _DMY_SHORT.match(text):
        raise ParseProblem("date.two_digit_year", value=quote(text))
    raise ParseProblem("date.invalid", value=quote(text))


def clean_text(value: object, *, max_length: int) -> str:
    """Text in NFC without control and invisible format characters, refused when too long."""
    # Tabs and unusual spaces become plain spaces and line ends "\n", so words never run
    # together; other control characters (C0/C1) and format characters (zero width, bidi
    # overrides, byte-order marks) are removed. Everything else is kept exactly.
    if value is None:
        text = ""
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    if not (text.isprintable() and unicodedata.is_normalized("NFC", text)):
        text = _strip_invisible(text)
    text = text.strip()
    if len(text) > max_length:
        raise ParseProblem("text.too_long", length=len(text), limit=max_length)
    return text


def clean_label(value: object) -> str:
    """A one-line label (a file name, a user name): no control or invisible characters."""
    # Tabs and line ends become spaces (a listing shows one load a line), other control
    # characters (ESC, BEL: commands to a terminal) and format characters are removed.
    text = "" if value is None else str(value)
    if text.isprintable() and unicodedata.is_normalized("NFC", text):
        return text.strip()
    return " ".join(_strip_invisible(text).split())


def _strip_invisible(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    kept: list[str] = []
    for ch in text:
        if ch == "\n" or ch.isprintable():
            kept.append(ch)
            continue
        category = unicodedata.category(ch)
        if category in ("Zs", "Zl", "Zp") or ch == "\t":
            kept.append(" " if category == "Zs" or ch == "\t" else "\n")
        # Cc (control), Cf (format), Cs, Cn: dropped.
    return "".join(kept)
