#!/usr/bin/env bash
# Every query form and output format of the searcher over corpus/, with golden outputs (volatile
# fields normalised) and cross-checks between formats and against grep.
# UPDATE_GOLDEN=1 rewrites the golden files instead of comparing (then read the diff).
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/db"
corpus="$SOURCE_DIR/corpus"
golden="$SOURCE_DIR/tests/data/golden"
run "$INDEXER" --db "$db" "$corpus"
expect_status 0
search() { run "$SEARCHER" --db "$db" --color never "$@"; }

# Body text of the corpus, as the indexer sees it: without the metadata lines.
body_files_with_word() {
    grep -rlw --include='*.txt' -e "$1" "$corpus" | while read -r file; do
        grep -v -e '^Related article:' -e '^Original url:' -e '^<http' "$file" | grep -qw -e "$1" && echo "$file"
    done | sort
}

# One word: the searcher finds exactly the files grep finds (possessives included).
for word in Milley Scholz Putin Gazprom Lagarde Pentagon Zelensky Habeck; do
    search --format paths --limit 0 "$word"
    expect_equal "files matching $word (searcher vs grep)" "$(sort "$SCRATCH/stdout")" "$(body_files_with_word "$word")"
done

# Query forms: query | expected count | a title the first hit contains ("" for no check).
while IFS='|' read -r query count top; do
    [ -n "$query" ] || continue
    search --format json --limit 1 -- "$query"
    expect_equal "count for $query" "$(jq '.matches.estimated' "$SCRATCH/stdout")" "$count"
    if [ -n "$top" ]; then
        title=$(jq -r '.hits[0].title' "$SCRATCH/stdout")
        case "$title" in *"$top"*) ;; *) fail "first hit for $query is '$title', expected it to contain '$top'" ;; esac
    fi
done <<'TABLE'
Nord Stream 2|13|Nord Stream 2
"Nord Stream 2"|13|Nord Stream 2
"nord stream 1"|1|Nord Stream 1
Milley|7|Milley
title:Milley|3|Milley
Milley NOT Austin|0|
Milley -Pentagon -Austin|0|
Pentagon -Milley|4|
+Milley Pentagon|7|Milley
Milley AND Pentagon|7|Milley
Scholz OR Lagarde|17|
Milley NEAR artillery|1|Artillery
(Scholz OR Macron) date:2022-02|2|
ukrain*|31|
author:reuters|11|
author:reuters author:afp|17|
author:"katrin vogel"|2|
author:vogel Milley|1|Milley
date:2021|17|
date:2022-04|7|
date:2022-04-24|1|Macron Wins
date:2021-12-01..2022-01-31 pipeline|3|
date:2022-06.. Milley|1|Donbas
date:..2021-10 chips|2|
site:kyiv-monitor.example Milley|2|
url:https://www.baltic-ledger.example/energy/2022/02/22/scholz-halts-nord-stream-2-approval|1|Scholz Halts
Mélenchon|5|
Melenchon|5|
"Eric Zemmour"|5|
"Éric Zemmour"|5|
TABLE

# Golden outputs: text and every machine-readable format, volatile fields normalised.
normalise_paths() { sed -e "s#$SOURCE_DIR#SOURCE#g"; }
check_golden() {
    local name=$1
    normalise_paths <"$SCRATCH/stdout" >"$SCRATCH/normalised"
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$SCRATCH/normalised" "$golden/$name"
    else
        checks=$((checks + 1))
        diff -u "$golden/$name" "$SCRATCH/normalised" >"$SCRATCH/diff" ||
            fail "golden $name differs: $(head -c 1500 "$SCRATCH/diff")"
    fi
}
search --limit 3 --facet year 'Nord Stream 2'
check_golden text-nord-stream.txt
search --format json --limit 2 --facet author --facet month 'Milley date:2022'
jq -c 'del(.hits[].score, .hits[].docid)' "$SCRATCH/stdout" >"$SCRATCH/j" && mv "$SCRATCH/j" "$SCRATCH/stdout"
check_golden json-milley.json
search --format jsonl --limit 3 --fields rank,title,date,authors,site 'Lagarde OR Powell'
check_golden jsonl-central-banks.jsonl
search --format tsv --limit 3 --fields rank,date,title,authors,path --sort oldest 'chip'
check_golden tsv-chips.tsv

