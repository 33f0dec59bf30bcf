#!/usr/bin/env bash
# Known-item search over saved web pages (issue 17's measure of stemming per language): every
# page of a set in the layout of ../shared/data/web-pages (pages under DIR/pages) is indexed
# into a fresh database, then each query of a file of known-item queries is run, and a query
# counts as found when its page is among the first 3 hits. Prints a Markdown table per
# language (queries; found by the searcher's default: all words, else any when no article has
# them all; by all words without that fallback; and with --any) and the totals for all
# languages but English.
#
#   tests/bench/known_item.sh --pages DIR --queries FILE [--bin build/bin]
#                             [--work /tmp/newsindex-known-item] [--misses N]
#
# FILE: one query per line, "file<TAB>lang<TAB>query", file as named in DIR/pages (without
# ".gz"), lang the page's declared language (tests/data/known-item/README.md). --misses N
# lists the first N queries (default mode) whose page is not in the top 3. Exit status 77
# (ctest's skip) when DIR has no pages, 2 on a bad command line, 1 when a command fails.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin="$here/../../build/bin"
work=/tmp/newsindex-known-item
pages="" queries="" misses=0
while [ $# -gt 0 ]; do
    case "$1" in
        --pages) pages=$2; shift 2 ;;
        --queries) queries=$2; shift 2 ;;
        --bin) bin=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --misses) misses=$2; shift 2 ;;
        *) echo "usage: $0 --pages DIR --queries FILE [--bin DIR] [--work DIR] [--misses N]" >&2
           exit 2 ;;
    esac
done
if [ -z "$queries" ] || [ ! -f "$queries" ]; then
    echo "known_item.sh: no queries file given or found: '$queries'" >&2
    exit 2
fi
if [ -z "$pages" ] || [ ! -d "$pages/pages" ]; then
    echo "known_item.sh: skipped: no pages in '$pages/pages' (the web-pages set is in ../shared/data/web-pages)" >&2
    exit 77
fi
rm -rf "$work"
mkdir -p "$work"
echo "indexing $pages/pages into $work/db" >&2
status=0
"$bin/indexer" --db "$work/db" "$pages/pages" 2>"$work/index.log" || status=$?
# 0: indexed; 1: some files could not be read (named in index.log), the rest indexed.
if [ "$status" -gt 1 ]; then
    cat "$work/index.log" >&2
    exit 1
fi

# One run per mode: the searcher's default as JSON shows it (all words; when no article has
# them all, those with any, as people see it in text and JSON output; docs/query-syntax.md),
# all words without that fallback (TSV, which answers the query as typed), and --any. Each
# becomes "line<TAB>query<TAB>path" of the top 3 of each query, in input order.
cut -f3 "$queries" >"$work/queries.txt"
for mode in default strict any; do
    flags=(--format json)
    [ "$mode" = strict ] && flags=(--format tsv --fields path)
    [ "$mode" = any ] && flags=(--format json --any)
    "$bin/searcher" --db "$work/db" --batch --limit 3 "${flags[@]}" \
        <"$work/queries.txt" >"$work/hits-$mode.out" 2>"$work/search-$mode.log" || {
        # Exit 1 means only that some query found nothing.
        [ $? -eq 1 ] || { cat "$work/search-$mode.log" >&2; exit 1; }
    }
    if [ "$mode" = strict ]; then
        cp "$work/hits-$mode.out" "$work/hits-$mode.tsv"
    else
        { echo "line	query	path"
          jq -rs 'to_entries[] | .key as $i | (.value.hits // [])[] | [$i + 1, "", .path] | @tsv' \
              "$work/hits-$mode.out"; } >"$work/hits-$mode.tsv"
    fi
done

awk -F'\t' -v misses="$misses" '
    FNR == 1 { file_index++ }
    # The hit lists: "line<TAB>query<TAB>path", after a header line.
    file_index <= 3 && FNR > 1 {
        name = $3; sub(/.*\//, "", name); sub(/\.gz$/, "", name)
        top[file_index, $1, name] = 1
        next
    }
    file_index == 4 {
        lang = $2; n[lang]++
        if (top[1, FNR, $1]) found[1, lang]++
        else if (shown < misses) { print "miss: " lang "\t" $1 "\t" $3 > "/dev/stderr"; shown++ }
        for (m = 2; m <= 3; m++) if (top[m, FNR, $1]) found[m, lang]++
    }
    function percent(a, b) { return b ? sprintf("%.1f", 100 * a / b) : "n/a" }
    END {
        print "| language | queries | top 3, default (%) | top 3, all words, no fallback (%) | top 3, --any (%) |"
        print "|---|---|---|---|---|"
        sorter = "sort -t\"|\" -k3,3nr"
        for (lang in n) {
            printf "| %s | %d | %s | %s | %s |\n", lang, n[lang], percent(found[1, lang], n[lang]),
                percent(found[2, lang], n[lang]), percent(found[3, lang], n[lang]) | sorter
            if (lang != "en") {
                total += n[lang]
                for (m = 1; m <= 3; m++) totals[m] += found[m, lang]
            }
        }
        close(sorter)
        printf "| all but en | %d | %s | %s | %s |\n", total, percent(totals[1], total),
            percent(totals[2], total), percent(totals[3], total)
    }' "$work/hits-default.tsv" "$work/hits-strict.tsv" "$work/hits-any.tsv" "$queries"
