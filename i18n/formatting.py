"""Numbers, money, percentages, file sizes and dates in Vietnamese (1.234.567,8) and English."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from typing import Literal, get_args

from babel import Locale, dates, numbers

from i18n.catalogue import Lang, as_lang, t

MISSING = "–"  # shown where a number is absent (None or NaN)
MEGABYTE = 1024 * 1024
_FLOAT_DIGITS = 800  # a float's exact decimal value has at most 767 significant digits

# The currencies amounts are shown in (the database holds every amount in both).
Currency = Literal["VND", "USD"]
CURRENCIES: tuple[Currency, ...] = get_args(Currency)

_LOCALES: dict[Lang, Locale] = {"vi": Locale.parse("vi"), "en": Locale.parse("en")}

# Babel's own percent patterns differ from the reports' ("85%" in both languages); the agreed
# forms are "85,3 %" in Vietnamese and "85.3%" in English, so the patterns are given here.
_PERCENT_SUFFIX: dict[Lang, str] = {"vi": " %", "en": "%"}

# Money is shown in the largest unit the value reaches, as Vietnamese reports write it
# ("109,8 tỷ đồng", "220,7 triệu USD"); each step is (threshold = divisor, unit text key).
_MONEY_STEPS: dict[Currency, tuple[tuple[float, str], ...]] = {
    "VND": ((1e9, "unit.vnd_billion"), (1e6, "unit.vnd_million"), (1.0, "unit.vnd")),
    "USD": ((1e6, "unit.usd_million"), (1.0, "unit.usd")),
}

# Day and minute as the screens and messages show them, the same in both languages.
_DAY_PATTERN = "dd/MM/yyyy"
_MOMENT_PATTERN = "dd/MM/yyyy HH:mm"
# The command line's listings sort and parse well with ISO order.
_STAMP_PATTERNS = {False: "yyyy-MM-dd HH:mm", True: "yyyy-MM-dd HH:mm:ss"}


def as_currency(value: object) -> Currency:
    """The currency `value` names, or ValueError for one amounts are not shown in."""
    for currency in CURRENCIES:
        if value == currency:
            return currency
    raise ValueError(f"unknown currency {value!r}; expected one of {', '.join(CURRENCIES)}")


def _is_missing(x: float | None) -> bool:
    """Whether x is None or NaN."""
    return x is None or (isinstance(x, float) and math.isnan(x))


def _babel_number(
    x: float, lang: Lang, decimals: int, *, optional: bool = False, suffix: str = ""
) -> str:
    """x through Babel with `decimals` fixed (or at most, when optional), then `suffix`.

    Babel gets the float's exact value, so it rounds as Python's own formatting does; a value
    that rounds to zero loses its sign ("0", never "-0"); infinity reads "inf" as it always did.
    """
    locale = _LOCALES[as_lang(lang)]
    if math.isinf(x):
        return ("-inf" if x < 0 else "inf") + suffix
    value = Decimal(float(x))
    if abs(value) <= Decimal(5).scaleb(-decimals - 1):  # rounds to zero (half to even)
        value = Decimal(0)
    fraction = ("#" if optional else "0") * decimals
    pattern = "#,##0" + (f".{fraction}" if decimals else "") + suffix
    # Room for every digit of any float (Babel rounds within the current context), half to even.
    with localcontext(prec=_FLOAT_DIGITS, rounding=ROUND_HALF_EVEN):
        if suffix.strip() == "%":
            # A '%' in the pattern makes Babel multiply by 100: hand it the value divided back.
            value = value.scaleb(-2)
            return numbers.format_percent(value, format=pattern, locale=locale)
        return numbers.format_decimal(value, format=pattern, locale=locale)


def format_number(x: float | None, lang: Lang, decimals: int = 0) -> str:
    """A number with thousands separators and fixed decimals: 1.234.567,5 (vi), 1,234,567.5 (en)."""
    if _is_missing(x):
        return MISSING
    assert x is not None
    return _babel_number(x, lang, decimals)


def money_scale(amount: float | None, currency: Currency) -> tuple[float, str]:
    """The divisor and unit text key to show `amount` of `currency` in (1e9, 'unit.vnd_billion')."""
    currency = as_currency(currency)
    size = 0.0 if _is_missing(amount) else abs(float(amount))  # type: ignore[arg-type]
    for divisor, unit_key in _MONEY_STEPS[currency]:
        if size >= divisor:
            return divisor, unit_key
    return _MONEY_STEPS[currency][-1]


def format_money(x: float | None, currency: Currency, lang: Lang) -> str:
    """An amount in its natural unit: '109,8 tỷ đồng', '700 triệu đồng', '220.7 million USD'."""
    as_lang(lang)
    divisor, unit_key = money_scale(x, currency)
    if _is_missing(x):
        return f"{MISSING} {t(unit_key, lang)}"
    assert x is not None
    scaled = float(x) / divisor
    # Scaled amounts keep the precision reports use (1,25 tỷ; 109,8 tỷ); whole units need none.
    if divisor == 1.0:
        max_decimals = 0
    elif abs(scaled) < 10:
        max_decimals = 2
    else:
        max_decimals = 1
    number = _babel_number(scaled, lang, max_decimals, optional=True)
    return f"{number} {t(unit_key, lang)}"


def format_percent(fraction: float | None, lang: Lang, decimals: int = 1) -> str:
    """A fraction as a percentage: 0.853 -> '85,3 %' (vi), '85.3%' (en)."""
    if _is_missing(fraction):
        return MISSING
    assert fraction is not None
    # Scaled by 100 as a float first, as the figures were always rounded.
    return _babel_number(float(fraction) * 100, lang, decimals, suffix=_PERCENT_SUFFIX[lang])


def format_change(current: float | None, previous: float | None, lang: Lang) -> str | None:
    """Relative change with its sign, '+12,5 %' (vi) / '+12.5%' (en); None without a base."""
    if _is_missing(current) or _is_missing(previous) or previous == 0:
        return None
    assert current is not None and previous is not None
    fraction = (float(current) - float(previous)) / abs(float(previous))
    text = format_percent(fraction, lang, decimals=1)
    # An explicit '+' for growth; Streamlit's st.metric colours a delta by its leading '-'.
    return f"+{text}" if round(fraction * 100, 1) > 0 else text


def format_file_size(size: int, lang: Lang) -> str:
    """A file size in MB, KB or bytes, in the language's number style: '1,5 MB', '18 KB'."""
    if size >= MEGABYTE:
        value = size / MEGABYTE
        decimals = 0 if value == int(value) else 1
        return f"{format_number(value, lang, decimals)} MB"
    if size >= 1024:
        return f"{format_number(math.ceil(size / 1024), lang)} KB"
    return t("unit.bytes", lang, count=size)


