// Reading bylines ("By [AFP](#)", "By Jane Doe and John Roe", "By Lena Brandt, Reuters")
// into clean author names. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsindex::text {

// True when line reads as a byline: it starts with the word "By" (any case) followed by a
// name.
bool is_byline(std::string_view line);

// Returns the names in a byline, in order and without duplicates: the leading "By" and
// Markdown links and emphasis are removed, and names are split at "and", "&", "," and ";".
// A line that is not a byline gives an empty list.
std::vector<std::string> parse_byline(std::string_view line);

}  // namespace newsindex::text
