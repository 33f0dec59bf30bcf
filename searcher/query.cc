#include "query.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

#include "date_grammar.h"
#include "errors.h"
#include "field_processors.h"
#include "query_lexer.h"
#include "schema.h"
#include "stemmer.h"
#include "stop_words.h"
#include "text/elision.h"
#include "text/fold.h"
#include "text/strings.h"
#include "text/utf8.h"

namespace newsindex::searcher {

namespace {

// The query tokens written as the articles of a language with elisions are indexed
// (text/elision.h): a word, or a free-text field's value, drops its elided form ("l'élection"
// -> "élection"; a sign or field stays on the word, and the form is one of the language's
// stop words), and a phrase or quoted value keeps it as a word of its own, as the index does
// ("\"l'élection du maire\"" -> "\"l élection du maire\""). What is left of a word is never an
// operator: "L'OR" is the word "or".
std::string with_elisions_apart(std::vector<QueryToken> tokens, const std::string& language) {
    for (QueryToken& token : tokens) {
        const bool free_text_value = token.kind == QueryToken::Kind::Field && token.field &&
                                     token.field->kind == schema::FieldKind::FreeText;
        if (token.kind == QueryToken::Kind::Phrase || (free_text_value && token.quoted)) {
            token.text = text::split_elisions(token.text, language);
            continue;
        }
        if (token.kind != QueryToken::Kind::Word && !free_text_value) continue;
        const std::string split = text::split_elisions(token.text, language);
        if (split == token.text) continue;
        token.text = split.substr(split.rfind(' ') + 1);
        for (std::string_view operator_word : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"}) {
            if (token.text == operator_word) token.text = text::ascii_lower(token.text);
        }
    }
    return write_query(tokens);
}

// The internal field names trailing wildcards are handed to: this, plus a weighted free-text
// field's prefix for "title:pipel*".
constexpr const char* kWildcardField = "newsindexwildcard";

constexpr unsigned kOperatorFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_CJK_NGRAM;
// Chinese, Japanese and Korean words as the indexer cuts them (document_builder.cc).
constexpr unsigned kPlainWordFlags = Xapian::QueryParser::FLAG_CJK_NGRAM;

// Spelling: a word that is in the index is suggested away only when the suggestion is in this
// many times more articles (a typo of a common name in a large archive), and words are
// corrected by at most this edit distance (one for words of four letters or fewer).
constexpr Xapian::doccount kFarRarerFactor = 100;
constexpr unsigned kMaxEditDistance = 2;
constexpr std::size_t kShortWordLetters = 4;

bool is_exact_field(const QueryToken& token) {
    return token.kind == QueryToken::Kind::Field && token.field &&
           token.field->kind == schema::FieldKind::Boolean;
}

// Query text is folded as the indexer folds article text (text::fold_for_search: compatibility
// forms, case, marks and letters like ß and ø), outside exact fields, whose values must match
// as the indexer normalised them.
void fold_tokens(std::vector<QueryToken>& tokens) {
    for (QueryToken& token : tokens) {
        if (!is_exact_field(token)) token.text = text::fold_for_search(token.text);
    }
}

// Xapian 1.4's parser makes a quoted Chinese, Japanese or Korean phrase a phrase of single
// characters, at positions its TermGenerator does not give them (each character pair stands
// between two characters), so it would never match. Unquoted, the parser asks for every
// character and every pair of neighbours, which is the phrase in all but their order.
void unquote_cjk_phrases(std::vector<QueryToken>& tokens) {
    for (QueryToken& token : tokens) {
        if (token.kind != QueryToken::Kind::Phrase || token.text.empty()) continue;
        bool all_cjk = true;
        for (Xapian::Utf8Iterator it(token.text), end; it != end && all_cjk; ++it)
            all_cjk = text::is_cjk(*it) || *it == ' ';
        if (all_cjk) token.kind = QueryToken::Kind::Word;
    }
}

// "pipel*" -> newsindexwildcard:pipel, "title:pipel*" -> newsindexwildcardS:pipel (weighted
// free-text fields only: filters take no wildcards). Returns the starts, lower case.
std::vector<std::string> hand_wildcards_to_processor(std::vector<QueryToken>& tokens) {
    std::vector<std::string> starts;
    for (QueryToken& token : tokens) {
        const std::string start = token.wildcard_start();
        if (start.empty()) continue;
        std::string prefix;
        if (token.kind == QueryToken::Kind::Field) {
            const schema::Field* field = token.field;
            if (!field || field->kind != schema::FieldKind::FreeText || field->query_as_filter)
                continue;
            prefix = std::string(field->prefix);
        }
        token.text = start;
        starts.push_back(Xapian::Unicode::tolower(start));
        token.kind = QueryToken::Kind::Field;
        token.field = nullptr;
        token.quoted = false;
        token.field_name = kWildcardField + prefix;
    }
    return starts;
}

bool is_proximity_operator(const QueryToken& token) {
    return token.kind == QueryToken::Kind::Operator &&
           (token.text.compare(0, 4, "NEAR") == 0 || token.text.compare(0, 3, "ADJ") == 0);
}

// "-a NEAR b" -> "-( a NEAR b )", likewise with '+' and chains ("-a NEAR b ADJ c"). Xapian
// reads a sign on the first operand as a sign on the whole group, but only when nothing
// unsigned follows: "-a NEAR b c" it reads as four plain words, and Xapian 1.4.22 leaks memory
// on the way (found by tests/fuzz/fuzz_query.cc). In brackets the group means the same
// wherever it stands.
void bracket_signed_proximity(std::vector<QueryToken>& tokens) {
    for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
        if (!tokens[i].sign || !is_proximity_operator(tokens[i + 1])) continue;
        std::size_t last = i + 2;  // the group's last operand
        while (last + 2 < tokens.size() && is_proximity_operator(tokens[last + 1])) last += 2;
        QueryToken open, close;
        open.kind = QueryToken::Kind::Open;
        open.text = "(";
        open.sign = tokens[i].sign;
        close.kind = QueryToken::Kind::Close;
        close.text = ")";
        tokens[i].sign = 0;
        tokens.insert(tokens.begin() + static_cast<std::ptrdiff_t>(last) + 1, close);
        tokens.insert(tokens.begin() + static_cast<std::ptrdiff_t>(i), open);
        i = last + 2;  // past the close bracket
    }
}

// Code point edit distance (Levenshtein) of two UTF-8 words.
unsigned edit_distance(const std::string& a, const std::string& b) {
    std::vector<unsigned> x, y;
    for (Xapian::Utf8Iterator it(a), end; it != end; ++it) x.push_back(*it);
    for (Xapian::Utf8Iterator it(b), end; it != end; ++it) y.push_back(*it);
    std::vector<unsigned> row(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) row[j] = static_cast<unsigned>(j);
    for (std::size_t i = 1; i <= x.size(); ++i) {
        unsigned diagonal = row[0];
        row[0] = static_cast<unsigned>(i);
        for (std::size_t j = 1; j <= y.size(); ++j) {
            const unsigned above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] != y[j - 1])});
            diagonal = above;
        }
    }
    return row[y.size()];
}

