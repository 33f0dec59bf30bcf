#!/usr/bin/env bash
# The one-command benchmark of newsindex: indexing speed, memory and index size against Xapian's
# omindex, query latency in-process and per process against Xapian's quest, and growth over
# synthetic collections of increasing size. Progress goes to stderr; the result is Markdown on
# stdout, dated and naming the machine, ready to paste into docs/performance.md.
#
#   tests/bench/run.sh [--smoke] [--reuters DIR_OF_SGML] [--growth 10000,100000,1000000]
#                      [--work /tmp/newsindex-bench] [--bin build/bin]
#
#   --smoke    everything at tiny scale (300 synthetic articles, 3 repeats; Reuters only when
#              --reuters is given too) in well under a minute; exits non-zero when any of our
#              commands fails, so that ctest (test bench_smoke, label bench) catches rot
#   --reuters  the Reuters-21578 SGML distribution (default: ../shared/data/reuters21578
#              beside the repository), converted once into WORK/reuters
#   --growth   synthetic collection sizes for the growth table (default 10000,100000; smoke 300);
#              each is generated once into WORK/synth-N by bench_synth_generate
#   --work     scratch directory for corpora, databases and logs (default /tmp/newsindex-bench)
#   --bin      directory holding indexer, searcher, bench_queries, bench_reuters_convert and
#              bench_synth_generate (default build/bin in the repository)
#
# What it measures, and how:
#  - indexing the reference corpus (Reuters-21578; in --smoke the 300 synthetic articles) with
#    `indexer --jobs 2`, `indexer --jobs 1` (each into a fresh database) and `omindex`, each
#    under /usr/bin/time for wall time, user+system CPU and peak RSS; articles/s and MiB/s
#    (input bytes by du -sb); index size (du -sb) before and after compaction (ours:
#    `indexer --compact` on a copy, omindex: xapian-compact); a no-op rerun, and a rerun after
#    appending a line to one file (the file is put back afterwards);
#  - queries: tests/bench/queries.cc's mix in-process (bench_queries), and the same mix as
#    whole processes: searcher on our database, quest (-o and, to match our default) on
#    omindex's database and on ours (quest reads any Xapian database), median of K runs;
#    queries run on the uncompacted databases, the state an indexing run leaves;
#  - growth: for each size, generate (once), index with --jobs 2, size, bench_queries medians.
#
# Our commands must succeed (set -e: any failure stops the run with a non-zero status). The
# Xapian tools are the yardstick, not the subject: when omindex, quest or xapian-compact are
# missing or fail, their figures read "n/a" and the run goes on.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# ---- Options ---------------------------------------------------------------------------------

smoke=0
reuters_sgml="$repo/../shared/data/reuters21578"
reuters_given=0
growth=""
work=/tmp/newsindex-bench
bin="$repo/build/bin"

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
}

while (($#)); do
    case $1 in
        --smoke) smoke=1 ;;
        --reuters) reuters_sgml=${2:?--reuters needs a directory}; reuters_given=1; shift ;;
        --growth) growth=${2:?--growth needs sizes}; shift ;;
        --work) work=${2:?--work needs a directory}; shift ;;
        --bin) bin=${2:?--bin needs a directory}; shift ;;
        -h | --help) usage ;;
        *) echo "run.sh: unknown option $1" >&2; usage ;;
    esac
    shift
done

if ((smoke)); then
    growth=${growth:-300}
    query_repeat=3    # bench_queries --repeat
    process_runs=3    # runs of each whole-process query
    smoke_articles=300
else
    growth=${growth:-10000,100000}
    query_repeat=100
    process_runs=20
fi
[[ $growth =~ ^[0-9]+(,[0-9]+)*$ ]] || { echo "run.sh: --growth takes sizes such as 10000,100000" >&2; exit 2; }

mkdir -p "$work"
work=$(cd "$work" && pwd)
bin=$(cd "$bin" && pwd)
logs=$work/logs
rm -rf "$logs"
mkdir -p "$logs"

