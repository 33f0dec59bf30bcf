#!/usr/bin/env bash
# An emptied or unmounted directory does not silently empty the index (issue 20 item 5): more
# than half of a directory's indexed files gone at once is reported and left alone unless
# --prune-all; ordinary deletions are pruned as before.
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/db"
archive="$SCRATCH/archive"
mkdir -p "$archive"
for n in 1 2 3 4; do make_article "$archive/story$n.txt" "Story number $n" "https://example.test/story$n" "Body of story $n with the word quokka."; done
run "$INDEXER" --db "$db" "$archive"
expect_status 0
expect_equal "indexed" "$(doc_count "$db")" 4

# One file deleted: pruned, quietly.
rm "$archive/story4.txt"
run "$INDEXER" --db "$db" "$archive"
expect_status 0
expect_empty stderr
expect_equal "after one deletion" "$(doc_count "$db")" 3

# Everything gone (an emptied directory, then a missing one): refused and said.
mkdir -p "$SCRATCH/away"
mv "$archive"/*.txt "$SCRATCH/away/"
for state in emptied; do  # an unmounted mount point is an empty directory too
    run "$INDEXER" --db "$db" "$archive"
    expect_status 1
    expect_stderr_has "3 of 3 indexed files are gone"
    expect_stderr_has "--prune-all"
    expect_equal "documents kept when $state" "$(doc_count "$db")" 3
done
run "$INDEXER" --db "$db" --prune-all "$archive"
expect_status 0
expect_equal "after --prune-all" "$(doc_count "$db")" 0

finish