std::size_t letters(const std::string& word) {
    std::size_t count = 0;
    for (Xapian::Utf8Iterator it(word), end; it != end; ++it) ++count;
    return count;
}

// The stop words a query in primary_language ("" for the default) leaves out: its own function
// words and English's, as English words stand in many articles of every language (names of
// films, quotes, "the" in titles). Built once per language and process, not per search (it was
// a tenth of a Reuters search's instructions); never changed after, so that threads may share
// it.
const Xapian::SimpleStopper& query_stopper(const std::string& primary_language) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<Xapian::SimpleStopper>> stoppers;
    std::lock_guard<std::mutex> lock(mutex);
    std::unique_ptr<Xapian::SimpleStopper>& stopper = stoppers[primary_language];
    if (!stopper) {
        stopper = std::make_unique<Xapian::SimpleStopper>();
        for (const std::string& word : query_stop_words("en")) stopper->add(word);
        if (!primary_language.empty())
            for (const std::string& word : query_stop_words(primary_language)) stopper->add(word);
    }
    return *stopper;
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, std::string today) : db_(db) {
    if (today.empty()) today = today_local();
    default_.stemmer = remembering_stemmer();
    default_.stopper = &query_stopper("");
    // The languages the database holds, read in one pass over the language terms: one
    // request per remote shard, where a frequency per language was one round trip each (30
    // languages, two thirds of a remote search's round trips).
    const std::string language_prefix(schema::language_prefix());
    std::set<std::string> held_languages;
    for (auto it = db.allterms_begin(language_prefix); it != db.allterms_end(language_prefix); ++it)
        held_languages.insert(*it);
    for (const std::string& language : languages_with_own_stemmer()) {
        const std::string term = schema::language_term(language);
        if (held_languages.count(term) == 0) continue;
        LanguageAnalysis& analysis = other_languages_.emplace_back();
        analysis.code = language;
        analysis.term = term;
        analysis.stemmer = remembering_stemmer(language);
        analysis.stopper = &query_stopper(language);
    }
    parser_.set_database(db);
    parser_.set_stemmer(default_.stemmer);
    // The index holds stems only (docs/schema.md), phrases included.
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
    parser_.set_stopper(default_.stopper);
    parser_.add_prefix(kWildcardField, new_wildcard_processor("")->release());
    for (const schema::Field& field : schema::fields()) {
        if (field.kind == schema::FieldKind::FreeText && !field.query_as_filter && field.values_of)
            parser_.add_prefix(kWildcardField + std::string(field.prefix),
                               new_wildcard_processor(field.prefix)->release());
    }
    for (const schema::Field& field : schema::fields()) {
        const std::string name(field.name);
        switch (field.kind) {
            case schema::FieldKind::FreeText:
                if (field.query_as_filter)
                    parser_.add_boolean_prefix(name, new_text_filter_processor(field)->release());
                else
                    parser_.add_prefix(name, std::string(field.prefix));
                break;
            case schema::FieldKind::Boolean:
                parser_.add_boolean_prefix(name, new_boolean_processor(field)->release());
                break;
            case schema::FieldKind::Date:
                parser_.add_boolean_prefix(name,
                                           new_date_processor(field_problem_, today)->release());
                break;
        }
    }
}

