#!/usr/bin/env bash
# The settings file through the real programs: a plain `indexer` run indexes the configured
# sources into the configured database; the searcher takes its defaults from the file; the
# command line and NEWSINDEX_DB win; --no-config and --config; mistakes name the file.
. "$(dirname "$0")/lib.sh"

export XDG_CONFIG_HOME="$SCRATCH/config"
mkdir -p "$XDG_CONFIG_HOME/newsindex"
cat >"$XDG_CONFIG_HOME/newsindex/config" <<CONFIG
# written by configuration.sh
db = ~/configured.db

[indexer]
source = $SOURCE_DIR/corpus/nord-stream
source = $SOURCE_DIR/corpus/central-banks
quiet = true

[searcher]
format = tsv
limit = 2
CONFIG

run "$INDEXER"
expect_status 0
expect_empty stderr
configured_count=$(find "$SOURCE_DIR/corpus/nord-stream" "$SOURCE_DIR/corpus/central-banks" -name '*.txt' | wc -l)
expect_equal "the configured sources went into the configured database" \
    "$(doc_count "$HOME/configured.db")" "$configured_count"

run "$SEARCHER" Nord
expect_status 0
expect_equal "the file's format and limit" "$(head -1 "$SCRATCH/stdout" | cut -f1-3)" "$(printf 'rank\tscore\tdate')"
expect_equal "the file's limit" "$(wc -l <"$SCRATCH/stdout")" 3

# The command line wins over the file.
run "$SEARCHER" --format paths --limit 1 Nord
expect_equal "command line wins" "$(wc -l <"$SCRATCH/stdout")" 1
checks=$((checks + 1))
grep -q '^/' "$SCRATCH/stdout" || fail "--format paths did not win over the file's tsv"

# NEWSINDEX_DB wins over the file's db.
NEWSINDEX_DB="$SCRATCH/other.db" run "$SEARCHER" Nord
expect_status 3
expect_stderr_has "other.db"

# --no-config: the built-in defaults (and the default database, which does not exist here).
run "$SEARCHER" --no-config Nord
expect_status 3
run "$SEARCHER" --no-config --db "$HOME/configured.db" --format json Nord
expect_status 0
expect_equal "built-in limit" "$(jq '.hits | length' "$SCRATCH/stdout")" \
    "$("$SEARCHER" --no-config --db "$HOME/configured.db" --count Nord | awk '{print ($1 < 10 ? $1 : 10)}')"

# --config FILE instead of the default one.
printf '[searcher]\nformat = count\n' >"$SCRATCH/other.conf"
run "$SEARCHER" --config "$SCRATCH/other.conf" --db "$HOME/configured.db" Nord
expect_status 0
expect_equal "--config file" "$(cat "$SCRATCH/stdout")" \
    "$("$SEARCHER" --no-config --db "$HOME/configured.db" --count Nord)"

# Mistakes: one line naming the file and the key, exit 2; --help still works.
printf '[searcher]\nlmit = 3\n' >"$XDG_CONFIG_HOME/newsindex/config"
run "$SEARCHER" Nord
expect_status 2
expect_stderr_has "$XDG_CONFIG_HOME/newsindex/config"
expect_stderr_has "lmit"
run "$SEARCHER" --help
expect_status 0
run "$INDEXER" --config "$SCRATCH/missing.conf" "$SOURCE_DIR/corpus"
expect_status 2
expect_stderr_has "missing.conf"

finish
