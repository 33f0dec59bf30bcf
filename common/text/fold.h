// Folding for search: the one function the indexer applies to every text it indexes and the
// searcher to every query word, so that a word is found however its letters were written:
// "Straße" as "strasse", "Ørsted" as "Orsted", "ﬁnance" (a ligature) as "finance", "ＮＡＴＯ"
// (full-width) as "NATO", "Mélenchon" as "Melenchon". Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace newsindex::text {

// Returns text folded for matching. Invalid UTF-8 is first repaired (text::repair_utf8: each
// bad byte becomes U+FFFD), so nothing is dropped silently. Then each character outside ASCII
// is replaced, by libutf8proc, with its Unicode compatibility decomposition (NFKC: ligatures
// split, full-width and other presentation forms become plain letters and digits), case
// folded ("ß" -> "ss", "Σ" and "ς" -> "σ"), without combining marks ("é" -> "e", Greek and
// Cyrillic accents too) and without default-ignorable characters (soft hyphens, zero-width
// spaces and joiners), and recomposed. Letters that keep a stroke or are ligatures without a
// decomposition then become their base letters by a small table: "ø" -> "o", "æ" -> "ae",
// "œ" -> "oe", "ł" -> "l", "đ" and "ð" -> "d", "þ" -> "th", "ı" -> "i", "ħ" -> "h", "ŧ" -> "t"
// (capitals fold to these first). Symbols (Unicode category So: "™", "№", "℃") keep their
// form: their compatibility forms are letters ("TM") that would be glued to the word before.
//
// ASCII characters are copied as they are, capitals included: Xapian lowercases every word
// itself, and reads capitals where they mean something (the query operators AND, OR, NOT,
// NEAR; initials such as "U.S."). ASCII-only text takes a fast path (one scan and a copy).
// Folding may change the number of characters and, rarely, of words ("½" -> "1⁄2"); the
// same function on both sides keeps index and query in step.
std::string fold_for_search(std::string_view text);

}  // namespace newsindex::text