Xapian::Query QueryBuilder::proximity_boost(const std::vector<QueryToken>& tokens,
                                            const LanguageAnalysis& language) {
    // The plain words of the query, in the order typed, stemmed as the indexer stems them, as
    // a phrase: an article where they stand together gets the phrase's weight on top.
    // Field values, operators, excluded words and stop words are not plain words. (Parsing
    // the text a second time with Xapian's parser would be simpler, but Xapian 1.4.22 frees
    // memory with the wrong type when such a parser meets "field:" syntax; ASan reports it.)
    // Only short queries: names and phrases are a few words long, and in a long question the
    // words never all stand together (measured on CACM: docs/ranking.md).
    // Nor when the words are those of one quoted phrase: the query is that phrase already, and
    // the boost would double every score and read the positions twice.
    constexpr std::size_t kMaxBoostedWords = 5;
    std::vector<std::string> words;
    std::size_t boosted_tokens = 0;
    bool only_phrases = true;
    for (const QueryToken& token : tokens) {
        if (token.sign == '-') continue;
        if (token.kind != QueryToken::Kind::Word && token.kind != QueryToken::Kind::Phrase)
            continue;
        const std::size_t words_before = words.size();
        const std::string token_text = text::has_elisions(language.code)
                                           ? text::split_elisions(token.text, language.code)
                                           : token.text;
        for (const std::string& word : words_of(token_text)) {
            if ((*language.stopper)(word)) continue;
            words.push_back(std::string(schema::kStemPrefix) + language.stemmer(word));
        }
        if (words.size() > words_before) {
            ++boosted_tokens;
            only_phrases = only_phrases && token.kind == QueryToken::Kind::Phrase;
        }
    }
    if (words.size() < 2 || words.size() > kMaxBoostedWords) return Xapian::Query();
    if (boosted_tokens == 1 && only_phrases) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), words.size());
}

