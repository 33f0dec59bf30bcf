#!/usr/bin/env bash
# A new database built in parts (indexer/parallel_build.h) and a --rebuild in parts equal a
# --jobs 1 index of the same files: every document's terms, values and data, and the metadata
# (file states, the collection's names and their counts). The binaries check each other; the
# unit test (test_parallel_build.cc) covers more cases. Labelled threads: the ThreadSanitizer
# build runs it, parts being threads that write side by side.
. "$(dirname "$0")/lib.sh"

news="$SCRATCH/news"
cp -r "$SOURCE_DIR/corpus" "$news"
cp -r "$SOURCE_DIR/tests/data/aliases" "$news/aliases"
# The same URL in two files, and the same text under two names, in folders whose paths fall
# to different parts or the same.
mkdir -p "$news/desk-c"
for i in 1 2 3 4 5 6; do
    make_article "$news/desk-a/story-$i.txt" "Harbour Story $i" "https://news.example/harbour/$i" \
        "Mark Milley met Olaf Scholz in the harbour on day $i. Milley said talks went well."
    make_article "$news/desk-b/again-$i.txt" "Harbour Story $i, Updated" "https://news.example/harbour/$i" \
        "Milley met Scholz again on day $i. The European Central Bank (ECB) agreed."
    cp "$news/desk-a/story-$i.txt" "$news/desk-c/copy-$i.txt"
done

run "$INDEXER" --db "$SCRATCH/single" --jobs 1 "$news"
expect_status 0
dump_documents "$SCRATCH/single" >"$SCRATCH/single.documents"
dump_metadata "$SCRATCH/single" >"$SCRATCH/single.metadata"
[ "$(doc_count "$SCRATCH/single")" -gt 50 ] || fail "too few documents: $(doc_count "$SCRATCH/single")"

compare() {
    dump_documents "$1" >"$SCRATCH/got.documents"
    dump_metadata "$1" >"$SCRATCH/got.metadata"
    diff -u "$SCRATCH/single.documents" "$SCRATCH/got.documents" >"$SCRATCH/diff" ||
        fail "$2: the documents differ from a --jobs 1 index: $(head -c 1500 "$SCRATCH/diff")"
    diff -u "$SCRATCH/single.metadata" "$SCRATCH/got.metadata" >"$SCRATCH/diff" ||
        fail "$2: the metadata differs from a --jobs 1 index: $(head -c 1500 "$SCRATCH/diff")"
    for part in "$1".rebuild.part* "$1".part*; do
        [ ! -e "$part" ] || fail "$2: a part was left behind: $part"
    done
}

run "$INDEXER" --db "$SCRATCH/parts" --jobs 3 "$news"
expect_status 0
expect_empty stderr
compare "$SCRATCH/parts" "a new database, --jobs 3"

# A rebuild in parts of a database that held something else.
run "$INDEXER" --db "$SCRATCH/rebuilt" --jobs 1 "$news/aliases"
expect_status 0
run "$INDEXER" --db "$SCRATCH/rebuilt" --jobs 2 --rebuild --drop-sources "$news"
expect_status 0
expect_empty stderr
compare "$SCRATCH/rebuilt" "--rebuild --jobs 2"

# The run's summary counts as one run's.
run "$INDEXER" --db "$SCRATCH/counted-1" --jobs 1 --summary json "$news"
single_counts=$(jq -c '{files, added, duplicates, failed}' "$SCRATCH/stdout")
run "$INDEXER" --db "$SCRATCH/counted-4" --jobs 4 --summary json "$news"
expect_equal "the summary of a build in parts" "$(jq -c '{files, added, duplicates, failed}' "$SCRATCH/stdout")" "$single_counts"

# --verbose says where the time went, phase by phase; quiet runs said nothing above.
run "$INDEXER" --db "$SCRATCH/timed" --jobs 2 --verbose "$news"
expect_status 0
for phase in "input measured" "parts written" "names given" "parts merged" "merged parts settled"; do
    expect_stderr_has "build in parts: $phase in "
done

finish
