// Turning a user's query string into a Xapian query. The parser is set up from the field
// table in common/schema.h, so every field the indexer writes can be searched by name.
// Not thread-safe (Xapian::QueryParser is not): give each thread its own QueryBuilder.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace newsindex::searcher {

enum class MatchMode {
    AllWords,  // every word must match (the default)
    AnyWord,   // any word may match; more matching words rank higher
};

struct ParsedQuery {
    Xapian::Query query;
    // True when the query had to be read as plain words because its operators did not parse.
    bool read_as_plain_words = false;
    // The starts of the query's trailing wildcards as typed, lower case ("ukrain" of
    // "Ukrain*"): snippets highlight the words they begin.
    std::vector<std::string> wildcard_starts;
};

class QueryBuilder {
  public:
    // db supplies wildcard expansions and spelling data; it must outlive the builder.
    // today ("YYYYMMDD") anchors relative dates; empty means the local date now.
    explicit QueryBuilder(const Xapian::Database& db, std::string today = {});

    // Parses text: free words, "phrases", NEAR/ADJ, AND/OR/NOT, +/-, parentheses, trailing
    // wildcards, and field:value for the schema's fields. With AllWords, articles where the
    // words stand together rank higher. A query whose operators cannot be parsed is read
    // again as plain words; stray punctuation is ignored.
    // Throws QueryError naming the query and the problem (a bad date, no words at all).
    ParsedQuery parse(const std::string& text, MatchMode mode = MatchMode::AllWords,
                      bool proximity_boost = true);

    // The query with its misspelt words replaced by the closest words of the index's spelling
    // data, or empty when nothing needs correcting, the databases have no spelling data
    // (remote shards) or the query does not parse. Looking words up costs more than a whole
    // search of a common word, so callers ask only when a query found little.
    std::string spelling_correction(const std::string& text);

  private:
    Xapian::Query proximity_boost(const std::string& text);

    Xapian::Stem stemmer_;
    Xapian::SimpleStopper stopper_;
    Xapian::QueryParser parser_;
    std::string field_problem_;  // set by field processors during one parse()
    bool spelling_available_ = true;
    unsigned last_flags_ = 0;  // the parser flags the last parse() succeeded with
};

// The query for a date: value, one of YYYY, YYYY-MM, YYYY-MM-DD (the whole period), today,
// yesterday, or Nd/Nw/Nm/Ny (that many days, weeks, months or years before today); or a
// range FROM..TO of those with either end left open. A lone Nd/Nw/Nm/Ny means from then
// until today. today is "YYYYMMDD". Throws Xapian::QueryParserError naming the value when it
// is none of these forms or not a real date.
Xapian::Query date_query(const std::string& value, const std::string& today);

}  // namespace newsindex::searcher
