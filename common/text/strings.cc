#include "text/strings.h"

#include <cctype>

namespace newsindex::text {

namespace {
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
}  // namespace

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

std::string ascii_lower(std::string_view text) {
    std::string lowered(text);
    for (char& c : lowered) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return lowered;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           ascii_lower(text.substr(0, prefix.size())) == ascii_lower(prefix);
}

std::vector<std::string_view> split(std::string_view text, std::string_view separator) {
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    for (;;) {
        std::size_t found = text.find(separator, start);
        if (found == std::string_view::npos) break;
        pieces.push_back(text.substr(start, found - start));
        start = found + separator.size();
    }
    pieces.push_back(text.substr(start));
    return pieces;
}

std::string strip_markdown_inline(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    // Next ']' and ')' at or after the point searched from. Both searches only move forward,
    // so a line of ten million '[' costs one pass, not ten million.
    std::size_t next_close = 0, next_paren = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '[') {
            if (next_close != std::string_view::npos && next_close <= i)
                next_close = text.find(']', i + 1);
            const std::size_t close = next_close;
            if (close != std::string_view::npos && close + 1 < text.size() &&
                text[close + 1] == '(') {
                if (next_paren != std::string_view::npos && next_paren < close + 2)
                    next_paren = text.find(')', close + 2);
                if (next_paren != std::string_view::npos) {
                    out.append(text.substr(i + 1, close - i - 1));
                    i = next_paren + 1;
                    continue;
                }
            }
        }
        if ((text[i] == '*' || text[i] == '_') && i + 1 < text.size() && text[i + 1] == text[i]) {
            i += 2;
            continue;
        }
        out.push_back(text[i]);
        ++i;
    }
    return out;
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (char c : trim(text)) {
        if (is_space(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(c);
    }
    return out;
}

std::string with_thousands(std::size_t n) {
    std::string digits = std::to_string(n);
    for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, 1, ',');
    return digits;
}

}  // namespace newsindex::text
