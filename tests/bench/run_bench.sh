#!/usr/bin/env bash
# Times each program of tests/bench/programs three ways in one run: compiled by gcc -O0 and run
# natively, the same binary under Valgrind memcheck, and `memviz run`. Prints a Markdown table.
# Usage: run_bench.sh MEMVIZ_BINARY   (the `bench` target passes it)
set -euo pipefail
memviz=${1:?usage: run_bench.sh path/to/memviz}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() {  # best wall time of 3 runs of the command, in seconds
  local best=
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    best=$(awk -v a="$best" -v s="$start" -v e="$end" 'BEGIN { t = e - s; if (a == "" || t < a) print t; else print a }')
  done
  echo "$best"
}

have_valgrind=no
command -v valgrind >/dev/null && have_valgrind=yes
echo "| program | gcc -O0 (s) | valgrind memcheck (s) | memviz run (s) | memviz / native | memviz / valgrind |"
echo "|---|--:|--:|--:|--:|--:|"
for source in "$here"/programs/*.c; do
  name=$(basename "$source" .c)
  gcc -std=c99 -O0 -w -o "$work/$name" "$source"
  native=$(seconds "$work/$name")
  valgrind_time=n/a
  if [ "$have_valgrind" = yes ]; then
    valgrind_time=$(seconds valgrind --tool=memcheck --error-exitcode=0 "$work/$name")
  fi
  simulated=$(seconds "$memviz" run "$source" --max-steps 4000000000)
  awk -v n="$name" -v g="$native" -v v="$valgrind_time" -v m="$simulated" 'BEGIN {
    ratio_v = (v == "n/a") ? "n/a" : sprintf("%.2f", m / v)
    printf "| %s | %.3f | %s | %.3f | %.0fx | %s |\n", n, g, (v == "n/a" ? v : sprintf("%.3f", v)), m, m / g, ratio_v }'
done
