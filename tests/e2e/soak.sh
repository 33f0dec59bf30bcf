#!/usr/bin/env bash
# A concurrency soak (issue 19 item 6): an indexer commits again and again into a growing and
# changing folder while four searchers query in a loop. Any message on a searcher's stderr, a
# status other than 0, a count that no commit ever had (a single database: the set of counts
# after each run; a sharded one, which commits every batch: counts that go down), a JSON
# answer that contradicts itself, or a database xapian-check does not pass fails the test.
# Bounded by time: SOAK_SECONDS per phase (default 10), longer only while the searchers have
# not yet seen the database change, and never past 120 s. No timing is asserted.
. "$(dirname "$0")/lib.sh"

soak_seconds=${SOAK_SECONDS:-10}
news="$SCRATCH/news"
added=0
# add_articles N: N new articles, all with the word "soak" (what the searchers count).
add_articles() {
    local i
    for i in $(seq $((added + 1)) $((added + $1))); do
        make_article "$news/$((i % 7))/soak-$i.txt" "Soak Report $i" "https://news.example/soak/$i" \
            "Soak report $i about the harbour crane$i and barge$i."
    done
    added=$((added + $1))
}
# change_articles: rewrites a few existing articles (an update: a document replaced in the
# same commit, the count unchanged).
change_articles() {
    local i
    for i in $((RANDOM % added + 1)) $((RANDOM % added + 1)); do
        make_article "$news/$((i % 7))/soak-$i.txt" "Soak Report $i" "https://news.example/soak/$i" \
            "Soak report $i, revised at $SECONDS, about the quay crane$i and barge$i."
    done
}

# searcher_loop N DB: queries DB until $SCRATCH/stop exists. Writes one line per query to
# $SCRATCH/seen-N ("count C", "json C", "facet C" or "text"), and every problem to
# $SCRATCH/problems-N.
searcher_loop() {
    local n=$1 db=$2 out err="$SCRATCH/err-$1" status total
    while [ ! -e "$SCRATCH/stop" ]; do
        case $n in
            1)
                out=$("$SEARCHER" --db "$db" --count '*' 2>"$err")
                status=$?
                total="count $out"
                ;;
            2)
                out=$("$SEARCHER" --db "$db" --format json --limit 5 soak 2>"$err")
                status=$?
                # Exact bounds, and as many hits as the count allows.
                total=$(jq -r 'if .matches.lower_bound == .matches.upper_bound and
                                  (.hits | length) == ([.matches.lower_bound, 5] | min)
                               then "json \(.matches.lower_bound)" else "bad \(.)" end' \
                    <<<"$out" 2>&1)
                ;;
            3)
                out=$("$SEARCHER" --db "$db" --format json --facet month --limit 0 soak 2>"$err")
                status=$?
                total=$(jq -r 'if ([.facets.month[].count] | add) == .matches.lower_bound
                               then "facet \(.matches.lower_bound)" else "bad \(.)" end' \
                    <<<"$out" 2>&1)
                ;;
            *)
                out=$("$SEARCHER" --db "$db" --limit 3 soak report 2>"$err")
                status=$?
                total="text"
                ;;
        esac
        if [ "$status" -ne 0 ] || [ -s "$err" ] || [ "${total#bad}" != "$total" ] ||
            [ -z "${total#* }" ]; then
            printf 'searcher %s: status %s, stderr: %s, answer: %s\n' "$n" "$status" \
                "$(head -c 300 "$err")" "$(head -c 300 <<<"$total")" >>"$SCRATCH/problems-$n"
        fi
        echo "$total" >>"$SCRATCH/seen-$n"
    done
}

