"""The import page's parts: kind and templates, upload and checks, the load, the history and undo.

Nothing here writes unless the current role may edit (checked again at each write, not only when
the page opens). After a load or an undo the script reruns, so the entry file reads the new
data version and every cached chart and option list refreshes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st
from sqlmodel import Session

from datastore import importing
from datastore.db import get_engine
from datastore.loading import LoadRejected
from datastore.models import Role
from i18n.catalogue import t
from i18n.formatting import MEGABYTE, format_file_size, format_moment, format_number
from ui.auth import current_user, escape_markdown, may

KINDS = ("members", "aid", "exchanges", "organizations")
FORMATS = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
PREVIEW_ROWS = 20

_NONCE = "_import_nonce"  # changes after a load, giving a fresh, empty uploader
_CHECKED = "_import_checked"  # (file id, kind) -> the outcome of checking that file
_OUTCOME = "_import_outcome"  # what the last load or undo did, shown after the rerun
_UNDO = "_import_undo_pending"  # the load waiting for its undo to be confirmed


# Sizes and dates ----------------------------------------------------------------------------


def limit_bytes() -> int:
    """The configured upload limit (DDN_MAX_UPLOAD_MB), read as the data layer reads it."""
    return importing.max_upload_bytes()


def limit_megabytes() -> int:
    """The upload limit in whole megabytes, as the file chooser takes it (rounded up)."""
    return max(1, math.ceil(limit_bytes() / MEGABYTE))


def too_large(size: int) -> bool:
    """Whether an upload is over the configured limit (checked before its content is read)."""
    return size > limit_bytes()


def moment_text(moment: Any) -> str:
    """A load's time as dd/mm/yyyy HH:MM (UTC), or an empty string."""
    if moment is None or (isinstance(moment, float) and math.isnan(moment)) or pd.isna(moment):
        return ""
    return format_moment(pd.Timestamp(moment))


# Problems as a table ------------------------------------------------------------------------


def sentence(text: str) -> str:
    """A data-layer message (written to follow "row 3:") as a sentence of its own."""
    return text[:1].upper() + text[1:]


def column_name(kind: str, name: str, lang: str) -> str:
    """A template column as both templates head it: CSV's name, then XLSX's Vietnamese header."""
    label = importing.column_label(kind, name)
    if lang != "vi" or label == name:
        return name
    return f"{name} — {label}"


def problems_frame(problems: list[Any], lang: str, *, kind: str) -> pd.DataFrame:
    """Row, column, value and reason (in `lang`) of every problem, in file order."""
    rows = [
        {
            t("import.column.row", lang): int(problem.row),
            t("import.column.column", lang): column_name(kind, str(problem.column), lang),
            t("import.column.value", lang): str(problem.value),
            t("import.column.reason", lang): _reason(problem, lang),
        }
        for problem in problems
    ]
    columns = [t(f"import.column.{name}", lang) for name in ("row", "column", "value", "reason")]
    return pd.DataFrame(rows, columns=columns)


def _reason(problem: Any, lang: str) -> str:
    return sentence(str(problem.reason_en or problem.reason) if lang == "en" else problem.reason)


def file_problem_text(problem: importing.FileProblem, lang: str) -> str:
    """A whole-file problem in the interface language."""
    return sentence(problem.message_vi if lang == "vi" else problem.message_en)


def preview_frame(preview: pd.DataFrame, lang: str, *, kind: str) -> pd.DataFrame:
    """The first rows as read, with their spreadsheet row numbers and readable headers."""
    shown = preview.head(PREVIEW_ROWS).reset_index()
    names = {"row": t("import.column.row", lang)}
    names.update({c: column_name(kind, str(c), lang) for c in shown.columns if c != "row"})
    return shown.rename(columns=names)


# Kind and templates -------------------------------------------------------------------------


def choose_kind(lang: str) -> str:
    """Which table the file fills."""
    chosen = st.segmented_control(
        t("import.kind", lang),
        options=list(KINDS),
        format_func=lambda kind: t(f"data.tab.{kind}", lang),
        default=KINDS[0],
        required=True,
        key="import_kind",
    )
    return str(chosen or KINDS[0])


