#!/usr/bin/env bash
# Remote shards that hang: a shard server that accepts connections and never answers costs
# --timeout, no more, and several such servers cost it once; the message names the shard and
# the exit status is 3; --partial answers from the other shard and names the missing one on
# stderr and in JSON; a shard that stops answering during a --batch run is left out from then
# on.
#
# The hung server is a real xapian-tcpsrv stopped with SIGSTOP (with the children it forks per
# connection): the kernel still accepts connections on its listening socket, and nothing
# answers. No tool beyond xapian-tools is needed.
. "$(dirname "$0")/lib.sh"

corpus="$SOURCE_DIR/corpus"
sharded="$SCRATCH/sharded"
run "$INDEXER" --db "$sharded" --shards 2 "$corpus"
expect_status 0

# Each server runs in a session of its own (setsid), so that its process group, whose leader
# it is, holds it and the children serving connections, and no process of ours.
servers=()
stop_servers() {
    local pid
    for pid in "${servers[@]}"; do
        kill -CONT -- "-$pid" 2>/dev/null
        kill -TERM "$pid" 2>/dev/null
    done
    for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null; done
    servers=()
}
trap 'stop_servers; rm -rf "$SCRATCH"' EXIT
# start_server DB: sets last_port and last_pid to a new server's.
start_server() {
    local port attempt pid
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        port=$((20000 + RANDOM % 30000))
        setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" "$1" >"$SCRATCH/server-$port.log" 2>&1 &
        pid=$!
        for _ in $(seq 50); do
            grep -q "Listening" "$SCRATCH/server-$port.log" 2>/dev/null && break
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if grep -q "Listening" "$SCRATCH/server-$port.log" 2>/dev/null; then
            servers+=("$pid")
            last_port=$port
            last_pid=$pid
            return 0
        fi
        kill -TERM "$pid" 2>/dev/null
    done
    return 1
}
start_server "$sharded/shard-0" || fail "could not start xapian-tcpsrv for shard 0"
port0=$last_port pid0=$last_pid
start_server "$sharded/shard-1" || fail "could not start xapian-tcpsrv for shard 1"
port1=$last_port pid1=$last_pid
stub="$SCRATCH/remote.stub"
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$port0" "$port1" >"$stub"

count_of() { "$SEARCHER" --db "$1" --count Milley; }
all=$(count_of "$sharded")
first=$(count_of "$sharded/shard-0")
[ "$first" -gt 0 ] && [ "$first" -lt "$all" ] ||
    fail "the corpus should put Milley articles in both shards (shard 0: $first of $all)"
run "$SEARCHER" --db "$stub" --timeout 1 --count Milley
expect_status 0
expect_equal "count over both remote shards" "$(cat "$SCRATCH/stdout")" "$all"

# run_timed CMD...: run, and the seconds it took in $took (whole seconds, rounded up).
run_timed() {
    local start end
    start=$(date +%s%N)
    run "$@"
    end=$(date +%s%N)
    took=$(((end - start + 999999999) / 1000000000))
}
# expect_quick LIMIT: the last run_timed took at most LIMIT seconds.
expect_quick() {
    checks=$((checks + 1))
    [ "$took" -le "$1" ] || fail "$last_command: took ${took} s, more than $1 s"
}

# Shard 1 hangs: it accepts connections and never answers.
kill -STOP -- "-$pid1"
run_timed "$SEARCHER" --db "$stub" --timeout 1 Milley
expect_status 3
expect_stderr_has "searcher: database $stub: remote 127.0.0.1:$port1 did not answer within 1 s"
expect_stderr_lines 1
expect_empty stdout
expect_quick 5

run_timed "$SEARCHER" --db "$stub" --timeout 0.5 --partial --count Milley
expect_status 0
expect_equal "count without the hung shard" "$(cat "$SCRATCH/stdout")" "$first"
expect_stderr_has "searcher: warning: remote 127.0.0.1:$port1 did not answer within 0.5 s (in $stub); results without it"
expect_stderr_lines 1
expect_quick 4

