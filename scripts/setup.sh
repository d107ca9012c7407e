#!/usr/bin/env bash
# Installs what memviz needs to build and test, from Debian's packages and the npm registry only.
# Idempotent and quiet: when everything is present it prints nothing and changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake ninja-build g++                 # native build
  clang libclang-rt-14-dev              # the libFuzzer targets (scripts/fuzz.sh)
  emscripten                            # wasm build (Debian's 3.1.6, clang 14)
  dpkg-dev                              # apt-get source (imgui, zlib) unpacks with dpkg-source
  doctest-dev                           # unit tests, native and wasm
  libcli11-dev nlohmann-json3-dev       # the memviz command line and its JSON output
  zlib1g-dev                            # permalinks' compression (the wasm build compiles Debian's zlib sources)
  fonts-jetbrains-mono fonts-open-sans  # the fonts baked into the web app
  chromium                              # browser tests (driven by playwright-core)
  node-typescript                       # tsc checks web/page/memviz.d.ts (tests/types)
  node-marked                           # renders docs/errors.md as the site's docs/errors.html
  python3                               # the plain static server the browser tests use
  openssl                               # the certificate of the browser tests' https server
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# Node may come from Debian or elsewhere; only its absence matters.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# playwright-core, pinned by package-lock.json. It brings no browser: the tests use Debian's.
if [ ! -f node_modules/playwright-core/package.json ] ||
   [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --silent
fi

# Dear ImGui's sources, fetched with apt-get source into the build tree (see fetch-imgui.sh).
bash scripts/fetch-imgui.sh
