"""What every `python -m datastore` command module shares: exit codes, messages, the URL option.

Its own module so that datastore.cli, which registers the commands, and the modules that hold
them (cli_import, cli_user) import it without importing each other.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from gettext import gettext
from typing import Any, NoReturn

from i18n.catalogue import bilingual

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

SubParsers = Any  # argparse's _SubParsersAction, private in typeshed
Handler = Callable[[argparse.Namespace], int]


class UsageProblem(Exception):
    """A value on the command line that names nothing; the command writes nothing."""


# argparse's own wording, in whatever language its gettext catalogue gives.
_UNRECOGNIZED = gettext("unrecognized arguments: %s").partition("%s")[0]


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser, except that arguments it does not know are counted, never repeated.

    A stray argument may be a password typed on the command line; repeating it would put it on
    the screen and in logs.
    """

    def error(self, message: str) -> NoReturn:
        """Print the usage and the problem, then exit with status 2."""
        if message.startswith(_UNRECOGNIZED):
            message = bilingual("cli.unrecognized_arguments")
        super().error(message)


# Options that look like a password given on the command line (including abbreviations of
# --password-stdin with a value): refused before parsing, so argparse never echoes the value.
_PASSWORD_OPTIONS = ("--pass", "--pw", "--secret")


def password_in_arguments(argv: Sequence[str]) -> bool:
    """Whether the command line seems to carry a password, which it never should."""
    for token in argv:
        if token == "--":
            break
        option, has_value, _ = token.partition("=")
        if option == "--password-stdin" and not has_value:
            continue
        if option.startswith(_PASSWORD_OPTIONS):
            return True
    return False


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
