#!/usr/bin/env bash
# Shards: local and served by xapian-tcpsrv on 127.0.0.1 give the same results, score order
# and facet counts as one database of the same articles; per-shard incremental runs, pruning
# and kill -9; a shard server that is down gives a clear error.
. "$(dirname "$0")/lib.sh"

corpus="$SOURCE_DIR/corpus"
one="$SCRATCH/one"
sharded="$SCRATCH/sharded"
run "$INDEXER" --db "$one" "$corpus"
expect_status 0
run "$INDEXER" --db "$sharded" --shards 2 --summary json "$corpus"
expect_status 0
expect_counts "44 0 0 0 0 0"
[ -f "$sharded/XAPIANDB" ] || fail "no XAPIANDB stub in $sharded"
total=0
for shard in 0 1; do
    n=$(doc_count "$sharded/shard-$shard")
    [ "$n" -gt 0 ] || fail "shard $shard is empty"
    total=$((total + n))
done
expect_equal "documents over both shards" "$total" 44

queries=('Nord Stream 2' Milley 'pipeline OR chips' 'Scholz date:2022' 'author:reuters author:afp')
# compare DB...: the same titles in the same score order (ties, which Xapian orders by docid,
# compared as sets), and the same facet counts, as $one.
compare_with_one() {
    local query db
    for query in "${queries[@]}"; do
        for db in "$one" "$@"; do
            "$SEARCHER" --db "$db" --format json --limit 0 --facet author --facet month -- "$query" |
                jq -c '[.matches.estimated, ([.hits[] | [.title, (.score * 1e6 | round)]] | sort_by([-.[1], .[0]])), .facets]'
        done >"$SCRATCH/compare"
        checks=$((checks + 1))
        [ "$(sort -u "$SCRATCH/compare" | wc -l)" -eq 1 ] ||
            fail "results for '$query' differ between one database and $*: $(cut -c1-300 "$SCRATCH/compare")"
    done
}
compare_with_one "$sharded"

# Incremental runs and pruning work per shard.
run "$INDEXER" --db "$sharded" --summary json "$corpus"
expect_counts "0 0 44 0 0 0"
cp -r "$corpus" "$SCRATCH/copy"
run "$INDEXER" --db "$SCRATCH/copy-db" --shards 3 "$SCRATCH/copy"
rm "$SCRATCH/copy/nord-stream/2022-02-22-scholz-halts-nord-stream-2-approval.txt"
run "$INDEXER" --db "$SCRATCH/copy-db" --summary json "$SCRATCH/copy"
expect_counts "0 0 43 1 0 0"
run "$INDEXER" --db "$SCRATCH/copy-db" --shards 2 "$SCRATCH/copy"
expect_status 3
expect_stderr_has "has 3 shards, not 2; change the count with --rebuild --shards 2"
run "$INDEXER" --db "$SCRATCH/copy-db" --rebuild --shards 2 --summary json "$SCRATCH/copy"
expect_status 0
expect_equal "shards after --rebuild --shards 2" "$(grep -c '^auto ' "$SCRATCH/copy-db/XAPIANDB")" 2
run "$SEARCHER" --db "$SCRATCH/copy-db" --count Scholz
expect_equal "Scholz after rebuild without one file" "$(cat "$SCRATCH/stdout")" 11

# kill -9 during a sharded run: every shard stays sound and a rerun converges.
rm -rf "$SCRATCH/killed"
"$INDEXER" --db "$SCRATCH/killed" --shards 2 --batch-size 3 "$corpus" 2>/dev/null &
victim=$!
sleep 0.15
kill -KILL "$victim" 2>/dev/null
wait "$victim" 2>/dev/null
run "$INDEXER" --db "$SCRATCH/killed" --shards 2 "$corpus"
expect_status 0
for shard in 0 1; do
    run xapian-check "$SCRATCH/killed/shard-$shard"
    expect_status 0
done
run "$SEARCHER" --db "$SCRATCH/killed" --count 'Nord Stream 2'
expect_equal "matches after kill -9 and a rerun" "$(cat "$SCRATCH/stdout")" 13

# Remote shards: one xapian-tcpsrv per shard on 127.0.0.1. Each runs in its own session
# (setsid): on SIGTERM the server signals its whole process group, which must not be ours.
servers=()
stop_servers() {
    local pid
    for pid in "${servers[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null; done
    servers=()
}
trap 'stop_servers; rm -rf "$SCRATCH"' EXIT
# start_server SHARD: prints the port a new server listens on.
start_server() {
    local port attempt
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        port=$((20000 + RANDOM % 30000))
        setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" "$1" >"$SCRATCH/server-$port.log" 2>&1 &
        local pid=$!
        for _ in 1 2 3 4 5 6 7 8 9 10; do
            grep -q "Listening" "$SCRATCH/server-$port.log" 2>/dev/null && break
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            servers+=("$pid")
            last_port=$port
            return 0
        fi
    done
    return 1
}
: >"$SCRATCH/remote.stub"
for shard in 0 1; do
    start_server "$sharded/shard-$shard" || fail "could not start xapian-tcpsrv for shard $shard"
    echo "remote 127.0.0.1:$last_port" >>"$SCRATCH/remote.stub"
done
compare_with_one "$SCRATCH/remote.stub"
run "$SEARCHER" --db "$SCRATCH/remote.stub" --format json --collapse --sort newest --limit 3 Milley
expect_status 0
expect_equal "newest Milley article over remote shards" "$(jq -r '.hits[0].date' "$SCRATCH/stdout")" 2022-06-16
# Folding over remote shards reads every match's document (no value streams there), each
# shard's on a thread of its own: the same folded list and counts as one database.
for db in "$one" "$SCRATCH/remote.stub"; do
    "$SEARCHER" --db "$db" --format json --collapse --limit 0 -- 'pipeline OR Milley OR chips' |
        jq -c '[.matches.estimated, ([.hits[] | [.title, .collapsed]] | sort)]'
done >"$SCRATCH/compare"
checks=$((checks + 1))
[ "$(sort -u "$SCRATCH/compare" | wc -l)" -eq 1 ] ||
    fail "--collapse differs between one database and remote shards: $(cut -c1-300 "$SCRATCH/compare")"

# A shard server that is down: one clear line naming it, exit 3.
down_port=$(sed -n '2s/.*://p' "$SCRATCH/remote.stub")
kill -TERM "${servers[1]}"
wait "${servers[1]}" 2>/dev/null
run "$SEARCHER" --db "$SCRATCH/remote.stub" Milley
expect_status 3
expect_stderr_has "127.0.0.1:$down_port"
expect_stderr_lines 1
stop_servers

finish
