#!/usr/bin/env bash
# Indexing time against article size when an article's many short names are renamed after
# the full names another article gives (issue 20, item 9: "Milley" after "Mark Milley").
# For each size it writes two files into WORK/SIZE: who.txt, one sentence per person giving
# the full name ("Minister Anna Kalovi said ..."), and story.txt, an article of about SIZE MB
# that names the same people by surname only, a new surname every ~2 KB; then it indexes
# both into a fresh database with one indexer under /usr/bin/time and prints a Markdown row:
# size, surnames, wall seconds, peak RSS. Deterministic: the same text on every machine.
#
# With --story-first the story is indexed by a first run and who.txt by a second, timed
# alone: the story is then renamed in the database when the full names are learned.
#
#   tests/bench/rename_growth.sh [--sizes 5,10,20] [--story-first] [--work /tmp/newsindex-rename]
#                                [--bin build/bin]
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
sizes=5,10,20
work=/tmp/newsindex-rename
bin="$repo/build/bin"
story_first=false
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) sizes=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --bin) bin=$2; shift 2 ;;
        --story-first) story_first=true; shift ;;
        *) echo "usage: $0 [--sizes 5,10,20] [--story-first] [--work DIR] [--bin DIR]" >&2; exit 2 ;;
    esac
done

# generate DIR MB: the two files for one size.
generate() {
    mkdir -p "$1"
    awk -v mb="$2" -v dir="$1" 'BEGIN {
        split("ka lo ve ri mu sa te no bi du fe go hi ja pe", syllable, " ")
        split("Anna Mark Petra Jonas Ilse Tomas Greta Olav", first, " ")
        split("the committee met on Tuesday and discussed the budget with officials from several ministries while reporters waited outside", filler, " ")
        target = mb * 1024 * 1024
        names = int(target / 2048)
        # Surnames of three syllables: 15^3 = 3375 distinct, then a fourth for more.
        for (i = 0; i < names; i++) {
            n = i; s = ""
            for (k = 0; k < 3 || n > 0; k++) { s = s syllable[n % 15 + 1]; n = int(n / 15) }
            surname[i] = toupper(substr(s, 1, 1)) substr(s, 2)
        }
        who = dir "/who.txt"
        print "Who is who\n" > who
        for (i = 0; i < names; i++)
            printf "Minister %s %s said on Monday that the talks went well.\n", first[i % 8 + 1], surname[i] > who
        story = dir "/story.txt"
        print "A long story\n" > story
        written = 0; sentence = 0
        while (written < target) {
            # Each sentence names a surname seen so far, so that new names keep coming.
            known = int(written / 2048) + 1; if (known > names) known = names
            line = "Later " surname[(sentence * 7919) % known] " said that"
            for (w = 0; w < 12; w++) line = line " " filler[(sentence + w) % 20 + 1]
            line = line ".\n"
            printf "%s", line > story
            written += length(line); sentence++
        }
    }'
}

echo "| article | surnames | indexer wall s | peak RSS MiB |"
echo "|---|---|---|---|"
IFS=, read -ra list <<<"$sizes"
for mb in "${list[@]}"; do
    dir="$work/$mb"
    [ -f "$dir/story.txt" ] || generate "$dir" "$mb"
    rm -rf "$dir/db"
    if $story_first; then
        "$bin/indexer" --jobs 1 --db "$dir/db" "$dir/story.txt" >&2
        /usr/bin/time -f '%e %M' -o "$dir/time" "$bin/indexer" --jobs 1 --db "$dir/db" \
            "$dir/who.txt" >&2
    else
        /usr/bin/time -f '%e %M' -o "$dir/time" "$bin/indexer" --jobs 1 --db "$dir/db" \
            "$dir/who.txt" "$dir/story.txt" >&2
    fi
    read -r wall rss <"$dir/time"
    echo "| $mb MB | $(($(wc -l <"$dir/who.txt") - 2)) | $wall | $((rss / 1024)) |"
done
