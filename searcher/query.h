// Turning a user's query string into a Xapian query. The parser is set up from the field
// table in common/schema.h, so every field the indexer writes can be searched by name.
// Not thread-safe (Xapian::QueryParser is not): give each thread its own QueryBuilder.
#pragma once

#include <xapian.h>

#include <deque>
#include <string>
#include <vector>

#include "query_lexer.h"

namespace newsindex::searcher {

enum class MatchMode {
    AllWords,  // every word must match (the default)
    AnyWord,   // any word may match; more matching words rank higher
};

struct ParsedQuery {
    // What to run: the matches, ranked, with the proximity boost when asked for and there is
    // one (AND_MAYBE of unboosted and proximity).
    Xapian::Query query;
    // When proximity (the boost alone) is not empty, unboosted is query without it: a search
    // may rank by unboosted and boost only its first matches (searcher/rerank.h).
    Xapian::Query unboosted;
    Xapian::Query proximity;
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
    // wildcards, field:value for the schema's fields, and "*" for every article. A query of
    // exclusions only ("-Milley", "NOT Milley") matches every article without them. With AllWords,
    // articles where the words stand together rank higher. A query whose operators cannot be parsed
    // is read again as plain words; stray punctuation is ignored. Throws QueryError naming the
    // query and the problem (a bad date, a field without a value, no words at all).
    ParsedQuery parse(const std::string& text, MatchMode mode = MatchMode::AllWords,
                      bool proximity_boost = true);

    // The query with its misspelt plain words replaced by the closest words of the index's
    // spelling data, or empty when nothing needs correcting or the databases have no spelling
    // data (remote shards). A word is misspelt when the index does not have it, or has it in
    // a hundredth as many articles as a word one or two letters away; stop words, phrases,
    // field values, excluded words and wildcards are never changed. Callers must still check
    // that the correction finds more articles than the query. Looking words up costs more than
    // a whole search of a common word, so callers ask only when a query found little.
    std::string spelling_correction(const std::string& text);

  private:
    // How the query's words are read for the articles of one language: its stemmer
    // (stemmer.h), stop words (stop_words.h, the language's and English's) and elisions
    // (text/elision.h).
    struct LanguageAnalysis {
        std::string code;  // primary subtag; empty for the default
        std::string term;  // the language's L term; empty for the default
        Xapian::Stem stemmer;
        const Xapian::SimpleStopper* stopper = nullptr;  // shared by every search; never null
    };
    Xapian::Query proximity_boost(const std::vector<QueryToken>& tokens,
                                  const LanguageAnalysis& language);
    // The query for every language the database holds: each language's articles matched with
    // its own stems and stop words, all other articles with the default's. make(language)
    // builds one language's query.
    template <typename MakeQuery>
    Xapian::Query in_every_language(MakeQuery make);
    // A better spelling of one lower-case word, or empty when the word should stay.
    std::string better_spelling(const std::string& word);

    const Xapian::Database& db_;

    // English, and every language without a stemmer of its own.
    LanguageAnalysis default_;
    // The languages with a stemmer of their own that the database has articles in.
    std::deque<LanguageAnalysis> other_languages_;
    Xapian::QueryParser parser_;
    std::string field_problem_;  // set by field processors during one parse()
    bool spelling_available_ = true;
};

}  // namespace newsindex::searcher