def format_file_size_plain(size: int) -> str:
    """A file size as the load's messages show it in both languages: '0.9 KB', '20.5 MB'."""
    value, unit = (size / 1024, "KB") if size < MEGABYTE else (size / 1024 / 1024, "MB")
    with localcontext(prec=_FLOAT_DIGITS, rounding=ROUND_HALF_EVEN):
        number = numbers.format_decimal(Decimal(value), format="0.0", locale=_LOCALES["en"])
    return f"{number} {unit}"


def format_day(day: date | datetime) -> str:
    """A date as dd/mm/yyyy, the same in both languages' screens and messages."""
    return dates.format_date(day, _DAY_PATTERN, locale=_LOCALES["vi"])


def format_moment(moment: datetime) -> str:
    """A time as dd/mm/yyyy HH:MM, in the time zone it carries (the loads' times are UTC)."""
    return dates.format_datetime(moment, _MOMENT_PATTERN, locale=_LOCALES["vi"])


def format_stamp(moment: datetime, *, seconds: bool = False) -> str:
    """A time as yyyy-mm-dd HH:MM(:SS), for the command line's listings."""
    return dates.format_datetime(moment, _STAMP_PATTERNS[seconds], locale=_LOCALES["en"])


def grouped(number: int | Decimal) -> str:
    """A number with spaces between thousands: unambiguous in Vietnamese and in English.

    No Babel locale groups with a plain space, and the number keeps every decimal it has.
    """
    return f"{number:,}".replace(",", " ")


def quote(value: object, *, limit: int = 60) -> str:
    """A value in quotes for a message, on one line, shortened when long."""
    text = "" if value is None else one_line(str(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"“{text}”"


def one_line(text: str) -> str:
    """Text as a terminal or a listing may show it: every unprintable character as an escape."""
    # A tab or a line end would break a one-line listing, and ESC or BEL reach the terminal
    # as commands: they are shown as \t, \n, \x1b instead, so the value stays recognisable.
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)


def with_code(name: str, code: str) -> str:
    """An option shown with its code, as the filters list provinces and sectors: "Hà Nội (01)"."""
    return f"{name} ({code})"


def load_numbers(batch_ids: Iterable[int]) -> str:
    """Load numbers as a person writes them, in both languages: "#4, #7" (no Markdown in them)."""
    return ", ".join(f"#{batch_id}" for batch_id in batch_ids)
