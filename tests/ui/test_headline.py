"""The headline cards' change: coloured and arrowed only when it has a direction."""

from __future__ import annotations

import pytest

from i18n.catalogue import Lang
from i18n.formatting import format_change
from ui.headline import delta_look


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_level_change_has_no_arrow_or_colour_and_a_rise_or_fall_has(lang: Lang) -> None:
    # Streamlit reads a delta without a sign as growth: "0,0 %" would get a green up arrow.
    assert delta_look(format_change(100, 100, lang)) == ("off", "off")
    assert delta_look(format_change(100.01, 100, lang)) == ("off", "off")  # rounds to 0,0 %
    assert delta_look(format_change(112, 100, lang)) == ("normal", "auto")
    assert delta_look(format_change(90, 100, lang)) == ("normal", "auto")
    assert delta_look(None) == ("normal", "auto")