# soak NAME DB INDEXER-OPTIONS...: the writer loop and four searchers over DB, which holds the
# folder already. Leaves the counts the database had after each run in $SCRATCH/committed.
soak() {
    local name=$1 db=$2
    shift 2
    rm -f "$SCRATCH"/stop "$SCRATCH"/seen-* "$SCRATCH"/problems-*
    doc_count "$db" >"$SCRATCH/committed"
    local searchers=() n
    for n in 1 2 3 4; do
        searcher_loop "$n" "$db" &
        searchers+=($!)
    done
    local start=$SECONDS runs=0 distinct
    while :; do
        add_articles $((RANDOM % 20 + 5))
        [ $((runs % 3)) -ne 2 ] || change_articles
        "$INDEXER" --db "$db" "$@" "$news" 2>>"$SCRATCH/indexer.err"
        status=$?
        if [ "$status" -ne 0 ]; then
            fail "$name: indexer run $runs exited $status: $(tail -c 300 "$SCRATCH/indexer.err")"
            break
        fi
        runs=$((runs + 1))
        doc_count "$db" >>"$SCRATCH/committed"
        [ $((SECONDS - start)) -lt "$soak_seconds" ] && continue
        # Go on until every searcher has queried, and some saw the database change.
        distinct=$(sort -u "$SCRATCH/seen-1" 2>/dev/null | wc -l)
        [ "$distinct" -ge 2 ] && [ -s "$SCRATCH/seen-2" ] && [ -s "$SCRATCH/seen-3" ] &&
            [ -s "$SCRATCH/seen-4" ] && break
        [ $((SECONDS - start)) -lt 120 ] || break
    done
    touch "$SCRATCH/stop"
    wait "${searchers[@]}"

    checks=$((checks + 1))
    if [ -n "$(cat "$SCRATCH"/problems-* 2>/dev/null)" ]; then
        fail "$name: searchers met problems:"
        head -20 "$SCRATCH"/problems-* >&2
    fi
    expect_equal "$name: documents at the end" "$(doc_count "$db")" "$added"
    local part
    for part in "$db" "$db"/shard-*; do
        [ -e "$part/iamglass" ] || continue
        run xapian-check "$part"
        expect_status 0
    done
    local seen=0 changes=0 file
    for file in "$SCRATCH"/seen-*; do
        seen=$((seen + $(wc -l <"$file")))
    done
    changes=$(sort -u "$SCRATCH/seen-1" | wc -l)
    echo "$name: $runs indexer runs, $seen searches, $changes distinct counts seen by --count"
    checks=$((checks + 1))
    [ "$changes" -ge 2 ] || fail "$name: the searchers never saw a commit (over $runs runs)"
}

# expect_counts_committed NAME: every count a searcher saw is one the database had after a run.
expect_counts_committed() {
    local bad
    bad=$(cat "$SCRATCH"/seen-[123] | awk '{print $2}' | sort -u |
        grep -vxF -f "$SCRATCH/committed" | head -5 | tr '\n' ' ')
    expect_equal "$1: counts seen that no commit had" "$bad" ""
}

# expect_monotone NAME: each searcher's counts never go down, and none exceeds the final one.
expect_monotone() {
    local n bad final
    final=$(tail -1 "$SCRATCH/committed")
    for n in 1 2 3; do
        bad=$(awk -v final="$final" '{ if ($2 < last || $2 > final) { print NR ": " last " then " $2; exit } last = $2 }' \
            "$SCRATCH/seen-$n")
        expect_equal "$1: searcher $n counts going down or past the end" "$bad" ""
    done
}

# --- A single database: every run is one commit, so the counts seen are exactly the set of
# counts after the runs.
add_articles 40
db="$SCRATCH/db"
run "$INDEXER" --db "$db" "$news"
expect_status 0
soak "single database" "$db" --batch-size 3
expect_counts_committed "single database"
expect_monotone "single database"

# --- A sharded database commits every batch of three: counts between runs too, still rising.
sharded="$SCRATCH/sharded"
run "$INDEXER" --db "$sharded" --shards 2 "$news"
expect_status 0
soak "sharded database" "$sharded" --batch-size 3 --jobs 2
expect_monotone "sharded database"

checks=$((checks + 1))
[ ! -s "$SCRATCH/indexer.err" ] || fail "indexer messages: $(head -c 300 "$SCRATCH/indexer.err")"

finish
