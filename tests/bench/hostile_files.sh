#!/usr/bin/env bash
# Issue 19's measure of bounded work per file: each attack of tests/e2e/hostile_inputs.sh at
# 50 MB (or --mb N), indexed alone into a fresh database; prints a Markdown table of exit
# status, wall time, peak RSS (GNU time) and stderr lines. The target: peak RSS at most
# 512 MiB and at most two lines (one problem, one count) per file.
#
#   tests/bench/hostile_files.sh [--mb 50] [--bin build/bin] [--work /tmp/newsindex-hostile]
set -eu  # not pipefail: `yes | head` ends with SIGPIPE by design
here=$(cd "$(dirname "$0")" && pwd)
mb=50
bin="$here/../../build/bin"
work=/tmp/newsindex-hostile
while [ $# -gt 0 ]; do
    case "$1" in
        --mb) mb=$2; shift 2 ;;
        --bin) bin=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        *) echo "usage: $0 [--mb N] [--bin DIR] [--work DIR]" >&2; exit 2 ;;
    esac
done
. "$here/../e2e/hostile_inputs.sh"
rm -rf "$work"
echo "generating the inputs ($mb MB each) in $work" >&2
make_hostile_inputs "$work/in" $((mb << 20))

echo "| input | exit | seconds | peak RSS MiB | stderr lines |"
echo "|---|---|---|---|---|"
for file in "$work"/in/*; do
    name=$(basename "$file")
    rm -rf "$work/db"
    set +e
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin/indexer" --db "$work/db" "$file" \
        >/dev/null 2>"$work/stderr"
    status=$?
    set -e
    read -r seconds kib < <(tail -n 1 "$work/time")  # after "Command exited with ..."
    echo "| $name | $status | $seconds | $((kib / 1024)) | $(wc -l <"$work/stderr") |"
done
rm -rf "$work"
