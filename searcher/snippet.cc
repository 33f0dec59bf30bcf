#include "snippet.h"

#include <cstdlib>

namespace newsindex::searcher {

namespace {

// Appends the code point as UTF-8; code points past Unicode become U+FFFD.
void append_utf8(std::string& out, unsigned long cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Decodes the entity starting at text[pos] == '&' into out; returns the bytes consumed, or 0
// when it is not an entity this decoder knows (the '&' is then kept as it is).
std::size_t decode_entity(const std::string& text, std::size_t pos, std::string& out) {
    std::size_t semicolon = text.find(';', pos);
    if (semicolon == std::string::npos || semicolon - pos > 10) return 0;
    const std::string name = text.substr(pos + 1, semicolon - pos - 1);
    if (name == "amp")
        out += '&';
    else if (name == "lt")
        out += '<';
    else if (name == "gt")
        out += '>';
    else if (name == "quot")
        out += '"';
    else if (name == "apos")
        out += '\'';
    else if (name.size() > 1 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        const std::string digits = name.substr(hex ? 2 : 1);
        if (digits.empty()) return 0;
        char* end = nullptr;
        unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
        if (*end != '\0') return 0;
        append_utf8(out, cp);
    } else {
        return 0;
    }
    return semicolon - pos + 1;
}

}  // namespace

std::vector<SnippetPart> parse_marked_snippet(const std::string& marked) {
    std::vector<SnippetPart> parts;
    std::string current;
    bool matched = false;
    auto flush = [&]() {
        if (!current.empty()) parts.push_back({current, matched});
        current.clear();
    };
    for (std::size_t i = 0; i < marked.size(); ++i) {
        const char c = marked[i];
        if (c == kMatchStart[0] || c == kMatchEnd[0]) {
            flush();
            matched = c == kMatchStart[0];
        } else if (c == '&') {
            std::size_t used = decode_entity(marked, i, current);
            if (used == 0)
                current += c;
            else
                i += used - 1;
        } else {
            current += c;
        }
    }
    flush();
    return parts;
}

std::vector<SnippetPart> make_snippet(const Xapian::MSet& mset, const std::string& text,
                                      const Xapian::Stem& stemmer, std::size_t length) {
    const unsigned flags =
        Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE;
    return parse_marked_snippet(
        mset.snippet(text, length, stemmer, flags, kMatchStart, kMatchEnd, "…"));
}

std::string plain_text(const std::vector<SnippetPart>& parts) {
    std::string out;
    for (const SnippetPart& part : parts) out += part.text;
    return out;
}

}  // namespace newsindex::searcher
