#!/usr/bin/env bash
# Builds memviz and runs every test: native unit and shell tests (release, then under ASan and
# UBSan), the same unit tests compiled to wasm and run under node, and the browser tests in
# headless Chromium. Installs what is missing first. Exits non-zero if anything fails.
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
  ctest --preset "$preset"
done

step "test: browser (Playwright + Debian Chromium, dist/ served by python3 -m http.server)"
node --test tests/browser/
