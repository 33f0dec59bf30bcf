#!/usr/bin/env bash
# Indexing and --inspect read files through one loader (formats::read_file_bytes and
# file_text), so they refuse a bad file with the same words, and a FIFO never blocks either.
. "$(dirname "$0")/lib.sh"

dir="$SCRATCH/bad"
mkdir -p "$dir"
: >"$dir/empty.txt"
printf 'text\0more\n' >"$dir/nul.txt"
printf '\xff\xfeh\0i\0' >"$dir/utf16.txt"
printf 'Title\n\nBody\n' | gzip -c | head -c 20 >"$dir/truncated.txt.gz"
mkfifo "$dir/pipe.txt"
head -c 20000 /dev/urandom | tr -d '\0' >"$dir/random.txt"  # binary without a NUL byte
for name in empty.txt nul.txt utf16.txt truncated.txt.gz pipe.txt random.txt; do
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

finish
