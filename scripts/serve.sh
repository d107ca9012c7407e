#!/usr/bin/env bash
# Installs what is missing, builds the web app into dist/ and serves it on http://127.0.0.1:8080/
# (PORT=9000 scripts/serve.sh picks another port) with a plain static server, as any static host
# would. Ctrl+C stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j "$(nproc)"
port="${PORT:-8080}"
echo "memviz is served at http://127.0.0.1:${port}/  (Ctrl+C stops the server)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
