"""The one write path for facts: validates every row, then writes all of them or none.

A load is one transaction: the import batch, every inserted and updated row and the previous
content of every updated row (RowChange, for undo) are committed together or not at all, so a
load killed half-way leaves nothing behind. Loads are serialised: PostgreSQL takes a
transaction-scoped advisory lock, SQLite allows one writer at a time. Should a concurrent load
still insert the same natural key first (a unique-key violation) or hold the SQLite database
past its busy timeout, the write phase is retried once from the start on the new state.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence, Sized
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Protocol

from sqlalchemy import insert, select, text, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, SQLModel, col

from datastore.models import (
    Aid,
    Exchange,
    ImportBatch,
    Membership,
    Organization,
    OrganizationKind,
    Province,
    ProvinceList,
    RowChange,
)
from datastore.parsing import (
    ParseProblem,
    clean_text,
    is_blank,
    parse_amount,
    parse_count,
    parse_date,
    parse_decimal,
    parse_year,
)
from datastore.problems import DataProblem
from datastore.reference.directory import Directory, LookupProblem
from datastore.reference.provinces import list_for_date, list_for_year
from datastore.rollups import refresh_rollups
from datastore.vietnamese import fold
from i18n.catalogue import render
from i18n.formatting import grouped, quote
from i18n.texts.data_words import CHOICE_WORDS, KEY_COLUMNS

KINDS = ("organizations", "members", "aid", "exchanges")
CHUNK = 5_000
# Share of the progress bar spent on validation; the rest is writing.
VALIDATION_SHARE = 0.5
# Any fixed number: every load takes this advisory lock on PostgreSQL.
_LOAD_LOCK = 4_104_2025
_CURRENCY_ALIASES = {
    "VNĐ": "VND",
    "Đ": "VND",
    "ĐỒNG": "VND",
    "DONG": "VND",
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "₩": "KRW",
}

Progress = Callable[[float], None]


@dataclass(frozen=True)
class RowProblem:
    """Why one cell of one row cannot be loaded: `reason` in Vietnamese, `reason_en` in English."""

    row: int  # the spreadsheet's row number: the header is row 1
    column: str  # the template's column name; "*" for the whole row
    value: str
    reason: str
    reason_en: str = ""
    message_id: str = ""  # key of the reason in datastore.messages.MESSAGES

    @classmethod
    def of(cls, row: int, column: str, value: object, problem: DataProblem) -> RowProblem:
        """A row problem from a raised or collected DataProblem."""
        text = "" if value is None else str(value)
        if len(text) > 80:
            text = text[:79] + "…"
        return cls(row, column, text, problem.message_vi, problem.message_en, problem.message_id)

    def __str__(self) -> str:
        return (
            f"dòng/row {self.row}, cột/column {self.column}, giá trị/value {self.value!r}: "
            f"{self.reason} / {self.reason_en}"
        )


class LoadRejected(ValueError):
    """A load refused as a whole, with every problem found."""

    def __init__(self, problems: list[RowProblem]):
        super().__init__(
            f"{len(problems)} lỗi; không ghi gì / {len(problems)} problem(s); nothing was written"
        )
        self.problems = problems


@dataclass
class LoadSummary:
    """What a load did, row by row."""

    kind: str
    batch_id: int | None
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False


@dataclass
class BatchInfo:
    """Who loads what, from where."""

    file_name: str
    checksum: str = ""
    created_by: str = "system"
    is_demo: bool = False
    # The source label of every written row; None: "Lượt nạp #<batch id>: <file name>".
    source: str | None = None
    keep_row_source: bool = False  # the seed labels each row with its article


@dataclass
class _Context:
    kind: str
    directory: Directory
    session: Session
    keep_row_source: bool
    currencies: frozenset[str] = frozenset()
    # Results of look-ups and parses by the cells they read: files repeat their values.
    memo: dict[Hashable, tuple[Any, tuple[tuple[str, DataProblem], ...]]] = field(
        default_factory=dict
    )
    organization_keys: set[str] | None = None  # read when an organisations file needs them


def load_rows(
    *,
    session: Session,
    kind: str,
    rows: Iterable[Mapping[str, Any]],
    batch: BatchInfo,
    first_row_number: int = 2,
    row_numbers: Sequence[int] | None = None,
    dry_run: bool = False,
    directory: Directory | None = None,
    progress: Progress | None = None,
) -> LoadSummary:
    """Validate all rows of one kind, then insert new ones and update changed ones atomically."""
    # Rows are numbered from `first_row_number`, or by `row_numbers` (the spreadsheet rows they
    # came from); LoadRejected lists every problem before anything is written. `progress` gets
    # the fraction done, per chunk of validation and of writing.
    records, problems = validate_rows(
        session=session,
        kind=kind,
        rows=rows,
        first_row_number=first_row_number,
        row_numbers=row_numbers,
        directory=directory,
        progress=progress,
        keep_row_source=batch.keep_row_source,
    )
    if problems:
        raise LoadRejected(problems)
    for attempt in (1, 2):
        try:
            summary = _write_all(session, kind, records, batch, dry_run=dry_run, progress=progress)
        except (IntegrityError, OperationalError) as error:
            session.rollback()
            if attempt == 2 or not _is_conflict(error):
                raise
            continue
        except BaseException:
            session.rollback()
            raise
        if progress is not None:
            progress(1.0)
        return summary
    raise AssertionError("unreachable")  # pragma: no cover


def validate_rows(
    *,
    session: Session,
    kind: str,
    rows: Iterable[Mapping[str, Any]],
    first_row_number: int = 2,
    row_numbers: Sequence[int] | None = None,
    directory: Directory | None = None,
    progress: Progress | None = None,
    keep_row_source: bool = False,
) -> tuple[list[dict[str, Any]], list[RowProblem]]:
    """Every row read and checked, nothing written: the records to store and the problems."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    directory = directory or Directory.load(session=session)
    context = _Context(
        kind=kind,
        directory=directory,
        session=session,
        keep_row_source=keep_row_source,
        currencies=frozenset(currency for _, currency in directory.rates),
    )
    normalize = _NORMALIZERS[kind]
    total = len(rows) if isinstance(rows, Sized) else None
    records: list[dict[str, Any]] = []
    problems: list[RowProblem] = []
    first_seen: dict[str, int] = {}
    numbers = iter(row_numbers) if row_numbers is not None else None
    for index, row in enumerate(rows):
        number = next(numbers) if numbers is not None else first_row_number + index
        row_problems: list[RowProblem] = []
        record = normalize(context, number, row, row_problems)
        if progress is not None and total and (index + 1) % CHUNK == 0:
            progress(VALIDATION_SHARE * (index + 1) / total)
        if row_problems:
            problems.extend(row_problems)
            continue
        key = record["row_key"]
        if key in first_seen:
            duplicate = DataProblem(
                "duplicate",
                first=first_seen[key],
                key_vi=KEY_COLUMNS[kind]["vi"],
                key_en=KEY_COLUMNS[kind]["en"],
            )
            problems.append(RowProblem.of(number, "*", "", duplicate))
            continue
        first_seen[key] = number
        records.append(record)
    if progress is not None:
        progress(VALIDATION_SHARE)
    return records, problems


