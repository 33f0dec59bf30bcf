#!/usr/bin/env bash
# Control characters in an article never reach the terminal, and colour follows --color.
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/db"
printf 'Escape \033[2J Sequences In Titles\n\nBy Mallory\n\nMarch 3, 2022\n\nA bell \a and an escape \033]0;owned\a in the body of the harbour story.\n' \
    >"$SCRATCH/hostile.txt"
run "$INDEXER" --db "$db" "$SCRATCH/hostile.txt"
expect_status 0

for color in never always; do
    run "$SEARCHER" --db "$db" --color "$color" harbour
    expect_status 0
    # Only the searcher's own SGR colour sequences ("ESC [ digits m") may remain.
    stray=$(sed 's/\x1b\[[0-9;]*m//g' "$SCRATCH/stdout" | tr -d '\n' | LC_ALL=C grep -c $'[\x01-\x08\x0b-\x1f\x7f]')
    expect_equal "stray control characters with --color $color" "$stray" 0
done
run "$SEARCHER" --db "$db" --color never harbour
checks=$((checks + 1))
! grep -q $'\x1b' "$SCRATCH/stdout" || fail "--color never printed an escape"
run "$SEARCHER" --db "$db" --color always harbour
expect_stdout_has $'\x1b[1;31mharbour\x1b[0m'

run "$SEARCHER" --db "$db" --format json harbour
expect_equal "JSON title" "$(jq -r '.hits[0].title' "$SCRATCH/stdout")" "Escape [2J Sequences In Titles"

# A file name with control characters and a byte that is not UTF-8: machine formats keep the
# exact path recoverable (-0 exact; TSV and paths escaped as printf '%b' reads them back), and
# nothing raw reaches a terminal.
odd_dir="$SCRATCH/odd"
mkdir -p "$odd_dir"
odd_name=$'odd\rname\e]0;x\a\nline\xff.txt'
printf 'Odd Name Story\n\nBy Mallory\n\nMarch 4, 2022\n\nThe quokkaword appears in a file with an odd name.\n' \
    >"$odd_dir/$odd_name"
run "$INDEXER" --db "$db" "$odd_dir"
expect_status 0
run "$SEARCHER" --db "$db" --format paths -0 quokkaword
checks=$((checks + 1))
[ "$(tr -d '\0' <"$SCRATCH/stdout")" = "$odd_dir/$odd_name" ] || fail "paths -0 did not give the exact path"
for format in paths tsv; do
    run "$SEARCHER" --db "$db" --format "$format" --fields path quokkaword
    expect_status 0
    line=$(tail -n 1 "$SCRATCH/stdout")
    expect_equal "$format lines for one odd path" "$(wc -l <"$SCRATCH/stdout")" "$([ "$format" = tsv ] && echo 2 || echo 1)"
    checks=$((checks + 1))
    LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$SCRATCH/stdout" && fail "$format printed raw control bytes"
    checks=$((checks + 1))
    [ "$(printf '%b' "$line")" = "$odd_dir/$odd_name" ] || fail "$format path does not read back as the real path"
done

finish
