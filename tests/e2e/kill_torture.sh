#!/usr/bin/env bash
# kill -9 torture (issue 19 item 2): the indexer is killed with SIGKILL at pseudo-random moments
# of creation, small batches, --full, --rebuild, --compact and runs after edits and deletions.
# After each kill xapian-check must pass, and one plain rerun must leave a database equal to a
# clean index of the same files: the same documents (terms, values, data), the same file states
# and the same collection-wide aliases and counts. A rerun that does not is counted as a kill
# that did not converge, and fails the test.
#
# CI runs a bounded version (KILLS=20 over about 240 files; skipped under AddressSanitizer);
# TORTURE_FULL=1 runs about 2,000 files (tests/bench/kill_torture.sh). TORTURE_SEED picks
# another reproducible sequence of moments and operations; KILLS and TORTURE_FILES override.
. "$(dirname "$0")/lib.sh"

seed=${TORTURE_SEED:-20261130}
if [ "${TORTURE_FULL:-0}" = 1 ]; then
    files=${TORTURE_FILES:-2000}
    kills=${KILLS:-20}
elif grep -qa __asan_init "$INDEXER" && [ -z "${TORTURE_UNDER_ASAN:-}" ]; then
    # A check of convergence, which the plain build makes; under ASan the same runs take
    # minutes, and the memory errors they could show the other tests cover.
    echo "skipped under AddressSanitizer (TORTURE_UNDER_ASAN=1 runs it anyway)"
    exit 0
else
    files=${TORTURE_FILES:-240}
    kills=${KILLS:-20}
fi

# rnd N: a pseudo-random number in [0, N) into $r, from a seeded LCG (bash's own $RANDOM
# sequence may change between versions; this one does not).
rnd() {
    seed=$(((seed * 1103515245 + 12345) % 2147483648))
    r=$(((seed / 65536) % $1))
}
pick() {
    rnd $#
    shift "$r"
    picked=$1
}

firsts=(Jonathan Maria Antony Anne Petra Kwame Amelia Donald Olga Ravi)
lasts=(Creek Creek Blinken Blinken Novak Mensah Novak Trump Petrova Shah)
places=(Paris Vienna Kyiv Ohio Lagos Lisbon Manila Quito)
orgs=("Organization of Petroleum Exporting Countries|OPEC" "European Central Bank|ECB"
    "North Atlantic Treaty Organization|NATO" "World Health Organization|WHO")
nouns=(harbour budget pipeline election bridge tariff vaccine ferry school rail)
verbs=(rise fall open close grow shrink resume stall)
days=(Monday Tuesday Wednesday Thursday Friday)
numbers=(one two three four five six seven eight nine ten)

# sentence: one sentence of news into $sentence; people are named in full, alone by their last
# name, organisations defined with their acronym or by it alone, so that the resolver has
# collection-wide aliases to learn and to change its mind about as files come and go.
sentence() {
    local person last place org noun verb day
    rnd 10
    person="${firsts[$r]} ${lasts[$r]}"
    last=${lasts[$r]}
    pick "${places[@]}"
    place=$picked
    pick "${orgs[@]}"
    org=$picked
    pick "${nouns[@]}"
    noun=$picked
    pick "${verbs[@]}"
    verb=$picked
    pick "${days[@]}"
    day=$picked
    rnd 6
    case $r in
        0) sentence="$person met officials in $place on $day." ;;
        1) sentence="$last said on $day that the $noun would $verb." ;;
        2) sentence="Ministers of the ${org%|*} (${org#*|}) met in $place on $day." ;;
        3) sentence="${org#*|} said the $noun would $verb in $place." ;;
        4) sentence="The ${org%|*} said on $day that $noun prices would $verb." ;;
        *) sentence="Officials in $place expect the $noun to $verb, $last told reporters." ;;
    esac
}

# story N: a title into $title and a body of three to five sentences into $body, the same for
# the same N (the sequence of the set is left as it was); 'number' and N spelt out keep each
# story's text its own.
story() {
    local count i outer=$seed
    seed=$(($1 * 7919 + 17))
    rnd 3
    count=$((r + 3))
    pick "${nouns[@]}"
    title="The ${picked^} Story $1"
    body="Story number ${numbers[$(($1 % 10))]} ${numbers[$(($1 / 10 % 10))]} of $1."
    for ((i = 0; i < count; i++)); do
        sentence
        body+=" $sentence"
    done
    seed=$outer
}

