"""The yearly report's words: title, headings, figure labels and the sentences drafted from them."""

from __future__ import annotations

YEARLY: dict[str, dict[str, str]] = {
    # Letterhead, title and closing lines
    "yearly.national_union": {
        "vi": "Liên hiệp các tổ chức hữu nghị Việt Nam",
        "en": "Vietnam Union of Friendship Organizations",
    },
    "yearly.provincial_union": {
        "vi": "Liên hiệp các tổ chức hữu nghị {province}",
        "en": "{province} Union of Friendship Organizations",
    },
    "yearly.capital": {"vi": "Hà Nội", "en": "Hanoi"},
    "yearly.title": {"vi": "BÁO CÁO", "en": "REPORT"},
    "yearly.subtitle": {
        "vi": "Tổng kết công tác đối ngoại nhân dân năm {year}",
        "en": "People-to-people diplomacy: review of {year}",
    },
    "yearly.recipients": {
        "vi": "- Liên hiệp các tổ chức hữu nghị Việt Nam;\n- ........................;\n- Lưu: VT.",
        "en": "- Vietnam Union of Friendship Organizations;\n- ........................;\n- File.",
    },
    "yearly.recipients.national": {
        "vi": "- Các tổ chức thành viên;\n- Liên hiệp các tổ chức hữu nghị các tỉnh, thành phố;"
        "\n- ........................;\n- Lưu: VT.",
        "en": "- Member organisations;\n- Provincial unions of friendship organizations;"
        "\n- ........................;\n- File.",
    },
    "yearly.signer": {
        "vi": "TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH",
        "en": "ON BEHALF OF THE STANDING COMMITTEE\nPRESIDENT",
    },
    # Headings
    "yearly.heading.organisation": {"vi": "I. Công tác tổ chức", "en": "I. The organisation"},
    "yearly.heading.exchanges": {
        "vi": "II. Hoạt động giao lưu nhân dân",
        "en": "II. People-to-people exchanges",
    },
    "yearly.heading.aid": {
        "vi": "III. Công tác vận động viện trợ phi chính phủ nước ngoài",
        "en": "III. Foreign non-governmental aid",
    },
    "yearly.heading.rank": {
        "vi": "IV. Vị trí trong {units} đơn vị",
        "en": "IV. Standing among the {units} units",
    },
    "yearly.chart.nothing": {
        "vi": "Biểu đồ “{title}” không có số liệu năm {years} để vẽ nên không đưa vào báo cáo.",
        "en": "The chart “{title}” has no figures for {years} to draw and is left out.",
    },
    # Figure labels
    "yearly.figure.associations": {
        "vi": "Tổ chức hữu nghị (tổ chức)",
        "en": "Friendship associations",
    },
    "yearly.figure.members": {"vi": "Hội viên (người)", "en": "Members (people)"},
    "yearly.figure.chapters": {"vi": "Chi hội (chi hội)", "en": "Chapters"},
    "yearly.figure.exchanges": {"vi": "Hoạt động giao lưu (lượt)", "en": "Exchanges"},
    "yearly.figure.incoming": {"vi": "Đoàn vào (đoàn)", "en": "Incoming delegations"},
    "yearly.figure.outgoing": {"vi": "Đoàn ra (đoàn)", "en": "Outgoing delegations"},
    "yearly.figure.participants": {"vi": "Lượt người", "en": "Participants"},
    "yearly.figure.committed_vnd": {"vi": "Viện trợ cam kết (VND)", "en": "Aid committed (VND)"},
    "yearly.figure.disbursed_vnd": {"vi": "Viện trợ giải ngân (VND)", "en": "Aid disbursed (VND)"},
    "yearly.figure.committed_usd": {"vi": "Viện trợ cam kết (USD)", "en": "Aid committed (USD)"},
    "yearly.figure.disbursed_usd": {"vi": "Viện trợ giải ngân (USD)", "en": "Aid disbursed (USD)"},
    # Why a figure has no change
    "yearly.not_reported": {"vi": "chưa báo cáo", "en": "not reported"},
    "yearly.status.previous_not_reported": {
        "vi": "năm {previous_year} chưa báo cáo",
        "en": "{previous_year} not reported",
    },
    "yearly.status.partial": {"vi": "năm chưa đủ", "en": "year not over"},
    "yearly.status.merged": {"vi": "đã hợp nhất năm 2025", "en": "merged in 2025"},
    "yearly.status.restructured": {
        "vi": "cơ cấu thay đổi năm 2025",
        "en": "restructured in 2025",
    },
    "yearly.status.zero": {"vi": "năm {previous_year} bằng 0", "en": "0 in {previous_year}"},
    # Notes beside figures
    "yearly.note.compared_on": {
        "vi": "so sánh trên {compared}/{reporting} {basis} báo cáo cả hai năm",
        "en": "compared on the {compared} of {reporting} {basis} that reported both years",
    },
    "yearly.basis.associations": {"vi": "tổ chức", "en": "associations"},
    "yearly.basis.provinces": {"vi": "đơn vị", "en": "units"},
    "yearly.note.through": {
        "vi": "cả hai năm tính đến ngày {day}",
        "en": "both years up to {day}",
    },
    "yearly.note.reform": {
        "vi": "năm trước tính lại theo đơn vị và tổ chức sau sắp xếp ngày 1/7/2025",
        "en": "the year before restated on the units and associations after 1 July 2025",
    },
    "yearly.note.multi_year": {
        "vi": "không gồm {count} khoản báo cáo cộng dồn nhiều năm ({amount})",
        "en": "leaves out {count} amounts reported over several years ({amount})",
    },
    # Prose: changes, each a sentence of its own after the subject ("Số hội viên", ...)
    "yearly.change.up": {
        "vi": "tăng {percent} so với năm {previous_year}",
        "en": "rose {percent} on {previous_year}",
    },
    "yearly.change.down": {
        "vi": "giảm {percent} so với năm {previous_year}",
        "en": "fell {percent} on {previous_year}",
    },
    "yearly.change.same": {
        "vi": "không đổi so với năm {previous_year}",
        "en": "was unchanged from {previous_year}",
    },
    "yearly.change.none": {
        "vi": "chưa so sánh được với năm {previous_year} ({reason})",
        "en": "cannot be compared with {previous_year} ({reason})",
    },
    "yearly.subject.members": {"vi": "Số hội viên", "en": "The number of members"},
    "yearly.subject.exchanges": {
        "vi": "Tổng số hoạt động giao lưu",
        "en": "The number of exchanges",
    },
    "yearly.subject.disbursed": {
        "vi": "Giá trị viện trợ PCPNN giải ngân",
        "en": "Foreign NGO aid disbursed",
    },
    "yearly.note.covid": {
        "vi": "từ cuối tháng 3/2020 đến giữa tháng 3/2022, đi lại quốc tế bị hạn chế do dịch "
        "COVID-19",
        "en": "international travel was restricted by COVID-19 from late March 2020 to mid-March "
        "2022",
    },
    # Prose: organisation
    "yearly.organisation.text": {
        "vi": "Năm {year}, {body} có {associations} tổ chức hữu nghị thành viên với {chapters} "
        "chi hội và {members} hội viên. {change}",
        "en": "In {year}, {body} counted {associations} member friendship associations with "
        "{chapters} chapters and {members} members. {change}",
    },
    "yearly.organisation.missing": {
        "vi": "Năm {year}, {body} chưa báo cáo số liệu tổ chức và hội viên.",
        "en": "In {year}, {body} has not reported its associations and members.",
    },
    "yearly.organisation.new": {
        "vi": "Trong năm {year}, thành lập mới {count} tổ chức hữu nghị: {names}.",
        "en": "{count} friendship associations were founded in {year}: {names}.",
    },
    "yearly.organisation.new_many": {
        "vi": "Trong năm {year}, thành lập mới {count} tổ chức hữu nghị.",
        "en": "{count} friendship associations were founded in {year}.",
    },
    "yearly.organisation.lineage": {
        "vi": "Thực hiện sắp xếp đơn vị hành chính, {predecessors} tổ chức được hợp nhất vào "
        "{successors} tổ chức; số liệu năm {previous_year} được tính lại theo các tổ chức mới.",
        "en": "With the 2025 reorganisation, {predecessors} associations merged into "
        "{successors}; the figures of {previous_year} are restated on the new associations.",
    },
    # Prose: exchanges
    "yearly.exchanges.text": {
        "vi": "Năm {year}, {body} đã đón {incoming} đoàn vào với {incoming_people} lượt người "
        "và cử {outgoing} đoàn ra với {outgoing_people} lượt người; tổng cộng {exchanges} "
        "hoạt động giao lưu. {change}",
        "en": "In {year}, {body} received {incoming} incoming delegations with "
        "{incoming_people} participants and sent {outgoing} outgoing delegations with "
        "{outgoing_people}; {exchanges} exchanges in all. {change}",
    },
    "yearly.merged": {
        "vi": "Từ ngày 1/7/2025, {province} hợp nhất vào {unit}: số liệu năm {year} được báo cáo "
        "chung trong {unit}.",
        "en": "Since 1 July 2025, {province} is part of {unit}: its figures of {year} are "
        "reported with those of {unit}.",
    },
    "yearly.exchanges.missing": {
        "vi": "Năm {year}, {body} chưa báo cáo hoạt động giao lưu, đón và cử đoàn.",
        "en": "In {year}, {body} has not reported its exchanges and delegations.",
    },
    "yearly.exchanges.partners": {
        "vi": "Năm {year}, đối tác giao lưu đến từ {countries} quốc gia, nhiều nhất là {top}.",
        "en": "In {year}, exchange partners came from {countries} countries, most of all {top}.",
    },
    "yearly.exchanges.localities": {
        "vi": "Các địa phương đối tác giao lưu nhiều nhất năm {year}: {localities}.",
        "en": "The partner localities with most exchanges in {year}: {localities}.",
    },
    "yearly.exchanges.events": {
        "vi": "Sự kiện tiêu biểu trong năm {year}:",
        "en": "Notable events of {year}:",
    },
    "yearly.exchanges.event": {
        "vi": "Ngày {day}, tại {province}: {title}. Nguồn: bài viết {source}.",
        "en": "On {day}, in {province}: {title}. Source: article {source}.",
    },
    "yearly.table.partners": {
        "vi": "Giao lưu theo quốc gia đối tác",
        "en": "Exchanges by partner country",
    },
    "yearly.column.country": {"vi": "Quốc gia", "en": "Country"},
    "yearly.column.exchanges": {"vi": "Lượt giao lưu", "en": "Exchanges"},
    "yearly.column.participants": {"vi": "Lượt người", "en": "Participants"},
    # Prose: aid
    "yearly.aid.text": {
        "vi": "Năm {year}, {body} đã vận động được {committed} viện trợ phi chính phủ nước "
        "ngoài (PCPNN) cam kết (tương đương {committed_usd}); giải ngân đạt {disbursed} "
        "(tương đương {disbursed_usd}). {change}",
        "en": "In {year}, {body} secured {committed} of foreign non-governmental (NGO) aid "
        "committed (equal to {committed_usd}); {disbursed} was disbursed (equal to "
        "{disbursed_usd}). {change}",
    },
    "yearly.aid.missing": {
        "vi": "Năm {year}, {body} chưa báo cáo số liệu viện trợ phi chính phủ nước ngoài.",
        "en": "In {year}, {body} has not reported foreign non-governmental aid.",
    },
    "yearly.aid.sectors": {
        "vi": "Các lĩnh vực được giải ngân nhiều nhất năm {year}: {sectors}.",
        "en": "The sectors with most aid disbursed in {year}: {sectors}.",
    },
    "yearly.aid.domestic": {
        "vi": "Ngoài ra, năm {year} hỗ trợ từ các nguồn khác (trong nước, tổ chức nước ngoài "
        "không phải PCPNN) đạt {amount}, không tính vào viện trợ PCPNN.",
        "en": "Besides, in {year} support from other sources (domestic, foreign bodies other "
        "than NGOs) came to {amount}, not counted as foreign NGO aid.",
    },
    "yearly.table.sectors": {"vi": "Viện trợ theo lĩnh vực", "en": "Aid by sector"},
    "yearly.table.donors": {
        "vi": "Viện trợ theo quốc gia tài trợ",
        "en": "Aid by donor country",
    },
    "yearly.column.sector": {"vi": "Lĩnh vực", "en": "Sector"},
    "yearly.column.committed": {"vi": "Cam kết (VND)", "en": "Committed (VND)"},
    "yearly.column.disbursed": {"vi": "Giải ngân (VND)", "en": "Disbursed (VND)"},
    # Prose: rank
    "yearly.rank.metric.members": {"vi": "số hội viên", "en": "members"},
    "yearly.rank.metric.aid_committed": {
        "vi": "viện trợ PCPNN cam kết",
        "en": "foreign NGO aid committed",
    },
    "yearly.rank.metric.exchanges": {"vi": "số hoạt động giao lưu", "en": "exchanges"},
    "yearly.rank.count.members": {"vi": "{value} hội viên", "en": "{value} members"},
    "yearly.rank.count.exchanges": {"vi": "{value} hoạt động", "en": "{value} exchanges"},
    "yearly.rank.text": {
        "vi": "Năm {year}, về {metric}, {province} xếp thứ {rank}/{ranked} đơn vị đã báo cáo "
        "({value}; trung vị toàn quốc {median}).",
        "en": "In {year}, on {metric}, {province} ranks {rank} of the {ranked} units that "
        "reported ({value}; national median {median}).",
    },
    "yearly.rank.missing": {
        "vi": "Năm {year}, về {metric}, {province} chưa báo cáo nên không được xếp hạng "
        "({ranked} đơn vị đã báo cáo; trung vị toàn quốc {median}).",
        "en": "In {year}, on {metric}, {province} has not reported and is not ranked ({ranked} "
        "units reported; national median {median}).",
    },
    "yearly.rank.national": {
        "vi": "Năm {year}, về {metric}, {ranked}/{units} đơn vị đã báo cáo; trung vị {median}; "
        "dẫn đầu: {top}.",
        "en": "In {year}, on {metric}, {ranked} of {units} units reported; median {median}; "
        "first: {top}.",
    },
    "yearly.rank.nobody": {
        "vi": "Năm {year}, về {metric}, chưa đơn vị nào báo cáo.",
        "en": "In {year}, on {metric}, no unit has reported.",
    },
    "yearly.table.rank": {"vi": "Xếp hạng trong {units} đơn vị", "en": "Rank among {units} units"},
    "yearly.column.metric": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "yearly.column.value": {"vi": "Số liệu", "en": "Value"},
    "yearly.column.rank": {"vi": "Thứ hạng", "en": "Rank"},
    "yearly.column.median": {"vi": "Trung vị toàn quốc", "en": "National median"},
    # Sources: a load by what it gave and when, an article by its title and date
    "yearly.source.loads": {
        "vi": "Số liệu {kinds} năm {years}, nạp ngày {loaded} ({rows} bản ghi)",
        "en": "Figures on {kinds} for {years}, loaded on {loaded} ({rows} records)",
    },
    "yearly.source.loads_one_day": {
        "vi": "Số liệu {kinds} năm {years}, {loads} lượt nạp ngày {loaded} ({rows} bản ghi)",
        "en": "Figures on {kinds} for {years}, {loads} loads on {loaded} ({rows} records)",
    },
    "yearly.source.loads_many": {
        "vi": "Số liệu {kinds} năm {years}, {loads} lượt nạp từ ngày {first} đến ngày {last} "
        "({rows} bản ghi)",
        "en": "Figures on {kinds} for {years}, {loads} loads from {first} to {last} "
        "({rows} records)",
    },
    "yearly.source.article": {
        "vi": "Bài viết {title}: số liệu {kinds} năm {years} ({rows} bản ghi; tệp {file})",
        "en": "Article {title}: figures on {kinds} for {years} ({rows} records; file {file})",
    },
    # The five source articles, by the number their file name starts with (as About names them)
    "yearly.article.000": {
        "vi": "“Tổng kết công tác đối ngoại nhân dân năm 2014” (Đắk Lắk, 2014)",
        "en": "“Review of people's diplomacy in 2014” (Đắk Lắk, 2014)",
    },
    "yearly.article.001": {
        "vi": "“Chú trọng công tác đối ngoại nhân dân” (Đồng Nai, Baomoi.com, 2020)",
        "en": "“Giving weight to people's diplomacy” (Đồng Nai, Baomoi.com, 2020)",
    },
    "yearly.article.002": {
        "vi": "“Tiếp tục củng cố, nâng cao hiệu quả công tác đối ngoại nhân dân” (Hà Nội, "
        "28/01/2015)",
        "en": "“Strengthening people's diplomacy further” (Hanoi, 28/01/2015)",
    },
    "yearly.article.003": {
        "vi": "“Tích cực triển khai thực hiện Chỉ thị của Ban Bí thư…” (Gia Lai, 28/10/2018)",
        "en": "“Carrying out the Secretariat's Directive…” (Gia Lai, 28/10/2018)",
    },
    "yearly.article.004": {
        "vi": "“Hội nghị toàn quốc công tác đối ngoại nhân dân năm 2022” (Cao Bằng, 07/07/2022)",
        "en": "“National conference on people's diplomacy 2022” (Cao Bằng, 07/07/2022)",
    },
    "yearly.kind.members": {"vi": "hội viên", "en": "members"},
    "yearly.kind.aid": {"vi": "viện trợ", "en": "aid"},
    "yearly.kind.exchanges": {"vi": "giao lưu", "en": "exchanges"},
}