def load_source(batch_id: int, file_name: str) -> str:
    """The source label of rows written by a user's load."""
    return render("load.source", "vi", {"batch": batch_id, "file": file_name})[:255]


def take_load_lock(session: Session) -> None:
    """Serialise loads and undos: a PostgreSQL advisory lock, held until the transaction ends."""
    # On SQLite the first write of the transaction takes the database's single write lock.
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOAD_LOCK})


def _is_conflict(error: IntegrityError | OperationalError) -> bool:
    """Whether a failed write may succeed on a retry: a concurrent insert, a busy database."""
    if isinstance(error, IntegrityError):
        return True
    return "locked" in str(error.orig).lower() or "busy" in str(error.orig).lower()


def _write_all(
    session: Session,
    kind: str,
    records: list[dict[str, Any]],
    batch: BatchInfo,
    *,
    dry_run: bool,
    progress: Progress | None,
) -> LoadSummary:
    """The write phase, in one transaction, with the load lock held."""
    # The batch row is written first, so that SQLite takes its write lock before the existing
    # rows are read: a concurrent load then waits instead of working on a stale state.
    model = _MODELS[kind]
    summary = LoadSummary(kind=kind, batch_id=None, rows=len(records), dry_run=dry_run)
    batch_row = ImportBatch(
        kind=kind,
        file_name=batch.file_name[:255],
        checksum=batch.checksum,
        source=(batch.source or "")[:255],
        created_at=datetime.now(UTC),
        created_by=batch.created_by[:80],
        is_demo=batch.is_demo,
    )
    take_load_lock(session)
    session.add(batch_row)
    session.flush()
    assert batch_row.id is not None
    summary.batch_id = batch_row.id
    if batch.source is None:
        batch_row.source = load_source(batch_row.id, batch.file_name)
    rows = [_row_to_write(record, batch, batch_row) for record in records]
    if kind == "members":
        _link_organizations(session, records, rows, batch_row)
    years: set[int] = set()  # of the rows written, before and after
    for start in range(0, len(rows), CHUNK):
        years |= _write_chunk(session, model, rows[start : start + CHUNK], batch_row, summary)
        if progress is not None and rows:
            done = min(start + CHUNK, len(rows)) / len(rows)
            progress(VALIDATION_SHARE + (1 - VALIDATION_SHARE) * 0.99 * done)
    batch_row.rows_added = summary.added
    batch_row.rows_updated = summary.updated
    batch_row.rows_unchanged = summary.unchanged
    session.add(batch_row)
    if dry_run:
        session.rollback()
        summary.batch_id = None
    else:
        table_name = model.__table__.name  # type: ignore[attr-defined]
        refresh_rollups(session=session, fact=table_name, years=years)
        session.commit()
    return summary


