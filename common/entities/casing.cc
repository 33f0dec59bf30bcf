#include "entities/casing.h"

#include <utf8proc.h>

namespace newsindex::entities {

namespace {

// The code point at `at` and its length in bytes; -1 (length 1) for an invalid sequence.
utf8proc_int32_t next_code_point(const std::string& text, std::size_t at, std::size_t* length) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
        *length = 1;
        return byte;
    }
    utf8proc_int32_t cp = -1;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + at;
    const utf8proc_ssize_t n =
        utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
    if (n <= 0) {
        *length = 1;
        return -1;
    }
    *length = static_cast<std::size_t>(n);
    return cp;
}

enum class Kind { Upper, Lower, Digit, UncasedLetter, Other };

Kind kind_of(utf8proc_int32_t cp) {
    if (cp < 0) return Kind::Other;
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') return Kind::Upper;
        if (cp >= 'a' && cp <= 'z') return Kind::Lower;
        if (cp >= '0' && cp <= '9') return Kind::Digit;
        return Kind::Other;
    }
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LT:
            return Kind::Upper;
        case UTF8PROC_CATEGORY_LL:
            return Kind::Lower;
        case UTF8PROC_CATEGORY_ND:
            return Kind::Digit;
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
            return Kind::UncasedLetter;
        default:
            return Kind::Other;
    }
}

void append_code_point(std::string* out, utf8proc_int32_t cp) {
    utf8proc_uint8_t buffer[4];
    const utf8proc_ssize_t n = utf8proc_encode_char(cp, buffer);
    out->append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

}  // namespace

InitialCase initial_case(const std::string& word) {
    for (std::size_t at = 0; at < word.size();) {
        const auto byte = static_cast<unsigned char>(word[at]);
        if (byte < 0x80) {
            if (byte >= 'A' && byte <= 'Z') return InitialCase::Upper;
            if (byte >= 'a' && byte <= 'z') return InitialCase::Lower;
            if (byte >= '0' && byte <= '9') return InitialCase::Digit;
            ++at;
            continue;
        }
        std::size_t length = 0;
        switch (kind_of(next_code_point(word, at, &length))) {
            case Kind::Upper:
                return InitialCase::Upper;
            case Kind::Lower:
                return InitialCase::Lower;
            case Kind::Digit:
                return InitialCase::Digit;
            case Kind::UncasedLetter:
                return InitialCase::None;
            case Kind::Other:
                break;
        }
        at += length;
    }
    return InitialCase::None;
}

bool starts_upper(const std::string& word) {
    return initial_case(word) == InitialCase::Upper;
}

bool has_lower_letter(const std::string& word) {
    for (std::size_t at = 0; at < word.size();) {
        std::size_t length = 0;
        if (kind_of(next_code_point(word, at, &length)) == Kind::Lower) return true;
        at += length;
    }
    return false;
}

bool has_letter(const std::string& word) {
    for (std::size_t at = 0; at < word.size();) {
        std::size_t length = 0;
        const Kind kind = kind_of(next_code_point(word, at, &length));
        if (kind == Kind::Upper || kind == Kind::Lower || kind == Kind::UncasedLetter) return true;
        at += length;
    }
    return false;
}

bool all_capitals(const std::string& word) {
    int capitals = 0;
    for (std::size_t at = 0; at < word.size();) {
        std::size_t length = 0;
        const Kind kind = kind_of(next_code_point(word, at, &length));
        if (kind == Kind::Lower) return false;
        if (kind == Kind::Upper) ++capitals;
        at += length;
    }
    return capitals >= 2;
}

std::string to_lower(const std::string& word) {
    std::string out;
    out.reserve(word.size());
    for (std::size_t at = 0; at < word.size();) {
        const auto byte = static_cast<unsigned char>(word[at]);
        if (byte < 0x80) {
            out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
            ++at;
            continue;
        }
        std::size_t length = 0;
        const utf8proc_int32_t cp = next_code_point(word, at, &length);
        if (cp < 0)
            out.append(word, at, length);
        else
            append_code_point(&out, utf8proc_tolower(cp));
        at += length;
    }
    return out;
}

std::string to_title_case(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    bool word_start = true;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = 0;
        const utf8proc_int32_t cp = next_code_point(text, at, &length);
        if (cp < 0) {
            out.append(text, at, length);
            word_start = false;
        } else {
            const Kind kind = kind_of(cp);
            const bool letter = kind == Kind::Upper || kind == Kind::Lower;
            append_code_point(&out, !letter      ? cp
                                    : word_start ? utf8proc_toupper(cp)
                                                 : utf8proc_tolower(cp));
            word_start = cp == ' ' || cp == '-' || cp == '\'' || cp == 0x2019 || cp == '\n';
        }
        at += length;
    }
    return out;
}

std::string word_shape(const std::string& word) {
    std::string shape;
    for (std::size_t at = 0; at < word.size() && shape.size() < 12;) {
        std::size_t length = 1;
        const auto byte = static_cast<unsigned char>(word[at]);
        const utf8proc_int32_t cp = byte < 0x80 ? byte : next_code_point(word, at, &length);
        char c;
        switch (kind_of(cp)) {
            case Kind::Upper:
                c = 'X';
                break;
            case Kind::Lower:
            case Kind::UncasedLetter:
                c = 'x';
                break;
            case Kind::Digit:
                c = 'd';
                break;
            default:
                c = (cp >= 0x21 && cp < 0x7F) ? static_cast<char>(cp) : '*';
        }
        if (shape.empty() || shape.back() != c || c == '.') shape += c;
        at += length;
    }
    return shape;
}

}  // namespace newsindex::entities
