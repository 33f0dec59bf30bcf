#!/usr/bin/env bash
# The full kill -9 torture (issue 19 item 2): about 2,000 files of five formats, at least 20
# SIGKILLs at seeded pseudo-random moments of creation, small batches, --full, --rebuild,
# --compact and runs after edits; after each, xapian-check and a plain rerun that must equal a
# clean index (documents, file states, aliases). CI runs the bounded version
# (tests/e2e/kill_torture.sh with its defaults, about 240 files).
#
#   tests/bench/kill_torture.sh [BUILD_DIR]        (default: build)
#   TORTURE_SEED=7 KILLS=40 tests/bench/kill_torture.sh     another sequence, more kills
#
# It prints one line per kill and "N of N kills converged"; exit 0 when all did.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
build=${1:-$source_dir/build}
export INDEXER="$build/bin/indexer" SEARCHER="$build/bin/searcher" SOURCE_DIR="$source_dir"
export TORTURE_FULL=1
export KILLS=${KILLS:-20}
exec bash "$source_dir/tests/e2e/kill_torture.sh"
