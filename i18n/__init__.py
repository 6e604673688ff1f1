"""Vietnamese and English texts; number, money and date formatting (imports nothing of ours)."""
