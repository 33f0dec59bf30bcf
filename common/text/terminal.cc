#include "text/terminal.h"

#include <cstdio>

#include "text/utf8.h"

namespace newsindex::text {

namespace {

// Decodes the well-formed UTF-8 sequence at bytes[at] (text::sequence_length() tells which),
// setting length; returns false (length 1) when the byte there starts none.
bool decode_at(std::string_view bytes, std::size_t at, char32_t& code_point, std::size_t& length) {
    length = sequence_length(bytes, at);
    if (length == 0) {
        length = 1;
        return false;
    }
    static constexpr unsigned char kLeadMask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    code_point = static_cast<unsigned char>(bytes[at]) & kLeadMask[length];
    for (std::size_t i = 1; i < length; ++i)
        code_point = (code_point << 6) | (static_cast<unsigned char>(bytes[at + i]) & 0x3F);
    return true;
}

std::string hex_escape(const char* form, unsigned value) {
    char text[16];
    std::snprintf(text, sizeof text, form, value);
    return text;
}

}  // namespace

bool is_bidi_control(char32_t code_point) {
    return (code_point >= 0x202A && code_point <= 0x202E) ||
           (code_point >= 0x2066 && code_point <= 0x2069);
}

std::string escaped_for_terminal(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    std::size_t at = 0;
    while (at < bytes.size()) {
        char32_t code_point = 0;
        std::size_t length = 1;
        if (!decode_at(bytes, at, code_point, length)) {
            out += hex_escape("\\x%02X", static_cast<unsigned char>(bytes[at]));
            ++at;
            continue;
        }
        if (code_point == '\n') {
            out += "\\n";
        } else if (code_point == '\t') {
            out += "\\t";
        } else if (code_point == '\r') {
            out += "\\r";
        } else if (code_point == 0x1B) {
            out += "\\e";
        } else if (code_point < 0x20 || code_point == 0x7F ||
                   (code_point >= 0x80 && code_point <= 0x9F)) {
            out += hex_escape("\\x%02X", static_cast<unsigned>(code_point));
        } else if (is_bidi_control(code_point)) {
            out += hex_escape("\\u%04X", static_cast<unsigned>(code_point));
        } else if (code_point == '\\' && at + 1 < bytes.size() &&
                   std::string_view("ntrexu\\").find(bytes[at + 1]) != std::string_view::npos) {
            out += "\\\\";  // "\n" typed in a name must not read as an escaped newline
        } else {
            out.append(bytes.substr(at, length));
        }
        at += length;
    }
    return out;
}

std::string without_bidi_controls(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    std::size_t at = 0;
    while (at < utf8.size()) {
        char32_t code_point = 0;
        std::size_t length = 1;
        const bool decoded = decode_at(utf8, at, code_point, length);
        if (!decoded || !is_bidi_control(code_point)) out.append(utf8.substr(at, length));
        at += length;
    }
    return out;
}

}  // namespace newsindex::text
