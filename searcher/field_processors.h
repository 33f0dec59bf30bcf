// Xapian field processors for the query language's fields: what "date:", the boolean fields
// ("site:", "id:"), the filtering free-text fields ("author:", "person:", "entity:") and
// trailing wildcards turn into. QueryBuilder registers them from the schema's field table.
// Each function returns a new processor for Xapian::QueryParser::add_prefix() or
// add_boolean_prefix(); call release() on it to hand ownership to the parser. Processors
// are used by one parser at a time (Xapian's parser is not thread-safe).
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

#include "schema.h"

namespace newsindex::searcher {

// "date:VALUE" through date_query(). Throwing through Xapian's parser leaks its state (seen
// with LeakSanitizer on Xapian 1.4.22), so a bad value matches nothing and its message is
// stored in problem (the first one only), which the caller must outlive the processor and
// check after each parse.
Xapian::FieldProcessor* new_date_processor(std::string& problem, std::string today);

// A boolean field's value normalised as the indexer normalised it, as one exact term.
Xapian::FieldProcessor* new_boolean_processor(const schema::Field& field);

// A free-text field used as a filter: the value's words within the field (a phrase where the
// field keeps positions, else all of them anywhere in it); a field made of others
// (Field::query_prefixes) matches under any of them.
Xapian::FieldProcessor* new_text_filter_processor(const schema::Field& field);

// A trailing wildcard's start ("ukrain" of "ukrain*"), expanded over the stems under
// kStemPrefix + prefix ("" for the body, a free-text field's prefix for "title:pipel*").
Xapian::FieldProcessor* new_wildcard_processor(std::string_view prefix);

}  // namespace newsindex::searcher