# make_set DIR COUNT: COUNT files in ten folders, of five formats, with copies of other files
# and the same text again in another file under another name.
make_set() {
    local dir=$1 count=$2 i j file kind
    for ((i = 0; i < 10; i++)); do mkdir -p "$dir/f$i"; done
    for ((i = 0; i < count; i++)); do
        file="$dir/f$((i % 10))/a$i"
        kind=$((i % 10))
        story "$i"
        case $kind in
            0 | 1 | 2 | 3)
                printf '%s\n\nBy %s\n\nMarch %d, 2022\n\n%s\n\nOriginal url:\n\n<https://n.example/%d>\n' \
                    "$title" "${firsts[$((i % 10))]} ${lasts[$((i % 10))]}" $((i % 28 + 1)) "$body" "$i" >"$file.txt"
                ;;
            4)
                printf -- '---\ntitle: "%s"\nauthor: %s\ndate: 2022-04-%02d\n---\n\n%s\n' \
                    "$title" "${firsts[$((i % 7))]} ${lasts[$((i % 7))]}" $((i % 28 + 1)) "$body" >"$file.md"
                ;;
            5)
                {
                    printf '[{"title":"%s","url":"https://n.example/%d","body":"%s"}' "$title" "$i" "$body"
                    for j in 1 2; do
                        story "$i$j"
                        printf ',\n {"title":"%s","body":"%s","date":"2022-05-%02d"}' "$title" "$body" "$j"
                    done
                    printf ']\n'
                } >"$file.json"
                ;;
            6)
                for j in 1 2 3 4; do
                    story "$i$j"
                    printf '{"title":"%s","author":"Jane Doe","body":"%s"}\n' "$title" "$body"
                done >"$file.jsonl"
                ;;
            7) cp "$dir/f$(((i - 7) % 10))/a$((i - 7)).txt" "$file.txt" ;; # a copy
            8)                                                             # a .txt's text again, as JSON Lines, no URL
                story $((i - 8))
                printf '{"title":"%s","body":"%s"}\n' "$title" "$body" >"$file.jsonl"
                ;;
            *) # a short one that names people by their last name alone
                printf '%s\n\nBy Desk\n\n%s said on Monday that talks went well. %s agreed.\n' \
                    "Short Note $i" "${lasts[$((i % 10))]}" "${lasts[$(((i + 3) % 10))]}" >"$file.txt"
                ;;
        esac
    done
}

# mutate DIR: deletes about one file in thirty, edits as many (a new text, or the same text in
# another file's place) and adds a few.
mutate() {
    local dir=$1 file n=0
    while IFS= read -r file; do
        n=$((n + 1))
        rnd 30
        case $r in
            0) rm "$file" ;;
            1)
                story $((n + 100000))
                case $file in
                    *.txt) printf '%s\n\nBy Desk\n\n%s\n' "$title" "$body" >"$file" ;;
                    *.md) printf '# %s\n\n%s\n' "$title" "$body" >"$file" ;;
                    *) printf '{"title":"%s","body":"%s"}\n' "$title" "$body" >"$file" ;;
                esac
                ;;
            2) [ ! -e "$dir/f0/a0.txt" ] || [ "$file" = "$dir/f0/a0.txt" ] || cp "$dir/f0/a0.txt" "${file%.*}.txt" ;;
            3)
                story $((n + 200000))
                printf '%s\n\nBy %s\n\n%s\n' "$title" "${firsts[$((n % 10))]} ${lasts[$((n % 10))]}" \
                    "$body" >"$dir/f$((n % 10))/new$n.txt"
                ;;
        esac
    done < <(find "$dir" -type f | LC_ALL=C sort)
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

dir="$SCRATCH/news"
db="$SCRATCH/db"
ref="$SCRATCH/ref"
make_set "$dir" "$files"

# reference: a clean index of the files as they are now, its dump, and how long it took.
reference() {
    local start
    rm -rf "$ref"
    start=$(now_ms)
    "$INDEXER" --db "$ref" "$dir" 2>"$SCRATCH/ref.stderr" ||
        fail "the clean run failed: $(head -c 400 "$SCRATCH/ref.stderr")"
    clean_ms=$(($(now_ms) - start))
    dump_documents "$ref" >"$SCRATCH/ref.documents"
    dump_metadata "$ref" '^(file|aliasa):' >"$SCRATCH/ref.metadata"
}
reference
echo "$files files, $(doc_count "$ref") documents, clean run ${clean_ms} ms; $kills kills, seed $seed"

