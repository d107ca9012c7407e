#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang, -DMEMVIZ_FUZZ=ON) in build/fuzz and runs each for
# SECONDS (default 10) from its seed corpus, keeping what it finds in build/fuzz/corpus/TARGET/.
# Prints per target the executions, the coverage (cov, ft) and the corpus size (libFuzzer's units
# and bytes at the end, and the files in build/fuzz/corpus/TARGET/); exits non-zero
# if any target crashed, leaked, timed out or ran out of memory (the input is then in
# build/fuzz/artifacts/TARGET/). docs/reliability.md says what each target does.
#
#   scripts/fuzz.sh [--no-build] [SECONDS] [TARGET...]     TARGET: frontend vm trace permalink
#
# --no-build runs what build/fuzz holds (for several runs side by side). JOBS sets the build's
# parallelism (default: every core).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=build/fuzz

build_first=1
if [[ ${1:-} == --no-build ]]; then build_first=0; shift; fi
seconds=${1:-10}
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [--no-build] [SECONDS] [TARGET...]" >&2; exit 2; }
shift $(( $# > 0 ? 1 : 0 ))
all_targets=(frontend vm trace permalink)
targets=("${all_targets[@]}")
if (( $# > 0 )); then targets=("$@"); fi

# What libFuzzer is told per target: the longest input, and the rest.
declare -A flags=(
  [frontend]="-max_len=8192"
  [vm]="-max_len=4096 -len_control=0"  # the generator's bytes: no need to start short
  [trace]="-max_len=4096"
  [permalink]="-max_len=8192"
)
for target in "${targets[@]}"; do
  [[ -n ${flags[$target]:-} ]] || { echo "unknown target $target (known: ${all_targets[*]})" >&2; exit 2; }
done

if (( build_first )); then
  if ! command -v clang++ >/dev/null || ! compgen -G "/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a" >/dev/null; then
    echo "scripts/fuzz.sh needs clang with libFuzzer: apt-get install clang" >&2
    exit 2
  fi
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEMVIZ_FUZZ=ON >/dev/null
  cmake --build "$build" --target memviz_fuzzers -j "${JOBS:-$(nproc)}"
fi

# Seeds made from the repository's own files, fresh each run: every C program of the tests and
# the examples, and the ```c examples of the docs; the committed fuzz/seeds/TARGET/ and the
# regression inputs of tests/fuzz-regressions/TARGET/ are read where they lie.
seeds=$build/seeds
if [[ " ${targets[*]} " == *" frontend "* ]]; then
  mkdir -p "$build"
  fresh=$(mktemp -d "$build/seeds.XXXXXX")
  find tests web/examples -name '*.c' -not -path 'tests/fuzz-regressions/*' -print0 |
    while IFS= read -r -d '' file; do cp "$file" "$fresh/$(echo "$file" | tr / _)"; done
  for doc in docs/*.md; do
    awk -v out="$fresh/$(basename "$doc" .md)" '
      /^```c[ \t]*$/ { n++; inside = 1; next }
      /^```/         { inside = 0; next }
      inside         { print > (out "-" n ".c") }' "$doc"
  done
  mkdir -p "$seeds"
  rm -rf "$seeds/frontend"
  mv "$fresh" "$seeds/frontend"
fi

seed_dirs() {
  for dir in "$seeds/$1" "fuzz/seeds/$1" "tests/fuzz-regressions/$1"; do
    if [[ -d $root/$dir ]]; then echo "$root/$dir"; fi
  done
  return 0
}

failed=()
summary=()
for target in "${targets[@]}"; do
  corpus=$root/$build/corpus/$target
  artifacts=$root/$build/artifacts/$target
  logs=$root/$build/logs/$target
  mkdir -p "$corpus" "$artifacts" "$logs"
  printf '\n== fuzz: %s for %ss\n' "$target" "$seconds"
  mapfile -t inputs < <(seed_dirs "$target")
  status=0
  # -jobs=1 runs the fuzzing in one child process whose output goes to fuzz-0.log in the
  # working directory; libFuzzer copies it to its own output when the child ends.
  # shellcheck disable=SC2086
  (cd "$logs" && "$root/$build/fuzz/memviz_fuzz_$target" -jobs=1 -workers=1 \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$artifacts/" ${flags[$target]} "$corpus" "${inputs[@]}") \
      >"$logs/run.log" 2>&1 || status=$?
  # The final stats line, or after a crash the last one libFuzzer printed.
  done_line=$(grep -a -E '^#[0-9]+[[:space:]].*cov: ' "$logs/run.log" | tail -n 1 || true)
  execs=$(grep -a -o -E 'stat::number_of_executed_units:[[:space:]]*[0-9]+' "$logs/run.log" | tail -n 1 | grep -o '[0-9]*$' || echo '?')
  rate=$(grep -a -o -E 'stat::average_exec_per_sec:[[:space:]]*[0-9]+' "$logs/run.log" | tail -n 1 | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -a -o 'cov: [0-9]*' <<<"$done_line" | grep -o '[0-9]*$' || echo '?')
  ft=$(grep -a -o 'ft: [0-9]*' <<<"$done_line" | grep -o '[0-9]*$' || echo '?')
  units=$(grep -a -o 'corp: [0-9]*/[0-9]*[A-Za-z]*' <<<"$done_line" | cut -d' ' -f2 || echo '?')
  files=$(find "$corpus" -type f | wc -l)
  if (( status != 0 )); then
    failed+=("$target")
    grep -a -E 'ERROR:|SUMMARY:|fuzzer: |Test unit written|artifact_prefix' "$logs/run.log" | head -n 20 || true
    echo "-> $target FAILED (exit $status); whole log: $logs/run.log"
  fi
  line=$(printf '%-10s %-6s %10s %8s %7s %7s %14s %8s' "$target" "$( ((status)) && echo FAIL || echo ok)" \
                "$execs" "$rate" "$cov" "$ft" "$units" "$files")
  echo "$line"
  summary+=("$line")
done

printf '\n%-10s %-6s %10s %8s %7s %7s %14s %8s\n' target status execs exec/s cov ft corpus files
printf '%s\n' "${summary[@]}"
if (( ${#failed[@]} > 0 )); then
  echo "fuzzing found problems in: ${failed[*]} (inputs in $build/artifacts/)" >&2
  exit 1
fi
