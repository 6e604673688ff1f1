"""The one write path for facts: files read, headers mapped, rows checked, written, undone."""
