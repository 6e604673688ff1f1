"""A short-lived signed pass in a download link: who made it, for which file, until when.

On a server with DDN_LOGIN_REQUIRED=1 the sign-in lives in the Streamlit session, which a plain
request to /extract/ cannot show. The Data page therefore puts a pass in each link it draws for
a signed-in person: itsdangerous signs the account, the file and the link's own parameters with
a timestamp; the route accepts the pass for that file and those parameters only, for
`LIFETIME_SECONDS`.

The key is Streamlit's `server.cookieSecret` (STREAMLIT_SERVER_COOKIE_SECRET), not a variable
of its own: the deployment already gives every replica the same value (docs/deploy.md), so a
link made on one replica is accepted by another, and a single server without it still works
(Streamlit picks one per process). itsdangerous derives a separate key from it with `_SALT`, so a
pass can never stand for one of Streamlit's cookies, nor one of them for a pass. A key stored in
the database would have been shared too, but would sit in every backup, next to the data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from itsdangerous import BadSignature, SignatureExpired, TimestampSigner, URLSafeTimedSerializer
from streamlit import config

TOKEN = "pass"  # the query parameter that carries it; not one of the page's link parameters
LIFETIME_SECONDS = 5 * 60  # long enough to click, short enough that a copied link soon dies
_SALT = "ddn.extract-link"

# Why a request gets no file; each is a text key of the route's bilingual 403.
MISSING = "extract_link.sign_in"
EXPIRED = "extract_link.pass_expired"
NOT_VALID = "extract_link.pass_not_valid"
ACCOUNT_GONE = "extract_link.pass_account_gone"


@dataclass(frozen=True)
class Holder:
    """Who a pass was made for: their account (None after a provider sign-in without one)."""

    account: str | None
    via: str  # "password" or "oidc", as ui.auth.SignedIn says


class _SignerAt(TimestampSigner):
    """itsdangerous's timestamp signer, with the clock given (for tests) or the real one."""

    def __init__(self, *args: Any, at: float | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.at = at

    def get_timestamp(self) -> int:
        return super().get_timestamp() if self.at is None else int(self.at)


def link_secret() -> str:
    """The key passes are signed with: Streamlit's cookie secret, the same on every replica."""
    return str(config.get_option("server.cookieSecret"))


def _serializer(secret: str, at: float | None) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=_SALT, signer=_SignerAt, signer_kwargs={"at": at})


def _pairs(query: Sequence[tuple[str, str]]) -> list[list[str]]:
    """The link's parameters in order, without the pass: what a pass is valid for."""
    return [[key, value] for key, value in query if key != TOKEN]


def with_pass(href: str, holder: Holder, *, secret: str, at: float | None = None) -> str:
    """`href` (an /extract/ address) with a pass for `holder` added to its query."""
    parts = urlsplit(href)
    file = parts.path.rsplit("/", 1)[-1]
    query = parse_qsl(parts.query, keep_blank_values=True)
    payload = {"a": holder.account, "v": holder.via, "f": file, "q": _pairs(query)}
    token = _serializer(secret, at).dumps(payload)
    return f"{href}{'&' if parts.query else '?'}{TOKEN}={token}"


def read_pass(
    file: str,
    query: Sequence[tuple[str, str]],
    *,
    secret: str,
    at: float | None = None,
) -> Holder | str:
    """The holder of the request's pass, or the text key of why it is refused.

    `query` is every parameter of the request, the pass included. A pass made with another
    key, changed by one character, older than its lifetime, or made for another file or other
    parameters is refused; only the signature tells a genuine one, never the payload alone.
    """
    tokens = [value for key, value in query if key == TOKEN]
    if not tokens:
        return MISSING
    if len(tokens) > 1:
        return NOT_VALID
    try:
        payload = _serializer(secret, at).loads(tokens[0], max_age=LIFETIME_SECONDS)
    except SignatureExpired:  # genuine, but too old (or dated in the future)
        return EXPIRED
    except BadSignature:
        return NOT_VALID
    if not isinstance(payload, dict) or payload.get("f") != file:
        return NOT_VALID
    if payload.get("q") != _pairs(query):
        return NOT_VALID
    account, via = payload.get("a"), payload.get("v")
    if not (account is None or isinstance(account, str)) or via not in ("password", "oidc"):
        return NOT_VALID
    return Holder(account=account, via=str(via))
