// The rule extractor's mentions as per-token tags, a feature group of the model (rules.h).
#include <algorithm>
#include <cctype>

#include "entities/features.h"
#include "entities/rules.h"

namespace newsindex::entities {

namespace {

// Where `surface` (words joined by single spaces) next occurs in `text` from `from`, as whole
// words separated by any white space: [begin, end), or npos.
std::pair<std::size_t, std::size_t> find_words(const std::string& text, std::size_t from,
                                               const std::string& surface) {
    // Letters, digits and the bytes of non-ASCII letters; the general punctuation block
    // (U+2000-U+206F: curly quotes and apostrophes, dashes) is punctuation, so "NATO’s" holds
    // the word "NATO".
    auto word_at = [&text](std::size_t k) {
        if (k >= text.size()) return false;
        const auto c = static_cast<unsigned char>(text[k]);
        if (c < 0x80) return std::isalnum(c) != 0;
        if (c == 0xE2 && k + 1 < text.size()) {
            const auto d = static_cast<unsigned char>(text[k + 1]);
            return d != 0x80 && d != 0x81;
        }
        return c >= 0xC0;  // a lead byte; continuation bytes belong to the character before
    };
    auto edge_is_word = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
    };
    const std::size_t first_space = surface.find(' ');
    const std::string head = surface.substr(0, first_space);
    for (std::size_t at = text.find(head, from); at != std::string::npos;
         at = text.find(head, at + 1)) {
        if (at > 0 && edge_is_word(head[0])) {
            // The character before: back from its last byte to its lead byte.
            std::size_t previous = at - 1;
            while (previous > 0 && (static_cast<unsigned char>(text[previous]) & 0xC0) == 0x80)
                --previous;
            if (word_at(previous)) continue;
        }
        std::size_t t = at + head.size(), s = head.size();
        bool match = true;
        while (s < surface.size()) {
            if (surface[s] == ' ') {
                if (t >= text.size() || !std::isspace(static_cast<unsigned char>(text[t]))) {
                    match = false;
                    break;
                }
                while (t < text.size() && std::isspace(static_cast<unsigned char>(text[t]))) ++t;
                ++s;
            } else if (t < text.size() && text[t] == surface[s]) {
                ++t;
                ++s;
            } else {
                match = false;
                break;
            }
        }
        if (!match) continue;
        if (word_at(t) && edge_is_word(surface.back())) continue;
        return {at, t};
    }
    return {std::string::npos, std::string::npos};
}

}  // namespace

void set_rule_tags(Document& document, const Gazetteer& gazetteer) {
    Segment& title = document.segment(0);
    Segment& body = document.segment(1);
    std::size_t title_count = 0;
    const std::vector<Mention> mentions =
        rule_mentions(*title.text, *body.text, gazetteer, &title_count);
    std::size_t from[Document::kSegments] = {0, 0};
    for (int s = 0; s < Document::kSegments; ++s)
        document.segment(s).rule_tags.assign(document.segment(s).tokens.size(), kOutside);
    for (std::size_t m = 0; m < mentions.size(); ++m) {
        const int s = m < title_count ? 0 : 1;
        Segment& segment = document.segment(s);
        const auto [begin, end] = find_words(*segment.text, from[s], mentions[m].surface);
        if (begin == std::string::npos) continue;
        from[s] = end;
        // The tokens are in text order: start at the first that ends after the mention
        // begins, rather than walking every token for every mention.
        const auto& tokens = segment.tokens;
        auto i = static_cast<std::size_t>(
            std::partition_point(tokens.begin(), tokens.end(),
                                 [begin = begin](const Token& t) { return t.end <= begin; }) -
            tokens.begin());
        const int type = static_cast<int>(mentions[m].type);
        for (bool first = true; i < tokens.size() && tokens[i].begin < end; ++i, first = false)
            segment.rule_tags[i] = first ? begin_tag(type) : inside_tag(type);
    }
}

}  // namespace newsindex::entities
