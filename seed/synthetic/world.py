"""The synthetic world's lasting parameters: years, partners, borders, donors, magnitudes."""

from __future__ import annotations

from datetime import date

YEARS = range(2010, 2026)
EXCHANGES_AT_SCALE_1 = 100_000

# Countries -------------------------------------------------------------------------------------

# Every provincial union has these associations (DOMAIN.md: neighbours, and Japan, Korea, the
# USA, Russia, France, Cuba as the usual partners); further ones come from OTHER_PARTNERS.
EVERY_UNION = ("LAO", "KHM", "CHN", "JPN", "KOR", "USA", "RUS", "FRA", "CUB")
OTHER_PARTNERS = {
    "THA": 3.0, "DEU": 3.0, "IND": 2.5, "AUS": 2.0, "GBR": 2.0, "ITA": 1.5, "CAN": 1.5,
    "SGP": 1.5, "MYS": 1.2, "IDN": 1.2, "PHL": 1.0, "MMR": 1.0, "NLD": 1.0, "BEL": 1.0,
    "SWE": 1.0, "POL": 1.0, "CZE": 1.0, "HUN": 1.0, "UKR": 1.0, "BLR": 1.0, "MNG": 1.0,
    "ISR": 1.0, "NZL": 1.0, "VEN": 1.0, "BRA": 1.0, "CHE": 1.0, "AUT": 1.0, "DNK": 1.0,
    "NOR": 1.0, "FIN": 1.0, "BGR": 1.0, "KAZ": 1.0,
}  # fmt: skip

# Old (63-list) province codes along each land border.
BORDERS = {
    "KHM": {"62", "64", "66", "67", "70", "72", "80", "87", "89", "91"},
    "LAO": {"11", "14", "38", "40", "42", "44", "45", "46", "49", "62"},
    "CHN": {"02", "04", "10", "11", "12", "20", "22"},
}

# How often people exchange with each country, relative to the rest (0.5).
EXCHANGE_WEIGHT = {
    "KHM": 3.0, "LAO": 3.0, "JPN": 2.0, "KOR": 2.0, "CHN": 1.5, "USA": 1.2, "THA": 1.0,
    "RUS": 0.8, "FRA": 0.8, "CUB": 0.5,
}  # fmt: skip
NEW_YEAR_PARTNERS = ("KHM", "LAO")
# Days diplomatic relations were established: a province's anniversary ceremony falls in that
# month, every year for the two neighbours and China, on round (five-yearly) ones otherwise.
DIPLOMATIC_RELATIONS = {
    "CHN": date(1950, 1, 18), "RUS": date(1950, 1, 30), "CUB": date(1960, 12, 2),
    "LAO": date(1962, 9, 5), "KHM": date(1967, 6, 24), "IND": date(1972, 1, 7),
    "AUS": date(1973, 2, 26), "FRA": date(1973, 4, 12), "GBR": date(1973, 9, 11),
    "JPN": date(1973, 9, 21), "DEU": date(1975, 9, 23), "THA": date(1976, 8, 6),
    "KOR": date(1992, 12, 22), "USA": date(1995, 7, 12),
}  # fmt: skip
YEARLY_ANNIVERSARIES = ("LAO", "KHM", "CHN")

# Old (63-list) provinces with a coast: the 28 coastal provinces and Long An, whose Cần Giuộc
# district reaches the sea (DOMAIN.md lists every other province as without a coast). Mangroves,
# fisheries and typhoon recovery belong here; a 34-list unit has a coast if one of its old
# provinces has (reference.coastal_units).
COASTAL = frozenset({
    "22", "31", "34", "36", "37", "38", "40", "42", "44", "45", "46", "48", "49", "51", "52",
    "54", "56", "58", "60", "77", "79", "80", "82", "83", "84", "91", "94", "95", "96",
})  # fmt: skip

# Donors ----------------------------------------------------------------------------------------

