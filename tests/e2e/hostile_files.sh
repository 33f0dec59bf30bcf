#!/usr/bin/env bash
# Files built to exhaust the indexer (issue 19, item 1): deep nesting, millions of values or
# records, millions of tags, one enormous article. Each costs bounded memory (the run fits in
# 512 MiB of address space, the issue's limit on resident memory and a stricter one), ends
# with the status it should, and says at most two lines: one problem and one count.
# tests/bench/hostile_files.sh runs the same attacks at 50 MB each.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/hostile_inputs.sh"

# Sanitizers reserve terabytes of address space: the limit is checked in the plain build only,
# and the sanitizer build, several times slower, reads smaller inputs.
if grep -qa __asan_init "$INDEXER"; then
    limit=unlimited size=$((2 << 20))
else
    limit=$((512 << 10)) size=$((6 << 20))
fi
make_hostile_inputs "$SCRATCH/in" "$size"

for file in "$SCRATCH"/in/*; do
    name=$(basename "$file")
    db="$SCRATCH/db-$name"
    run bash -c 'ulimit -v "$1" && exec timeout 300 "$2" --db "$3" "$4"' _ "$limit" "$INDEXER" "$db" "$file"
    expect_status "$(expected_status "$name" "$size")"
    checks=$((checks + 1))
    lines=$(wc -l <"$SCRATCH/stderr")
    [ "$lines" -le 2 ] || fail "$name: $lines lines on stderr: $(head -c 300 "$SCRATCH/stderr")"
done

# A file of one article and thousands of bad records: the article is indexed, the first bad
# record named, the others counted on one line; the run exits 1 for them.
run "$INDEXER" --db "$SCRATCH/db-counted" --summary json "$SCRATCH/in/mostly-bad.json"
expect_status 1
expect_stderr_lines 2
expect_stderr_has "record 2: not a JSON object"
expect_stderr_has "more bad records skipped"
expect_equal "added" "$(summary_field added)" 1
expect_equal "failed counts every bad record" "$(summary_field failed)" $((size / 16 / 2))

# An article cut at the body limit says so with --verbose, and its start is searchable.
run "$INDEXER" --db "$SCRATCH/db-long" --verbose "$SCRATCH/in/long-body.json"
expect_status 0
[ "$size" -le $((4 << 20)) ] || expect_stderr_has "body cut at 4 MiB"
run "$SEARCHER" --db "$SCRATCH/db-long" --count word
expect_equal "the long article is found" "$(cat "$SCRATCH/stdout")" 1

finish
