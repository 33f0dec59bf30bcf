#!/usr/bin/env bash
# searcher --show (one stored article by path, relative path, URL or id; text and JSON),
# --format ids, --no-header, --facets-only and facet counts in tsv and jsonl, checked through
# the real binaries and cross-checked against --format json and --count.
. "$(dirname "$0")/lib.sh"

src="$SCRATCH/articles"
db="$SCRATCH/db"
crane_body=$'A crane at the north quay tipped over on Tuesday.\n\nNobody was hurt, the harbour office said.\n\nRepairs will take until the end of the month, zeppelinwharf included.'
make_article "$src/crane.txt" "Harbour Crane Topples" https://harbour.example/news/crane "$crane_body"
make_article "$src/sub/ferry.txt" "Ferry Timetable Changes" https://harbour.example/news/ferry \
    $'The evening ferry will leave later from April.\n\nThe harbour office gave no reason.'
# An e-mail, found by its Message-ID (a fixture both this test and its sibling use).
cp "$SOURCE_DIR/tests/data/e2e/quay-note.eml" "$src/note.eml"
run "$INDEXER" --db "$db" "$src"
expect_status 0
search() { run "$SEARCHER" --db "$db" --color never "$@"; }

# --show by absolute path, as text: the fields, then the whole body.
search --show "$src/crane.txt"
expect_status 0
expect_stdout_has "Title:      Harbour Crane Topples"
expect_stdout_has "URL:        https://harbour.example/news/crane"
expect_stdout_has "Path:       $src/crane.txt"
expect_stdout_has "Site:       harbour.example"
expect_stdout_has "Authors:    Test Writer"
expect_stdout_has "Repairs will take until the end of the month, zeppelinwharf included."
expect_equal "text body after the fields" "$(sed '1,/^$/d' "$SCRATCH/stdout")" "$crane_body"
expect_empty stderr

# Relative paths are taken from the current directory, as --like takes them.
(cd "$src" && "$SEARCHER" --db "$db" --show sub/../sub/ferry.txt --format json) >"$SCRATCH/stdout"
expect_equal "relative path" "$(jq -r .title "$SCRATCH/stdout")" "Ferry Timetable Changes"
(cd "$src/sub" && "$SEARCHER" --db "$db" --show ../crane.txt --format json) >"$SCRATCH/stdout"
expect_equal "relative path upwards" "$(jq -r .path "$SCRATCH/stdout")" "$src/crane.txt"

# By URL, as JSON: one object with the body whole and no fields of a search.
search --show https://harbour.example/news/crane --format json
expect_status 0
expect_equal "JSON lines" "$(wc -l <"$SCRATCH/stdout")" 1
expect_equal "JSON body complete" "$(jq -r .body "$SCRATCH/stdout")" "$crane_body"
expect_equal "JSON fields" "$(jq -c '[.output_version, .id, .url, .site, .title, .date, .authors, (.docid > 0)]' "$SCRATCH/stdout")" \
    '[1,"https://harbour.example/news/crane","https://harbour.example/news/crane","harbour.example","Harbour Crane Topples","2022-03-03",["Test Writer"],true]'
expect_equal "no search fields" "$(jq -c '[has("rank"), has("score"), has("snippet"), has("entities"), has("section"), has("captions")]' "$SCRATCH/stdout")" \
    '[false,false,false,true,true,true]'

# By id: an e-mail's id is its Message-ID, which is neither its path nor a URL.
search --show '<quay-1@example.org>' --format json
expect_status 0
expect_equal "by id" "$(jq -c '[.id, .message_id, .path, .title]' "$SCRATCH/stdout")" \
    "[\"<quay-1@example.org>\",\"quay-1@example.org\",\"$src/note.eml\",\"Quay Closed For Repairs\"]"

# Not found: one line naming it on stderr, nothing on stdout, exit 1 (as grep's no match).
search --show "$src/none.txt"
expect_status 1
expect_empty stdout
expect_stderr_lines 1
expect_stderr_has "--show $src/none.txt: no indexed article has this path, URL or id"
# Several: each found one printed in order, the missing one named, exit 1.
search --show "$src/crane.txt" --show https://nowhere.example/x --show '<quay-1@example.org>' --format jsonl
expect_status 1
expect_equal "several shown" "$(jq -r .title "$SCRATCH/stdout" | paste -sd '|')" "Harbour Crane Topples|Quay Closed For Repairs"
expect_stderr_lines 1
expect_stderr_has "--show https://nowhere.example/x"
search --show "$src/crane.txt" --show "$src/sub/ferry.txt"
expect_status 0
expect_equal "two texts" "$(grep -c '^Title: ' "$SCRATCH/stdout")" 2
# Usage errors: a query or a format --show does not print.
search --show "$src/crane.txt" crane
expect_status 2
search --show "$src/crane.txt" --format tsv
expect_status 2
expect_stderr_has "--show prints text, json or jsonl"

# Across databases: the article of the second database is found through both.
make_article "$SCRATCH/more/buoy.txt" "Buoy Replaced" https://harbour.example/news/buoy "A new buoy marks the channel."
run "$INDEXER" --db "$SCRATCH/db2" "$SCRATCH/more"
expect_status 0
run "$SEARCHER" --db "$db" --db "$SCRATCH/db2" --show https://harbour.example/news/buoy --format json
expect_status 0
expect_equal "second database" "$(jq -r .title "$SCRATCH/stdout")" "Buoy Replaced"
run "$SEARCHER" --db "$db" --db "$SCRATCH/db2" --show "$src/crane.txt" --format json
expect_equal "first database" "$(jq -r .title "$SCRATCH/stdout")" "Harbour Crane Topples"

