#include "text/elision.h"

#include <xapian.h>

#include <array>

#include "text/strings.h"

namespace newsindex::text {

namespace {

struct ElisionLanguage {
    std::string_view code;
    std::string_view forms;  // the elided forms, lower case, separated by spaces
};

constexpr std::array<ElisionLanguage, 3> kElisions = {{
    {"fr", "c d j l m n s t qu jusqu lorsqu puisqu quoiqu quelqu presqu"},
    {"it", "l d c s m t v n un dell dall nell sull all coll quell quest bell sant tutt anch"},
    {"ca", "l d s m t n"},
}};

const ElisionLanguage* elisions_of(std::string_view language) {
    for (const ElisionLanguage& entry : kElisions) {
        if (entry.code == language) return &entry;
    }
    return nullptr;
}

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The apostrophe at text[i], if any: its length in bytes (1 for ', 3 for U+2019 and U+02BC
// is 2), else 0.
std::size_t apostrophe_at(std::string_view text, std::size_t i) {
    if (text[i] == '\'') return 1;
    if (text.compare(i, 3, "\xE2\x80\x99") == 0) return 3;  // U+2019 right single quote
    if (text.compare(i, 2, "\xCA\xBC") == 0) return 2;      // U+02BC modifier apostrophe
    return 0;
}

// A letter or digit starts at text[i] ("l'élection", "dell'11 settembre"). Accented letters
// are what follows an elision: any character outside ASCII counts (punctuation there is rare).
bool letter_at(std::string_view text, std::size_t i) {
    return i < text.size() && (is_ascii_letter(text[i]) || (text[i] >= '0' && text[i] <= '9') ||
                               static_cast<unsigned char>(text[i]) >= 0xC0);
}

// True when the character that ends right before text[end] is a letter or digit (Xapian's
// word characters), so that a run of ASCII letters starting at end is no word of its own:
// "ménagél'" is inside a word, "«l'" and "“l’" start one.
bool word_character_before(std::string_view text, std::size_t end) {
    if (end == 0) return false;
    std::size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    Xapian::Utf8Iterator it(text.data() + start, end - start);
    return Xapian::Unicode::is_wordchar(*it);
}

bool is_elided_form(std::string_view word, std::string_view forms) {
    const std::string lower = ascii_lower(word);
    std::size_t start = 0;
    while (start < forms.size()) {
        std::size_t end = forms.find(' ', start);
        if (end == std::string_view::npos) end = forms.size();
        if (forms.substr(start, end - start) == lower) return true;
        start = end + 1;
    }
    return false;
}

}  // namespace

bool has_elisions(std::string_view primary_language) {
    return elisions_of(primary_language) != nullptr;
}

std::string split_elisions(std::string_view text, std::string_view primary_language) {
    const ElisionLanguage* language = elisions_of(primary_language);
    if (!language) return std::string(text);
    std::string out;
    out.reserve(text.size());
    std::size_t word_start = 0;  // in text: where the current run of ASCII letters began
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t apostrophe = apostrophe_at(text, i);
        if (apostrophe > 0) {
            const std::string_view word = text.substr(word_start, i - word_start);
            // The run of letters must be a whole word: nothing letter-like right before it.
            const bool at_word_start = !word_character_before(text, word_start);
            if (!word.empty() && word.size() <= 6 && at_word_start &&
                letter_at(text, i + apostrophe) && is_elided_form(word, language->forms)) {
                out += ' ';
            } else {
                out.append(text.substr(i, apostrophe));
            }
            i += apostrophe;
            word_start = i;
            continue;
        }
        out += text[i];
        ++i;
        if (!is_ascii_letter(text[i - 1])) word_start = i;
    }
    return out;
}

}  // namespace newsindex::text