# compare LABEL [full]: the database against the reference; with 'full', the values of every
# metadata key too (else those of the file: and aliasa: keys only by name, for speed).
compare() {
    local pattern='^(file|aliasa):'
    [ "${2:-}" != full ] || pattern=
    dump_documents "$db" >"$SCRATCH/dump.documents"
    dump_metadata "$db" "$pattern" >"$SCRATCH/dump.metadata"
    [ -z "$pattern" ] || cp "$SCRATCH/ref.metadata" "$SCRATCH/ref.metadata.cmp"
    [ -n "$pattern" ] || dump_metadata "$ref" >"$SCRATCH/ref.metadata.cmp"
    checks=$((checks + 1))
    if diff -u "$SCRATCH/ref.documents" "$SCRATCH/dump.documents" >"$SCRATCH/diff" &&
        diff -u "$SCRATCH/ref.metadata.cmp" "$SCRATCH/dump.metadata" >"$SCRATCH/diff"; then
        return 0
    fi
    fail "$1: the database differs from a clean index: $(head -c 2000 "$SCRATCH/diff")"
    return 1
}

# Operations a kill may hit, each with how long it takes as a multiple (in tenths) of the clean
# run: the delay before the kill is a random fraction of that.
operations=(create create-small-batches full-small-batches rebuild compact full-compact edited)
# A run that ends before its kill is not counted as one: the operation's estimate is halved and
# another is drawn, up to three runs a kill.
declare -A estimate
for operation in "${operations[@]}"; do estimate[$operation]=1; done
converged=0
k=0
runs=0
while [ "$k" -lt "$kills" ] && [ "$runs" -lt $((3 * kills)) ]; do
    runs=$((runs + 1))
    pick "${operations[@]}"
    operation=$picked
    pick 1 2
    jobs=$picked
    args=(--jobs "$jobs")
    tenths=10
    [ -d "$db" ] || [ "$operation" != compact ] || operation=create
    case $operation in
        create) rm -rf "$db" ;;
        create-small-batches)
            rm -rf "$db"
            pick 3 10 40
            args+=(--batch-size "$picked")
            tenths=20
            ;;
        full-small-batches)
            pick 3 10 40
            args+=(--full --batch-size "$picked")
            tenths=20
            ;;
        rebuild) args+=(--rebuild) ;;
        compact)
            args=(--compact)
            tenths=3
            ;;
        full-compact)
            args+=(--full --compact)
            tenths=15
            ;;
        edited)
            mutate "$dir"
            reference
            tenths=5
            ;;
    esac
    [ "$operation" = compact ] || args+=("$dir")
    rnd $((clean_ms * tenths / 10 / estimate[$operation] + 1))
    delay_ms=$r
    "$INDEXER" --db "$db" "${args[@]}" >/dev/null 2>"$SCRATCH/killed.stderr" &
    pid=$!
    sleep "$((delay_ms / 1000)).$(printf '%03d' $((delay_ms % 1000)))"
    kill -9 "$pid" 2>/dev/null
    { wait "$pid"; } 2>/dev/null # no "Killed" line from bash
    killed_status=$?
    if [ "$killed_status" -eq 137 ]; then
        k=$((k + 1))
        moment="kill $k ($operation ${args[*]%"$dir"}, after $delay_ms ms)"
    else
        moment="run $runs ($operation ${args[*]%"$dir"}, ended before the kill after $delay_ms ms)"
        estimate[$operation]=$((estimate[$operation] * 2))
        [ "$killed_status" -eq 0 ] ||
            fail "$moment: the run failed (status $killed_status): $(head -c 400 "$SCRATCH/killed.stderr")"
    fi
    if [ -d "$db" ]; then
        checks=$((checks + 1))
        xapian-check "$db" >"$SCRATCH/check" 2>&1 || fail "$moment: xapian-check fails: $(tail -c 600 "$SCRATCH/check")"
    fi
    run "$INDEXER" --db "$db" "$dir"
    expect_status 0
    if compare "$moment"; then
        [ "$killed_status" -ne 137 ] || converged=$((converged + 1))
        echo "$moment: converged"
    else
        echo "$moment: DID NOT CONVERGE"
        # Start the next kill from a good database, so one fault is counted once.
        rm -rf "$db"
        cp -a "$ref" "$db"
    fi
done
compare "after the last kill" full
leftovers=$(cd "$SCRATCH" && echo db.*)
[ "$leftovers" = 'db.*' ] || echo "left beside the database by killed runs: $leftovers"
echo "$converged of $k kills converged ($runs runs)"
expect_equal "kills that converged" "$converged of $k" "$kills of $kills"
finish
