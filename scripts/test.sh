#!/usr/bin/env bash
# Set up and test: bash scripts/test.sh [pytest options]
# Installs what is missing (Chromium and its driver for the browser tests and the yearly report's
# charts, Liberation Serif and Pango for the report's PDF, PostgreSQL for the second database
# backend, nginx and openssl for the two-replica deployment test), creates .venv with
# requirements-dev.txt, then runs ruff, mypy, the import-layer contracts and pytest. Every step
# runs; the exit status is non-zero if any of them failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/common.sh

if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null \
    && ! dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q 'install ok installed'; then
    # The tests start their own server; Debian's default cluster on port 5432 is not wanted.
    as_root mkdir -p /etc/postgresql-common/createcluster.d
    echo 'create_main_cluster = false' \
        | as_root tee /etc/postgresql-common/createcluster.d/50-no-main-cluster.conf >/dev/null
fi
apt_install_missing chromium chromium-driver postgresql nginx openssl \
    fonts-liberation2 libpango-1.0-0 libpangoft2-1.0-0
ensure_venv requirements-dev.txt
bash scripts/install_geometry.sh

failed=()
step() {
    local name="$1"
    shift
    echo "==> $name"
    "$@" || failed+=("$name")
}
step "ruff check" .venv/bin/ruff check .
step "ruff format" .venv/bin/ruff format --check .
step "mypy" .venv/bin/mypy .
step "import layers" .venv/bin/lint-imports
step "pytest" .venv/bin/pytest "$@"

if [ "${#failed[@]}" -gt 0 ]; then
    echo "FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "==> all checks passed"
