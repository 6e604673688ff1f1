"""Number, money and change formatting in Vietnamese (1.234.567,8) and English (1,234,567.8)."""

from __future__ import annotations

import math

from ui.texts import LANGUAGES, t

MISSING = "–"  # shown where a number is absent (None or NaN)

# Money is shown in the largest unit the value reaches, as Vietnamese reports write it
# ("109,8 tỷ đồng", "220,7 triệu USD"); each step is (threshold = divisor, unit text key).
_MONEY_STEPS: dict[str, tuple[tuple[float, str], ...]] = {
    "VND": ((1e9, "unit.vnd_billion"), (1e6, "unit.vnd_million"), (1.0, "unit.vnd")),
    "USD": ((1e6, "unit.usd_million"), (1.0, "unit.usd")),
}


_VI_SEPARATORS = str.maketrans(",.", ".,")


def _is_missing(x: float | None) -> bool:
    """Whether x is None or NaN."""
    return x is None or (isinstance(x, float) and math.isnan(x))


def _localise(english: str, lang: str) -> str:
    """Swap English separators for the language's own (Vietnamese: '.' thousands, ',' decimal)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    if lang == "vi":
        return english.translate(_VI_SEPARATORS)
    return english


def format_number(x: float | None, lang: str, decimals: int = 0) -> str:
    """A number with thousands separators and fixed decimals: 1.234.567,5 (vi), 1,234,567.5 (en)."""
    if _is_missing(x):
        return MISSING
    assert x is not None
    text = f"{float(x):,.{decimals}f}"
    if text.startswith("-") and float(text[1:].replace(",", "")) == 0:
        text = text[1:]  # a value that rounds to zero is shown without a sign
    return _localise(text, lang)


def _format_trimmed(x: float, lang: str, max_decimals: int) -> str:
    """A number with at most `max_decimals` decimals, trailing zeros dropped."""
    text = format_number(x, lang, max_decimals)
    decimal_mark = "," if lang == "vi" else "."
    if max_decimals > 0:
        text = text.rstrip("0").rstrip(decimal_mark)
    return text


def money_scale(amount: float | None, currency: str) -> tuple[float, str]:
    """The divisor and unit text key to show `amount` of `currency` in (1e9, 'unit.vnd_billion')."""
    if currency not in _MONEY_STEPS:
        raise ValueError(f"unknown currency {currency!r}; expected VND or USD")
    size = 0.0 if _is_missing(amount) else abs(float(amount))  # type: ignore[arg-type]
    for divisor, unit_key in _MONEY_STEPS[currency]:
        if size >= divisor:
            return divisor, unit_key
    return _MONEY_STEPS[currency][-1]


def format_money(x: float | None, currency: str, lang: str) -> str:
    """An amount in its natural unit: '109,8 tỷ đồng', '700 triệu đồng', '220.7 million USD'."""
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
    return f"{_format_trimmed(scaled, lang, max_decimals)} {t(unit_key, lang)}"


def format_percent(fraction: float | None, lang: str, decimals: int = 1) -> str:
    """A fraction as a percentage: 0.853 -> '85,3 %' (vi), '85.3%' (en)."""
    if _is_missing(fraction):
        return MISSING
    assert fraction is not None
    number = format_number(float(fraction) * 100, lang, decimals)
    return f"{number} %" if lang == "vi" else f"{number}%"


def format_change(current: float | None, previous: float | None, lang: str) -> str | None:
    """Relative change with its sign, '+12,5 %' (vi) / '+12.5%' (en); None without a base."""
    if _is_missing(current) or _is_missing(previous) or previous == 0:
        return None
    assert current is not None and previous is not None
    fraction = (float(current) - float(previous)) / abs(float(previous))
    text = format_percent(fraction, lang, decimals=1)
    # An explicit '+' for growth; Streamlit's st.metric colours a delta by its leading '-'.
    return f"+{text}" if round(fraction * 100, 1) > 0 else text
