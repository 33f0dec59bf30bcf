#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time over a scratch copy of its seed corpus, so
# that the corpus in the source tree never changes. Crash inputs are kept in
# $ARTIFACT_DIR (default: ./fuzz-artifacts) under the target's name; the exit status is
# libFuzzer's: 0 when nothing was found.
# Usage: run_fuzzer.sh FUZZER SECONDS [-dict=FILE] SEED_DIR...
set -euo pipefail
fuzzer=$1
seconds=$2
shift 2
options=()
while [[ $# -gt 0 && $1 == -* ]]; do
  options+=("$1")
  shift
done
name=$(basename "$fuzzer")
artifacts=${ARTIFACT_DIR:-$PWD/fuzz-artifacts}
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus"
n=0
for dir in "$@"; do
  for seed in "$dir"/* "$dir"/.[!.]*; do
    [[ -f $seed ]] || continue
    n=$((n + 1))
    cp "$seed" "$work/corpus/$n-$(basename "$seed")"
  done
done
echo "$name: $n seeds, $seconds s"
"$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$artifacts/$name-" "${options[@]}" "$work/corpus"
