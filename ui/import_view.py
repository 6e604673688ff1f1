"""The import page's upload part: kind and templates, the file and its checks, the load itself.

Nothing here writes unless the current role may edit (checked again at the load, not only when
the page opens). After a load the script reruns, so the entry file reads the new data version
and every cached chart and option list refreshes. The history and undo are in ui.import_history.

Checking or loading a file runs in this session's script thread, never in another session's:
its work is bounded by the file (a workbook's cells are bounded as they are read, so a sparse
sheet is refused at its first stray value, datastore.load.workbooks), and it reports progress
every few thousand rows, even while a workbook is still being read. Each report draws the bar,
and drawing is where Streamlit stops a script whose visitor reran it (another file, another
kind, another page) or left: the check is cancelled there, and nothing is written before the
load's single transaction.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st
from sqlmodel import Session

from datastore.db import get_engine
from datastore.errors import database_cause, database_message
from datastore.load import files, headers, imports, templates
from datastore.load.problems import FileProblem, LoadRejected
from datastore.load.replace import ReplaceRefused
from datastore.models.accounts import Role
from datastore.vocabulary import DATA_KINDS, DataKind, as_kind
from i18n.catalogue import Lang, t
from i18n.formatting import MEGABYTE, format_file_size, format_number, load_numbers, quote
from ui import import_replace
from ui.auth import current_user, escape_markdown, may

FORMATS = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
PREVIEW_ROWS = 20

_NONCE = "_import_nonce"  # changes after a load, giving a fresh, empty uploader
_CHECKED = "_import_checked"  # (file id, kind) -> the outcome of checking that file
OUTCOME = "_import_outcome"  # what the last load or undo did, shown after the rerun: messages


# Sizes --------------------------------------------------------------------------------------


def limit_bytes() -> int:
    """The configured upload limit (DDN_MAX_UPLOAD_MB), read as the data layer reads it."""
    return files.max_upload_bytes()


def limit_megabytes() -> int:
    """The upload limit in whole megabytes, as the file chooser takes it (rounded up)."""
    return max(1, math.ceil(limit_bytes() / MEGABYTE))


def too_large(size: int) -> bool:
    """Whether an upload is over the configured limit (checked before its content is read)."""
    return size > limit_bytes()


# Problems as a table ------------------------------------------------------------------------


def sentence(text: str) -> str:
    """A data-layer message (written to follow "row 3:") as a sentence of its own."""
    return text[:1].upper() + text[1:]


def column_name(kind: DataKind, name: str, lang: Lang) -> str:
    """A template column as both templates head it: CSV's name, then XLSX's Vietnamese header."""
    label = headers.column_label(kind, name)
    if lang != "vi" or label == name:
        return name
    return f"{name} — {label}"


def problems_frame(problems: list[Any], lang: Lang, *, kind: DataKind) -> pd.DataFrame:
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


def _reason(problem: Any, lang: Lang) -> str:
    return sentence(str(problem.reason_en or problem.reason) if lang == "en" else problem.reason)


def file_problem_text(problem: FileProblem | ReplaceRefused, lang: Lang) -> str:
    """A whole-file problem (or a refused replace) in the interface language."""
    return sentence(problem.message_vi if lang == "vi" else problem.message_en)


def preview_frame(preview: pd.DataFrame, lang: Lang, *, kind: DataKind) -> pd.DataFrame:
    """The first rows as read, with their spreadsheet row numbers and readable headers."""
    shown = preview.head(PREVIEW_ROWS).reset_index()
    names = {"row": t("import.column.row", lang)}
    names.update({c: column_name(kind, str(c), lang) for c in shown.columns if c != "row"})
    return shown.rename(columns=names)


# Kind and templates -------------------------------------------------------------------------


def choose_kind(lang: Lang) -> DataKind:
    """Which table the file fills."""
    chosen = st.segmented_control(
        t("import.kind", lang),
        options=list(DATA_KINDS),
        format_func=lambda kind: t(f"data.tab.{kind}", lang),
        default=DATA_KINDS[0],
        required=True,
        key="import_kind",
    )
    return as_kind(chosen or DATA_KINDS[0])


def template_buttons(kind: DataKind, lang: Lang) -> None:
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


def _template(kind: DataKind, fmt: str) -> Callable[[], bytes]:
    return lambda: templates.template_bytes(kind, fmt)


# Upload, check, load ------------------------------------------------------------------------


def uploader(lang: Lang) -> Any:
    """The file chooser; refuses files over the limit in the browser already."""
    nonce = int(st.session_state.get(_NONCE, 0))
    return st.file_uploader(
        t("import.uploader", lang, limit=format_file_size(limit_bytes(), lang)),
        key=f"import_file_{nonce}",
        max_upload_size=limit_megabytes(),
        help=t("import.uploader_help", lang),
    )


def check_file(uploaded: Any, *, kind: DataKind, lang: Lang) -> None:
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
    if checked is None:  # the database failed; _checked said why
        return
    if isinstance(checked, FileProblem):
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
    sheet = preview.attrs.get("sheet")
    if sheet is not None:
        st.caption(t("import.sheet_read", lang, sheet=escape_markdown(quote(sheet))))
    st.dataframe(preview_frame(preview, lang, kind=kind), hide_index=True, key="import_preview")
    if problems:
        return
    st.success(t("import.ready", lang, name=escape_markdown(name)), icon=":material/check:")
    replaces = import_replace.choose_replaced(uploaded, kind=kind, lang=lang)
    if st.button(
        t("import.confirm", lang), type="primary", key="import_confirm", icon=":material/upload:"
    ):
        load(uploaded, kind=kind, lang=lang, replaces=replaces)


def _checked(uploaded: Any, *, kind: DataKind, lang: Lang) -> Any:
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
                cache[key] = imports.preview_file(
                    session=session,
                    kind=kind,
                    data=uploaded.getvalue(),
                    file_name=str(uploaded.name),
                    created_by=user.name if user else "",
                    limit=PREVIEW_ROWS,
                    progress=_bar_progress(bar, lambda _: t("import.checking", lang)),
                )
        except FileProblem as problem:
            cache[key] = problem
        except Exception as error:
            if database_cause(error) is None:
                raise
            # The cause only, never the error's text (its SQL and values); not cached.
            st.error(database_message(error, lang), icon=":material/database:")
            return None
        finally:
            bar.empty()
    return cache[key]


def _bar_progress(bar: Any, label: Callable[[float], str]) -> Callable[[float], None]:
    """A progress callback of the data layer drawn on a Streamlit progress bar."""

    def report(fraction: float) -> None:
        bar.progress(min(max(float(fraction), 0.0), 1.0), text=label(fraction))

    return report


def load(uploaded: Any, *, kind: DataKind, lang: Lang, replaces: int | None = None) -> None:
    """Write the checked file with a progress bar; on success rerun with a fresh uploader."""
    user = current_user()
    if user is None or not may(Role.EDITOR):
        st.error(t("auth.refused", lang, role=t("role.editor", lang)))
        return
    bar = st.progress(0.0, text=t("import.loading", lang))
    progress = _bar_progress(bar, lambda f: t(imports.phase_of(f), lang) + "…")

    try:
        with Session(get_engine()) as session:
            summary = imports.import_file(
                session=session,
                kind=kind,
                data=uploaded.getvalue(),
                file_name=str(uploaded.name),
                created_by=user.name,
                progress=progress,
                replaces=replaces,
            )
    except (FileProblem, ReplaceRefused) as problem:
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
    except Exception as error:
        if database_cause(error) is None:
            raise
        bar.empty()
        st.error(database_message(error, lang), icon=":material/database:")
        return
    counts = {"added": summary.added, "updated": summary.updated, "unchanged": summary.unchanged}
    done = {"name": str(uploaded.name), "batch": summary.batch_id, **counts}
    outcome: list[tuple[str, dict[str, Any]]] = [("import.done", done)]
    if summary.replaces is not None:
        removed = {"removed": summary.removed, "restored": summary.restored}
        outcome.append(("import.done_replaced", {"batch": summary.replaces, **removed}))
    if summary.kept:
        outcome.append(
            ("import.kept", {"rows": summary.kept, "loads": load_numbers(summary.kept_by)})
        )
    st.session_state[OUTCOME] = outcome
    st.session_state[_NONCE] = int(st.session_state.get(_NONCE, 0)) + 1
    st.session_state.pop(_CHECKED, None)
    import_replace.forget_previews()
    st.rerun()


def show_outcome(lang: Lang) -> None:
    """What the last load or undo of this session did (once): one message per line."""
    outcome = st.session_state.pop(OUTCOME, None)
    if not outcome:
        return
    lines = []
    for key, values in outcome:
        shown = {
            name: escape_markdown(value)
            if isinstance(value, str) and name != "loads"
            else format_number(value, lang)
            if isinstance(value, int) and name != "batch"
            else value
            for name, value in values.items()
        }
        lines.append(t(key, lang, **shown))
    st.success("  \n".join(lines), icon=":material/task_alt:")