log() { printf 'run.sh: %s\n' "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

for tool in indexer searcher bench_queries bench_synth_generate; do
    [[ -x $bin/$tool ]] || die "$bin/$tool is missing: build it first (cmake --build build)"
done
have() { command -v "$1" >/dev/null 2>&1; }
have_omindex=0; have omindex && have_omindex=1
have_quest=0; have quest && have_quest=1
((have_omindex)) || log "omindex not installed (Debian: xapian-omega): omindex figures skipped"
((have_quest)) || log "quest not installed (Debian: xapian-tools): quest figures skipped"

# ---- Measuring -------------------------------------------------------------------------------

# Results by key, e.g. R[ours2.wall]; absent or "n/a" when not measured.
declare -A R

# now_us VAR: microseconds since the epoch into VAR. Bash 5's EPOCHREALTIME costs no process
# (a $(...) would fork, a millisecond that the whole-process timings must not carry); date is
# the fallback for older shells.
now_us() {
    if [[ -n ${EPOCHREALTIME:-} ]]; then
        local t=${EPOCHREALTIME/[.,]/}
        printf -v "$1" '%d' $((10#$t))
    else
        printf -v "$1" '%d' $(($(date +%s%N) / 1000))
    fi
}
# seconds START_US END_US: the seconds between, three decimals.
seconds() { awk -v us=$(($2 - $1)) 'BEGIN { printf "%.3f", us / 1e6 }'; }

# timed KEY COMMAND...: runs COMMAND with stdout in logs/KEY.out and stderr in logs/KEY.err,
# and sets R[KEY.wall] (s), R[KEY.cpu] (user+sys s) and R[KEY.rss] (peak RSS, MiB). Returns the
# command's status. The wall time is our own clock's, in milliseconds (GNU time's %e has
# only hundredths, too coarse for no-op reruns). Without GNU time (package `time`) CPU and RSS
# read n/a.
timed() {
    local key=$1 status=0 start end
    shift
    now_us start
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -f '%e %U %S %M' -o "$logs/$key.time" "$@" >"$logs/$key.out" 2>"$logs/$key.err" || status=$?
        now_us end
        R[$key.wall]=$(seconds "$start" "$end")
        # On failure GNU time writes "Command exited with non-zero status N" first.
        local wall user sys rss
        read -r wall user sys rss < <(tail -n 1 "$logs/$key.time")
        R[$key.cpu]=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
        R[$key.rss]=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
    else
        "$@" >"$logs/$key.out" 2>"$logs/$key.err" || status=$?
        now_us end
        R[$key.wall]=$(seconds "$start" "$end")
        R[$key.cpu]=n/a
        R[$key.rss]=n/a
    fi
    return "$status"
}

# ours KEY COMMAND...: one of our commands; its failure ends the run, naming the log.
ours() {
    local key=$1
    timed "$@" || die "$(printf '%q ' "${@:2}")(see $logs/$key.err)"
}

# theirs KEY COMMAND...: a Xapian tool; its failure is reported and its figures become n/a.
theirs() {
    local key=$1
    if ! timed "$@"; then
        log "$2 failed (see $logs/$key.err); its figures read n/a"
        R[$key.wall]=n/a R[$key.cpu]=n/a R[$key.rss]=n/a
        return 1
    fi
}

mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
size_of() { du -sb "$1" | cut -f1; }

# ratio A B: A/B with two decimals, n/a when either is unknown or B is zero.
ratio() {
    awk -v a="${1:-n/a}" -v b="${2:-n/a}" 'BEGIN {
        if (a == "n/a" || b == "n/a" || a == "" || b == "" || b + 0 == 0) print "n/a";
        else printf "%.2f\n", a / b }'
}
# per_second COUNT SECONDS: COUNT/SECONDS without decimals above 100.
per_second() {
    awk -v n="${1:-n/a}" -v s="${2:-n/a}" 'BEGIN {
        if (n == "n/a" || s == "n/a" || s + 0 == 0) print "n/a";
        else if (n / s >= 100) printf "%.0f\n", n / s; else printf "%.1f\n", n / s }'
}

# json_field FILE NAME: a number from the one-line JSON summary of `indexer --summary json`.
json_field() { sed -n "s/.*\"$2\":\([0-9.]*\).*/\1/p" "$1"; }

# ---- Corpora ---------------------------------------------------------------------------------

# Reuters-21578, converted once: the fixed reference corpus of docs/performance.md.
reuters_corpus() {
    local out=$work/reuters
    if [[ -d $out ]]; then
        log "Reuters-21578 already converted in $out"
    else
        [[ -d $reuters_sgml ]] ||
            die "Reuters-21578 not found in $reuters_sgml: pass --reuters DIR (or --smoke)"
        [[ -x $bin/bench_reuters_convert ]] || die "$bin/bench_reuters_convert is missing"
        log "converting Reuters-21578 into $out"
        rm -rf "$out.partial"
        "$bin/bench_reuters_convert" --from "$reuters_sgml" --to "$out.partial" >&2
        mv "$out.partial" "$out"  # only a complete conversion counts as "already there"
    fi
}

# synthetic_corpus N: WORK/synth-N, generated once (into a partial folder, renamed when done).
synthetic_corpus() {
    local n=$1 out=$work/synth-$1
    if [[ -d $out ]]; then
        log "synthetic collection of $n articles already in $out"
        return
    fi
    log "generating $n synthetic articles into $out"
    rm -rf "$out.partial"
    ours "generate-$n" "$bin/bench_synth_generate" --count "$n" --to "$out.partial"
    cat "$logs/generate-$n.err" >&2
    R[grow$n.gen]=$(sed -n 's/.*, \([0-9.]*\) MB\/s.*/\1/p' "$logs/generate-$n.err")
    mv "$out.partial" "$out"
}

# ---- Indexing the reference corpus -----------------------------------------------------------

# index_reference DIR ARTICLES: every indexing figure of the first table.
index_reference() {
    local dir=$1 articles=$2
    R[input.bytes]=$(size_of "$dir")
    R[input.articles]=$articles
    rm -rf "$work/db-jobs2" "$work/db-jobs1" "$work/db-jobs2.compact" "$work/omdb" "$work/omdb.compact"

    log "indexing $articles articles with indexer --jobs 2"
    ours ours2 "$bin/indexer" --db "$work/db-jobs2" --jobs 2 --summary json "$dir"
    log "indexing with indexer --jobs 1"
    ours ours1 "$bin/indexer" --db "$work/db-jobs1" --jobs 1 --summary json "$dir"
    local key
    for key in ours2 ours1; do
        R[$key.docs]=$(json_field "$logs/$key.out" added)
        R[$key.dups]=$(json_field "$logs/$key.out" duplicates)
    done
    R[ours2.size]=$(size_of "$work/db-jobs2")
    R[ours1.size]=$(size_of "$work/db-jobs1")
    if ((have_omindex)); then
        log "indexing with omindex"
        if theirs om omindex --db "$work/omdb" --url / "$dir"; then
            R[om.size]=$(size_of "$work/omdb")
            R[om.docs]=$(xapian-delve "$work/omdb" 2>/dev/null | sed -n 's/^number of documents = //p' || true)
        fi
    fi

    # Reruns: nothing changed, then one file appended to. Only the --jobs 2 database and
    # omindex's; the file is restored (content and time) afterwards so that a later run of
    # this script starts from the same corpus.
    log "no-op reruns"
    ours ours2-noop "$bin/indexer" --db "$work/db-jobs2" --jobs 2 --summary json "$dir"
    if [[ ${R[om.wall]:-n/a} != n/a ]]; then
        theirs om-noop omindex --db "$work/omdb" --url / "$dir" || true
    fi
    local changed saved=$logs/changed-file.orig
    # awk, not head: head would quit early and, under pipefail, sort's SIGPIPE fail the run.
    changed=$(find "$dir" -type f -name '*.txt' | sort | awk 'NR == 1')
    cp -p "$changed" "$saved"
    sleep 1  # mtimes in whole seconds must differ for omindex to see the change
    printf '\nA sentence appended for the rerun benchmark.\n' >>"$changed"
    log "reruns after appending to $changed"
    ours ours2-touch "$bin/indexer" --db "$work/db-jobs2" --jobs 2 --summary json "$dir"
    [[ $(json_field "$logs/ours2-touch.out" updated) == 1 ]] ||
        log "warning: the rerun after the change updated $(json_field "$logs/ours2-touch.out" updated) documents, not 1"
    if [[ ${R[om.wall]:-n/a} != n/a ]]; then
        theirs om-touch omindex --db "$work/omdb" --url / "$dir" || true
    fi
    cp -p "$saved" "$changed"

    # Compaction: ours on a copy, so that the queries below see what indexing left.
    log "compacting"
    cp -a "$work/db-jobs2" "$work/db-jobs2.compact"
    timed ours2-compact "$bin/indexer" --db "$work/db-jobs2.compact" --compact
    R[ours2.compacted]=$(size_of "$work/db-jobs2.compact")
    if [[ ${R[om.wall]:-n/a} != n/a ]] && have xapian-compact &&
        theirs om-compact xapian-compact "$work/omdb" "$work/omdb.compact"; then
        R[om.compacted]=$(size_of "$work/omdb.compact")
    fi
}

# ---- Queries ---------------------------------------------------------------------------------

# The mix of tests/bench/queries.cc, in that order: type | searcher arguments | quest query.
# quest has no fields, dates or facets: it gets the words, so its time is that of the text part.
query_types=("one word" "two words" "three words" "phrase" "field filter" "date range" "facet" "misspelling")
searcher_queries=("oil" "crude oil" "oil prices rise" '"interest rates"' "oil author:reuters"
    "coffee date:1987-03-01..1987-03-31" "oil" "petrolium")
facet_query=6  # the one run with --facet month
quest_queries=("oil" "crude oil" "oil prices rise" '"interest rates"' "oil reuters" "coffee" "oil" "petrolium")

# bench_queries_medians KEY DB: runs bench_queries and stores R[KEY.q<i>.median] and .p95.
bench_queries_medians() {
    local key=$1 db=$2
    ours "$key-bench-queries" "$bin/bench_queries" --db "$db" --repeat "$query_repeat"
    local i line
    for i in "${!query_types[@]}"; do
        line=$(grep "^${query_types[i]} " "$logs/$key-bench-queries.out") ||
            die "bench_queries printed no line for '${query_types[i]}'"
        read -r "R[$key.q$i.matches]" "R[$key.q$i.median]" "R[$key.q$i.p95]" _ <<<"${line:13}"
        R[$key.q$i.median]=${R[$key.q$i.median]%ms}
        R[$key.q$i.p95]=${R[$key.q$i.p95]%ms}
    done
}

# process_median OK_STATUSES COMMAND...: median wall milliseconds of process_runs runs of
# COMMAND (output discarded); "n/a" when it exits with a status not in OK_STATUSES (e.g. "0 1").
process_median() {
    local ok=" $1 " run start end status
    shift
    local times=()
    for ((run = 0; run < process_runs; ++run)); do
        status=0
        now_us start
        "$@" >/dev/null 2>>"$logs/process-queries.err" || status=$?
        now_us end
        if [[ $ok != *" $status "* ]]; then
            echo "n/a $status"
            return
        fi
        times+=($((end - start)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 }
        END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.1f 0\n", m / 1000 }'
}

# process_queries DB OMDB: whole-process medians of searcher and quest for the mix.
process_queries() {
    local db=$1 omdb=$2 i median status
    for i in "${!query_types[@]}"; do
        local args=(--db "$db")
        ((i == facet_query)) && args+=(--facet month)
        args+=("${searcher_queries[i]}")
        # searcher exits 1 when nothing matched (the misspelling): that is no failure.
        read -r median status < <(process_median "0 1" "$bin/searcher" "${args[@]}")
        [[ $median != n/a ]] || die "searcher ${args[*]} exited with status $status"
        R[proc.searcher.q$i]=$median
        R[proc.quest-om.q$i]=n/a
        R[proc.quest-ours.q$i]=n/a
        if ((have_quest)); then
            if [[ -d $omdb ]]; then
                read -r "R[proc.quest-om.q$i]" _ < <(process_median 0 quest -d "$omdb" -o and "${quest_queries[i]}")
            fi
            read -r "R[proc.quest-ours.q$i]" _ < <(process_median 0 quest -d "$db" -o and "${quest_queries[i]}")
        fi
    done
}

# ---- Growth ----------------------------------------------------------------------------------

# growth_point N: generate (once), index with --jobs 2 into a fresh database, query.
growth_point() {
    local n=$1 key=grow$1 db=$work/db-synth-$1
    synthetic_corpus "$n"
    rm -rf "$db"
    log "indexing the synthetic collection of $n with --jobs 2"
    ours "$key" "$bin/indexer" --db "$db" --jobs 2 --summary json "$work/synth-$n"
    R[$key.bytes]=$(size_of "$work/synth-$n")
    R[$key.size]=$(size_of "$db")
    R[$key.docs]=$(json_field "$logs/$key.out" added)
    log "bench_queries on the synthetic collection of $n"
    bench_queries_medians "$key" "$db"
}

# ---- Report ----------------------------------------------------------------------------------

# row LABEL OURS2 OURS1 OMINDEX: a row of the indexing table with both ratios.
row() {
    printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "${2:-n/a}" "${3:-n/a}" "${4:-n/a}" \
        "$(ratio "${2:-n/a}" "${4:-n/a}")" "$(ratio "${2:-n/a}" "${3:-n/a}")"
}
size_mib() { [[ -n ${1:-} && $1 != n/a ]] && mib "$1" || echo n/a; }

report() {
    local om_version=n/a machine
    ((have_omindex)) && om_version=$(omindex --version 2>/dev/null | sed 's/^omindex - //')
    machine="$(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
    local a=${R[input.articles]} mb
    mb=$(mib "${R[input.bytes]}")

    echo "## Benchmark run ($(date +%Y-%m-%d))"
    echo
    echo "\`tests/bench/run.sh${run_args:+ $run_args}\` on $machine, $(uname -sr); omindex: $om_version."
    echo "Reference corpus: $reference_name, $a articles, $mb MiB."
    echo
    echo "| indexing | newsindex \`--jobs 2\` | newsindex \`--jobs 1\` | omindex | ours/omindex | jobs2/jobs1 |"
    echo "|---|---|---|---|---|---|"
    row "wall time (s)" "${R[ours2.wall]}" "${R[ours1.wall]}" "${R[om.wall]:-}"
    row "articles/s" "$(per_second "$a" "${R[ours2.wall]}")" "$(per_second "$a" "${R[ours1.wall]}")" \
        "$(per_second "$a" "${R[om.wall]:-n/a}")"
    row "MiB/s" "$(per_second "$mb" "${R[ours2.wall]}")" "$(per_second "$mb" "${R[ours1.wall]}")" \
        "$(per_second "$mb" "${R[om.wall]:-n/a}")"
    row "CPU user+sys (s)" "${R[ours2.cpu]}" "${R[ours1.cpu]}" "${R[om.cpu]:-}"
    row "peak RSS (MiB)" "${R[ours2.rss]}" "${R[ours1.rss]}" "${R[om.rss]:-}"
    row "index size (MiB)" "$(size_mib "${R[ours2.size]}")" "$(size_mib "${R[ours1.size]}")" "$(size_mib "${R[om.size]:-}")"
    row "compacted size (MiB)" "$(size_mib "${R[ours2.compacted]:-}")" "" "$(size_mib "${R[om.compacted]:-}")"
    row "compaction time (s)" "${R[ours2-compact.wall]:-}" "" "${R[om-compact.wall]:-}"
    row "no-op rerun (s)" "${R[ours2-noop.wall]}" "" "${R[om-noop.wall]:-}"
    row "rerun, one file changed (s)" "${R[ours2-touch.wall]}" "" "${R[om-touch.wall]:-}"
    row "documents" "${R[ours2.docs]} + ${R[ours2.dups]} duplicates" "${R[ours1.docs]} + ${R[ours1.dups]} duplicates" "${R[om.docs]:-}"
    echo
    echo "Queries on the $reference_name databases (uncompacted). In-process: \`bench_queries --repeat $query_repeat\`."
    echo "Whole process: median wall time of $process_runs runs of \`searcher --db DB QUERY\` and of"
    echo "\`quest -o and -d DB QUERY\`, output discarded; quest gets the words of the query only."
    echo
    echo "| query type | matches | in-process median (ms) | p95 (ms) | searcher process (ms) | quest, omindex db (ms) | quest, our db (ms) | searcher/quest |"
    echo "|---|---|---|---|---|---|---|---|"
    local i
    for i in "${!query_types[@]}"; do
        local shown=${searcher_queries[i]}
        ((i == facet_query)) && shown="--facet month $shown"
        # shellcheck disable=SC2016  # the backquotes are Markdown
        printf '| %s (`%s`) | %s | %s | %s | %s | %s | %s | %s |\n' "${query_types[i]}" "$shown" \
            "${R[ref.q$i.matches]}" "${R[ref.q$i.median]}" "${R[ref.q$i.p95]}" "${R[proc.searcher.q$i]}" \
            "${R[proc.quest-om.q$i]}" "${R[proc.quest-ours.q$i]}" \
            "$(ratio "${R[proc.searcher.q$i]}" "${R[proc.quest-om.q$i]}")"
    done
    echo
    echo "Growth: synthetic collections (\`bench_synth_generate --count N\`), \`indexer --jobs 2\`, then"
    echo "\`bench_queries --repeat $query_repeat\` medians (ms)."
    echo
    local header="| articles | generator MB/s | input MiB | wall (s) | articles/s | MiB/s | CPU (s) | peak RSS (MiB) | index MiB |"
    local rule="|---|---|---|---|---|---|---|---|---|"
    for i in "${!query_types[@]}"; do
        header+=" ${query_types[i]} |"
        rule+="---|"
    done
    echo "$header"
    echo "$rule"
    local n key line
    for n in ${growth//,/ }; do
        key=grow$n
        line="| $n | ${R[$key.gen]:-(reused)} | $(mib "${R[$key.bytes]}") | ${R[$key.wall]} | $(per_second "$n" "${R[$key.wall]}")"
        line+=" | $(per_second "$(mib "${R[$key.bytes]}")" "${R[$key.wall]}") | ${R[$key.cpu]} | ${R[$key.rss]}"
        line+=" | $(mib "${R[$key.size]}") |"
        for i in "${!query_types[@]}"; do line+=" ${R[$key.q$i.median]} |"; done
        echo "$line"
    done
}

# ---- Main ------------------------------------------------------------------------------------

# The options that change what is measured, for the report's first line.
run_args=""
((smoke)) && run_args="--smoke"
if ((!smoke)) && [[ $growth != 10000,100000 ]]; then run_args="--growth $growth"; fi

started=0 finished=0
now_us started
if ((smoke)) && ((!reuters_given)); then
    synthetic_corpus "$smoke_articles"
    reference_dir=$work/synth-$smoke_articles
    reference_name="synthetic ($smoke_articles articles)"
else
    reuters_corpus
    reference_dir=$work/reuters
    reference_name="Reuters-21578"
fi
index_reference "$reference_dir" "$(find "$reference_dir" -type f | wc -l)"

log "queries: bench_queries and whole processes"
bench_queries_medians ref "$work/db-jobs2"
process_queries "$work/db-jobs2" "$work/omdb"

for n in ${growth//,/ }; do growth_point "$n"; done

report >"$work/report.md"
cat "$work/report.md"
now_us finished
log "done in $(seconds "$started" "$finished") s; report also in $work/report.md, logs in $logs"
