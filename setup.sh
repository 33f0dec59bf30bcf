#!/usr/bin/env bash
# newsindex setup: installs the Debian 12 packages the project needs (only those missing),
# builds, and then either indexes corpus/ and runs an example search (demo) or runs the whole
# test suite in a normal and a sanitizer build (test). See README.md.
#
#   ./setup.sh demo    install, build, index corpus/ into the default database, search
#   ./setup.sh test    install, build with warnings as errors and with ASan+UBSan, run all tests,
#                      and run each input reader's fuzzer, and the entity extractor's, for a
#                      bounded time
set -euo pipefail
cd "$(dirname "$0")"

# Build dependencies; docs/dependencies.md says why each is here.
build_packages=(g++ make cmake libxapian-dev libboost-program-options-dev nlohmann-json3-dev zlib1g-dev
                libutf8proc-dev libuchardet-dev libgumbo-dev iso-codes tzdata)
# Test-only: Catch2 for unit tests; jq and xapian-tools (xapian-check, xapian-delve,
# xapian-metadata, xapian-tcpsrv) for the end-to-end tests; clang and its runtime libraries
# for the libFuzzer targets; xapian-omega (omindex) and quest (in xapian-tools) are the
# yardsticks of the benchmark's smoke run (tests/bench/run.sh).
test_packages=(catch2 jq xapian-tools xapian-omega clang libclang-rt-14-dev)

jobs=$(nproc 2>/dev/null || echo 2)

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

# build DIR [CMAKE OPTIONS...]
build() {
    local dir=$1
    shift
    cmake -S . -B "$dir" "$@" >/dev/null
    cmake --build "$dir" -j "$jobs"
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
        build build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSINDEX_TESTS=ON -DNEWSINDEX_WERROR=ON
        (cd build && ctest --output-on-failure -j "$jobs")
        # One Clang build serves ASan/UBSan and libFuzzer: the whole suite runs under the
        # sanitizers there, the fuzz targets (label fuzz) included. -O1, as ASan advises: the
        # tests run several times faster than unoptimised, and reports keep their lines.
        CXX=clang++ build build-sanitize -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
            -DNEWSINDEX_TESTS=ON -DNEWSINDEX_WERROR=ON -DNEWSINDEX_SANITIZE=ON -DNEWSINDEX_FUZZ=ON
        (cd build-sanitize && ctest --output-on-failure -j "$jobs")
        ;;
    *)
        echo "usage: $0 demo|test" >&2
        exit 2
        ;;
esac
