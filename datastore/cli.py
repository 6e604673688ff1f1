"""`python -m datastore`: bring the database up to date and take extracts from it.

Each subcommand is one `add_<name>_parser(subparsers)` function that registers its parser and
sets `handler`, a function from the parsed arguments to an exit code; SUBCOMMANDS lists them,
so a new command (import, user, ...) lives in its own module and adds one line here.
Messages go to stderr, Vietnamese first, English second; data goes to stdout or --out.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlmodel import Session

from datastore.cli_common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    ArgumentParser,
    CommandFailed,
    Handler,
    SubParsers,
    UsageProblem,
    add_database_option,
    password_in_arguments,
    say,
)
from datastore.cli_output import check_out_path, replacing
from datastore.db import get_engine
from datastore.errors import database_cause, database_message_bilingual
from datastore.filters import Filters
from datastore.models.facts import Direction, ExchangeKind, Measure
from datastore.models.reference import Province, ProvinceList
from datastore.reference.directory import Directory, LookupProblem
from datastore.vietnamese import fold
from datastore.vocabulary import DATA_KINDS, as_kind
from i18n.catalogue import DEFAULT_LANGUAGE, LANGUAGES, bilingual, t

# migrate ------------------------------------------------------------------------------------


def add_migrate_parser(subparsers: SubParsers) -> None:
    """`migrate`: schema to the newest revision, reference data refreshed."""
    parser = subparsers.add_parser(
        "migrate",
        help=bilingual("cli.help.migrate"),
    )
    add_database_option(parser)
    parser.set_defaults(handler=run_migrate)


def run_migrate(args: argparse.Namespace) -> int:
    """Run the migrations on the configured database."""
    from datastore.migrate import migrate

    migrate(args.database_url)
    say(bilingual("cli.migrated"))
    return EXIT_OK


# rollups ------------------------------------------------------------------------------------


def add_rollups_parser(subparsers: SubParsers) -> None:
    """`rollups`: recompute the exchange rollups from the facts."""
    parser = subparsers.add_parser(
        "rollups",
        help=bilingual("cli.help.rollups"),
    )
    add_database_option(parser)
    parser.set_defaults(handler=run_rollups)


def run_rollups(args: argparse.Namespace) -> int:
    """Rebuild every exchange rollup in one transaction."""
    from datastore.rollups import rebuild_rollups

    with Session(get_engine(args.database_url)) as session:
        years = rebuild_rollups(session=session)
        session.commit()
    say(bilingual("cli.rollups_rebuilt", years=years))
    return EXIT_OK


# export -------------------------------------------------------------------------------------

_APPLIES_TO = {
    "sector": ("aid",),
    "measure": ("aid",),
    "direction": ("exchanges",),
    "kind": ("exchanges",),
    "year_from": ("members", "aid", "exchanges"),
    "year_to": ("members", "aid", "exchanges"),
}


def add_export_parser(subparsers: SubParsers) -> None:
    """`export KIND [filters] [--format] [--out]`: one extract, streamed."""
    parser = subparsers.add_parser(
        "export",
        help=bilingual("cli.help.export"),
        description=bilingual("cli.help.export_description"),
    )
    parser.add_argument("kind", choices=DATA_KINDS)
    parser.add_argument(
        "--province",
        action="append",
        default=[],
        metavar="P",
        help=bilingual("cli.help.province"),
    )
    parser.add_argument(
        "--province-list",
        choices=[p.value for p in ProvinceList],
        help=f"34 ({bilingual('cli.help.province_list')}) {bilingual('cli.or', between='/')} 63",
    )
    parser.add_argument("--year-from", type=int, metavar="Y")
    parser.add_argument("--year-to", type=int, metavar="Y")
    parser.add_argument(
        "--country", action="append", default=[], metavar="C", help="alpha-3 or name (repeatable)"
    )
    parser.add_argument(
        "--sector", action="append", default=[], metavar="S", help="DAC code or name (aid only)"
    )
    parser.add_argument("--measure", choices=[m.value for m in Measure], help="aid only")
    parser.add_argument("--direction", choices=[d.value for d in Direction], help="exchanges only")
    parser.add_argument(
        "--kind",
        dest="kinds",
        action="append",
        default=[],
        choices=[k.value for k in ExchangeKind],
        help="exchanges only (repeatable)",
    )
    parser.add_argument("--format", dest="fmt", choices=("csv", "xlsx"), default="csv")
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help=bilingual("extract.cli_lang")
    )
    parser.add_argument("--out", type=Path, metavar="FILE", help="file to write; default stdout")
    add_database_option(parser)
    parser.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    """Resolve the filters, then stream the extract to --out or stdout."""
    from datastore.export import export

    if args.out is None and args.fmt == "xlsx" and sys.stdout.isatty():
        raise UsageProblem(bilingual("cli.export_to_terminal"))
    if args.out is not None:
        check_out_path(args.out, database_url=args.database_url)  # before reading anything
    with Session(get_engine(args.database_url)) as session:
        filters = filters_from_args(args, session=session)
        _warn_unused_options(args)
        kind = as_kind(args.kind)  # argparse's choices already held it to the kinds
        if args.out is None:
            stdout = sys.stdout.buffer
            export(kind, session=session, filters=filters, fmt=args.fmt, out=stdout, lang=args.lang)
            stdout.flush()
            return EXIT_OK
        with replacing(args.out, database_url=args.database_url) as out:
            rows = export(
                kind, session=session, filters=filters, fmt=args.fmt, out=out, lang=args.lang
            )
    say(bilingual("cli.export_written", rows=rows, out=args.out))
    return EXIT_OK


def _warn_unused_options(args: argparse.Namespace) -> None:
    """Say which given filters do not apply to the kind of extract (they are ignored)."""
    for option, kinds in _APPLIES_TO.items():
        value = getattr(args, "kinds" if option == "kind" else option)
        if value not in (None, []) and args.kind not in kinds:
            flag = "--" + option.replace("_", "-")
            say(bilingual("cli.option_ignored", flag=flag, kind=args.kind))


def filters_from_args(args: argparse.Namespace, *, session: Session) -> Filters:
    """A Filters value from the export options, or UsageProblem naming the first bad value."""
    if args.year_from is not None and args.year_to is not None and args.year_from > args.year_to:
        raise UsageProblem(bilingual("cli.years_reversed", start=args.year_from, end=args.year_to))
    province_list = ProvinceList(args.province_list or ProvinceList.CURRENT.value)
    provinces: list[Province] = []
    countries: list[str] = []
    sectors: list[str] = []
    # The directory reads every reference table: only needed when names or codes were typed.
    if args.province or args.country or args.sector:
        directory = Directory.load(session=session)
        province_list, provinces = resolve_provinces(
            directory, args.province, explicit_list=args.province_list
        )
        countries = resolve_countries(directory, args.country)
        sectors = resolve_sectors(directory, args.sector)
    return Filters(
        province_list=province_list,
        provinces=_unique(p.code for p in provinces),
        year_from=args.year_from,
        year_to=args.year_to,
        countries=_unique(countries),
        sectors=_unique(sectors),
        measure=args.measure,
        direction=args.direction,
        kinds=_unique(args.kinds),
    )


def resolve_countries(directory: Directory, values: Sequence[str]) -> list[str]:
    """Alpha-3 codes of countries given by code or by Vietnamese or English name."""
    codes: list[str] = []
    for value in values:
        try:
            codes.append(directory.resolve_country(value).code)
        except LookupProblem as problem:
            raise UsageProblem(_not_found("cli.no_country", value, problem)) from problem
    return codes


def resolve_provinces(
    directory: Directory, values: Sequence[str], *, explicit_list: str | None
) -> tuple[ProvinceList, list[Province]]:
    """Provinces in one list; a name found only among the 63 old provinces selects that list."""
    chosen = ProvinceList(explicit_list or ProvinceList.CURRENT.value)
    found = [_resolve_province(directory, value, chosen) for value in values]
    strangers = [(v, p) for v, p in zip(values, found, strict=True) if p.province_list != chosen]
    if not strangers:
        return chosen, found
    value, province = strangers[0]
    if explicit_list is None and province.province_list == ProvinceList.LEGACY.value:
        if any(_is_code(v) for v in values):
            raise UsageProblem(bilingual("cli.legacy_with_codes", value=value))
        say(bilingual("cli.legacy_list_chosen", value=value))
        legacy = ProvinceList.LEGACY
        return legacy, [_resolve_province(directory, v, legacy) for v in values]
    today = directory.current_unit(province)
    names = {"value": value, "chosen": chosen.value, "today": today.short_name}
    advice = t(
        "cli.choose_list_or_unit", "en", today=today.short_name, other=province.province_list
    )
    raise UsageProblem(f"{bilingual('cli.not_in_list', **names)}; {advice}")


def _resolve_province(directory: Directory, value: str, province_list: ProvinceList) -> Province:
    try:
        if _is_code(value):
            return directory.province(province_list, value.strip())
        return directory.resolve_province(value, province_list=province_list)
    except LookupProblem as problem:
        raise UsageProblem(_not_found("cli.no_province", value, problem)) from problem


def _is_code(value: str) -> bool:
    text = value.strip()
    return text.isdigit() and len(text) <= 2


def resolve_sectors(directory: Directory, values: Sequence[str]) -> list[str]:
    """DAC codes; a group name such as "Y tế" means every code of the group."""
    codes: list[str] = []
    for value in values:
        key = fold(value)
        own_names = {
            fold(word)
            for s in directory.sectors.values()
            for word in (s.code, s.name_vi, s.name_en)
        }
        group = [
            s.code
            for s in directory.sectors.values()
            if key in (fold(s.group_vi), fold(s.group_en))
        ]
        if group and key not in own_names:
            codes.extend(sorted(group))
            continue
        try:
            codes.append(directory.resolve_sector(value).code)
        except LookupProblem as problem:
            raise UsageProblem(_not_found("cli.no_sector", value, problem)) from problem
    return codes


def _not_found(message_id: str, value: str, problem: LookupProblem) -> str:
    """What was not found, in Vietnamese, then the lookup's own message (in English)."""
    return f"{t(message_id, 'vi', value=value)} / {problem}"


