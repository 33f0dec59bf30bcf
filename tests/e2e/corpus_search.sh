#!/usr/bin/env bash
# The bundled corpus, indexed and searched the way README's Quick start does it.
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/db"
run "$INDEXER" --db "$db" "$SOURCE_DIR/corpus"
expect_status 0
expect_empty stdout
expect_empty stderr  # quiet on success when not on a terminal
articles=$(find "$SOURCE_DIR/corpus" -name '*.txt' | wc -l)
expect_equal "documents indexed" "$(doc_count "$db")" "$articles"

# The pipeline articles lead for "Nord Stream 2", quoted or not.
for query in 'Nord Stream 2' '"Nord Stream 2"'; do
    run "$SEARCHER" --db "$db" --format json --limit 5 -- "$query"
    expect_status 0
    top=$(jq -r '.hits[].title' "$SCRATCH/stdout")
    expect_equal "hits for $query" "$(echo "$top" | wc -l)" 5
    expect_equal "top 3 titles for $query naming the pipeline" \
        "$(echo "$top" | head -3 | grep -c 'Nord Stream')" 3
done

# Articles about Milley lead; a passing mention does not outrank them.
run "$SEARCHER" --db "$db" --format json --limit 3 Milley
expect_status 0
expect_equal "top 3 titles for Milley naming him" \
    "$(jq -r '.hits[].title' "$SCRATCH/stdout" | grep -c 'Milley')" 3
milley_total=$(jq '.matches.estimated' "$SCRATCH/stdout")
[ "$milley_total" -ge 5 ] || fail "Milley matched only $milley_total articles"

# Text and JSON agree on the ranking.
run "$SEARCHER" --db "$db" --format json --limit 10 Milley
json_titles=$(jq -r '.hits[].title' "$SCRATCH/stdout")
run "$SEARCHER" --db "$db" --color never --limit 10 Milley
text_titles=$(sed -n 's/^ *[0-9]*\. //p' "$SCRATCH/stdout")
expect_equal "text and json rankings" "$text_titles" "$json_titles"
expect_stdout_has "*Milley*"

# Every hit names a file that exists and a normalised date.
run "$SEARCHER" --db "$db" --format json --limit 0 --limit 100 pipeline
jq -r '.hits[].path' "$SCRATCH/stdout" | while read -r path; do
    [ -f "$path" ] || echo "$path" >>"$SCRATCH/missing"
done
[ ! -s "$SCRATCH/missing" ] || fail "hits name missing files: $(cat "$SCRATCH/missing")"
bad_dates=$(jq -r '.hits[].date' "$SCRATCH/stdout" | grep -cvE '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
expect_equal "hits without a YYYY-MM-DD date" "$bad_dates" 0

# Indexing the same corpus again leaves one copy of each article.
run "$INDEXER" --db "$db" "$SOURCE_DIR/corpus"
expect_status 0
expect_equal "documents after a second run" "$(doc_count "$db")" "$articles"
run xapian-check "$db"
expect_status 0

finish
