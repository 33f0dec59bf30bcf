#!/usr/bin/env bash
# --rebuild drops nothing it was not told to: the database records its sources (directories,
# files, lists, standard-input streams and their articles); --rebuild alone indexes them all
# again and carries over the articles from standard input; --rebuild PATH that leaves recorded
# sources out refuses (status 2, naming them) unless --drop-sources.
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/db"
corpus="$SCRATCH/corpus"
cp -r "$SOURCE_DIR/corpus/nord-stream" "$SOURCE_DIR/corpus/central-banks" "$corpus/" 2>/dev/null ||
    { mkdir -p "$corpus" && cp -r "$SOURCE_DIR/corpus/nord-stream" "$SOURCE_DIR/corpus/central-banks" "$corpus/"; }
stream='{"headline":"Harbour Pilots Strike","link":"https://stream.example/pilots","short_description":"Harbour pilots walked out over night shifts."}'
count() { run "$SEARCHER" --db "$db" --count "$1"; cat "$SCRATCH/stdout"; }

setup() {
    rm -rf "$db" "$db".*
    run "$INDEXER" --db "$db" "$corpus/nord-stream"
    expect_status 0
    printf '%s\n' "$stream" | "$INDEXER" --db "$db" -
    gazprom=$(count Gazprom)
    documents=$(doc_count "$db")
}

# The issue's case: --rebuild with another folder refuses and names what it would drop.
setup
checks=$((checks + 1))
[ "$gazprom" -gt 0 ] || fail "Gazprom not found before the rebuild"
expect_equal "pilots article before" "$(count pilots)" 1
run "$INDEXER" --db "$db" --rebuild "$corpus/central-banks"
expect_status 2
expect_stderr_has "--rebuild would drop 1 source"
expect_stderr_has "$corpus/nord-stream"
expect_stderr_has "--drop-sources"
expect_stderr_lines 1
expect_equal "documents after a refused rebuild" "$(doc_count "$db")" "$documents"
expect_equal "Gazprom after a refused rebuild" "$(count Gazprom)" "$gazprom"

# Naming every recorded source, and more: allowed; the stdin article is carried over.
run "$INDEXER" --db "$db" --rebuild "$corpus/nord-stream" "$corpus/central-banks"
expect_status 0
expect_empty stderr
expect_equal "Gazprom after naming both" "$(count Gazprom)" "$gazprom"
expect_equal "pilots article carried over" "$(count pilots)" 1

# --rebuild alone: every recorded source (now both folders) again, stdin carried over.
banks=$(count 'Lagarde')
run "$INDEXER" --db "$db" --summary json --rebuild
expect_status 0
expect_empty stderr
expect_equal "Gazprom after --rebuild alone" "$(count Gazprom)" "$gazprom"
expect_equal "Lagarde after --rebuild alone" "$(count Lagarde)" "$banks"
expect_equal "pilots article after --rebuild alone" "$(count pilots)" 1
# ...and the carried article is still recorded, so a second rebuild keeps it too.
run "$INDEXER" --db "$db" --rebuild
expect_status 0
expect_equal "pilots article after a second rebuild" "$(count pilots)" 1
expect_equal "recorded directories" "$(xapian-metadata list "$db" 'source:dir:' | sort | tr '\n' ' ')" \
    "source:dir:$corpus/central-banks source:dir:$corpus/nord-stream "
expect_equal "recorded streams" "$(xapian-metadata list "$db" 'source:stdin:' | wc -l)" 1
expect_equal "recorded stdin articles" "$(xapian-metadata list "$db" 'stdin:' | wc -l)" 1

# --drop-sources: the rebuild keeps only what it was given.
setup
run "$INDEXER" --db "$db" --rebuild --drop-sources "$corpus/central-banks"
expect_status 0
expect_equal "Gazprom after --drop-sources" "$(count Gazprom)" 0
expect_equal "pilots article after --drop-sources" "$(count pilots)" 0
checks=$((checks + 1))
[ "$(count Lagarde)" -gt 0 ] || fail "central-banks not indexed by --rebuild --drop-sources"
# ...and the dropped sources are no longer recorded: --rebuild alone keeps to central-banks.
run "$INDEXER" --db "$db" --rebuild
expect_status 0
expect_equal "Gazprom after rebuilding the rest" "$(count Gazprom)" 0

# Files named one by one, and in a --files-from list, are sources too.
setup
one=$(ls "$corpus"/central-banks/*.txt | head -1)
run "$INDEXER" --db "$db" "$one"
ls "$corpus"/central-banks/*.txt | tail -2 >"$SCRATCH/list"
run "$INDEXER" --db "$db" --files-from "$SCRATCH/list"
expect_status 0
before=$(doc_count "$db")
run "$INDEXER" --db "$db" --rebuild "$corpus/nord-stream"
expect_status 2
expect_stderr_has "would drop 3 sources"
expect_stderr_has "$one"
run "$INDEXER" --db "$db" --rebuild "$corpus/nord-stream" "$one" --files-from "$SCRATCH/list"
expect_status 0
expect_equal "documents after naming files and list" "$(doc_count "$db")" "$before"
run "$INDEXER" --db "$db" --rebuild
expect_status 0
expect_equal "documents after --rebuild alone" "$(doc_count "$db")" "$before"

# A database made before sources were recorded: their sources are unknown. --rebuild alone
# refuses; --rebuild PATH refuses when files it holds lie outside PATH.
setup
for key in $(xapian-metadata list "$db" 'source:') $(xapian-metadata list "$db" 'stdin:'); do
    xapian-metadata set "$db" "$key" ''
done
run "$INDEXER" --db "$db" --rebuild
expect_status 2
expect_stderr_has "does not record what it was indexed from"
run "$INDEXER" --db "$db" --rebuild "$corpus/central-banks"
expect_status 2
expect_stderr_has "$corpus/nord-stream/"
run "$INDEXER" --db "$db" --rebuild "$corpus/nord-stream"
expect_status 0

finish
