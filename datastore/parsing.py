"""Turn what people type into numbers, dates and codes, or say exactly why not."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

_VI_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.234.567 or 1.234,5
_EN_THOUSANDS = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,234,567 or 1,234.5
_PLAIN = re.compile(r"^-?\d+([.,]\d+)?$")
_EXCEL_EPOCH = date(1899, 12, 30)


class ParseProblem(ValueError):
    """A value that cannot be read as the type its column needs."""


def is_blank(value: object) -> bool:
    """Whether a cell holds nothing (None, empty or only spaces, NaN)."""
    if value is None:
        return True
    if isinstance(value, float) and value != value:
        return True
    return isinstance(value, str) and not value.strip()


def parse_decimal(value: object) -> Decimal:
    """A number written as Excel stores it, or as text in Vietnamese or English style."""
    if isinstance(value, bool):
        raise ParseProblem("expected a number, not true/false")
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ParseProblem("expected a number")
        return Decimal(repr(value))
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        raise ParseProblem("expected a number, the cell is empty")
    if _VI_THOUSANDS.match(text):
        return Decimal(text.replace(".", "").replace(",", "."))
    if _EN_THOUSANDS.match(text):
        return Decimal(text.replace(",", ""))
    if _PLAIN.match(text):
        separator = "." if "." in text else ("," if "," in text else "")
        if (
            separator
            and len(text.rsplit(separator, 1)[1]) == 3
            and not text.lstrip("-").startswith("0")
        ):
            # "1.234" is 1234 in Vietnam and 1.234 in English-speaking countries.
            raise ParseProblem(
                f"{text!r} is ambiguous: thousands separator or decimal mark? "
                "write 1234 or 1.234,0 or 1234,5"
            )
        try:
            return Decimal(text.replace(",", "."))
        except InvalidOperation as error:
            raise ParseProblem(f"{text!r} is not a number") from error
    raise ParseProblem(f"{text!r} is not a number")


def parse_count(value: object) -> int:
    """A whole, non-negative number (members, participants, chapters)."""
    number = parse_decimal(value)
    if number != number.to_integral_value():
        raise ParseProblem(f"{value!r} is not a whole number")
    if number < 0:
        raise ParseProblem(f"{value!r} is negative")
    return int(number)


def parse_amount(value: object) -> Decimal:
    """A non-negative money amount with at most two decimals."""
    number = parse_decimal(value)
    if number < 0:
        raise ParseProblem(f"{value!r} is negative")
    if number != number.quantize(Decimal("0.01")):
        raise ParseProblem(f"{value!r} has more than two decimals")
    return number


def parse_year(value: object) -> int:
    """A four-digit year between 1945 and 2100."""
    try:
        year = parse_count(value)
    except ParseProblem as error:
        raise ParseProblem(f"{value!r} is not a year") from error
    if not 1945 <= year <= 2100:
        raise ParseProblem(f"{year} is not a plausible year")
    return year


def parse_date(value: object) -> date:
    """A date as an Excel serial, a date object, dd/mm/yyyy or ISO yyyy-mm-dd."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value < 100_000:
            raise ParseProblem(f"{value!r} is not a date")
        return _EXCEL_EPOCH + timedelta(days=int(value))
    text = str(value).strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ParseProblem(f"{text!r} is not a date; write dd/mm/yyyy or yyyy-mm-dd")


def clean_text(value: object, *, max_length: int) -> str:
    """Text with outer spaces and control characters removed, refused when too long."""
    text = "" if value is None else str(value)
    text = "".join(ch for ch in text if ch in "\t\n" or ch.isprintable()).strip()
    if len(text) > max_length:
        raise ParseProblem(f"text is {len(text)} characters long; the limit is {max_length}")
    return text
