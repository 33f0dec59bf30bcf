// Tokens of news text for the entity recogniser, with their byte offsets, so that a mention's
// surface is a slice of the text. Words keep inner apostrophes, dots of abbreviations ("U.S.",
// "Gen.") and digit groups ("4.35"); hyphens, slashes, possessive "'s" and every punctuation
// character are tokens of their own, so "California-based" gives "California" and
// "Putin's" gives "Putin". Pure function, thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace newsindex::entities {

struct Token {
    std::size_t begin = 0, end = 0;  // bytes [begin, end) of the text
    std::string text;
    bool word = false;            // letters or digits (else punctuation or a symbol)
    bool sentence_start = false;  // first word of the text, a paragraph or a sentence
    bool line_start = false;      // first token of a line
};

// `abbreviation` says whether a word (without its dot) keeps a following dot ("Gen", "Inc");
// words with an inner dot ("U.S") and single capitals ("Q") always keep it.
std::vector<Token> tokenize(const std::string& text,
                            const std::function<bool(const std::string&)>& abbreviation = {});

}  // namespace newsindex::entities
