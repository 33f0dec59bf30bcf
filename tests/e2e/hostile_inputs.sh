# Inputs built to cost memory, time or messages out of proportion to their size (issue 19,
# item 1). Shared by tests/e2e/hostile_files.sh (a few megabytes each, in CI) and
# tests/bench/hostile_files.sh (50 MB each, the measure). Only coreutils are used.

# repeat TEXT BYTES: TEXT over and over, BYTES bytes in all.
repeat() { yes -- "$1" | tr -d '\n' | head -c "$2"; }

# make_hostile_inputs DIR BYTES: one file per attack in DIR, each about BYTES long. Each name
# says the attack; expected_status NAME gives the indexer's exit status for it alone.
make_hostile_inputs() {
    local dir=$1 n=$2
    mkdir -p "$dir"
    repeat '[' "$n" >"$dir/deep-array.json"
    { printf '{"title":"x","body":'; repeat '[' "$n"; } >"$dir/deep-object.json"
    { printf '['; repeat '1,' "$n"; printf '1]'; } >"$dir/numbers.json"
    { printf '{"title":"x","body":"y","list":['; repeat '1,' "$n"; printf '1]}'; } >"$dir/wide-object.json"
    yes 1 | head -c "$n" >"$dir/numbers.jsonl"
    yes '{"a' | head -c "$n" >"$dir/garbage.jsonl"
    { printf '[{"title":"Harbour opens","body":"The harbour opened."}'; repeat ',1' $((n / 16)); printf ']'; } >"$dir/mostly-bad.json"
    { printf '<html><body>'; repeat '<p>word ' "$n"; } >"$dir/paragraphs.html"
    repeat '<table><tr><td>' "$n" >"$dir/tables.html"
    { printf '<html><body><p>'; repeat '<b><i><u>x' "$n"; } >"$dir/formatting.html"
    { printf 'Long line\n\n'; repeat 'word ' "$n"; } >"$dir/one-line.txt"
    { printf '# Emphasis\n\n'; repeat '*a _b ' "$n"; } >"$dir/emphasis.md"
    { printf '# Links\n\n'; repeat '[a](' "$n"; } >"$dir/brackets.md"
    { printf -- '---\n'; repeat 'a: [' "$n"; printf -- '\n---\n# Front\n\nbody\n'; } >"$dir/front-matter.md"
    { printf '{"title":"Long body","body":"'; repeat 'word ' "$n"; printf '"}'; } >"$dir/long-body.json"
    { printf 'From a@b Mon Jan  1 00:00:00 2024\nSubject: Long message\n\n'; yes 'word word word word' | head -c "$n"; } >"$dir/long-message.mbox"
}

# expected_status NAME BYTES: the exit status of `indexer --db DB FILE` for each input made
# BYTES long: 1 when it holds no article or a bad record. wide-object.json holds BYTES / 2
# values: past 2,097,152 (formats/json.h) it is refused.
expected_status() {
    case "$1" in
        wide-object.json) [ $(($2 / 2)) -gt 2097152 ] && echo 1 || echo 0 ;;
        deep-array.json | deep-object.json | numbers.json | numbers.jsonl | \
            garbage.jsonl | tables.html | mostly-bad.json) echo 1 ;;
        *) echo 0 ;;
    esac
}
