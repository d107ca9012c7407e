#!/usr/bin/env bash
# Installs what is missing, builds the web app and serves it on http://127.0.0.1:8080/
# (PORT=9000 scripts/serve.sh picks another port). Ctrl+C stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j "$(nproc)"
exec node scripts/static-server.mjs build/wasm/site "${PORT:-8080}"
