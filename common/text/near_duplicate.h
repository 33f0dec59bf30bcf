// Near-duplicate signatures of articles: a min-hash of the word 3-shingles of the title and
// body, small enough for a value slot, from which two articles' textual similarity can be
// estimated without their text. searcher --collapse folds hits whose signatures say they are
// copies of one story (a repeat, a correction, another desk's copy); docs/ranking.md gives
// the measurement behind the threshold. Pure functions of their arguments; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsindex::text {

// Min-hash values per signature. Each is kept as its low 16 bits (b-bit min-hashing): two
// signatures agree on a value with probability J + (1 - J) / 65536, J the Jaccard similarity
// of the two shingle sets, so the estimate's bias is below 2e-5 and its standard error
// sqrt(J (1 - J) / 128), 0.03 at J = 0.85.
inline constexpr std::size_t kSignatureValues = 128;
inline constexpr std::size_t kSignatureBytes = 2 * kSignatureValues;

// Two articles are near-duplicates when their signatures agree on at least this many of the
// kSignatureValues values: an estimated Jaccard similarity of their shingle sets of 0.70 or
// more. Measured on Reuters-21578 (tests/bench/near_duplicates.cc, docs/ranking.md).
inline constexpr std::size_t kNearDuplicateAgreeing = 90;

// Returns the signature of an article: kSignatureBytes bytes (each value little-endian), or
// "" when title and body hold no word. Words are the runs of ASCII letters and digits and of
// non-ASCII bytes, ASCII letters lowercased, so that case, punctuation and white space do not
// count; the title's words come first, then the body's. The shingles are the runs of three
// consecutive words (a text of one or two words is one shingle). Never throws but for
// std::bad_alloc.
std::string near_duplicate_signature(std::string_view title, std::string_view body);

// How many values two signatures agree on, 0..kSignatureValues; 0 when either is not a
// signature (empty, or of another length).
std::size_t agreeing_values(std::string_view a, std::string_view b);

// agreeing_values(a, b) / kSignatureValues: the estimated Jaccard similarity.
double estimated_similarity(std::string_view a, std::string_view b);

// Whether a and b are near-duplicates: agreeing_values(a, b) >= kNearDuplicateAgreeing.
bool near_duplicates(std::string_view a, std::string_view b);

// Keys for finding near-duplicate candidates without comparing every pair: the signature cut
// into kSignatureValues - kNearDuplicateAgreeing + 1 bands, each band's values hashed with
// its index. Two near-duplicates disagree on at most kSignatureValues -
// kNearDuplicateAgreeing values, so at least one band holds none of them: near-duplicates
// ALWAYS share a key (no pair is missed), while others may share one too (check with
// near_duplicates()). Empty for a string that is not a signature.
std::vector<std::uint64_t> near_duplicate_bands(std::string_view signature);

}  // namespace newsindex::text
