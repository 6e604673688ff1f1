#!/usr/bin/env bash
# Set up and run the dashboard: bash scripts/start.sh [streamlit options, e.g. --server.port 8080]
# Installs the Debian packages the yearly report's files need (Chromium draws its charts,
# Liberation Serif is the PDF's font, Pango lays the PDF out), creates .venv, installs
# requirements.txt, migrates the database (DATABASE_URL, default a SQLite file under data/),
# loads the demo data into an empty database (or completes a demo load that stopped), starts
# Streamlit on app.py (dashboard.py's pages plus the Data page's streamed downloads).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/common.sh

apt_install_missing chromium fonts-liberation2 libpango-1.0-0 libpangoft2-1.0-0
ensure_venv requirements.txt
bash scripts/install_geometry.sh

echo "==> migrating the database"
.venv/bin/python -m datastore migrate

# Only an empty database gets the demo data, so imported figures are never mixed with it; a
# demo load that stopped half-way (its marker is still there) is completed.
if .venv/bin/python -m datastore.status; then
    echo "==> empty database or unfinished demo load: loading the demo data"
    .venv/bin/python -m seed
fi

echo "==> starting the dashboard"
# Headless mode and no usage statistics come from .streamlit/config.toml.
exec .venv/bin/streamlit run app.py "$@"
