"""What a load refuses: one cell of one row, the load as a whole, a whole file."""

from __future__ import annotations

from dataclasses import dataclass

from datastore.problems import DataProblem
from i18n.catalogue import bilingual


def _words(key: str) -> str:
    """A word in both languages, as a row's place is written: "dòng/row"."""
    return bilingual(key, between="/")


@dataclass(frozen=True)
class RowProblem:
    """Why one cell of one row cannot be loaded: `reason` in Vietnamese, `reason_en` in English."""

    row: int  # the spreadsheet's row number: the header is row 1
    column: str  # the template's column name; "*" for the whole row
    value: str
    reason: str
    reason_en: str = ""
    message_id: str = ""  # key of the reason in the i18n catalogue

    @classmethod
    def of(cls, row: int, column: str, value: object, problem: DataProblem) -> RowProblem:
        """A row problem from a raised or collected DataProblem."""
        text = "" if value is None else str(value)
        if len(text) > 80:
            text = text[:79] + "…"
        return cls(row, column, text, problem.message_vi, problem.message_en, problem.message_id)

    def __str__(self) -> str:
        return (
            f"{_words('load.row')} {self.row}, {_words('load.column')} {self.column}, "
            f"{_words('load.value')} {self.value!r}: {self.reason} / {self.reason_en}"
        )


class LoadRejected(ValueError):
    """A load refused as a whole, with every problem found."""

    def __init__(self, problems: list[RowProblem]):
        super().__init__(bilingual("load.rejected", count=len(problems)))
        self.problems = problems


class FileProblem(DataProblem):
    """A whole file refused (too large, not CSV/XLSX, not Unicode, empty, no header)."""
