#!/usr/bin/env bash
# Indexing and --inspect read files through one loader (formats::read_file_bytes and
# file_text), so they refuse a bad file with the same words, and a FIFO never blocks either.
. "$(dirname "$0")/lib.sh"

dir="$SCRATCH/bad"
mkdir -p "$dir"
: >"$dir/empty.txt"
printf 'text\0more\n' >"$dir/nul.txt"
printf 'Title\n\nBody\n' | gzip -c | head -c 20 >"$dir/truncated.txt.gz"
mkfifo "$dir/pipe.txt"
head -c 20000 /dev/urandom | tr -d '\0' >"$dir/random.txt"  # binary without a NUL byte
for name in empty.txt nul.txt truncated.txt.gz pipe.txt random.txt; do
    path="$dir/$name"
    timeout 20 "$INDEXER" --inspect "$path" >/dev/null 2>"$SCRATCH/inspect.err"
    inspect_status=$?
    timeout 20 "$INDEXER" --db "$SCRATCH/db" "$path" >/dev/null 2>"$SCRATCH/index.err"
    index_status=$?
    checks=$((checks + 2))
    [ "$inspect_status" -ne 124 ] && [ "$index_status" -ne 124 ] || fail "$name: a command hung"
    problem=$(sed -n "s|^indexer: $path: ||p" "$SCRATCH/inspect.err" | head -1)
    [ -n "$problem" ] || fail "$name: --inspect named no problem: $(cat "$SCRATCH/inspect.err")"
    grep -qxF "indexer: $path: $problem" "$SCRATCH/index.err" ||
        fail "$name: indexing said '$(cat "$SCRATCH/index.err")', --inspect said '$problem'"
done

# --- A file the indexer may not read names the reason (issue 20 item 17). Root reads every
# file, so as root the indexer runs as nobody (setpriv, util-linux) over a world-readable
# folder holding one unreadable file.
perm=$(mktemp -d /tmp/newsindex-perm.XXXXXX)
chmod 755 "$perm"
mkdir -m 777 "$perm/in" "$perm/db-parent"
make_article "$perm/in/open.txt" "Open story" "https://example.test/open" "Readable words."
make_article "$perm/in/secret.txt" "Secret story" "https://example.test/secret" "Hidden words."
chmod 644 "$perm/in/open.txt"
chmod 000 "$perm/in/secret.txt"
as_reader=()
if [ "$(id -u)" = 0 ]; then
    command -v setpriv >/dev/null && as_reader=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
fi
if [ "$(id -u)" != 0 ] || [ ${#as_reader[@]} -gt 0 ]; then
    run "${as_reader[@]}" "$INDEXER" --db "$perm/db-parent/db" "$perm/in"
    expect_status 1
    expect_stderr_has "secret.txt: cannot open for reading: Permission denied"
    expect_stderr_lines 1
else
    echo "skipped: running as root without setpriv, every file is readable"
fi
rm -rf "$perm"

finish