def _row_to_write(
    record: dict[str, Any], batch: BatchInfo, batch_row: ImportBatch
) -> dict[str, Any]:
    """A validated record as the row to write: the load's source unless the seed keeps its own."""
    row = {k: v for k, v in record.items() if k[0] != "_"}
    if not (batch.keep_row_source and row.get("source")):
        row["source"] = batch_row.source
    row["batch_id"] = batch_row.id
    return row


def _write_chunk(
    session: Session,
    model: type[SQLModel],
    rows: list[dict[str, Any]],
    batch: ImportBatch,
    summary: LoadSummary,
) -> set[int]:
    """Insert the rows whose key is new, update those whose content changed; the years touched."""
    table = model.__table__  # type: ignore[attr-defined]
    keys = [row["row_key"] for row in rows]
    existing = {
        key: (row_id, row_hash)
        for row_id, key, row_hash in session.execute(
            select(table.c.id, table.c.row_key, table.c.row_hash).where(table.c.row_key.in_(keys))
        )
    }
    new_rows: list[dict[str, Any]] = []
    changed_rows: list[dict[str, Any]] = []
    for row in rows:
        found = existing.get(row["row_key"])
        if found is None:
            new_rows.append(row)
        elif found[1] != row["row_hash"]:
            changed_rows.append({**row, "id": found[0]})
        else:
            summary.unchanged += 1
    years = {row["year"] for row in new_rows + changed_rows if row.get("year") is not None}
    if new_rows:
        session.execute(insert(table), new_rows)
        summary.added += len(new_rows)
    if changed_rows:
        years |= _record_previous(session, table, [row["id"] for row in changed_rows], batch)
        session.execute(update(model), changed_rows)
        summary.updated += len(changed_rows)
    return years


