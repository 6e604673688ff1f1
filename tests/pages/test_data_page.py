"""The Data page: a preview in one language, without the table's own toolbar, and downloads that
hold every row they say."""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import openpyxl
import pandas as pd
import pytest
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from datastore.accounts import create_user
from datastore.config import PROJECT_ROOT
from datastore.db import get_engine
from datastore.export import export_bytes
from datastore.extracts import EXTRACT_COLUMNS
from datastore.extracts.reading import count_rows
from datastore.filters import Filters
from datastore.load.write import BatchInfo, load_rows
from datastore.models.accounts import Role
from datastore.queries.options import list_years
from datastore.vocabulary import DataKind
from i18n.catalogue import Lang, t
from i18n.formatting import format_number
from testkit.apptest import clear_streamlit_caches
from ui import extract_tab
from ui.extract_pass import TOKEN, Holder, link_secret, read_pass
from ui.extract_route import extract_href

ENTRY = PROJECT_ROOT / "dashboard.py"
PASSWORD = "mật khẩu của Minh 2026"
TIMEOUT = 60
KINDS: tuple[DataKind, ...] = ("members", "aid", "exchanges", "organizations")
GUANGXI = {
    "date": "01/05/2021",
    "province": "Lạng Sơn",
    "partner_country": "CHN",
    "partner_locality": "Quảng Tây",
    "direction": "outgoing",
    "kind": "cultural_exchange",
    "participants": 15,
    "title": "Giao lưu văn hóa biên giới",
}


@pytest.fixture
def with_guangxi(small_database: str) -> str:
    """The small dataset and one exchange with Guangxi, written the Vietnamese way."""
    with Session(get_engine(small_database)) as session:
        load_rows(
            session=session, kind="exchanges", rows=[GUANGXI], batch=BatchInfo(file_name="cn")
        )
        session.commit()
    clear_streamlit_caches()
    return small_database


def downloads(at: AppTest) -> dict[str, Any]:
    """The Data page's download links by widget key (ids end in "-<key>")."""
    return {button.proto.id.split("-", 2)[-1]: button.proto for button in at.get("link_button")}


def page_filters(url: str) -> Filters:
    """The filters the Data page starts with: every year."""
    with Session(get_engine(url)) as session:
        years = list_years(session=session)
    return Filters(year_from=min(years), year_to=max(years))