run "$SEARCHER" --db "$stub" --timeout 1 --partial --format json --limit 0 Milley
expect_status 0
expect_equal "JSON names the missing shard" \
    "$(jq -cS '[.matches.estimated, .missing_shards]' "$SCRATCH/stdout")" \
    "[$first,[{\"problem\":\"did not answer within 1 s\",\"shard\":\"remote 127.0.0.1:$port1\",\"source\":\"$stub\"}]]"
expect_equal "hits only from the shard that answered" "$(jq '.hits | length' "$SCRATCH/stdout")" "$first"

# Every shard answers: JSON says none is missing.
kill -CONT -- "-$pid1"
run "$SEARCHER" --db "$stub" --timeout 1 --partial --format json Milley
expect_status 0
expect_equal "no shard missing" "$(jq -c '.missing_shards' "$SCRATCH/stdout")" "[]"
expect_empty stderr

# Both hang: --partial has nothing to answer from. The shards are opened side by side, so four
# that hang (each server listed twice) cost the timeout once, 2 s, not once each (8 s).
kill -STOP -- "-$pid0"
kill -STOP -- "-$pid1"
run_timed "$SEARCHER" --db "$stub" --timeout 1 --partial Milley
expect_status 3
expect_stderr_has "searcher: database $stub: no shard answered (remote 127.0.0.1:$port0 did not answer within 1 s)"
expect_stderr_lines 1
expect_quick 3
four="$SCRATCH/four.stub"
cat "$stub" "$stub" >"$four"
run_timed "$SEARCHER" --db "$four" --timeout 2 --partial Milley
expect_status 3
expect_stderr_has "searcher: database $four: no shard answered (remote 127.0.0.1:$port0 did not answer within 2 s)"
expect_quick 4
kill -CONT -- "-$pid0"
kill -CONT -- "-$pid1"

# A shard that hangs during a --batch run: the first query is answered by both shards, then
# shard 1 stops; the second query costs the timeout once and is answered without it, and so is
# the third, at once.
mkfifo "$SCRATCH/queries"
start=$(date +%s)
"$SEARCHER" --db "$stub" --timeout 1 --partial --batch --count <"$SCRATCH/queries" \
    >"$SCRATCH/stdout" 2>"$SCRATCH/stderr" &
searcher_pid=$!
exec 3>"$SCRATCH/queries"
echo Milley >&3
for _ in $(seq 100); do
    [ -s "$SCRATCH/stdout" ] && break
    sleep 0.1
done
kill -STOP -- "-$pid1"
printf 'Milley\nMilley\n' >&3
exec 3>&-
wait "$searcher_pid"
status=$?
last_command="searcher --batch --partial with shard 1 stopping after the first query"
expect_status 0
expect_equal "counts before and after the shard hung" "$(tr '\n' ' ' <"$SCRATCH/stdout")" "$all $first $first "
expect_stderr_has "searcher: warning: remote 127.0.0.1:$port1 did not answer within 1 s (in $stub); results without it"
expect_stderr_lines 1
took=$(($(date +%s) - start))
expect_quick 12
kill -CONT -- "-$pid1"

# Without --partial the same hang ends the batch with the shard named, exit 3.
kill -STOP -- "-$pid1"
run "$SEARCHER" --db "$stub" --timeout 1 --batch --count <<<"Milley"
expect_status 3
expect_stderr_has "remote 127.0.0.1:$port1 did not answer within 1 s"
kill -CONT -- "-$pid1"

# A server that is down is named as well, and --partial goes on without it.
kill -TERM "$pid1"
wait "$pid1" 2>/dev/null
run "$SEARCHER" --db "$stub" --timeout 1 Milley
expect_status 3
expect_stderr_has "searcher: database $stub: remote 127.0.0.1:$port1 could not be reached"
expect_stderr_lines 1
run "$SEARCHER" --db "$stub" --timeout 1 --partial --count Milley
expect_status 0
expect_equal "count without the shard that is down" "$(cat "$SCRATCH/stdout")" "$first"
expect_stderr_has "searcher: warning: remote 127.0.0.1:$port1 could not be reached"

# --timeout takes seconds above 0.
for bad in 0 -1 abc 1.2.3 . 100000; do
    run "$SEARCHER" --db "$stub" "--timeout=$bad" Milley
    expect_status 2
    expect_stderr_has "--timeout takes a number of seconds"
done

stop_servers
finish
