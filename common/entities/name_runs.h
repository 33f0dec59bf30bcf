// Runs of capitalised words ("Joint Base Myer-Henderson Hall", "NEW YORK", "Nord Stream 2"):
// the stretches where names can be, found once per segment so that every word of a run sees
// the run's first and last words and what surrounds it (features.h). This is what the rule
// extractor once reasoned about with hand-written lists; the model now weighs it from data.
// Pure function, thread-safe.
#pragma once

#include <cstddef>
#include <vector>

#include "entities/tokenizer.h"

namespace newsindex::entities {

// The run a token belongs to: tokens [begin, end) of its segment, with `head` the last
// capitalised word of the run (a run may end in a number: "Nord Stream 2", "Highway 3").
struct NameRun {
    std::size_t begin = 0, end = 0, head = 0;
    // The runs just before and after it when only joiners stand between ("of", "for", "and",
    // "de", "von", a possessive "'s", or an article after one of them: "Bank of the West"),
    // else -1. Joiners are ambiguous ("Shares of Acme", "Paris and Rome"), so the runs stay
    // apart and the model weighs the link.
    int previous = -1, next = -1;
};

// Per token, the index into the returned runs of the run holding it, or -1.
struct NameRuns {
    std::vector<NameRun> runs;
    std::vector<int> run_of;
};

// A run starts at a word whose first letter is a capital and continues while the next token
// is another such word, a number, or a hyphen between two words with no space around it.
// Anything else ends it, and so does a sentence's first word.
NameRuns find_name_runs(const std::vector<Token>& tokens);

// Whether `lower` (a lower-case word) may link two runs (NameRun::previous and next).
bool is_name_joiner(const std::string& lower);

}  // namespace newsindex::entities
