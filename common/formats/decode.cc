#include "formats/decode.h"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <memory>

#include "formats/reader.h"
#include "text/strings.h"
#include "text/utf8.h"

namespace newsindex {

namespace {

// How much of a file detection looks at: enough for any article, bounded for a 256 MiB one.
constexpr std::size_t kDetectionBytes = 1 << 20;
// How far into an HTML page a <meta charset> counts. HTML5 says 1024 bytes; pages written
// by hand and many CMSs put it later, after scripts and styles, so more are read.
constexpr std::size_t kMetaScanBytes = 4096;

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// The value after name= in text (quoted or not), lower case; "" when absent.
std::string attribute_value(std::string_view text, std::string_view name) {
    std::size_t at = 0;
    while ((at = text.find(name, at)) != std::string_view::npos) {
        const bool word_start =
            at == 0 || !(std::isalnum(static_cast<unsigned char>(text[at - 1])) ||
                         text[at - 1] == '-' || text[at - 1] == '_');
        std::size_t i = at + name.size();
        at = i;
        if (!word_start) continue;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
        if (i >= text.size() || text[i] != '=') continue;
        ++i;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
        if (i >= text.size()) return "";
        std::size_t end;
        if (text[i] == '"' || text[i] == '\'') {
            end = text.find(text[i], i + 1);
            ++i;
        } else {
            end = text.find_first_of(" \t\n>;/", i);
        }
        if (end == std::string_view::npos) end = text.size();
        return text::ascii_lower(text::trim(text.substr(i, end - i)));
    }
    return "";
}

// The charset of an HTML page's <meta> elements, as the HTML5 prescan finds it.
std::string html_meta_charset(std::string_view bytes) {
    const std::string head = text::ascii_lower(bytes.substr(0, kMetaScanBytes));
    std::size_t at = 0;
    while ((at = head.find("<meta", at)) != std::string::npos) {
        const std::size_t end = head.find('>', at);
        const std::string_view tag =
            std::string_view(head).substr(at, end == std::string::npos ? end : end - at);
        at += 5;
        if (std::string charset = attribute_value(tag, "charset"); !charset.empty())
            return charset;  // <meta charset="..."> or charset= inside a content value
    }
    return "";
}

// The encoding of an XML declaration at the very start ("<?xml version="1.0"
// encoding="ISO-8859-2"?>"), lower case; "" when none.
std::string xml_declared_encoding(std::string_view bytes) {
    if (!starts_with(bytes, "<?xml")) return "";
    const std::size_t end = bytes.find("?>");
    if (end == std::string_view::npos) return "";
    return attribute_value(text::ascii_lower(bytes.substr(0, end)), "encoding");
}

// UTF-16 and UTF-32 JSON without a byte-order mark, from where its first two characters'
// NUL bytes fall (both are ASCII in any JSON text).
std::string json_encoding(std::string_view bytes) {
    if (bytes.size() < 4) return "";
    const auto nul = [&](std::size_t i) { return bytes[i] == '\0'; };
    if (nul(0) && nul(1) && nul(2) && !nul(3)) return "utf-32be";
    if (!nul(0) && nul(1) && nul(2) && nul(3)) return "utf-32le";
    if (nul(0) && !nul(1) && nul(2) && !nul(3)) return "utf-16be";
    if (!nul(0) && nul(1) && !nul(2) && nul(3)) return "utf-16le";
    return "";
}

// ISO-2022-JP and its kin switch character sets with ESC $ and ESC ( sequences in plain
// 7-bit bytes, which pass as valid UTF-8.
bool has_iso2022_escapes(std::string_view bytes) {
    return bytes.find("\x1b$B") != std::string_view::npos ||
           bytes.find("\x1b$@") != std::string_view::npos ||
           bytes.find("\x1b(J") != std::string_view::npos;
}

struct IconvCloser {
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

// What uchardet makes of bytes, lower case; "" when it cannot tell.
std::string detect_charset(std::string_view bytes) {
    std::unique_ptr<uchardet, void (*)(uchardet_t)> detector(uchardet_new(), uchardet_delete);
    if (!detector) return "";
    const std::string_view sample = bytes.substr(0, kDetectionBytes);
    if (uchardet_handle_data(detector.get(), sample.data(), sample.size()) != 0) return "";
    uchardet_data_end(detector.get());
    const char* found = uchardet_get_charset(detector.get());
    return found ? text::ascii_lower(found) : "";
}

// Charsets of scripts other than Latin, whose text is nearly all non-ASCII letters.
bool non_latin_charset(const std::string& charset) {
    static constexpr std::string_view kNonLatin[] = {
        "koi8-r",     "koi8-u",       "windows-1251", "iso-8859-5",   "ibm866",      "maccyrillic",
        "iso-8859-7", "windows-1253", "iso-8859-8",   "windows-1255", "iso-8859-6",  "windows-1256",
        "tis-620",    "windows-874",  "shift_jis",    "euc-jp",       "iso-2022-jp", "gb18030",
        "big5",       "euc-tw",       "euc-kr",       "uhc",          "iso-2022-kr", "iso-2022-cn",
        "hz-gb-2312", "x-euc-tw",     "cp949",        "cp932"};
    return std::find(std::begin(kNonLatin), std::end(kNonLatin), charset) != std::end(kNonLatin);
}

// Of the bytes of bytes that are letters or non-ASCII, the share that is non-ASCII.
double non_ascii_share(std::string_view bytes) {
    std::size_t letters = 0, high = 0;
    for (char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80)
            ++high;
        else if (std::isalpha(byte))
            ++letters;
    }
    return letters + high == 0 ? 0.0
                               : static_cast<double>(high) / static_cast<double>(letters + high);
}

// How much like letters the non-ASCII characters of utf8 are: +1 for each letter of the
// Latin ranges (U+00C0..U+024F but x and the division sign), -1 for each other non-ASCII
// character (the symbols and punctuation of U+00A0..U+00BF, U+FFFD, ...). Reading Polish in
// ISO-8859-2 as Windows-1252 turns "łż" into "³¿": symbols where letters belong.
long latin_letter_score(std::string_view utf8) {
    long score = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t length = text::sequence_length(utf8, i);
        if (length <= 1) {
            ++i;
            continue;
        }
        char32_t cp = static_cast<unsigned char>(utf8[i]) & (0xFF >> (length + 1));
        for (std::size_t k = 1; k < length; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        const bool letter = cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
        score += letter ? 1 : -1;
        i += length;
    }
    return score;
}

}  // namespace

std::optional<ByteOrderMark> byte_order_mark(std::string_view bytes) {
    // UTF-32LE's mark starts with UTF-16LE's: longest first.
    if (starts_with(bytes, std::string_view("\xFF\xFE\0\0", 4)))
        return ByteOrderMark{"utf-32le", 4};
    if (starts_with(bytes, std::string_view("\0\0\xFE\xFF", 4)))
        return ByteOrderMark{"utf-32be", 4};
    if (starts_with(bytes, "\xEF\xBB\xBF")) return ByteOrderMark{"utf-8", 3};
    if (starts_with(bytes, "\xFF\xFE")) return ByteOrderMark{"utf-16le", 2};
    if (starts_with(bytes, "\xFE\xFF")) return ByteOrderMark{"utf-16be", 2};
    return std::nullopt;
}

std::string declared_charset(std::string_view bytes, Format format) {
    switch (format) {
        case Format::Html:
            if (std::string xml = xml_declared_encoding(bytes); !xml.empty()) return xml;
            return html_meta_charset(bytes);
        case Format::Json:
        case Format::JsonLines:
            return json_encoding(bytes);
        case Format::PlainText:
        case Format::Markdown:
        case Format::Rfc822:
            break;
    }
    return "";
}

std::string canonical_charset(std::string_view label) {
    std::string name = text::ascii_lower(text::trim(label));
    name.erase(
        std::remove_if(name.begin(), name.end(), [](char c) { return c == '"' || c == '\''; }),
        name.end());
    if (name.empty()) return "";
    struct Alias {
        std::string_view label, charset;
    };
    // Labels that browsers read as another, wider encoding, or that iconv spells otherwise.
    static constexpr Alias kAliases[] = {
        {"utf8", "utf-8"},
        {"unicode-1-1-utf-8", "utf-8"},
        {"us-ascii", "windows-1252"},
        {"ascii", "windows-1252"},
        {"iso-8859-1", "windows-1252"},
        {"iso8859-1", "windows-1252"},
        {"iso_8859-1", "windows-1252"},
        {"latin1", "windows-1252"},
        {"latin-1", "windows-1252"},
        {"l1", "windows-1252"},
        {"cp1252", "windows-1252"},
        {"x-cp1252", "windows-1252"},
        {"iso-8859-9", "windows-1254"},
        {"latin5", "windows-1254"},
        {"tis-620", "windows-874"},
        {"iso-8859-11", "windows-874"},
        {"gb2312", "gb18030"},
        {"gbk", "gb18030"},
        {"x-gbk", "gb18030"},
        {"cp936", "gb18030"},
        {"x-sjis", "shift_jis"},
        {"sjis", "shift_jis"},
        {"shift-jis", "shift_jis"},
        {"ms_kanji", "shift_jis"},
        {"windows-31j", "cp932"},
        {"ks_c_5601-1987", "cp949"},
        {"euc-kr", "cp949"},
        {"x-mac-roman", "macintosh"},
        {"mac", "macintosh"},
        {"x-user-defined", "windows-1252"},
        {"unicode", "utf-16le"},
        {"utf-16", "utf-16le"},
        {"ucs-2", "utf-16le"},
    };
    for (const Alias& alias : kAliases)
        if (name == alias.label) return std::string(alias.charset);
    // Anything else iconv knows by that name.
    const iconv_t cd = iconv_open("UTF-8", name.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return "";
    iconv_close(cd);
    return name;
}

std::optional<std::string> convert_to_utf8(std::string_view bytes, std::string_view charset,
                                           std::size_t* replaced) {
    const std::string name = canonical_charset(charset);
    if (name.empty()) return std::nullopt;
    std::size_t bad = 0;
    std::string out;
    if (name == "utf-8") {
        // Kept byte for byte where well formed; iconv would stop at the first bad byte.
        for (std::size_t i = 0; i < bytes.size();) {
            const std::size_t length = text::sequence_length(bytes, i);
            if (length == 0) {
                out += "\xEF\xBF\xBD";
                ++bad;
                ++i;
            } else {
                out.append(bytes.substr(i, length));
                i += length;
            }
        }
    } else {
        const iconv_t raw = iconv_open("UTF-8", name.c_str());
        if (raw == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
        const std::unique_ptr<void, IconvCloser> cd(raw);
        out.reserve(bytes.size() + bytes.size() / 2);
        char buffer[16384];
        char* in = const_cast<char*>(bytes.data());
        std::size_t in_left = bytes.size();
        while (in_left > 0) {
            char* next = buffer;
            std::size_t out_left = sizeof buffer;
            const std::size_t result = iconv(raw, &in, &in_left, &next, &out_left);
            out.append(buffer, static_cast<std::size_t>(next - buffer));
            if (result != static_cast<std::size_t>(-1) || errno == E2BIG) continue;
            // EILSEQ: a byte that starts no character; EINVAL: a character cut at the end.
            out += "\xEF\xBF\xBD";
            ++bad;
            if (errno == EINVAL) break;
            ++in;
            --in_left;
        }
        // A stateful encoding (ISO-2022-JP) may owe a shift back to its initial state.
        char* next = buffer;
        std::size_t out_left = sizeof buffer;
        iconv(raw, nullptr, nullptr, &next, &out_left);
        out.append(buffer, static_cast<std::size_t>(next - buffer));
    }
    if (replaced) *replaced = bad;
    return out;
}

std::string decode_undeclared(std::string_view bytes) {
    if (has_iso2022_escapes(bytes)) {
        if (auto converted = convert_to_utf8(bytes, "iso-2022-jp")) return *converted;
    }
    return text::decode_text(bytes);
}

DecodedText decode_input(std::string_view bytes, Format format) {
    DecodedText decoded;
    const auto convert = [&](std::string_view input, const std::string& charset,
                             const char* chosen_by) {
        std::optional<std::string> text = convert_to_utf8(input, charset, &decoded.replaced);
        if (!text) return false;
        decoded.text = std::move(*text);
        decoded.charset = canonical_charset(charset);
        decoded.chosen_by = chosen_by;
        return true;
    };
    if (const auto mark = byte_order_mark(bytes)) {
        if (convert(bytes.substr(mark->length), mark->charset, "byte-order mark")) return decoded;
    }
    std::string declared = canonical_charset(declared_charset(bytes, format));
    // A page cannot declare a 16-bit encoding in bytes that an ASCII scan could read: such a
    // declaration is a mistake, and browsers read the page as UTF-8.
    bool wide = declared.rfind("utf-16", 0) == 0 || declared.rfind("utf-32", 0) == 0;
    if (wide && format == Format::Html) {
        declared = "utf-8";
        wide = false;
    }
    const bool seven_bit_escapes = has_iso2022_escapes(bytes);
    if (!declared.empty() && (wide || declared.rfind("iso-2022", 0) == 0)) {
        if (convert(bytes, declared, "declared")) return decoded;
    }
    // Valid UTF-8 with any non-ASCII byte is UTF-8 whatever the page says: legacy bytes
    // almost never form valid multi-byte sequences, while pages that are UTF-8 and still
    // declare Latin-1 (a template never updated) are common.
    if (!seven_bit_escapes && text::is_valid_utf8(bytes)) {
        decoded.text = std::string(bytes);
        decoded.charset = "utf-8";
        decoded.chosen_by = "utf-8";
        if (!declared.empty() && declared != "utf-8" &&
            std::all_of(bytes.begin(), bytes.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
            // Pure ASCII: every ASCII-compatible charset reads it the same; say what was declared.
            decoded.charset = declared;
            decoded.chosen_by = "declared";
        }
        return decoded;
    }
    if (!declared.empty() && convert(bytes, declared, "declared")) return decoded;
    // Detection is trusted where it is reliable: for text of another script, nearly all of
    // whose letters are non-ASCII, and for Latin text when its reading gives letters where
    // Windows-1252 gives symbols. On a few accented letters in English or French, uchardet
    // may name any Latin code page (IBM852 for "Caf\xE9"); Windows-1252 is then the better
    // guess, as browsers make it.
    const std::string detected = canonical_charset(detect_charset(bytes));
    const std::string fallback = text::decode_text(bytes);
    if (!detected.empty() && detected != "windows-1252") {
        std::size_t replaced = 0;
        if (std::optional<std::string> text = convert_to_utf8(bytes, detected, &replaced)) {
            const bool take = non_latin_charset(detected)
                                  ? non_ascii_share(bytes) >= 0.3 && replaced == 0
                                  : latin_letter_score(*text) > latin_letter_score(fallback);
            if (take) {
                decoded.text = std::move(*text);
                decoded.charset = detected;
                decoded.chosen_by = "detected";
                decoded.replaced = replaced;
                return decoded;
            }
        }
    }
    decoded.text = fallback;
    decoded.charset = "windows-1252";
    decoded.chosen_by = "guessed";
    return decoded;
}

}  // namespace newsindex