def open_data_page(lang: Lang) -> AppTest:
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    at.run()
    if lang != "vi":
        at.segmented_control(key="lang").set_value(lang).run()
    at.switch_page("pages/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def previews(at: AppTest) -> dict[str, pd.DataFrame]:
    return {kind: frame.value for kind, frame in zip(KINDS, at.dataframe, strict=True)}


def _rows(url: str, kind: DataKind) -> int:
    with Session(get_engine(url)) as session:
        return count_rows(kind, session=session, filters=Filters())


def test_the_english_preview_is_english_with_labels_beside_codes(with_guangxi: str) -> None:
    exchanges = previews(open_data_page("en"))["exchanges"]
    guangxi = exchanges[exchanges["kind_code"] == "cultural_exchange"].iloc[0]
    assert guangxi["Partner country"] == "China"
    assert guangxi["Partner locality"] == "Guangxi"
    assert (guangxi["Direction (incoming/outgoing)"], guangxi["direction_code"]) == (
        "Outgoing",
        "outgoing",
    )
    assert guangxi["Kind of activity"] == "Cultural exchange"
    countries = set(exchanges["Partner country"].dropna())
    assert {"Cambodia", "Laos", "United States"} <= countries
    assert not countries & {"Campuchia", "Lào", "Hoa Kỳ", "Trung Quốc"}


def test_the_vietnamese_preview_is_vietnamese(with_guangxi: str) -> None:
    exchanges = previews(open_data_page("vi"))["exchanges"]
    guangxi = exchanges[exchanges["kind_code"] == "cultural_exchange"].iloc[0]
    assert (guangxi["Nước đối tác"], guangxi["Địa phương đối tác"]) == ("Trung Quốc", "Quảng Tây")
    assert guangxi["Loại hoạt động"] == "Giao lưu văn hóa"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_short_preview_says_it_is_the_first_rows_and_the_downloads_hold_all(
    small_database: str, monkeypatch: pytest.MonkeyPatch, lang: Lang
) -> None:
    monkeypatch.setattr(extract_tab, "PREVIEW_ROWS", 2)
    at = open_data_page(lang)
    shown = previews(at)
    captions = [caption.value for caption in at.caption]
    buttons = downloads(at)
    for kind in KINDS:
        assert len(shown[kind]) == 2
        total = _rows(small_database, kind)
        assert total > 2
        assert t("extract.preview.first", lang, shown=2, total=total) in captions
        for fmt in ("csv", "xlsx"):
            assert buttons[f"download_{kind}_{fmt}"].label == t(
                f"extract.download.{fmt}", lang, rows=total
            )


def test_the_table_toolbar_of_every_preview_is_hidden(small_database: str) -> None:
    at = open_data_page("vi")
    styles = [element.proto.body for element in at.get("html")]
    assert any(
        f'[class*="st-key-{extract_tab.PREVIEW_KEY}_"] [data-testid="stElementToolbar"]' in style
        and "display: none" in style
        for style in styles
    )


def test_each_download_holds_every_row_it_says(small_database: str) -> None:
    engine = get_engine(small_database)
    at = open_data_page("en")
    assert len(at.download_button) == 0  # links to the streamed route, not in-memory buttons
    buttons = downloads(at)
    filters = page_filters(small_database)
    for kind in KINDS:
        csv = export_bytes(kind, engine=engine, filters=Filters(), fmt="csv")
        rows = len(csv.decode("utf-8-sig").strip().split("\r\n")) - 1
        book = openpyxl.load_workbook(
            io.BytesIO(export_bytes(kind, engine=engine, filters=Filters(), fmt="xlsx", lang="en"))
        )
        assert book.worksheets[0].max_row - 1 == rows
        assert [c.value for c in book.worksheets[0][1]][:1] != [EXTRACT_COLUMNS[kind][0]]
        for fmt in ("csv", "xlsx"):
            link = buttons[f"download_{kind}_{fmt}"]
            assert link.label == t(f"extract.download.{fmt}", "en", rows=rows)
            assert link.url == extract_href(kind, fmt, filters=filters, lang="en")


def test_where_signing_in_is_required_each_link_carries_a_pass_for_the_signed_in_account(
    small_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The route cannot see a password sign-in, which lives in the Streamlit session: the pass
    # in the link says who asked.
    with Session(get_engine(small_database)) as session:
        create_user(session=session, name="Minh", role=Role.VIEWER, password=PASSWORD)
    monkeypatch.setenv("DDN_LOGIN_REQUIRED", "1")
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    at.run()
    at.text_input(key="auth_name").input("Minh")
    at.text_input(key="auth_password").input(PASSWORD)
    at.button(key="auth_submit").click().run()
    at.switch_page("pages/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.download_button) == 0
    links = downloads(at)
    rows = format_number(_rows(small_database, "members"), "vi")
    assert links["download_members_csv"].label == t("extract.download.csv", "vi", rows=rows)
    filters = page_filters(small_database)
    for kind in KINDS:
        for fmt in ("csv", "xlsx"):
            url = links[f"download_{kind}_{fmt}"].url
            page_link = extract_href(kind, fmt, filters=filters, lang="vi")
            assert url.startswith(page_link + ("&" if "?" in page_link else "?") + TOKEN + "=")
            parts = urlsplit(url)
            query = parse_qsl(parts.query, keep_blank_values=True)
            holder = read_pass(f"{kind}.{fmt}", query, secret=link_secret())
            assert holder == Holder(account="minh", via="password")
