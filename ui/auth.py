"""Who is looking: password sign-in in the sidebar, OIDC through st.login, roles per page.

Viewing is open unless DDN_LOGIN_REQUIRED=1; an anonymous visitor is a viewer. The signed-in
account is re-read from the database on every run, so a changed role applies at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st
from sqlmodel import Session

from datastore.accounts import (
    authenticate,
    get_user,
    has_role,
    role_of,
    user_for_email,
)
from datastore.config import settings
from datastore.credentials import AccountLocked
from datastore.db import get_engine
from datastore.models.accounts import Role
from i18n.catalogue import Lang, t
from ui import context

# Session-state keys; none of them is a widget key, so a browser cannot set them.
_ACCOUNT = "_auth_account"  # name of the account signed in with a password
_CURRENT = "_auth_current"  # the SignedIn of this run
_ERROR = "_auth_error"  # (text key, format values) of the last failed sign-in
_NAME_INPUT = "auth_name"
_PASSWORD_INPUT = "auth_password"


# Characters Streamlit's Markdown gives a meaning to (including its :colour[...] directives and
# $ for LaTeX): escaped in names and file names that users chose.
_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|<>~$:")


def escape_markdown(text: str) -> str:
    """`text` shown literally inside st.markdown, st.error and the like."""
    return "".join("\\" + char if char in _MARKDOWN_SPECIAL else char for char in text)


@dataclass(frozen=True)
class SignedIn:
    """The person using this session: a display name, a role, and how they signed in."""

    name: str
    role: Role
    via: str  # "password" or "oidc"
    account: str | None = None  # the account's name; None after a provider sign-in without one


def login_required() -> bool:
    """DDN_LOGIN_REQUIRED=1: nothing is shown before signing in."""
    return settings().login_required


def oidc_configured() -> bool:
    """Whether the deployment set up an identity provider ([auth] in .streamlit/secrets.toml)."""
    return bool(st.secrets.load_if_toml_exists() and "auth" in st.secrets)


def _oidc_claims() -> dict[str, Any] | None:
    """The provider's claims when signed in through st.login, else None."""
    if not oidc_configured():
        return None
    claims = st.user.to_dict()
    return claims if claims.get("is_logged_in") else None


def resolve() -> SignedIn | None:
    """Decide who is signed in for this run; call once, early, from the entry file."""
    current: SignedIn | None = None
    name = st.session_state.get(_ACCOUNT)
    if isinstance(name, str):
        with Session(get_engine()) as session:
            account = get_user(session=session, name=name)
        if account is None:  # deleted since: the session is signed out
            st.session_state.pop(_ACCOUNT, None)
        else:
            current = SignedIn(
                name=account.name, role=role_of(account), via="password", account=account.name
            )
    if current is None:
        claims = _oidc_claims()
        if claims is not None:
            email = str(claims.get("email") or "")
            with Session(get_engine()) as session:
                account = user_for_email(session=session, email=email) if email else None
            shown = account.name if account else str(claims.get("name") or email or "?")
            current = SignedIn(
                name=shown,
                role=role_of(account),
                via="oidc",
                account=account.name if account else None,
            )
    st.session_state[_CURRENT] = current
    return current


def current_user() -> SignedIn | None:
    """The signed-in person of this run, or None for an anonymous visitor."""
    value = st.session_state.get(_CURRENT)
    return value if isinstance(value, SignedIn) else None


def current_role() -> Role:
    """The role of this run; anonymous visitors are viewers."""
    user = current_user()
    return user.role if user else Role.VIEWER


def may(needed: Role) -> bool:
    """Whether the current role may do what `needed` may."""
    return has_role(current_role(), needed)


def require_role(needed: Role) -> None:
    """Stop the page with a clear message unless the current role is at least `needed`."""
    if may(needed):
        return
    lang = context.lang()
    st.title(t("auth.refused_title", lang))
    st.error(
        t("auth.refused", lang, role=t(f"role.{needed.value}", lang)),
        icon=":material/lock:",
    )
    if current_user() is None:
        st.info(t("auth.refused_sign_in", lang), icon=":material/login:")
    st.stop()


# Drawing ------------------------------------------------------------------------------------


def _sign_in() -> None:
    """Form callback: runs before the script, so this run already knows the new role."""
    name = str(st.session_state.get(_NAME_INPUT) or "")
    password = str(st.session_state.get(_PASSWORD_INPUT) or "")
    # The password lives in session state only for this callback.
    st.session_state[_PASSWORD_INPUT] = ""
    st.session_state.pop(_ERROR, None)
    if not name.strip() or not password:
        st.session_state[_ERROR] = ("auth.empty", {})
        return
    try:
        with Session(get_engine()) as session:
            account = authenticate(session=session, name=name, password=password)
    except AccountLocked as locked:
        st.session_state[_ERROR] = ("auth.locked", {"seconds": locked.retry_after})
        return
    if account is None:
        st.session_state[_ERROR] = ("auth.wrong", {})
        return
    st.session_state[_ACCOUNT] = account.name


def _sign_out() -> None:
    for key in (_ACCOUNT, _CURRENT, _ERROR):
        st.session_state.pop(key, None)


def sign_in_form(lang: Lang, *, where: Any, border: bool) -> None:
    """The name + password form (and the organisation button when OIDC is configured)."""
    with where.form("sign_in", border=border):
        st.text_input(t("auth.name", lang), key=_NAME_INPUT, autocomplete="username")
        st.text_input(
            t("auth.password", lang),
            key=_PASSWORD_INPUT,
            type="password",
            autocomplete="current-password",
        )
        st.form_submit_button(
            t("auth.sign_in", lang),
            on_click=_sign_in,
            key="auth_submit",
            icon=":material/login:",
            width="stretch",
        )
    error = st.session_state.get(_ERROR)
    if error:
        key, values = error
        where.error(t(key, lang, **values), icon=":material/error:")
    if oidc_configured():
        where.button(
            t("auth.sign_in_oidc", lang),
            key="auth_oidc",
            on_click=st.login,
            icon=":material/badge:",
            width="stretch",
        )


def sidebar_account(lang: Lang) -> None:
    """The account line under the language switch: who is signed in, or a folded sign-in form."""
    sidebar = st.sidebar
    user = current_user()
    if user is None:
        # Folded: most visitors only look; open when the last attempt needs its message seen.
        with sidebar.expander(
            t("auth.sign_in", lang),
            expanded=_ERROR in st.session_state,
            icon=":material/login:",
        ):
            sign_in_form(lang, where=st, border=False)
        return
    sidebar.markdown(
        t(
            "auth.signed_in",
            lang,
            name=escape_markdown(user.name),
            role=t(f"role.{user.role.value}", lang),
        )
    )
    sidebar.button(
        t("auth.sign_out", lang),
        key="auth_sign_out",
        on_click=st.logout if user.via == "oidc" else _sign_out,
        icon=":material/logout:",
    )


def sign_in_page(lang: Lang) -> None:
    """The only thing shown when viewing needs a login and nobody has signed in."""
    st.title(t("auth.required_title", lang))
    st.info(t("auth.required", lang), icon=":material/lock:")
    column, _ = st.columns([1, 2])
    sign_in_form(lang, where=column, border=True)
