#!/usr/bin/env bash
# indexer --delete: by id, by file path and by query; a dry run changes nothing; deleted
# articles stay out of later runs (plain, --full, --rebuild) until their files change; a JSON
# Lines file keeps its other records; sharded databases; standard input; nothing matched.
. "$(dirname "$0")/lib.sh"

src="$SCRATCH/articles"
db="$SCRATCH/db"
make_article "$src/crane.txt" "Harbour Crane Topples" https://harbour.example/news/crane \
    "A crane at the north quay tipped over on Tuesday."
make_article "$src/ferry.txt" "Ferry Timetable Changes" https://harbour.example/news/ferry \
    "The evening ferry will leave later from April."
make_article "$src/old.txt" "Lighthouse Repainted" https://old.example/lighthouse \
    "The lighthouse was repainted white and red."
cat >"$src/feed.jsonl" <<'JSONL'
{"url": "https://feed.example/a", "title": "Tram Line Opens", "date": "2018-05-01", "body": "The new tram line opened with four stops."}
{"url": "https://feed.example/b", "title": "Bridge Closed", "date": "2019-07-02", "body": "The old bridge closed for repairs."}
{"url": "https://feed.example/c", "title": "Market Moves", "date": "2021-03-09", "body": "The weekly market moves to the square."}
JSONL
# An e-mail, found by its Message-ID (a fixture both this test and its sibling use).
cp "$SOURCE_DIR/tests/data/e2e/quay-note.eml" "$src/note.eml"
run "$INDEXER" --db "$db" "$src"
expect_status 0

count() { "$SEARCHER" --db "$1" --count '*'; }
# shown ID: whether searcher --show finds the article (0) or not (1).
shown() {
    "$SEARCHER" --db "${2:-$db}" --show "$1" --format json >/dev/null 2>&1
    echo $?
}
expect_equal "indexed" "$(count "$db")" 7

# A dry run says what it would delete and changes nothing: documents and metadata alike.
dump_documents "$db" >"$SCRATCH/docs-before"
dump_metadata "$db" >"$SCRATCH/meta-before"
run "$INDEXER" --db "$db" --dry-run --delete https://harbour.example/news/crane --delete 'site:feed.example'
expect_status 0
expect_stderr_has "would delete 4 articles [dry run: nothing written]"
dump_documents "$db" >"$SCRATCH/docs-after"
dump_metadata "$db" >"$SCRATCH/meta-after"
checks=$((checks + 1))
cmp -s "$SCRATCH/docs-before" "$SCRATCH/docs-after" || fail "the dry run changed documents"
checks=$((checks + 1))
cmp -s "$SCRATCH/meta-before" "$SCRATCH/meta-after" || fail "the dry run changed metadata"

# By id (a URL): one article, named with --verbose.
run "$INDEXER" --db "$db" --verbose --delete https://harbour.example/news/crane
expect_status 0
expect_stderr_has "indexer: note: deleted https://harbour.example/news/crane"
expect_stderr_has "indexer: deleted 1 article"
expect_equal "crane gone" "$(shown https://harbour.example/news/crane)" 1
expect_equal "ferry kept" "$(shown https://harbour.example/news/ferry)" 0

# By id (a Message-ID), by file path (relative, from the current directory), and the JSON
# summary's deleted count.
(cd "$src" && "$INDEXER" --db "$db" --delete '<quay-1@example.org>' --delete ./old.txt \
    --summary json) >"$SCRATCH/stdout" 2>"$SCRATCH/stderr"
expect_equal "deleted by id and path" "$(jq -r .deleted "$SCRATCH/stdout")" 2
expect_equal "note gone" "$(shown '<quay-1@example.org>')" 1
expect_equal "old gone" "$(shown "$src/old.txt")" 1

# By query, in the searcher's language: two of the JSON Lines file's three records.
run "$INDEXER" --db "$db" --delete 'site:feed.example date:..2019'
expect_status 0
expect_stderr_has "deleted 2 articles"
expect_equal "feed a gone" "$(shown https://feed.example/a)" 1
expect_equal "feed b gone" "$(shown https://feed.example/b)" 1
expect_equal "feed c kept" "$(shown https://feed.example/c)" 0
expect_equal "after deleting" "$(count "$db")" 2

# Nothing matched: a message naming the argument, exit 1, nothing changed. A URL that is not
# indexed is never read as words of a query.
run "$INDEXER" --db "$db" --delete zeppelinwharf
expect_status 1
expect_stderr_has "--delete 'zeppelinwharf': no indexed article matches this query"
run "$INDEXER" --db "$db" --delete https://feed.example/c/none
expect_status 1
expect_stderr_has "no indexed article has this id or file path"
run "$INDEXER" --db "$db" --delete 'date:2019-13-45'
expect_status 1
expect_stderr_has "--delete 'date:2019-13-45'"
expect_equal "nothing matched, nothing deleted" "$(count "$db")" 2
# Alone, or not at all.
run "$INDEXER" --db "$db" --delete zeppelinwharf "$src"
expect_status 2
run "$INDEXER" --db "$SCRATCH/no-db" --delete x
expect_status 3
checks=$((checks + 1))
[ ! -e "$SCRATCH/no-db" ] || fail "--delete created a database"

