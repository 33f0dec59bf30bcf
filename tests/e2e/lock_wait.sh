#!/usr/bin/env bash
# Waiting for the write lock: a signal ends the wait at once (128 + signal), and a lock that
# can never be taken (a read-only file system) is an error at once, not a wait (issue 20
# items 8 and 12).
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/db"
run "$INDEXER" --db "$db" "$SOURCE_DIR/corpus/nord-stream"
expect_status 0

# A writer that holds the lock: an indexer reading its list from a pipe nobody writes yet.
mkfifo "$SCRATCH/list"
"$INDEXER" --db "$db" --files-from "$SCRATCH/list" 2>"$SCRATCH/holder.err" &
holder=$!
exec 3>"$SCRATCH/list"
sleep 0.5
for signal in TERM INT; do
    "$INDEXER" --db "$db" --lock-timeout 600 "$SOURCE_DIR/corpus/central-banks" \
        >"$SCRATCH/stdout" 2>"$SCRATCH/stderr" &
    waiter=$!
    sleep 1
    kill -"$signal" "$waiter"
    # It must be gone within a few seconds, not after the 600 s it was willing to wait.
    for _ in $(seq 50); do kill -0 "$waiter" 2>/dev/null || break; sleep 0.1; done
    checks=$((checks + 1))
    if kill -0 "$waiter" 2>/dev/null; then
        fail "SIG$signal did not end the wait for the lock"
        kill -KILL "$waiter"
    fi
    wait "$waiter"
    status=$?
    last_command="indexer waiting for the lock, then SIG$signal"
    expect_status $((128 + $(kill -l "$signal")))
    expect_stderr_has "stopped by a signal while waiting for the lock"
done
exec 3>&-
wait "$holder"

# SIGTERM during --rebuild: the new database is thrown away, the old one stays, and the
# message says so (it said "the work done so far is committed"). The list comes from a pipe,
# so the rebuild is certainly under way when the signal arrives.
before=$(doc_count "$db")
mkfifo "$SCRATCH/rebuild-list"
"$INDEXER" --db "$db" --rebuild --drop-sources --files-from "$SCRATCH/rebuild-list" \
    2>"$SCRATCH/stderr" >"$SCRATCH/stdout" &
rebuilder=$!
exec 4>"$SCRATCH/rebuild-list"
find "$SOURCE_DIR/corpus/central-banks" -name '*.txt' | head -3 >&4
sleep 1
kill -TERM "$rebuilder"
wait "$rebuilder"
status=$?
exec 4>&-
last_command="indexer --rebuild --files-from FIFO, then SIGTERM"
expect_status 143
expect_stderr_has "the rebuild was abandoned and the database is as it was"
expect_equal "documents after an abandoned rebuild" "$(doc_count "$db")" "$before"
checks=$((checks + 1))
[ ! -e "$db.rebuild" ] || fail "an abandoned rebuild left $db.rebuild"

# A read-only file system: exit 3 at once, naming the reason (needs root to mount a tmpfs).
mnt="$SCRATCH/ro"
mkdir -p "$mnt"
if mount -t tmpfs -o size=20m tmpfs "$mnt" 2>/dev/null; then
    cp -a "$db" "$mnt/db"
    if mount -o remount,ro "$mnt" 2>/dev/null; then
        start=$(date +%s)
        run "$INDEXER" --db "$mnt/db" --lock-timeout 30 "$SOURCE_DIR/corpus/central-banks"
        elapsed=$(($(date +%s) - start))
        expect_status 3
        expect_stderr_has "cannot take the write lock"
        expect_stderr_has "Read-only file system"
        checks=$((checks + 1))
        [ "$elapsed" -lt 10 ] || fail "a read-only database was waited on for $elapsed s"
    fi
    umount "$mnt"
else
    echo "lock_wait: cannot mount a tmpfs here; read-only check skipped" >&2
fi

finish
