// Turning a user's query string into a Xapian query. The parser is set up from the field
// table in common/schema.h, so every field the indexer writes can be searched by name.
// Not thread-safe (Xapian::QueryParser is not): give each thread its own QueryBuilder.
#pragma once

#include <xapian.h>

#include <string>

namespace newsindex::searcher {

class QueryBuilder {
  public:
    // db supplies the terms that wildcards expand to; it must outlive the builder.
    explicit QueryBuilder(const Xapian::Database& db);

    // Parses text: free words (all must match), "phrases", AND/OR/NOT, +/-, parentheses,
    // trailing wildcards, and field:value for the schema's fields (date:2022-01,
    // date:2022-01-10..2022-02-05, site:example.com, title:pipeline).
    // Throws QueryError naming the query and the problem.
    Xapian::Query parse(const std::string& text);

    // The stemmer queries are parsed with; snippets must use the same one.
    const Xapian::Stem& stemmer() const { return stemmer_; }

  private:
    Xapian::Stem stemmer_;
    Xapian::QueryParser parser_;
    std::string field_problem_;  // set by field processors during one parse()
};

// The query for a date: value, one of YYYY, YYYY-MM, YYYY-MM-DD (the whole period), or a
// range FROM..TO of those with either end left open. Throws Xapian::QueryParserError naming
// the value when it is not one of these forms or not a real date.
Xapian::Query date_query(const std::string& value);

}  // namespace newsindex::searcher
