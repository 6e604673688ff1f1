"""Revision 0009: the organization_succession table comes and goes, the data around it stays."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text
from sqlmodel import Session

from datastore.db import get_engine
from datastore.load.write import BatchInfo, load_rows
from datastore.migrate import alembic_config, current_revision, head_revision, migrate
from tests.utils.small_dataset import CAMBODIA_DONG_NAI

SUCCESSOR = {
    "kind": "friendship_association",
    "organization": CAMBODIA_DONG_NAI,
    "province": "Đồng Nai",
    "partner_country": "Campuchia",
    "founded_on": "2025-07-01",
}
PREDECESSOR = {**SUCCESSOR, "founded_on": "2010-01-01"}


def _organizations(url: str) -> list[tuple[str, str]]:
    with Session(get_engine(url)) as session:
        rows = session.execute(text("SELECT name, founded_on FROM organization ORDER BY id"))
        return [(name, str(day)) for name, day in rows]


def test_0009_adds_the_succession_table_and_downgrades_cleanly(empty_database_url: str) -> None:
    url = empty_database_url
    engine = get_engine(url)
    migrate(url)
    with Session(engine) as session:
        load_rows(session=session, kind="organizations", rows=[PREDECESSOR], batch=BatchInfo("a"))
        row = {**SUCCESSOR, "succeeds": CAMBODIA_DONG_NAI}
        load_rows(session=session, kind="organizations", rows=[row], batch=BatchInfo("b"))
    stored = _organizations(url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection=connection), "0008")
    assert "organization_succession" not in inspect(engine).get_table_names()
    assert _organizations(url) == stored

    migrate(url)

    assert current_revision(url) == head_revision()
    columns = {c["name"] for c in inspect(engine).get_columns("organization_succession")}
    assert columns == {"successor_id", "predecessor_id", "date"}
    with Session(engine) as session:
        # The link is stored again by loading the file again, and only once.
        row = {**SUCCESSOR, "succeeds": CAMBODIA_DONG_NAI}
        for name in ("c", "d"):
            load_rows(session=session, kind="organizations", rows=[row], batch=BatchInfo(name))
        links = session.execute(
            text("SELECT successor_id, predecessor_id, date FROM organization_succession")
        ).all()
    assert [(s, p, str(d)) for s, p, d in links] == [(2, 1, "2025-07-01")]
