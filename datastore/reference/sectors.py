"""Aid sectors as OECD DAC/CRS purpose codes, named in Vietnamese and English."""

from __future__ import annotations

from datastore.models.reference import Sector

# The DAC 3-digit sector codes this product reports on (OECD DAC/CRS code list). No library
# ships the Vietnamese names, so they are kept here, beside the English ones from the list.
_GROUPS = {
    "education": ("Giáo dục", "Education"),
    "health": ("Y tế", "Health"),
    "water": ("Cấp nước và vệ sinh", "Water and sanitation"),
    "government": ("Quản trị và xã hội dân sự", "Government and civil society"),
    "social": ("An sinh xã hội", "Social protection"),
    "agriculture": ("Nông nghiệp", "Agriculture"),
    "environment": ("Tài nguyên – môi trường", "Environment"),
    "multisector": ("Đa ngành", "Multisector"),
    "humanitarian": ("Nhân đạo", "Humanitarian"),
}

# (DAC code, Vietnamese name, English name from the DAC list, group)
_CODES = (
    ("111", "Giáo dục, cấp học chưa xác định", "Education, level unspecified", "education"),
    ("112", "Giáo dục cơ bản", "Basic education", "education"),
    ("113", "Giáo dục trung học", "Secondary education", "education"),
    ("114", "Giáo dục sau trung học", "Post-secondary education", "education"),
    ("121", "Y tế chung", "Health, general", "health"),
    ("122", "Y tế cơ sở", "Basic health", "health"),
    ("140", "Cấp nước và vệ sinh", "Water supply and sanitation", "water"),
    ("151", "Quản trị và xã hội dân sự", "Government and civil society", "government"),
    ("160", "An sinh xã hội", "Social protection and other social services", "social"),
    ("311", "Nông nghiệp", "Agriculture", "agriculture"),
    ("410", "Tài nguyên – môi trường", "General environment protection", "environment"),
    ("430", "Đa ngành, phát triển nông thôn", "Multisector, rural development", "multisector"),
    ("720", "Ứng phó khẩn cấp", "Emergency response", "humanitarian"),
    ("730", "Tái thiết và phục hồi", "Reconstruction relief and rehabilitation", "humanitarian"),
    ("740", "Phòng chống thiên tai", "Disaster prevention and preparedness", "humanitarian"),
)

SECTORS: tuple[Sector, ...] = tuple(
    Sector(
        code=code,
        name_vi=name_vi,
        name_en=name_en,
        group_vi=_GROUPS[group][0],
        group_en=_GROUPS[group][1],
    )
    for code, name_vi, name_en, group in _CODES
)
