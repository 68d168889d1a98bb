#!/usr/bin/env bash
# Builds sitrep (if needed) and runs the whole test suite with CTest.
# Usage: bash scripts/test.sh            SANITIZE=1 bash scripts/test.sh   (ASan + UBSan build in build-asan/)
#        TSAN=1 bash scripts/test.sh   (ThreadSanitizer build in build-tsan/ of the sitrep binary only; runs the
#                                       multi-threaded tests, CTest label `threads`)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${TSAN:-0}" = 1 ]; then
  BUILD_DIR=${BUILD_DIR:-build-tsan}
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSITREP_TSAN=ON -DSITREP_BUILD_BENCH=OFF >/dev/null
  cmake --build "$BUILD_DIR" -j "$(nproc)" --target sitrep
  export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
  ctest --test-dir "$BUILD_DIR" --output-on-failure -L threads
  exit 0
fi
if [ "${SANITIZE:-0}" = 1 ]; then
  BUILD_DIR=${BUILD_DIR:-build-asan}
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSITREP_SANITIZE=ON -DSITREP_BUILD_BENCH=OFF >/dev/null
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
  BUILD_DIR=${BUILD_DIR:-build}
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD_DIR" -j "$(nproc)"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)"
