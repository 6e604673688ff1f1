"""English names of partner localities abroad that Vietnamese writes in its own way.

`exchange.partner_locality` is free text, as the provinces report it: Vietnamese exonyms
("Quảng Tây", "Viêng Chăn", "Chăm-pa-xắc"), local spellings ("Moskva", "Bayern") or names that
are already English ("Ratanakiri", "Osaka"). In English a known name is shown by its English
name; any other is shown as typed. One vocabulary, matched on the folded name (case,
diacritics, spaces and hyphens ignored), so "Chăm Pa Xắc" and "Champasak" meet.
"""

from __future__ import annotations

import re
from functools import cache

from datastore.vietnamese import fold
from i18n.catalogue import Lang, as_lang

_PLAIN_NAME = re.compile(r"[^\W\d_]+(?:[ .'-]+[^\W\d_]+)*\.?")
# English name -> the other ways the provinces write it (Vietnamese first, then local forms).
_ENGLISH_NAMES: dict[str, tuple[str, ...]] = {
    # China: the Vietnamese (Sino-Vietnamese) names of the neighbouring provinces and cities.
    "Guangxi": ("Quảng Tây",),
    "Yunnan": ("Vân Nam",),
    "Guangdong": ("Quảng Đông",),
    "Hainan": ("Hải Nam",),
    "Beijing": ("Bắc Kinh",),
    "Shanghai": ("Thượng Hải",),
    "Nanning": ("Nam Ninh",),
    "Kunming": ("Côn Minh",),
    "Guangzhou": ("Quảng Châu",),
    "Fangchenggang": ("Phòng Thành Cảng", "Phòng Thành"),
    "Chongzuo": ("Sùng Tả",),
    "Baise": ("Bách Sắc",),
    "Honghe": ("Hồng Hà",),
    "Wenshan": ("Văn Sơn",),
    "Hekou": ("Hà Khẩu",),
    "Dongxing": ("Đông Hưng",),
    "Pingxiang": ("Bằng Tường",),
    # Laos.
    "Vientiane": ("Viêng Chăn", "Vientiane Capital"),
    "Luang Prabang": ("Luông Pha-bang", "Luông Prabang", "Luang Phrabang"),
    "Champasak": ("Chăm-pa-xắc", "Chămpaxắc", "Champassak"),
    "Attapeu": ("A-tô-pư", "Attapư"),
    "Sekong": ("Xê Kông", "Sê Kông"),
    "Salavan": ("Sa-la-van", "Xa-la-van", "Saravane"),
    "Savannakhet": ("Sa-van-na-khệt", "Xa-van-na-khệt"),
    "Khammouane": ("Khăm Muộn",),
    "Bolikhamxay": ("Bô-li-khăm-xay", "Bolikhamsai"),
    "Xiengkhouang": ("Xiêng Khoảng", "Xieng Khouang"),
    "Houaphanh": ("Hủa Phăn", "Houaphan"),
    "Phongsaly": ("Phông-xa-lỳ", "Phongsali"),
    "Oudomxay": ("U-đôm-xay", "Oudomxai"),
    "Luang Namtha": ("Luông Nậm Thà",),
    # Cambodia.
    "Phnom Penh": ("Phnôm Pênh", "Nông Pênh"),
    "Siem Reap": ("Xiêm Riệp",),
    "Battambang": ("Bát-tam-bang",),
    "Kampong Cham": ("Công-pông Chàm", "Kông-pông Chàm"),
    "Mondulkiri": ("Mun-đun-ki-ri", "Mondolkiri"),
    "Ratanakiri": ("Ra-ta-na-ki-ri", "Rattanakiri"),
    "Stung Treng": ("Xtung Treng", "Stoeng Treng"),
    "Kratie": ("Kra-chê", "Kratié"),
    "Svay Rieng": ("Svây Riêng",),
    "Prey Veng": ("Prây Veng",),
    "Takeo": ("Ta Keo", "Takéo"),
    "Kampot": ("Cam-pốt", "Kăm-pốt"),
    "Kandal": ("Kan-đan", "Kanđan"),
    # Thailand.
    "Bangkok": ("Băng Cốc",),
    # Korea and Japan: the Sino-Vietnamese names, and the provinces written without "-do".
    "Seoul": ("Xơ-un", "Hán Thành"),
    "Busan": ("Bu-san", "Pusan"),
    "Gyeonggi": ("Kinh Kỳ", "Gyeonggi-do", "Kyonggi"),
    "North Gyeongsang": ("Gyeongsangbuk", "Gyeongsangbuk-do", "Khánh Thượng Bắc"),
    "South Chungcheong": ("Chungcheongnam", "Chungcheongnam-do", "Trung Thanh Nam"),
    "South Jeolla": ("Jeollanam", "Jeollanam-do", "Toàn La Nam"),
    "Jeju": ("Tế Châu", "Jeju-do"),
    "Tokyo": ("Tô-ki-ô", "Đông Kinh"),
    "Osaka": ("Ô-xa-ca", "Đại Phản"),
    "Hokkaido": ("Hốc-cai-đô", "Bắc Hải Đạo"),
    "Hiroshima": ("Hi-rô-si-ma", "Quảng Đảo"),
    # Russia, Cuba, Germany, France: local spellings the provinces copy.
    "Moscow": ("Moskva", "Mát-xcơ-va", "Matxcơva"),
    "Saint Petersburg": ("Sankt-Peterburg", "Xanh Pê-téc-bua", "Saint-Pétersbourg"),
    "Primorsky Krai": ("Primorsky", "Primorye"),
    "Havana": ("La Habana", "La Ha-ba-na", "Ha-va-na"),
    "Saxony": ("Sachsen",),
    "Bavaria": ("Bayern",),
    "North Rhine-Westphalia": ("Nordrhein-Westfalen",),
    "Brittany": ("Bretagne",),
}


@cache
def _english_by_fold() -> dict[str, str]:
    """Folded name in any known spelling -> English name."""
    table: dict[str, str] = {}
    for english, others in _ENGLISH_NAMES.items():
        for name in (english, *others):
            if table.setdefault(fold(name), english) != english:
                raise ValueError(f"locality {name!r} has two English names")
    return table


def locality_name(name: str, lang: Lang) -> str:
    """How a partner locality is shown in `lang`: its English name when known, else as typed.

    Only a name of letters, spaces, hyphens and dots is matched: "@Kratie" stays as typed.
    """
    if as_lang(lang) == "vi" or not _PLAIN_NAME.fullmatch(name):
        return name
    return _english_by_fold().get(fold(name), name)


def english_names() -> dict[str, str]:
    """Every known spelling (as written in the vocabulary) -> English name, for tests and docs."""
    return {name: english for english, others in _ENGLISH_NAMES.items() for name in others}
