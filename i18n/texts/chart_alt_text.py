"""One sentence per chart for screen readers (the figure's alt text)."""

from __future__ import annotations

CHART_ALT_TEXT: dict[str, dict[str, str]] = {
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
}
