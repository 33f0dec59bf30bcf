// Accent folding for search: Latin letters with diacritics map to their base letters, so that
// "Zelenskyy Łukaszenka Bogotá" typed without accents finds the text printed with them (and
// the other way round when both sides are folded). Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace newsindex::text {

// Returns utf8 with each Latin letter carrying a diacritic (Latin-1 Supplement, Latin
// Extended-A, the common Latin Extended-B letters) replaced by its base letter or letters:
// "é" -> "e", "Ł" -> "L", "ß" -> "ss", "æ" -> "ae", "Ø" -> "O", "Þ" -> "TH". Combining marks
// (U+0300..U+036F) that follow an ASCII letter are dropped, so decomposed text folds as
// precomposed text does. Everything else, invalid bytes included, is copied unchanged. Case
// is kept.
std::string fold_accents(std::string_view utf8);

}  // namespace newsindex::text
