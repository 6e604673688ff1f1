"""The import page's choice "this file replaces load #N", and a preview of what that changes.

Only the signed-in person's own loads of the chosen kind that are still in place are offered.
The preview is a dry run of the replace (nothing written): counts of the rows added, changed
and removed, and some of those rows. The load itself is checked again when it is written.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st
from sqlmodel import Session

from datastore.db import get_engine
from datastore.load import headers, imports, replace
from datastore.load.problems import FileProblem, LoadRejected
from datastore.load.write import LoadSummary
from datastore.problems import DataProblem
from datastore.vocabulary import DataKind
from i18n.catalogue import Lang, t
from i18n.formatting import format_moment, format_number, load_numbers
from ui.auth import current_user

NO_REPLACE = 0  # the choice "add to the data already loaded"
_PREVIEWS = "_import_replace_previews"  # (file id, kind, load) -> dry run, or its refusal


def choose_replaced(uploaded: Any, *, kind: DataKind, lang: Lang) -> int | None:
    """The load the file replaces (None: it adds), with the preview of what replacing changes."""
    user = current_user()
    if user is None:
        return None
    with Session(get_engine()) as session:
        loads = replace.replaceable_loads(session=session, kind=kind, user=user.name)
    key = f"import_replaces_{kind}"
    labels = {NO_REPLACE: t("import.replace_none", lang)}
    labels.update(
        {
            int(batch.id or 0): t(
                "import.replace_option",
                lang,
                id=batch.id,
                name=batch.file_name,
                when=format_moment(batch.created_at),
            )
            for batch in loads
        }
    )
    previous = st.session_state.get(key)
    if isinstance(previous, int) and previous not in labels:
        # Chosen, then undone or replaced elsewhere: the choice stays, and the load is refused
        # naming it, rather than the file quietly added beside that load's rows.
        labels[previous] = t("import.replace_option_gone", lang, id=previous)
    if len(labels) == 1:
        return None
    chosen = st.selectbox(
        t("import.replace_choose", lang),
        options=list(labels),
        format_func=labels.__getitem__,
        key=key,
        help=t("import.replace_help", lang),
    )
    if not chosen:
        return None
    preview = _preview(uploaded, kind=kind, replaces=int(chosen), user=user.name, lang=lang)
    if isinstance(preview, Exception):
        st.error(refusal_text(preview, lang), icon=":material/block:")
    else:
        show_preview(preview, kind=kind, lang=lang)
    return int(chosen)


def refusal_text(refusal: Exception, lang: Lang) -> str:
    """Why a replace cannot be done (or previewed), in the interface language, as a sentence."""
    if isinstance(refusal, LoadRejected):  # the data changed since the file was checked
        return t("import.problems", lang, count=format_number(len(refusal.problems), lang))
    assert isinstance(refusal, DataProblem)
    message = refusal.message_vi if lang == "vi" else refusal.message_en
    return message[:1].upper() + message[1:]


def show_preview(preview: tuple[LoadSummary, pd.DataFrame], *, kind: DataKind, lang: Lang) -> None:
    """The counts of a replace's dry run, then some rows of each change."""
    summary, changes = preview
    counts = {
        name: format_number(getattr(summary, name), lang)
        for name in ("added", "updated", "unchanged", "removed", "restored")
    }
    st.info(
        t("import.replace_preview", lang, batch=summary.replaces, **counts),
        icon=":material/find_replace:",
    )
    if summary.kept:
        st.info(kept_text(summary.kept, summary.kept_by, lang), icon=":material/info:")
    if not changes.empty:
        st.dataframe(changes_table(changes, kind=kind, lang=lang), key="import_replace_changes")


def kept_text(rows: int, loads: tuple[int, ...], lang: Lang) -> str:
    """Rows left in place because other loads hold them."""
    return t("import.kept", lang, rows=format_number(rows, lang), loads=load_numbers(loads))


def changes_table(changes: pd.DataFrame, *, kind: DataKind, lang: Lang) -> pd.DataFrame:
    """The changed rows with translated changes and headers."""
    shown = changes.copy()
    shown["change"] = shown["change"].map(lambda change: t(f"import.change.{change}", lang))
    names = {"change": t("import.column.change", lang)}
    for name in shown.columns[1:]:
        label = headers.column_label(kind, str(name))
        names[name] = name if lang != "vi" or label == name else f"{name} — {label}"
    return shown.rename(columns=names).reset_index(drop=True)


Preview = tuple[LoadSummary, pd.DataFrame] | Exception


def _preview(uploaded: Any, *, kind: DataKind, replaces: int, user: str, lang: Lang) -> Preview:
    """The dry run of replacing `replaces` with the upload, worked out once per choice."""
    cache: dict[tuple[str, str, int], Preview] = st.session_state.setdefault(_PREVIEWS, {})
    key = (str(uploaded.file_id), kind, replaces)
    if key not in cache:
        cache.clear()
        with st.spinner(t("import.checking", lang)):
            cache[key] = _dry_run(uploaded, kind=kind, replaces=replaces, user=user)
    return cache[key]


def _dry_run(uploaded: Any, *, kind: DataKind, replaces: int, user: str) -> Preview:
    """A replace written and rolled back: its summary and some changed rows, or its refusal."""
    try:
        with Session(get_engine()) as session:
            summary = imports.import_file(
                session=session,
                kind=kind,
                data=uploaded.getvalue(),
                file_name=str(uploaded.name),
                created_by=user,
                dry_run=True,
                replaces=replaces,
            )
            changes = replace.changes_frame(session=session, kind=kind, shown=summary.shown)
    except (replace.ReplaceRefused, FileProblem, LoadRejected) as refusal:
        return refusal
    return summary, changes


def forget_previews() -> None:
    """After a load: the previews describe a state that is gone."""
    st.session_state.pop(_PREVIEWS, None)
