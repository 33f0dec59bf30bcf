#!/usr/bin/env bash
# The benchmark's Reuters-21578 converter (tests/bench/reuters_convert.cc) through the real
# indexer: a story in the collection's SGML, written here, comes out as a plain-text article
# whose date line the indexer reads as the date, even when the DATE element ends in control
# codes and a desk code as some of the collection's do.
. "$(dirname "$0")/lib.sh"
: "${REUTERS_CONVERT:?}"

mkdir -p "$SCRATCH/sgml"
# The converter reads the collection's 22 files; all but the first are empty here.
for part in $(seq -w 1 21); do : >"$SCRATCH/sgml/reut2-0$part.sgm"; done
cat >"$SCRATCH/sgml/reut2-000.sgm" <<'SGML'
<REUTERS TOPICS="NO" NEWID="7">
<DATE>27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM</DATE>
<TEXT>&#2;
<TITLE>QUILLPORT MILLS RAISES PAYOUT</TITLE>
<DATELINE>    QUILLPORT, March 27 - </DATELINE><BODY>Quillport Mills Inc said it raised its
quarterly dividend to 12 cts a share.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
SGML
run "$REUTERS_CONVERT" --from "$SCRATCH/sgml" --to "$SCRATCH/txt"
expect_status 0
article="$SCRATCH/txt/0/7.txt"
expect_equal "date line without the codes" "$(sed -n 5p "$article")" "27-MAR-1987 00:02:59.13"
expect_equal "dateline starts the body" "$(sed -n 7p "$article" | cut -c1-20)" "QUILLPORT, March 27 "
inspected=$("$INDEXER" --inspect "$article")
expect_equal "the indexer's date" "$(jq -r .date <<<"$inspected")" "1987-03-27"
expect_equal "no MAR left in the body" "$(jq -r '.entities[].name' <<<"$inspected" | grep -c '^MAR$')" 0

finish
