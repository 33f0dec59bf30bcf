#include "text/fold.h"

#include <iterator>

namespace newsindex::text {

namespace {

// Base letters for U+00C0..U+024F, sixteen code points per row. '.' keeps the character as it
// is (no diacritic, or no Latin base such as schwa); '*' looks the code point up in
// kMultiLetter (ligatures and letters that fold to two letters).
constexpr std::string_view kBase =
    "AAAAAA*CEEEEIIII"   // 00C0
    "DNOOOOO.OUUUUY**"   // 00D0
    "aaaaaa*ceeeeiiii"   // 00E0
    "dnooooo.ouuuuy*y"   // 00F0
    "AaAaAaCcCcCcCcDd"   // 0100
    "DdEeEeEeEeEeGgGg"   // 0110
    "GgGgHhHhIiIiIiIi"   // 0120
    "Ii**JjKkkLlLlLlL"   // 0130
    "lLlNnNnNnnNnOoOo"   // 0140
    "Oo**RrRrRrSsSsSs"   // 0150
    "SsTtTtTtUuUuUuUu"   // 0160
    "UuUuWwYyYZzZzZzs"   // 0170
    "bBBb..OCcDDDd.E."   // 0180
    "EFfG..IIKkl..NnO"   // 0190
    "Oo..Pp.....tTtTU"   // 01A0
    "u.VYyZz........."   // 01B0
    "....*********AaI"   // 01C0
    "iOoUuUuUuUuUu.Aa"   // 01D0
    "Aa**GgGgKkOoOo.."   // 01E0
    "j***Gg..NnAa**Oo"   // 01F0
    "AaAaEeEeIiIiOoOo"   // 0200
    "RrRrUuUuSsTt..Hh"   // 0210
    "Nd..ZzAaEeOoOoOo"   // 0220
    "OoYylntj..ACcLTs"   // 0230
    "z..BU.EeJj..RrYy";  // 0240
constexpr char32_t kFirst = 0x00C0;
static_assert(kBase.size() == 0x0250 - kFirst, "one entry per code point");

struct MultiLetter {
    char32_t code_point;
    std::string_view letters;
};
constexpr MultiLetter kMultiLetter[] = {
    {0x00C6, "AE"}, {0x00DE, "TH"}, {0x00DF, "ss"}, {0x00E6, "ae"}, {0x00FE, "th"}, {0x0132, "IJ"},
    {0x0133, "ij"}, {0x0152, "OE"}, {0x0153, "oe"}, {0x01C4, "DZ"}, {0x01C5, "Dz"}, {0x01C6, "dz"},
    {0x01C7, "LJ"}, {0x01C8, "Lj"}, {0x01C9, "lj"}, {0x01CA, "NJ"}, {0x01CB, "Nj"}, {0x01CC, "nj"},
    {0x01E2, "AE"}, {0x01E3, "ae"}, {0x01F1, "DZ"}, {0x01F2, "Dz"}, {0x01F3, "dz"}, {0x01FC, "AE"},
    {0x01FD, "ae"}, {0x1E9E, "SS"},  // capital sharp s, outside the table's range
};

std::string_view multi_letter(char32_t cp) {
    for (const MultiLetter& entry : kMultiLetter) {
        if (entry.code_point == cp) return entry.letters;
    }
    return {};
}

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::string fold_accents(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const unsigned char lead = static_cast<unsigned char>(utf8[i]);
        // Every code point folded here is encoded in two bytes (C3..C9 lead) except U+1E9E
        // (E1 BA 9E) and the combining marks (CC 80..CD AF); anything else is copied.
        if (lead >= 0xC3 && lead <= 0xC9 && i + 1 < utf8.size() &&
            (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) {
            const char32_t cp = static_cast<char32_t>(
                ((lead & 0x1F) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F));
            if (cp >= kFirst && cp - kFirst < kBase.size()) {
                const char base = kBase[cp - kFirst];
                if (base == '*') {
                    out.append(multi_letter(cp));
                    i += 2;
                    continue;
                }
                if (base != '.') {
                    out.push_back(base);
                    i += 2;
                    continue;
                }
            }
        } else if ((lead == 0xCC || lead == 0xCD) && i + 1 < utf8.size() && !out.empty() &&
                   is_ascii_letter(out.back())) {
            const unsigned char second = static_cast<unsigned char>(utf8[i + 1]);
            const bool combining = lead == 0xCC ? (second >= 0x80 && second <= 0xBF)
                                                : (second >= 0x80 && second <= 0xAF);
            if (combining) {
                i += 2;  // a combining mark on a Latin base letter
                continue;
            }
        } else if (utf8.compare(i, 3, "\xE1\xBA\x9E") == 0) {
            out.append(multi_letter(0x1E9E));
            i += 3;
            continue;
        }
        out.push_back(utf8[i]);
        ++i;
    }
    return out;
}

}  // namespace newsindex::text
