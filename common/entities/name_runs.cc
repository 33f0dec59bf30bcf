#include "entities/name_runs.h"

#include <string_view>
#include <unordered_set>

#include "entities/casing.h"

namespace newsindex::entities {

namespace {

// At most this many joiners in a row ("Girl with a Pearl Earring", "Bank of the West").
constexpr std::size_t kMaxJoinersInRow = 2;

bool capitalised(const Token& token) {
    return token.word && initial_case(token.text) == InitialCase::Upper;
}

bool number(const Token& token) {
    return token.word && initial_case(token.text) == InitialCase::Digit;
}

bool adjacent(const Token& a, const Token& b) {
    return a.end == b.begin;
}

// A lower-case joiner, a possessive "'s" or an ampersand (the tokenizer keeps the last two as
// punctuation tokens).
bool joins(const Token& token) {
    if (token.sentence_start) return false;
    if (!token.word) return token.text == "&" || is_name_joiner(to_lower(token.text));
    return initial_case(token.text) == InitialCase::Lower && is_name_joiner(token.text);
}

bool is_article(const Token& token) {
    return token.text == "the" || token.text == "a";
}

}  // namespace

bool is_name_joiner(const std::string& lower) {
    static const std::unordered_set<std::string_view> kJoiners = {
        "of",  "for", "the", "and", "&",    "de",   "la",    "le",  "les",    "du",  "des",
        "del", "di",  "da",  "do",  "dos",  "das",  "von",   "van", "der",    "den", "al",
        "el",  "y",   "e",   "a",   "with", "upon", "della", "'s",  "\u2019s"};
    return kJoiners.count(lower) > 0;
}

NameRuns find_name_runs(const std::vector<Token>& tokens) {
    NameRuns result;
    result.run_of.assign(tokens.size(), -1);
    std::size_t i = 0;
    while (i < tokens.size()) {
        if (!capitalised(tokens[i])) {
            ++i;
            continue;
        }
        NameRun run{i, i + 1, i};
        std::size_t k = i + 1;
        while (k < tokens.size()) {
            const Token& t = tokens[k];
            if (capitalised(t) && !t.sentence_start) {
                run.end = run.head = k;
                ++run.end;
                ++k;
                continue;
            }
            if (number(t) && !t.sentence_start) {
                run.end = ++k;
                continue;
            }
            // "Myer-Henderson", "Rolls-Royce": a hyphen with a capitalised word on each side.
            if (t.text == "-" && k + 1 < tokens.size() && adjacent(tokens[k - 1], t) &&
                adjacent(t, tokens[k + 1]) &&
                (capitalised(tokens[k + 1]) || number(tokens[k + 1]))) {
                ++k;
                continue;
            }
            break;
        }
        // A run never ends in a joiner or a hyphen: run.end is one past its last capital or
        // number.
        const int index = static_cast<int>(result.runs.size());
        for (std::size_t t = run.begin; t < run.end; ++t) result.run_of[t] = index;
        result.runs.push_back(run);
        i = run.end;
    }
    // Runs one or two joiners apart ("Bank" of "England", "Bank" of the "West").
    for (std::size_t r = 0; r + 1 < result.runs.size(); ++r) {
        const std::size_t from = result.runs[r].end, to = result.runs[r + 1].begin;
        if (to <= from || to - from > kMaxJoinersInRow) continue;
        bool joined = true;
        for (std::size_t k = from; k < to && joined; ++k)
            joined = joins(tokens[k]) && (k > from || !is_article(tokens[k]));
        if (joined) {
            result.runs[r].next = static_cast<int>(r + 1);
            result.runs[r + 1].previous = static_cast<int>(r);
        }
    }
    return result;
}

}  // namespace newsindex::entities
