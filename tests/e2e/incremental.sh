#!/usr/bin/env bash
# Incremental runs as cron makes them: only changes cost work, and the counts say what changed.
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/db"
news="$SCRATCH/news"
for i in 1 2 3 4 5; do
    make_article "$news/a/article-$i.txt" "Harbour Story $i" "https://news.example/$i" "The harbour story number $i."
done
make_article "$news/b/other.txt" "Other Story" "https://news.example/other" "Another tale of the harbour."
# Passed over: hidden files and folders, editor backups, files of other types, READMEs.
make_article "$news/a/.hidden.txt" "Hidden" "https://news.example/hidden" "hidden"
make_article "$news/.git/x.txt" "Hidden Folder" "https://news.example/hidden-folder" "hidden"
make_article "$news/a/draft.txt~" "Backup" "https://news.example/backup" "backup"
make_article "$news/a/photo.jpg" "Notes" "https://news.example/notes" "notes"
make_article "$news/a/README.txt" "Readme" "https://news.example/readme" "readme"

index() { run "$INDEXER" --db "$db" --summary json "$@"; }

index "$news/a" "$news/b"
expect_status 0
expect_counts "6 0 0 0 0 0"
expect_equal "files considered" "$(summary_field files)" 6
expect_equal "documents" "$(doc_count "$db")" 6

# A second run over unchanged input changes nothing, not even the revision.
rev=$(revision "$db")
index "$news/a" "$news/b"
expect_status 0
expect_counts "0 0 6 0 0 0"
expect_equal "revision after a no-op run" "$(revision "$db")" "$rev"

# Touched but not changed: confirmed by the content hash, nothing re-indexed.
touch -d '2030-01-01' "$news/a/article-1.txt"
index "$news/a" "$news/b"
expect_counts "0 0 6 0 0 0"
index "$news/a" "$news/b"
expect_counts "0 0 6 0 0 0"

# Edit one, add one, delete one.
make_article "$news/a/article-2.txt" "Harbour Story 2 Revised" "https://news.example/2" "A revised harbour story."
make_article "$news/a/article-6.txt" "Harbour Story 6" "https://news.example/6" "A sixth harbour story."
rm "$news/a/article-3.txt"
index "$news/a" "$news/b"
expect_status 0
expect_counts "1 1 4 1 0 0"
expect_equal "documents" "$(doc_count "$db")" 6
run "$SEARCHER" --db "$db" --format json revised
expect_equal "edited title" "$(jq -r '.hits[0].title' "$SCRATCH/stdout")" "Harbour Story 2 Revised"
run "$SEARCHER" --db "$db" '"story number 3"'
expect_status 1

# Pruning stays inside the roots named in this run.
rm "$news/b/other.txt"
index "$news/a"
expect_counts "0 0 5 0 0 0"
expect_equal "documents of b kept when b is not named" "$(doc_count "$db")" 6
index --no-prune "$news/a" "$news/b"
expect_counts "0 0 5 0 0 0"
expect_equal "documents with --no-prune" "$(doc_count "$db")" 6
index "$news/a" "$news/b"
expect_counts "0 0 5 1 0 0"
expect_equal "documents after pruning b" "$(doc_count "$db")" 5

# Duplicates: the same URL in a second file, and the same text under another URL.
cp "$news/a/article-1.txt" "$news/a/copy-of-1.txt"
make_article "$news/a/same-text.txt" "Harbour Story 4" "https://elsewhere.example/4" "The harbour story number 4."
index --verbose "$news/a"  # notes only with --verbose
expect_status 0
expect_counts "0 0 5 0 2 0"
expect_stderr_has "same-text.txt: same article text as $news/a/article-4.txt; kept $news/a/article-4.txt"
expect_stderr_has "copy-of-1.txt: same URL as $news/a/article-1.txt"
expect_equal "documents after duplicates" "$(doc_count "$db")" 5
# ...and they stay folded on the next run, which is silent.
index "$news/a"
expect_counts "0 0 7 0 0 0"
expect_empty stderr
# Removing the copy keeps the article, now held by the original alone.
rm "$news/a/copy-of-1.txt"
index "$news/a"
expect_counts "0 0 6 0 0 0"
expect_equal "documents" "$(doc_count "$db")" 5
run "$SEARCHER" --db "$db" --format json '"story number 1"'
expect_equal "original still found" "$(jq -r '.hits[0].path' "$SCRATCH/stdout")" "$news/a/article-1.txt"

