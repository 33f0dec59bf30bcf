#!/usr/bin/env bash
# Files without an extension in a directory (a 20 Newsgroups group folder, a Maildir cur/
# folder) are read when their content is text; binary files are passed over and counted as
# unknown, not reported as failures. Hidden files and editor backups stay passed over.
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/db"
group="$SCRATCH/sci.harbour"
mkdir -p "$group"
# A news post without an extension, as 20 Newsgroups keeps them.
printf '%s\n' 'Newsgroups: sci.harbour' 'From: ann@example.org (Ann Lee)' \
    'Subject: Tides in the northern harbour' 'Date: 3 Apr 1993 10:00:00 GMT' \
    'Message-ID: <tide-1@example.org>' '' 'The northern harbour tides ran high this spring.' >"$group/61001"
# A plain-text article without an extension.
make_article "$group/lighthouse-story" "Lighthouse Keeper Retires" "https://news.example/lighthouse" \
    "The lighthouse keeper of the northern harbour retired."
# A Maildir message in cur/: the name has a host part and flags after ":2,".
mkdir -p "$group/Maildir/cur"
printf '%s\n' 'From: bob@example.org' 'Subject: Ferry timetable changes' \
    'Date: Tue, 6 Apr 1993 09:30:00 +0000' 'Message-ID: <ferry-2@example.org>' '' \
    'The ferry across the harbour leaves earlier from May.' \
    >"$group/Maildir/cur/1700000000.M12P34.mail.example.org:2,S"
# Binary files: one without an extension (NUL bytes), one that looks like a PNG image.
printf 'BIN\000\001\002\003\000\377\376data' >"$group/61002"
printf '\211PNG\r\n\032\nnot really an image, but its magic says so' >"$group/61003"
# A file of another type by its name: passed over unread, counted as unknown.
printf 'GIF89a\001\000' >"$group/chart.gif"
# Passed over silently: a hidden file and editor backups, although they hold text.
cp "$group/61001" "$group/.61004"
cp "$group/61001" "$group/61005~"
cp "$group/61001" "$group/#61006#"

run "$INDEXER" --db "$db" --summary json "$group"
expect_status 0
expect_empty stderr
expect_counts "3 0 0 0 0 0"
expect_equal "unknown files" "$(summary_field unknown)" 3
expect_equal "files opened" "$(summary_field files)" 5
expect_equal "documents" "$(doc_count "$db")" 3
run "$SEARCHER" --db "$db" --count 'harbour'
expect_equal "articles found" "$(cat "$SCRATCH/stdout")" 3

# The text summary says how many were passed over; --verbose names each as a note.
run "$INDEXER" --db "$db" --verbose "$group"
expect_status 0
expect_stderr_has "0 failed, 3 unknown skipped; 5 files"
expect_stderr_has "indexer: note: $group/61002: not text"
expect_stderr_has "indexer: note: $group/chart.gif: not an article file by its name"

# Named on the command line, a binary file is still a problem: it was asked for.
run "$INDEXER" --db "$db" "$group/61002"
expect_status 1
expect_stderr_has "61002: looks binary"

# The real thing, when the shared data is beside the project.
space="$SOURCE_DIR/../shared/data/20newsgroups/20_newsgroups/sci.space"
if [ -d "$space" ]; then
    run "$INDEXER" --db "$SCRATCH/space-db" --summary json "$space"
    expect_status 0
    # 1000 posts, a few of them the same article twice (folded as duplicates); none failed.
    expect_equal "sci.space articles" "$(jq -r '.added + .duplicates' "$SCRATCH/stdout")" 1000
    expect_equal "sci.space failed and unknown" "$(jq -r '"\(.failed) \(.unknown)"' "$SCRATCH/stdout")" "0 0"
else
    echo "skipped: no 20 Newsgroups data at $space"
fi

finish
