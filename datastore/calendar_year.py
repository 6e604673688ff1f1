"""The calendar year of a date column in SQL, as cheaply as each database reads it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer, extract
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class CalendarYear(FunctionElement[int]):
    """EXTRACT(year FROM a date); on SQLite the first four characters of its stored text."""

    type = Integer()
    name = "calendar_year"
    inherit_cache = True


@compiles(CalendarYear)
def _extract(element: CalendarYear, compiler: SQLCompiler, **kw: Any) -> str:
    (date,) = element.clauses
    return compiler.process(extract("year", date), **kw)


@compiles(CalendarYear, "sqlite")
def _leading_digits(element: CalendarYear, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLAlchemy stores a SQLite DATE as 'YYYY-MM-DD' text, and every date here is after 1945:
    # its year is its first four characters, read without strftime parsing the whole date
    # (which took half of every aid chart query's time).
    return f"CAST(substr({compiler.process(element.clauses, **kw)}, 1, 4) AS INTEGER)"


def calendar_year(date: ColumnElement[Any]) -> ColumnElement[int]:
    """The year of a date column, as an integer."""
    return CalendarYear(date)
