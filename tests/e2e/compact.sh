#!/usr/bin/env bash
# indexer --compact: the compacted database answers exactly as before, passes xapian-check,
# is no larger, keeps working incrementally, and a locked database is waited for, not broken.
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/db"
queries=("Milley" "\"Nord Stream 2\"" "person:Putin" "org:NATO date:2022" "pipeline OR gas")

answers() {
    for q in "${queries[@]}"; do
        "$SEARCHER" --db "$1" --format tsv --fields rank,score,id --limit 0 "$q"
        "$SEARCHER" --db "$1" --format json --limit 0 --facet person "$q" | jq -c .facets
    done
}

run "$INDEXER" --db "$db" "$SOURCE_DIR/corpus"
expect_status 0
answers "$db" >"$SCRATCH/before"
size_before=$(du -sb "$db" | cut -f1)
run "$INDEXER" --db "$db" --compact --verbose
expect_status 0
expect_stderr_has "compacted $db:"
expect_empty stdout
answers "$db" >"$SCRATCH/after"
checks=$((checks + 1))
cmp -s "$SCRATCH/before" "$SCRATCH/after" || fail "answers differ after --compact: $(diff "$SCRATCH/before" "$SCRATCH/after" | head -5)"
size_after=$(du -sb "$db" | cut -f1)
checks=$((checks + 1))
[ "$size_after" -le "$size_before" ] || fail "compacted database grew: $size_before -> $size_after bytes"
run xapian-check "$db"
expect_status 0
[ ! -e "$db.compact" ] || fail "the old database was left at $db.compact"

# Incremental runs go on as before: nothing changed, nothing to do.
run "$INDEXER" --db "$db" --summary json "$SOURCE_DIR/corpus"
expect_status 0
expect_equal "added after compaction" "$(summary_field added)" 0
expect_equal "updated after compaction" "$(summary_field updated)" 0

# Indexing and compacting in one command, over a sharded database.
run "$INDEXER" --db "$SCRATCH/sharded" --shards 2 --compact "$SOURCE_DIR/corpus"
expect_status 0
answers "$SCRATCH/sharded" | sed 's/^[0-9]*\t[0-9.e+-]*\t/RANK\tSCORE\t/' >"$SCRATCH/sharded-answers"
sed 's/^[0-9]*\t[0-9.e+-]*\t/RANK\tSCORE\t/' "$SCRATCH/before" >"$SCRATCH/plain-answers"
expect_equal "sharded and compacted: same hits" \
    "$(grep -c . "$SCRATCH/sharded-answers")" "$(grep -c . "$SCRATCH/plain-answers")"
for shard in "$SCRATCH"/sharded/shard-*; do
    run xapian-check "$shard"
    expect_status 0
done

# A database another indexer holds is waited for, then reported as locked (exit 4).
mkfifo "$SCRATCH/list"
"$INDEXER" --db "$db" --files-from "$SCRATCH/list" 2>/dev/null &
holder=$!
exec 3>"$SCRATCH/list"
sleep 0.5
run "$INDEXER" --db "$db" --compact --lock-timeout 1
expect_status 4
expect_stderr_has "locked by another indexer"
exec 3>&-
wait "$holder"

# Nothing there to compact.
run "$INDEXER" --db "$SCRATCH/nothing" --compact
expect_status 3
expect_stderr_has "$SCRATCH/nothing: no database to compact"

finish
