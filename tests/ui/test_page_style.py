"""The page-style elements: a script that sets <html lang>, the print and toolbar style."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


def _page(lang: str) -> None:
    from ui.page_style import apply_page_style

    apply_page_style(lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_style_sets_the_document_language_and_prints_without_the_sidebar(
    lang: str,
) -> None:
    at = AppTest.from_function(_page, args=(lang,)).run()
    assert not at.exception
    bodies = [element.proto.body for element in at.get("html")]
    script = next(body for body in bodies if "<script>" in body)
    assert f'document.documentElement.lang = "{lang}"' in script
    assert [element.proto.unsafe_allow_javascript for element in at.get("html")].count(True) == 1
    style = next(body for body in bodies if body.startswith("<style>"))
    assert "@media print" in style and '[data-testid="stSidebar"]' in style
    assert "size: A4 portrait" in style
    assert '[data-testid="stElementToolbar"] { display: none !important; }' in style
