// The stemmer the index is built and searched with.
#pragma once

#include <xapian.h>

namespace newsindex {

// Xapian's Snowball stemmer for the schema's language (schema::kStemLanguage), remembering
// the stem of each word it has seen. Indexing and snippets stem every word of every text, and
// a text repeats its words: a lookup costs a small fraction of running Snowball again. The
// result stems exactly as Xapian::Stem does.
//
// Each call returns a stemmer with its own memory, bounded (it is emptied when it holds
// kMaxRememberedStems words); a copy shares it. Like Xapian::Stem, not thread-safe: give each
// thread its own.
Xapian::Stem remembering_stemmer();

inline constexpr std::size_t kMaxRememberedStems = 100000;

}  // namespace newsindex