def template_buttons(kind: str, lang: str) -> None:
    """Empty CSV and XLSX files with the columns of `kind`, built only when clicked."""
    st.caption(t("import.templates", lang))
    # Narrow columns, so the two buttons sit side by side rather than at both ends of the page.
    columns = st.columns([1] * len(FORMATS) + [2])
    for column, (fmt, mime) in zip(columns, FORMATS.items(), strict=False):
        column.download_button(
            t(f"import.template_{fmt}", lang),
            data=_template(kind, fmt),
            file_name=f"mau_{kind}.{fmt}",
            mime=mime,
            key=f"template_{kind}_{fmt}",
            icon=":material/download:",
            on_click="ignore",
        )


def _template(kind: str, fmt: str) -> Callable[[], bytes]:
    return lambda: importing.template_bytes(kind, fmt)


# Upload, check, load ------------------------------------------------------------------------


def uploader(lang: str) -> Any:
    """The file chooser; refuses files over the limit in the browser already."""
    nonce = int(st.session_state.get(_NONCE, 0))
    return st.file_uploader(
        t("import.uploader", lang, limit=format_file_size(limit_bytes(), lang)),
        key=f"import_file_{nonce}",
        max_upload_size=limit_megabytes(),
        help=t("import.uploader_help", lang),
    )


def check_file(uploaded: Any, *, kind: str, lang: str) -> None:
    """Refuse a file over the limit unread; else parse it, list its problems, offer the load."""
    name = str(uploaded.name)
    if too_large(int(uploaded.size)):
        st.error(
            t(
                "import.too_large",
                lang,
                name=escape_markdown(name),
                size=format_file_size(int(uploaded.size), lang),
                limit=format_file_size(limit_bytes(), lang),
            ),
            icon=":material/block:",
        )
        return
    checked = _checked(uploaded, kind=kind, lang=lang)
    if isinstance(checked, importing.FileProblem):
        st.error(file_problem_text(checked, lang), icon=":material/error:")
        st.info(t("import.nothing_written", lang), icon=":material/info:")
        return
    preview, problems = checked
    if problems:
        st.error(
            t("import.problems", lang, count=format_number(len(problems), lang)),
            icon=":material/error:",
        )
        st.info(t("import.nothing_written", lang), icon=":material/info:")
        st.dataframe(
            problems_frame(problems, lang, kind=kind), hide_index=True, key="import_problems"
        )
    st.subheader(t("import.preview", lang))
    st.dataframe(preview_frame(preview, lang, kind=kind), hide_index=True, key="import_preview")
    if problems:
        return
    st.success(t("import.ready", lang, name=escape_markdown(name)), icon=":material/check:")
    if st.button(
        t("import.confirm", lang), type="primary", key="import_confirm", icon=":material/upload:"
    ):
        load(uploaded, kind=kind, lang=lang)


def _checked(uploaded: Any, *, kind: str, lang: str) -> Any:
    """The preview and problems of an upload, worked out once per file and kind."""
    cache: dict[tuple[str, str], Any] = st.session_state.setdefault(_CHECKED, {})
    key = (str(uploaded.file_id), kind)
    if key not in cache:
        cache.clear()  # one file at a time: forget the previous upload's check
        user = current_user()
        # Checking a large file takes a while: a bar, gone once the check is done.
        bar = st.progress(0.0, text=t("import.checking", lang))
        try:
            with Session(get_engine()) as session:
                cache[key] = importing.preview_file(
                    session=session,
                    kind=kind,
                    data=uploaded.getvalue(),
                    file_name=str(uploaded.name),
                    created_by=user.name if user else "",
                    limit=PREVIEW_ROWS,
                    progress=_bar_progress(bar, lambda _: t("import.checking", lang)),
                )
        except importing.FileProblem as problem:
            cache[key] = problem
        finally:
            bar.empty()
    return cache[key]


def _bar_progress(bar: Any, label: Callable[[float], str]) -> Callable[[float], None]:
    """A progress callback of the data layer drawn on a Streamlit progress bar."""

    def report(fraction: float) -> None:
        bar.progress(min(max(float(fraction), 0.0), 1.0), text=label(fraction))

    return report


