"""The import page's history of loads and the undo of a whole load, with a confirmation step.

Nothing here writes unless the current role may edit (checked again at the undo, not only when
the page opens). After an undo the script reruns, so the entry file reads the new data version
and every cached chart and option list refreshes.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import streamlit as st
from sqlmodel import Session

from datastore.db import get_engine
from datastore.load import undo as load_history
from datastore.models.accounts import Role
from datastore.vocabulary import DATA_KINDS
from i18n.catalogue import Lang, t
from i18n.formatting import format_moment, load_numbers
from ui.auth import current_user, escape_markdown, may
from ui.import_view import OUTCOME, sentence

_UNDO = "_import_undo_pending"  # the load waiting for its undo to be confirmed


def moment_text(moment: Any) -> str:
    """A load's time as dd/mm/yyyy HH:MM (UTC), or an empty string."""
    if moment is None or (isinstance(moment, float) and math.isnan(moment)) or pd.isna(moment):
        return ""
    return format_moment(pd.Timestamp(moment))


def history_frame(loads: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The loads as shown: translated headers, kinds, times, and whether each is undone."""
    if loads.empty:
        return pd.DataFrame(columns=[t(f"import.history.{c}", lang) for c in _HISTORY_COLUMNS])
    # A replaced load is undone by the load that replaced it (the newer is in the same list).
    replaced_by = {
        int(replaced): int(by)
        for by, replaced in zip(loads["id"].tolist(), loads["replaces_id"].tolist(), strict=True)
        if pd.notna(replaced)
    }
    status = [
        _status(row, lang, replaced_by.get(int(str(row.id))))
        for row in loads[["id", "is_demo", "undone_at", "undone_by"]].itertuples()
    ]
    shown = pd.DataFrame(
        {
            "id": loads["id"].astype(int),
            "created_at": loads["created_at"].map(moment_text),
            "kind": loads["kind"].map(lambda k: t(f"data.tab.{k}", lang) if k in DATA_KINDS else k),
            "file_name": loads["file_name"].astype(str),
            "created_by": loads["created_by"].astype(str),
            "rows_added": loads["rows_added"].astype(int),
            "rows_updated": loads["rows_updated"].astype(int),
            "rows_unchanged": loads["rows_unchanged"].astype(int),
            "status": status,
            "checksum": loads["checksum"].astype(str),
        }
    )
    return shown.rename(columns={c: t(f"import.history.{c}", lang) for c in _HISTORY_COLUMNS})


_HISTORY_COLUMNS = (
    "id",
    "created_at",
    "kind",
    "file_name",
    "created_by",
    "rows_added",
    "rows_updated",
    "rows_unchanged",
    "status",
    "checksum",
)


def _status(row: Any, lang: Lang, replaced_by: int | None) -> str:
    if moment_text(row.undone_at) and replaced_by is not None:
        when, who = moment_text(row.undone_at), row.undone_by or ""
        return t("import.status.replaced", lang, by=replaced_by, when=when, who=who)
    if moment_text(row.undone_at):
        return t(
            "import.status.undone", lang, when=moment_text(row.undone_at), who=row.undone_by or ""
        )
    if bool(row.is_demo):
        return t("import.status.demo", lang)
    return t("import.status.active", lang)


def show_history(lang: Lang) -> None:
    """Every load, newest first, and the undo of a whole load (with a confirmation step)."""
    st.subheader(t("import.history", lang))
    with Session(get_engine()) as session:
        loads = load_history.list_loads(session=session)
    if loads.empty:
        st.info(t("import.history_empty", lang), icon=":material/history:")
        return
    st.dataframe(history_frame(loads, lang), hide_index=True, key="import_history")
    undoable = loads[loads["undone_at"].isna()]
    if undoable.empty:
        return
    records: list[dict[Any, Any]] = undoable.to_dict("records")
    labels = {
        int(row["id"]): t(
            "import.undo_option",
            lang,
            id=int(row["id"]),
            name=str(row["file_name"]),
            when=moment_text(row["created_at"]),
            who=str(row["created_by"]),
        )
        for row in records
    }
    pending = st.session_state.get(_UNDO)
    if pending is not None and pending in labels:
        _confirm_undo(int(pending), label=labels[int(pending)], lang=lang)
        return
    st.session_state.pop(_UNDO, None)
    chosen = st.selectbox(
        t("import.undo_choose", lang),
        options=list(labels),
        format_func=labels.__getitem__,
        index=None,
        placeholder=t("import.undo_placeholder", lang),
        key="import_undo_choice",
    )
    if st.button(
        t("import.undo", lang),
        key="import_undo",
        icon=":material/undo:",
        disabled=chosen is None,
    ):
        st.session_state[_UNDO] = chosen
        st.rerun()


def _confirm_undo(batch_id: int, *, label: str, lang: Lang) -> None:
    """The second step of an undo: say what will happen, then do it or cancel."""
    st.warning(t("import.undo_warning", lang, load=escape_markdown(label)), icon=":material/undo:")
    yes, no, _ = st.columns([1, 1, 3])
    if yes.button(t("import.undo_confirm", lang), type="primary", key="import_undo_confirm"):
        undo(batch_id, lang=lang)
    if no.button(t("import.undo_cancel", lang), key="import_undo_cancel"):
        st.session_state.pop(_UNDO, None)
        st.rerun()


def undo(batch_id: int, *, lang: Lang) -> None:
    """Undo a whole load; a refusal is shown, a success reruns the app with fresh caches."""
    user = current_user()
    st.session_state.pop(_UNDO, None)
    if user is None or not may(Role.EDITOR):
        st.error(t("auth.refused", lang, role=t("role.editor", lang)))
        return
    try:
        with Session(get_engine()) as session:
            result = load_history.undo_load(session=session, batch_id=batch_id, user=user.name)
    except load_history.UndoRefused as refused:
        message = refused.message_vi if lang == "vi" else refused.message_en
        st.error(sentence(message), icon=":material/block:")
        return
    counts = {"removed": result.rows_removed, "restored": result.rows_restored}
    outcome: list[tuple[str, dict[str, Any]]] = [("import.undone", {"batch": batch_id, **counts})]
    if result.rows_kept:
        loads = load_numbers(result.kept_by)
        outcome.append(("import.kept", {"rows": result.rows_kept, "loads": loads}))
    if result.replaced is not None:
        outcome.append(("import.back_in_place", {"batch": result.replaced}))
    st.session_state[OUTCOME] = outcome
    st.rerun()
