#!/usr/bin/env bash
# Exit statuses and messages: one line on stderr that names the input at fault.
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/db"
fixtures="$SOURCE_DIR/tests/data/search"

# indexer: a broken file is skipped and named; the rest are indexed.
run "$INDEXER" --db "$db" "$fixtures"
expect_status 1
expect_stderr_has "broken.txt: empty file"
expect_stderr_lines 1
expect_equal "documents" "$(doc_count "$db")" 5

run "$INDEXER" --db "$db" "$SCRATCH/no-such-file.txt"
expect_status 1
expect_stderr_has "no-such-file.txt: no such file or directory"

run "$INDEXER" --db "$db"
expect_status 2
expect_stderr_has "no files or directories to index"

run "$INDEXER" --no-such-option "$fixtures"
expect_status 2
expect_stderr_has "no-such-option"

run "$INDEXER" --help
expect_status 0
expect_stdout_has "Exit status:"

# A database written by another schema version is refused by both programs.
other="$SCRATCH/other-schema"
run "$INDEXER" --db "$other" "$fixtures/rates-rise.txt"
xapian-metadata set "$other" newsindex.schema_version 999
run "$INDEXER" --db "$other" "$fixtures/rates-rise.txt"
expect_status 3
expect_stderr_has "database $other: written with schema version 999"
run "$SEARCHER" --db "$other" rates
expect_status 3
expect_stderr_has "schema version 999"

# searcher: grep-like statuses.
run "$SEARCHER" --db "$db" Milley
expect_status 0
expect_empty stderr

run "$SEARCHER" --db "$db" zebra
expect_status 1
expect_empty stderr

run "$SEARCHER" --db "$db"
expect_status 2
expect_stderr_has "no query given"

run "$SEARCHER" --db "$db" 'date:2022-02-30'
expect_status 2
expect_stderr_has 'searcher: query "date:2022-02-30": date:2022-02-30 is not a date'
expect_stderr_lines 1
expect_empty stdout

run "$SEARCHER" --db "$SCRATCH/missing-db" Milley
expect_status 3
expect_stderr_has "database $SCRATCH/missing-db: does not exist"
expect_stderr_lines 1

run "$SEARCHER" --db "$db" --format yaml Milley
expect_status 2
expect_stderr_has "unknown --format 'yaml'"

run "$SEARCHER" --db "$db" --limit many Milley
expect_status 2

# "--" lets a script pass any query, even one that looks like an option.
run "$SEARCHER" --db "$db" -- --limit
expect_status 1

# Every numeric option is range-checked: usage error (2), no database made, no abort.
while read -r option; do
    run "$INDEXER" --db "$SCRATCH/numbers" $option "$SOURCE_DIR/corpus/nord-stream"
    expect_status 2
    expect_stderr_has "must be"
    checks=$((checks + 1))
    [ ! -e "$SCRATCH/numbers" ] || fail "$option left a database behind"
done <<'TABLE'
--jobs 100000
--jobs -1
--jobs 0
--lock-timeout 1e300
--lock-timeout inf
--lock-timeout nan
--lock-timeout -1
--batch-size 0
--batch-mib 99999999
--shards 100000
TABLE

finish
