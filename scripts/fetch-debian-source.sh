#!/usr/bin/env bash
# Fetches the sources of a Debian source package into DEST: `fetch-debian-source.sh imgui
# build/_deps/imgui` (Debian's libimgui-dev ships a native library only; the wasm build needs the
# sources), `fetch-debian-source.sh zlib build/_deps/zlib` (the same for zlib). An optional third
# argument asks for a version (apt's `package=version*`), falling back to the release's own.
# We never touch the system's apt lists: a private deb-src list is derived from the system's deb
# entries and used through apt's Dir:: options, with its own state directory.
set -euo pipefail
package=$1
dest=$2
want_version=${3:-}

work="$(dirname "$dest")/$package-apt"
rm -rf "$work" && mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/src"

# deb822 (*.sources) and one-line (*.list) entries both become one-line deb-src entries.
{
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    sed -n 's/^[[:space:]]*deb[[:space:]]\+/deb-src /p' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    # deb822 stanzas: one deb-src line per URI and suite of each stanza whose Types has deb.
    awk '
      function flush(   i, j, nu, ns, u, s, opt) {
        if (types ~ /(^| )deb( |$)/) {
          opt = (signed ~ /^\//) ? "[signed-by=" signed "] " : ""
          nu = split(uris, u, " "); ns = split(suites, s, " ")
          for (i = 1; i <= nu; i++) for (j = 1; j <= ns; j++) print "deb-src " opt u[i] " " s[j] " " comps
        }
        types = uris = suites = comps = signed = ""
      }
      /^[[:space:]]*$/ { flush(); next }
      /^#/ { next }
      { key = $1; sub(/:.*/, "", key); val = $0; sub(/^[^:]*:[[:space:]]*/, "", val) }
      key == "Types" { types = val } key == "URIs" { uris = val } key == "Suites" { suites = val }
      key == "Components" { comps = val } key == "Signed-By" { signed = val }
      END { flush() }
    ' "$f"
  done
} | sort -u > "$work/sources.list"

apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
          -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::Archives=$work/archives"
          -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root" -qq)
apt-get "${apt_opts[@]}" update
(cd "$work/src" && { [ -n "$want_version" ] && apt-get "${apt_opts[@]}" source "$package=$want_version*" >/dev/null 2>&1; } ||
   apt-get "${apt_opts[@]}" source "$package" >/dev/null)

src=$(find "$work/src" -maxdepth 1 -mindepth 1 -type d -name "$package-*" | head -n 1)
[ -n "$src" ] || { echo "fetch-debian-source: apt-get source $package produced no source tree" >&2; exit 1; }
rm -rf "$dest" && mv "$src" "$dest" && rm -rf "$work"
