"""One tab of the Data page: how many rows match, a preview, and CSV/Excel downloads.

Every download on the tab holds every matching row and says how many. The downloads are links
to the app's own streamed address (ui/extract_route.py, served by `streamlit run app.py`), so
the file never sits whole in the app's memory. On a server that requires signing in, the route
cannot see the sign-in held in the Streamlit session: each link then carries a pass for the
signed-in person, valid a few minutes (ui/extract_pass.py), and the links are redrawn with a new
pass every half lifetime (a fragment the browser reruns), so a link on screen is always good:
reloading the browser tab instead would start a new session, signed out.

The preview is the first rows only, so the table's own toolbar (a CSV download of what it
shows, a search, in English whatever the interface language) is hidden: Streamlit 1.67 has no
switch for one table, only `client.disableDataExport` for the whole app, so a style scoped to
the preview's container hides it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from sqlmodel import Session

from datastore.config import database_url, settings
from datastore.db import get_engine
from datastore.extracts.readable import read_readable
from datastore.extracts.reading import count_rows
from datastore.filters import Filters
from datastore.vocabulary import DataKind
from i18n.catalogue import Lang, t
from i18n.formatting import format_number
from ui.auth import current_user
from ui.data import current_version
from ui.extract_pass import LIFETIME_SECONDS, Holder, link_secret, with_pass
from ui.extract_route import extract_href
from ui.render import show_no_data

PREVIEW_ROWS = 200
PREVIEW_KEY = "extract_preview"  # the preview's container: st-key-extract_preview_<kind>
_HIDE_PREVIEW_TOOLBAR = (
    f'<style>[class*="st-key-{PREVIEW_KEY}_"] [data-testid="stElementToolbar"]'
    "{display: none !important;}</style>"
)
PASS_REFRESH_SECONDS = LIFETIME_SECONDS // 2


@st.cache_data(show_spinner=False, max_entries=64)
def _preview(
    kind: DataKind, filters: Filters, lang: Lang, version: tuple[int, int, int], url: str
) -> tuple[int, pd.DataFrame]:
    """Row count and the first rows of an extract in `lang`; version and URL key the cache."""
    with Session(get_engine(url)) as session:
        total = count_rows(kind, session=session, filters=filters)
        first = read_readable(kind, session=session, filters=filters, lang=lang, limit=PREVIEW_ROWS)
    return total, first


def _download_href(kind: DataKind, fmt: str, *, filters: Filters, lang: Lang) -> str:
    """The streamed address of an extract, with a pass where the server requires signing in."""
    href = extract_href(kind, fmt, filters=filters, lang=lang)
    user = current_user()
    if not settings().login_required or user is None:
        return href  # open viewing: the route asks for nothing; else it says to sign in
    holder = Holder(account=user.account, via=user.via)
    return with_pass(href, holder, secret=link_secret())


def _download_links(kind: DataKind, *, filters: Filters, lang: Lang, rows: str) -> None:
    """The CSV and Excel links, side by side."""
    for column, fmt in zip(st.columns(2), ("csv", "xlsx"), strict=True):
        label = t(f"extract.download.{fmt}", lang, rows=rows)
        href = _download_href(kind, fmt, filters=filters, lang=lang)
        column.link_button(label, href, key=f"download_{kind}_{fmt}", icon=":material/download:")


def show_extract(kind: DataKind, *, filters: Filters, lang: Lang) -> None:
    """The extract of one kind for the current filters."""
    total, preview = _preview(kind, filters, lang, current_version(), database_url())
    if total == 0:
        show_no_data(lang)
        return
    rows = format_number(total, lang)
    if total > PREVIEW_ROWS:
        st.caption(t("extract.preview.first", lang, shown=PREVIEW_ROWS, total=rows))
    else:
        st.caption(t("extract.preview.all", lang, total=rows))
    st.html(_HIDE_PREVIEW_TOOLBAR)
    with st.container(key=f"{PREVIEW_KEY}_{kind}"):
        st.dataframe(preview, hide_index=True, key=f"preview_{kind}")
    if settings().login_required:
        renewed = st.fragment(_download_links, run_every=PASS_REFRESH_SECONDS)
        renewed(kind, filters=filters, lang=lang, rows=rows)
    else:
        _download_links(kind, filters=filters, lang=lang, rows=rows)
    st.caption(t("extract.download.formats", lang))
