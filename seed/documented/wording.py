"""Words the documented titles and sources share."""

# Appended to a title whose article gives no day: the stored day is a chosen one.
NO_DAY = "bài viết không nêu ngày"

# An organisation's founding date the article does not give: its source says so beside the
# article, so the chosen date is not credited to the article.
CHOSEN_DATE = (
    "ngày thành lập do dữ liệu mẫu chọn, bài viết không nêu / "
    "founding date chosen for the demo, not stated in the article"
)
CHOSEN_DAY = (
    "bài viết chỉ nêu năm thành lập, ngày do dữ liệu mẫu chọn / "
    "the article states the founding year only, the day is chosen for the demo"
)


def with_note(source: str, note: str) -> str:
    """The article's file name, then what of the row the demo chose, e.g. a founding date."""
    return f"{source} ({note})"
