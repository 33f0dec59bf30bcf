#!/usr/bin/env bash
# Known-item search over saved web pages (issue 17's measure of stemming per language): every
# page of a set in the layout of ../shared/data/web-pages (pages under DIR/pages) is indexed
# into a fresh database, then each query of a file of known-item queries is run, and a query
# counts as found when its page is among the first 3 hits. Prints a Markdown table per
# language (queries, found by the searcher's default: all words, else any when no article has
# them all; and found with --any) and the totals for all languages but English.
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

# One run per mode, as JSON: the searcher's default (all words; when no article has them all,
# those with any, as people see it in text and JSON output; docs/query-syntax.md) and --any.
# jq makes "line<TAB>query<TAB>path" of the top 3 of each query, in input order.
cut -f3 "$queries" >"$work/queries.txt"
for mode in all any; do
    flags=()
    [ "$mode" = any ] && flags=(--any)
    "$bin/searcher" --db "$work/db" --batch --format json --limit 3 "${flags[@]}" \
        <"$work/queries.txt" >"$work/hits-$mode.json" 2>"$work/search-$mode.log" || {
        # Exit 1 means only that some query found nothing.
        [ $? -eq 1 ] || { cat "$work/search-$mode.log" >&2; exit 1; }
    }
    { echo "line	query	path"
      jq -rs 'to_entries[] | .key as $i | (.value.hits // [])[] | [$i + 1, "", .path] | @tsv' \
          "$work/hits-$mode.json"; } >"$work/hits-$mode.tsv"
done

awk -F'\t' -v misses="$misses" '
    FNR == 1 { file_index++ }
    # The hit lists: "line<TAB>query<TAB>path", after a header line.
    file_index <= 2 && FNR > 1 {
        name = $3; sub(/.*\//, "", name); sub(/\.gz$/, "", name)
        top[file_index, $1, name] = 1
        next
    }
    file_index == 3 {
        lang = $2; n[lang]++
        if (top[1, FNR, $1]) all[lang]++
        else if (shown < misses) { print "miss: " lang "\t" $1 "\t" $3 > "/dev/stderr"; shown++ }
        if (top[2, FNR, $1]) any[lang]++
    }
    function percent(a, b) { return b ? sprintf("%.1f", 100 * a / b) : "n/a" }
    END {
        print "| language | queries | top 3, default (%) | top 3, --any (%) |"
        print "|---|---|---|---|"
        for (lang in n) {
            printf "| %s | %d | %s | %s |\n", lang, n[lang], percent(all[lang], n[lang]), percent(any[lang], n[lang]) | "sort -t\"|\" -k3,3nr"
            if (lang != "en") { total += n[lang]; total_all += all[lang]; total_any += any[lang] }
        }
        close("sort -t\"|\" -k3,3nr")
        printf "| all but en | %d | %s | %s |\n", total, percent(total_all, total), percent(total_any, total)
    }' "$work/hits-all.tsv" "$work/hits-any.tsv" "$queries"
