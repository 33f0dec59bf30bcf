#include "text/detect_language.h"

// CLD2's public header uses FILE without including <cstdio>.
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <cstdio>

#include "text/language.h"
#include "text/utf8.h"

namespace newsindex::text {

namespace {

// The code point of the well-formed sequence of length bytes at the start of utf8.
char32_t decode(std::string_view utf8, std::size_t length) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(utf8[i]); };
    if (length == 1) return byte(0);
    char32_t code_point = byte(0) & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) code_point = (code_point << 6) | (byte(i) & 0x3F);
    return code_point;
}

// True for the characters CLD2 refuses as not "interchange-valid": a text holding one is
// given up whole. C0 controls other than tab, line feed and carriage return; DEL; the C1
// controls; and the noncharacters (U+FDD0..U+FDEF, and the last two of every plane).
bool refused_by_cld2(char32_t c) {
    if (c < 0x20) return c != '\t' && c != '\n' && c != '\r';
    if (c >= 0x7F && c <= 0x9F) return true;
    if (c >= 0xFDD0 && c <= 0xFDEF) return true;
    return (c & 0xFFFE) == 0xFFFE;
}

// prefix with every byte that starts no well-formed sequence, and every character CLD2
// refuses, replaced by a space: neither is a letter, and a space keeps the words apart.
std::string acceptable_to_cld2(std::string_view prefix) {
    std::string out;
    out.reserve(prefix.size());
    for (std::size_t at = 0; at < prefix.size();) {
        const std::size_t length = sequence_length(prefix, at);
        if (length == 0) {
            out += ' ';
            ++at;
            continue;
        }
        const std::string_view sequence = prefix.substr(at, length);
        if (refused_by_cld2(decode(sequence, length)))
            out += ' ';
        else
            out += sequence;
        at += length;
    }
    return out;
}

}  // namespace

std::string detect_language(std::string_view text) {
    // The cut may split a character in two: its bytes become spaces.
    const std::string prefix = acceptable_to_cld2(text.substr(0, kDetectLanguagePrefixBytes));
    const CLD2::CLDHints no_hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING,
                                     CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language top3[3];
    int percent3[3];
    double score3[3];
    int text_bytes = 0, valid_bytes = 0;
    bool reliable = false;
    // The checking entry point, although prefix is clean: should CLD2 refuse some character
    // not listed above, it says so rather than read the text wrongly, and the answer is "".
    const CLD2::Language language = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        prefix.data(), static_cast<int>(prefix.size()), /*is_plain_text=*/true, &no_hints,
        /*flags=*/0, top3, percent3, score3, /*resultchunkvector=*/nullptr, &text_bytes, &reliable,
        &valid_bytes);
    if (!reliable || text_bytes < kDetectLanguageMinTextBytes || language == CLD2::UNKNOWN_LANGUAGE)
        return "";
    // CLD2's codes are BCP 47 tags ("zh-Hant", "sr-ME") except its old "iw" and "jw", which
    // primary_language() replaces, and "xx-Latn" and the like for text it knows only by
    // script.
    const std::string_view code = CLD2::LanguageCode(language);
    if (code.substr(0, 3) == "xx-") return "";
    return primary_language(code);
}

}  // namespace newsindex::text
