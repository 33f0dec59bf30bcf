#include "text/utf8.h"

namespace newsindex::text {

namespace {

// Length of the well-formed UTF-8 sequence starting at bytes[pos], or 0 when none starts
// there. Follows the table of well-formed byte sequences in the Unicode standard (ch. 3).
std::size_t sequence_length(std::string_view bytes, std::size_t pos) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) return 1;
    std::size_t length;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;  // excludes UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;  // nothing past U+10FFFF
    } else {
        return 0;
    }
    if (pos + length > bytes.size()) return 0;
    if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF) return 0;
    }
    return length;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
    for (std::size_t pos = 0; pos < bytes.size();) {
        std::size_t length = sequence_length(bytes, pos);
        if (length == 0) return false;
        pos += length;
    }
    return true;
}

std::string repair_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (std::size_t pos = 0; pos < bytes.size();) {
        std::size_t length = sequence_length(bytes, pos);
        if (length == 0) {
            out.append(kReplacement);
            ++pos;
        } else {
            out.append(bytes.substr(pos, length));
            pos += length;
        }
    }
    return out;
}

std::string clean_text(std::string_view bytes) {
    const std::string valid = repair_utf8(bytes);
    std::string out;
    out.reserve(valid.size());
    for (std::size_t i = 0; i < valid.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(valid[i]);
        if (c == '\r') {
            out.push_back('\n');
            if (i + 1 < valid.size() && valid[i + 1] == '\n') ++i;
        } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
            continue;
        } else if (c == 0xC2 && i + 1 < valid.size() &&
                   static_cast<unsigned char>(valid[i + 1]) <= 0x9F) {
            ++i;  // a C1 control, encoded as C2 80..C2 9F
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out;
}

}  // namespace newsindex::text
