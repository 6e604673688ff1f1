#!/usr/bin/env bash
# Set up and run the dashboard: bash scripts/start.sh [streamlit options, e.g. --server.port 8080]
# Creates .venv, installs requirements.txt, migrates the database (DATABASE_URL, default a
# SQLite file under data/), loads the demo data into an empty database, starts Streamlit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/common.sh

ensure_venv requirements.txt
bash scripts/install_geometry.sh

echo "==> migrating the database"
.venv/bin/python -m datastore migrate

# Only an empty database gets the demo data, so imported figures are never mixed with it.
if .venv/bin/python - <<'PY'
import sys

from sqlmodel import Session, select

from datastore.db import get_engine
from datastore.models import Aid, Exchange, Membership, Organization

with Session(get_engine()) as session:
    empty = all(
        session.exec(select(table).limit(1)).first() is None
        for table in (Organization, Membership, Aid, Exchange)
    )
sys.exit(0 if empty else 1)
PY
then
    echo "==> empty database: loading the demo data"
    .venv/bin/python -m seed
fi

echo "==> starting the dashboard"
# Headless mode and no usage statistics come from .streamlit/config.toml.
exec .venv/bin/streamlit run dashboard.py "$@"