ParsedQuery QueryBuilder::parse(const std::string& original, MatchMode mode,
                                bool with_proximity_boost) {
    ParsedQuery parsed;
    std::vector<QueryToken> tokens = lex_query(original);
    for (const QueryToken& token : tokens) {
        if (token.kind == QueryToken::Kind::Field && token.text.empty() && !token.quoted)
            throw QueryError(original, token.field_name + ": needs a value");
    }
    fold_tokens(tokens);
    unquote_cjk_phrases(tokens);
    // A lone "*" asks for every article: alone it is the match-all query, and beside other
    // parts it adds nothing to them (filters then filter every article).
    const bool match_all = std::any_of(tokens.begin(), tokens.end(), [](const QueryToken& t) {
        return t.kind == QueryToken::Kind::MatchAll;
    });
    tokens.erase(
        std::remove_if(tokens.begin(), tokens.end(),
                       [](const QueryToken& t) { return t.kind == QueryToken::Kind::MatchAll; }),
        tokens.end());
    // Only exclusions ("-Milley", "* -Milley"): Xapian's parser would read the excluded words
    // as the query itself. Every article except those that have any of them.
    const bool pure_exclusion = !tokens.empty() && !has_positive_part(tokens);
    if (pure_exclusion) {
        for (QueryToken& token : tokens) token.sign = 0;
        mode = MatchMode::AnyWord;
    }
    parsed.wildcard_starts = hand_wildcards_to_processor(tokens);
    // Brackets only in what Xapian reads: the proximity boost below skips signed words.
    std::vector<QueryToken> written = tokens;
    bracket_signed_proximity(written);
    const std::string text = write_query(written);
    parser_.set_default_op(mode == MatchMode::AllWords ? Xapian::Query::OP_AND
                                                       : Xapian::Query::OP_OR);
    unsigned flags = kOperatorFlags;
    auto attempt = [&](const LanguageAnalysis& language) {
        field_problem_.clear();
        parser_.set_stemmer(language.stemmer);
        parser_.set_stopper(language.stopper);
        // "l'élection" is indexed as "l élection" in French articles (text/elision.h).
        if (text::has_elisions(language.code))
            return parser_.parse_query(with_elisions_apart(written, language.code), flags);
        return parser_.parse_query(text, flags);
    };
    if (!tokens.empty()) {
        try {
            try {
                parsed.query = attempt(default_);
            } catch (const Xapian::QueryParserError&) {
                // "What is NATO's role in ... AND" : read the question as words.
                flags = kPlainWordFlags;
                parsed.query = attempt(default_);
                parsed.read_as_plain_words = true;
            }
            if (!parsed.query.empty() && !other_languages_.empty()) {
                const Xapian::Query in_default = parsed.query;
                parsed.query = in_every_language([&](const LanguageAnalysis& language) {
                    return &language == &default_ ? in_default : attempt(language);
                });
            }
            parser_.set_stemmer(default_.stemmer);
            parser_.set_stopper(default_.stopper);
        } catch (const Xapian::QueryParserError& e) {
            throw QueryError(original, e.get_msg());
        } catch (const Xapian::NetworkError&) {
            throw;  // a remote shard that failed expanding a wildcard: the query is fine
        } catch (const Xapian::Error& e) {
            throw QueryError(original, e.get_description());
        }
        if (!field_problem_.empty()) throw QueryError(original, field_problem_);
    }
    if (pure_exclusion) {
        if (parsed.query.empty()) throw QueryError(original, "has no words to exclude");
        parsed.query =
            Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, parsed.query);
        parsed.wildcard_starts.clear();  // nothing excluded is shown
        return parsed;
    }
    if (parsed.query.empty()) {
        if (!match_all) throw QueryError(original, "has no words to search for");
        parsed.query = Xapian::Query::MatchAll;
        return parsed;
    }
    parsed.unboosted = parsed.query;
    if (with_proximity_boost) {
        Xapian::Query boost = proximity_boost(tokens, default_);
        if (!boost.empty() && !other_languages_.empty())
            boost = in_every_language([&](const LanguageAnalysis& language) {
                return proximity_boost(tokens, language);
            });
        parsed.proximity = boost;
        if (!boost.empty())
            parsed.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, parsed.query, boost);
    }
    return parsed;
}

