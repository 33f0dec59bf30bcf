#!/usr/bin/env bash
# Articles built to break the indexer (issue 20, item 4): a word, name or field far longer
# than Xapian's terms and metadata keys may be. Each is indexed with its other words
# searchable, the file after it is indexed too, the run exits 0, and the files' states are
# saved (a second run reads neither file again).
. "$(dirname "$0")/lib.sh"

Q=$(printf 'Q%.0s' $(seq 300))
q=$(printf 'q%.0s' $(seq 300))

# case | the hostile article (plain text: title, blank line, body; or one JSON record) | query
cases=(
    "long capitalised word (person)|text|Harbour talks\n\nYesterday John $Q spoke at the harbour.\n|spoke harbour"
    "long acronym (org)|text|Harbour talks\n\nThe Nordic Harbour Treaty Organization ($Q) met. Yesterday the harbour council spoke.\n|spoke harbour"
    "long author|json|{\"title\":\"Harbour talks\",\"author\":\"Anna $Q\",\"body\":\"Yesterday the council spoke at the harbour.\"}|spoke harbour"
    "long word in body|text|Harbour talks\n\nYesterday the council $q spoke.\n|spoke harbour"
    "long URL|json|{\"title\":\"Harbour talks\",\"url\":\"https://example.com/$q\",\"body\":\"Yesterday the council spoke at the harbour.\"}|spoke harbour"
    "long title word|text|Harbour $Q talks\n\nYesterday the council spoke.\n|talks harbour"
)

n=0
for row in "${cases[@]}"; do
    IFS='|' read -r what format article query <<<"$row"
    n=$((n + 1))
    dir="$SCRATCH/case$n"
    db="$dir/db"
    mkdir -p "$dir/in"
    if [ "$format" = json ]; then
        printf '%s\n' "$article" >"$dir/in/a-hostile.json"
    else
        printf "$article" >"$dir/in/a-hostile.txt"
    fi
    printf 'Pipeline opens\n\nThe new pipeline opened on Monday.\n' >"$dir/in/b-next.txt"

    run "$INDEXER" --db "$db" --summary json "$dir/in"
    expect_status 0
    expect_empty stderr
    expect_counts "2 0 0 0 0 0"
    run "$SEARCHER" --db "$db" --count "$query"
    expect_equal "$what: hits for '$query'" "$(cat "$SCRATCH/stdout")" 1
    run "$SEARCHER" --db "$db" --count pipeline monday
    expect_equal "$what: hits for the next file" "$(cat "$SCRATCH/stdout")" 1
    # The states of both files were saved.
    run "$INDEXER" --db "$db" --summary json "$dir/in"
    expect_status 0
    expect_counts "0 0 2 0 0 0"
done

finish
