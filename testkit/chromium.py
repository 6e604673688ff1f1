"""Debian's Chromium for the dashboard: how to launch it, what stays local, when a page is settled.

Shared by the browser tests (Playwright's sync API) and the benchmark (its async API), so
nothing here imports Playwright: the launch options and the page-side JavaScript work with both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying Google's hosts, which this
# closed network refuses; --no-sandbox because the tests may run as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}

# Every chart of a page as JSON-friendly data: its Streamlit key (from the st-key-<key> class of
# its container), its title, and each trace's arrays (typed arrays turned into plain lists).
CHARTS_JS = """
() => {
  const plain = (v) => (v && ArrayBuffer.isView(v)) ? Array.from(v) : (v ?? null);
  return Array.from(document.querySelectorAll('.js-plotly-plot')).map((el) => {
    const holder = el.closest('[class*="st-key-chart_"]');
    const key = holder
      ? Array.from(holder.classList).find((c) => c.startsWith('st-key-chart_')).slice(13)
      : null;
    const title = el.layout && el.layout.title ? el.layout.title.text : null;
    const traces = (el.data || []).map((t) => ({
      type: t.type, name: t.name ?? null, orientation: t.orientation ?? null,
      x: plain(t.x), y: plain(t.y), z: plain(t.z), locations: plain(t.locations),
      text: plain(t.text), size: t.marker ? plain(t.marker.size) : null,
      role: t.meta && t.meta.role ? t.meta.role : null,
    }));
    return {key, title, traces, geoPaths: el.querySelectorAll('.geo path').length};
  });
}
"""


# True once the script run has finished, no element of an earlier run is still shown (stale),
# no placeholder waits for a lazily loaded widget (tables, charts), the page title is there and
# every chart container holds a drawn plotly chart (plotly.js arrives a moment after the run);
# also true as soon as the run has ended in an exception, so that fails fast.
SETTLED_JS = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  if (document.querySelector('[data-testid="stException"]')) return true;
  if (document.querySelector('[data-stale="true"]')) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  if (!document.querySelector('[data-testid="stMainBlockContainer"] h1')) return false;
  const holders = document.querySelectorAll(
    '[data-testid="stElementContainer"][class*="st-key-chart_"]');
  return Array.from(holders).every((holder) => {
    const el = holder.querySelector('.js-plotly-plot');
    return el && el._fullLayout && Array.isArray(el.data);
  });
}
"""


def launch_options(*extra_args: str) -> dict[str, Any]:
    """Keyword arguments of `playwright.chromium.launch`: Debian's Chromium, headless."""
    return {
        "executable_path": str(CHROMIUM),
        "args": [*CHROMIUM_ARGS, *extra_args],
        "headless": True,
    }


def stays_local(url: str) -> bool:
    """Whether a page may fetch this address: loopback, data: and blob: only."""
    return url.startswith(("data:", "blob:")) or urlsplit(url).hostname in LOCAL_HOSTS
