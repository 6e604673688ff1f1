"""Roles and the import page in Streamlit's AppTest: who sees what, and a load from upload to undo.

Each test runs the real entry file on its own SQLite database, with no demo data: an editor
"lan" and a viewer "minh" exist, and nothing else is loaded unless a test says so.
"""

from __future__ import annotations

import io
import re
import sqlite3
from collections.abc import Iterator
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlmodel import Session, col
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from datastore.accounts import create_user
from datastore.config import PROJECT_ROOT as ROOT
from datastore.db import get_engine
from datastore.load import imports
from datastore.load.problems import LoadRejected
from datastore.models.accounts import Role
from datastore.models.facts import Membership
from datastore.models.loads import ImportBatch
from i18n.catalogue import t
from testkit.apptest import clear_streamlit_caches

ENTRY = ROOT / "dashboard.py"
IMPORT_PAGE = "pages/import_data.py"
TIMEOUT = 60
PASSWORD = "mật khẩu của Lan 2026"
VIEWER_PASSWORD = "mật khẩu của Minh 2026"

# Two friendship associations in 2023: 120 + 80 = 200 members, 3 + 2 = 5 chapters.
GOOD_CSV = (
    "year,province,organization,partner_country,members,chapters\r\n"
    "2023,Đồng Nai,Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Nai,Campuchia,120,3\r\n"
    "2023,Đắk Lắk,Hội hữu nghị Việt Nam – Lào tỉnh Đắk Lắk,Lào,80,2\r\n"
).encode()
# Row 2 is right; row 3 has a member count that is not a number and a province that is not one.
BAD_CSV = (
    "year,province,organization,partner_country,members,chapters\r\n"
    "2023,Đồng Nai,Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Nai,Campuchia,120,3\r\n"
    "2023,Tỉnh Không Có,Hội hữu nghị Việt Nam – Lào,Lào,nhiều,2\r\n"
).encode()


