// The stemmers the index is built and searched with: one per article language that Xapian has
// a Snowball stemmer for, the schema's default language (schema::kStemLanguage) for the rest.
// The indexer and the searcher both choose through stemmer_language(), so the stems a
// document holds are the ones a query of its language makes (docs/schema.md, "Languages").
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsindex {

// Xapian's name of the stemmer for an article language given as a primary subtag ("de" ->
// "german", "nb" -> "norwegian"), or schema::kStemLanguage for "" and for a language Xapian
// has no stemmer for ("pl", "zh"). Thread-safe.
std::string stemmer_language(std::string_view primary_language);

// The primary subtags whose articles are stemmed otherwise than by the default: each
// language with a Snowball stemmer of its own, except the default's ("en"). Sorted.
const std::vector<std::string>& languages_with_own_stemmer();

// The Snowball stemmer for primary_language (as stemmer_language() chooses it), remembering
// the stem of each word it has seen. Indexing and snippets stem every word of every text, and
// a text repeats its words: a lookup costs a small fraction of running Snowball again. The
// result stems exactly as Xapian::Stem does.
//
// Each call returns a stemmer with its own memory, bounded (it is emptied when it holds
// kMaxRememberedStems words); a copy shares it. Like Xapian::Stem, not thread-safe: give each
// thread its own.
Xapian::Stem remembering_stemmer(std::string_view primary_language = {});

inline constexpr std::size_t kMaxRememberedStems = 100000;

}  // namespace newsindex
