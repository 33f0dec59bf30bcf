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

finish
