"""The province profile page: its sections, tables, messages and the words for sources."""

from __future__ import annotations

PROFILE: dict[str, dict[str, str]] = {
    # Choosing the province -------------------------------------------------------------------
    "profile.caption": {
        "vi": (
            "Một tỉnh, thành và Liên hiệp các tổ chức hữu nghị của tỉnh: thành lập, đại hội, "
            "các hội thành viên, viện trợ, giao lưu đoàn, thứ hạng và nguồn của từng số liệu."
        ),
        "en": (
            "One province and its union of friendship organisations: founding, congresses, "
            "member associations, aid, exchanges, rank and the source of every figure."
        ),
    },
    "profile.picker": {
        "vi": "Tỉnh, thành phố (trong {count} đơn vị)",
        "en": "Province (of the {count} units)",
    },
    "profile.picker_placeholder": {"vi": "Chọn tỉnh, thành phố", "en": "Choose a province"},
    "profile.pick_one": {
        "vi": "Chọn một tỉnh, thành phố để xem hồ sơ của tỉnh.",
        "en": "Choose a province to see its profile.",
    },
    "profile.several": {
        "vi": "Bộ lọc đang chọn {count} tỉnh, thành; hồ sơ là của một đơn vị: hãy chọn một.",
        "en": "The filter holds {count} provinces; a profile is of one: choose one.",
    },
    "profile.unknown": {
        "vi": "Không có tỉnh, thành phố nào là {values} trong danh sách {count} đơn vị.",
        "en": "No province {values} in the list of {count} units.",
    },
    # The unit and the reform -----------------------------------------------------------------
    "profile.merged_from": {
        "vi": "Từ 1/7/2025 gồm các tỉnh, thành cũ: {names}.",
        "en": "Since 1 July 2025 made up of the old provinces {names}.",
    },
    "profile.now_in": {
        "vi": "Từ 1/7/2025 thuộc {unit}.",
        "en": "Part of {unit} since 1 July 2025.",
    },
    # The union -------------------------------------------------------------------------------
    "profile.union": {
        "vi": "Liên hiệp các tổ chức hữu nghị tỉnh",
        "en": "The provincial union of friendship organisations",
    },
    "profile.union_line": {
        "vi": "**{name}** ({place}): thành lập {founded}",
        "en": "**{name}** ({place}): founded {founded}",
    },
    "profile.no_union": {
        "vi": "Chưa có Liên hiệp nào được ghi nhận trong dữ liệu.",
        "en": "No union is on record in the data.",
    },
    "profile.founded_chosen": {
        "vi": "{day} (ngày do dữ liệu mẫu chọn, nguồn không nêu)",
        "en": "{day} (date chosen by the demo data, not stated by the source)",
    },
    "profile.founded_year": {
        "vi": "năm {year} (nguồn chỉ nêu năm)",
        "en": "in {year} (the source states the year only)",
    },
    "profile.congresses": {
        "vi": "Đại hội, hội nghị được ghi nhận (kèm Ban Chấp hành nếu có)",
        "en": "Congresses and conferences on record (with the executive committee if stated)",
    },
    "profile.no_congress": {
        "vi": "Chưa có đại hội, hội nghị nào được ghi nhận.",
        "en": "No congress or conference on record.",
    },
    # Associations ----------------------------------------------------------------------------
    "profile.associations": {"vi": "Các hội hữu nghị", "en": "Friendship associations"},
    "profile.no_associations": {
        "vi": "Chưa có hội hữu nghị nào được ghi nhận.",
        "en": "No friendship association on record.",
    },
    "profile.associations_note": {
        "vi": (
            "{count} hội. Hội viên và chi hội: số của năm gần nhất hội báo cáo trong các năm "
            "đã chọn (người; chi hội), “chưa báo cáo” nếu không có."
        ),
        "en": (
            "{count} associations. Members and chapters: the latest year each reported within "
            "the chosen years (people; chapters), “not reported” if none."
        ),
    },
    "profile.col.name": {"vi": "Hội", "en": "Association"},
    "profile.col.country": {"vi": "Nước đối tác", "en": "Partner country"},
    "profile.col.district": {"vi": "Huyện", "en": "District"},
    "profile.col.founded": {"vi": "Ngày thành lập", "en": "Founded"},
    "profile.association_years": {
        "vi": "Hội viên và chi hội của từng hội qua các năm",
        "en": "Each association's members and chapters over the years",
    },
    "profile.col.members": {"vi": "Hội viên (người)", "en": "Members (people)"},
    "profile.col.chapters": {"vi": "Chi hội", "en": "Chapters"},
    "profile.col.year": {"vi": "Năm số liệu", "en": "Year of figures"},
    "profile.col.succeeds": {"vi": "Kế thừa từ", "en": "Succeeds"},
    "profile.col.succeeded_by": {"vi": "Được kế thừa bởi", "en": "Succeeded by"},
    "profile.col.source": {"vi": "Nguồn", "en": "Source"},
    # Aid, exchanges, rank --------------------------------------------------------------------
    "profile.aid": {"vi": "Viện trợ PCPNN", "en": "Foreign NGO aid"},
    "profile.exchanges": {"vi": "Giao lưu đoàn", "en": "Exchanges"},
    "profile.rank": {
        "vi": "Thứ hạng năm {year} trong {count} đơn vị",
        "en": "Rank in {year} among the {count} units",
    },
    "profile.rank_note": {
        "vi": (
            "Năm {year}. Hạng 1 là lớn nhất; đơn vị chưa báo cáo không được xếp hạng (không "
            "tính là 0). Trung vị tính trên các đơn vị có báo cáo. Viện trợ: cam kết PCPNN, "
            "tính bằng đồng."
        ),
        "en": (
            "Year {year}. Rank 1 is the largest; a unit that did not report is not ranked (not "
            "counted as 0). The median is over the units that reported. Aid: foreign NGO aid "
            "committed, in đồng."
        ),
    },
    "profile.rank_unfinished": {
        "vi": "Năm {year} chưa kết thúc nên chưa xếp hạng.",
        "en": "{year} is not over yet, so it is not ranked.",
    },
    "profile.col.figure": {"vi": "Chỉ tiêu", "en": "Figure"},
    "profile.col.value": {"vi": "Số liệu của tỉnh", "en": "The province's figure"},
    "profile.col.rank": {"vi": "Hạng", "en": "Rank"},
    "profile.col.median": {"vi": "Trung vị toàn quốc", "en": "National median"},
    "profile.rank_of": {"vi": "{rank}/{ranked}", "en": "{rank} of {ranked}"},
    "profile.metric.members": {"vi": "Hội viên (người)", "en": "Members (people)"},
    "profile.metric.aid_committed": {
        "vi": "Viện trợ PCPNN cam kết",
        "en": "Foreign NGO aid committed",
    },
    "profile.metric.exchanges": {
        "vi": "Giao lưu đoàn (lượt)",
        "en": "Exchanges (count)",
    },
    "profile.unit.people": {"vi": "{count} người", "en": "{count} people"},
    # Documented facts ------------------------------------------------------------------------
    "profile.documented": {
        "vi": "Số liệu có nguồn bài viết",
        "en": "Facts stated by a source article",
    },
    "profile.no_documented": {
        "vi": "Không có số liệu nào của tỉnh do một bài viết nêu.",
        "en": "No figure of this province is stated by an article.",
    },
    "profile.documented_note": {
        "vi": "{count} bản ghi do bài viết nêu, mọi năm, mỗi bản ghi kèm tên tệp bài viết.",
        "en": "{count} records stated by an article, all years, each with the article's file.",
    },
    "profile.col.figure_stated": {"vi": "Số liệu", "en": "Figure"},
    "profile.not_stated": {"vi": "không nêu", "en": "not stated"},
    "profile.record.organization": {"vi": "Tổ chức", "en": "Organisation"},
    "profile.record.members": {"vi": "Hội viên", "en": "Members"},
    "profile.record.aid": {"vi": "Viện trợ", "en": "Aid"},
    "profile.record.exchange": {"vi": "Giao lưu, sự kiện", "en": "Exchange, event"},
    "profile.source": {"vi": "Nguồn: {origin}", "en": "Source: {origin}"},
    "profile.source_article": {
        "vi": "bài viết {title}, tệp {file}",
        "en": "article {title}, file {file}",
    },
    "profile.source_synthetic": {
        "vi": "Nguồn: dữ liệu mẫu tổng hợp (không phải số liệu thật)",
        "en": "Source: synthetic demo data (not real figures)",
    },
    "profile.link_column": {"vi": "Hồ sơ tỉnh", "en": "Province profile"},
    "profile.link_text": {"vi": "Xem hồ sơ", "en": "Open profile"},
}
