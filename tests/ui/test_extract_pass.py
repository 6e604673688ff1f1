"""A download link's signed pass: good for its holder, file and parameters, until it ages."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from datastore.filters import Filters
from ui.extract_pass import (
    EXPIRED,
    LIFETIME_SECONDS,
    MISSING,
    NOT_VALID,
    TOKEN,
    Holder,
    read_pass,
    with_pass,
)
from ui.extract_route import extract_href

SECRET = "the replicas' shared cookie secret"
MADE_AT = 1_800_000_000.0
MINH = Holder(account="minh", via="password")
HREF = extract_href(
    "exchanges",
    "csv",
    filters=Filters(provinces=("01", "75"), year_from=2019, year_to=2021, countries=("LAO",)),
    lang="en",
)


def request_of(link: str) -> tuple[str, list[tuple[str, str]]]:
    """The file and the query pairs the route reads from a link."""
    parts = urlsplit(link)
    return parts.path.rsplit("/", 1)[-1], parse_qsl(parts.query, keep_blank_values=True)


def signed(holder: Holder = MINH, href: str = HREF, secret: str = SECRET) -> str:
    return with_pass(href, holder, secret=secret, at=MADE_AT)


def check(link: str, *, at: float = MADE_AT + 10, secret: str = SECRET) -> Holder | str:
    file, query = request_of(link)
    return read_pass(file, query, secret=secret, at=at)


def test_a_fresh_pass_names_its_holder_and_keeps_the_link_as_the_page_made_it() -> None:
    link = signed()
    assert link.startswith(HREF + "&" + TOKEN + "=")
    assert check(link) == MINH
    assert check(signed(Holder(account=None, via="oidc"))) == Holder(account=None, via="oidc")


def test_a_link_without_parameters_gets_its_pass_after_a_question_mark() -> None:
    link = signed(href="/extract/members.xlsx")
    assert link.startswith("/extract/members.xlsx?" + TOKEN + "=")
    assert check(link) == MINH


def test_a_pass_lives_its_lifetime_and_not_a_second_more() -> None:
    link = signed()
    assert check(link, at=MADE_AT + LIFETIME_SECONDS) == MINH
    assert check(link, at=MADE_AT + LIFETIME_SECONDS + 1) == EXPIRED
    assert check(link, at=MADE_AT - 60) == EXPIRED  # dated in the future: not trusted either


def test_no_pass_is_missing() -> None:
    assert check(HREF) == MISSING


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda link: link.replace("years=2019-2021", "years=2015-2025"), id="years"),
        pytest.param(lambda link: link.replace("province=01&", ""), id="fewer-provinces"),
        pytest.param(lambda link: link.replace("country=LAO", "country=KHM"), id="country"),
        pytest.param(lambda link: link.replace("lang=en", "lang=vi"), id="language"),
        pytest.param(lambda link: link + "&country=KHM", id="added-parameter"),
        pytest.param(lambda link: link.replace("exchanges.csv", "members.csv"), id="other-file"),
        pytest.param(lambda link: link.replace(".csv", ".xlsx"), id="other-format"),
    ],
)
def test_a_pass_is_good_for_its_own_link_only(change: object) -> None:
    assert callable(change)
    link = signed()
    assert check(change(link)) == NOT_VALID


def test_a_changed_character_a_forged_or_a_doubled_pass_is_not_valid() -> None:
    link = signed()
    head, token = link.rsplit("=", 1)
    flipped = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert check(f"{head}={flipped}") == NOT_VALID
    assert check(f"{HREF}&{TOKEN}=eyJhIjoibWluaCJ9.aaaa.bbbb") == NOT_VALID
    assert check(link + f"&{TOKEN}={token}") == NOT_VALID


def test_a_pass_made_with_another_key_is_not_valid() -> None:
    assert check(signed(secret="another server's secret")) == NOT_VALID


def test_a_pass_cannot_be_moved_to_another_holder() -> None:
    # Minh's pass and Lan's pass for the same link differ; the payload is only half of it.
    minh, lan = signed(), signed(Holder(account="lan", via="password"))
    # payload.timestamp.signature (the payload may start with "." when compressed)
    minh_payload, minh_stamp, minh_signature = minh.rsplit("=", 1)[1].rsplit(".", 2)
    lan_payload, _, _ = lan.rsplit("=", 1)[1].rsplit(".", 2)
    assert minh_payload != lan_payload
    forged = f"{lan_payload}.{minh_stamp}.{minh_signature}"
    assert check(f"{HREF}&{TOKEN}={forged}") == NOT_VALID
    assert check(lan) == Holder(account="lan", via="password")
