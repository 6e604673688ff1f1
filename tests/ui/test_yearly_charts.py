"""The yearly report names the dashboard's charts by key: every key it emits is in the catalogue."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from datastore.models.reference import ProvinceList
from datastore.yearly.build import build_report
from ui.catalog import CHARTS


def test_every_chart_of_the_report_is_a_catalogue_chart(small: Session) -> None:
    keys = {chart.key for chart in CHARTS}
    for province in ("75", None):
        found = build_report(
            small,
            province_list=ProvinceList.CURRENT,
            province=province,
            year=2020,
            lang="vi",
            issued_on=date(2026, 11, 30),
        )
        emitted = [chart.chart for part in found.sections for chart in part.charts]
        assert len(emitted) >= 3
        assert set(emitted) <= keys