# Foreign NGOs by country. Invented names: synthetic amounts must not be pinned on real bodies.
DONORS = {
    "USA": (
        "Mekong Children's Health Fund", "Pacific Bridge Education Foundation",
        "Heartland Clean Water Initiative", "American Friends of Vietnamese Villages",
    ),
    "JPN": (
        "Sakura Rural Development Association", "Kokoro Education Fund",
        "Hokuriku Medical Volunteers",
    ),
    "KOR": (
        "Hanbit Medical Volunteers", "Green Village Korea Foundation", "Saebom Children's Hope",
    ),
    "DEU": ("Brücke nach Vietnam e.V.", "Kinderhilfe Mekong e.V."),
    "FRA": ("Solidarité Santé Vietnam", "Association Lotus Éducation"),
    "AUS": ("Southern Cross Vision Aid", "Australian Village Water Trust"),
    "GBR": ("Thames Trust for Asian Children",),
    "NLD": ("Stichting Rijst en Water",),
    "BEL": ("Vrienden van Vietnam vzw",),
    "CAN": ("Maple Leaf Rural Health Network",),
    "CHE": ("Fondation Helvétique pour l'Enfance",),
    "SWE": ("Nordisk Skolhjälp",),
}  # fmt: skip
# What each donor funds (DAC codes), as its name says: a health NGO funds health. The general
# ones (villages, friends of Vietnam, a green village, rice and water) also answer storms.
_HEALTH = ("121", "122")
_EDUCATION = ("111", "112", "113", "114")
_CHILDREN = ("112", "113", "122", "160")
_VILLAGES = ("160", "430", "311", "151", "720", "730", "740")
DONOR_SECTORS: dict[str, tuple[str, ...]] = {
    "Mekong Children's Health Fund": _HEALTH,
    "Pacific Bridge Education Foundation": _EDUCATION,
    "Heartland Clean Water Initiative": ("140",),
    "American Friends of Vietnamese Villages": (*_VILLAGES, "140"),
    "Sakura Rural Development Association": ("311", "430", "140"),
    "Kokoro Education Fund": _EDUCATION,
    "Hokuriku Medical Volunteers": _HEALTH,
    "Hanbit Medical Volunteers": _HEALTH,
    "Green Village Korea Foundation": ("410", "311", "430", "740"),
    "Saebom Children's Hope": _CHILDREN,
    "Brücke nach Vietnam e.V.": _VILLAGES,
    "Kinderhilfe Mekong e.V.": _CHILDREN,
    "Solidarité Santé Vietnam": _HEALTH,
    "Association Lotus Éducation": _EDUCATION,
    "Southern Cross Vision Aid": ("121",),
    "Australian Village Water Trust": ("140",),
    "Thames Trust for Asian Children": _CHILDREN,
    "Stichting Rijst en Water": ("311", "140", "410", "740"),
    "Vrienden van Vietnam vzw": (*_VILLAGES, "410"),
    "Maple Leaf Rural Health Network": _HEALTH,
    "Fondation Helvétique pour l'Enfance": _CHILDREN,
    "Nordisk Skolhjälp": ("111", "112", "113"),
}
DONOR_WEIGHT = {
    "USA": 24, "JPN": 16, "KOR": 14, "DEU": 9, "FRA": 9, "AUS": 8, "GBR": 5, "CAN": 4,
    "NLD": 4, "BEL": 3, "CHE": 2, "SWE": 2,
}  # fmt: skip
# Poorer regions draw more NGO aid: northern mountains, north-central coast, Central
# Highlands and the poorest Mekong provinces.
AID_FOCUS = {
    "02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "20", "38", "40", "42", "44",
    "45", "46", "49", "51", "62", "64", "66", "67", "68", "83", "84", "94", "95",
}  # fmt: skip

# Magnitudes ------------------------------------------------------------------------------------

# National disbursed foreign NGO aid, million USD (DOMAIN.md: 304 in 2014, 220.7 in 2020, 223.7
# in 2022, about 228.6 in 2023). 2010 and 2025 are chosen inside the 220–300 band; the years
# between anchors are interpolated linearly.
AID_DISBURSED_MUSD = {2010: 262.0, 2014: 304.0, 2020: 220.7, 2022: 223.7, 2023: 228.6, 2025: 236.0}
PROVINCE_AID_USD = (1_000_000, 8_000_000)  # DOMAIN.md: one province gets 1–8 million USD a year
# Commitments run at about 1.3 times disbursements (DOMAIN.md); the range averages a little
# more because some commitments go unreported (see aid.aid_rows).
COMMITTED_PER_DISBURSED = (1.15, 1.55)

# Activity over the calendar --------------------------------------------------------------------

# Exchanges a month relative to the year's average: the Tết season in January and February,
# the Khmer and Lao New Year in April, summer holidays, the year-end reviews.
SEASON = (1.25, 1.05, 1.1, 1.15, 1.0, 0.7, 0.6, 0.65, 0.95, 1.1, 1.2, 1.3)
# Activity by year: steady growth to 2019, a dip after COVID-19 (see _covid), then recovery.
GROWTH = {
    **{year: 0.62 + (1.0 - 0.62) * (year - 2010) / 9 for year in range(2010, 2020)},
    2020: 1.0, 2021: 1.0, 2022: 0.95, 2023: 1.05, 2024: 1.12, 2025: 1.18,
}  # fmt: skip
GAP_YEAR = 0.03  # a province that sent no exchange report for a year
GAP_MONTH = 0.04  # ... or for a month
GAP_MEMBERS = 0.06  # an association that reported no figure for a year
# Before a province has a working union (not yet founded, or Gia Lai's dormant one before its
# 2018 congress) the provincial office keeps a few exchanges going: this share of the volume.
WITHOUT_UNION = 0.12
UNION_RAMP_MONTHS = 18  # ... and a new or revived union takes this long to reach its full pace

# COVID-19: borders closed to most travel from April 2020 to February 2022 (DOMAIN.md). In these
# months delegations abroad stop, but for gifts handed over at a neighbour's border gate; most
# exchanges with partners are held online, a few partners in Vietnam still come in person.
BORDER_CLOSURE = (date(2020, 4, 1), date(2022, 3, 1))  # first day closed, first day open
GIFTS_AT_THE_BORDER = 0.3  # of the gifts to a neighbour across the border that still went
IN_PERSON = {"humanitarian_visit": 1.0, "delegation": 0.3}  # of incoming ones; others online


def _covid(year: int, month: int) -> float:
    """COVID-19: borders closed from March 2020, reopened step by step in 2022."""
    if year == 2020:
        return 1.0 if month <= 2 else (0.4 if month == 3 else 0.12)
    if year == 2021:
        return 0.06 if 5 <= month <= 9 else (0.15 if month <= 4 else 0.2)
    if year == 2022:
        return 0.4 if month <= 3 else 0.85
    return 1.0


def month_weight(year: int, month: int) -> float:
    """A month's exchange activity: the year's growth, the season and COVID-19."""
    return GROWTH[year] * SEASON[month - 1] * _covid(year, month)


def borders_closed(day: date) -> bool:
    """Whether `day` falls in the COVID-19 border closure."""
    return BORDER_CLOSURE[0] <= day < BORDER_CLOSURE[1]
