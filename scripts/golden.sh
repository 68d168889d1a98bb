#!/usr/bin/env bash
# Regenerates the golden expectations (tests/golden/expected/*.events) from the current extractor and shows what
# changed. Review the diff, update tests/golden/REVIEW.md if the verdicts change, then commit both.
# Usage: scripts/golden.sh [gtest filter on article names, e.g. '*kherson*']     BUILD_DIR=build-tests scripts/golden.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
if [ ! -f "$BUILD_DIR/build.ninja" ] && [ ! -f "$BUILD_DIR/Makefile" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD_DIR" --target sitrep_tests
filter="Articles/Golden.Article/${1:-*}"
SITREP_REGENERATE=1 "$BUILD_DIR/tests/sitrep_tests" --gtest_filter="$filter" --gtest_brief=1 | grep -E 'regenerated|FAILED|error' || true
echo "== new expectation files (untracked):"
git status --short --untracked-files=all -- tests/golden/expected | grep '^??' || echo "   none"
echo "== changes to tracked expectations:"
git --no-pager diff --stat -- tests/golden/expected
git --no-pager diff --color=auto -- tests/golden/expected
