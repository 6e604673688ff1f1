"""The import page's "this file replaces load #N": the choice, its preview, the load, its undo.

Each test runs the real entry file on its own SQLite database (see test_import_page).
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from datastore.db import get_engine
from datastore.load.imports import import_file
from datastore.load.undo import undo_load
from datastore.models.facts import Membership
from datastore.models.loads import ImportBatch
from i18n.catalogue import t
from tests.pages.test_import_page import (
    GOOD_CSV,
    app_database,
    count,
    editor_on_import_page,
    frame_with,
    members_metric,
    open_import_page,
    texts,
    upload,
)

__all__ = ["app_database"]  # the fixture, used by name

# The first association of GOOD_CSV with a corrected member count; the second one left out.
CORRECTED_CSV = (
    "year,province,organization,partner_country,members,chapters\r\n"
    "2023,Đồng Nai,Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Nai,Campuchia,150,3\r\n"
).encode()
CHOICE = "import_replaces_members"


def members(url: str) -> list[int]:
    with Session(get_engine(url)) as session:
        return sorted(session.scalars(select(Membership.members)).all())


def load_in_data_layer(url: str, user: str, data: bytes = GOOD_CSV) -> int:
    """A members load made elsewhere (the command line, another session)."""
    with Session(get_engine(url)) as session:
        summary = import_file(
            session=session, kind="members", data=data, file_name="khac.csv", created_by=user
        )
    assert summary.batch_id is not None
    return summary.batch_id


def test_a_file_replaces_an_earlier_load_with_a_preview_and_its_undo_brings_that_load_back(
    app_database: str,
) -> None:
    at = editor_on_import_page()
    upload(at, "hoi_vien.csv", GOOD_CSV)
    assert [box for box in at.selectbox if box.key == CHOICE] == []  # nothing to replace yet
    at.button(key="import_confirm").click().run()
    assert members(app_database) == [80, 120]

    upload(at, "hoi_vien_sua.csv", CORRECTED_CSV)
    choice = at.selectbox(key=CHOICE)
    assert choice.options == [
        t("import.replace_none", "vi"),
        choice.options[1],
    ] and choice.options[1].startswith("Thay cho lượt nạp #1 – hoi_vien.csv (")
    choice.set_value(1).run()
    assert not at.exception, [e.value for e in at.exception]
    counts = {"added": 0, "updated": 1, "unchanged": 0, "removed": 1, "restored": 0}
    assert t("import.replace_preview", "vi", batch=1, **counts) in texts(at.info)
    changes = frame_with(at, "Thay đổi")
    assert list(changes["Thay đổi"]) == ["Sửa", "Xoá"]
    assert list(changes["members — Số hội viên"]) == ["150", "80"]
    assert members(app_database) == [80, 120]  # a preview writes nothing

    at.button(key="import_confirm").click().run()

    assert not at.exception, [e.value for e in at.exception]
    assert members(app_database) == [150]
    (message,) = texts(at.success)
    assert t("import.done_replaced", "vi", batch=1, removed=1, restored=0) in message
    history = frame_with(at, t("import.history.checksum", "vi"))
    status = dict(zip(history["Lượt"], history["Trạng thái"], strict=True))
    assert status[2] == t("import.status.active", "vi")
    assert status[1].startswith("Đã thay bằng lượt nạp #2 ")
    at.switch_page("pages/overview.py").run()
    assert members_metric(at) == "150"

    open_import_page(at)
    at.selectbox(key="import_undo_choice").set_value(2).run()
    at.button(key="import_undo").click().run()
    at.button(key="import_undo_confirm").click().run()

    assert not at.exception, [e.value for e in at.exception]
    assert members(app_database) == [80, 120]
    assert t("import.back_in_place", "vi", batch=1) in texts(at.success)[0]
    # Load #2 undone and #1 back: as many loads undone as before, yet the cached figures follow.
    at.switch_page("pages/overview.py").run()
    assert members_metric(at) == "200"


def test_only_the_users_own_loads_of_that_kind_still_in_place_are_offered(
    app_database: str,
) -> None:
    someone_else = load_in_data_layer(app_database, "minh")
    undone = load_in_data_layer(app_database, "lan")
    with Session(get_engine(app_database)) as session:
        undo_load(session=session, batch_id=undone, user="lan")
    own = load_in_data_layer(app_database, "lan", CORRECTED_CSV)
    at = editor_on_import_page()
    upload(at, "hoi_vien_sua.csv", CORRECTED_CSV)
    offered = at.selectbox(key=CHOICE).options
    assert len(offered) == 2 and offered[1].startswith(f"Thay cho lượt nạp #{own} ")
    assert not any(f"#{number} " in text for text in offered for number in (someone_else, undone))


def test_a_replace_of_a_load_undone_meanwhile_is_refused_naming_it_and_writes_nothing(
    app_database: str,
) -> None:
    at = editor_on_import_page()
    upload(at, "hoi_vien.csv", GOOD_CSV)
    at.button(key="import_confirm").click().run()
    upload(at, "hoi_vien_sua.csv", CORRECTED_CSV)
    at.selectbox(key=CHOICE).set_value(1).run()
    with Session(get_engine(app_database)) as session:  # elsewhere, before the click
        undo_load(session=session, batch_id=1, user="minh")

    at.button(key="import_confirm").click().run()

    assert not at.exception, [e.value for e in at.exception]
    errors = texts(at.error)
    assert any(e.startswith("Không thay thế được lượt nạp #1: nó đã được hoàn tác") for e in errors)
    assert count(app_database, Membership) == 0
    with Session(get_engine(app_database)) as session:
        assert session.scalars(select(col(ImportBatch.id))).all() == [1]
