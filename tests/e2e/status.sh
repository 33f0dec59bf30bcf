#!/usr/bin/env bash
# indexer --status (text and JSON) on single and sharded databases, the record of the last
# change, the lock seen while an indexer writes, and the JSON summary of a run that fails.
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/news.db"
run "$INDEXER" --no-config --db "$db" --status
expect_status 3
expect_stderr_has "news.db"

run "$INDEXER" --no-config --db "$db" "$SOURCE_DIR/corpus"
expect_status 0
run "$INDEXER" --no-config --db "$db" --status --summary json
expect_status 0
status_json=$(cat "$SCRATCH/stdout")
all=$("$SEARCHER" --no-config --db "$db" --count '*')
expect_equal "documents" "$(jq .documents <<<"$status_json")" "$all"
expect_equal "status_version" "$(jq .status_version <<<"$status_json")" 1
expect_equal "sources" "$(jq -r '.sources | join(",")' <<<"$status_json")" "$SOURCE_DIR/corpus/"
expect_equal "files" "$(jq .files <<<"$status_json")" "$(find "$SOURCE_DIR/corpus" -type f -name '*.txt' | wc -l)"
expect_equal "last run added" "$(jq .last_run.added <<<"$status_json")" "$all"
expect_equal "schema current" "$(jq .schema_current <<<"$status_json")" true
expect_equal "not locked" "$(jq .locked <<<"$status_json")" false
finished=$(jq -r .last_run.finished <<<"$status_json")
checks=$((checks + 1))
[[ $finished =~ ^20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-9:]{8}Z$ ]] || fail "last_run.finished: '$finished'"

# A run that changes nothing records nothing: the last change stays the first run's.
sleep 1
run "$INDEXER" --no-config --db "$db" "$SOURCE_DIR/corpus"
expect_equal "an unchanged run writes no record" \
    "$("$INDEXER" --no-config --db "$db" --status --summary json | jq -r .last_run.finished)" "$finished"

run "$INDEXER" --no-config --db "$db" --status
expect_status 0
expect_stdout_has "documents:      $all"
expect_stdout_has "writer:         none"
expect_stdout_has "$SOURCE_DIR/corpus/"

# While an indexer holds the lock (waiting on a list that has not come yet), --status says so
# at once and does not wait; a second indexer gives up, and its JSON summary names the error.
mkfifo "$SCRATCH/list"
"$INDEXER" --no-config --db "$db" --files-from "$SCRATCH/list" 2>/dev/null &
writer=$!
for _ in $(seq 50); do
    "$INDEXER" --no-config --db "$db" --status --summary json | jq -e .locked >/dev/null && break
    sleep 0.1
done
run "$INDEXER" --no-config --db "$db" --status --summary json
expect_status 0
expect_equal "locked while writing" "$(jq .locked "$SCRATCH/stdout")" true
run "$INDEXER" --no-config --db "$db" --lock-timeout 0 --summary json "$SOURCE_DIR/corpus"
expect_status 4
expect_equal "failed summary: exit_status" "$(jq .exit_status "$SCRATCH/stdout")" 4
expect_equal "failed summary: database" "$(jq -r .database "$SCRATCH/stdout")" "$db"
expect_equal "failed summary: dry_run" "$(jq .dry_run "$SCRATCH/stdout")" false
checks=$((checks + 1))
jq -e '.error | test("lock")' "$SCRATCH/stdout" >/dev/null ||
    fail "the failed run's summary has no error naming the lock: $(cat "$SCRATCH/stdout")"
expect_stderr_lines 1
echo "$SOURCE_DIR/corpus/README.md" >"$SCRATCH/list"
wait "$writer"

# A sharded database: its shards counted, its documents all of them.
sharded="$SCRATCH/sharded.db"
run "$INDEXER" --no-config --db "$sharded" --shards 3 "$SOURCE_DIR/corpus"
expect_status 0
run "$INDEXER" --no-config --db "$sharded" --status --summary json
expect_equal "shards" "$(jq .shards "$SCRATCH/stdout")" 3
expect_equal "sharded documents" "$(jq .documents "$SCRATCH/stdout")" "$all"

finish
