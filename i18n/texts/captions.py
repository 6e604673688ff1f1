"""What a chart's subtitle and a page's caption say about the filters, and chart CSV headers."""

from __future__ import annotations

CAPTIONS: dict[str, dict[str, str]] = {
    # The description of the active filters (ui/captions.py) ---------------------------------
    "describe.all_provinces": {
        "vi": "Cả nước ({count} tỉnh, thành phố)",
        "en": "Whole country ({count} provinces)",
    },
    "describe.all_provinces_legacy": {
        "vi": "Cả nước ({count} tỉnh, danh mục cũ)",
        "en": "Whole country ({count} provinces, former list)",
    },
    "describe.n_provinces": {"vi": "{count} tỉnh, thành phố", "en": "{count} provinces"},
    "describe.legacy_names": {"vi": "{names} (danh mục 63 tỉnh cũ)", "en": "{names} (former list)"},
    "describe.n_countries": {"vi": "{count} quốc gia", "en": "{count} countries"},
    "describe.n_sectors": {"vi": "{count} lĩnh vực", "en": "{count} sectors"},
    "describe.all_sectors": {"vi": "mọi lĩnh vực", "en": "all sectors"},
    "describe.only_incoming": {"vi": "chỉ đoàn vào", "en": "incoming only"},
    "describe.only_outgoing": {"vi": "chỉ đoàn ra", "en": "outgoing only"},
    "describe.n_kinds": {"vi": "{count} loại hoạt động", "en": "{count} kinds of activity"},
    "describe.money_unit": {"vi": "đơn vị: {unit}", "en": "amounts in {unit}"},
    # The currency a page shows, before the data picks a unit ("tỷ đồng") for each chart.
    "describe.currency.VND": {"vi": "đồng", "en": "VND"},
    "describe.currency.USD": {"vi": "USD", "en": "USD"},
    # Chart CSV downloads: one header per column a chart's rows hold (ui/catalog.py) ----------
    "csv.year": {"vi": "Năm", "en": "Year"},
    "csv.province": {"vi": "Tỉnh, thành phố", "en": "Province"},
    "csv.province_code": {"vi": "Mã tỉnh", "en": "Province code"},
    "csv.partner_country": {"vi": "Quốc gia đối tác", "en": "Partner country"},
    "csv.partner_country_code": {"vi": "Mã quốc gia đối tác", "en": "Partner country code"},
    "csv.donor_country": {"vi": "Quốc gia tài trợ", "en": "Donor country"},
    "csv.donor_country_code": {"vi": "Mã quốc gia tài trợ", "en": "Donor country code"},
    "csv.sector": {"vi": "Lĩnh vực", "en": "Sector"},
    "csv.sector_code": {"vi": "Mã lĩnh vực (DAC)", "en": "Sector code (DAC)"},
    "csv.direction": {"vi": "Đoàn vào hay đoàn ra", "en": "Direction"},
    "csv.partner_locality": {"vi": "Địa phương đối tác", "en": "Partner locality"},
    "csv.members": {"vi": "Hội viên (người)", "en": "Members (people)"},
    "csv.associations": {"vi": "Số hội", "en": "Associations"},
    "csv.chapters": {"vi": "Số chi hội", "en": "Chapters"},
    "csv.exchanges": {"vi": "Số lượt giao lưu", "en": "Exchanges"},
    "csv.participants": {"vi": "Người tham gia (người)", "en": "Participants (people)"},
    "csv.amount": {"vi": "Số tiền ({unit})", "en": "Amount ({unit})"},
    "csv.aid_disbursed": {"vi": "Viện trợ giải ngân ({unit})", "en": "Aid disbursed ({unit})"},
    "csv.committed": {"vi": "Cam kết ({unit})", "en": "Committed ({unit})"},
    "csv.disbursed": {"vi": "Giải ngân ({unit})", "en": "Disbursed ({unit})"},
    "csv.disbursement_rate": {"vi": "Tỷ lệ giải ngân (%)", "en": "Disbursement rate (%)"},
}
