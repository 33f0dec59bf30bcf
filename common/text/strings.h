// Small string helpers shared by the readers and printers. All functions are pure and
// thread-safe; they work on bytes and treat only ASCII letters and white space specially,
// so UTF-8 text passes through unchanged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsindex::text {

// Returns text without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

// Returns a copy with ASCII letters lowered; other bytes unchanged.
std::string ascii_lower(std::string_view text);

// True when text starts with prefix, comparing ASCII letters case-insensitively.
bool starts_with_nocase(std::string_view text, std::string_view prefix);

// Splits on every occurrence of separator; keeps empty pieces.
std::vector<std::string_view> split(std::string_view text, std::string_view separator);

// Replaces Markdown links "[label](target)" by their label and removes "**" and "__"
// emphasis markers. Anything that is not a well-formed link is left as it is.
std::string strip_markdown_inline(std::string_view text);

// Collapses each run of ASCII white space to one space and trims the ends.
std::string collapse_spaces(std::string_view text);

// n in decimal with commas between groups of three digits: 9999997 -> "9,999,997". Messages
// use it for counts a reader should take in at a glance.
std::string with_thousands(std::size_t n);

}  // namespace newsindex::text