def _unique(values: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


# Parser and entry point ---------------------------------------------------------------------

SUBCOMMANDS: list[Callable[[SubParsers], None]] = [
    add_migrate_parser,
    add_rollups_parser,
    add_export_parser,
]


def build_parser() -> argparse.ArgumentParser:
    """The parser of `python -m datastore` with every registered subcommand."""
    parser = ArgumentParser(
        prog="python -m datastore",
        description=bilingual("cli.description"),
    )
    add_database_option(parser, suppress_default=False)
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add_parser in SUBCOMMANDS:
        add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if password_in_arguments(arguments):
        say(f"{bilingual('cli.error')}: {bilingual('cli.password_as_argument')}")
        return EXIT_USAGE
    args = build_parser().parse_args(arguments)
    handler: Handler = args.handler
    try:
        return handler(args)
    except UsageProblem as problem:
        say(f"{bilingual('cli.error')}: {problem}")
        return EXIT_USAGE
    except CommandFailed as failure:
        say(f"{bilingual('cli.error')}: {failure}")
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); say nothing more on a closed pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as error:
        # The cause only: an error's own text holds its SQL and values (a password hash too).
        if database_cause(error) is None:
            raise
        say(f"{bilingual('cli.error')}: {database_message_bilingual(error)}")
        return EXIT_FAILED


from datastore.cli_import import add_import_parser  # noqa: E402 - import, loads, undo, template
from datastore.cli_user import add_user_parser  # noqa: E402 - each command in its own module
from documents.cli import add_report_parser  # noqa: E402 - writes files above the data layer

SUBCOMMANDS.append(add_user_parser)
SUBCOMMANDS.append(add_import_parser)
SUBCOMMANDS.append(add_report_parser)