template <typename MakeQuery>
Xapian::Query QueryBuilder::in_every_language(MakeQuery make) {
    // Each article is in exactly one branch: its language's, or the default's when its
    // language has no stemmer of its own here. The language terms filter without weight, so
    // every branch ranks as the same query would in a database of that language alone.
    // Languages whose query comes out the same (most words stem alike, "oil" in German and
    // French) share one branch, and those whose query is the default's are left to the
    // default's: the same matches and weights with fewer posting lists (an English archive
    // with six misdetected articles in five languages ran six branches per query).
    const auto key_of = [](const Xapian::Query& query) -> std::optional<std::string> {
        try {
            return query.serialise();
        } catch (const Xapian::Error&) {
            return std::nullopt;  // a part Xapian cannot serialise: never shared
        }
    };
    const Xapian::Query in_default = make(default_);
    const std::optional<std::string> default_key = key_of(in_default);
    struct Branch {
        Xapian::Query query;
        std::vector<Xapian::Query> languages;
    };
    std::vector<Branch> branches;
    std::map<std::string, std::size_t> branch_of_key;
    std::vector<Xapian::Query> not_default;  // languages the default branch must leave out
    for (const LanguageAnalysis& language : other_languages_) {
        const Xapian::Query query = make(language);
        const std::optional<std::string> key = key_of(query);
        if (!in_default.empty() && key && key == default_key) continue;
        not_default.emplace_back(language.term);
        if (query.empty()) continue;
        if (key) {
            const auto [found, added] = branch_of_key.emplace(*key, branches.size());
            if (!added) {
                branches[found->second].languages.emplace_back(language.term);
                continue;
            }
        }
        branches.push_back({query, {Xapian::Query(language.term)}});
    }
    std::vector<Xapian::Query> parts;
    for (const Branch& branch : branches)
        parts.emplace_back(
            Xapian::Query::OP_FILTER, branch.query,
            Xapian::Query(Xapian::Query::OP_OR, branch.languages.begin(), branch.languages.end()));
    if (!in_default.empty())
        parts.push_back(not_default.empty()
                            ? in_default
                            : Xapian::Query(Xapian::Query::OP_AND_NOT, in_default,
                                            Xapian::Query(Xapian::Query::OP_OR, not_default.begin(),
                                                          not_default.end())));
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

std::string QueryBuilder::spelling_correction(const std::string& original) {
    if (!spelling_available_) return {};
    std::vector<QueryToken> tokens = lex_query(original);
    bool changed = false;
    try {
        for (QueryToken& token : tokens) {
            // Only plain words: not excluded words, phrases (quoted on purpose), field
            // values, operators or wildcards.
            if (token.kind != QueryToken::Kind::Word || token.sign == '-' || token.is_wildcard())
                continue;
            std::string corrected_text;
            bool token_changed = false;
            for (const std::string& word : words_of(text::fold_for_search(token.text))) {
                const std::string better = better_spelling(word);
                corrected_text +=
                    (corrected_text.empty() ? "" : " ") + (better.empty() ? word : better);
                token_changed = token_changed || !better.empty();
            }
            if (token_changed) {
                token.text = corrected_text;
                changed = true;
            }
        }
    } catch (const Xapian::UnimplementedError&) {
        spelling_available_ = false;  // remote databases have no spelling data
        return {};
    } catch (const Xapian::Error&) {
        return {};
    }
    if (!changed) return {};
    return write_query(tokens);
}

std::string QueryBuilder::better_spelling(const std::string& word) {
    // Stop words, short words and words with digits are never corrected (the indexer keeps
    // no spelling data for words of one or two bytes or with digits either).
    if ((*default_.stopper)(word) || word.size() < 3 ||
        word.find_first_of("0123456789") != std::string::npos)
        return {};
    const unsigned max_distance = letters(word) <= kShortWordLetters ? 1 : kMaxEditDistance;
    const std::string suggestion = db_.get_spelling_suggestion(word, max_distance);
    if (suggestion.empty() || suggestion == word || (*default_.stopper)(suggestion)) return {};
    if (edit_distance(word, suggestion) > max_distance) return {};
    const std::string stem_prefix(schema::kStemPrefix);
    const Xapian::doccount found = db_.get_termfreq(stem_prefix + default_.stemmer(word));
    if (found > 0) {
        // The word is in the index: only a far more common word of almost the same spelling
        // is worth suggesting, and never one that only differs in its ending.
        if (default_.stemmer(suggestion) == default_.stemmer(word)) return {};
        const Xapian::doccount other = db_.get_termfreq(stem_prefix + default_.stemmer(suggestion));
        if (other < found * kFarRarerFactor) return {};
    }
    return suggestion;
}

}  // namespace newsindex::searcher
