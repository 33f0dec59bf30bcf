// Strings printed for people on a terminal: file names, queries and option values from the
// user or the file system, and article text. Nothing printed may drive the terminal (escape
// sequences, cursor movement, a carriage return that overwrites the line) or reorder what
// follows it on screen (bidirectional overrides and isolates). Machine formats (JSON, TSV,
// NUL-separated paths) do not go through these: they keep exact bytes or their own escapes
// (docs/output.md). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace newsindex::text {

// Returns bytes made safe to print as one item in a message: valid UTF-8 is kept except the
// C0 controls (tab and line feed included), DEL, the C1 controls and the bidirectional
// controls U+202A..U+202E and U+2066..U+2069, each written as a visible escape ("\n", "\t",
// "\r", "\e", "\x07", "\u202E"); a byte that does not start a well-formed UTF-8 sequence is
// written as "\xFF". A backslash is doubled only where it could be read as one of these
// escapes, so that "C:\news" stays readable. Use it for names and values quoted in messages.
std::string escaped_for_terminal(std::string_view bytes);

// Returns utf8 (assumed valid, as text::clean_text() leaves it) without the bidirectional
// controls U+202A..U+202E and U+2066..U+2069. Use it for article text shown to people, where
// an escape would be noise and the characters carry no meaning a reader needs.
std::string without_bidi_controls(std::string_view utf8);

// True for the bidirectional embedding, override and isolate controls.
bool is_bidi_control(char32_t code_point);

}  // namespace newsindex::text
