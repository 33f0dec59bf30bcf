#!/usr/bin/env bash
# Whatever sequence of runs built a database, it must equal a clean index of the files there
# are now: the same documents with the same ids, path terms, text, record and entities (only
# docids may differ), whatever the batch size and wherever an earlier run stopped.
. "$(dirname "$0")/lib.sh"

# story FILE TITLE WORDS [URL]: a small article in the plain-text format.
story() {
    if [ -n "${4:-}" ]; then
        printf '%s\n\nBy Jane Doe\n\n%s\n\nOriginal url:\n\n<%s>\n' "$2" "$3" "$4" >"$1"
    else
        printf '%s\n\nBy Jane Doe\n\n%s\n' "$2" "$3" >"$1"
    fi
}
ferry() { story "$1" "Harbour Ferries" "Night ferries zanzibarword." "${2:-}"; }
other() { story "$1" "Market Prices" "Fish prices rose ${2:-again}." "${3:-}"; }
# Three people one may call Creek: a lone "Creek" is named after a full name only while no
# other full name claims it.
creek() { story "$1" "Council Vote" "Creek told the council on Monday that the vote would go ahead. Creek said more."; }
jonathan() { story "$1" "Harbour Plans" "The mayor Jonathan Creek opened the harbour on Tuesday. Jonathan Creek said it was good."; }
maria() { story "$1" "School Prize" "The teacher Maria Creek won the prize on Friday. Maria Creek thanked pupils."; }

# jl FILE WORD...: a JSON Lines file of one short story per word; with --batch-size 2 a file
# of three or more comes in parts (issue 20 item 11). 'ferry1' is the ferry story with URL
# n.example/1; 'creek', 'jonathan' and 'maria' are the stories above.
jl() {
    local file=$1 word
    shift
    : >"$file"
    for word in "$@"; do
        case "$word" in
            ferry1) printf '{"title":"Harbour Ferries","author":"Jane Doe","url":"https://n.example/1","body":"Night ferries zanzibarword."}\n' ;;
            creek) printf '{"title":"Council Vote","body":"Creek told the council on Monday that the vote would go ahead. Creek said more."}\n' ;;
            jonathan) printf '{"title":"Harbour Plans","body":"The mayor Jonathan Creek opened the harbour on Tuesday. Jonathan Creek said it was good."}\n' ;;
            maria) printf '{"title":"School Prize","body":"The teacher Maria Creek won the prize on Friday. Maria Creek thanked pupils."}\n' ;;
            *) printf '{"title":"Story %s","url":"https://n.example/j%s","body":"Words of story %s, storyword."}\n' "$word" "$word" "$word" ;;
        esac >>"$file"
    done
}
# OPEC defined once with a misspelling, written correctly by two others: the name most
# articles give wins, whatever came first.
opecbad() { story "$1" "Oil Ministers Meet" "Ministers of the Organiaation of Petroleum Exporting Countries (OPEC) met in Vienna on Monday."; }
opecgood() { story "$1" "Output Talks" "The Organization of Petroleum Exporting Countries said on Tuesday that output would fall."; }
opecgood2() { story "$1" "Price Accord" "Prices set by the Organization of Petroleum Exporting Countries rose on Friday."; }
opeclone() { story "$1" "Quota Row" "OPEC said on Thursday that the quota row was over."; }
# A lone Trump the extractor guesses to be an organisation: a person once articles name him in
# full, an organisation again when enough articles use the word alone as one.
trumplone() { story "$1" "Sanctions Bill" "The bill includes asset freezes on Trump and other developers."; }
trumpfull() { story "$1" "Rally Speech" "Donald Trump spoke at a rally in Ohio on Monday. Trump said the economy was strong."; }
trumporg() { story "$1" "Tower Sale $2" "The sale includes shares of Trump and other developers, number $2."; }
# A name the extractor left a title on takes the full name once an article gives it.
titled() { story "$1" "Envoy Visit" "Secretary of State Antony Blinken flew to Kyiv on Monday. Blinken met officials."; }
antony() { story "$1" "Envoy Named" "Antony Blinken was named envoy on Friday, officials said."; }
anne() { story "$1" "Envoy Named $(basename "$1")" "Anne Blinken was named envoy on Friday, officials said."; }
blinken() { story "$1" "Talks Resume" "Blinken told reporters on Tuesday that talks would resume."; }
# Two full names ending in Novak: the lone Novak stands for the first until the second comes.
amelia() { story "$1" "Port Visit" "Amelia Novak visited the port on Monday."; }
petra() { story "$1" "Court Ruling" "Petra Novak won the case on Friday."; }
novak() { story "$1" "Budget Talks $(basename "$1")" "Novak said on Thursday that the budget would pass."; }

