// Pseudo-relevance feedback: the best-ranked articles of a first search lend the query the
// words they share, so that the ranking also rewards articles that use those words (the
// names and terms that go with the topic) without changing which articles match.
// Not thread-safe (uses the caller's Enquire).
#pragma once

#include <xapian.h>

namespace newsindex::searcher {

struct FeedbackOptions {
    Xapian::doccount documents = 10;  // top articles of the first search taken as relevant
    Xapian::termcount terms = 0;      // words taken from them; 0 turns feedback off
    double weight = 0.3;              // their weight relative to the query's own words
};

// Returns query with the expansion words added as OP_AND_MAYBE, so the set of matching
// articles stays exactly the query's and only their order changes; or query itself when
// options.terms is 0, the first search matched nothing, or no word qualifies. enquire must
// be set up (weighting scheme, database) and is left holding query. Expansion words are
// stems of the unprefixed text in at least two articles and not already in query.
// Throws Xapian::Error as Enquire does.
Xapian::Query with_feedback(Xapian::Enquire& enquire, const Xapian::Database& db,
                            const Xapian::Query& query, const FeedbackOptions& options);

}  // namespace newsindex::searcher
