"""Partner localities abroad: across the border from a province first, then the usual ones."""

from __future__ import annotations

LOCALITIES_BY_PROVINCE: dict[str, dict[str, tuple[str, ...]]] = {
    "KHM": {
        "62": ("Ratanakiri",),
        "64": ("Ratanakiri",),
        "66": ("Mondulkiri",),
        "67": ("Mondulkiri",),
        "70": ("Kratie", "Tbong Khmum", "Mondulkiri"),
        "72": ("Svay Rieng", "Tbong Khmum", "Prey Veng"),
        "80": ("Svay Rieng", "Prey Veng"),
        "87": ("Prey Veng",),
        "89": ("Takeo", "Kandal"),
        "91": ("Kampot", "Takeo"),
    },
    "LAO": {
        "11": ("Phongsaly", "Luang Prabang", "Oudomxay"),
        "14": ("Houaphanh", "Luang Prabang"),
        "38": ("Houaphanh",),
        "40": ("Xiengkhouang", "Bolikhamxay"),
        "42": ("Bolikhamxay", "Khammouane"),
        "44": ("Khammouane", "Savannakhet"),
        "45": ("Savannakhet", "Salavan"),
        "46": ("Salavan", "Sekong"),
        "49": ("Sekong",),
        "62": ("Attapeu",),
        # 000:8 and 003:9: the Central Highlands work with the southern Lao provinces.
        "64": ("Attapeu", "Champasak"),
        "66": ("Champasak", "Attapeu", "Sekong", "Salavan"),
    },
    "CHN": {
        "02": ("Vân Nam",),
        "04": ("Quảng Tây",),
        "10": ("Vân Nam",),
        "11": ("Vân Nam",),
        "12": ("Vân Nam",),
        "20": ("Quảng Tây",),
        "22": ("Quảng Tây",),
    },
}
LOCALITIES: dict[str, tuple[str, ...]] = {
    "KHM": (
        "Mondulkiri", "Ratanakiri", "Stung Treng", "Kratie", "Svay Rieng", "Prey Veng", "Takeo",
        "Kampot", "Tbong Khmum", "Phnom Penh", "Siem Reap", "Battambang", "Kampong Cham",
    ),
    "LAO": (
        "Champasak", "Attapeu", "Sekong", "Salavan", "Savannakhet", "Viêng Chăn",
        "Luang Prabang", "Khammouane",
    ),
    "CHN": ("Quảng Tây", "Vân Nam", "Quảng Đông", "Hải Nam"),
    "JPN": (
        "Kanagawa", "Osaka", "Fukuoka", "Nagano", "Hiroshima", "Ibaraki", "Gunma", "Saitama",
        "Chiba", "Hokkaido", "Okayama", "Kumamoto",
    ),
    "KOR": ("Gyeonggi", "Gyeongsangbuk", "Chungcheongnam", "Jeollanam", "Jeju", "Busan", "Incheon"),
    "USA": ("California", "Texas", "Washington", "Virginia", "Massachusetts", "Oregon"),
    "RUS": ("Moskva", "Sankt-Peterburg", "Ulyanovsk", "Primorsky", "Tatarstan"),
    "FRA": ("Île-de-France", "Val-de-Marne", "Seine-Saint-Denis", "Bretagne", "Occitanie"),
    "CUB": ("La Habana", "Santiago de Cuba", "Cienfuegos", "Pinar del Río"),
    "THA": ("Udon Thani", "Nakhon Phanom", "Mukdahan", "Sakon Nakhon", "Bangkok"),
    "DEU": ("Sachsen", "Bayern", "Berlin", "Nordrhein-Westfalen"),
}  # fmt: skip


def partner_localities(code: str, country: str) -> tuple[str, ...]:
    """Where exchanges of an old province with `country` take place abroad."""
    return LOCALITIES_BY_PROVINCE.get(country, {}).get(code) or LOCALITIES.get(country, ())
