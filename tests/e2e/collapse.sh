#!/usr/bin/env bash
# searcher --collapse folds copies of one story by the text, not by the headline (issue 18):
# different days' stories under one headline stay apart, copies whose headlines differ by a
# letter fold; pages and counts are of the folded list, whatever the indexing order.
. "$(dirname "$0")/lib.sh"

fixtures="$SOURCE_DIR/tests/data/collapse"
db="$SCRATCH/db"
run "$INDEXER" --db "$db" "$fixtures"
expect_status 0
search() { run "$SEARCHER" --db "$db" --format json "$@"; }
# hits: "TITLE|COLLAPSED" per hit, in rank order.
hits() { jq -r '.hits[] | "\(.title)|\(.collapsed)"' "$SCRATCH/stdout"; }

# Three Fed meetings, months apart, under the same headline: three stories.
search --collapse 'title:"Fed holds rates steady"'
expect_status 0
expect_equal "same headline, different days" "$(hits | sort)" "$(printf 'Fed Holds Rates Steady|0\n%.0s' 1 2 3)"
expect_equal "count of different days' stories" "$(jq '.matches.estimated' "$SCRATCH/stdout")" 3

# Two desks' copies of one story, headlines a letter apart, bodies 97% the same: one hit.
search 'dockworkers grain'
expect_equal "copies without --collapse" "$(jq '.hits | length' "$SCRATCH/stdout")" 2
search --collapse 'dockworkers grain'
expect_equal "copies folded" "$(jq '.hits | length' "$SCRATCH/stdout")" 1
expect_equal "folded count" "$(jq '.hits[0].collapsed' "$SCRATCH/stdout")" 1
expect_equal "matches after folding" "$(jq '.matches | "\(.lower_bound) \(.estimated) \(.upper_bound)"' -r "$SCRATCH/stdout")" "1 1 1"

# Pages are cut from the folded list: four stories, two pages of two, ranks 1-4.
search --collapse --any --limit 0 'fed dockworkers'
all=$(jq -r '.hits[] | "\(.rank) \(.id) \(.collapsed)"' "$SCRATCH/stdout")
expect_equal "folded stories" "$(echo "$all" | wc -l)" 4
search --collapse --any --limit 2 'fed dockworkers'
first=$(jq -r '.hits[] | "\(.rank) \(.id) \(.collapsed)"' "$SCRATCH/stdout")
search --collapse --any --limit 2 --offset 2 'fed dockworkers'
second=$(jq -r '.hits[] | "\(.rank) \(.id) \(.collapsed)"' "$SCRATCH/stdout")
expect_equal "two pages make the whole folded list" "$(printf '%s\n%s' "$first" "$second")" "$all"
expect_equal "matches on a page" "$(jq '.matches.estimated' "$SCRATCH/stdout")" 4

# Another indexing order (one file per run, desk B's copy first) folds the same way.
db2="$SCRATCH/db2"
for name in harbour-strike-desk-b fed-2023-09-20 harbour-strike-desk-a fed-2023-06-14 fed-2023-02-01; do
    run "$INDEXER" --db "$db2" "$fixtures/$name.txt"
    expect_status 0
done
run "$SEARCHER" --db "$db2" --format json --collapse --any --limit 0 'fed dockworkers'
expect_equal "folded stories, other order" "$(jq '.hits | length' "$SCRATCH/stdout")" 4
expect_equal "copies, other order" "$(jq '[.hits[].collapsed] | add' "$SCRATCH/stdout")" 1

finish
