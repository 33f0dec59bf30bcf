// The language of an article's text, for articles whose source declares none: Google's Compact
// Language Detector 2 (Debian's libcld2, 83 languages). docs/formats.md ("Language detection")
// gives its agreement with the declared languages of the dev pages, and docs/dependencies.md
// why CLD2 rather than libexttextcat.
//
// Thread safety: safe to call from any number of threads at once, with no set-up. CLD2 keeps
// each call's working state on the stack, reads only constant tables compiled into the library
// (Debian builds it without the mode that loads tables at run time), and takes no handle. Its
// only global writes are two variables of its HTML debug output, set to the same constants on
// every call and read only under a debug flag this function never passes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsindex::text {

// How much of a text detection reads: its first 16 KiB. The cost of a call is bounded however
// long the article, and on the dev pages the answer is the same as for the whole text
// (docs/formats.md).
inline constexpr std::size_t kDetectLanguagePrefixBytes = 16 * 1024;

// The least amount of letter text, in bytes as CLD2 counts it (letters and the spaces between
// words, after digits and punctuation are dropped), below which detection answers nothing:
// about four short words in a Latin script, seven Chinese characters. CLD2 itself will name a
// language for two words ("Guten Morgen"), which is a guess, not a detection.
inline constexpr int kDetectLanguageMinTextBytes = 20;

// Returns the primary language subtag of text, in the form primary_language() gives ("de",
// "zh" for both Chinese scripts, "he" for Hebrew, "no" for Norwegian), or "" when unsure:
// - the text has less letter text than kDetectLanguageMinTextBytes (empty, a few words,
//   digits and punctuation only);
// - CLD2 finds no language (a script it does not know) or calls its answer unreliable (the
//   top language holds too little of the text, or several languages score alike).
// text is plain UTF-8 (markup is read as words); only its first kDetectLanguagePrefixBytes
// bytes are read, and bytes that are not well-formed UTF-8, control characters and Unicode
// noncharacters count as spaces (CLD2 would give up on the whole text). Deterministic:
// the same text always gives the same answer. Throws only std::bad_alloc.
std::string detect_language(std::string_view text);

}  // namespace newsindex::text
