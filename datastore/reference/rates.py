"""Yearly average exchange rates used to express every aid amount in VND and in USD."""

from __future__ import annotations

from decimal import Decimal

RATE_SOURCE = (
    "Approximate yearly average bank rates; VND/USD anchored at 23,200 (2018), 24,300 (2023)"
)

# VND per USD; DOMAIN.md gives the 2018 and 2023 anchors, the other years follow public
# yearly averages of commercial-bank rates.
VND_PER_USD: dict[int, int] = {
    2010: 19_500, 2011: 20_900, 2012: 20_850, 2013: 21_050, 2014: 21_250, 2015: 21_900,
    2016: 22_350, 2017: 22_750, 2018: 23_200, 2019: 23_250, 2020: 23_250, 2021: 23_100,
    2022: 23_600, 2023: 24_300, 2024: 25_300, 2025: 26_100, 2026: 26_300,
}  # fmt: skip

# USD value of one unit of each other currency that donors report in, by year.
USD_PER_UNIT: dict[str, dict[int, str]] = {
    "EUR": {
        2010: "1.33", 2011: "1.39", 2012: "1.29", 2013: "1.33", 2014: "1.33", 2015: "1.11",
        2016: "1.11", 2017: "1.13", 2018: "1.18", 2019: "1.12", 2020: "1.14", 2021: "1.18",
        2022: "1.05", 2023: "1.08", 2024: "1.08", 2025: "1.13", 2026: "1.16",
    },
    "JPY": {
        2010: "0.011390", 2011: "0.012531", 2012: "0.012531", 2013: "0.010246", 2014: "0.009443",
        2015: "0.008264", 2016: "0.009191", 2017: "0.008913", 2018: "0.009058", 2019: "0.009174",
        2020: "0.009363", 2021: "0.009107", 2022: "0.007605", 2023: "0.007117", 2024: "0.006605",
        2025: "0.006711", 2026: "0.006667",
    },
    "KRW": {
        2010: "0.000865", 2011: "0.000903", 2012: "0.000887", 2013: "0.000913", 2014: "0.000950",
        2015: "0.000884", 2016: "0.000861", 2017: "0.000884", 2018: "0.000909", 2019: "0.000858",
        2020: "0.000847", 2021: "0.000874", 2022: "0.000774", 2023: "0.000766", 2024: "0.000733",
        2025: "0.000714", 2026: "0.000704",
    },
    "AUD": {
        2010: "0.92", 2011: "1.03", 2012: "1.04", 2013: "0.97", 2014: "0.90", 2015: "0.75",
        2016: "0.74", 2017: "0.77", 2018: "0.75", 2019: "0.70", 2020: "0.69", 2021: "0.75",
        2022: "0.69", 2023: "0.66", 2024: "0.66", 2025: "0.65", 2026: "0.66",
    },
}  # fmt: skip

CURRENCIES: tuple[str, ...] = ("VND", "USD", *USD_PER_UNIT)


def vnd_per_unit_table() -> dict[tuple[int, str], Decimal]:
    """VND value of one unit of every known currency, by (year, currency)."""
    table: dict[tuple[int, str], Decimal] = {}
    for year, usd_rate in VND_PER_USD.items():
        table[(year, "VND")] = Decimal(1)
        table[(year, "USD")] = Decimal(usd_rate)
        for currency, by_year in USD_PER_UNIT.items():
            table[(year, currency)] = (Decimal(by_year[year]) * usd_rate).quantize(
                Decimal("0.0001")
            )
    return table
