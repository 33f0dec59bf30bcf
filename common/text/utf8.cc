#include "text/utf8.h"

#include <utility>

namespace newsindex::text {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Unicode code points of Windows-1252 bytes 0x80..0x9F; 0 where the code page defines none.
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80..87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88..8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90..97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98..9F
};

void append_cp1252(std::string& out, unsigned char byte) {
    if (byte < 0x80) {
        out.push_back(static_cast<char>(byte));
    } else if (byte < 0xA0) {
        char32_t mapped = kCp1252High[byte - 0x80];
        if (mapped == 0)
            out.append(kReplacement);
        else
            append_utf8(out, mapped);
    } else {
        append_utf8(out, byte);
    }
}

}  // namespace

// Follows the table of well-formed byte sequences in the Unicode standard (ch. 3).
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

void append_utf8(std::string& out, char32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        out.append(kReplacement);
    } else if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string_view truncate_utf8(std::string_view utf8, std::size_t max_bytes) {
    if (utf8.size() <= max_bytes) return utf8;
    std::size_t end = max_bytes;
    // Step back over continuation bytes to the start of the character that would be cut.
    while (end > 0 && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80) --end;
    return utf8.substr(0, end);
}

std::string decode_text(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (std::size_t pos = 0; pos < bytes.size();) {
        std::size_t length = sequence_length(bytes, pos);
        if (length == 0) {
            append_cp1252(out, static_cast<unsigned char>(bytes[pos]));
            ++pos;
        } else {
            out.append(bytes.substr(pos, length));
            pos += length;
        }
    }
    return out;
}

std::string cp1252_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (char c : bytes) append_cp1252(out, static_cast<unsigned char>(c));
    return out;
}

std::string latin1_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (char c : bytes) append_utf8(out, static_cast<unsigned char>(c));
    return out;
}

bool looks_binary(std::string_view bytes) {
    if (bytes.find('\0') != std::string_view::npos) return true;
    std::string_view head = bytes.substr(0, 8192);
    std::size_t controls = 0;
    for (char c : head) {
        const unsigned char byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\v' && byte != '\f' &&
             byte != '\r' && byte != 0x1B) ||
            byte == 0x7F)
            ++controls;
    }
    // Text of any charset has almost none of these; random or compressed bytes have one in
    // ten (26 of the 256 byte values), so one in fifty tells them apart with room to spare.
    return controls * 50 > head.size();
}

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

bool is_cjk(unsigned code_point) {
    // Blocks from the Unicode charts, in order.
    static constexpr std::pair<unsigned, unsigned> kBlocks[] = {
        {0x1100, 0x11FF},    // Hangul Jamo
        {0x2E80, 0x2FDF},    // CJK radicals, Kangxi radicals
        {0x2FF0, 0x31FF},    // description characters, symbols and punctuation, kana, Bopomofo,
                             // Hangul compatibility Jamo, Kanbun, strokes
        {0x3200, 0x4DBF},    // enclosed and compatibility forms, extension A
        {0x4DC0, 0x9FFF},    // hexagram symbols, unified ideographs
        {0xA960, 0xA97F},    // Hangul Jamo extended A
        {0xAC00, 0xD7FF},    // Hangul syllables, Jamo extended B
        {0xF900, 0xFAFF},    // compatibility ideographs
        {0xFE30, 0xFE4F},    // compatibility forms
        {0xFF00, 0xFFEF},    // half-width and full-width forms
        {0x20000, 0x2FA1F},  // supplementary ideographs
    };
    for (const auto& [first, last] : kBlocks) {
        if (code_point < first) return false;
        if (code_point <= last) return true;
    }
    return false;
}

}  // namespace newsindex::text
