"""A report figure from a headline-style change: its value, the year before, the change, a note."""

from __future__ import annotations

from collections.abc import Callable

from datastore.queries.comparisons import Change, Status
from datastore.yearly.document import ReportFigure
from i18n.catalogue import Lang, t
from i18n.formatting import MISSING, format_change, format_day, format_number, format_percent

Format = Callable[[float | None], str]


def counts(lang: Lang) -> Format:
    """Counts as printed in `lang`: '1.234' (vi), '1,234' (en)."""
    return lambda value: format_number(value, lang)


def missing(lang: Lang) -> str:
    """What a figure that was not reported reads."""
    return t("yearly.not_reported", lang)


def reason(change: Change, lang: Lang, year: int) -> str:
    """Why a change has no percentage, in a few words; '' when it has one."""
    if change.status is Status.NOT_REPORTED:
        return missing(lang)
    if change.status is Status.PREVIOUS_NOT_REPORTED:
        return t("yearly.status.previous_not_reported", lang, previous_year=year - 1)
    if change.status is Status.MERGED:
        return t("yearly.status.merged", lang)
    if change.status is Status.RESTRUCTURED:
        return t("yearly.status.restructured", lang)
    if change.current is None or change.previous is None:
        return t("yearly.status.partial", lang)  # a yearly figure of a year not over
    if change.previous == 0:
        return t("yearly.status.zero", lang, previous_year=year - 1)
    return ""


def figure(
    label: str,
    change: Change,
    *,
    lang: Lang,
    year: int,
    show: Format,
    notes: tuple[str, ...] = (),
    compare_notes: tuple[str, ...] = (),
) -> ReportFigure:
    """The figure of `change` as the report prints it."""
    why = reason(change, lang, year)
    if change.status is Status.MERGED and change.value is None:
        # Its figures are the new unit's now: "not reported" would read as a union that failed to.
        value_text = t("yearly.status.merged", lang)
    else:
        value_text = missing(lang) if change.value is None else show(change.value)
    if change.previous is not None:
        previous_text = show(change.previous)
    elif change.status is Status.PREVIOUS_NOT_REPORTED:
        previous_text = missing(lang)
    else:
        previous_text = MISSING  # nothing to set beside this year's figure
    change_text = why or format_change(change.current, change.previous, lang) or ""
    if change.status is Status.MERGED and change.value is None:
        change_text = MISSING  # the value already says why; no change to set beside it
    found = notes_of(change, lang, year, notes, compare_notes)
    return ReportFigure(
        label=label,
        value=change.value,
        previous=change.previous,
        value_text=value_text,
        previous_text=previous_text,
        change_text=change_text,
        note="; ".join(found),
    )


def notes_of(
    change: Change,
    lang: Lang,
    year: int,
    notes: tuple[str, ...] = (),
    compare_notes: tuple[str, ...] = (),
) -> list[str]:
    """What a reader must know: `notes`; where there is a change, what it compares and when."""
    found = list(notes)
    if reason(change, lang, year):
        return found
    found += compare_notes
    if change.compared < change.reporting:
        basis = t(f"yearly.basis.{change.basis}", lang)
        found.append(
            t(
                "yearly.note.compared_on",
                lang,
                compared=change.compared,
                reporting=change.reporting,
                basis=basis,
            )
        )
    if change.through is not None:
        found.append(t("yearly.note.through", lang, day=format_day(change.through)))
    return found


def clause(
    change: Change,
    lang: Lang,
    year: int,
    subject: str,
    notes: tuple[str, ...] = (),
    compare_notes: tuple[str, ...] = (),
) -> str:
    """The change as a sentence of its own, with what it compares and its notes.

    'Số hội viên tăng 12,0 % so với năm 2023 (so sánh trên 3/4 tổ chức báo cáo cả hai năm).'
    """
    why = reason(change, lang, year)
    said = "; ".join(notes_of(change, lang, year, notes, compare_notes))
    if why:
        how = t("yearly.change.none", lang, previous_year=year - 1, reason=why)
    else:
        assert change.current is not None and change.previous is not None
        fraction = (change.current - change.previous) / abs(change.previous)
        if round(fraction * 100, 1) == 0:
            how = t("yearly.change.same", lang, previous_year=year - 1)
        else:
            key = "yearly.change.up" if fraction > 0 else "yearly.change.down"
            how = t(key, lang, percent=format_percent(abs(fraction), lang), previous_year=year - 1)
    sentence = f"{subject} {how}"
    return f"{sentence} ({said})." if said else f"{sentence}."