def _record_previous(
    session: Session, table: Any, row_ids: list[int], batch: ImportBatch
) -> set[int]:
    """Keep what the rows held before this load changes them, so the load can be undone.

    Returns the years the rows held (none for a table without years).
    """
    # FOR UPDATE (PostgreSQL): read the latest committed content and hold it until commit.
    statement = select(table).where(table.c.id.in_(row_ids)).with_for_update()
    previous = session.execute(statement).mappings().all()
    session.execute(
        insert(RowChange),
        [
            {
                "batch_id": batch.id,
                "table_name": table.name,
                "row_id": row["id"],
                "previous": json.dumps(dict(row), default=str, ensure_ascii=False),
            }
            for row in previous
        ],
    )
    return {row["year"] for row in previous if row.get("year") is not None}


class _FoldTable(dict[int, str]):
    """Each character without its diacritics, worked out the first time it is met."""

    def __missing__(self, code: int) -> str:
        bare = "".join(
            ch for ch in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(ch)
        )
        self[code] = bare
        return bare


_FOLD_TABLE = _FoldTable()
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fast_fold(text: str) -> str:
    """The same key as datastore.vietnamese.fold, from a character table instead of NFD per call."""
    # Decomposing a string is decomposing each character (canonical reordering moves only the
    # combining marks, which are dropped), so the table gives exactly fold's result.
    lowered = text.lower().replace("đ", "d")
    if not lowered.isascii():
        lowered = lowered.translate(_FOLD_TABLE)
    return _NON_ALNUM.sub("", lowered)


def _digest(*parts: object) -> str:
    """A stable 40-character hash of the parts."""
    text = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _canonical(amount: Decimal) -> str:
    """An amount written one way whatever its form: 2000, 2000.0 and 2000.00 are all "2000"."""
    return f"{amount.normalize():f}"


# Normalizers: one per kind; each fills `problems` or returns the row to store --------------


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


class _Cells(Protocol):
    """What a check reads from a row and how it reports a bad cell."""

    def raw(self, column: str) -> Any: ...

    def problem(self, column: str, problem: DataProblem) -> None: ...


class _Recorder:
    """Cells read through to a row, with problems recorded instead of reported."""

    def __init__(self, cells: _Cells):
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


def _key(value: Any) -> tuple[type, Any]:
    """A memo key part: 1, 1.0 and True are equal in Python but not as cells."""
    return type(value), value


def _memo(context: _Context, cells: _Row, key: Hashable, compute: Callable[[_Cells], Any]) -> Any:
    """`compute` once per distinct key (which names every cell it reads), then replayed."""
    entry = context.memo.get(key)
    if entry is None:
        recorder = _Recorder(cells)
        entry = (compute(recorder), tuple(recorder.found))
        context.memo[key] = entry
    for column, problem in entry[1]:
        cells.problem(column, problem)
    return entry[0]


class _Row:
    """Reads the cells of one input row, recording a problem per bad cell."""

    def __init__(
        self, number: int, row: Mapping[str, Any], problems: list[RowProblem], context: _Context
    ):
        self.number = number
        # Blank cells are left out once here, so that `raw` is a dictionary look-up.
        self.row = {
            _COLUMN_NAMES.get(k) or _column_name(k): v
            for k, v in row.items()
            if k is not None and not is_blank(v)
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
        parse: Callable[[Any], Any],
        *,
        required: bool = True,
        memo: Hashable = None,
    ) -> Any:
        """The cell parsed; `memo` names a parse that depends on the value alone."""
        value = self.raw(column)
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
        return found[0]

    def text(self, column: str, *, max_length: int, required: bool = True) -> str | None:
        return self.get(
            column, lambda v: clean_text(v, max_length=max_length) or None, required=required
        )

    def choice(self, column: str, vocabulary: str, *, required: bool = True) -> str | None:
        options = _CHOICES[vocabulary]

        def pick(value: Any) -> str:
            found = options.get(fast_fold(str(value)))
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


