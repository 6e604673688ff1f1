"""Words the documented titles share."""

# Appended to a title whose article gives no day: the stored day is a chosen one.
NO_DAY = "bài viết không nêu ngày"
