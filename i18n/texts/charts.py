"""Chart titles, axes, legends, units and the words of the data model's values."""

from __future__ import annotations

CHARTS: dict[str, dict[str, str]] = {
    # Measures, directions and kinds (values of the data model) -------------------------------
    "measure.committed": {"vi": "Cam kết", "en": "Committed"},
    "measure.disbursed": {"vi": "Giải ngân", "en": "Disbursed"},
    "measure.disbursement_rate": {"vi": "Tỷ lệ giải ngân", "en": "Disbursement rate"},
    "direction.incoming": {"vi": "Đoàn vào", "en": "Incoming"},
    "direction.outgoing": {"vi": "Đoàn ra", "en": "Outgoing"},
    "kind.delegation": {"vi": "Đoàn", "en": "Delegation"},
    "kind.event": {"vi": "Sự kiện", "en": "Event"},
    "kind.conference": {"vi": "Hội nghị", "en": "Conference"},
    "kind.humanitarian_visit": {"vi": "Thăm nhân đạo", "en": "Humanitarian visit"},
    "kind.cultural_exchange": {"vi": "Giao lưu văn hóa", "en": "Cultural exchange"},
    # Metrics (legend entries and hover labels) ------------------------------------------------
    "metric.members": {"vi": "Hội viên", "en": "Members"},
    "metric.associations": {"vi": "Hội hữu nghị", "en": "Associations"},
    "metric.chapters": {"vi": "Chi hội", "en": "Chapters"},
    "metric.aid_disbursed": {"vi": "Viện trợ giải ngân", "en": "Aid disbursed"},
    "metric.amount": {"vi": "Giá trị", "en": "Amount"},
    "metric.sector_group": {"vi": "Nhóm lĩnh vực", "en": "Sector group"},
    "metric.exchanges": {"vi": "Lượt giao lưu", "en": "Exchanges"},
    "metric.participants": {"vi": "Số người tham gia", "en": "Participants"},
    # Units ------------------------------------------------------------------------------------
    "unit.vnd": {"vi": "đồng", "en": "VND"},
    "unit.vnd_million": {"vi": "triệu đồng", "en": "million VND"},
    "unit.vnd_billion": {"vi": "tỷ đồng", "en": "billion VND"},
    "unit.usd": {"vi": "USD", "en": "USD"},
    "unit.usd_million": {"vi": "triệu USD", "en": "million USD"},
    "unit.people": {"vi": "người", "en": "people"},
    "unit.exchanges": {"vi": "lượt", "en": "exchanges"},
    "unit.bytes": {"vi": "{count} byte", "en": "{count} bytes"},
    # Axis titles (with their units) -----------------------------------------------------------
    "axis.year": {"vi": "Năm", "en": "Year"},
    "axis.province": {"vi": "Tỉnh, thành phố", "en": "Province"},
    "axis.country": {"vi": "Quốc gia đối tác", "en": "Partner country"},
    "axis.donor_country": {"vi": "Quốc gia tài trợ", "en": "Donor country"},
    "axis.sector": {"vi": "Lĩnh vực", "en": "Sector"},
    "axis.partner_locality": {"vi": "Địa phương đối tác", "en": "Partner locality"},
    "axis.members": {"vi": "Số hội viên (người)", "en": "Members (people)"},
    "axis.associations_chapters": {
        "vi": "Số hội hữu nghị, chi hội",
        "en": "Associations, chapters (count)",
    },
    "axis.amount": {"vi": "Giá trị ({unit})", "en": "Amount ({unit})"},
    "axis.exchanges": {"vi": "Số lượt giao lưu (lượt)", "en": "Exchanges (count)"},
    "axis.disbursement_rate": {"vi": "Tỷ lệ giải ngân (%)", "en": "Disbursement rate (%)"},
    # Compound labels --------------------------------------------------------------------------
    "label.sector_with_code": {"vi": "{name} ({code})", "en": "{name} ({code})"},
    "label.locality_with_country": {"vi": "{locality} ({country})", "en": "{locality} ({country})"},
    "label.in_year": {"vi": "năm {year}", "en": "{year}"},
    "label.aid_disbursed_in_unit": {
        "vi": "Viện trợ giải ngân ({unit})",
        "en": "Aid disbursed ({unit})",
    },
    # Chart titles -----------------------------------------------------------------------------
    "chart.overview_trends.title": {"vi": "Xu hướng theo năm", "en": "Trends by year"},
    "chart.members_by_year.title": {
        "vi": "Hội viên, hội hữu nghị và chi hội theo năm",
        "en": "Members, associations and chapters by year",
    },
    "chart.members_by_province.title": {
        "vi": "Hội viên theo tỉnh, thành phố",
        "en": "Members by province",
    },
    "chart.members_by_partner_country.title": {
        "vi": "Hội viên theo nước đối tác của hội hữu nghị",
        "en": "Members by partner country of the association",
    },
    "chart.aid_by_sector.title": {"vi": "Viện trợ theo lĩnh vực", "en": "Aid by sector"},
    "chart.aid_by_year_and_sector.title": {
        "vi": "Viện trợ theo năm và lĩnh vực",
        "en": "Aid by year and sector",
    },
    "chart.aid_committed_vs_disbursed.title": {
        "vi": "Viện trợ cam kết và giải ngân",
        "en": "Aid committed and disbursed",
    },
    "chart.aid_by_donor_country.title": {
        "vi": "Viện trợ theo quốc gia tài trợ",
        "en": "Aid by donor country",
    },
    "chart.exchanges_by_partner_country.title": {
        "vi": "Giao lưu đoàn theo quốc gia đối tác",
        "en": "Exchanges by partner country",
    },
    "chart.exchanges_world_map.title": {
        "vi": "Bản đồ giao lưu đoàn theo quốc gia đối tác",
        "en": "Map of exchanges by partner country",
    },
    "chart.exchanges_by_province.title": {
        "vi": "Giao lưu đoàn theo tỉnh, thành phố",
        "en": "Exchanges by province",
    },
    "chart.exchanges_vietnam_map.title": {
        "vi": "Bản đồ giao lưu đoàn theo tỉnh, thành phố",
        "en": "Map of exchanges by province",
    },
    "chart.exchanges_by_year_and_direction.title": {
        "vi": "Đoàn vào và đoàn ra theo năm",
        "en": "Incoming and outgoing exchanges by year",
    },
    "chart.exchanges_heatmap.title": {
        "vi": "Giao lưu đoàn theo tỉnh, thành phố và quốc gia đối tác",
        "en": "Exchanges by province and partner country",
    },
    "chart.top_partner_localities.title": {
        "vi": "Địa phương đối tác có nhiều lượt giao lưu nhất",
        "en": "Top partner localities by exchanges",
    },
    # Maps -------------------------------------------------------------------------------------
    "geo.hoang_sa": {
        "vi": "Quần đảo Hoàng Sa (Việt Nam)",
        "en": "Hoàng Sa (Paracel) Islands (Viet Nam)",
    },
    "geo.truong_sa": {
        "vi": "Quần đảo Trường Sa (Việt Nam)",
        "en": "Trường Sa (Spratly) Islands (Viet Nam)",
    },
    "geo.east_sea": {"vi": "Biển Đông", "en": "East Sea"},
}
