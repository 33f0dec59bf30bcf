#!/usr/bin/env bash
# Articles in several languages in one database (tests/data/languages, written here): each is
# found by an inflected query in its own language, stemmed as its language stems, its
# language's function words dropped ("wurde", "gegen", "chez": in no article); Chinese and
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
Regierung wurde gegen|de/haushalt
élection chez|fr/elections
approche|fr/elections
ouverture|fr/elections
l'ouverture|fr/elections
title:l'élection|fr/elections
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

# Accented words are marked too (the index folds them: "electeur" is the stem of "électeurs"),
# and a word after an elision with it.
for pair in "électeur|<mark>électeurs</mark>" "ouverture|<mark>l'ouverture</mark>"; do
    run "$SEARCHER" --no-config --db "$db" --format json "${pair%%|*}"
    checks=$((checks + 1))
    jq -e --arg marked "${pair#*|}" '.hits[0].snippet_html | contains($marked)' "$SCRATCH/stdout" >/dev/null ||
        fail "snippet of ${pair%%|*} lacks ${pair#*|}: $(jq -r '.hits[0].snippet_html' "$SCRATCH/stdout")"
done

# A function word of the article's language is not marked in its snippet: "die" is asked for
# in English articles (where it is a verb, and frost-en.txt has it) but dropped for German ones,
# whose every sentence has it.
run "$INDEXER" --no-config --db "$db" "$SOURCE_DIR/tests/data/languages/frost-en.txt"
expect_status 0
run "$SEARCHER" --no-config --db "$db" --format json "die Landesregierung"
checks=$((checks + 1))
jq -e '.hits[0].snippet_html | contains("<mark>Landesregierungen</mark>") and (contains("<mark>die</mark>") | not)' \
    "$SCRATCH/stdout" >/dev/null ||
    fail "German snippet marks a German function word: $(jq -r '.hits[0].snippet_html' "$SCRATCH/stdout")"

# Entities: the English recogniser's guesses are kept out of other languages; the gazetteer's
# places stay. The German article names Berlin in a sentence added for this check.
run "$INDEXER" --inspect "$SOURCE_DIR/tests/data/languages/articles.jsonl"
expect_status 0
expect_equal "German entities" \
    "$(jq -rc 'select(.lang == "de") | [.entities_scope, ([.entities[] | .name + "/" + .type] | join(","))] | join(" ")' "$SCRATCH/stdout")" \
    "gazetteer places only Berlin/place"
expect_equal "English scope" "$(jq -r 'select(.lang == "en") | .entities_scope' "$SCRATCH/stdout")" recogniser

# Numeric dates are ordered by the article's language (issue 17 item 3): day first in German;
# an English "03/04/2022" could be either and is left out, with the reason in --inspect; a day
# above 12 shows the order whatever the language.
languages="$SOURCE_DIR/tests/data/languages"
while IFS='|' read -r file date note; do
    [ -n "$file" ] || continue
    run "$INDEXER" --no-config --inspect "$languages/$file"
    expect_status 0
    expect_equal "$file date" "$(jq -r '.date' "$SCRATCH/stdout")" "$date"
    expect_equal "$file date note" "$(jq -r '.date_note' "$SCRATCH/stdout")" "$note"
done <<'TABLE'
datum-de.txt|2022-04-03|null
date-en-clear.txt|2022-04-13|null
date-en-ambiguous.txt|null|03/04/2022: day and month order unknown for language en
kurz.txt|null|03/04/2022: day and month order unknown (language unknown)
TABLE

# The database's default language (indexer --language): the short article, whose language its
# text does not tell, takes it (lang:, its date read day first, its stems), the database
# records it, and an ordinary run may not change it: only --rebuild may.
ldb="$SCRATCH/ldb"
run "$INDEXER" --no-config --db "$ldb" --language de-AT "$languages/kurz.txt"
expect_status 0
run "$SEARCHER" --no-config --db "$ldb" --format json 'lang:de *'
expect_equal "default language hit" "$(jq -c '[.hits[] | .date]' "$SCRATCH/stdout")" '["2022-04-03"]'
run "$INDEXER" --no-config --db "$ldb" --status --summary json
expect_equal "status language" "$(jq -r '.default_language' "$SCRATCH/stdout")" de
# Later runs keep it without being told.
run "$INDEXER" --no-config --db "$ldb" "$languages/date-en-clear.txt"
expect_status 0
run "$INDEXER" --no-config --db "$ldb" --language fr "$languages/datum-de.txt"
expect_status 2
expect_stderr_has "database $ldb was indexed with the default language de; --language fr"
run "$SEARCHER" --no-config --db "$ldb" --count '*'
expect_equal "refused run wrote nothing" "$(cat "$SCRATCH/stdout")" 2
run "$INDEXER" --no-config --db "$ldb" --language fr --rebuild
expect_status 0
run "$SEARCHER" --no-config --db "$ldb" --format json 'lang:fr *'
expect_equal "rebuilt default" "$(jq -c '[.hits[] | .date]' "$SCRATCH/stdout")" '["2022-04-03"]'
# The setting goes out with a run's first commit: a run killed after it leaves a database
# whose articles and default language agree. A sharded database commits every batch; the run
# reads its paths from a FIFO and waits there, its first file committed, when it is killed.
sdb="$SCRATCH/sdb"
mkfifo "$SCRATCH/list"
"$INDEXER" --no-config --db "$sdb" --shards 2 --jobs 1 --batch-size 1 --language de \
    --files-from "$SCRATCH/list" 2>/dev/null &
writer=$!
# Read-write: opening a FIFO so never blocks, even if the indexer ended before opening it.
exec 3<>"$SCRATCH/list"
echo "$languages/kurz.txt" >&3
# The setting is the run's first change, committed before any article; wait for the article.
for _ in $(seq 200); do
    [ "$("$SEARCHER" --no-config --db "$sdb" --count '*' 2>/dev/null)" = 1 ] && break
    sleep 0.05
done
kill -9 "$writer"
wait "$writer" 2>/dev/null || true
exec 3>&-
run "$SEARCHER" --no-config --db "$sdb" --count 'lang:de *'
expect_equal "the killed run's article" "$(cat "$SCRATCH/stdout")" 1
run "$INDEXER" --no-config --db "$sdb" --status --summary json
expect_equal "the killed run's setting" "$(jq -r '.default_language' "$SCRATCH/stdout")" de

# A dry run of a rebuild may name another default; a rebuild may not change the default of
# articles from standard input, which it cannot read again.
run "$INDEXER" --no-config --db "$ldb" --language de --rebuild --dry-run
expect_status 0
printf '{"title": "Notiz", "body": "Ok."}\n' | "$INDEXER" --no-config --db "$ldb" - 2>/dev/null
run "$INDEXER" --no-config --db "$ldb" --language de --rebuild
expect_status 2
expect_stderr_has "cannot analyse again the articles from standard input"
run "$INDEXER" --no-config --db "$ldb" --language german "$languages/kurz.txt"
expect_status 2
expect_stderr_has "--language 'german' is not a language tag"
run "$INDEXER" --no-config --db "$ldb" --language "" "$languages/kurz.txt"
expect_status 2
expect_stderr_has "--language needs a language code"

# A word left after an elision is no operator: in French "de l'OR" is the words "de" and "or"
# (both stop words there), not a query ending in OR, which would be an error.
finds "élections de l'OR" "fr/elections"

finish
