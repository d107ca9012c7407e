#!/usr/bin/env bash
# Fetches Dear ImGui 1.86's sources from Debian's source package into DEST (default
# build/_deps/imgui), unless they are there already.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-"$here/build/_deps/imgui"}
want_version=1.86

if [ -f "$dest/imgui.h" ] && grep -q "IMGUI_VERSION *\"$want_version\"" "$dest/imgui.h"; then
  exit 0
fi
bash "$here/scripts/fetch-debian-source.sh" imgui "$dest" "$want_version"
grep -q "IMGUI_VERSION *\"$want_version\"" "$dest/imgui.h" ||
  echo "fetch-imgui: warning: expected Dear ImGui $want_version, got $(grep -m1 'define IMGUI_VERSION ' "$dest/imgui.h")" >&2
