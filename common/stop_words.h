// The function words ("the", "der", "les", "и") the searcher drops from a query unless they
// are quoted or marked with +, so that long questions rank by the words that carry meaning.
// The index keeps every word: stop words matter in phrases, and a list can change without a
// rebuild. One list per language the searcher parses queries in (stemmer.h); each is short
// and holds only articles, pronouns, prepositions, conjunctions and auxiliaries, never a
// word that is often a content word elsewhere in the language. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsindex {

// The stop words of primary_language, folded as the index folds words
// (text::fold_for_search) and in lower case, as Xapian's query parser looks them up; English
// ("en") also for "" and every language without a list of its own. Languages with a list:
// en de fr es it pt nl ru.
const std::vector<std::string>& query_stop_words(std::string_view primary_language);

// True when word (folded and lower case, as query_stop_words() holds them) is a stop word of
// primary_language's own list; false for every word of a language without one (English's
// list is not consulted).
bool is_own_stop_word(std::string_view primary_language, const std::string& word);

}  // namespace newsindex
