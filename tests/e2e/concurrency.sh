#!/usr/bin/env bash
# Two indexers at once, searches during indexing, SIGTERM, kill -9, and --rebuild.
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/db"
news="$SCRATCH/news"
# 300 articles: the corpus several times over, each copy with its own URL and title (the
# same text twice would be folded into one document).
n=0
for copy in 1 2 3 4 5 6 7; do
    for file in "$SOURCE_DIR"/corpus/*/*.txt; do
        n=$((n + 1))
        [ "$n" -le 300 ] || break 2
        mkdir -p "$news-$((n % 3))"
        sed -e "s#^<https://\([^/]*\)/#<https://copy$copy.\1/#" \
            -e "0,/[[:alnum:]]/s/\([[:alnum:]].*\)/\1 (copy $n)/" "$file" >"$news-$((n % 3))/$n.txt"
    done
done
roots=("$news-0" "$news-1" "$news-2")

# A writer that holds the lock: an indexer reading its list from a pipe nobody writes yet.
mkfifo "$SCRATCH/list"
"$INDEXER" --db "$db" --files-from "$SCRATCH/list" 2>"$SCRATCH/holder.err" &
holder=$!
exec 3>"$SCRATCH/list"
sleep 0.5
run "$INDEXER" --db "$db" --lock-timeout 1 "${roots[0]}"
expect_status 4
expect_stderr_has "database $db: locked by another indexer (waited 1 s)"
expect_stderr_lines 1

# SIGTERM: what was read is committed, and the status says the run was stopped.
find "${roots[0]}" -name '*.txt' | head -5 >&3
sleep 1
kill -TERM "$holder"
wait "$holder"
status=$?
last_command="indexer --files-from FIFO, then SIGTERM"
expect_status 143
exec 3>&-
checks=$((checks + 1))
grep -q "stopped by Terminated; the work done so far is committed" "$SCRATCH/holder.err" ||
    fail "no stop message: $(cat "$SCRATCH/holder.err")"
expect_equal "documents committed before SIGTERM" "$(doc_count "$db")" 5

# A second indexer waits for the first instead of failing.
"$INDEXER" --db "$db" --batch-size 5 "${roots[0]}" &
first=$!
run "$INDEXER" --db "$db" --lock-timeout 60 --batch-size 5 "${roots[1]}"
expect_status 0
wait "$first" || fail "first indexer failed"

# Searches keep working while the indexer commits every few documents.
"$INDEXER" --db "$db" --batch-size 3 --full "${roots[@]}" &
writer=$!
searches=0
while kill -0 "$writer" 2>/dev/null && [ "$searches" -lt 500 ]; do
    "$SEARCHER" --db "$db" --limit 3 pipeline >/dev/null 2>"$SCRATCH/search.err"
    status=$?
    if [ "$status" -gt 1 ]; then
        fail "search during indexing exited $status: $(cat "$SCRATCH/search.err")"
        break
    fi
    searches=$((searches + 1))
done
wait "$writer" || fail "indexer under searches failed"
[ "$searches" -gt 0 ] || fail "no search ran while indexing"
expect_equal "documents" "$(doc_count "$db")" 300

# kill -9 at several moments: the database stays sound and the next run converges.
# 0.01 s falls inside the database's creation (a regression: it used to leave a directory
# without Xapian's revision file, which no later run could open).
for delay in 0.01 0.05 0.2 0.4; do
    rm -rf "$db"
    "$INDEXER" --db "$db" --batch-size 7 --jobs 2 "${roots[@]}" 2>/dev/null &
    victim=$!
    sleep "$delay"
    kill -KILL "$victim" 2>/dev/null
    wait "$victim" 2>/dev/null
    if [ -d "$db" ]; then
        run xapian-check "$db"
        expect_status 0
    fi
    run "$INDEXER" --db "$db" --summary json "${roots[@]}"
    expect_status 0
    expect_equal "documents after kill -9 at ${delay}s and a rerun" "$(doc_count "$db")" 300
    run "$INDEXER" --db "$db" --summary json "${roots[@]}"
    expect_counts "0 0 300 0 0 0"
    expect_equal "no half-made database left beside it" "$(ls -d "$db".creating-* 2>/dev/null | wc -l)" 0
done

# A database of another schema version is refused with advice; --rebuild swaps in a new one.
xapian-metadata set "$db" newsindex.schema_version 999
run "$INDEXER" --db "$db" "${roots[0]}"
expect_status 3
expect_stderr_has "schema version 999"
# (--drop-sources: the database also records news-1 and news-2, which this rebuild leaves out.)
run "$INDEXER" --db "$db" --rebuild --drop-sources "${roots[0]}"
expect_status 0
current_schema=$(sed -n 's/.*kSchemaVersion = \([0-9]*\);.*/\1/p' "$SOURCE_DIR/common/schema.h")
expect_equal "schema after --rebuild" "$(xapian-metadata get "$db" newsindex.schema_version)" "$current_schema"
expect_equal "documents after --rebuild" "$(doc_count "$db")" 100
[ ! -e "$db.rebuild" ] || fail "the old database was left at $db.rebuild"
run "$SEARCHER" --db "$db" pipeline
expect_status 0

finish