# NAME | STEPS: steps are separated by ';;', the indexer runs over the directory after each
# (with the options a step starts with in brackets, e.g. '[--batch-size 1]').
scenarios=(
    "edited duplicate|ferry a.txt; cp a.txt b.txt;; other a.txt"
    "edited duplicate, the other one|ferry a.txt; cp a.txt b.txt;; other b.txt"
    "deleted duplicate that gave the id|ferry a.txt; cp a.txt b.txt;; rm a.txt"
    "deleted duplicate that did not|ferry a.txt; cp a.txt b.txt;; rm b.txt"
    "same URL, text of the first deleted|ferry a.txt https://n.example/1; other b.txt x https://n.example/1;; rm a.txt"
    "same URL, text of the second deleted|ferry a.txt https://n.example/1; other b.txt x https://n.example/1;; rm b.txt"
    "same URL, second file first|other b.txt x https://n.example/1;; ferry a.txt https://n.example/1"
    "same text, later file first|ferry b.txt https://n.example/2;; ferry a.txt https://n.example/1"
    "same URL edited away|ferry a.txt https://n.example/1; other b.txt x https://n.example/1;; other a.txt y https://n.example/3"
    "a bridge between two documents|ferry a.txt https://n.example/1; other c.txt x https://n.example/2;; other b.txt x https://n.example/1;; rm b.txt"
    "three copies, middle one edited|ferry a.txt; cp a.txt b.txt; cp a.txt c.txt;; other b.txt"
    "alias taught then withdrawn, one batch a file|[--batch-size 1] creek x1.txt; jonathan x2.txt; maria x3.txt"
    "alias withdrawn by a later run|creek x1.txt; jonathan x2.txt;; maria x3.txt"
    "alias withdrawn, short name last|jonathan x2.txt; maria x3.txt;; creek x1.txt"
    "a JSON Lines file in parts|[--batch-size 2] jl f.jsonl 1 2 3 4 5 6 7"
    "a file in parts, on two threads|[--batch-size 2 --jobs 2] jl f.jsonl 1 2 3 4 5 6 7; jl g.jsonl 8 9 10 11 12"
    "a file in parts shrinks|[--batch-size 2] jl f.jsonl 1 2 3 4 5 6;; [--batch-size 2] jl f.jsonl 2 4 7"
    "parts repeating an article and another file's|ferry a.txt https://n.example/1;; [--batch-size 2] jl f.jsonl 1 2 ferry1 3 4 2 5"
    "an alias withdrawn between parts|[--batch-size 1] jl f.jsonl creek 1 jonathan 2 maria 3"
    "an alias withdrawn by a file in parts|creek x1.txt; jonathan x2.txt;; [--batch-size 1] jl f.jsonl 1 maria 2"
    "a deleted article's full name is forgotten|[--batch-size 1] jonathan x2.txt; maria x3.txt; creek x1.txt;; rm x3.txt"
    "acronym's winner changes in a later run|opecbad y1.txt; opeclone y4.txt;; opecgood y2.txt; opecgood2 y3.txt"
    "acronym's winner changes, one batch a file|[--batch-size 1] opeclone y4.txt; opecbad y1.txt; opecgood y2.txt; opecgood2 y3.txt"
    "a titled name takes the full name later, one batch a file|[--batch-size 1] titled d1.txt; blinken d2.txt; antony d3.txt"
    "a titled name's full name withdrawn by a later run|titled d1.txt; antony d3.txt;; anne d4.txt; anne d5.txt"
    "a lone word becomes a person|[--batch-size 1] trumplone t0.txt; trumpfull t1.txt"
    "an alias withdrawn after a batch that taught nothing|[--batch-size 1] amelia x1.txt; novak x2.txt; novak x3.txt; petra x4.txt"
    "a lone word becomes an organisation again|trumplone t0.txt; trumpfull t1.txt;; for i in 2 3 4 5 6; do trumporg t\$i.txt \$i; done"
)

