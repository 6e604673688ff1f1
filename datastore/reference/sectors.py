"""Aid sectors as OECD DAC/CRS purpose codes, named in Vietnamese and English."""

from __future__ import annotations

from datastore.models import Sector

# The DAC 3-digit sector codes this product reports on (OECD DAC/CRS code list). No library
# ships the Vietnamese names, so they are kept here, beside the English ones from the list.
SECTORS: tuple[Sector, ...] = (
    Sector(code="111", name_vi="Giáo dục, cấp học chưa xác định", name_en="Education, level unspecified", group_vi="Giáo dục", group_en="Education"),
    Sector(code="112", name_vi="Giáo dục cơ bản", name_en="Basic education", group_vi="Giáo dục", group_en="Education"),
    Sector(code="113", name_vi="Giáo dục trung học", name_en="Secondary education", group_vi="Giáo dục", group_en="Education"),
    Sector(code="114", name_vi="Giáo dục sau trung học", name_en="Post-secondary education", group_vi="Giáo dục", group_en="Education"),
    Sector(code="121", name_vi="Y tế chung", name_en="Health, general", group_vi="Y tế", group_en="Health"),
    Sector(code="122", name_vi="Y tế cơ sở", name_en="Basic health", group_vi="Y tế", group_en="Health"),
    Sector(code="140", name_vi="Cấp nước và vệ sinh", name_en="Water supply and sanitation", group_vi="Cấp nước và vệ sinh", group_en="Water and sanitation"),
    Sector(code="151", name_vi="Quản trị và xã hội dân sự", name_en="Government and civil society", group_vi="Quản trị và xã hội dân sự", group_en="Government and civil society"),
    Sector(code="160", name_vi="An sinh xã hội", name_en="Social protection and other social services", group_vi="An sinh xã hội", group_en="Social protection"),
    Sector(code="311", name_vi="Nông nghiệp", name_en="Agriculture", group_vi="Nông nghiệp", group_en="Agriculture"),
    Sector(code="410", name_vi="Tài nguyên – môi trường", name_en="General environment protection", group_vi="Tài nguyên – môi trường", group_en="Environment"),
    Sector(code="430", name_vi="Đa ngành, phát triển nông thôn", name_en="Multisector, rural development", group_vi="Đa ngành", group_en="Multisector"),
    Sector(code="720", name_vi="Ứng phó khẩn cấp", name_en="Emergency response", group_vi="Nhân đạo", group_en="Humanitarian"),
    Sector(code="730", name_vi="Tái thiết và phục hồi", name_en="Reconstruction relief and rehabilitation", group_vi="Nhân đạo", group_en="Humanitarian"),
    Sector(code="740", name_vi="Phòng chống thiên tai", name_en="Disaster prevention and preparedness", group_vi="Nhân đạo", group_en="Humanitarian"),
)  # fmt: skip
