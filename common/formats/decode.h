// The decoding stage: the bytes of any input, in whatever character encoding, become UTF-8
// before a format reader sees them (docs/formats.md, "Character encodings"). The order is
// that of the HTML5 and RFC 8259 rules: a byte-order mark; then the charset the format
// declares (an HTML <meta charset> or http-equiv, an XML declaration); then UTF-8 when the
// bytes are valid UTF-8; then detection (uchardet) for undeclared legacy text; Windows-1252
// byte by byte when detection finds nothing. Conversion is iconv's. Undecodable bytes become
// U+FFFD and are counted, never dropped. E-mail is decoded per part by its reader with
// convert_to_utf8(), as MIME declares a charset per part and per encoded word.
// All functions are pure and thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsindex {

enum class Format;

struct DecodedText {
    std::string text;     // UTF-8; control characters are left for text::clean_text()
    std::string charset;  // the encoding read, as iconv names it in lower case: "utf-8",
                          // "windows-1252", "koi8-r", "shift_jis", "utf-16le", ...
    // How the charset was chosen: "byte-order mark", "declared", "utf-8" (the bytes are valid
    // UTF-8, whatever was declared), "detected", or "guessed" (Windows-1252 byte by byte,
    // UTF-8 sequences kept, when nothing else applies).
    std::string chosen_by;
    std::size_t replaced = 0;  // bytes that could not be decoded, each now one U+FFFD
};

// The charset named by a UTF-8, UTF-16 or UTF-32 byte-order mark at the start of bytes, and
// the mark's length; nullopt when there is none.
struct ByteOrderMark {
    std::string charset;
    std::size_t length;
};
std::optional<ByteOrderMark> byte_order_mark(std::string_view bytes);

// The charset the content declares for format, or "" when it declares none: for HTML a
// <meta charset> or <meta http-equiv="Content-Type" content="...; charset=..."> among the
// first 4 KiB, or an XML declaration's encoding; for JSON without a byte-order mark, UTF-16 or
// UTF-32 recognised by the NUL bytes of its first characters (RFC 4627, section 3). Labels are
// returned as written, lower case.
std::string declared_charset(std::string_view bytes, Format format);

// The iconv name for a charset label, mapped as browsers map it (WHATWG Encoding): "latin1",
// "iso-8859-1" and "us-ascii" are read as windows-1252 (a superset on every printable
// character), "gb2312" and "gbk" as gb18030, "x-sjis" as shift_jis, "utf8" as utf-8, ... ""
// for a label that names no encoding iconv can read.
std::string canonical_charset(std::string_view label);

// bytes in charset (any label canonical_charset() accepts) as UTF-8; nullopt when the charset
// is unknown. Each undecodable byte (or a sequence cut at the end) becomes U+FFFD, counted in
// *replaced when given.
std::optional<std::string> convert_to_utf8(std::string_view bytes, std::string_view charset,
                                           std::size_t* replaced = nullptr);

// Text whose charset nobody declared, such as a MIME part without a charset parameter: kept
// when it is valid UTF-8, read as ISO-2022-JP when it holds that encoding's escape sequences
// (7-bit, so also valid UTF-8), else Windows-1252 byte by byte (text::decode_text()).
std::string decode_undeclared(std::string_view bytes);

// The whole decoding stage for a file of format (see the top of this header).
DecodedText decode_input(std::string_view bytes, Format format);

}  // namespace newsindex
