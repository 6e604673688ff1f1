"""Reading the cells of one row: each parsed once per distinct value, a problem per bad cell."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from sqlmodel import Session

from datastore.load.problems import RowProblem
from datastore.load.values import ParseProblem, clean_text
from datastore.problems import DataProblem
from datastore.reference.directory import Directory
from datastore.vietnamese import fold
from datastore.vocabulary import DataKind
from i18n.formatting import quote
from i18n.texts.data_words import CHOICE_WORDS

Parsed = TypeVar("Parsed")


@dataclass
class Context:
    """What checking the rows of one load shares: its kind, the directory, what was seen."""

    kind: DataKind
    directory: Directory
    session: Session
    keep_row_source: bool
    currencies: frozenset[str] = frozenset()
    # Results of look-ups and parses by the cells they read: files repeat their values.
    memo: dict[Hashable, tuple[Any, tuple[tuple[str, DataProblem], ...]]] = field(
        default_factory=dict
    )
    organization_keys: set[str] | None = None  # read when an organisations file needs them
    # Folded name -> (id, row key, province) of stored organisations, for `succeeds`.
    organizations_by_name: dict[str, list[tuple[int, str, str]]] | None = None


def _choices(words: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """Folded accepted word -> code word."""
    table: dict[str, str] = {}
    for code, names in words.items():
        for word in (code, *names):
            table[fold(word)] = code
    return table


_CHOICES = {name: _choices(words) for name, words in CHOICE_WORDS.items()}
_CHOICE_OPTIONS = {
    name: (
        ", ".join(f"{names[0]} ({code})" for code, names in words.items()),
        ", ".join(f"{code} ({names[0]})" for code, names in words.items()),
    )
    for name, words in CHOICE_WORDS.items()
}


class Cells(Protocol):
    """What a check reads from a row and how it reports a bad cell."""

    def raw(self, column: str) -> Any: ...

    def problem(self, column: str, problem: DataProblem) -> None: ...


class _Recorder:
    """Cells read through to a row, with problems recorded instead of reported."""

    def __init__(self, cells: Cells):
        self.cells = cells
        self.found: list[tuple[str, DataProblem]] = []

    def raw(self, column: str) -> Any:
        return self.cells.raw(column)

    def problem(self, column: str, problem: DataProblem) -> None:
        self.found.append((column, problem))


_COLUMN_NAMES: dict[Any, str] = {}


def _column_name(key: Any) -> str:
    """A row's key as a column name ("Year " -> "year"), remembered."""
    name = str(key).strip().lower()
    _COLUMN_NAMES[key] = name
    return name


def cell_key(value: Any) -> tuple[type, Any]:
    """A memo key part: 1, 1.0 and True are equal in Python but not as cells."""
    return type(value), value


def memo(context: Context, cells: Row, key: Hashable, compute: Callable[[Cells], Any]) -> Any:
    """`compute` once per distinct key (which names every cell it reads), then replayed."""
    entry = context.memo.get(key)
    if entry is None:
        recorder = _Recorder(cells)
        entry = (compute(recorder), tuple(recorder.found))
        context.memo[key] = entry
    for column, problem in entry[1]:
        cells.problem(column, problem)
    return entry[0]


class Row:
    """Reads the cells of one input row, recording a problem per bad cell."""

    def __init__(
        self, number: int, row: Mapping[str, Any], problems: list[RowProblem], context: Context
    ):
        self.number = number
        # Blank cells (None, only spaces, NaN: values.is_blank, written inline as this runs
        # once per cell of the file) are left out once here, so that `raw` is a look-up.
        names = _COLUMN_NAMES
        self.row = {
            names.get(k) or _column_name(k): v
            for k, v in row.items()
            if v is not None
            and k is not None
            and not (isinstance(v, str) and not v.strip())
            and not (isinstance(v, float) and v != v)
        }
        self.problems = problems
        self.memo = context.memo

    def raw(self, column: str) -> Any:
        return self.row.get(column)

    def problem(self, column: str, problem: DataProblem) -> None:
        self.problems.append(RowProblem.of(self.number, column, self.row.get(column), problem))

    def get(
        self,
        column: str,
        parse: Callable[[Any], Parsed],
        *,
        required: bool = True,
        memo: Hashable = None,
    ) -> Parsed | None:
        """The cell parsed; `memo` names a parse that depends on the value alone."""
        value = self.row.get(column)  # self.raw, without a call per cell
        if value is None:
            if required:
                self.problem(column, DataProblem("required"))
            return None
        key = (memo, type(value), value)
        found = self.memo.get(key) if memo is not None else None
        if found is None:
            try:
                found = (parse(value), ())
            except DataProblem as error:
                found = (None, (("", error),))
            if memo is not None:
                self.memo[key] = found
        if found[1]:
            self.problem(column, found[1][0][1])
        parsed: Parsed | None = found[0]  # the memo holds every parse's results, as Any
        return parsed

    def text(self, column: str, *, max_length: int, required: bool = True) -> str | None:
        return self.get(
            column, lambda v: clean_text(v, max_length=max_length) or None, required=required
        )

    def choice(self, column: str, vocabulary: str, *, required: bool = True) -> str | None:
        options = _CHOICES[vocabulary]

        def pick(value: Any) -> str:
            found = options.get(fold(str(value)))
            if found is None:
                options_vi, options_en = _CHOICE_OPTIONS[vocabulary]
                raise ParseProblem(
                    "choice.invalid",
                    value=quote(value),
                    options_vi=options_vi,
                    options_en=options_en,
                )
            return found

        return self.get(column, pick, required=required, memo=("choice", vocabulary))


def code_text(value: Any) -> str:
    """A code cell as text: Excel turns "04" into the number 4."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()