# --full reads everything again and replaces documents without copies.
index --full "$news/a"
expect_counts "0 5 0 0 1 0"
expect_equal "documents after --full" "$(doc_count "$db")" 5

# --dry-run counts what would change and writes nothing.
make_article "$news/a/article-7.txt" "Harbour Story 7" "https://news.example/7" "A seventh harbour story."
rev=$(revision "$db")
index --dry-run "$news/a"
expect_counts "1 0 6 0 0 0"
expect_equal "revision after --dry-run" "$(revision "$db")" "$rev"
expect_equal "dry_run flag" "$(summary_field dry_run)" true

# --files-from with NUL-separated names, as find -print0 writes them.
mkdir -p "$news/c"
make_article "$news/c/odd name
with newline.txt" "Odd Name" "https://news.example/odd" "An odd harbour name."
(cd "$news/c" && find "$PWD" -name '*.txt' -print0) >"$SCRATCH/list"
index --files-from "$SCRATCH/list" -0
expect_status 0
expect_counts "1 0 0 0 0 0"
find "$news/a" -name 'article-7.txt' >"$SCRATCH/list"
index --files-from - <"$SCRATCH/list"
expect_status 0
expect_counts "1 0 0 0 0 0"

# A JSON Lines stream on standard input: one article per line; sent again, it updates.
stream="$SCRATCH/stream.jsonl"
printf '%s\n' '{"headline":"Stream One","link":"https://stream.example/1","short_description":"First streamed harbour tale.","authors":"Ann Lee, AP","date":"2022-09-23"}' \
    '{"headline":"Stream Two","short_description":"Second streamed harbour tale, without a link."}' \
    '{"headline": broken' '' >"$stream"
index - <"$stream"
expect_status 1
expect_counts "2 0 0 0 0 1"
expect_stderr_has "stdin:3: malformed JSON"
printf '%s\n' '{"headline":"Stream One","link":"https://stream.example/1","short_description":"First streamed harbour tale, revised."}' \
    '{"headline":"Stream Two","short_description":"Second streamed harbour tale, without a link."}' >"$stream"
index - <"$stream"
expect_status 0
expect_counts "0 2 0 0 0 0"
run "$SEARCHER" --db "$db" --format jsonl --fields id,path 'streamed revised'
expect_equal "updated article from the stream" "$(cat "$SCRATCH/stdout")" '{"id":"https://stream.example/1","path":null}'
run "$SEARCHER" --db "$db" --format jsonl --fields id 'without a link'
case "$(jq -r .id "$SCRATCH/stdout")" in stdin#*) ;; *) fail "id of a streamed article without a URL: $(cat "$SCRATCH/stdout")" ;; esac
run "$SEARCHER" --db "$db" --count 'streamed'
expect_equal "streamed article count" "$(cat "$SCRATCH/stdout")" 2

# Quiet on success without a terminal; the text summary only with --verbose.
run "$INDEXER" --db "$db" "$news/a"
expect_status 0
expect_empty stderr
expect_empty stdout
run "$INDEXER" --db "$db" --verbose "$news/a"
expect_stderr_has "0 added, 0 updated, 7 unchanged, 0 deleted, 0 duplicates, 0 failed"

# Spelling data is recorded for "did you mean".
[ -s "$db/spelling.glass" ] || fail "no spelling table in $db"

run xapian-check "$db"
expect_status 0
finish