n=0
for scenario in "${scenarios[@]}"; do
    n=$((n + 1))
    name=${scenario%%|*}
    steps=${scenario#*|}
    dir="$SCRATCH/s$n/news"
    db="$SCRATCH/s$n/db"
    mkdir -p "$dir"
    ok=1
    while [ -n "$steps" ]; do
        step=${steps%%;;*}
        case "$steps" in *';;'*) steps=${steps#*;;} ;; *) steps= ;; esac
        options=
        case "$step" in *'['*']'*) options=${step#*[} options=${options%%]*} step=${step#*]} ;; esac
        (cd "$dir" && eval "$step")
        # shellcheck disable=SC2086 # options are words
        jobs="--jobs 1"
        case "$options" in *--jobs*) jobs= ;; esac
        # shellcheck disable=SC2086 # options are words
        "$INDEXER" --db "$db" $jobs $options "$dir" 2>"$SCRATCH/stderr" || ok=0
    done
    [ "$ok" = 1 ] || fail "$name: an indexer run failed: $(head -c 300 "$SCRATCH/stderr")"
    "$INDEXER" --db "$SCRATCH/s$n/clean" --jobs 1 "$dir" 2>/dev/null
    dump_documents "$db" >"$SCRATCH/s$n/after-runs"
    dump_documents "$SCRATCH/s$n/clean" >"$SCRATCH/s$n/clean-dump"
    checks=$((checks + 1))
    diff -u "$SCRATCH/s$n/clean-dump" "$SCRATCH/s$n/after-runs" >"$SCRATCH/s$n/diff" ||
        fail "$name: the database differs from a clean index: $(head -c 1500 "$SCRATCH/s$n/diff")"
done

# What a user sees (issue 20): the edited file no longer hides its copy's article...
d="$SCRATCH/user/news"
db="$SCRATCH/user/db"
mkdir -p "$d"
ferry "$d/a.txt"
cp "$d/a.txt" "$d/b.txt"
run "$INDEXER" --db "$db" "$d"
other "$d/a.txt"
run "$INDEXER" --db "$db" --summary json "$d"
expect_status 0
expect_counts "1 0 1 0 0 0"
run "$SEARCHER" --db "$db" --count zanzibarword
expect_equal "articles with the copy's word after the edit" "$(cat "$SCRATCH/stdout")" 1
run "$SEARCHER" --db "$db" --format jsonl --fields path zanzibarword
expect_equal "path of the copy's article" "$(jq -r .path "$SCRATCH/stdout")" "$d/b.txt"
# ...and after the file that gave the id is deleted, the id printed finds the article.
ferry "$d/a.txt"
run "$INDEXER" --db "$db" "$d"
rm "$d/a.txt"
run "$INDEXER" --db "$db" "$d"
run "$SEARCHER" --db "$db" --format jsonl --fields id zanzibarword
id=$(jq -r .id "$SCRATCH/stdout")
expect_equal "id of the article left" "$id" "$d/b.txt"
run "$SEARCHER" --db "$db" --count "id:\"$id\""
expect_equal "articles found by the id printed" "$(cat "$SCRATCH/stdout")" 1
run "$SEARCHER" --db "$db" --count "id:\"$d/a.txt\""
expect_equal "articles found by the deleted file's id" "$(cat "$SCRATCH/stdout")" 0

# Entities do not depend on the batch size.
e="$SCRATCH/entities"
mkdir -p "$e"
creek "$e/x1.txt"
jonathan "$e/x2.txt"
maria "$e/x3.txt"
for size in 1 2 1000; do
    "$INDEXER" --db "$SCRATCH/e$size" --jobs 1 --batch-size "$size" "$e" 2>/dev/null
    run "$SEARCHER" --db "$SCRATCH/e$size" --count 'person:"Jonathan Creek"'
    expect_equal "articles naming Jonathan Creek, batches of $size" "$(cat "$SCRATCH/stdout")" 1
done
finish
