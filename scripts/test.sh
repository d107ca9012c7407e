#!/usr/bin/env bash
# Builds memviz and runs every test: native unit and shell tests (release, then under ASan and
# UBSan), the same unit tests compiled to wasm and run under node, short runs of the fuzzers, and
# the browser tests in headless Chromium. Installs what is missing first. Exits non-zero if
# anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

jobs=$(nproc)
step() { printf '\n== %s\n' "$*"; }

for preset in native-release native-asan wasm; do
  step "build: $preset"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  step "test: $preset"
  ctest --preset "$preset" -j "$jobs"
done

# Each libFuzzer target for a few seconds from its seeds and regressions, under ASan and UBSan:
# enough to catch a regression, not to search (docs/reliability.md has the long runs).
step "fuzz: every target for ${MEMVIZ_FUZZ_SECONDS:-10} s (clang, build/fuzz)"
JOBS="$jobs" bash scripts/fuzz.sh "${MEMVIZ_FUZZ_SECONDS:-10}"

step "test: browser (Playwright + Debian Chromium, dist/ served by python3 -m http.server)"
node --test tests/browser/
