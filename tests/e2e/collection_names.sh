#!/usr/bin/env bash
# One name and one type per entity across the collection (issue 13 item 4), through the real
# indexer and searcher: short articles written here, then the facets a user would ask for.
. "$(dirname "$0")/lib.sh"

# story FILE TITLE TEXT: a small article in the plain-text format.
story() { printf '%s\n\nBy Jane Doe\n\n%s\n' "$2" "$3" >"$1"; }

# facet DB TYPE: the facet's rows as "value count", most frequent first.
facet() {
    "$SEARCHER" --db "$1" --format json --facet "$2" --limit 0 '*' |
        jq -r --arg f "$2" '.facets[$f][] | "\(.value) \(.count)"'
}

d="$SCRATCH/news"
mkdir -p "$d"
# The only article that defines OPEC misspells it; three others write the name correctly.
story "$d/a1.txt" "Oil Ministers Meet" "Ministers of the Organiaation of Petroleum Exporting Countries (OPEC) met in Vienna on Monday."
story "$d/a2.txt" "Output Talks" "The Organization of Petroleum Exporting Countries said on Tuesday that output would fall."
story "$d/a3.txt" "Price Accord" "Prices set by the Organization of Petroleum Exporting Countries rose on Friday."
story "$d/a4.txt" "Quota Row" "OPEC said on Thursday that the quota row was over."
# A party, and a person-shaped name that ends in its name.
story "$d/c1.txt" "Party Conference" "Labour opened its conference in Brighton on Sunday. Labour members cheered."
story "$d/c2.txt" "Party Split" "Old Labour figures attacked the leadership on Monday, Old Labour said."
story "$d/c3.txt" "Poll Lead" "Labour leads the poll, the survey found on Tuesday."
# A title the extractor left on a name.
story "$d/d1.txt" "Envoy Visit" "Secretary of State Antony Blinken flew to Kyiv on Monday. Blinken met officials."
story "$d/d2.txt" "Talks Resume" "On Tuesday, Blinken told reporters that talks would resume."
story "$d/d3.txt" "Envoy Named" "Antony Blinken was named envoy on Friday, officials said."
# Three articles about one Trump, one about another; a lone Trump with no cue is guessed an
# organisation by the extractor.
story "$d/t1.txt" "Rally Speech" "Donald Trump spoke at a rally in Ohio on Monday. Trump said the economy was strong."
story "$d/t2.txt" "Golf Trip" "Donald Trump played golf in Florida on Saturday. Trump waved to fans."
story "$d/t3.txt" "Court Ruling" "Donald Trump lost a ruling in New York on Friday. Trump will appeal, his lawyer said."
story "$d/t4.txt" "Fashion Week" "Melania Trump attended a show in Paris on Sunday."
story "$d/t5.txt" "Sanctions Bill" "The bill includes asset freezes on Trump and other developers."

for size in 1000 1; do
    db="$SCRATCH/db$size"
    run "$INDEXER" --db "$db" --jobs 1 --batch-size "$size" "$d"
    expect_status 0
    facet "$db" org >"$SCRATCH/org"
    facet "$db" person >"$SCRATCH/person"
    # The name most articles write wins over the one misspelt definition.
    expect_equal "OPEC's name, batches of $size" \
        "$(grep -c '^Organization of Petroleum Exporting Countries 3$' "$SCRATCH/org")" 1
    expect_equal "OPEC as written, batches of $size" "$(grep -c '^OPEC ' "$SCRATCH/org")" 0
    # The misspelling stays on the one article that writes it, and spreads to no other.
    expect_equal "the misspelling as an organisation, batches of $size" \
        "$(grep -c '^Organiaation of Petroleum Exporting Countries 1$' "$SCRATCH/org")" 1
    # Labour stays an organisation, and no article that names the party alone is given a
    # person ending in it, whatever the recogniser makes of "Old Labour" (the unit tests of
    # test_collection_names.cc drive that rule with a person-shaped "Old Labour").
    expect_equal "Labour as an organisation, batches of $size" "$(grep -c '^Labour 2$' "$SCRATCH/org")" 1
    run "$SEARCHER" --db "$db" --format paths 'person:Labour'
    expect_equal "party articles with a person named Labour, batches of $size" \
        "$(grep -c -e '/c1\.txt$' -e '/c3\.txt$' "$SCRATCH/stdout")" 0
    # A name with a title teaches nothing, and takes the full name: Blinken is Antony Blinken.
    expect_equal "Antony Blinken, batches of $size" "$(grep -c '^Antony Blinken 3$' "$SCRATCH/person")" 1
    expect_equal "Blinken alone, batches of $size" "$(grep -c '^Blinken ' "$SCRATCH/person")" 0
    expect_equal "Blinken with a title, batches of $size" "$(grep -c '^State Antony Blinken ' "$SCRATCH/person")" 0
    # Donald Trump is named in three times as many articles as Melania Trump: a lone Trump is
    # him, and a person, not an organisation.
    expect_equal "Donald Trump, batches of $size" "$(grep -c '^Donald Trump 4$' "$SCRATCH/person")" 1
    expect_equal "Trump as an organisation, batches of $size" "$(grep -c '^Trump ' "$SCRATCH/org")" 0
done

# An acronym and its expansion are one entity, whichever comes first, in separate runs.
for order in "b1 b2" "b2 b1"; do
    e="$SCRATCH/ecb-${order// /-}"
    mkdir -p "$e"
    for file in $order; do
        case $file in
            b1) story "$e/b1.txt" "Rates Held" "The ECB held rates on Thursday, traders said." ;;
            b2) story "$e/b2.txt" "Bank Report" "The European Central Bank (ECB) published its report on Monday." ;;
        esac
        run "$INDEXER" --db "$e/db" "$e"
        expect_status 0
    done
    facet "$e/db" org >"$SCRATCH/org"
    expect_equal "European Central Bank, $order" "$(grep -c '^European Central Bank 2$' "$SCRATCH/org")" 1
    expect_equal "ECB alone, $order" "$(grep -c '^ECB ' "$SCRATCH/org")" 0
done
finish
