# Shared by the end-to-end tests, which run the real binaries as a user would.
# The test registers the environment: INDEXER, SEARCHER, SOURCE_DIR (the project tree).
set -u
: "${INDEXER:?}" "${SEARCHER:?}" "${SOURCE_DIR:?}"

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/newsindex-e2e.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
# Nothing from the user's own setup may leak in.
unset NEWSINDEX_DB XDG_DATA_HOME
export HOME="$SCRATCH/home"
mkdir -p "$HOME"

failures=0
checks=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# run CMD...: runs a command, keeping its stdout, stderr and status for the checks below.
run() {
    "$@" >"$SCRATCH/stdout" 2>"$SCRATCH/stderr"
    status=$?
    last_command="$*"
}

expect_status() {
    checks=$((checks + 1))
    [ "$status" -eq "$1" ] ||
        fail "$last_command: exit status $status, expected $1; stderr: $(head -c 400 "$SCRATCH/stderr")"
}

# expect_stdout_has / expect_stderr_has TEXT: a fixed string must occur.
expect_stdout_has() {
    checks=$((checks + 1))
    grep -qF -- "$1" "$SCRATCH/stdout" || fail "$last_command: stdout lacks '$1'"
}
expect_stderr_has() {
    checks=$((checks + 1))
    grep -qF -- "$1" "$SCRATCH/stderr" || fail "$last_command: stderr lacks '$1'; it was: $(head -c 400 "$SCRATCH/stderr")"
}
expect_empty() {
    checks=$((checks + 1))
    [ ! -s "$SCRATCH/$1" ] || fail "$last_command: $1 should be empty; it was: $(head -c 400 "$SCRATCH/$1")"
}
expect_stderr_lines() {
    checks=$((checks + 1))
    local lines
    lines=$(wc -l <"$SCRATCH/stderr")
    [ "$lines" -eq "$1" ] || fail "$last_command: $lines stderr lines, expected $1: $(head -c 400 "$SCRATCH/stderr")"
}

# expect_equal WHAT GOT WANT
expect_equal() {
    checks=$((checks + 1))
    [ "$2" = "$3" ] || fail "$1: got '$2', expected '$3'"
}

doc_count() { xapian-delve "$1" | sed -n 's/^number of documents = //p'; }

finish() {
    if [ "$failures" -eq 0 ]; then
        echo "ok: $checks checks"
        exit 0
    fi
    echo "$failures of $checks checks failed" >&2
    exit 1
}

revision() { xapian-delve "$1" | sed -n 's/^revision = //p'; }

# summary_field NAME: a number from the JSON summary the last run printed on stdout.
summary_field() { jq -r ".$1" "$SCRATCH/stdout"; }

# expect_counts "added updated unchanged deleted duplicates failed" from the last --summary json.
expect_counts() {
    expect_equal "$last_command: added updated unchanged deleted duplicates failed" \
        "$(jq -r '"\(.added) \(.updated) \(.unchanged) \(.deleted) \(.duplicates) \(.failed)"' "$SCRATCH/stdout")" "$1"
}

# make_article FILE TITLE URL WORDS: writes a small article in the plain-text format.
# Builtins only, no mkdir or dirname process per article: tests write up to 1,500 articles, and
# under a loaded ctest the two processes per article cost more than the indexing.
make_article() {
    local folder=${1%/*}
    [[ $folder == "$1" || -d $folder ]] || mkdir -p "$folder"
    printf '%s\n\nBy Test Writer\n\nMarch 3, 2022\n\n%s\n\nOriginal url:\n\n<%s>\n' "$2" "$4" "$3" >"$1"
}

# dump_documents DB: every document of a database, one line per term, value and data line:
# "ID-TERM<tab>KIND<tab>TEXT", sorted; data lines carry their number, since their order counts.
# Two databases hold the same documents (terms, values, data) exactly when their dumps are
# equal, whatever docids they were given. One xapian-delve call reads every document, so a
# few thousand documents take about a second (a call per document took a minute).
dump_documents() {
    local -a records=()
    local docid
    while IFS= read -r docid; do
        records+=(-r "$docid")
    done < <(xapian-delve -1 -t '' "$1" | sed 1d)
    [ "${#records[@]}" -gt 0 ] || return 0
    xapian-delve -1 -d -V "${records[@]}" "$1" | awk '
        /^Values for record #[0-9]+:$/ { kind = "value"; id = $NF; next }
        /^Data for record #[0-9]+:$/ { kind = "data"; id = $NF; line = 0; next }
        /^Term List for record #[0-9]+:$/ { kind = "term"; id = $NF; next }
        {
            n[id]++
            text[id, n[id]] = (kind == "data" ? sprintf("data\t%04d\t", ++line) : kind "\t") $0
            if (kind == "term" && /^Q/ && !(id in unique)) unique[id] = $0
        }
        END { for (id in n) for (i = 1; i <= n[id]; i++) print unique[id] "\t" text[id, i] }' |
        LC_ALL=C sort
}

# dump_metadata DB [KEY-REGEX]: every metadata key with its value ("KEY=VALUE", the value with
# C escapes), in key order; with KEY-REGEX, the keys it matches without their values. The
# record of the last run that changed the database (run:last: its time and counts) is left
# out: two runs that converge to the same database differ there by nature. One process reads
# them all (tests/e2e/dump_metadata.cc): a process per key took a sixth of the suite's CPU.
dump_metadata() {
    "${DUMP_METADATA:?dump_metadata needs the test tool; run the test from ctest}" "$@"
}
