"""`python -m datastore report`: a draft yearly report for one province (or the nation) as a file.

Registered in datastore.cli's SUBCOMMANDS; here because it writes documents, which sit above the
data layer. The province is typed as a code or a name, like the other commands' provinces.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

from sqlmodel import Session

from datastore.cli_common import EXIT_OK, SubParsers, UsageProblem, add_database_option, say
from datastore.cli_output import check_out_path, replacing
from datastore.db import get_engine
from datastore.models.reference import ProvinceList
from datastore.reference.directory import Directory
from datastore.vietnamese import fold
from datastore.yearly.document import YearlyReport
from i18n.catalogue import DEFAULT_LANGUAGE, LANGUAGES, bilingual

FORMATS = ("docx", "pdf")
FIRST_YEAR = 1950  # the union's records begin after 1950; the last is the current year


def add_report_parser(subparsers: SubParsers) -> None:
    """`report [--province P] [--province-list 34|63] --year Y [--format] [--lang] [--out]`."""
    parser = subparsers.add_parser("report", help=bilingual("report_file.help"))
    parser.add_argument("--province", metavar="P", help=bilingual("report_file.help_province"))
    parser.add_argument(
        "--province-list",
        choices=[p.value for p in ProvinceList],
        help=f"34 ({bilingual('cli.help.province_list')}) {bilingual('cli.or', between='/')} 63",
    )
    parser.add_argument(
        "--year", type=int, required=True, metavar="Y", help=bilingual("report_file.help_year")
    )
    # Without --format, the --out file's suffix says which (report.pdf), else DOCX.
    parser.add_argument("--format", dest="fmt", choices=FORMATS)
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=DEFAULT_LANGUAGE,
        help=bilingual("report_file.help_lang"),
    )
    parser.add_argument("--out", type=Path, metavar="FILE", help=bilingual("report_file.help_out"))
    add_database_option(parser)
    parser.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    """Resolve the province, build the report, write it whole to --out (or its default name)."""
    from datastore.cli import resolve_provinces  # the command line's own province lookup

    last_year = date.today().year  # a year not begun has nothing to report
    if not FIRST_YEAR <= args.year <= last_year:
        raise UsageProblem(
            bilingual("report_file.bad_year", year=args.year, low=FIRST_YEAR, high=last_year)
        )
    fmt = file_format(args.fmt, args.out)
    if args.out is not None:
        check_out_path(args.out, database_url=args.database_url)  # before reading anything
    with Session(get_engine(args.database_url)) as session:
        province_list = ProvinceList(args.province_list or ProvinceList.CURRENT.value)
        province: str | None = None
        slug = "ca-nuoc" if args.lang == "vi" else "viet-nam"
        if args.province is not None:
            directory = Directory.load(session=session)
            province_list, found = resolve_provinces(
                directory, [args.province], explicit_list=args.province_list
            )
            province, slug = found[0].code, file_slug(found[0].short_name)
        from datastore.yearly.build import build_report

        report = build_report(
            session,
            province_list=province_list,
            province=province,
            year=args.year,
            lang=args.lang,
            issued_on=date.today(),
        )
        out: Path = args.out or Path(default_name(report, slug, fmt))
        data = report_bytes(report, session, fmt)
    with replacing(out, database_url=args.database_url) as handle:
        handle.write(data)
    say(bilingual("report_file.written", out=out))
    return EXIT_OK


def file_format(chosen: str | None, out: Path | None) -> str:
    """The format asked for, else the one --out's suffix names, else DOCX; never both at odds."""
    suffix = out.suffix.lower().lstrip(".") if out is not None else ""
    if chosen is not None and suffix in FORMATS and suffix != chosen:
        # A PDF written into report.docx would open as a broken file.
        raise UsageProblem(bilingual("report_file.format_mismatch", fmt=chosen, out=out))
    return chosen or (suffix if suffix in FORMATS else "docx")


def report_bytes(report: YearlyReport, session: Session, fmt: str) -> bytes:
    """The report in one of FORMATS."""
    if fmt == "pdf":
        from documents.pdf import report_pdf

        return report_pdf(report, session)
    from documents.docx import report_docx

    return report_docx(report, session)


def file_slug(name: str) -> str:
    """A province's name as a file-name part: 'Đồng Nai' -> 'dong-nai'."""
    words = (fold(word) for word in name.split())
    return re.sub(r"[^a-z0-9]+", "-", "-".join(words)).strip("-") or "province"


def default_name(report: YearlyReport, slug: str, fmt: str) -> str:
    """ "bao-cao-nam-2024_dong-nai.docx", "yearly-report-2024_dong-nai.pdf" in English."""
    stem = "bao-cao-nam" if report.lang == "vi" else "yearly-report"
    return f"{stem}-{report.year}_{slug}.{fmt}"