# --format ids: one id a line, the `id` of the JSON hits; -0 ends each with NUL.
search --format ids --limit 0 harbour
expect_status 0
ids=$(sort "$SCRATCH/stdout")
expect_equal "ids" "$ids" $'<quay-1@example.org>\nhttps://harbour.example/news/crane\nhttps://harbour.example/news/ferry'
search --format json --limit 0 harbour
expect_equal "ids as in JSON" "$(jq -r '.hits[].id' "$SCRATCH/stdout" | sort)" "$ids"
search --format ids -0 --limit 0 harbour
expect_equal "NUL-ended ids" "$(tr '\0' '\n' <"$SCRATCH/stdout" | sort)" "$ids"
expect_equal "NULs" "$(tr -cd '\0' <"$SCRATCH/stdout" | wc -c)" 3
expect_equal "no newlines with -0" "$(tr -cd '\n' <"$SCRATCH/stdout" | wc -c)" 0
# Every id leads back to its article with --show.
while IFS= read -r id; do
    search --show "$id" --format json
    expect_equal "--show of id $id" "$(jq -r .id "$SCRATCH/stdout")" "$id"
done <<<"$ids"
search --format ids nosuchwordanywhere
expect_status 1
expect_empty stdout

# --no-header: the TSV lines without the first.
search --format tsv --limit 0 harbour
expect_equal "tsv lines" "$(wc -l <"$SCRATCH/stdout")" 4
with_header=$(tail -n +2 "$SCRATCH/stdout")
search --format tsv --no-header --limit 0 harbour
expect_equal "--no-header" "$(cat "$SCRATCH/stdout")" "$with_header"

# Facet counts over the bundled corpus, in tsv and jsonl, against JSON and --count.
cdb="$SCRATCH/corpus-db"
run "$INDEXER" --db "$cdb" "$SOURCE_DIR/corpus"
expect_status 0
csearch() { run "$SEARCHER" --db "$cdb" --color never "$@"; }
for facet in person entity month; do
    csearch --format json --limit 0 --facet "$facet" '*'
    want=$(jq -r --arg f "$facet" '.facets[$f][] | [.value, .count, .type // ""] | @tsv' "$SCRATCH/stdout")
    [ -n "$want" ] || fail "no $facet facet values in the corpus"
    csearch --format tsv --facets-only --facet "$facet" '*'
    expect_status 0
    expect_equal "tsv facet header" "$(head -1 "$SCRATCH/stdout")" $'facet\tvalue\tcount\ttype'
    expect_equal "tsv $facet counts = json" "$(tail -n +2 "$SCRATCH/stdout" | cut -f2-)" "$want"
    expect_equal "tsv facet column" "$(tail -n +2 "$SCRATCH/stdout" | cut -f1 | sort -u)" "$facet"
    csearch --format jsonl --facets-only --facet "$facet" '*'
    expect_equal "jsonl $facet counts = json" "$(jq -r '[.value, .count, .type // ""] | @tsv' "$SCRATCH/stdout")" "$want"
    expect_equal "jsonl facet lines only" "$(jq -r 'select(.facet != "'"$facet"'" or .output_version != 1)' "$SCRATCH/stdout")" ""
done
# Hits and facets in one jsonl stream: the hits first, then the counts (lines with "facet").
csearch --format jsonl --limit 3 --facet person Milley
expect_status 0
expect_equal "jsonl hit lines" "$(jq -r 'select(has("facet") | not) | .rank' "$SCRATCH/stdout" | paste -sd ' ')" "1 2 3"
expect_equal "jsonl hits before facets" "$(jq -r 'has("facet")' "$SCRATCH/stdout" | uniq | paste -sd ' ')" "false true"
jsonl_counts=$(jq -r 'select(.facet) | [.value, .count] | @tsv' "$SCRATCH/stdout")
csearch --format json --limit 0 --facet person Milley
expect_equal "jsonl facets of a query = json" \
    "$(jq -r '.facets.person[] | [.value, .count] | @tsv' "$SCRATCH/stdout")" "$jsonl_counts"
# Each of the top person counts is the number of articles --count finds with that person.
csearch --format tsv --no-header --facets-only --facet person Milley
expect_equal "no header in the facet table" "$(grep -c '^facet' "$SCRATCH/stdout")" 0
head -3 "$SCRATCH/stdout" >"$SCRATCH/top"
while IFS=$'\t' read -r facet name count type; do
    csearch --count "Milley person:\"$name\""
    expect_equal "--count of person $name" "$(cat "$SCRATCH/stdout")" "$count"
done <"$SCRATCH/top"
# With --batch each facet line carries its query.
printf 'Milley\nScholz\n' | "$SEARCHER" --db "$cdb" --batch --format jsonl --facets-only --facet year >"$SCRATCH/stdout"
expect_equal "batch facet lines" "$(jq -r '.query_line' "$SCRATCH/stdout" | uniq | paste -sd ' ')" "1 2"
# Text --facets-only: no hits, the count and the facet.
csearch --facets-only --facet year Milley
expect_status 0
expect_stdout_has "matches for \"Milley\""
expect_stdout_has "year:"
checks=$((checks + 1))
grep -q '^  1\. ' "$SCRATCH/stdout" && fail "--facets-only printed a hit"
csearch --facets-only Milley
expect_status 2
expect_stderr_has "--facets-only needs --facet"

finish
