// UTF-8 hygiene. Everything that enters the index or reaches a printer goes through
// clean_text(), so that later stages may assume valid UTF-8 without control characters.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace newsindex::text {

// Length of the well-formed UTF-8 sequence starting at bytes[pos] (1 to 4), or 0 when none
// starts there (a stray continuation byte, an overlong form, a surrogate, a cut sequence).
// pos must be less than bytes.size().
std::size_t sequence_length(std::string_view bytes, std::size_t pos);

// Returns true when bytes is well-formed UTF-8 (no overlongs, surrogates or values past
// U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// Returns valid UTF-8: well-formed sequences are kept, and each byte that does not start a
// well-formed sequence is replaced by U+FFFD.
std::string repair_utf8(std::string_view bytes);

// Returns valid UTF-8 for text of unknown encoding, so that Latin-1 and Windows-1252 files
// are converted rather than filled with U+FFFD. A leading UTF-8 byte-order mark is removed;
// well-formed UTF-8 sequences are kept; every other byte is read as Windows-1252 (which agrees
// with ISO-8859-1 on all printable characters), and the five bytes Windows-1252 leaves
// undefined (0x81 0x8D 0x8F 0x90 0x9D) become U+FFFD. Deciding byte by byte, not per file,
// also keeps the UTF-8 parts of a file that mixes both encodings.
std::string decode_text(std::string_view bytes);

// Returns the UTF-8 encoding of each byte read as Windows-1252 (undefined bytes: U+FFFD).
std::string cp1252_to_utf8(std::string_view bytes);

// Returns the UTF-8 encoding of each byte read as ISO-8859-1 (0x80..0x9F are the C1 controls,
// which clean_text later removes).
std::string latin1_to_utf8(std::string_view bytes);

// True when bytes do not look like text: a NUL byte anywhere, or more than one byte in fifty
// of the first 8 KiB a C0 control other than tab, line feed, vertical tab, form feed,
// carriage return and escape, or DEL (random bytes without a NUL have one in ten). Reads at
// most the whole input once.
bool looks_binary(std::string_view bytes);

// Appends the UTF-8 encoding of code_point to out; surrogates and values past U+10FFFF
// append U+FFFD instead.
void append_utf8(std::string& out, char32_t code_point);

// True for a code point of the scripts written without spaces between words that Xapian's
// CJK n-gram mode cuts into characters and pairs: CJK ideographs (with their extensions and
// compatibility forms), kana, Hangul, Bopomofo, CJK symbols and punctuation, full-width forms.
bool is_cjk(unsigned code_point);

// Returns the longest prefix of utf8 (assumed valid) at most max_bytes long that does not cut
// a character in two.
std::string_view truncate_utf8(std::string_view utf8, std::size_t max_bytes);

// Returns repair_utf8(bytes) with C0 control characters other than '\n' and '\t', DEL and the
// C1 controls (U+0080..U+009F) removed, and "\r\n" / lone "\r" turned into "\n".
std::string clean_text(std::string_view bytes);

}  // namespace newsindex::text
