#!/usr/bin/env bash
# Articles in several languages in one database (tests/data/languages, written here): each is
# found by an inflected query in its own language, stemmed as its language stems; Chinese and
# Japanese words are found inside sentences; English is stemmed as before; lang: filters and
# facets (the English article declares no language: detected). docs/schema.md, "Languages".
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/db"
run "$INDEXER" --no-config --db "$db" "$SOURCE_DIR/tests/data/languages/articles.jsonl"
expect_status 0

# finds QUERY URL: the query's first hit is the article with that URL, and nothing else.
finds() {
    checks=$((checks + 1))
    local got
    got=$("$SEARCHER" --no-config --db "$db" --format ids -- "$1" | tr '\n' ' ')
    [ "$got" = "https://news.example/$2 " ] || fail "'$1' found '$got', expected news.example/$2 alone"
}
while IFS='|' read -r query url; do
    [ -n "$query" ] || continue
    finds "$query" "$url"
done <<'TABLE'
Regierung|de/haushalt
Landesregierung|de/haushalt
Schulden|de/haushalt
Schuld|de/haushalt
élection|fr/elections
electeur|fr/elections
économique|fr/elections
tren nocturno|es/trenes
conexión|es/trenes
причал|ru/port
причалы|ru/port
运动员|zh/olympics
"运动会"|zh/olympics
山城|zh/olympics
鉄道|ja/rail
一番列車|ja/rail
government|en/budget
argues|en/budget
TABLE

# A German word is stemmed as German only in German articles: "Haushalt" in the English article
# would not match "Haushalte" under the English stemmer, but the German article does.
finds "Haushalte" "de/haushalt"
# lang: filters and counts.
run "$SEARCHER" --no-config --db "$db" --count 'lang:de *'
expect_equal "lang:de" "$(cat "$SCRATCH/stdout")" 1
run "$SEARCHER" --no-config --db "$db" --format json --facet lang --limit 0 '*'
expect_equal "lang facet" "$(jq -c '[.facets.lang[] | .value] | sort' "$SCRATCH/stdout")" '["de","en","es","fr","ja","ru","zh"]'

# Snippets highlight the German inflection the query stems to.
run "$SEARCHER" --no-config --db "$db" --format json Landesregierung
expect_status 0
checks=$((checks + 1))
jq -e '.hits[0].snippet_html | test("<mark>Landesregierungen</mark>")' "$SCRATCH/stdout" >/dev/null ||
    fail "snippet does not mark Landesregierungen: $(jq -r '.hits[0].snippet_html' "$SCRATCH/stdout")"

# Entities: the English recogniser's guesses are kept out of other languages; the gazetteer's
# places stay. The German article names Berlin in a sentence added for this check.
run "$INDEXER" --inspect "$SOURCE_DIR/tests/data/languages/articles.jsonl"
expect_status 0
expect_equal "German entities" \
    "$(jq -rc 'select(.lang == "de") | [.entities_scope, ([.entities[] | .name + "/" + .type] | join(","))] | join(" ")' "$SCRATCH/stdout")" \
    "gazetteer places only Berlin/place"
expect_equal "English scope" "$(jq -r 'select(.lang == "en") | .entities_scope' "$SCRATCH/stdout")" recogniser

finish
