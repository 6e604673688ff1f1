"""Titles of synthetic exchanges, as a union's report words them."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from datastore.reference.provinces import ProvinceRecord
from seed.names import place


@dataclass(frozen=True)
class Occasion:
    """What makes an exchange more than an ordinary one."""

    new_year: str | None = None  # the festival of a New Year visit
    anniversary: int | None = None  # years of diplomatic relations celebrated
    online: bool = False  # held online while borders were closed
    border_gate: bool = False  # gifts handed over at the border while it was closed


def exchange_title(
    rng: random.Random,
    kind: str,
    direction: str,
    unit: ProvinceRecord,
    day: date,
    country: str | None,
    locality: str | None,
    occasion: Occasion,
    names: Mapping[str, str],
) -> str:
    """The title of one exchange of `unit` on `day`."""
    where = place(unit, on=day)
    if country is None:
        return rng.choice(
            (
                f"Hội nghị tổng kết công tác đối ngoại nhân dân {where}",
                f"Hội nghị Ban Chấp hành Liên hiệp các tổ chức hữu nghị {where}",
                f"Tập huấn công tác đối ngoại nhân dân {where}",
            )
            if kind == "conference"
            else (f"Ngày hội hữu nghị {where}", f"Gặp mặt bạn bè quốc tế tại {where}")
        )
    country_vi = names[country]
    partner = f"{locality} ({country_vi})" if locality else country_vi
    if occasion.new_year == "Nguyên đán":
        return f"Đoàn {partner} thăm, chúc Tết Nguyên đán {where}"
    if occasion.new_year:
        return f"Đoàn {where} thăm, chúc Tết {occasion.new_year} {partner}"
    if occasion.anniversary is not None:
        return (
            f"Lễ kỷ niệm {occasion.anniversary} năm thiết lập quan hệ ngoại giao Việt Nam – "
            f"{country_vi} tại {where}"
        )
    if occasion.border_gate:
        giver = where[0].upper() + where[1:]
        return f"{giver} trao tặng vật tư phòng, chống COVID-19 cho {partner} tại cửa khẩu"
    if occasion.online:
        return rng.choice(
            (f"Hội thảo trực tuyến giữa {where} và {partner}",
             f"Hội nghị trực tuyến trao đổi hợp tác giữa {where} và {partner}")
            if kind == "conference"
            else (f"Giao lưu hữu nghị trực tuyến giữa nhân dân {where} và {partner}",
                  f"Gặp mặt trực tuyến với bạn bè {partner}")
        )  # fmt: skip
    incoming = direction == "incoming"
    titles = {
        "delegation": (
            (f"Đón đoàn {partner} thăm và làm việc tại {where}",
             f"Tiếp đoàn {partner} tìm hiểu hợp tác tại {where}")
            if incoming
            else (f"Đoàn {where} thăm và làm việc tại {partner}",)
        ),
        "event": (
            (f"Giao lưu hữu nghị nhân dân {where} với {partner}",
             f"Gặp mặt hữu nghị với bạn bè {partner} tại {where}")
            if incoming
            else (f"Đoàn {where} dự sự kiện hữu nghị tại {partner}",)
        ),
        "conference": (
            (f"Hội thảo hợp tác giữa {where} và {partner}",)
            if incoming
            else (f"Đoàn {where} dự hội thảo tại {partner}",)
        ),
        "humanitarian_visit": (
            (f"Đoàn tổ chức phi chính phủ {country_vi} khảo sát, trao quà tại {where}",)
            if incoming
            else (f"Đoàn {where} thăm và tặng quà nhân dân {partner}",)
        ),
        "cultural_exchange": (
            (f"Giao lưu văn hóa, nghệ thuật với đoàn {partner} tại {where}",)
            if incoming
            else (f"Đoàn nghệ thuật {where} biểu diễn giao lưu tại {partner}",)
        ),
    }  # fmt: skip
    return rng.choice(titles[kind])
