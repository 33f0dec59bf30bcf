#!/usr/bin/env bash
# The searcher answers the query as typed, says when it does not, and prints nothing for
# people that could drive their terminal (issue: "Answers a user can trust"). The corpus is
# the bundled one; each block names the behaviour it pins.
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/db"
run "$INDEXER" --db "$db" "$SOURCE_DIR/corpus"
expect_status 0
total=$(doc_count "$db")
count() { "$SEARCHER" --db "$db" --count -- "$1"; }

# Exclusions alone mean "every article without"; '*' is every article.
milley=$(count Milley)
[ "$milley" -gt 0 ] || fail "no Milley articles in the corpus"
while IFS='|' read -r query expected; do
    expect_equal "count of '$query'" "$(count "$query")" "$(eval echo "$expected")"
done <<'TABLE'
-Milley|$((total - milley))
NOT Milley|$((total - milley))
* -Milley|$((total - milley))
*|$total
* date:2022|$(count date:2022)
* Milley|$milley
TABLE

# A count, paths, jsonl and tsv answer the query as typed: no article names both.
for format in count paths jsonl tsv; do
    run "$SEARCHER" --db "$db" --format "$format" --limit 0 'Milley Lagarde'
    expect_status 1
    case $format in
        count) expect_equal "--format count of two unrelated names" "$(cat "$SCRATCH/stdout")" 0 ;;
        tsv) expect_equal "tsv of two unrelated names" "$(wc -l <"$SCRATCH/stdout")" 1 ;;  # header
        *) expect_empty stdout ;;
    esac
done
run "$SEARCHER" --db "$db" --format paths --any --limit 0 'Milley Lagarde'
expect_status 0
expect_equal "--any says it explicitly" "$(wc -l <"$SCRATCH/stdout")" "$(count 'Milley OR Lagarde')"
# Where the fallback is used, it is said, and the status stays "no match".
run "$SEARCHER" --db "$db" --format json 'Milley Lagarde'
expect_status 1
expect_equal "json says it fell back" "$(jq '.fell_back_to_any' "$SCRATCH/stdout")" true
run "$SEARCHER" --db "$db" 'Milley Lagarde'
expect_status 1
expect_stderr_has "no article has all the words"

# Did-you-mean: never for correctly spelt words, stop words or words that match.
for query in 'Powell taper' 'Why did the Bank of England surprise markets by holding interest rates?'; do
    run "$SEARCHER" --db "$db" --format json "$query"
    expect_equal "no suggestion for '$query'" "$(jq -r '.did_you_mean' "$SCRATCH/stdout")" null
done
run "$SEARCHER" --db "$db" --format json 'Putn Gazprom'
expect_equal "a misspelt name is corrected" "$(jq -r '.did_you_mean' "$SCRATCH/stdout")" "putin Gazprom"

# A field without a value is a query error, not a search for plain words.
run "$SEARCHER" --db "$db" 'date:'
expect_status 2
expect_stderr_has 'date: needs a value'

# --batch honours --format and --count, one block per input line, blank lines included.
printf 'Milley\n\nLagarde\n' >"$SCRATCH/queries"
run "$SEARCHER" --db "$db" --batch --count <"$SCRATCH/queries"
expect_status 2
expect_equal "batch counts line up with the queries" "$(paste -sd, "$SCRATCH/stdout")" \
    "$milley,,$(count Lagarde)"
expect_stderr_has 'line 2: query "": is empty'
printf 'Milley\nLagarde\n' >"$SCRATCH/queries"
run "$SEARCHER" --db "$db" --batch --format tsv --fields title --limit 1 <"$SCRATCH/queries"
expect_status 0
expect_equal "batch tsv header" "$(head -1 "$SCRATCH/stdout")" "$(printf 'query_line\tquery\ttitle')"
expect_equal "batch tsv query column" "$(tail -n +2 "$SCRATCH/stdout" | cut -f1,2 | paste -sd,)" \
    "$(printf '1\tMilley,2\tLagarde')"
run "$SEARCHER" --db "$db" --batch --format jsonl --limit 2 <"$SCRATCH/queries"
expect_equal "batch jsonl lines name their query" "$(jq -r '"\(.query_line) \(.query)"' "$SCRATCH/stdout" | paste -sd,)" \
    "1 Milley,1 Milley,2 Lagarde,2 Lagarde"

# Numbers are validated.
for option in '--limit -1' '--offset -1' '--limit 1e9' '--limit x'; do
    run "$SEARCHER" --db "$db" $option Milley
    expect_status 2
done

# Nothing printed for people can drive the terminal: queries echoed in errors are escaped,
# bidirectional overrides in articles are dropped from text output (kept in JSON).
run "$SEARCHER" --db "$db" $'\e]0;owned\a date:2022-13'
expect_status 2
checks=$((checks + 1))
LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$SCRATCH/stderr" && fail "raw control bytes in the error message"
expect_stderr_has '"\e]0;owned\x07 date:2022-13"'
printf 'Override Reversal Story\n\nBy Mallory\n\nMarch 3, 2022\n\nThe zanzibarword harbour \xe2\x80\xaecod.exe\xe2\x80\xac appears.\n' \
    >"$SCRATCH/bidi.txt"
run "$INDEXER" --db "$db" "$SCRATCH/bidi.txt"
run "$SEARCHER" --db "$db" --color never zanzibarword
checks=$((checks + 1))
grep -q $'\xe2\x80\xae' "$SCRATCH/stdout" && fail "a right-to-left override reached text output"
expect_stdout_has "cod.exe"
run "$SEARCHER" --db "$db" --format json zanzibarword
expect_stdout_has $'\xe2\x80\xae'

# --color auto on a terminal: colour, unless NO_COLOR is set or TERM is dumb.
if script -qc true /dev/null >/dev/null 2>&1; then
    on_tty() { script -qc "$*" /dev/null </dev/null; }
    escapes() { on_tty "$@" | LC_ALL=C grep -c $'\x1b\\[' || true; }
    [ "$(TERM=xterm escapes "$SEARCHER" --db "$db" Milley)" -gt 0 ] || fail "no colour on a terminal"
    expect_equal "NO_COLOR on a terminal" "$(NO_COLOR=1 TERM=xterm escapes "$SEARCHER" --db "$db" Milley)" 0
    expect_equal "TERM=dumb on a terminal" "$(TERM=dumb escapes "$SEARCHER" --db "$db" Milley)" 0
    checks=$((checks + 3))
else
    echo "answers_as_typed: script(1) cannot make a terminal here; colour checks skipped" >&2
fi

finish
