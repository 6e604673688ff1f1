"""Where `--out` may write: a new file or a regular one, never the database; replaced whole.

The file is written beside the target under a temporary name and renamed over it once complete,
and only over a regular file: never over the database (or its -wal, -shm, -journal), a folder,
a symbolic link, a device, a FIFO or a socket, each refused with a message naming the path.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.engine import make_url

from datastore.cli_common import CommandFailed, UsageProblem
from datastore.config import settings
from i18n.catalogue import bilingual

DATABASE_SUFFIXES = ("", "-wal", "-shm", "-journal")  # SQLite's own files beside the database
NAME_MAX = 255  # bytes of one file name on the usual file systems
_SHOWN = 60  # characters of an over-long name shown in its message


def database_files(database_url: str | None) -> list[Path]:
    """The files of the SQLite database at `database_url` (the configured one if None)."""
    url = make_url(database_url or settings().database_url)
    name = url.database or ""
    if url.get_backend_name() != "sqlite" or name in ("", ":memory:"):
        return []
    path = Path(name.removeprefix("file:"))  # a URI filename (?mode=ro&uri=true)
    return [path.with_name(path.name + suffix) for suffix in DATABASE_SUFFIXES]


def check_out_path(path: Path, *, database_url: str | None) -> None:
    """UsageProblem unless `path` names a new file or a regular one that is not the database."""
    shown = str(path)
    if len(os.fsencode(path.name)) > _name_max(path.parent):
        raise UsageProblem(
            bilingual(
                "cli.out.name_too_long",
                name=path.name[:_SHOWN],
                length=len(os.fsencode(path.name)),
                limit=_name_max(path.parent),
            )
        )
    folder = path.parent
    if not folder.exists():
        raise UsageProblem(bilingual("cli.out.no_folder", folder=str(folder), path=shown))
    if not folder.is_dir():
        raise UsageProblem(bilingual("cli.out.parent_not_folder", folder=str(folder)))
    if _is_database(path, database_url):
        raise UsageProblem(bilingual("cli.out.is_database", path=shown))
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise UsageProblem(_os_problem(path, error)) from error
    if stat.S_ISDIR(mode):
        raise UsageProblem(bilingual("cli.out.is_folder", path=shown))
    if stat.S_ISLNK(mode):
        raise UsageProblem(bilingual("cli.out.is_link", path=shown))
    if not stat.S_ISREG(mode):
        raise UsageProblem(bilingual("cli.out.is_special", path=shown))


def _name_max(folder: Path) -> int:
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError):
        return NAME_MAX


def _is_database(path: Path, database_url: str | None) -> bool:
    """Whether `path` is the database or one of its files, by name or as the same file."""
    target = path.resolve()
    for own in database_files(database_url):
        if target == own.resolve():
            return True
        try:
            if own.exists() and path.exists() and os.path.samefile(own, path):
                return True  # a hard link, or another spelling of the same file
        except OSError:
            continue
    return False


def _os_problem(path: Path, error: OSError) -> str:
    """A message for an OSError about `path`: its own text, never a traceback."""
    if error.errno == errno.ENAMETOOLONG:
        return bilingual(
            "cli.out.name_too_long",
            name=path.name[:_SHOWN],
            length=len(os.fsencode(path.name)),
            limit=_name_max(path.parent),
        )
    return bilingual("cli.out.cannot_write", path=str(path), reason=error.strerror or error)


@contextmanager
def replacing(path: Path, *, database_url: str | None) -> Iterator[BinaryIO]:
    """A file that appears at `path` only once it is complete, and only if `path` may be used."""
    check_out_path(path, database_url=database_url)
    try:
        # A short prefix: a long target name plus the temporary parts must stay a valid name.
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, renamed on success
            dir=path.parent, prefix=f".{path.name[:32]}.", suffix=".part", delete=False
        )
    except OSError as error:
        raise CommandFailed(_os_problem(path, error)) from error
    try:
        with handle:
            yield handle  # type: ignore[misc]
        # A temporary file is private (0600); the extract gets the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(handle.name, 0o666 & ~umask)
        check_out_path(path, database_url=database_url)  # again: it may have changed meanwhile
        os.replace(handle.name, path)
    except OSError as error:
        Path(handle.name).unlink(missing_ok=True)
        raise CommandFailed(_os_problem(path, error)) from error
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
