#!/usr/bin/env bash
# Installing: `cmake --install` into a scratch prefix gives the two programs under their
# installed names, manual pages that render and name every option --help lists, completion
# scripts that complete, and the guides; the installed programs index and search with the
# data installed beside them (not the source tree's). `cpack` builds a .deb holding the same
# files and declaring its dependencies. Needs BUILD_DIR (the build tree).
. "$(dirname "$0")/lib.sh"
: "${BUILD_DIR:?}"

prefix="$SCRATCH/prefix"
run cmake --install "$BUILD_DIR" --prefix "$prefix"
expect_status 0

for program in indexer searcher; do
    installed="$prefix/bin/newsindex-$program"
    checks=$((checks + 1))
    [ -x "$installed" ] || fail "newsindex-$program is not installed in $prefix/bin"
    checks=$((checks + 1))
    [ ! -e "$prefix/bin/$program" ] || fail "$program installed under its short name"

    run "$installed" --version
    expect_status 0
    expect_stdout_has "newsindex-$program (newsindex) "
    expect_stdout_has "database schema version "

    # The manual page renders, and every long option of --help appears in it.
    page="$prefix/share/man/man1/newsindex-$program.1"
    if command -v man >/dev/null; then
        run env MANWIDTH=100 man -l "$page"
        expect_status 0
        rendered=$(cat "$SCRATCH/stdout")
        for option in $("$installed" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
            checks=$((checks + 1))
            grep -qF -- "$option" <<<"$rendered" || fail "man page of newsindex-$program lacks $option"
        done
    else
        echo "install.sh: man is not installed; the pages' rendering is not checked" >&2
    fi

    checks=$((checks + 1))
    [ -s "$prefix/share/zsh/vendor-completions/_newsindex-$program" ] || fail "no zsh completion for $program"
    if command -v zsh >/dev/null; then
        run zsh -n "$prefix/share/zsh/vendor-completions/_newsindex-$program"
        expect_status 0
    fi
done
checks=$((checks + 1))
[ -s "$prefix/share/man/man7/newsindex-query.7" ] || fail "no newsindex-query(7)"
if command -v man >/dev/null; then
    run man -l "$prefix/share/man/man7/newsindex-query.7"
    expect_status 0
    # The page names every field of the query language.
    for field in title author date person org place lang; do
        expect_stdout_has "$field:"
    done
fi
for guide in output.md query-syntax.md configuration.md copyright; do
    checks=$((checks + 1))
    [ -s "$prefix/share/doc/newsindex/$guide" ] || fail "$guide is not installed"
done

# bash completion through its function, as bash calls it when Tab is pressed.
complete_words() {  # complete_words PROGRAM WORD... : prints the candidates for the last word
    local program=$1
    shift
    bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
             fn=$(complete -p "$1" | sed "s/.*-F \([^ ]*\).*/\1/"); "$fn"; printf "%s\n" "${COMPREPLY[@]}"' \
        _ "$prefix/share/bash-completion/completions/$program" "$program" "$@"
}
expect_equal "completion of --format j" "$(complete_words newsindex-searcher --format j | sort | tr '\n' ' ')" "json jsonl "
expect_equal "completion of --fac" "$(complete_words newsindex-searcher --fac | sort | tr '\n' ' ')" "--facet --facets-only "
expect_equal "completion of --sh" "$(complete_words newsindex-searcher --sh)" "--show"
expect_equal "completion of --facet pe" "$(complete_words newsindex-searcher --facet pe)" "person"
expect_equal "completion of a field" "$(complete_words newsindex-searcher 'Milley' pers)" "person:"
mkdir -p "$SCRATCH/dbs/news.db"
expect_equal "completion of --db" "$(cd "$SCRATCH" && complete_words newsindex-indexer --db dbs/ne)" "dbs/news.db"
expect_equal "completion of --summary" "$(complete_words newsindex-indexer --summary j)" "json"

# The installed programs at work, with the entity data installed beside them: the source tree
# is out of reach (NEWSINDEX_ENTITY_DATA unset, and the test never names it).
unset NEWSINDEX_ENTITY_DATA
db="$SCRATCH/installed.db"
run "$prefix/bin/newsindex-indexer" --db "$db" "$SOURCE_DIR/corpus"
expect_status 0
run "$prefix/bin/newsindex-searcher" --db "$db" --count '"Nord Stream 2"'
expect_status 0
installed_count=$(cat "$SCRATCH/stdout")
run "$SEARCHER" --db "$db" --count '"Nord Stream 2"'
expect_equal "installed and built searcher agree" "$(cat "$SCRATCH/stdout")" "$installed_count"
run "$prefix/bin/newsindex-searcher" --db "$db" --format json --facet person --limit 0 Milley
expect_status 0
checks=$((checks + 1))
jq -e '.facets.person | length > 0' "$SCRATCH/stdout" >/dev/null || fail "no person facet from the installed programs"

# The Debian package, built by cpack from the same install rules.
if command -v dpkg-deb >/dev/null && command -v dpkg-shlibdeps >/dev/null; then
    run cpack -G DEB --config "$BUILD_DIR/CPackConfig.cmake" -B "$SCRATCH/package"
    expect_status 0
    deb=$(ls "$SCRATCH"/package/newsindex_*.deb 2>/dev/null | head -1)
    checks=$((checks + 1))
    if [ -z "$deb" ]; then
        fail "cpack made no .deb: $(head -c 400 "$SCRATCH/stderr")"
    else
        contents=$(dpkg-deb -c "$deb")
        for file in ./usr/bin/newsindex-indexer ./usr/bin/newsindex-searcher \
            ./usr/share/man/man1/newsindex-indexer.1 ./usr/share/man/man7/newsindex-query.7 \
            ./usr/share/bash-completion/completions/newsindex-searcher \
            ./usr/share/newsindex/entities/model.bin ./usr/share/doc/newsindex/copyright; do
            checks=$((checks + 1))
            grep -qF -- " $file" <<<"$contents" || fail "the .deb lacks $file"
        done
        depends=$(dpkg-deb -f "$deb" Depends)
        for package in libxapian30 iso-codes tzdata libgweather-4-common; do
            checks=$((checks + 1))
            grep -qF "$package" <<<"$depends" || fail "the .deb does not depend on $package: $depends"
        done
    fi
else
    echo "install.sh: dpkg-deb or dpkg-shlibdeps missing; the package is not built" >&2
fi

finish