def _code_text(value: Any) -> str:
    """A code cell as text: Excel turns "04" into the number 4."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _province(
    context: _Context, cells: _Row, *, on: date | None, year: int | None, strict: bool = True
) -> Province | None:
    """The province as reported, by name (checked against the code) or by code."""
    # The list (63 or 34) comes from the date or year; figures from 1 July 2025 on must name one
    # of the 34 new units. The derived columns province_2025_code and province_2025, when filled
    # in, must name today's unit. `strict`: a row without its date or year gets no province (it
    # has a problem already); otherwise a name alone is looked up in both lists.
    if on is not None:
        wanted: ProvinceList | None = list_for_date(on)
    elif year is not None:
        wanted = list_for_year(year)
    else:
        wanted = None
    key = ("province", wanted, strict, *(_key(cells.raw(c)) for c in _PROVINCE_COLUMNS))
    province: Province | None = _memo(
        context, cells, key, lambda found: _find_province(context, found, wanted, strict)
    )
    return province


_PROVINCE_COLUMNS = ("province", "province_code", "province_2025_code", "province_2025")


def _find_province(
    context: _Context, cells: _Cells, wanted: ProvinceList | None, strict: bool
) -> Province | None:
    name, code = cells.raw("province"), cells.raw("province_code")
    if name is None and code is None:
        cells.problem("province", DataProblem("required"))
        return None
    directory = context.directory
    column = "province" if name is not None else "province_code"
    if wanted is None and name is not None and code is not None:
        # No date to choose the list: the code says which "Gia Lai" (63:64 or 34:52) is meant.
        wanted = _list_of_code(directory, str(name), _code_text(code).zfill(2))
    try:
        if name is not None:
            province = directory.resolve_province(str(name), province_list=wanted)
        else:
            code_text = _code_text(code)
            if not code_text.isdigit() or len(code_text) > 2:
                raise LookupProblem(
                    "province.no_code", code=quote(code_text), list=wanted.value if wanted else "?"
                )
            province = directory.resolve_province(code_text, province_list=wanted)
    except LookupProblem as error:
        cells.problem(column, error)
        return None
    if wanted is None and strict:
        return None  # the year or date is missing or wrong: already a problem
    if name is not None and code is not None and _code_text(code).zfill(2) != province.code:
        cells.problem(
            "province_code",
            DataProblem(
                "province.code_mismatch",
                code=quote(_code_text(code)),
                name=province.short_name,
                expected=province.code,
                list=province.province_list,
            ),
        )
        return None
    current = directory.current_unit(province)
    if wanted is ProvinceList.CURRENT and province.province_list != ProvinceList.CURRENT.value:
        problem = DataProblem(
            "province.after_reform", name=province.short_name, current=current.short_name
        )
        cells.problem(column, problem)
        return None
    ok = True
    given_code = cells.raw("province_2025_code")
    if given_code is not None and _code_text(given_code).zfill(2) != current.code:
        cells.problem(
            "province_2025_code",
            DataProblem("derived.mismatch", value=quote(given_code), expected=current.code),
        )
        ok = False
    given_name = cells.raw("province_2025")
    if given_name is not None:
        try:
            same = directory.resolve_province(str(given_name), province_list="34").id == current.id
        except LookupProblem:
            same = False
        if not same:
            cells.problem(
                "province_2025",
                DataProblem(
                    "derived.mismatch", value=quote(given_name), expected=current.short_name
                ),
            )
            ok = False
    return province if ok else None


def _list_of_code(directory: Directory, name: str, code: str) -> ProvinceList | None:
    """The list in which `name` has the GSO code `code`, if exactly one does."""
    found = []
    for province_list in ProvinceList:
        try:
            province = directory.resolve_province(name, province_list=province_list)
        except LookupProblem:
            return None
        if province.province_list == province_list.value and province.code == code:
            found.append(province_list)
    return found[0] if len(found) == 1 else None


def _country_code(context: _Context, cells: _Row, column: str, *, required: bool) -> str | None:
    """A country by alpha-3 code (first choice) or by name; both given must agree."""
    key = ("country", column, required, _key(cells.raw(column)), _key(cells.raw(f"{column}_code")))
    code: str | None = _memo(
        context, cells, key, lambda found: _find_country(context, found, column, required)
    )
    return code


def _find_country(context: _Context, cells: _Cells, column: str, required: bool) -> str | None:
    code_column, name_column = f"{column}_code", column
    code, name = cells.raw(code_column), cells.raw(name_column)
    if code is None and name is None:
        if required:
            cells.problem(name_column, DataProblem("required"))
        return None
    directory = context.directory
    try:
        country = directory.resolve_country(str(code if code is not None else name))
    except LookupProblem as error:
        cells.problem(code_column if code is not None else name_column, error)
        return None
    if code is not None and name is not None and not directory.country_matches(country, str(name)):
        cells.problem(
            name_column,
            DataProblem(
                "code.name_mismatch", value=quote(name), code=country.code, name=country.name_vi
            ),
        )
        return None
    return country.code


def _sector_code(context: _Context, cells: _Row) -> str | None:
    """A sector by DAC code or by name; both given must agree."""
    key = ("sector", _key(cells.raw("sector")), _key(cells.raw("sector_code")))
    code: str | None = _memo(context, cells, key, lambda found: _find_sector(context, found))
    return code


def _find_sector(context: _Context, cells: _Cells) -> str | None:
    code, name = cells.raw("sector_code"), cells.raw("sector")
    if code is None and name is None:
        cells.problem("sector", DataProblem("required"))
        return None
    directory = context.directory
    try:
        sector = directory.resolve_sector(_code_text(code) if code is not None else str(name))
    except LookupProblem as error:
        cells.problem("sector_code" if code is not None else "sector", error)
        return None
    if code is not None and name is not None and not directory.sector_matches(sector, str(name)):
        cells.problem(
            "sector",
            DataProblem(
                "code.name_mismatch", value=quote(name), code=sector.code, name=sector.name_vi
            ),
        )
        return None
    return sector.code


def _currency(context: _Context, value: Any) -> str:
    text_value = str(value).strip().upper()
    currency = _CURRENCY_ALIASES.get(text_value, text_value)
    if currency not in context.currencies:
        raise ParseProblem(
            "currency.unknown", value=quote(value), accepted=", ".join(sorted(context.currencies))
        )
    return currency


def _source(context: _Context, cells: _Row) -> str | None:
    if context.keep_row_source:
        return cells.text("source", max_length=255, required=False)
    return None


def _organization_key(name: str, province_id: int | None) -> str:
    return _digest("organization", fast_fold(name), province_id)


def _normalize_organization(
    context: _Context, number: int, row: Mapping[str, Any], problems: list[RowProblem]
) -> dict[str, Any]:
    cells = _Row(number, row, problems, context)
    kind = cells.choice("kind", "organization_kind")
    name = cells.text("organization", max_length=255)
    founded_on = cells.get("founded_on", parse_date, required=False, memo="date")
    province = None
    if kind != OrganizationKind.NATIONAL_UNION.value:
        # The province of its founding date's list; without a date, any spelling of either list.
        province = _province(context, cells, on=founded_on, year=None, strict=False)
        if founded_on is None and province is not None and name is not None:
            province = _province_of_existing(context, name, province)
    country = _country_code(context, cells, "partner_country", required=False)
    district = cells.text("district", max_length=120, required=False)
    parent_name = cells.text("parent", max_length=255, required=False)
    parent_id = None
    if parent_name:
        parent = context.session.scalars(
            select(Organization).where(Organization.name == parent_name)  # type: ignore[arg-type]
        ).first()
        if parent is None:
            cells.problem("parent", DataProblem("parent.unknown", value=quote(parent_name)))
        else:
            parent_id = parent.id
    province_id = province.id if province else None
    return {
        "kind": kind,
        "name": name,
        "province_id": province_id,
        "country_code": country,
        "district": district,
        "founded_on": founded_on,
        "parent_id": parent_id,
        "source": _source(context, cells),
        "row_key": _organization_key(name or "", province_id),
        "row_hash": _digest(kind, country, district, founded_on, parent_id),
    }


def _province_of_existing(context: _Context, name: str, province: Province) -> Province:
    """Of a province and its same-code namesake in the other list, the one already in use."""
    # Đồng Nai 63:75 and 34:75: without a founding date nothing else tells them apart, and an
    # organisations extract loaded back must find the organisations it lists.
    if context.organization_keys is None:
        context.organization_keys = set(
            context.session.scalars(select(col(Organization.row_key))).all()
        )
    if _organization_key(name, province.id) in context.organization_keys:
        return province
    other = next(p for p in ProvinceList if p.value != province.province_list)
    try:
        twin = context.directory.resolve_province(province.short_name, province_list=other)
    except LookupProblem:
        return province
    same_code = twin.code == province.code and twin.province_list == other.value
    if same_code and _organization_key(name, twin.id) in context.organization_keys:
        return twin
    return province


def _normalize_membership(
    context: _Context, number: int, row: Mapping[str, Any], problems: list[RowProblem]
) -> dict[str, Any]:
    cells = _Row(number, row, problems, context)
    year = cells.get("year", parse_year, memo="year")
    province = _province(context, cells, on=None, year=year)
    name = cells.text("organization", max_length=255)
    country = _country_code(context, cells, "partner_country", required=False)
    members = cells.get("members", parse_count, memo="count")
    chapters = cells.get("chapters", parse_count, required=False, memo="count")
    source = _source(context, cells)
    if province is None or name is None or problems:
        return {}
    organization_key = _organization_key(name, province.id)
    return {
        "_organization_key": organization_key,
        "_organization_name": name,
        "year": year,
        "province_id": province.id,
        "province_2025_id": province.current_unit_id,
        "province_63_id": province.legacy_unit_id,
        "country_code": country,
        "members": members,
        "chapters": chapters,
        "source": source,
        "row_key": _digest("members", organization_key, year),
        "row_hash": _digest(country, members, chapters),
    }


def _normalize_aid(
    context: _Context, number: int, row: Mapping[str, Any], problems: list[RowProblem]
) -> dict[str, Any]:
    cells = _Row(number, row, problems, context)
    year = cells.get("year", parse_year, memo="year")
    province = _province(context, cells, on=None, year=year)
    donor = cells.text("donor", max_length=255)
    country = _country_code(context, cells, "donor_country", required=False)
    sector = _sector_code(context, cells)
    measure = cells.choice("measure", "measure")
    amount = cells.get("amount", parse_amount, memo="amount")
    currency = cells.get("currency", lambda v: _currency(context, v), memo="currency")
    title = cells.text("title", max_length=500)
    source = _source(context, cells)
    if problems or any(
        v is None for v in (year, province, sector, measure, amount, currency, title, donor)
    ):
        return {}
    assert province is not None and year is not None and amount is not None
    try:
        vnd_rate = context.directory.vnd_per_unit(year, currency)
        usd_rate = context.directory.vnd_per_unit(year, "USD")
    except LookupProblem as error:
        cells.problem("currency", error)
        return {}
    amount_vnd = int((amount * vnd_rate).to_integral_value(ROUND_HALF_UP))
    if currency == "USD":
        amount_usd = amount
    else:
        amount_usd = (Decimal(amount_vnd) / usd_rate).quantize(Decimal("0.01"), ROUND_HALF_UP)
    for column, computed in (("amount_vnd", Decimal(amount_vnd)), ("amount_usd", amount_usd)):
        given = cells.raw(column)
        if given is None:
            continue
        try:
            same = parse_decimal(given) == computed
        except ParseProblem:
            same = False
        if not same:
            cells.problem(
                column,
                DataProblem("derived.mismatch", value=quote(given), expected=grouped(computed)),
            )
    if problems:
        return {}
    return {
        "year": year,
        "province_id": province.id,
        "province_2025_id": province.current_unit_id,
        "province_63_id": province.legacy_unit_id,
        "donor": donor,
        "country_code": country,
        "sector_code": sector,
        "measure": measure,
        "amount": amount,
        "currency": currency,
        "amount_vnd": amount_vnd,
        "amount_usd": amount_usd,
        "title": title,
        "source": source,
        "row_key": _digest(
            "aid",
            year,
            province.id,
            fast_fold(donor or ""),
            sector,
            measure,
            fast_fold(title or ""),
        ),
        "row_hash": _digest(country, _canonical(amount), currency, donor, title),
    }


def _normalize_exchange(
    context: _Context, number: int, row: Mapping[str, Any], problems: list[RowProblem]
) -> dict[str, Any]:
    cells = _Row(number, row, problems, context)
    day = cells.get("date", parse_date, memo="date")
    if day is not None and cells.raw("year") is not None:
        year = cells.get("year", parse_year, memo="year")
        if year is not None and year != day.year:
            cells.problem(
                "year",
                DataProblem("year.date_mismatch", year=year, date=day.strftime("%d/%m/%Y")),
            )
    province = _province(context, cells, on=day, year=None)
    country = _country_code(context, cells, "partner_country", required=False)
    locality = cells.text("partner_locality", max_length=120, required=False)
    direction = cells.choice("direction", "direction")
    kind = cells.choice("kind", "kind")
    participants = cells.get("participants", parse_count, required=False, memo="count")
    title = cells.text("title", max_length=500)
    source = _source(context, cells)
    if problems or any(v is None for v in (day, province, direction, kind, title)):
        return {}
    assert day is not None and province is not None
    return {
        "date": day,
        "year": day.year,
        "province_id": province.id,
        "province_2025_id": province.current_unit_id,
        "province_63_id": province.legacy_unit_id,
        "country_code": country,
        "partner_locality": locality,
        "direction": direction,
        "kind": kind,
        "participants": participants,
        "title": title,
        "source": source,
        "row_key": _digest(
            "exchanges", day, province.id, country, direction, kind, fast_fold(title or "")
        ),
        "row_hash": _digest(locality, participants, title),
    }


def _link_organizations(
    session: Session,
    records: list[dict[str, Any]],
    rows: list[dict[str, Any]],
    batch: ImportBatch,
) -> None:
    """Members rows may name an association not loaded before: create it, then link the rows."""
    # Read under the load lock, so that two loads never create the same association; one created
    # here belongs to the load (its batch) and goes when the load is undone.
    organizations = {org.row_key: org for org in session.scalars(select(Organization))}
    for record, row in zip(records, rows, strict=True):
        key = record["_organization_key"]
        organization = organizations.get(key)
        if organization is None:
            organization = Organization(
                kind=OrganizationKind.FRIENDSHIP_ASSOCIATION.value,
                name=record["_organization_name"],
                province_id=row["province_id"],
                country_code=row["country_code"],
                source=row["source"],
                batch_id=batch.id,
                row_key=key,
                # As an organizations load would hash it (no district, date, parent), so that
                # loading the organisations extract back changes nothing.
                row_hash=_digest(
                    OrganizationKind.FRIENDSHIP_ASSOCIATION.value,
                    row["country_code"],
                    None,
                    None,
                    None,
                ),
            )
            session.add(organization)
            session.flush()
            organizations[key] = organization
        row["organization_id"] = organization.id


_MODELS: dict[str, type[SQLModel]] = {
    "organizations": Organization,
    "members": Membership,
    "aid": Aid,
    "exchanges": Exchange,
}
_NORMALIZERS: dict[
    str, Callable[[_Context, int, Mapping[str, Any], list[RowProblem]], dict[str, Any]]
] = {
    "organizations": _normalize_organization,
    "members": _normalize_membership,
    "aid": _normalize_aid,
    "exchanges": _normalize_exchange,
}
