// UTF-8 hygiene. Everything that enters the index or reaches a printer goes through
// clean_text(), so that later stages may assume valid UTF-8 without control characters.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace newsindex::text {

// Returns true when bytes is well-formed UTF-8 (no overlongs, surrogates or values past
// U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// Returns valid UTF-8: well-formed sequences are kept, and each byte that does not start a
// well-formed sequence is replaced by U+FFFD.
std::string repair_utf8(std::string_view bytes);

// Returns repair_utf8(bytes) with C0 control characters other than '\n' and '\t', DEL and the
// C1 controls (U+0080..U+009F) removed, and "\r\n" / lone "\r" turned into "\n".
std::string clean_text(std::string_view bytes);

}  // namespace newsindex::text
