"""Every user-facing string of the dashboard, Vietnamese first and English second."""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

# One flat dict grouped by topic (the key's prefix); placeholders in {braces} are filled by t().
TEXTS: dict[str, dict[str, str]] = {
    # Pages -----------------------------------------------------------------------------------
    "page.overview": {"vi": "Tổng quan", "en": "Overview"},
    "page.members": {"vi": "Hội viên", "en": "Members"},
    "page.aid": {"vi": "Viện trợ", "en": "Aid"},
    "page.exchanges": {"vi": "Giao lưu đoàn", "en": "Exchanges"},
    "page.data": {"vi": "Dữ liệu", "en": "Data"},
    "page.about": {"vi": "Giới thiệu", "en": "About"},
    "page.import_data": {"vi": "Nạp dữ liệu", "en": "Load data"},
    # Messages --------------------------------------------------------------------------------
    "empty.no_data": {
        "vi": "Không có dữ liệu cho bộ lọc đã chọn",
        "en": "No data for the selected filters",
    },
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
    "country.domestic": {"vi": "Trong nước", "en": "Domestic"},
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
    # Alt text (one sentence per chart, read by screen readers) --------------------------------
    "alt.empty": {
        "vi": "Biểu đồ trống: không có dữ liệu cho bộ lọc đã chọn.",
        "en": "Empty chart: no data for the selected filters.",
    },
    "alt.overview_trends": {
        "vi": "Bốn biểu đồ đường nhỏ theo năm từ {first} đến {last}: hội viên, hội hữu nghị, "
        "viện trợ giải ngân ({unit}) và lượt giao lưu.",
        "en": "Four small line charts by year from {first} to {last}: members, associations, "
        "aid disbursed ({unit}) and exchanges.",
    },
    "alt.members_by_year": {
        "vi": "Biểu đồ kết hợp từ {first} đến {last}: đường là số hội viên, cột là số hội hữu "
        "nghị và chi hội; năm {last} có {members} hội viên.",
        "en": "Combined chart from {first} to {last}: the line shows members, the bars "
        "associations and chapters; {members} members in {last}.",
    },
    "alt.members_by_province": {
        "vi": "Biểu đồ cột ngang xếp hạng {count} tỉnh, thành phố theo số hội viên năm {year}; "
        "cao nhất là {top} với {value} hội viên.",
        "en": "Horizontal bar chart ranking {count} provinces by members in {year}; "
        "highest is {top} with {value} members.",
    },
    "alt.members_by_partner_country": {
        "vi": "Biểu đồ cột ngang xếp hạng {count} nước đối tác theo số hội viên của các hội "
        "hữu nghị năm {year}; cao nhất là {top} với {value} hội viên.",
        "en": "Horizontal bar chart ranking {count} partner countries by members of their "
        "associations in {year}; highest is {top} with {value} members.",
    },
    "alt.aid_by_sector": {
        "vi": "Biểu đồ cột ngang xếp hạng {count} lĩnh vực theo giá trị viện trợ; lớn nhất là "
        "{top} với {value}.",
        "en": "Horizontal bar chart ranking {count} sectors by aid amount; largest is {top} "
        "with {value}.",
    },
    "alt.aid_by_year_and_sector": {
        "vi": "Biểu đồ cột chồng viện trợ theo năm từ {first} đến {last}, mỗi màu là một trong "
        "{count} lĩnh vực; tổng cộng {total}.",
        "en": "Stacked bar chart of aid by year from {first} to {last}, one colour for each of "
        "{count} sectors; {total} in all.",
    },
    "alt.aid_committed_vs_disbursed": {
        "vi": "Biểu đồ cột nhóm viện trợ cam kết và giải ngân từ {first} đến {last}, kèm đường "
        "tỷ lệ giải ngân; tổng giải ngân {disbursed}, bằng {rate} tổng cam kết {committed}.",
        "en": "Grouped bar chart of aid committed and disbursed from {first} to {last}, with a "
        "disbursement-rate line; {disbursed} disbursed in all, {rate} of {committed} committed.",
    },
    "alt.aid_by_donor_country": {
        "vi": "Biểu đồ cột ngang xếp hạng {count} nguồn tài trợ theo quốc gia; lớn nhất là "
        "{top} với {value}.",
        "en": "Horizontal bar chart ranking {count} donor countries by aid amount; largest is "
        "{top} with {value}.",
    },
    "alt.exchanges_by_partner_country": {
        "vi": "Biểu đồ cột ngang xếp hạng {count} quốc gia đối tác theo lượt giao lưu; nhiều "
        "nhất là {top} với {value} lượt.",
        "en": "Horizontal bar chart ranking {count} partner countries by exchanges; most is "
        "{top} with {value}.",
    },
    "alt.exchanges_world_map": {
        "vi": "Bản đồ thế giới tô màu {count} quốc gia đối tác theo lượt giao lưu; đậm nhất là "
        "{top} với {value} lượt.",
        "en": "World map shading {count} partner countries by exchanges; darkest is {top} "
        "with {value}.",
    },
    "alt.exchanges_by_province": {
        "vi": "Biểu đồ cột ngang xếp hạng {count} tỉnh, thành phố theo lượt giao lưu; nhiều "
        "nhất là {top} với {value} lượt.",
        "en": "Horizontal bar chart ranking {count} provinces by exchanges; most is {top} "
        "with {value}.",
    },
    "alt.exchanges_vietnam_map": {
        "vi": "Bản đồ Việt Nam có {count} tỉnh, thành phố, mỗi nơi một vòng tròn lớn theo lượt "
        "giao lưu; lớn nhất là {top} với {value} lượt; bản đồ ghi rõ quần đảo Hoàng Sa và quần "
        "đảo Trường Sa của Việt Nam.",
        "en": "Map of Viet Nam with a circle for each of {count} provinces, sized by "
        "exchanges; largest is {top} with {value}; the map labels the Hoàng Sa (Paracel) "
        "and Trường Sa (Spratly) archipelagos of Viet Nam.",
    },
    "alt.exchanges_by_year_and_direction": {
        "vi": "Biểu đồ cột nhóm đoàn vào và đoàn ra theo năm từ {first} đến {last}; tổng cộng "
        "{incoming} lượt đoàn vào và {outgoing} lượt đoàn ra.",
        "en": "Grouped bar chart of incoming and outgoing exchanges by year from {first} to "
        "{last}; {incoming} incoming and {outgoing} outgoing in all.",
    },
    "alt.exchanges_heatmap": {
        "vi": "Bản đồ nhiệt lượt giao lưu của {rows} tỉnh, thành phố với {columns} quốc gia đối "
        "tác; ô cao nhất là {top} với {value} lượt.",
        "en": "Heatmap of exchanges between {rows} provinces and {columns} partner countries; "
        "the highest cell is {top} with {value}.",
    },
    "alt.top_partner_localities": {
        "vi": "Biểu đồ cột ngang {count} địa phương đối tác có nhiều lượt giao lưu nhất; đứng "
        "đầu là {top} với {value} lượt.",
        "en": "Horizontal bar chart of the {count} partner localities with the most exchanges; "
        "first is {top} with {value}.",
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
    # Sidebar filters ---------------------------------------------------------------------------
    "filter.header": {"vi": "Bộ lọc", "en": "Filters"},
    "filter.legacy_list": {"vi": "Xem theo 63 tỉnh cũ", "en": "Show the 63 former provinces"},
    "filter.legacy_list_help": {
        "vi": (
            "Từ 1/7/2025 cả nước có 34 đơn vị hành chính cấp tỉnh (Nghị quyết 202/2025/QH15). "
            "Mặc định, số liệu báo cáo theo tỉnh cũ được cộng vào tỉnh mới (ví dụ Bình Phước "
            "vào Đồng Nai). Bật để xem theo 63 tỉnh cũ."
        ),
        "en": (
            "Since 1 July 2025 Vietnam has 34 provincial units (Resolution 202/2025/QH15). By "
            "default, figures reported under a former province count under the unit it belongs "
            "to today (Bình Phước under Đồng Nai). Switch on to see the 63 former provinces."
        ),
    },
    "filter.province": {"vi": "Tỉnh, thành phố", "en": "Province"},
    "filter.all_provinces": {"vi": "Tất cả tỉnh, thành phố", "en": "All provinces"},
    "filter.all_provinces_short": {
        "vi": "Cả nước ({count} tỉnh, thành phố)",
        "en": "Whole country ({count} provinces)",
    },
    "filter.n_provinces": {"vi": "{count} tỉnh, thành phố", "en": "{count} provinces"},
    "filter.years": {"vi": "Giai đoạn", "en": "Years"},
    "filter.countries": {"vi": "Quốc gia đối tác", "en": "Partner countries"},
    "filter.all_countries": {"vi": "Tất cả quốc gia", "en": "All countries"},
    "filter.page_header": {"vi": "Bộ lọc của trang", "en": "Filters of this page"},
    "filter.currency": {"vi": "Đơn vị tiền", "en": "Currency"},
    "filter.measure": {"vi": "Cam kết hay giải ngân", "en": "Committed or disbursed"},
    "filter.sectors": {"vi": "Lĩnh vực", "en": "Sectors"},
    "filter.all_sectors": {"vi": "Tất cả lĩnh vực", "en": "All sectors"},
    "filter.direction": {"vi": "Đoàn ra hay đoàn vào", "en": "Direction"},
    "filter.all_directions": {"vi": "Cả đoàn ra và đoàn vào", "en": "Both directions"},
    "filter.kinds": {"vi": "Loại hoạt động", "en": "Kind of activity"},
    "filter.all_kinds": {"vi": "Tất cả loại hoạt động", "en": "All kinds"},
    # Start-up and banners -----------------------------------------------------------------------
    "bootstrap.seeding": {
        "vi": "Lần chạy đầu: đang nạp dữ liệu minh họa…",
        "en": "First start: loading the demo data…",
    },
    "bootstrap.seeded": {"vi": "Đã nạp dữ liệu minh họa", "en": "Demo data loaded"},
    "banner.demo": {
        "vi": (
            "Đây là dữ liệu minh họa: các số liệu nêu trong bài báo nguồn (xem trang Giới thiệu) "
            "được giữ nguyên, phần còn lại là số liệu giả lập."
        ),
        "en": (
            "This is demo data: the figures stated in the source articles (see About) are kept "
            "as stated, the rest is synthetic."
        ),
    },
    # Downloads ---------------------------------------------------------------------------------
    "download.chart_csv": {"vi": "Tải số liệu biểu đồ (CSV)", "en": "Download chart data (CSV)"},
    "download.table_csv": {"vi": "Tải bảng (CSV)", "en": "Download table (CSV)"},
    "download.csv": {"vi": "Tải CSV", "en": "Download CSV"},
    "download.xlsx": {"vi": "Tải Excel", "en": "Download Excel"},
    # Page captions and sections ------------------------------------------------------------------
    "overview.caption": {
        "vi": "Đối ngoại nhân dân: {where}",
        "en": "People's diplomacy: {where}",
    },
    "overview.headline": {"vi": "Số liệu năm {year}", "en": "Figures for {year}"},
    "overview.vs_previous": {"vi": "so với năm {year}", "en": "vs {year}"},
    "members.caption": {
        "vi": "Hội viên các hội hữu nghị: {where}",
        "en": "Members of the friendship associations: {where}",
    },
    "members.table": {
        "vi": "Bảng số liệu hội viên theo tỉnh, thành phố và năm",
        "en": "Members by province and year",
    },
    "aid.caption": {
        "vi": "Viện trợ phi chính phủ nước ngoài: {where}",
        "en": "Foreign non-governmental aid: {where}",
    },
    "exchanges.caption": {
        "vi": "Đoàn ra, đoàn vào và hoạt động giao lưu: {where}",
        "en": "Delegations sent and received, and other exchanges: {where}",
    },
    "data.caption": {
        "vi": "Các dòng số liệu theo bộ lọc: {where}",
        "en": "The rows behind the charts, as filtered: {where}",
    },
    "data.preview": {
        "vi": "Hiển thị {shown} trên tổng số {total} dòng; tệp tải về có đủ các dòng.",
        "en": "Showing {shown} of {total} rows; the download holds them all.",
    },
    "data.tab.members": {"vi": "Hội viên", "en": "Members"},
    "data.tab.aid": {"vi": "Viện trợ", "en": "Aid"},
    "data.tab.exchanges": {"vi": "Giao lưu đoàn", "en": "Exchanges"},
    "data.tab.organizations": {"vi": "Tổ chức", "en": "Organisations"},
    # Table columns -----------------------------------------------------------------------------
    "column.year": {"vi": "Năm", "en": "Year"},
    "column.province_code": {"vi": "Mã tỉnh", "en": "Province code"},
    "column.province": {"vi": "Tỉnh, thành phố", "en": "Province"},
    "column.members": {"vi": "Hội viên", "en": "Members"},
    "column.chapters": {"vi": "Chi hội", "en": "Chapters"},
    "column.associations": {"vi": "Hội hữu nghị", "en": "Associations"},
    # About -------------------------------------------------------------------------------------
    "about.data_date": {
        "vi": "**Ngày cập nhật số liệu:** {date} (UTC), qua {batches} lượt nạp.",
        "en": "**Data last updated:** {date} (UTC), in {batches} loads.",
    },
    "about.body": {
        "vi": """
Bảng điều khiển theo dõi công tác **đối ngoại nhân dân** của Liên hiệp các tổ chức hữu nghị
Việt Nam và các Liên hiệp các tổ chức hữu nghị tỉnh, thành phố: hội viên các hội hữu nghị,
viện trợ phi chính phủ nước ngoài (PCPNN) và hoạt động đoàn ra, đoàn vào.

#### Định nghĩa
- **Hội viên**: số hội viên các hội hữu nghị song phương (Hội hữu nghị Việt Nam – X) vào cuối
  năm; **hội hữu nghị**: số hội có báo cáo trong năm; **chi hội**: số chi hội, liên chi hội.
- **Viện trợ PCPNN**: giá trị **cam kết** và **giải ngân**, ghi theo đồng tiền gốc và quy đổi
  ra VND và USD theo tỷ giá bình quân năm. **Tỷ lệ giải ngân** = giải ngân ÷ cam kết.
- **Lĩnh vực** theo mã ngành DAC của OECD (chuẩn của IATI, OECD CRS): y tế 121–122, giáo dục
  111–114, cấp nước 140, quản trị 151, an sinh xã hội 160, nông nghiệp 311, môi trường 410,
  đa ngành 430, khẩn cấp 720, tái thiết 730, phòng chống thiên tai 740.
- **Đoàn vào / đoàn ra**: đoàn nước ngoài đến địa phương và đoàn địa phương đi nước ngoài,
  cùng sự kiện, hội nghị, thăm nhân đạo và giao lưu văn hóa.

#### Sắp xếp đơn vị hành chính năm 2025
Từ 1/7/2025, theo Nghị quyết 202/2025/QH15, cả nước có 34 đơn vị hành chính cấp tỉnh thay cho
63. Số liệu trước đó được báo cáo theo 63 tỉnh cũ và được lưu **đúng như báo cáo**. Khi chọn
một tỉnh hiện nay, bảng điều khiển cộng cả số liệu các tỉnh cũ đã hợp nhất vào tỉnh đó (chọn
Đồng Nai gồm cả Bình Phước trước khi hợp nhất). Khi bật **Xem theo 63 tỉnh cũ**, số liệu sau
1/7/2025 của một tỉnh mới được hiển thị dưới tỉnh cũ đặt trụ sở và giữ mã của tỉnh mới (mã 52
là Bình Định trong danh mục cũ và Gia Lai trong danh mục mới). Mọi mã tỉnh đều đi kèm danh
mục của nó. Danh mục, mã, tọa độ và bảng chuyển đổi lấy từ thư viện `vietnamadminunits`.

#### Nguồn
- Các số liệu nêu trong năm bài báo nguồn được nhập thành bản ghi riêng, ghi rõ tên tệp bài
  báo ở cột `source`: tổng kết đối ngoại nhân dân Đắk Lắk 2014 (000), Liên hiệp các tổ chức
  hữu nghị tỉnh Đồng Nai (001), Hội nghị tổng kết đối ngoại nhân dân 2014 (002), Liên hiệp
  các tổ chức hữu nghị tỉnh Gia Lai (003), Hội nghị toàn quốc công tác đối ngoại nhân dân 2022
  tại Cao Bằng (004).
- Dữ liệu giả lập (`synthetic`) theo quy mô các báo cáo công khai: 220–300 triệu USD viện trợ
  PCPNN giải ngân mỗi năm trên cả nước, 1–8 triệu USD mỗi tỉnh.
- Số liệu do cán bộ nhập có `source` là lượt nạp tương ứng.
- Tên quốc gia tiếng Việt theo CLDR (thư viện Babel); mã quốc gia ISO 3166-1 alpha-3.
- Tỷ giá: bình quân năm (23.200 VND/USD năm 2018, 24.300 năm 2023).
""",
        "en": """
A dashboard of Vietnam's **people's diplomacy**, kept by the Vietnam Union of Friendship
Organizations and the provincial unions: members of the friendship associations, foreign
non-governmental aid, and delegations sent and received.

#### Definitions
- **Members**: members of the bilateral friendship associations (Vietnam–X Friendship
  Association) at year end; **associations**: associations that reported in the year;
  **chapters**: chapters and inter-chapters.
- **Foreign NGO aid**: amounts **committed** and **disbursed**, kept in their original
  currency and converted to VND and USD at the yearly average rate. **Disbursement rate** =
  disbursed ÷ committed.
- **Sectors** are OECD DAC purpose codes (the standard of IATI and the OECD CRS): health
  121–122, education 111–114, water 140, government 151, social protection 160, agriculture
  311, environment 410, multisector 430, emergency 720, reconstruction 730, disaster
  prevention 740.
- **Incoming / outgoing**: foreign delegations received and local delegations sent abroad,
  with events, conferences, humanitarian visits and cultural exchanges.

#### The 2025 province reform
Since 1 July 2025 (Resolution 202/2025/QH15) Vietnam has 34 provincial units instead of 63.
Earlier figures were reported under the 63 former provinces and are kept **as reported**.
Choosing a current province adds up the former provinces merged into it (Đồng Nai includes
Bình Phước before the merger). With **Show the 63 former provinces**, figures reported after
1 July 2025 by a new unit show under the former province that hosts its centre and whose
code it kept (code 52 is Bình Định in the old list and Gia Lai in the new one). Every code is
stored with the list it belongs to. Lists, codes, centroids and the old→new mapping come from
the `vietnamadminunits` library.

#### Sources
- Every figure stated in the five source articles is its own record, with the article's file
  name in the `source` column: Đắk Lắk's 2014 review (000), the Đồng Nai union (001), the 2014
  national review conference (002), the Gia Lai union (003), the 2022 national conference in
  Cao Bằng (004).
- Synthetic data (`synthetic`) follows the magnitudes of public reports: 220–300 million USD
  of foreign NGO aid disbursed a year nationally, 1–8 million USD per province.
- Figures loaded by staff carry their load as `source`.
- Vietnamese country names from CLDR (Babel); country codes ISO 3166-1 alpha-3.
- Exchange rates: yearly averages (23,200 VND/USD in 2018, 24,300 in 2023).
""",
    },
    # Accounts and roles ------------------------------------------------------------------------
    "role.viewer": {"vi": "người xem", "en": "viewer"},
    "role.editor": {"vi": "biên tập viên", "en": "editor"},
    "role.admin": {"vi": "quản trị viên", "en": "administrator"},
    "auth.name": {"vi": "Tên tài khoản", "en": "Account name"},
    "auth.password": {"vi": "Mật khẩu", "en": "Password"},
    "auth.sign_in": {"vi": "Đăng nhập", "en": "Sign in"},
    "auth.sign_in_oidc": {
        "vi": "Đăng nhập với tài khoản tổ chức",
        "en": "Sign in with your organisation account",
    },
    "auth.sign_out": {"vi": "Đăng xuất", "en": "Sign out"},
    "auth.signed_in": {
        "vi": "Đã đăng nhập: **{name}** ({role})",
        "en": "Signed in as **{name}** ({role})",
    },
    "auth.empty": {
        "vi": "Hãy nhập tên tài khoản và mật khẩu",
        "en": "Enter the account name and the password",
    },
    "auth.wrong": {
        "vi": "Sai tên tài khoản hoặc mật khẩu",
        "en": "Wrong account name or password",
    },
    "auth.locked": {
        "vi": "Tài khoản tạm khoá, thử lại sau {seconds} giây",
        "en": "Account temporarily locked, try again in {seconds} seconds",
    },
    "auth.required_title": {"vi": "Đăng nhập", "en": "Sign in"},
    "auth.required": {
        "vi": "Cần đăng nhập để xem bảng điều khiển.",
        "en": "Sign in to see the dashboard.",
    },
    "auth.refused_title": {"vi": "Không có quyền truy cập", "en": "Access denied"},
    "auth.refused": {
        "vi": "Trang này chỉ dành cho tài khoản có vai trò {role} trở lên.",
        "en": "This page is only for accounts with the {role} role or higher.",
    },
    "auth.refused_sign_in": {
        "vi": "Hãy mở trang chính và đăng nhập bằng một tài khoản có quyền này.",
        "en": "Open the main page and sign in with an account that has this role.",
    },
    # Loading data ----------------------------------------------------------------------------
    "import.caption": {
        "vi": (
            "Nạp số liệu từ tệp Excel (XLSX) hoặc CSV. Không dòng nào được ghi cho đến khi mọi "
            "dòng của tệp đều hợp lệ; nạp lại cùng một tệp không thay đổi gì, tệp đã sửa thì "
            "cập nhật đúng những dòng đã sửa."
        ),
        "en": (
            "Load figures from an Excel (XLSX) or CSV file. Nothing is written until every row "
            "of the file is valid; loading the same file again changes nothing, a corrected file "
            "updates just the rows it corrects."
        ),
    },
    "import.step_kind": {"vi": "1. Loại số liệu và tệp mẫu", "en": "1. Kind of data and templates"},
    "import.kind": {"vi": "Loại số liệu", "en": "Kind of data"},
    "import.templates": {
        "vi": (
            "Tệp mẫu có đúng các cột của tệp trích xuất ở trang Dữ liệu, nên có thể sửa một tệp "
            "trích xuất rồi nạp lại. Chỉ cần điền những gì người nhập biết; mã tỉnh, năm và số "
            "tiền quy đổi được tự suy ra."
        ),
        "en": (
            "The templates have the columns of the extracts on the Data page, so an extract can "
            "be edited and loaded back. Fill in only what you know; province codes, years and "
            "converted amounts are worked out."
        ),
    },
    "import.template_csv": {"vi": "Tải tệp mẫu CSV", "en": "Download the CSV template"},
    "import.template_xlsx": {"vi": "Tải tệp mẫu Excel", "en": "Download the Excel template"},
    "import.step_file": {"vi": "2. Tệp số liệu", "en": "2. The file"},
    "import.uploader": {
        "vi": "Chọn tệp CSV hoặc Excel (tối đa {limit})",
        "en": "Choose a CSV or Excel file (at most {limit})",
    },
    "import.uploader_help": {
        "vi": (
            "CSV (UTF-8, có hoặc không có BOM; dấu phân cách ; hoặc ,), Unicode Text của Excel, "
            "hoặc XLSX với số liệu ở trang tính đầu tiên."
        ),
        "en": (
            "CSV (UTF-8 with or without a BOM; ; or , separated), Excel's Unicode Text, or XLSX "
            "with the data on the first sheet."
        ),
    },
    "import.too_large": {
        "vi": "Tệp {name} nặng {size}, vượt giới hạn {limit}: tệp không được đọc.",
        "en": "The file {name} is {size}, over the {limit} limit: it was not read.",
    },
    "import.nothing_written": {
        "vi": "Chưa có gì được ghi vào cơ sở dữ liệu.",
        "en": "Nothing was written to the database.",
    },
    "import.problems": {
        "vi": "Tệp có {count} lỗi, liệt kê dưới đây; hãy sửa tệp rồi tải lên lại.",
        "en": "The file has {count} problems, listed below; correct the file and upload it again.",
    },
    "import.column.row": {"vi": "Dòng", "en": "Row"},
    "import.column.column": {"vi": "Cột", "en": "Column"},
    "import.column.value": {"vi": "Giá trị", "en": "Value"},
    "import.column.reason": {"vi": "Lý do", "en": "Reason"},
    "import.checking": {"vi": "Đang kiểm tra tệp…", "en": "Checking the file…"},
    "import.preview": {"vi": "Xem trước các dòng đầu", "en": "Preview of the first rows"},
    "import.ready": {
        "vi": "Tệp {name} hợp lệ. Bấm nút dưới đây để nạp vào cơ sở dữ liệu.",
        "en": "The file {name} is valid. Press the button below to load it.",
    },
    "import.confirm": {"vi": "Nạp vào cơ sở dữ liệu", "en": "Load into the database"},
    "import.loading": {"vi": "Đang nạp…", "en": "Loading…"},
    "import.done": {
        "vi": (
            "Đã nạp tệp {name} (lượt nạp #{batch}): thêm {added} dòng, cập nhật {updated} dòng, "
            "{unchanged} dòng không đổi."
        ),
        "en": (
            "Loaded {name} (load #{batch}): {added} rows added, {updated} updated, "
            "{unchanged} unchanged."
        ),
    },
    "import.history": {"vi": "3. Lịch sử nạp", "en": "3. Load history"},
    "import.history_empty": {"vi": "Chưa có lượt nạp nào.", "en": "No loads yet."},
    "import.history.id": {"vi": "Lượt", "en": "Load"},
    "import.history.created_at": {"vi": "Thời điểm (UTC)", "en": "When (UTC)"},
    "import.history.kind": {"vi": "Loại", "en": "Kind"},
    "import.history.file_name": {"vi": "Tệp", "en": "File"},
    "import.history.created_by": {"vi": "Người nạp", "en": "By"},
    "import.history.rows_added": {"vi": "Thêm", "en": "Added"},
    "import.history.rows_updated": {"vi": "Cập nhật", "en": "Updated"},
    "import.history.rows_unchanged": {"vi": "Không đổi", "en": "Unchanged"},
    "import.history.status": {"vi": "Trạng thái", "en": "Status"},
    "import.history.checksum": {"vi": "Mã kiểm tra SHA-256", "en": "SHA-256 checksum"},
    "import.status.active": {"vi": "Đang có hiệu lực", "en": "In effect"},
    "import.status.demo": {"vi": "Dữ liệu minh họa", "en": "Demo data"},
    "import.status.undone": {
        "vi": "Đã hoàn tác {when} ({who})",
        "en": "Undone {when} ({who})",
    },
    "import.undo_choose": {"vi": "Hoàn tác một lượt nạp", "en": "Undo a load"},
    "import.undo_placeholder": {"vi": "Chọn lượt nạp…", "en": "Choose a load…"},
    "import.undo_option": {
        "vi": "#{id} – {name} ({when}, {who})",
        "en": "#{id} – {name} ({when}, {who})",
    },
    "import.undo": {"vi": "Hoàn tác…", "en": "Undo…"},
    "import.undo_warning": {
        "vi": (
            "Hoàn tác lượt nạp {load}: các dòng lượt này thêm vào sẽ bị xoá, các dòng nó sửa "
            "được trả lại giá trị trước đó. Tiếp tục?"
        ),
        "en": (
            "Undo the load {load}: the rows it added are removed, the rows it changed get "
            "their earlier values back. Go ahead?"
        ),
    },
    "import.undo_confirm": {"vi": "Hoàn tác lượt nạp này", "en": "Undo this load"},
    "import.undo_cancel": {"vi": "Thôi", "en": "Cancel"},
    "import.undone": {
        "vi": "Đã hoàn tác lượt nạp #{batch}: xoá {removed} dòng, khôi phục {restored} dòng.",
        "en": "Undid load #{batch}: {removed} rows removed, {restored} restored.",
    },
}


def t(key: str, lang: str, **fmt: object) -> str:
    """The text for `key` in `lang` ("vi" or "en"), with {placeholders} filled from `fmt`."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    text = TEXTS[key][lang]
    return text.format(**fmt)
