"""`python -m datastore user add|list|set-role|set-password|set-email`: manage accounts.

Passwords are read from stdin (--password-stdin, one line) or typed twice at a terminal prompt,
never taken as an argument (it would show in the shell history and the process list).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from sqlmodel import Session

from datastore.accounts import (
    create_user,
    list_users,
    locked_until,
    set_email,
    set_password,
    set_role,
)
from datastore.cli_common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, add_database_option, say
from datastore.credentials import AccountProblem
from datastore.db import get_engine
from datastore.models.accounts import Role
from i18n.catalogue import bilingual, t
from i18n.formatting import format_stamp, one_line

ROLES = [role.value for role in Role]


def add_user_parser(subparsers: Any) -> None:
    """`user ...`: one subcommand with its own actions."""
    parser = subparsers.add_parser(
        "user",
        help=bilingual("cli.help.user"),
        description=bilingual("cli.help.user_description"),
    )
    add_database_option(parser)
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    add = actions.add_parser("add", help=bilingual("cli.help.user_add"))
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument("--email", metavar="E", help=bilingual("cli.help.email"))
    secret = add.add_mutually_exclusive_group()
    secret.add_argument(
        "--password-stdin", action="store_true", help=bilingual("cli.help.password_stdin")
    )
    secret.add_argument(
        "--no-password",
        action="store_true",
        help=bilingual("cli.help.no_password"),
    )
    add_database_option(add)
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", help=bilingual("cli.help.user_list"))
    add_database_option(listing)
    listing.set_defaults(handler=run_list)

    role = actions.add_parser("set-role", help=bilingual("cli.help.set_role"))
    role.add_argument("name", metavar="NAME")
    role.add_argument("role", choices=ROLES, metavar="ROLE")
    add_database_option(role)
    role.set_defaults(handler=run_set_role)

    password = actions.add_parser("set-password", help=bilingual("cli.help.set_password"))
    password.add_argument("name", metavar="NAME")
    password.add_argument("--password-stdin", action="store_true")
    add_database_option(password)
    password.set_defaults(handler=run_set_password)

    email = actions.add_parser("set-email", help=bilingual("cli.help.set_email"))
    email.add_argument("name", metavar="NAME")
    email.add_argument("email", metavar="EMAIL", help=bilingual("cli.help.remove_email"))
    add_database_option(email)
    email.set_defaults(handler=run_set_email)


class _NoPassword(Exception):
    """No password could be read; the message says why."""


def read_password(*, from_stdin: bool) -> str:
    """One line of stdin, or the password typed twice at a terminal."""
    if from_stdin:
        line = sys.stdin.readline()
        password = line.removesuffix("\n").removesuffix("\r")
        if not password:
            raise _NoPassword(bilingual("cli.no_password_on_stdin"))
        return password
    if not sys.stdin.isatty():
        raise _NoPassword(bilingual("cli.no_terminal"))
    first = getpass.getpass(bilingual("cli.password_prompt") + ": ")
    second = getpass.getpass(bilingual("cli.password_again") + ": ")
    if first != second:
        raise _NoPassword(bilingual("cli.passwords_differ"))
    return first


def _run(args: argparse.Namespace, action: Any) -> int:
    """Run one account action, turning its refusals into messages and exit codes."""
    try:
        with Session(get_engine(args.database_url)) as session:
            return int(action(session))
    except _NoPassword as problem:
        say(f"{bilingual('cli.error')}: {problem}")
        return EXIT_USAGE
    except AccountProblem as problem:
        vi, en = t("cli.error", "vi"), t("cli.error", "en")
        say(f"{vi}: {problem.message_vi} / {en}: {problem.message_en}")
        return EXIT_FAILED


def run_add(args: argparse.Namespace) -> int:
    """Create the account."""

    def action(session: Session) -> int:
        password = None if args.no_password else read_password(from_stdin=args.password_stdin)
        account = create_user(
            session=session, name=args.name, role=args.role, password=password, email=args.email
        )
        say(bilingual("cli.user_created", name=account.name, role=account.role))
        return EXIT_OK

    return _run(args, action)


def run_list(args: argparse.Namespace) -> int:
    """Every account, one per line, tab separated, on stdout."""

    def action(session: Session) -> int:
        print("name\trole\temail\tpassword\tlast_login_at\tlocked_until")
        for account in list_users(session=session):
            print(
                "\t".join(
                    one_line(value)  # a tab or a line end inside a value would break the line
                    for value in (
                        account.name,
                        account.role,
                        account.email or "",
                        "yes" if account.password_hash else "no",
                        _when(account.last_login_at),
                        _when(locked_until(session=session, name=account.name)),
                    )
                )
            )
        return EXIT_OK

    return _run(args, action)


def _when(moment: Any) -> str:
    return f"{format_stamp(moment, seconds=True)} UTC" if moment is not None else ""


def run_set_role(args: argparse.Namespace) -> int:
    """Change the role of an existing account."""

    def action(session: Session) -> int:
        account = set_role(session=session, name=args.name, role=args.role)
        say(bilingual("cli.role_set", name=account.name, role=account.role))
        return EXIT_OK

    return _run(args, action)


def run_set_password(args: argparse.Namespace) -> int:
    """Set a new password (also unlocks the account)."""

    def action(session: Session) -> int:
        password = read_password(from_stdin=args.password_stdin)
        account = set_password(session=session, name=args.name, password=password)
        say(bilingual("cli.password_set", name=account.name))
        return EXIT_OK

    return _run(args, action)


def run_set_email(args: argparse.Namespace) -> int:
    """Set or remove the e-mail an organisation sign-in maps to."""

    def action(session: Session) -> int:
        account = set_email(session=session, name=args.name, email=args.email or None)
        say(bilingual("cli.email_set", name=account.name, email=account.email or "-"))
        return EXIT_OK

    return _run(args, action)
