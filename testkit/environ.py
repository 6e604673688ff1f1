"""The one place development code changes this process's environment, for code that reads it."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager


@contextmanager
def overridden_environ(values: Mapping[str, str | None]) -> Iterator[None]:
    """Set (None: unset) these variables inside the block; put every one back on leaving.

    Only for code that runs in this process and reads the environment itself (AppTest runs the
    app here); a child process gets its variables through `env=` instead.
    """
    saved = {name: os.environ.get(name) for name in values}
    try:
        for name, value in values.items():
            _set(name, value)
        yield
    finally:
        for name, value in saved.items():
            _set(name, value)


def _set(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value
