#include "entities/tokenizer.h"

#include <utf8proc.h>

namespace newsindex::entities {

namespace {

struct CodePoint {
    utf8proc_int32_t value;  // -1 for an invalid byte
    std::size_t length;
};

CodePoint code_point_at(const std::string& text, std::size_t at) {
    if (at >= text.size()) return {0, 0};
    const auto c = static_cast<unsigned char>(text[at]);
    if (c < 0x80) return {c, 1};
    utf8proc_int32_t cp = -1;
    const utf8proc_ssize_t n =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + at,
                         static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
    if (n <= 0) return {-1, 1};
    return {cp, static_cast<std::size_t>(n)};
}

bool is_word_char(utf8proc_int32_t cp) {
    if (cp < 0) return false;
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC:
        case UTF8PROC_CATEGORY_ND:
            return true;
        default:
            return false;
    }
}

bool is_space(utf8proc_int32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0xA0 || cp == 0x2009 || cp == 0x202F || cp == 0x200B;
}

bool is_apostrophe(utf8proc_int32_t cp) {
    return cp == '\'' || cp == 0x2019;
}

bool is_digit(utf8proc_int32_t cp) {
    return cp >= '0' && cp <= '9';
}

bool is_upper_letter(utf8proc_int32_t cp) {
    return cp >= 0 && (utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
                       utf8proc_category(cp) == UTF8PROC_CATEGORY_LT);
}

// Punctuation after which the next word starts a sentence.
bool ends_sentence(const std::string& token) {
    return token == "." || token == "!" || token == "?" || token == "\xE2\x80\x94" /* — */ ||
           token == "\xE2\x80\xA6" /* … */;
}

// Arabic name particles joined to a name by a hyphen ("al-Sisi", "el-Baradei"): one word
// with the name, as the name is written and indexed that way.
bool name_particle(const std::string& text, std::size_t begin, std::size_t end) {
    const std::string part = text.substr(begin, end - begin);
    return part == "al" || part == "el" || part == "ad" || part == "ash" || part == "as" ||
           part == "bin" || part == "ibn" || part == "abu" || part == "abd";
}

}  // namespace

std::vector<Token> tokenize(const std::string& text,
                            const std::function<bool(const std::string&)>& abbreviation) {
    std::vector<Token> tokens;
    bool sentence_start = true, line_start = true;
    int newlines = 0;
    std::size_t i = 0;
    auto push = [&](std::size_t begin, std::size_t end, bool word) {
        Token token;
        token.begin = begin;
        token.end = end;
        token.text = text.substr(begin, end - begin);
        token.word = word;
        token.sentence_start = sentence_start || newlines >= 2;
        token.line_start = line_start;
        if (word) {
            sentence_start = false;
        } else if (ends_sentence(token.text)) {
            sentence_start = true;
        }
        line_start = false;
        newlines = 0;
        tokens.push_back(std::move(token));
    };
    while (i < text.size()) {
        const CodePoint c = code_point_at(text, i);
        if (is_space(c.value)) {
            if (c.value == '\n') {
                line_start = true;
                ++newlines;
            }
            i += c.length;
            continue;
        }
        if (!is_word_char(c.value)) {
            // A possessive: "'s" after a word, or a bare apostrophe after "s" ("Williams' car").
            if (is_apostrophe(c.value) && !tokens.empty() && tokens.back().end == i &&
                tokens.back().word) {
                const CodePoint s = code_point_at(text, i + c.length);
                if ((s.value == 's' || s.value == 'S') &&
                    !is_word_char(code_point_at(text, i + c.length + 1).value)) {
                    const bool keep = sentence_start;
                    push(i, i + c.length + 1, false);
                    sentence_start = keep;
                    i += c.length + 1;
                    continue;
                }
            }
            // A dot joined to the word before: sentence end unless that word keeps its dot.
            push(i, i + c.length, false);
            i += c.length;
            continue;
        }
        const std::size_t begin = i;
        std::size_t end = i;
        bool inner_dot = false;
        std::size_t letters = 0;
        bool single_capital = false;
        while (end < text.size()) {
            const CodePoint d = code_point_at(text, end);
            if (is_word_char(d.value)) {
                if (letters == 0) single_capital = is_upper_letter(d.value);
                ++letters;
                end += d.length;
                continue;
            }
            const CodePoint next = code_point_at(text, end + d.length);
            if (is_apostrophe(d.value) && is_word_char(next.value)) {
                // "O'Brien", "don't" stay whole; "Putin's" splits before the possessive.
                const CodePoint after = code_point_at(text, end + d.length + next.length);
                if ((next.value == 's' || next.value == 'S') && !is_word_char(after.value)) break;
                end += d.length;
                continue;
            }
            if ((d.value == '.' || d.value == ',') && is_digit(next.value) && end > begin &&
                is_digit(static_cast<unsigned char>(text[end - 1]))) {
                end += 1;  // "4.35", "1,000"
                continue;
            }
            if (d.value == '.' && is_word_char(next.value) && !is_digit(next.value)) {
                // "U.S", "a.m": a dot between letters when a dot or the end of the word follows.
                const CodePoint after = code_point_at(text, end + 1 + next.length);
                if (after.value == '.' || (letters == 1 && !is_word_char(after.value))) {
                    inner_dot = true;
                    end += 1;
                    continue;
                }
            }
            if (d.value == '-' && is_upper_letter(next.value) && name_particle(text, begin, end)) {
                end += 1;  // "al-Sisi", "bin-Salman": the particle belongs to the name
                continue;
            }
            if (d.value == '&' && letters <= 3 && is_word_char(next.value) && end > begin) {
                end += 1;  // "AT&T", "S&P"
                continue;
            }
            break;
        }
        if (end < text.size() && text[end] == '.') {
            const std::string word = text.substr(begin, end - begin);
            if (inner_dot || (letters == 1 && single_capital) ||
                (abbreviation && abbreviation(word)))
                ++end;
        }
        push(begin, end, true);
        // A word that took its dot may still end the sentence ("... in the U.S. Prices rose"):
        // a capital after it is read as a new sentence only when the word was not an abbreviation
        // of a title; the model sees the shape either way.
        if (text[end - 1] == '.' && end - begin > 1) {
            std::size_t k = end;
            while (k < text.size() && text[k] == ' ') ++k;
            if (k < text.size() && text[k] == '\n') sentence_start = true;
        }
        i = end;
    }
    return tokens;
}

}  // namespace newsindex::entities
