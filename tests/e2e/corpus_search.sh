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


# Named entities: each field, cross-checked against grep over the corpus files. Every corpus
# article that names Milley, Putin or NATO names the person or organisation, under any form.
articles_naming() { grep -lw -- "$1" "$SOURCE_DIR"/corpus/*/*.txt | wc -l; }
count() { "$SEARCHER" --db "$db" --count -- "$1"; }
for query in 'entity:Milley' 'entity:"Mark Milley"' 'person:Milley' 'person:"Mark Milley"'; do
    expect_equal "$query finds every article naming Milley" "$(count "$query")" "$(articles_naming Milley)"
done
expect_equal "person:Putin" "$(count 'person:Putin')" "$(articles_naming Putin)"
expect_equal "person:\"Vladimir Putin\" (one name across the corpus)" \
    "$(count 'person:"Vladimir Putin"')" "$(articles_naming Putin)"
expect_equal "org:NATO" "$(count 'org:NATO')" "$(articles_naming NATO)"
expect_equal "place:Ukraine" "$(count 'place:Ukraine')" "$(articles_naming Ukraine)"
expect_equal "a person is not a place" "$(count 'place:Putin')" 0
# Regression: a hyphenated name in a field kept without positions (Xapian's parser made a
# phrase of it, which such a field can never match).
expect_equal "person:Thalmann-Gut" "$(count 'person:Thalmann-Gut')" "$(articles_naming Thalmann-Gut)"
# Combined with free text and with each other: the intersection, as grep sees it.
expect_equal "person:Putin pipeline" "$(count 'person:Putin pipeline')" \
    "$(grep -lw Putin $(grep -lw pipeline "$SOURCE_DIR"/corpus/*/*.txt) | wc -l)"
expect_equal "org:NATO AND place:Poland" "$(count 'org:NATO AND place:Poland')" \
    "$(grep -lw NATO $(grep -lw Poland "$SOURCE_DIR"/corpus/*/*.txt) | wc -l)"

# Facets over the Nord Stream 2 articles: the pipeline itself, its operator and the people
# who decided its fate lead; counts are exact (they equal --count of the same filter).
run "$SEARCHER" --db "$db" --format json --limit 0 --facet entity --facet person --facet org \
    --facet place '"Nord Stream 2"'
expect_status 0
matches=$(jq .matches.estimated "$SCRATCH/stdout")
expect_equal "the pipeline is in every match, as other" \
    "$(jq -c '.facets.entity[] | select(.value == "Nord Stream 2") | [.type, .count]' "$SCRATCH/stdout")" \
    "[\"other\",$matches]"
expect_equal "Olaf Scholz among the top 3 people" \
    "$(jq -r '.facets.person[0:3][].value' "$SCRATCH/stdout" | grep -c '^Olaf Scholz$')" 1
expect_equal "Gazprom among the top 3 organisations" \
    "$(jq -r '.facets.org[0:3][].value' "$SCRATCH/stdout" | grep -c '^Gazprom$')" 1
expect_equal "Germany among the top 3 places" \
    "$(jq -r '.facets.place[0:3][].value' "$SCRATCH/stdout" | grep -c '^Germany$')" 1
scholz=$(jq '.facets.person[] | select(.value == "Olaf Scholz") | .count' "$SCRATCH/stdout")
expect_equal "facet count equals --count" "$scholz" "$(count 'person:"Olaf Scholz" "Nord Stream 2"')"
run "$SEARCHER" --db "$db" --color never --limit 1 --facet entity '"Nord Stream 2"'
expect_stdout_has "Nord Stream 2 (other)"
# Every hit carries its entities, in JSON Lines and TSV too.
run "$SEARCHER" --db "$db" --format jsonl --limit 3 --fields title,entities Milley
expect_equal "hits naming Mark Milley as a person" \
    "$(jq -c '[.entities[] | select(.name == "Mark Milley" and .type == "person")] | length' "$SCRATCH/stdout" | sort -u)" 1
run "$SEARCHER" --db "$db" --format tsv --limit 1 --fields entities Milley
expect_stdout_has "Mark Milley (person)"

finish
