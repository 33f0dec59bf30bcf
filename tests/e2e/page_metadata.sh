#!/usr/bin/env bash
# Issue 14 items 4 and 5 through the real binaries: a saved page's site name, section,
# language and photo caption are read (--inspect), indexed as fields (sitename:, section:,
# lang:, caption:, the lang and section facets), and the caption never reaches the body or
# its snippets.
. "$(dirname "$0")/lib.sh"

pages="$SCRATCH/pages"
mkdir -p "$pages"
cat >"$pages/quay.html" <<'HTML'
<!DOCTYPE html>
<html lang="de-AT">
<head>
<title>Hafen wieder offen</title>
<meta property="og:site_name" content="Der Hafenbote">
<meta property="article:section" content="Lokales">
<link rel="canonical" href="https://hafenbote.example/lokales/hafen-offen">
</head>
<body>
<nav><a href="/">Start</a> <a href="/lokales">Lokales</a></nav>
<article>
<h1>Hafen wieder offen</h1>
<figure><img src="kai.jpg"><figcaption>Kormorane sitzen auf der reparierten Kaimauer.
<span class="credit">Foto: Lena Brandt</span></figcaption></figure>
<p>Nach drei Wochen Bauzeit ist der Hafen seit Montag wieder offen, teilte die Hafenbehörde mit.
Die ersten Fähren werden am Nachmittag erwartet, die Fischer dürfen ihre Boote zurückbringen.</p>
<p>Einige Liegeplätze bleiben bis zum Frühjahr gesperrt, weil die Kaimauer dort noch
verstärkt werden muss, sagte ein Sprecher der Behörde am Dienstag.</p>
</article>
</body>
</html>
HTML
cat >"$pages/ferry.html" <<'HTML'
<!DOCTYPE html>
<html lang="en">
<head><title>Ferry Timetable Changes</title>
<meta property="og:site_name" content="Coastal Times"></head>
<body><article><h1>Ferry Timetable Changes</h1>
<p>The island ferry will run every two hours from Monday, the operator said, because one of
its two ships needs repairs to its engines before the summer season begins.</p>
<p>Passengers with bookings will be moved to the nearest sailing without charge, the
operator added in a statement on its website.</p>
</article></body></html>
HTML

run "$INDEXER" --inspect "$pages/quay.html"
expect_status 0
expect_equal "inspect: site name, section, language, caption, credit" \
    "$(jq -c '[.site_name, .section, .lang, .captions, .photo_credits]' "$SCRATCH/stdout")" \
    '["Der Hafenbote","Lokales","de",["Kormorane sitzen auf der reparierten Kaimauer."],["Lena Brandt"]]'
expect_equal "inspect: the caption is no body text" \
    "$(jq -r '.body_chars > 100' "$SCRATCH/stdout")" true

db="$SCRATCH/db"
run "$INDEXER" --db "$db" "$pages"
expect_status 0
search() { run "$SEARCHER" --db "$db" --color never "$@"; }
titles() { jq -r '[.hits[].title] | join("|")' "$SCRATCH/stdout"; }

search --format json caption:kormorane
expect_status 0
expect_equal "caption: finds the caption's word" "$(titles)" "Hafen wieder offen"
search --format json caption:brandt
expect_equal "caption: finds the credit" "$(titles)" "Hafen wieder offen"
search --format json caption:fähren
expect_status 1
expect_equal "caption: does not find body words" "$(titles)" ""
# A body word: the snippet is the body's, without the caption.
search --format json Liegeplätze
expect_equal "a body word finds the page" "$(titles)" "Hafen wieder offen"
expect_equal "its snippet is body text" "$(jq -r '.hits[0].snippet | contains("Liegeplätze")' "$SCRATCH/stdout")" true
expect_equal "its snippet holds no caption" "$(jq -r '.hits[0].snippet | contains("Kormorane")' "$SCRATCH/stdout")" false
# The caption's words are found without a field too, and still show no caption.
search --format json Kormorane
expect_equal "a caption word without a field" "$(titles)" "Hafen wieder offen"
expect_equal "whose snippet holds no caption" "$(jq -r '.hits[0].snippet | contains("Kormorane")' "$SCRATCH/stdout")" false

search --format json 'lang:de'
expect_equal "lang:de" "$(titles)" "Hafen wieder offen"
search --format json 'lang:DE-at'
expect_equal "lang: normalised as indexed" "$(titles)" "Hafen wieder offen"
search --format json --limit 5 '* lang:en'
expect_equal "lang:en" "$(titles)" "Ferry Timetable Changes"
search --format json 'section:lokales'
expect_equal "section:" "$(titles)" "Hafen wieder offen"
search --format json 'sitename:"coastal times"'
expect_equal "sitename:" "$(titles)" "Ferry Timetable Changes"
search --format json --facet lang --facet section '*'
expect_equal "lang facet" "$(jq -c '.facets.lang' "$SCRATCH/stdout")" \
    '[{"value":"de","count":1},{"value":"en","count":1}]'
expect_equal "section facet" "$(jq -c '.facets.section' "$SCRATCH/stdout")" \
    '[{"value":"Lokales","count":1}]'
finish
