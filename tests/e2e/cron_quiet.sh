#!/usr/bin/env bash
# Cron quietness: without --verbose the indexer prints only problems that need action, so
# that a cron job mails nobody when all is well. Notes (duplicates, a moved file) are for
# --verbose only; problems are printed always, even with --quiet.
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/db"
news="$SCRATCH/news"
make_article "$news/2022/harbour.txt" "Harbour Story" "https://news.example/harbour" "The harbour story."
make_article "$news/2022/bridge.txt" "Bridge Story" "https://news.example/bridge" "The bridge story."
run "$INDEXER" --db "$db" "$news"
expect_status 0
expect_empty stderr
expect_empty stdout

# A file moved to another folder: read again under its new name (the same URL as the
# document of its old name, which the prune then removes). Nothing to say to cron.
mkdir -p "$news/archive"
mv "$news/2022/harbour.txt" "$news/archive/harbour.txt"
run "$INDEXER" --db "$db" "$news"
expect_status 0
expect_empty stderr
expect_empty stdout
expect_equal "documents after the move" "$(doc_count "$db")" 2

# The same move seen with --verbose: the note is there, with the summary.
mv "$news/archive/harbour.txt" "$news/2022/harbour.txt"
run "$INDEXER" --db "$db" --verbose "$news"
expect_status 0
expect_stderr_has "indexer: note: $news/2022/harbour.txt: same URL as $news/archive/harbour.txt"
expect_stderr_has " unchanged, "

# A copy under another name (a duplicate) is a note too: silent without --verbose.
cp "$news/2022/bridge.txt" "$news/2022/bridge-copy.txt"
run "$INDEXER" --db "$db" "$news"
expect_status 0
expect_empty stderr

# A problem is printed without --verbose, and with --quiet, and sets the exit status; the
# next run passes the unchanged bad file over quietly (no mail every ten minutes), until it
# changes or --retry-failed asks.
: >"$news/2022/empty.txt"
for quiet in "" --quiet; do
    run "$INDEXER" --db "$db" $quiet --retry-failed "$news"
    expect_status 1
    expect_stderr_has "empty.txt: empty file"
    expect_stderr_lines 1
done
run "$INDEXER" --db "$db" "$news"
expect_status 0
expect_empty stderr
touch -d '2030-01-01' "$news/2022/empty.txt"
run "$INDEXER" --db "$db" --quiet "$news"
expect_status 1
expect_stderr_has "empty.txt: empty file"
run "$INDEXER" --db "$db" "$news"
expect_status 0
expect_empty stderr

finish
