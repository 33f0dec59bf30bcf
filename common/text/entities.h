// HTML character references ("&eacute;", "&#233;", "&#xE9;"), for the HTML and Markdown
// readers. Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace newsindex::text {

// Returns text with character references replaced by the characters they name, as UTF-8.
// Named references: the HTML 4 set (all of Latin-1, typographic quotes and dashes, the euro,
// arrows) plus the HTML 5 names of the Latin Extended-A letters used in European names
// ("&Lstrok;", "&scaron;", "&Ccaron;"...). They need their ";", except &amp &lt &gt &quot
// &nbsp when not followed by a letter, digit or "=" (so "?a=1&copy=2" in a URL stays as it
// is). Numeric references may omit the ";"; 0, surrogates and values past U+10FFFF give
// U+FFFD, and 0x80..0x9F are read as Windows-1252, as browsers do. Unknown or malformed
// references are kept as written. Other bytes are copied unchanged.
std::string decode_html_entities(std::string_view text);

}  // namespace newsindex::text
