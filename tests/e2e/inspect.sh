#!/usr/bin/env bash
# indexer --inspect over every format fixture, compared field by field (line by line of JSON)
# with a reviewed golden file; problems go to stderr and are compared too. The golden file is
# what the readers make of the files: named entities are left out of it (they are the
# extractor's, checked below and by the unit tests and bench_entities).
# UPDATE_GOLDEN=1 rewrites the golden file instead of comparing (then read the diff).
. "$(dirname "$0")/lib.sh"

fixtures="$SOURCE_DIR/tests/data/formats"
golden="$SOURCE_DIR/tests/data/golden/inspect.txt"
: >"$SCRATCH/inspect"
while read -r file; do
    rel=${file#"$SOURCE_DIR"/}
    "$INDEXER" --inspect "$file" >"$SCRATCH/out" 2>"$SCRATCH/err"
    status=$?
    {
        echo "== $rel (exit $status)"
        # Keys sorted so that a reordering in the printer is not a difference; values exact.
        jq -cS 'del(.entities)' "$SCRATCH/out"
        sed "s#^#stderr: #" "$SCRATCH/err"
    } | sed "s#$SOURCE_DIR#SOURCE#g" >>"$SCRATCH/inspect"
done < <(find "$fixtures" -type f | LC_ALL=C sort)

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$SCRATCH/inspect" "$golden"
else
    checks=$((checks + 1))
    diff -u "$golden" "$SCRATCH/inspect" >"$SCRATCH/diff" || fail "inspect output differs: $(head -c 3000 "$SCRATCH/diff")"
fi

# A few fields by name, so the golden file cannot silently hold a wrong answer for them.
run "$INDEXER" --inspect "$fixtures/json/array.json"
expect_status 1  # the fixture holds two bad records on purpose; the good ones are printed
expect_equal "format of a JSON array" "$(jq -r .format "$SCRATCH/stdout" | sort -u)" json
expect_stderr_lines 2
run "$INDEXER" --inspect "$SOURCE_DIR/corpus/nord-stream/2022-02-22-scholz-halts-nord-stream-2-approval.txt"
expect_equal "corpus article" "$(jq -c '[.format, .title, .date, .datetime, .authors, .site]' "$SCRATCH/stdout")" \
    '["text","Scholz Halts Nord Stream 2 Approval After Moscow Recognizes Breakaway Regions","2022-02-22",null,["Sabine Keller"],"baltic-ledger.example"]'
entity() { jq -c --arg name "$1" '.entities[] | select(.name == $name) | [.type, .count > 0, (.mentions | length > 0)]' "$SCRATCH/stdout"; }
expect_equal "Scholz is a person" "$(entity "Olaf Scholz")" '["person",true,true]'
expect_equal "the pipeline is other" "$(entity "Nord Stream 2")" '["other",true,true]'
expect_equal "Moscow is a place" "$(entity "Moscow")" '["place",true,true]'
# Counts add up: each entity's count is at least its number of distinct mentions.
expect_equal "counts cover mentions" "$(jq '[.entities[] | select(.count < (.mentions | length))] | length' "$SCRATCH/stdout")" 0
# A later "Scholz" is counted under the full name, not as an entity of its own.
expect_equal "alias resolved" "$(jq '[.entities[] | select(.name == "Scholz")] | length' "$SCRATCH/stdout")" 0
# Issue 18 item 6: honorific, degree, job title and "at PUBLICATION" are no authors.
run "$INDEXER" --inspect "$SOURCE_DIR/tests/data/plaintext/honorific-degree-title.txt"
expect_status 0
expect_equal "byline with honorific, degree and title" "$(jq -c '[.authors, .date]' "$SCRATCH/stdout")" \
    '[["Anna Müller"],"2023-03-25"]'
run "$INDEXER" --inspect "$fixtures/gzip/truncated.txt.gz"
expect_status 1
expect_stderr_has "truncated.txt.gz"
expect_empty stdout

finish