@pytest.fixture
def app_database(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An empty migrated database with an editor and a viewer, set as the app's database."""
    with Session(get_engine(sqlite_url)) as session:
        create_user(
            session=session, name="Lan", role=Role.EDITOR, password=PASSWORD, email="lan@hoi.vn"
        )
        create_user(session=session, name="Minh", role=Role.VIEWER, password=VIEWER_PASSWORD)
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    monkeypatch.setenv("DDN_NO_DEMO", "1")
    monkeypatch.delenv("DDN_LOGIN_REQUIRED", raising=False)
    clear_streamlit_caches()
    yield sqlite_url
    clear_streamlit_caches()


def open_app() -> AppTest:
    """The app as a new visitor sees it."""
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def sign_in(at: AppTest, name: str, password: str) -> None:
    """Fill in the sidebar form and press its button."""
    at.text_input(key="auth_name").input(name)
    at.text_input(key="auth_password").input(password)
    at.button(key="auth_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]


def open_import_page(at: AppTest) -> None:
    """Go to the import page through the navigation, as a click in the sidebar does."""
    at.switch_page(IMPORT_PAGE).run()
    assert not at.exception, [e.value for e in at.exception]


def texts(elements: Any) -> list[str]:
    return [str(element.value) for element in elements]


def count(url: str, table: Any) -> int:
    with Session(get_engine(url)) as session:
        return int(session.execute(select(func.count()).select_from(table)).scalar_one())


def frame_with(at: AppTest, column: str) -> Any:
    """The data of the one st.dataframe on the page that has this column."""
    found = [df.value for df in at.dataframe if column in df.value.columns]
    assert len(found) == 1, f"{len(found)} tables with a column {column!r} on the page"
    return found[0]


def no_frame_with(at: AppTest, column: str) -> bool:
    return all(column not in df.value.columns for df in at.dataframe)


def members_metric(at: AppTest) -> str:
    """The members figure of the overview's headline."""
    values = {str(m.label): str(m.value) for m in at.metric}
    return values[t("metric.members", "vi")]


# Who may see the page -----------------------------------------------------------------------


def test_an_anonymous_visitor_has_no_import_page(app_database: str) -> None:
    at = open_app()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(IMPORT_PAGE)
    assert len(at.file_uploader) == 0
    assert texts(at.title) == [t("page.overview", "vi")]


def test_a_signed_in_viewer_has_no_import_page_either(app_database: str) -> None:
    at = open_app()
    sign_in(at, "minh", VIEWER_PASSWORD)
    assert "Đã đăng nhập: **minh** (người xem)" in texts(at.sidebar.markdown)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(IMPORT_PAGE)


def test_the_import_address_asked_for_by_a_viewer_shows_the_overview_not_the_uploader(
    app_database: str,
) -> None:
    at = open_app()
    sign_in(at, "minh", VIEWER_PASSWORD)
    # What a browser sends for /import_data: the hash of the page's url_path (st.Page does the
    # same). AppTest has no public way to ask for an unregistered page, hence the private field.
    at._page_hash = calc_hash("import_data")
    at.run()
    assert not at.exception
    assert texts(at.title) == [t("page.overview", "vi")]
    assert len(at.file_uploader) == 0
    assert all(not str(b.key or "").startswith("import_") for b in at.button)


def test_the_import_page_script_run_on_its_own_refuses_a_visitor_who_is_not_an_editor(
    app_database: str,
) -> None:
    # What Streamlit does when a fresh server is first asked for /import_data: it runs the page
    # file without the entry file (the old pages/ folder mode). The page's own check holds.
    page = AppTest.from_file(str(ROOT / IMPORT_PAGE), default_timeout=TIMEOUT)
    page.run()
    assert not page.exception
    assert texts(page.title) == [t("auth.refused_title", "vi")]
    assert texts(page.error) == [t("auth.refused", "vi", role=t("role.editor", "vi"))]
    assert len(page.file_uploader) == 0
    assert len(page.button) == 0


def test_an_editor_gets_the_import_page_after_signing_in(app_database: str) -> None:
    at = open_app()
    sign_in(at, "  LAN ", PASSWORD)
    assert "Đã đăng nhập: **lan** (biên tập viên)" in texts(at.sidebar.markdown)
    open_import_page(at)
    assert texts(at.title) == [t("page.import_data", "vi")]
    assert len(at.file_uploader) == 1
    assert at.file_uploader[0].label == t("import.uploader", "vi", limit="20 MB")


def test_signing_out_takes_the_import_page_away(app_database: str) -> None:
    at = open_app()
    sign_in(at, "lan", PASSWORD)
    open_import_page(at)
    at.button(key="auth_sign_out").click().run()
    assert not at.exception
    assert len(at.file_uploader) == 0
    with pytest.raises(ValueError):
        at.switch_page(IMPORT_PAGE)


def test_a_wrong_password_is_refused_and_the_fifth_failure_locks_the_account(
    app_database: str,
) -> None:
    at = open_app()
    sign_in(at, "lan", "không đúng")
    assert texts(at.error) == [t("auth.wrong", "vi")]
    for _ in range(3):
        sign_in(at, "lan", "không đúng")
    sign_in(at, "lan", "không đúng")
    (message,) = texts(at.error)
    assert re.fullmatch(r"Tài khoản tạm khoá, thử lại sau (29|30) giây", message), message
    sign_in(at, "lan", PASSWORD)  # the right password, but too soon
    assert texts(at.error)[0].startswith("Tài khoản tạm khoá, thử lại sau")
    with pytest.raises(ValueError):
        at.switch_page(IMPORT_PAGE)


def test_viewing_can_require_a_login(app_database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DDN_LOGIN_REQUIRED", "1")
    at = open_app()
    assert texts(at.title) == [t("auth.required_title", "vi")]
    assert len(at.metric) == 0 and len(at.get("plotly_chart")) == 0
    assert len(at.sidebar.multiselect) == 0  # no filters, no data in option lists
    with pytest.raises(ValueError):
        at.switch_page("pages/members.py")
    sign_in(at, "minh", VIEWER_PASSWORD)
    assert texts(at.title) == [t("page.overview", "vi")]


OIDC_SECRETS = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "a cookie secret for the tests only",
        "client_id": "dashboard",
        "client_secret": "not a real secret",
        "server_metadata_url": "https://id.example.org/.well-known/openid-configuration",
    }
}


def test_with_a_provider_configured_the_sidebar_offers_the_organisation_sign_in(
    app_database: str,
) -> None:
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    at.secrets = OIDC_SECRETS
    at.user = {"is_logged_in": False}
    at.run()
    assert not at.exception
    assert at.button(key="auth_oidc").label == "Đăng nhập với tài khoản tổ chức"


def test_without_a_provider_there_is_no_organisation_button(app_database: str) -> None:
    at = open_app()
    assert [b for b in at.button if b.key == "auth_oidc"] == []


def test_an_organisation_sign_in_gets_the_role_of_the_account_with_that_email(
    app_database: str,
) -> None:
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    at.secrets = OIDC_SECRETS
    at.user = {"is_logged_in": True, "email": "LAN@hoi.vn", "name": "Nguyễn Thị Lan"}
    at.run()
    assert not at.exception
    assert "Đã đăng nhập: **lan** (biên tập viên)" in texts(at.sidebar.markdown)
    open_import_page(at)
    assert len(at.file_uploader) == 1


def test_an_organisation_sign_in_without_an_account_is_a_viewer(app_database: str) -> None:
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    at.secrets = OIDC_SECRETS
    at.user = {"is_logged_in": True, "email": "khach@hoi.vn", "name": "Khách"}
    at.run()
    assert not at.exception
    assert "Đã đăng nhập: **Khách** (người xem)" in texts(at.sidebar.markdown)
    with pytest.raises(ValueError):
        at.switch_page(IMPORT_PAGE)


# Loading a file -----------------------------------------------------------------------------


def upload(at: AppTest, name: str, content: bytes) -> None:
    at.file_uploader[0].set_value((name, content, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]


def editor_on_import_page() -> AppTest:
    at = open_app()
    sign_in(at, "lan", PASSWORD)
    open_import_page(at)
    return at


def test_an_editor_loads_a_good_file_sees_it_in_the_history_and_undoes_it(
    app_database: str,
) -> None:
    at = open_app()
    assert texts(at.info) == [t("empty.no_data", "vi")]  # the overview before the load
    sign_in(at, "lan", PASSWORD)
    open_import_page(at)

    upload(at, "hoi_vien_2023.csv", GOOD_CSV)
    assert texts(at.error) == []
    preview = frame_with(at, "members — Số hội viên")
    assert list(preview["Dòng"]) == [2, 3]
    assert list(preview["members — Số hội viên"].astype(int)) == [120, 80]
    assert texts(at.success) == [t("import.ready", "vi", name="hoi\\_vien\\_2023\\.csv")]
    assert count(app_database, Membership) == 0  # checked, not yet written

    at.button(key="import_confirm").click().run()
    assert not at.exception, [e.value for e in at.exception]
    with Session(get_engine(app_database)) as session:
        batch = session.execute(select(ImportBatch)).scalars().one()
    assert texts(at.success) == [
        t(
            "import.done",
            "vi",
            name="hoi\\_vien\\_2023\\.csv",
            batch=batch.id,
            added=2,
            updated=0,
            unchanged=0,
        )
    ]
    assert count(app_database, Membership) == 2
    assert (batch.created_by, batch.file_name) == ("lan", "hoi_vien_2023.csv")
    history = frame_with(at, t("import.history.checksum", "vi"))
    row = history.iloc[0]
    assert row[t("import.history.file_name", "vi")] == "hoi_vien_2023.csv"
    assert row[t("import.history.created_by", "vi")] == "lan"
    assert int(row[t("import.history.rows_added", "vi")]) == 2
    assert row[t("import.history.checksum", "vi")] == batch.checksum
    assert row[t("import.history.status", "vi")] == t("import.status.active", "vi")
    assert len(at.file_uploader) == 1 and at.file_uploader[0].value is None  # a fresh chooser

    # The overview's cached figures follow the load.
    at.switch_page("pages/overview.py").run()
    assert members_metric(at) == "200"

    open_import_page(at)
    at.selectbox(key="import_undo_choice").set_value(batch.id).run()
    at.button(key="import_undo").click().run()
    assert texts(at.warning)  # the confirmation step, nothing undone yet
    assert count(app_database, Membership) == 2
    at.button(key="import_undo_confirm").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert count(app_database, Membership) == 0
    assert texts(at.success)[0].startswith(f"Đã hoàn tác lượt nạp #{batch.id}: xoá 2 dòng")
    history = frame_with(at, t("import.history.checksum", "vi"))
    assert history.iloc[0][t("import.history.status", "vi")].startswith("Đã hoàn tác")

    at.switch_page("pages/overview.py").run()
    assert texts(at.info) == [t("empty.no_data", "vi")]


def test_cancelling_an_undo_keeps_the_load(app_database: str) -> None:
    at = editor_on_import_page()
    upload(at, "hoi_vien.csv", GOOD_CSV)
    at.button(key="import_confirm").click().run()
    with Session(get_engine(app_database)) as session:
        batch_id = session.execute(select(col(ImportBatch.id))).scalar_one()
    at.selectbox(key="import_undo_choice").set_value(batch_id).run()
    at.button(key="import_undo").click().run()
    at.button(key="import_undo_cancel").click().run()
    assert not at.exception
    assert count(app_database, Membership) == 2
    assert len(at.selectbox(key="import_undo_choice").options) == 1


def test_a_bad_file_lists_every_problem_and_writes_nothing(app_database: str) -> None:
    at = editor_on_import_page()
    upload(at, "sai.csv", BAD_CSV)
    errors = texts(at.error)
    assert errors and errors[0].startswith("Tệp có 2 lỗi")
    assert t("import.nothing_written", "vi") in texts(at.info)
    problems = frame_with(at, "Lý do")
    assert list(problems.columns) == ["Dòng", "Cột", "Giá trị", "Lý do"]
    assert problems.to_dict("records") == [
        {
            "Dòng": 3,
            "Cột": "province — Tỉnh/thành (như báo cáo)",
            "Giá trị": "Tỉnh Không Có",
            "Lý do": "Không tìm thấy tỉnh/thành “Tỉnh Không Có”",
        },
        {
            "Dòng": 3,
            "Cột": "members — Số hội viên",
            "Giá trị": "nhiều",
            "Lý do": "“nhiều” không phải là số",
        },
    ]
    assert [b for b in at.button if b.key == "import_confirm"] == []
    assert count(app_database, Membership) == 0
    assert count(app_database, ImportBatch) == 0


def test_problems_are_explained_in_english_when_the_interface_is_in_english(
    app_database: str,
) -> None:
    at = editor_on_import_page()
    at.segmented_control(key="lang").set_value("en").run()
    upload(at, "bad.csv", BAD_CSV)
    problems = frame_with(at, "Reason")
    assert list(problems.columns) == ["Row", "Column", "Value", "Reason"]
    with Session(get_engine(app_database)) as session, pytest.raises(LoadRejected) as rejected:
        imports.import_file(
            session=session, kind="members", data=BAD_CSV, file_name="bad.csv", created_by="x"
        )
    expected = [
        (p.column, p.reason_en[:1].upper() + p.reason_en[1:]) for p in rejected.value.problems
    ]
    assert list(zip(problems["Column"], problems["Reason"], strict=True)) == expected
    assert list(problems["Reason"]) == [
        "Unknown province “Tỉnh Không Có”",
        "“nhiều” is not a number",
    ]


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    app_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DDN_MAX_UPLOAD_MB", str(100 / 1024 / 1024))  # 100 bytes

    def must_not_run(**_: Any) -> Any:
        raise AssertionError("the file was read")

    monkeypatch.setattr(imports, "preview_file", must_not_run)
    monkeypatch.setattr(imports, "import_file", must_not_run)
    at = editor_on_import_page()
    upload(at, "lon.csv", GOOD_CSV)
    assert texts(at.error) == [
        t(
            "import.too_large",
            "vi",
            name="lon\\.csv",
            size=f"{len(GOOD_CSV)} byte",
            limit="100 byte",
        )
    ]
    assert count(app_database, ImportBatch) == 0


def test_a_file_that_is_not_a_table_gets_a_clear_message(app_database: str) -> None:
    at = editor_on_import_page()
    upload(at, "anh.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    errors = texts(at.error)
    assert len(errors) == 1 and errors[0]
    assert t("import.nothing_written", "vi") in texts(at.info)
    assert count(app_database, ImportBatch) == 0


# Database errors ----------------------------------------------------------------------------

# What SQLAlchemy's text of an error carries and the page must never show.
SQL_WORDS = ("INSERT", "SELECT", "[SQL", "parameters", "sqlalche.me", "Hội hữu nghị")


def page_texts(at: AppTest) -> list[str]:
    """Every message and text on the page."""
    shown = [at.error, at.warning, at.info, at.success, at.markdown, at.exception]
    return [str(element.value) for elements in shown for element in elements]


def test_a_locked_database_at_the_load_is_named_without_sql_and_writes_nothing(
    app_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"{app_database}?timeout=0.2"  # a write waits 0.2 s for the lock, not 30
    monkeypatch.setenv("DATABASE_URL", url)
    at = editor_on_import_page()
    upload(at, "hoi_vien.csv", GOOD_CSV)
    holder = sqlite3.connect(make_url(app_database).database or "", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process writing
    try:
        at.button(key="import_confirm").click().run()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        get_engine(url).dispose()
    assert not at.exception, [e.value for e in at.exception]
    assert texts(at.error) == [t("database.locked", "vi")]
    assert not [text for text in page_texts(at) for word in SQL_WORDS if word in text]
    assert count(app_database, Membership) == 0
    assert count(app_database, ImportBatch) == 0


def test_a_table_missing_from_the_database_is_named_at_the_check(app_database: str) -> None:
    at = editor_on_import_page()
    with get_engine(app_database).begin() as connection:
        connection.execute(text("DROP TABLE exchangerate"))  # a schema out of date
    upload(at, "hoi_vien.csv", GOOD_CSV)
    assert texts(at.error) == [t("database.schema", "vi")]
    assert not [text for text in page_texts(at) for word in SQL_WORDS if word in text]
    assert [b for b in at.button if b.key == "import_confirm"] == []


def test_the_preview_of_a_workbook_names_the_sheet_it_read(app_database: str) -> None:
    workbook = openpyxl.Workbook()
    hidden = workbook.active
    assert hidden is not None
    hidden.title, hidden.sheet_state = "Nháp", "hidden"
    hidden.append(["year", "province", "organization", "members"])
    hidden.append([2020, "Hà Nội", "Hội cũ", 1])
    shown = workbook.create_sheet("Số liệu 2023")
    for line in GOOD_CSV.decode().splitlines():
        shown.append(line.split(","))
    buffer = io.BytesIO()
    workbook.save(buffer)
    at = editor_on_import_page()
    upload(at, "hoi_vien.xlsx", buffer.getvalue())
    assert texts(at.error) == []
    assert t("import.sheet_read", "vi", sheet="“Số liệu 2023”") in texts(at.caption)
    assert list(frame_with(at, "members — Số hội viên")["Dòng"]) == [2, 3]
