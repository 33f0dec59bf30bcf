#!/usr/bin/env bash
# Names and values the indexer prints for people (file names, option values, the database
# path) cannot drive the terminal: ESC, CR, a newline and U+202E (right-to-left override) in
# a file name come out as the visible escapes \e, \r, \n and \u202E, each message one line.
. "$(dirname "$0")/lib.sh"

news="$SCRATCH/news"
mkdir -p "$news"
evil=$'evil\e[2J\r\n\u202Etxt'
shown='evil\e[2J\r\n\u202Etxt'

# expect_no_raw_controls: stderr holds no C0 control but the line feeds ending its lines,
# and no raw U+202E.
expect_no_raw_controls() {
    checks=$((checks + 1))
    if LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]' "$SCRATCH/stderr" ||
        LC_ALL=C grep -q $'\xe2\x80\xae' "$SCRATCH/stderr"; then
        fail "$last_command: raw control characters on stderr: $(od -c "$SCRATCH/stderr" | head -5)"
    fi
}

# A file that cannot be indexed (empty): the problem names it.
: >"$news/$evil.txt"
run "$INDEXER" --db "$SCRATCH/db" "$news"
expect_status 1
expect_stderr_has "$news/$shown.txt: empty file"
expect_stderr_lines 1
expect_no_raw_controls

# A duplicate under such a name: the note (with --verbose) names both files.
make_article "$news/plain.txt" "Harbour Story" "https://news.example/harbour" "The harbour story."
rm "$news/$evil.txt"
cp "$news/plain.txt" "$news/$evil.txt"
run "$INDEXER" --db "$SCRATCH/db" --verbose "$news"
expect_status 0
expect_stderr_has "note: $news/plain.txt: same URL as $news/$shown.txt"
expect_no_raw_controls

# A missing input named on the command line, and --inspect of an empty file.
run "$INDEXER" --db "$SCRATCH/db" "$SCRATCH/$evil-missing.txt"
expect_status 1
expect_stderr_has "$SCRATCH/$shown-missing.txt: no such file or directory"
expect_stderr_lines 1
expect_no_raw_controls
: >"$SCRATCH/$evil-empty.txt"
run "$INDEXER" --inspect "$SCRATCH/$evil-empty.txt"
expect_status 1
expect_stderr_has "$shown-empty.txt: empty file"
expect_no_raw_controls

# Option values quoted in usage errors.
run "$INDEXER" --db "$SCRATCH/db" --format "$evil" "$news"
expect_status 2
expect_stderr_has "unknown --format '$shown'"
expect_no_raw_controls
run "$INDEXER" --db "$SCRATCH/db" --field "$evil" "$news"
expect_status 2
expect_stderr_has "--field $shown"
expect_no_raw_controls
run "$INDEXER" --db "$SCRATCH/db" --jobs "$evil" "$news"
expect_status 2
expect_stderr_has "$shown"
expect_no_raw_controls

# The database path, in the compaction sizes and in a database error.
db="$SCRATCH/$evil-db"
run "$INDEXER" --db "$db" --compact --verbose "$news"
expect_status 0
expect_stderr_has "compacted $SCRATCH/$shown-db:"
expect_no_raw_controls
xapian-metadata set "$db" newsindex.schema_version 999
run "$INDEXER" --db "$db" "$news"
expect_status 3
expect_stderr_has "database $SCRATCH/$shown-db: written with schema version 999"
expect_stderr_lines 1
expect_no_raw_controls

finish
