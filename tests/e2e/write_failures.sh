#!/usr/bin/env bash
# Write failures during the commits of an existing database (issue 19 item 3): a file size
# limit (SIGXFSZ ignored, so writes fail with EFBIG; runs everywhere), a full small tmpfs
# (ENOSPC; where mounting is allowed) and a database directory that its owner made read-only
# (as nobody, where the test runs as root and setpriv exists). Each time: exit status 3, one
# message naming the database and the cause, the last commit readable and complete
# (xapian-check passes, nothing committed is lost), and the next run with space or permission
# gives exactly what a clean run gives.
. "$(dirname "$0")/lib.sh"

old="$SCRATCH/news/old"
new="$SCRATCH/news/new"
for i in $(seq 1 300); do
    make_article "$old/story-$i.txt" "Harbour Story $i" "https://news.example/old/$i" \
        "Harbour tide$i ferry$i lighthouse$i story number $i."
done
# Enough new articles that the run commits more than once (every 1,000 changes).
for i in $(seq 1 1200); do
    make_article "$new/report-$i.txt" "Quay Report $i" "https://news.example/new/$i" \
        "Quay crane$i barge$i dock$i report number $i, words $((i * 7)) and $((i * 13))."
done
chmod -R a+rX "$SCRATCH"

# fingerprint DB: what a database holds, independent of document ids and of how it was
# committed: the document count, every term with its frequency, and a few searches.
fingerprint() {
    doc_count "$1"
    xapian-delve -a -1 "$1" | md5sum
    for query in harbour quay lighthouse17 dock1199 '*'; do
        printf '%s %s\n' "$query" "$("$SEARCHER" --db "$1" --count "$query" 2>&1)"
    done
}

# A clean run over both folders: what every recovery below must end with.
reference="$SCRATCH/reference"
run "$INDEXER" --db "$reference" "$old" "$new"
expect_status 0
clean=$(fingerprint "$reference")

# A database holding the old folder, indexed completely once.
base="$SCRATCH/base"
run "$INDEXER" --db "$base" "$old"
expect_status 0
old_fingerprint=$(fingerprint "$base")

# expect_commit_failed DB CAUSE: the last run failed cleanly on DB with CAUSE, and DB holds
# exactly its last commit: the old folder's articles, all of them.
expect_commit_failed() {
    expect_status 3
    expect_stderr_lines 1
    expect_stderr_has "indexer: database $1: cannot write"
    expect_stderr_has "$2"
    checks=$((checks + 1))
    ! grep -q "terminate called\|what():" "$SCRATCH/stderr" || fail "$last_command: aborted"
    run "$SEARCHER" --db "$1" --count '*'
    expect_status 0
    expect_equal "documents after the failed commit" "$(cat "$SCRATCH/stdout")" 300
    expect_empty stderr
    run "$SEARCHER" --db "$1" --count harbour
    expect_equal "old articles after the failed commit" "$(cat "$SCRATCH/stdout")" 300
    run xapian-check "$1"
    expect_status 0
    expect_equal "the database after the failed commit" "$(fingerprint "$1")" "$old_fingerprint"
}

# expect_recovered DB: a run with space indexes the rest and ends where a clean run does.
expect_recovered() {
    run "$INDEXER" --db "$1" --summary json "$old" "$new"
    expect_status 0
    expect_counts "1200 0 300 0 0 0"
    run xapian-check "$1"
    expect_status 0
    expect_equal "the database after a rerun with space" "$(fingerprint "$1")" "$clean"
}

# --- A file size limit a little above the database's largest table: the first commit of the
# new articles needs more.
limited() {
    local blocks=$1
    shift
    (
        trap '' XFSZ
        ulimit -f "$blocks"
        exec "$@"
    )
}
db="$SCRATCH/limited"
cp -r "$base" "$db"
largest=$(du -k "$db"/*.glass | sort -n | tail -1 | cut -f1)
run limited $((largest + 64)) "$INDEXER" --db "$db" --batch-size 100 "$old" "$new"
expect_commit_failed "$db" "File too large"
expect_recovered "$db"

# --- A full disk: a tmpfs with a little room beyond the database.
mounted=""
trap '[ -n "$mounted" ] && umount "$mounted"; rm -rf "$SCRATCH"' EXIT
full="$SCRATCH/full"
mkdir -p "$full"
size=$(($(du -sk "$base" | cut -f1) + 256))
if mount -t tmpfs -o size=${size}k tmpfs "$full" 2>/dev/null; then
    mounted="$full"
    cp -r "$base" "$full/db"
    run "$INDEXER" --db "$full/db" --batch-size 100 "$old" "$new"
    expect_commit_failed "$full/db" "No space left on device"
    # Space comes back: the same database, moved to a roomy directory.
    cp -r "$full/db" "$SCRATCH/roomy"
    umount "$full" && mounted=""
    expect_recovered "$SCRATCH/roomy"
else
    echo "skipped: cannot mount a small tmpfs for the full-disk case"
fi

# --- A database directory its owner made read-only. Root writes anyway, so the indexer runs
# as nobody over a database nobody made.
as_owner=()
can_own=1
if [ "$(id -u)" -eq 0 ]; then
    if command -v setpriv >/dev/null; then
        as_owner=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
    else
        can_own=0
    fi
fi
if [ "$can_own" -eq 1 ]; then
    owned="$SCRATCH/owned"
    mkdir -p "$owned"
    [ "$(id -u)" -ne 0 ] || chown 65534:65534 "$owned"
    run "${as_owner[@]}" "$INDEXER" --db "$owned/db" "$old"
    expect_status 0
    chmod a-w "$owned/db"
    run "${as_owner[@]}" "$INDEXER" --db "$owned/db" --batch-size 100 "$old" "$new"
    expect_commit_failed "$owned/db" "Permission denied"
    chmod u+w "$owned/db"
    run "${as_owner[@]}" "$INDEXER" --db "$owned/db" --summary json "$old" "$new"
    expect_status 0
    expect_counts "1200 0 300 0 0 0"
    expect_equal "the database after a rerun with permission" "$(fingerprint "$owned/db")" "$clean"
else
    echo "skipped: running as root without setpriv, every directory is writable"
fi

finish
