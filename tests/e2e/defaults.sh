#!/usr/bin/env bash
# Where the database is when --db is not given: $NEWSINDEX_DB, else the documented default.
. "$(dirname "$0")/lib.sh"

fixtures="$SOURCE_DIR/tests/data/search"

# The documented default under $HOME, shared by both programs.
run "$INDEXER" "$fixtures/general-testimony.txt"
expect_status 0
[ -d "$HOME/.local/share/newsindex/db" ] || fail "no database at the default path"
run "$SEARCHER" Milley
expect_status 0
expect_stdout_has "General Milley Testifies on Troop Readiness"

# XDG_DATA_HOME moves it.
XDG_DATA_HOME="$SCRATCH/xdg" run "$INDEXER" "$fixtures/rates-rise.txt"
[ -d "$SCRATCH/xdg/newsindex/db" ] || fail "XDG_DATA_HOME was not used"

# NEWSINDEX_DB wins over both, for both programs.
export NEWSINDEX_DB="$SCRATCH/from-env"
run "$INDEXER" "$fixtures/no-url.txt"
expect_status 0
run "$SEARCHER" harbour
expect_status 0
expect_stdout_has "Harbour Festival Draws Crowds"
run "$SEARCHER" Milley
expect_status 1

# --db wins over NEWSINDEX_DB.
run "$SEARCHER" --db "$HOME/.local/share/newsindex/db" Milley
expect_status 0

finish
