"""`python -m datastore import|loads|undo|template`: load files, list and undo loads, get templates.

import FILE --kind K [--dry-run] [--user NAME] [--replaces N]
    Prints a summary (rows added, updated, unchanged; with --replaces, the rows of load N
    removed) and exits 0; a load N that may not be replaced exits 1. On any problem it prints
    every one (row, column, value, reason in Vietnamese then English), writes nothing and exits
    1; a file that cannot be read at all exits 1 too. Usage errors exit 2. The summary and the
    problems go to stdout (they are the command's result); progress goes to stderr.
loads [--limit N]
    The history of loads, newest first.
undo BATCH_ID [--user NAME]
    Reverses a whole load; exits 1 when it cannot be undone.
template KIND --format csv|xlsx [--out FILE]
    An empty file with the extract's columns (XLSX: with a guide sheet).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from sqlmodel import Session

from datastore.cli_common import EXIT_FAILED, EXIT_OK, UsageProblem, add_database_option, say
from datastore.cli_output import replacing
from datastore.load.files import check_size
from datastore.load.imports import import_file, phase_of
from datastore.load.problems import FileProblem, LoadRejected, RowProblem
from datastore.load.replace import ReplaceRefused
from datastore.load.templates import FORMATS, template_bytes
from datastore.load.undo import UndoRefused, list_loads, undo_load
from datastore.load.write import LoadSummary
from datastore.problems import DataProblem
from datastore.vocabulary import LOAD_ORDER, as_kind
from i18n.catalogue import bilingual, t
from i18n.formatting import format_stamp, load_numbers, one_line, quote


def add_import_parser(subparsers: Any) -> None:
    """Register `import`, `loads`, `undo` and `template`."""

    importing = subparsers.add_parser(
        "import",
        help=bilingual("cli.help.import"),
        description=bilingual("cli.help.import_description"),
    )
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.add_argument("--kind", required=True, choices=LOAD_ORDER)
    importing.add_argument(
        "--dry-run",
        action="store_true",
        help=bilingual("cli.help.dry_run"),
    )
    importing.add_argument("--user", metavar="NAME", help=bilingual("cli.help.import_user"))
    importing.add_argument("--replaces", type=int, metavar="N", help=bilingual("cli.help.replaces"))
    add_database_option(importing)
    importing.set_defaults(handler=run_import)

    loads = subparsers.add_parser("loads", help=bilingual("cli.help.loads"))
    loads.add_argument("--limit", type=int, default=50, metavar="N")
    add_database_option(loads)
    loads.set_defaults(handler=run_loads)

    undo = subparsers.add_parser("undo", help=bilingual("cli.help.undo"))
    undo.add_argument("batch_id", type=int, metavar="BATCH_ID")
    undo.add_argument("--user", metavar="NAME", help=bilingual("cli.help.undo_user"))
    add_database_option(undo)
    undo.set_defaults(handler=run_undo)

    template = subparsers.add_parser("template", help=bilingual("cli.help.template"))
    template.add_argument("kind", choices=LOAD_ORDER)
    template.add_argument("--format", dest="fmt", choices=FORMATS, default="xlsx")
    template.add_argument("--out", type=Path, metavar="FILE", help="default: stdout")
    template.set_defaults(handler=run_template)


def _user(args: argparse.Namespace) -> str:
    if args.user:
        return str(args.user)
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name, e.g. in a container
        return "cli"


def problem_line(problem: RowProblem) -> str:
    """One problem on one line: row, column, value, reason (Vietnamese / English)."""
    return (
        f"{_words('load.row')} {problem.row} | {_words('load.column')} {problem.column} | "
        f"{_words('load.value')} {quote(problem.value)} | {problem.reason} / {problem.reason_en}"
    )


def _words(key: str) -> str:
    """A word in both languages, as a heading is written here: "dòng/row"."""
    return bilingual(key, between="/")


class _ProgressLines:
    """Progress on stderr: a line per phase and per tenth, so a log shows how far it got."""

    def __init__(self) -> None:
        self.last: tuple[str, int] | None = None

    def __call__(self, fraction: float) -> None:
        phase = phase_of(fraction)
        step = (phase, int(fraction * 10))
        if step == self.last:
            return
        self.last = step
        label = bilingual(phase)
        print(f"[{fraction:4.0%}] {label}", file=sys.stderr, flush=True)


def run_import(args: argparse.Namespace) -> int:
    """Load one file; every problem listed, nothing written unless the whole file is right."""
    from datastore.db import get_engine

    path: Path = args.file
    if not path.is_file():
        raise UsageProblem(bilingual("cli.no_file", file=str(path)))
    try:
        check_size(path.stat().st_size)  # before reading a byte of it
        data = path.read_bytes()
        with Session(get_engine(args.database_url)) as session:
            summary = import_file(
                session=session,
                kind=as_kind(args.kind),
                data=data,
                file_name=path.name,
                created_by=_user(args),
                dry_run=args.dry_run,
                progress=_ProgressLines(),
                replaces=args.replaces,
            )
    except ReplaceRefused as refused:
        print(_two_languages("cli.replace_refused", refused))
        return EXIT_FAILED
    except FileProblem as refused:
        print(_two_languages("cli.file_problem", refused))
        return EXIT_FAILED
    except LoadRejected as rejected:
        for problem in rejected.problems:
            print(problem_line(problem))
        print(bilingual("cli.rejected", count=len(rejected.problems)))
        return EXIT_FAILED
    _print_summary(summary, one_line(path.name))
    return EXIT_OK


def _print_summary(summary: LoadSummary, file_name: str) -> None:
    params = {
        "file": file_name,
        "rows": summary.rows,
        "added": summary.added,
        "updated": summary.updated,
        "unchanged": summary.unchanged,
    }
    print(t("cli.summary", "vi", **params))
    print(t("cli.summary", "en", **params))
    if summary.sheet is not None:
        print(bilingual("cli.sheet_read", sheet=quote(summary.sheet)))
    if summary.replaces is not None:
        removed, restored = summary.removed, summary.restored
        print(bilingual("cli.replaced", batch=summary.replaces, removed=removed, restored=restored))
    if summary.kept:
        print(bilingual("cli.kept", rows=summary.kept, loads=load_numbers(summary.kept_by)))
    if summary.dry_run:
        print(bilingual("cli.dry_run"))
    else:
        print(bilingual("cli.saved", batch=summary.batch_id))


def run_loads(args: argparse.Namespace) -> int:
    """Print the history of loads."""
    from datastore.db import get_engine

    with Session(get_engine(args.database_url)) as session:
        frame = list_loads(session=session, limit=args.limit)
    if frame.empty:
        print(bilingual("import.history_empty"))
        return EXIT_OK
    kind, at, by = (
        _words("cli.loads.kind"),
        _words("cli.loads.at") + " (UTC)",
        _words("cli.loads.by"),
    )
    # The counts' headings are short: a sign and the Vietnamese word.
    added, updated, unchanged = (
        sign + t(f"cli.loads.{name}", "vi")
        for sign, name in (("+", "added"), ("~", "updated"), ("=", "unchanged"))
    )
    header = (
        f"{'#':>5}  {kind:<13} {at:<16}  {by:<12} {added:>7} {updated:>7} {unchanged:>7}  "
        f"{_words('cli.loads.file')} (sha256)  {_words('cli.loads.status')}"
    )
    print(header)
    for row in frame.to_dict("records"):
        # One load a line, whatever a name holds (rows stored before names were cleaned too).
        status = "demo" if row["is_demo"] else ""
        if row["undone_at"] is not None and row["undone_at"] == row["undone_at"]:
            when = format_stamp(row["undone_at"])
            undone = f"{_words('cli.loads.undone')} {when} {one_line(str(row['undone_by']))}"
            status = f"{status} {undone}".strip()
        by = one_line(str(row["created_by"]))[:12]
        print(
            f"{row['id']:>5}  {row['kind']:<13} {format_stamp(row['created_at'])}  "
            f"{by:<12} {row['rows_added']:>7} {row['rows_updated']:>7} "
            f"{row['rows_unchanged']:>7}  {one_line(str(row['file_name']))} "
            f"({str(row['checksum'])[:12]})  {status}"
        )
    return EXIT_OK


def run_undo(args: argparse.Namespace) -> int:
    """Undo one load as a whole."""
    from datastore.db import get_engine

    with Session(get_engine(args.database_url)) as session:
        try:
            summary = undo_load(session=session, batch_id=args.batch_id, user=_user(args))
        except UndoRefused as refused:
            print(_two_languages("cli.undo_refused", refused))
            return EXIT_FAILED
    print(
        bilingual(
            "cli.undone",
            batch=summary.batch_id,
            kind=summary.kind,
            removed=summary.rows_removed,
            restored=summary.rows_restored,
        )
    )
    if summary.rows_kept:
        print(bilingual("cli.kept", rows=summary.rows_kept, loads=load_numbers(summary.kept_by)))
    if summary.replaced is not None:
        print(bilingual("cli.back_in_place", batch=summary.replaced))
    return EXIT_OK


def _two_languages(message_id: str, problem: DataProblem) -> str:
    """A message wrapping a problem, each language with the problem in that language."""
    vi = t(message_id, "vi", problem=problem.message_vi)
    en = t(message_id, "en", problem=problem.message_en)
    return f"{vi} / {en}"


def run_template(args: argparse.Namespace) -> int:
    """Write an empty template to --out or stdout."""

    if args.out is None and args.fmt == "xlsx" and sys.stdout.isatty():
        raise UsageProblem(bilingual("cli.xlsx_to_terminal"))
    data = template_bytes(as_kind(args.kind), args.fmt)
    if args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    with replacing(args.out, database_url=args.database_url) as out:
        out.write(data)
    say(bilingual("cli.template_written", kind=args.kind, out=str(args.out)))
    return EXIT_OK
