"""Page-wide style: `<html lang>` in the interface language, English chrome hidden, print layout."""

from __future__ import annotations

import json

import streamlit as st

from i18n.catalogue import Lang

LANG_HOLDER_KEY = "ddn_page_lang"  # the hidden container whose script sets <html lang>
# A4 portrait, 12 mm margins: 186 mm of line at 96 CSS px per inch.
PRINT_WIDTH_PX = 700

# Streamlit's element toolbar (fullscreen, download, search over charts and tables) has English
# tooltips only and covers a chart's title on a phone; nothing on it is needed: every chart and
# table has its own download button under it.
_SCREEN_CSS = f"""
[data-testid="stElementToolbar"] {{ display: none !important; }}
.st-key-{LANG_HOLDER_KEY},
[data-testid="stLayoutWrapper"]:has(> .st-key-{LANG_HOLDER_KEY}) {{ display: none !important; }}
/* Headline cards: "so với năm 2024" goes under the change when the card is narrow, whole. */
[data-testid="stMetric"] :has(> [data-testid="stMetricDeltaDescription"]) {{ flex-wrap: wrap; }}
[data-testid="stMetricDeltaDescription"], [data-testid="stMetricDeltaDescription"] * {{
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  min-width: 0 !important;
}}
/* Card labels carry their unit ("Viện trợ giải ngân (tỷ đồng)"): wrapped, never cut. */
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {{
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}}
"""

# Printing: the page alone on A4 portrait. The sidebar, header, toolbars and buttons go; columns
# of charts stack so that no text is squeezed to a letter a line; the app's full-height boxes
# shrink to their content; charts are scaled by the script below.
_PRINT_CSS = """
@media print {
  @page { size: A4 portrait; margin: 12mm; }
  html, body { height: auto !important; overflow: visible !important; background: #FFFFFF; }
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stExpandSidebarButton"], [data-testid="stHeader"], header,
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stDownloadButton"], [data-testid="stButton"],
  [data-testid="stElementToolbar"], [data-testid="stBottom"], .stDeployButton,
  iframe { display: none !important; }
  /* A table is a scrolling canvas: it would print its first rows as a picture and then an
     empty page. Its CSV download holds every row. */
  [data-testid="stDataFrame"] { display: none !important; }
  .stApp, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"],
  [data-testid="stMainBlockContainer"], .main, section.main {
    position: static !important; overflow: visible !important; height: auto !important;
    min-height: 0 !important; max-width: none !important; width: auto !important;
    margin: 0 !important; padding: 0 !important; inset: auto !important;
  }
  [data-testid="stHorizontalBlock"]:has(.js-plotly-plot) {
    flex-direction: column !important; flex-wrap: nowrap !important;
  }
  [data-testid="stHorizontalBlock"]:has(.js-plotly-plot) > [data-testid="stColumn"] {
    width: 100% !important; min-width: 0 !important; max-width: 100% !important;
    flex: 1 1 auto !important;
  }
  /* No break-inside: avoid on charts: Chromium then ends the print with an empty page. */
  h1, h2, h3 { break-after: avoid; }
}
"""

# Runs in the page (st.html with JavaScript): the document's language follows the interface,
# and charts drawn for the screen are zoomed to the printed line's width while printing, since
# plotly draws at a fixed pixel width that would be cut at the page's edge.
_SCRIPT = """
<script>
(() => {
  document.documentElement.lang = %(lang)s;
  if (window.__ddnPrintZoom) return;
  window.__ddnPrintZoom = true;
  const fit = () => document.querySelectorAll('.js-plotly-plot').forEach((chart) => {
    const holder = chart.closest('[data-testid="stElementContainer"]') || chart;
    const width = chart.getBoundingClientRect().width;
    holder.style.zoom = width > %(width)d ? String(%(width)d / width) : '';
  });
  const unfit = () => document.querySelectorAll('[data-testid="stElementContainer"]')
    .forEach((holder) => { holder.style.zoom = ''; });
  window.addEventListener('beforeprint', fit);
  window.addEventListener('afterprint', unfit);
  window.matchMedia('print').addEventListener('change', (m) => (m.matches ? fit() : unfit()));
})();
</script>
"""


def apply_page_style(lang: Lang) -> None:
    """Set `<html lang>`, hide Streamlit's English-only toolbars and add the print layout."""
    # Style alone goes to Streamlit's event container: it takes no room on the page.
    st.html(f"<style>{_SCREEN_CSS}{_PRINT_CSS}</style>")
    with st.container(key=LANG_HOLDER_KEY):
        st.html(
            _SCRIPT % {"lang": json.dumps(lang), "width": PRINT_WIDTH_PX},
            unsafe_allow_javascript=True,
        )
