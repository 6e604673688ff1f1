"""What every `python -m datastore` command module shares: exit codes, messages, the URL option.

Its own module so that datastore.cli, which registers the commands, and the modules that hold
them (cli_import, cli_user) import it without importing each other.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from i18n.catalogue import bilingual

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

SubParsers = Any  # argparse's _SubParsersAction, private in typeshed
Handler = Callable[[argparse.Namespace], int]


class UsageProblem(Exception):
    """A value on the command line that names nothing; the command writes nothing."""


class CommandFailed(Exception):
    """The command could not finish (a file it could not write); the message says why."""


def say(message: str) -> None:
    """A message for the person at the terminal (stderr)."""
    print(message, file=sys.stderr)


def add_database_option(parser: argparse.ArgumentParser, *, suppress_default: bool = True) -> None:
    """`--database-url URL`, standing for DATABASE_URL."""
    # On a subcommand the default is suppressed so it does not hide a value given before it.
    parser.add_argument(
        "--database-url",
        metavar="URL",
        default=argparse.SUPPRESS if suppress_default else None,
        help=bilingual("cli.help.database_url"),
    )
