// The one scanner of query strings. Before Xapian's parser reads a query, newsindex rewrites
// it (accents folded outside exact fields, trailing wildcards handed to a field processor, a
// lone "*" and pure negations turned into match-all forms) and reads its plain words (for the
// proximity boost and spelling suggestions). All of these work on the tokens this lexer
// gives, so that they agree on what is a word, a phrase, a field value or an operator.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "schema.h"

namespace newsindex::searcher {

struct QueryToken {
    enum class Kind {
        Word,      // a run of text without white space, brackets or quotes: Scholz's, ukrain*
        Phrase,    // "quoted words" (text is what stands between the quotes)
        Field,     // name:value for a field of the schema, or for an internal field
        Operator,  // AND OR NOT XOR NEAR ADJ, NEAR/n, ADJ/n: upper case, as Xapian reads them
        Open,      // (
        Close,     // )
        MatchAll,  // * standing alone: every article
    };
    Kind kind = Kind::Word;
    char sign = 0;                         // '+' or '-' typed right before the token; 0 for none
    std::string text;                      // see Kind; for Field, the value without its quotes
    std::string field_name;                // Field: as it is to be written back ("title")
    const schema::Field* field = nullptr;  // Field: the schema's field, nullptr if internal
    bool quoted = false;                   // Field: the value was quoted

    // For a Word, or an unquoted Field value, that is letters and digits followed by '*' (and
    // maybe punctuation): the letters and digits before the '*'. Otherwise empty.
    std::string wildcard_start() const;
    bool is_wildcard() const;
};

// Splits text into tokens. Never throws: any text gives some tokens (an unclosed quote runs
// to the end; "name:" with an unknown name is part of a Word, as Xapian reads it).
std::vector<QueryToken> lex_query(std::string_view text);

// Writes tokens back as a query string that Xapian's parser reads as the tokens say
// (tokens separated by single spaces, signs and quotes restored).
std::string write_query(const std::vector<QueryToken>& tokens);

// The words of a Word or Phrase token's text in the order typed, lower case: runs of
// Unicode letters and digits, an apostrophe between letters kept ("scholz's").
std::vector<std::string> words_of(std::string_view text);

// True when the query has something that selects articles by itself: a word, phrase or
// field value without '-', or an operator or bracket (whose meaning Xapian decides). False
// when every token is a '-' exclusion or a lone "*": such queries mean "every article
// except", which Xapian's parser would read as the excluded words themselves.
bool has_positive_part(const std::vector<QueryToken>& tokens);

}  // namespace newsindex::searcher