# Cross-checks between formats.
for query in Milley 'Nord Stream 2' 'date:2022-04' 'pipeline OR chips'; do
    search --count "$query"
    count=$(cat "$SCRATCH/stdout")
    search --format paths --limit 0 "$query"
    expect_equal "--count vs paths lines for $query" "$(wc -l <"$SCRATCH/stdout")" "$count"
    search --format jsonl --limit 0 "$query"
    expect_equal "--count vs jsonl lines for $query" "$(wc -l <"$SCRATCH/stdout")" "$count"
    search --format tsv --limit 0 "$query"
    expect_equal "--count vs tsv lines for $query" "$(($(wc -l <"$SCRATCH/stdout") - 1))" "$count"
    search --format json --limit 0 --facet year "$query"
    expect_equal "--count vs year facet total for $query" "$(jq '[.facets.year[].count] | add' "$SCRATCH/stdout")" "$count"
done

# Sorting, paging.
search --format json --limit 0 --sort newest pipeline
dates=$(jq -r '.hits[].date' "$SCRATCH/stdout")
expect_equal "--sort newest" "$dates" "$(echo "$dates" | sort -r)"
search --format json --limit 0 --sort oldest pipeline
dates=$(jq -r '.hits[].date' "$SCRATCH/stdout")
expect_equal "--sort oldest" "$dates" "$(echo "$dates" | sort)"
search --format json --limit 0 Pentagon
all=$(jq -r '.hits[].title' "$SCRATCH/stdout")
search --format json --offset 2 --limit 3 Pentagon
expect_equal "--offset 2 --limit 3" "$(jq -r '.hits[].title' "$SCRATCH/stdout")" "$(echo "$all" | sed -n 3,5p)"
expect_equal "ranks after --offset" "$(jq -c '[.hits[].rank]' "$SCRATCH/stdout")" "[3,4,5]"

# A pipeline: the files about Milley that mention the Pentagon.
"$SEARCHER" --db "$db" --format paths -0 --limit 0 Milley | xargs -0 grep -l Pentagon | sort >"$SCRATCH/piped"
expect_equal "paths -0 | xargs -0 grep" "$(cat "$SCRATCH/piped")" "$(body_files_with_word Milley | xargs grep -l Pentagon | sort)"
[ -s "$SCRATCH/piped" ] || fail "the pipeline found nothing"

# Fallback to any word, and "did you mean".
search --format json 'Milley zebra'
expect_equal "fell back to any word" "$(jq '.fell_back_to_any' "$SCRATCH/stdout")" true
expect_equal "fallback hits" "$(jq '.matches.estimated' "$SCRATCH/stdout")" 7
search 'Milley zebra'
expect_status 1
expect_stderr_has "no article has all the words of \"Milley zebra\"; showing articles with any of them"
expect_stdout_has "Milley"
search milly
expect_status 1
expect_stdout_has "Did you mean: milley"
search --format json 'Gazprm pipeline'
expect_equal "did_you_mean" "$(jq -r '.did_you_mean' "$SCRATCH/stdout")" "gazprom pipeline"

# Stray operators and punctuation in a question are tolerated.
search --format json --any 'What did Germany do about the pipeline AND ?'
expect_status 0
expect_equal "read as plain words" "$(jq '.read_as_plain_words' "$SCRATCH/stdout")" true

