#include "text/entities.h"

#include <iterator>

#include "text/utf8.h"

namespace newsindex::text {

namespace {

// Names of U+00A0..U+00FF, in code point order.
constexpr std::string_view kLatin1Names[] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",
    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn",
    "sup2",   "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",
    "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
    "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
    "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde",
    "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

static_assert(std::size(kLatin1Names) == 96, "one name per code point U+00A0..U+00FF");

struct Named {
    std::string_view name;
    char32_t code_point;
};

constexpr Named kOtherNames[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},     {"OElig", 0x0152},  {"oelig", 0x0153},  {"Scaron", 0x0160},
    {"scaron", 0x0161}, {"Yuml", 0x0178},   {"Zcaron", 0x017D}, {"zcaron", 0x017E},
    {"fnof", 0x0192},   {"circ", 0x02C6},   {"tilde", 0x02DC},  {"ensp", 0x2002},
    {"emsp", 0x2003},   {"thinsp", 0x2009}, {"zwnj", 0x200C},   {"zwj", 0x200D},
    {"lrm", 0x200E},    {"rlm", 0x200F},    {"ndash", 0x2013},  {"mdash", 0x2014},
    {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"dagger", 0x2020}, {"Dagger", 0x2021},
    {"bull", 0x2022},   {"hellip", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032},
    {"Prime", 0x2033},  {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"oline", 0x203E},
    {"frasl", 0x2044},  {"euro", 0x20AC},   {"trade", 0x2122},  {"larr", 0x2190},
    {"uarr", 0x2191},   {"rarr", 0x2192},   {"darr", 0x2193},   {"harr", 0x2194},
    {"minus", 0x2212},  {"infin", 0x221E},  {"asymp", 0x2248},  {"ne", 0x2260},
    {"le", 0x2264},     {"ge", 0x2265},     {"hearts", 0x2665}, {"Amacr", 0x0100},
    {"amacr", 0x0101},  {"Abreve", 0x0102}, {"abreve", 0x0103}, {"Aogon", 0x0104},
    {"aogon", 0x0105},  {"Cacute", 0x0106}, {"cacute", 0x0107}, {"Ccaron", 0x010C},
    {"ccaron", 0x010D}, {"Dcaron", 0x010E}, {"dcaron", 0x010F}, {"Dstrok", 0x0110},
    {"dstrok", 0x0111}, {"Emacr", 0x0112},  {"emacr", 0x0113},  {"Eogon", 0x0118},
    {"eogon", 0x0119},  {"Ecaron", 0x011A}, {"ecaron", 0x011B}, {"Gbreve", 0x011E},
    {"gbreve", 0x011F}, {"Imacr", 0x012A},  {"imacr", 0x012B},  {"Iogon", 0x012E},
    {"iogon", 0x012F},  {"Idot", 0x0130},   {"imath", 0x0131},  {"Lstrok", 0x0141},
    {"lstrok", 0x0142}, {"Nacute", 0x0143}, {"nacute", 0x0144}, {"Ncaron", 0x0147},
    {"ncaron", 0x0148}, {"Odblac", 0x0150}, {"odblac", 0x0151}, {"Racute", 0x0154},
    {"racute", 0x0155}, {"Rcaron", 0x0158}, {"rcaron", 0x0159}, {"Sacute", 0x015A},
    {"sacute", 0x015B}, {"Scedil", 0x015E}, {"scedil", 0x015F}, {"Tcaron", 0x0164},
    {"tcaron", 0x0165}, {"Uring", 0x016E},  {"uring", 0x016F},  {"Udblac", 0x0170},
    {"udblac", 0x0171}, {"Zacute", 0x0179}, {"zacute", 0x017A}, {"Zdot", 0x017B},
    {"zdot", 0x017C},   {"inodot", 0x0131},
};

// Code point of a named reference, or 0 when the name is unknown.
char32_t lookup(std::string_view name) {
    for (std::size_t i = 0; i < std::size(kLatin1Names); ++i) {
        if (kLatin1Names[i] == name) return static_cast<char32_t>(0xA0 + i);
    }
    for (const Named& entry : kOtherNames) {
        if (entry.name == name) return entry.code_point;
    }
    return 0;
}

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Reads "&#...;" at text[pos]; returns the bytes consumed (0 when malformed).
std::size_t numeric_reference(std::string_view text, std::size_t pos, std::string& out) {
    std::size_t i = pos + 2;
    const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    if (hex) ++i;
    const std::size_t digits_start = i;
    char32_t value = 0;
    for (; i < text.size(); ++i) {
        const int digit =
            hex ? hex_value(text[i]) : (text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -1);
        if (digit < 0) break;
        // Saturate: anything this large is invalid anyway, and must not overflow.
        value = value > 0x10FFFF ? value : value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
    }
    if (i == digits_start) return 0;
    if (i < text.size() && text[i] == ';') ++i;
    if (value >= 0x80 && value <= 0x9F) {
        out.append(cp1252_to_utf8(std::string(1, static_cast<char>(value))));
    } else if (value == 0) {
        append_utf8(out, 0xFFFD);
    } else {
        append_utf8(out, value);  // surrogates and values past U+10FFFF give U+FFFD
    }
    return i - pos;
}

// The longest name in the tables has six letters.
constexpr std::size_t kMaxNameLength = 8;

}  // namespace

std::string decode_html_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t amp = text.find('&', pos);
        if (amp == std::string_view::npos) {
            out.append(text.substr(pos));
            break;
        }
        out.append(text.substr(pos, amp - pos));
        pos = amp;
        if (amp + 1 < text.size() && text[amp + 1] == '#') {
            if (std::size_t used = numeric_reference(text, amp, out)) {
                pos += used;
                continue;
            }
        } else {
            std::size_t end = amp + 1;
            while (end < text.size() && end - amp <= kMaxNameLength && is_alnum(text[end])) ++end;
            const std::string_view name = text.substr(amp + 1, end - amp - 1);
            const bool semicolon = end < text.size() && text[end] == ';';
            if (char32_t cp = name.empty() ? 0 : lookup(name)) {
                const bool bare_ok = name == "amp" || name == "lt" || name == "gt" ||
                                     name == "quot" || name == "nbsp";
                const bool followed_ok = end >= text.size() || text[end] != '=';
                if (semicolon || (bare_ok && followed_ok)) {
                    append_utf8(out, cp);
                    pos = end + (semicolon ? 1 : 0);
                    continue;
                }
            }
        }
        out.push_back('&');
        ++pos;
    }
    return out;
}

}  // namespace newsindex::text
