"""Importing aid with a period and a donor kind: defaults, bilingual checks, round trip."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from sqlmodel import Session, col, select

from datastore.export import export
from datastore.filters import Filters
from datastore.load.imports import import_file
from datastore.load.problems import LoadRejected, RowProblem
from datastore.load.records import validate_rows
from datastore.models.facts import Aid
from tests.utils.bad_files import csv_bytes

ROW: dict[str, Any] = {
    "year": 2020,
    "province": "Đồng Nai",
    "donor": "Các tổ chức phi chính phủ nước ngoài (tổng hợp)",
    "sector_code": "430",
    "measure": "committed",
    "amount": 300_000_000_000,
    "currency": "VND",
    "title": "Viện trợ PCPNN lũy kế đến năm 2020",
}


COLUMNS = [*ROW, "period_start", "period_end", "donor_kind"]


def _csv(rows: list[dict[str, Any]]) -> bytes:
    return csv_bytes("aid", rows, columns=COLUMNS)


def _problems(session: Session, **changes: Any) -> list[RowProblem]:
    _, problems = validate_rows(session=session, kind="aid", rows=[{**ROW, **changes}])
    return problems


def test_a_row_without_period_or_kind_is_its_calendar_year_and_a_foreign_ngo(
    session: Session,
) -> None:
    records, problems = validate_rows(session=session, kind="aid", rows=[ROW])
    assert problems == []
    assert (records[0]["period_start"], records[0]["period_end"]) == (
        date(2020, 1, 1),
        date(2020, 12, 31),
    )
    assert records[0]["donor_kind"] == "foreign_ngo"


@pytest.mark.parametrize(
    ("changes", "kind"),
    [
        ({"period_start": "01/01/2013", "period_end": "31/12/2020"}, "foreign_ngo"),
        ({"period_start": "2013-01-01", "donor_kind": "trong nước"}, "domestic"),
        ({"donor_kind": "Other foreign"}, "foreign_other"),
        ({"donor_kind": "PCPNN"}, "foreign_ngo"),
    ],
)
def test_periods_and_kinds_are_read_in_either_language(
    session: Session, changes: dict[str, Any], kind: str
) -> None:
    records, problems = validate_rows(session=session, kind="aid", rows=[{**ROW, **changes}])
    assert problems == []
    assert records[0]["donor_kind"] == kind


def test_a_period_that_ends_before_it_starts_is_refused_naming_both_dates(
    session: Session,
) -> None:
    (problem,) = _problems(session, period_start="01/06/2020", period_end="31/03/2020")
    assert problem.column == "period_end"
    assert problem.reason == (
        "kỳ bắt đầu 01/06/2020, sau ngày kết thúc 31/03/2020; sửa lại ngày bắt đầu hoặc kết thúc"
    )
    assert problem.reason_en == (
        "the period starts 01/06/2020, after it ends 31/03/2020; correct the start or the end"
    )


def test_a_year_outside_its_period_is_refused(session: Session) -> None:
    (problem,) = _problems(session, period_start="01/01/2013", period_end="31/12/2018")
    assert problem.column == "year"
    assert problem.reason.startswith("năm 2020 nằm ngoài kỳ 01/01/2013–31/12/2018")
    assert problem.reason_en.startswith("year 2020 is outside the period 01/01/2013–31/12/2018")


def test_an_unknown_donor_kind_is_refused_listing_the_kinds(session: Session) -> None:
    (problem,) = _problems(session, donor_kind="chính phủ")
    assert problem.column == "donor_kind"
    assert problem.reason.startswith("“chính phủ” không hợp lệ; dùng một trong: ")
    assert "trong nước (domestic)" in problem.reason
    assert "domestic (trong nước)" in problem.reason_en


def test_a_date_that_is_not_one_is_refused(session: Session) -> None:
    (problem,) = _problems(session, period_start="31/02/2013")
    assert problem.column == "period_start"
    assert "31/02/2013" in problem.reason and "31/02/2013" in problem.reason_en


def test_this_years_period_ends_on_31_december_still_to_come(session: Session) -> None:
    this_year = date.today().year
    row = {**ROW, "year": this_year, "period_end": f"31/12/{this_year}"}
    records, problems = validate_rows(session=session, kind="aid", rows=[row])
    assert problems == []
    assert records[0]["period_end"] == date(this_year, 12, 31)


def test_an_extract_with_periods_and_kinds_loads_back_unchanged(session: Session) -> None:
    rows = [
        {**ROW, "period_start": "01/01/2013", "period_end": "31/12/2020"},
        {**ROW, "title": "Nhà tình nghĩa", "donor_kind": "domestic", "measure": "disbursed"},
        {**ROW, "title": "Dự án 2020", "sector_code": "121"},
    ]
    import_file(session=session, kind="aid", data=_csv(rows), file_name="a.csv", created_by="x")
    stored = session.exec(
        select(
            col(Aid.title), col(Aid.period_start), col(Aid.period_end), col(Aid.donor_kind)
        ).order_by(col(Aid.id))
    ).all()
    for fmt in ("csv", "xlsx"):
        buffer = io.BytesIO()
        written = export("aid", session=session, filters=Filters(), fmt=fmt, out=buffer)
        session.rollback()
        summary = import_file(
            session=session,
            kind="aid",
            data=buffer.getvalue(),
            file_name=f"a.{fmt}",
            created_by="x",
        )
        assert (summary.added, summary.updated, summary.unchanged) == (0, 0, written) == (0, 0, 3)
    assert (
        session.exec(
            select(
                col(Aid.title), col(Aid.period_start), col(Aid.period_end), col(Aid.donor_kind)
            ).order_by(col(Aid.id))
        ).all()
        == stored
    )
    # Changing only the period is a change of the row, not a new one.
    changed = [{**rows[0], "period_start": "01/01/2014"}]
    summary = import_file(
        session=session,
        kind="aid",
        data=_csv(changed),
        file_name="b.csv",
        created_by="x",
    )
    assert (summary.added, summary.updated) == (0, 1)
    with pytest.raises(LoadRejected):
        import_file(
            session=session,
            kind="aid",
            data=_csv([{**ROW, "donor_kind": "xyz"}]),
            file_name="c.csv",
            created_by="x",
        )