# Later runs do not bring them back: plain, --full, --rebuild.
for how in plain --full --rebuild; do
    args=()
    [ "$how" = plain ] || args=("$how")
    run "$INDEXER" --db "$db" "${args[@]}" "$src"
    expect_status 0
    expect_equal "after a $how run" "$(count "$db")" 2
    for id in https://harbour.example/news/crane '<quay-1@example.org>' https://feed.example/a https://feed.example/b; do
        expect_equal "$id after a $how run" "$(shown "$id")" 1
    done
    expect_equal "feed c after a $how run" "$(shown https://feed.example/c)" 0
done
expect_equal "records kept by --rebuild" "$(dump_metadata "$db" '^deleted:' | grep -c '^deleted:')" 5
run xapian-check "$db"
expect_status 0

# A touched file brings its article back (the way to undo a deletion); an edited one too. The
# records go with them.
touch -d '2030-01-01 00:00' "$src/crane.txt"
run "$INDEXER" --db "$db" "$src"
expect_status 0
expect_equal "crane back after touch" "$(shown https://harbour.example/news/crane)" 0
expect_equal "note still out" "$(shown '<quay-1@example.org>')" 1
echo '{"url": "https://feed.example/d", "title": "Park Reopens", "date": "2022-04-04", "body": "The park reopened after the storm."}' >>"$src/feed.jsonl"
run "$INDEXER" --db "$db" "$src"
expect_status 0
expect_equal "feed a back after an edit" "$(shown https://feed.example/a)" 0
expect_equal "feed b back after an edit" "$(shown https://feed.example/b)" 0
expect_equal "after the edits" "$(count "$db")" 6
expect_equal "records left" "$(dump_metadata "$db" '^deleted:' | grep '^deleted:')" "$(printf 'deleted:<quay-1@example.org>\ndeleted:https://old.example/lighthouse')"
run xapian-check "$db"
expect_status 0

# A sharded database: the same, across shards.
sharded="$SCRATCH/sharded"
run "$INDEXER" --db "$sharded" --shards 3 "$src"
expect_status 0
run "$INDEXER" --db "$sharded" --delete 'site:harbour.example OR site:feed.example'
expect_status 0
expect_stderr_has "deleted 6 articles"
for how in plain --full --rebuild; do
    args=()
    [ "$how" = plain ] || args=("$how")
    run "$INDEXER" --db "$sharded" "${args[@]}" "$src"
    expect_status 0
    expect_equal "sharded, after a $how run" "$(count "$sharded")" 2
done
# (A plain --rebuild keeps the shard count: it used to make one database of them.)
expect_equal "shards after --rebuild" "$(grep -c '^auto ' "$sharded/XAPIANDB")" 3
for shard in "$sharded"/shard-*; do
    run xapian-check "$shard"
    expect_status 0
done

# Standard input: an article sent again with the same text stays out; with other text it is
# back.
piped="$SCRATCH/piped"
line='{"url": "https://pipe.example/1", "title": "Piped Story", "body": "Sent through a pipe."}'
echo "$line" | "$INDEXER" --db "$piped" - 2>/dev/null
run "$INDEXER" --db "$piped" --delete https://pipe.example/1
expect_status 0
echo "$line" | "$INDEXER" --db "$piped" - 2>/dev/null
expect_equal "same text from stdin stays out" "$(shown https://pipe.example/1 "$piped")" 1
echo "${line/a pipe/another pipe}" | "$INDEXER" --db "$piped" - 2>/dev/null
expect_equal "changed text from stdin is back" "$(shown https://pipe.example/1 "$piped")" 0

# The collection's names forget deleted articles: deleting every article of one file leaves
# the documents and the entity names (alias keys) a database indexed without the file has.
corpus="$SCRATCH/corpus"
cp -r "$SOURCE_DIR/corpus/ukraine-security" "$corpus"
gone=$(grep -l 'Milley' "$corpus"/* | head -1)
run "$INDEXER" --db "$SCRATCH/names" "$corpus"
expect_status 0
run "$INDEXER" --db "$SCRATCH/names" --delete "$gone"
expect_status 0
expect_stderr_has "deleted 1 article"
mv "$gone" "$SCRATCH/set-aside"
run "$INDEXER" --db "$SCRATCH/names-without" "$corpus"
expect_status 0
expect_equal "documents as if never indexed" "$(dump_documents "$SCRATCH/names")" \
    "$(dump_documents "$SCRATCH/names-without")"
aliases() { dump_metadata "$1" | grep '^alias'; }
expect_equal "names as if never indexed" "$(aliases "$SCRATCH/names")" "$(aliases "$SCRATCH/names-without")"

finish
