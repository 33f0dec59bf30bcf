#!/usr/bin/env bash
# newsindex setup: installs the Debian 12 packages the project needs (only those missing),
# builds, and then either indexes corpus/ and runs an example search (demo) or runs the whole
# test suite in a normal, a sanitizer and a ThreadSanitizer build (test). See README.md.
#
#   ./setup.sh demo    install, build, index corpus/ into the default database, search
#   ./setup.sh test    install, build with warnings as errors and with ASan+UBSan, run all tests,
#                      run each fuzzer (readers, entity extractor, queries) for a bounded
#                      time, and run the tests of threads under ThreadSanitizer
set -euo pipefail
cd "$(dirname "$0")"

# Build dependencies; docs/dependencies.md says why each is here.
build_packages=(g++ make cmake libxapian-dev libboost-program-options-dev nlohmann-json3-dev zlib1g-dev
                libutf8proc-dev libuchardet-dev libgumbo-dev libcld2-dev iso-codes tzdata
                libgweather-4-common help2man)
# Test-only: Catch2 for unit tests; jq and xapian-tools (xapian-check, xapian-delve,
# xapian-metadata, xapian-tcpsrv) for the end-to-end tests; clang and its runtime libraries
# for the libFuzzer targets; xapian-omega (omindex) and quest (in xapian-tools) are the
# yardsticks of the benchmark's smoke run (tests/bench/run.sh); man-db, zsh, dpkg-dev and file
# for the install test (pages rendered, zsh completion parsed, the .deb built by cpack).
test_packages=(catch2 jq xapian-tools xapian-omega clang libclang-rt-14-dev man-db zsh dpkg-dev file)

jobs=$(nproc 2>/dev/null || echo 2)
tests_at_once=$((jobs * 2))

install_packages() {
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    echo "setup: installing ${missing[*]}" >&2
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# build DIR [CMAKE OPTIONS...] [--target TARGET...]
build() {
    local dir=$1 options=() targets=()
    shift
    while [ $# -gt 0 ]; do
        if [ "$1" = --target ]; then
            shift
            targets=(--target "$@")
            break
        fi
        options+=("$1")
        shift
    done
    cmake -S . -B "$dir" "${options[@]}" >/dev/null
    cmake --build "$dir" -j "$jobs" "${targets[@]}"
}

case "${1:-}" in
    demo)
        install_packages "${build_packages[@]}"
        build build -DCMAKE_BUILD_TYPE=Release -DNEWSINDEX_TESTS=OFF
        build/bin/indexer --verbose corpus
        build/bin/searcher --limit 5 "Nord Stream 2"
        ;;
    test)
        install_packages "${build_packages[@]}" "${test_packages[@]}"
        # Debug information at its lightest (line tables) in all three builds: compiling is about
        # half of the run's time, and a failure's report still names file and line.
        build build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
            -DNEWSINDEX_TESTS=ON -DNEWSINDEX_WERROR=ON
        # Two tests per core: the end-to-end tests spend much of their time starting processes
        # and waiting on them (measured on 2 cores, 2026-12-01: the plain suite 269 s with two
        # at a time, 229 s with four; under ASan 319 s with four).
        (cd build && ctest --output-on-failure -j "$tests_at_once")
        # One Clang build serves ASan/UBSan and libFuzzer: the whole suite runs under the
        # sanitizers there, the fuzz targets (label fuzz) included. -O1, as ASan advises: the
        # tests run several times faster than unoptimised, and reports keep their lines.
        CXX=clang++ build build-sanitize -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
            -DNEWSINDEX_TESTS=ON -DNEWSINDEX_WERROR=ON -DNEWSINDEX_SANITIZE=ON -DNEWSINDEX_FUZZ=ON \
            -DNEWSINDEX_BENCHMARKS=OFF
        # The two long concurrency tests run in the plain build and under ThreadSanitizer below;
        # the benchmarks are not built here: their smoke runs (label bench) check that the
        # commands work, which the plain build shows.
        (cd build-sanitize && ctest --output-on-failure -j "$tests_at_once" -LE "concurrency|bench")
        # ThreadSanitizer: only the two programs, and the tests of threads and processes side by
        # side (label threads). Every report goes to a file as well as failing its process, so
        # that a race in a process whose status a script ignores still fails the run.
        rm -rf build-tsan/tsan-report
        mkdir -p build-tsan/tsan-report
        CXX=clang++ build build-tsan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
            -DNEWSINDEX_TESTS=ON -DNEWSINDEX_WERROR=ON -DNEWSINDEX_TSAN=ON --target indexer searcher
        (cd build-tsan && TSAN_OPTIONS="log_path=$PWD/tsan-report/race" \
            ctest --output-on-failure -j "$jobs" -L threads)
        if [ -n "$(ls -A build-tsan/tsan-report)" ]; then
            cat build-tsan/tsan-report/* >&2
            echo "setup: ThreadSanitizer reported the races above" >&2
            exit 1
        fi
        ;;
    *)
        echo "usage: $0 demo|test" >&2
        exit 2
        ;;
esac