def load(uploaded: Any, *, kind: str, lang: str) -> None:
    """Write the checked file with a progress bar; on success rerun with a fresh uploader."""
    user = current_user()
    if user is None or not may(Role.EDITOR):
        st.error(t("auth.refused", lang, role=t("role.editor", lang)))
        return
    bar = st.progress(0.0, text=t("import.loading", lang))
    progress = _bar_progress(bar, lambda f: t(importing.phase_of(f), lang) + "…")

    try:
        with Session(get_engine()) as session:
            summary = importing.import_file(
                session=session,
                kind=kind,
                data=uploaded.getvalue(),
                file_name=str(uploaded.name),
                created_by=user.name,
                progress=progress,
            )
    except importing.FileProblem as problem:
        bar.empty()
        st.error(file_problem_text(problem, lang), icon=":material/error:")
        st.info(t("import.nothing_written", lang), icon=":material/info:")
        return
    except LoadRejected as rejected:
        bar.empty()
        st.error(
            t("import.problems", lang, count=format_number(len(rejected.problems), lang)),
            icon=":material/error:",
        )
        st.info(t("import.nothing_written", lang), icon=":material/info:")
        st.dataframe(
            problems_frame(rejected.problems, lang, kind=kind), hide_index=True, key="import_late"
        )
        return
    st.session_state[_OUTCOME] = (
        "import.done",
        {
            "name": str(uploaded.name),
            "batch": summary.batch_id,
            "added": summary.added,
            "updated": summary.updated,
            "unchanged": summary.unchanged,
        },
    )
    st.session_state[_NONCE] = int(st.session_state.get(_NONCE, 0)) + 1
    st.session_state.pop(_CHECKED, None)
    st.rerun()


def show_outcome(lang: str) -> None:
    """What the last load or undo of this session did (once)."""
    outcome = st.session_state.pop(_OUTCOME, None)
    if not outcome:
        return
    key, values = outcome
    shown = {
        name: escape_markdown(value)
        if isinstance(value, str)
        else format_number(value, lang)
        if isinstance(value, int) and name != "batch"
        else value
        for name, value in values.items()
    }
    st.success(t(key, lang, **shown), icon=":material/task_alt:")


# History and undo ---------------------------------------------------------------------------


def history_frame(loads: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The loads as shown: translated headers, kinds, times, and whether each is undone."""
    if loads.empty:
        return pd.DataFrame(columns=[t(f"import.history.{c}", lang) for c in _HISTORY_COLUMNS])
    status = [
        _status(row, lang) for row in loads[["is_demo", "undone_at", "undone_by"]].itertuples()
    ]
    shown = pd.DataFrame(
        {
            "id": loads["id"].astype(int),
            "created_at": loads["created_at"].map(moment_text),
            "kind": loads["kind"].map(lambda k: t(f"data.tab.{k}", lang) if k in KINDS else k),
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


def _status(row: Any, lang: str) -> str:
    if moment_text(row.undone_at):
        return t(
            "import.status.undone", lang, when=moment_text(row.undone_at), who=row.undone_by or ""
        )
    if bool(row.is_demo):
        return t("import.status.demo", lang)
    return t("import.status.active", lang)


def show_history(lang: str) -> None:
    """Every load, newest first, and the undo of a whole load (with a confirmation step)."""
    st.subheader(t("import.history", lang))
    with Session(get_engine()) as session:
        loads = importing.list_loads(session=session)
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


def _confirm_undo(batch_id: int, *, label: str, lang: str) -> None:
    """The second step of an undo: say what will happen, then do it or cancel."""
    st.warning(t("import.undo_warning", lang, load=escape_markdown(label)), icon=":material/undo:")
    yes, no, _ = st.columns([1, 1, 3])
    if yes.button(t("import.undo_confirm", lang), type="primary", key="import_undo_confirm"):
        undo(batch_id, lang=lang)
    if no.button(t("import.undo_cancel", lang), key="import_undo_cancel"):
        st.session_state.pop(_UNDO, None)
        st.rerun()


def undo(batch_id: int, *, lang: str) -> None:
    """Undo a whole load; a refusal is shown, a success reruns the app with fresh caches."""
    user = current_user()
    st.session_state.pop(_UNDO, None)
    if user is None or not may(Role.EDITOR):
        st.error(t("auth.refused", lang, role=t("role.editor", lang)))
        return
    try:
        with Session(get_engine()) as session:
            result = importing.undo_load(session=session, batch_id=batch_id, user=user.name)
    except importing.UndoRefused as refused:
        message = refused.message_vi if lang == "vi" else refused.message_en
        st.error(sentence(message), icon=":material/block:")
        return
    st.session_state[_OUTCOME] = (
        "import.undone",
        {"batch": batch_id, "removed": result.rows_removed, "restored": result.rows_restored},
    )
    st.rerun()
