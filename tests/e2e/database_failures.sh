#!/usr/bin/env bash
# A database that cannot be written or read ends the run with exit status 3 and one message
# naming the path: never std::terminate ("terminate called", abort, a core). Cases: a
# database in a directory that cannot be written (made immutable with chattr +i, else a
# read-only tmpfs), a full disk (a small tmpfs), and a dry run over a corrupt database.
. "$(dirname "$0")/lib.sh"

news="$SCRATCH/news"
for i in $(seq 1 400); do
    make_article "$news/story-$i.txt" "Harbour Story $i" "https://news.example/$i" \
        "Harbour tide$i ferry$i lighthouse$i story number $i."
done

# expect_clean_failure PATH: status 3, one line naming PATH, no sign of an abort.
expect_clean_failure() {
    expect_status 3
    expect_stderr_lines 1
    expect_stderr_has "indexer: database $1"
    checks=$((checks + 1))
    ! grep -q "terminate called\|what():" "$SCRATCH/stderr" || fail "$last_command: aborted"
}

mounted=()
cleanup_mounts() {
    for m in "${mounted[@]}"; do umount "$m" 2>/dev/null; done
    [ -n "${immutable:-}" ] && chattr -i "$immutable" 2>/dev/null
    rm -rf "$SCRATCH"
}
trap cleanup_mounts EXIT

# --- A directory that cannot be written.
immutable=""
readonly_dir="$SCRATCH/readonly"
mkdir -p "$readonly_dir"
if chattr +i "$readonly_dir" 2>/dev/null && ! touch "$readonly_dir/probe" 2>/dev/null; then
    immutable="$readonly_dir"
elif mount -t tmpfs -o ro,size=1m tmpfs "$readonly_dir" 2>/dev/null; then
    mounted+=("$readonly_dir")
else
    readonly_dir=""
    echo "skipped: cannot make a read-only directory here (no chattr +i, no mount)"
fi
if [ -n "$readonly_dir" ]; then
    for shards in "" "--shards 2"; do
        run "$INDEXER" --db "$readonly_dir/db" $shards "$news"
        expect_clean_failure "$readonly_dir/db"
        run "$INDEXER" --db "$readonly_dir/db" --rebuild $shards "$news"
        expect_clean_failure "$readonly_dir/db"
    done
fi

# --- A full disk.
full="$SCRATCH/full"
mkdir -p "$full"
if mount -t tmpfs -o size=200k tmpfs "$full" 2>/dev/null; then
    mounted+=("$full")
    for shards in "" "--shards 2"; do
        run "$INDEXER" --db "$full/db" $shards "$news"
        expect_clean_failure "$full/db"
        rm -rf "$full"/db*
        run "$INDEXER" --db "$full/db" --rebuild $shards "$news"
        expect_clean_failure "$full/db"
        rm -rf "$full"/db*
    done
else
    echo "skipped: cannot mount a small tmpfs for the full-disk case"
fi

# --- A dry run over a database whose posting list table is damaged past its root block: the
# damage shows only when the run reads the postings.
db="$SCRATCH/db"
run "$INDEXER" --db "$db" "$news"
expect_status 0
damaged="$SCRATCH/damaged"
cp -r "$db" "$damaged"
dd if=/dev/zero of="$damaged/postlist.glass" bs=8192 seek=3 count=1 conv=notrunc 2>/dev/null
run "$INDEXER" --db "$damaged" --dry-run --full "$news"
expect_clean_failure "$damaged"
expect_stderr_has "DatabaseCorruptError"
run "$INDEXER" --db "$damaged" --full "$news"
expect_clean_failure "$damaged"

# --- Creation that fails half way leaves nothing behind (issue 20 item 15): a file size limit
# stands in for a full disk (it needs no mount, so it runs everywhere). A sharded database used
# to keep its stub, naming shards that were never made; a plain one, its DB.creating-PID.
limited() { (trap '' XFSZ; ulimit -f 1; exec "$@"); }
for shards in "--shards 3" ""; do
    fresh="$SCRATCH/fresh$RANDOM"
    # shellcheck disable=SC2086 # shards is words
    run limited "$INDEXER" --db "$fresh" $shards "$news"
    expect_status 3
    expect_stderr_has "File too large"
    checks=$((checks + 1))
    leftovers=$(find "$SCRATCH" -maxdepth 1 -name "$(basename "$fresh")*" | wc -l)
    [ "$leftovers" -eq 0 ] || fail "creation ${shards:-unsharded} cut short left $(ls -d "$fresh"*)"
    # shellcheck disable=SC2086
    run "$INDEXER" --db "$fresh" $shards "$news"
    expect_status 0
    run "$SEARCHER" --db "$fresh" --count '*'
    expect_status 0
done

finish