# --explain, --like, --collapse.
search --explain Milley
expect_stdout_has "Query: Query(Zmilley@1)"
first_milley=$(ls "$corpus"/ukraine-security/*milley-warns*.txt)
search --format json --limit 3 --like "$first_milley"
expect_status 0
checks=$((checks + 1))
jq -r '.hits[].path' "$SCRATCH/stdout" | grep -qx "$first_milley" && fail "--like returned the article itself"
case "$(jq -r '.hits[0].path' "$SCRATCH/stdout")" in */ukraine-security/*) ;; *) fail "--like did not stay in the story" ;; esac
mkdir -p "$SCRATCH/wire"
for site in one two three; do
    sed "s#^<https://[^/]*/#<https://$site.example/#" "$corpus/central-banks/2022-03-16-fed-raises-rates-first-time-since-2018.txt" |
        sed "0,/^By /s/^By .*/By Wire Desk $site/" >"$SCRATCH/wire/$site.txt"
    printf '\n\nA note added by the %s desk.\n' "$site" >>"$SCRATCH/wire/$site.txt"
done
run "$INDEXER" --db "$db" "$SCRATCH/wire"
search --format json 'Fed raises rates first time since 2018'
expect_equal "copies without --collapse" "$(jq '.matches.estimated' "$SCRATCH/stdout")" 4
search --format json --collapse 'Fed raises rates first time since 2018'
expect_equal "hits with --collapse" "$(jq '.hits | length' "$SCRATCH/stdout")" 1
expect_equal "folded copies" "$(jq '.hits[0].collapsed' "$SCRATCH/stdout")" 3

# --batch: one JSON object per input line, the database opened once; a blank line or a bad
# query gives an error object (and a message naming the line) and the others go on.
printf 'Milley\n\nzebra\ndate:2022-13\nScholz\n' >"$SCRATCH/queries"
run "$SEARCHER" --db "$db" --batch --limit 1 <"$SCRATCH/queries"
expect_status 2
expect_equal "batch lines" "$(wc -l <"$SCRATCH/stdout")" 5
expect_equal "batch queries" "$(jq -r '.query' "$SCRATCH/stdout" | paste -sd,)" "Milley,,zebra,date:2022-13,Scholz"
expect_equal "batch errors" "$(jq -r 'select(.error) | .query' "$SCRATCH/stdout" | paste -sd,)" ",date:2022-13"
expect_stderr_has "line 4: query \"date:2022-13\""
printf 'Milley\nScholz\n' >"$SCRATCH/queries"
run "$SEARCHER" --db "$db" --batch <"$SCRATCH/queries"
expect_status 0

# Several databases as one: repeated --db and a Xapian stub file give the same as one database.
run "$INDEXER" --db "$SCRATCH/part1" "$corpus/nord-stream" "$corpus/ukraine-security"
run "$INDEXER" --db "$SCRATCH/part2" "$corpus/central-banks" "$corpus/climate-cop26" "$corpus/chip-shortage" "$corpus/french-election"
printf 'auto %s\nauto %s\n' "$SCRATCH/part1" "$SCRATCH/part2" >"$SCRATCH/stub"
run "$SEARCHER" --db "$SCRATCH/part1" --db "$SCRATCH/part2" --count 'Putin OR Macron'
two=$(cat "$SCRATCH/stdout")
run "$SEARCHER" --db "$SCRATCH/stub" --count 'Putin OR Macron'
expect_equal "stub database count" "$(cat "$SCRATCH/stdout")" "$two"
run "$INDEXER" --db "$SCRATCH/whole" "$corpus"
run "$SEARCHER" --db "$SCRATCH/whole" --count 'Putin OR Macron'
expect_equal "two databases vs one" "$two" "$(cat "$SCRATCH/stdout")"

# Usage errors.
search --facet colour Milley
expect_status 2
expect_stderr_has "unknown --facet 'colour'"
search --fields rank,colour --format tsv Milley
expect_status 2
expect_stderr_has "unknown field 'colour'"
search --sort sideways Milley
expect_status 2
search --like /no/such/article.txt
expect_status 2
expect_stderr_has "no indexed article has this path or id"

finish
