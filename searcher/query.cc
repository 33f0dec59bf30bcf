#include "query.h"

#include <cctype>
#include <ctime>

#include "errors.h"
#include "schema.h"
#include "stemmer.h"
#include "text/dates.h"
#include "text/fold.h"
#include "text/strings.h"

namespace newsindex::searcher {

namespace {

// Common English function words: dropped from queries unless quoted or marked with +, so
// that long questions rank by the words that carry meaning.
constexpr const char* kStopWords[] = {
    "a",    "about", "an",    "and",  "are",   "as",    "at",    "be",    "been",  "but",
    "by",   "can",   "did",   "do",   "does",  "for",   "from",  "had",   "has",   "have",
    "he",   "her",   "his",   "how",  "i",     "if",    "in",    "into",  "is",    "it",
    "its",  "me",    "my",    "of",   "on",    "or",    "our",   "she",   "so",    "than",
    "that", "the",   "their", "them", "then",  "there", "these", "they",  "this",  "those",
    "to",   "us",    "was",   "we",   "were",  "what",  "when",  "where", "which", "who",
    "whom", "why",   "will",  "with", "would", "you",   "your"};

// A partial date as typed in a query, widened to the first and last day it covers.
struct Period {
    std::string first_day;  // YYYYMMDD
    std::string last_day;   // YYYYMMDD
    std::string term;       // the D/M/Y term that covers exactly this period, if any
};

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

bool digits(std::string_view s, std::size_t count) {
    return s.size() == count && all_digits(s);
}

std::string compact(const std::tm& tm) {
    char text[40];  // room for any int, though dates here have four-digit years
    std::snprintf(text, sizeof text, "%04d%02d%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return text;
}

std::string today_local() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return compact(tm);
}

// today ("YYYYMMDD") moved back by amount units ('d', 'w', 'm', 'y'), as "YYYYMMDD".
std::string days_before(const std::string& today, long amount, char unit) {
    std::tm tm{};
    tm.tm_year = std::stoi(today.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(today.substr(4, 2)) - 1;
    tm.tm_mday = std::stoi(today.substr(6, 2));
    tm.tm_hour = 12;  // clear of daylight-saving edges
    if (unit == 'd') tm.tm_mday -= amount;
    if (unit == 'w') tm.tm_mday -= 7 * amount;
    if (unit == 'm') tm.tm_mon -= amount;
    if (unit == 'y') tm.tm_year -= amount;
    std::mktime(&tm);
    return compact(tm);
}

Period day_period(const std::string& day) {
    return {day, day, std::string(schema::kDayPrefix) + day};
}

// Relative forms: "today", "yesterday", "30d", "2w", "6m", "1y". Returns false otherwise.
bool parse_relative(const std::string& value, const std::string& today, Period& period) {
    if (value == "today") {
        period = day_period(today);
        return true;
    }
    if (value == "yesterday") {
        period = day_period(days_before(today, 1, 'd'));
        return true;
    }
    if (value.size() < 2 || value.size() > 6) return false;
    const char unit = value.back();
    const std::string amount = value.substr(0, value.size() - 1);
    if ((unit != 'd' && unit != 'w' && unit != 'm' && unit != 'y') || !all_digits(amount))
        return false;
    period = day_period(days_before(today, std::stol(amount), unit));
    return true;
}

Period parse_period(const std::string& value, const std::string& whole, const std::string& today) {
    auto bad = [&]() {
        return Xapian::QueryParserError(
            "date:" + whole +
            " is not a date (use YYYY, YYYY-MM, YYYY-MM-DD, today, 30d, or FROM..TO of those)");
    };
    Period relative;
    if (parse_relative(value, today, relative)) return relative;
    auto parts = text::split(value, "-");
    if (parts.empty() || parts.size() > 3 || !digits(parts[0], 4)) throw bad();
    const std::string year(parts[0]);
    if (parts.size() == 1)
        return {year + "0101", year + "1231", std::string(schema::kYearPrefix) + year};
    if (!digits(parts[1], 2)) throw bad();
    const std::string month(parts[1]);
    if (month < "01" || month > "12") throw bad();
    if (parts.size() == 2) {
        // "31" sorts after every real last day, so it closes any month.
        return {year + month + "01", year + month + "31",
                std::string(schema::kMonthPrefix) + year + month};
    }
    if (!digits(parts[2], 2)) throw bad();
    const std::string day(parts[2]);
    if (!text::is_valid_day(std::stoi(year), std::stoi(month), std::stoi(day))) throw bad();
    return day_period(year + month + day);
}

// Throwing through Xapian's query parser leaks parser state (seen with LeakSanitizer on
// Xapian 1.4.22), so field processors record the first problem and match nothing instead;
// QueryBuilder::parse() then throws.
class DateFieldProcessor : public Xapian::FieldProcessor {
  public:
    DateFieldProcessor(std::string& problem, std::string today)
        : problem_(problem), today_(std::move(today)) {}
    Xapian::Query operator()(const std::string& value) override {
        try {
            return date_query(value, today_);
        } catch (const Xapian::QueryParserError& e) {
            if (problem_.empty()) problem_ = e.get_msg();
            return Xapian::Query::MatchNothing;
        }
    }

  private:
    std::string& problem_;
    std::string today_;
};

// Boolean fields are normalised as the indexer normalised them, so "site:WWW.Example.com"
// finds what "site:example.com" finds.
class BooleanFieldProcessor : public Xapian::FieldProcessor {
  public:
    explicit BooleanFieldProcessor(const schema::Field& field) : field_(field) {}
    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(
            schema::boolean_term(field_.prefix, schema::normalise_boolean_value(field_, value)));
    }

  private:
    const schema::Field& field_;
};

// "Rolls-Royce" -> "Rolls Royce": hyphens between letters or digits become spaces.
std::string unhyphenated(std::string value) {
    for (std::size_t i = 1; i + 1 < value.size(); ++i) {
        if (value[i] == '-' && std::isalnum(static_cast<unsigned char>(value[i - 1])) &&
            std::isalnum(static_cast<unsigned char>(value[i + 1])))
            value[i] = ' ';
    }
    return value;
}

// A free-text field used as a filter ("author:vogel", "author:\"katrin vogel\""): the words
// of the value within the field's prefix, as a phrase where the field keeps positions, else
// all of them anywhere in the field. A filter adds no weight, and repeated filters on one
// field are ORed by the parser. A field made of others (schema::Field::query_prefixes)
// matches the value under any of them.
class TextFilterProcessor : public Xapian::FieldProcessor {
  public:
    explicit TextFilterProcessor(const schema::Field& field) {
        if (field.query_prefixes.empty())
            parts_.push_back({std::string(field.prefix), field.positions});
        for (std::string_view prefix : field.query_prefixes) {
            bool positions = true;
            for (const schema::Field& part : schema::fields())
                if (part.prefix == prefix) positions = part.positions;
            parts_.push_back({std::string(prefix), positions});
        }
    }
    Xapian::Query operator()(const std::string& value) override {
        std::vector<Xapian::Query> alternatives;
        for (const Part& part : parts_) {
            parser_.set_default_op(part.positions ? Xapian::Query::OP_PHRASE
                                                  : Xapian::Query::OP_AND);
            // Xapian's parser makes a phrase of hyphenated words ("Rolls-Royce"), which
            // words without positions can never match: there they are separate words.
            Xapian::Query words =
                parser_.parse_query(part.positions ? value : unhyphenated(value), 0, part.prefix);
            if (!words.empty()) alternatives.push_back(std::move(words));
        }
        if (alternatives.empty()) return Xapian::Query::MatchNothing;
        return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    }

  private:
    struct Part {
        std::string prefix;
        bool positions;
    };
    Xapian::QueryParser parser_;
    std::vector<Part> parts_;
};

// Trailing wildcards ("ukrain*", "title:pipel*"). The index holds stems only, which
// Xapian's parser does not expand wildcards over, so rewrite_wildcards() below hands such
// words to this processor, one internal field per weighted free-text prefix, and they expand
// over the stems under Z + the prefix. A stem is the start of its word in nearly every case
// ("ukrain" of "Ukraine", "compani" of "companies"), so the wildcard finds what it would
// among the words.
class WildcardProcessor : public Xapian::FieldProcessor {
  public:
    explicit WildcardProcessor(std::string_view prefix)
        : stem_prefix_(std::string(schema::kStemPrefix) + std::string(prefix)),
          stemmer_(remembering_stemmer()) {}
    Xapian::Query operator()(const std::string& value) override {
        const std::string start = Xapian::Unicode::tolower(value);
        Xapian::Query as_typed(Xapian::Query::OP_WILDCARD, stem_prefix_ + start);
        // A whole word typed before the '*' may end differently as a stem ("company*" is
        // "compani..." in the index, "ukraine*" is "ukrain..."): its stem is a start too.
        const std::string stem = stemmer_(start);
        if (stem.empty() || stem == start) return as_typed;
        return Xapian::Query(Xapian::Query::OP_OR, as_typed,
                             Xapian::Query(Xapian::Query::OP_WILDCARD, stem_prefix_ + stem));
    }

  private:
    std::string stem_prefix_;
    Xapian::Stem stemmer_;
};

// The internal field name that rewrite_wildcards() hands wildcards to.
constexpr const char* kWildcardField = "newsindexwildcard";

bool is_word_byte(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
}

// "pipel*" -> "newsindexwildcard:pipel", "title:pipel*" -> "newsindexwildcardS:pipel" (for
// weighted free-text fields; filters take no wildcards). Quoted text is left alone. Each
// wildcard's start is added to starts.
std::string rewrite_wildcards(const std::string& text, std::vector<std::string>* starts = nullptr) {
    auto separates = [&](std::size_t at) {  // text[at] ends a token
        return std::string_view(" \t(").find(text[at]) != std::string_view::npos;
    };
    std::string out;
    std::size_t pos = 0;
    bool quoted = false;
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == '"') quoted = !quoted;
        // A token starts the text, follows white space or '(', or follows a '+' or '-' that
        // does (inside "anti-vax*" the '-' joins two words).
        const bool starts_token =
            pos == 0 || separates(pos - 1) ||
            ((text[pos - 1] == '+' || text[pos - 1] == '-') && (pos == 1 || separates(pos - 2)));
        if (quoted || !starts_token || !is_word_byte(c)) {
            out += c;
            ++pos;
            continue;
        }
        // A token: [field:]word, then maybe '*' at its end.
        std::size_t end = pos;
        while (end < text.size() && is_word_byte(text[end])) ++end;
        std::string prefix;
        std::size_t word = pos;
        if (end < text.size() && text[end] == ':') {
            const schema::Field* field = schema::find_field(text.substr(pos, end - pos));
            if (field && field->kind == schema::FieldKind::FreeText && !field->query_as_filter) {
                prefix = std::string(field->prefix);
                word = end + 1;
                end = word;
                while (end < text.size() && is_word_byte(text[end])) ++end;
            }
        }
        const bool wildcard = end > word && end < text.size() && text[end] == '*' &&
                              (end + 1 == text.size() || !is_word_byte(text[end + 1]));
        if (wildcard) {
            const std::string start = text.substr(word, end - word);
            out += std::string(kWildcardField) + prefix + ":" + start;
            if (starts) starts->push_back(Xapian::Unicode::tolower(start));
            pos = end + 1;
        } else {
            out += text.substr(pos, end - pos);
            pos = end;
        }
    }
    return out;
}

constexpr unsigned kOperatorFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD;
constexpr unsigned kPlainWordFlags = 0;

}  // namespace

Xapian::Query date_query(const std::string& value, const std::string& today) {
    const std::size_t dots = value.find("..");
    if (dots == std::string::npos) {
        Period period = parse_period(value, value, today);
        // "30d" alone means the last 30 days, not the one day 30 days ago.
        const bool span = value.size() >= 2 && all_digits(value.substr(0, value.size() - 1)) &&
                          std::string_view("dwmy").find(value.back()) != std::string_view::npos;
        if (span)
            return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, period.first_day,
                                 today);
        return Xapian::Query(period.term);
    }
    const std::string from = value.substr(0, dots), to = value.substr(dots + 2);
    if (from.empty() && to.empty())
        throw Xapian::QueryParserError("date:.. needs at least one end");
    if (to.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot,
                             parse_period(from, value, today).first_day);
    if (from.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot,
                             parse_period(to, value, today).last_day);
    const Period first = parse_period(from, value, today), last = parse_period(to, value, today);
    if (first.first_day > last.last_day)
        throw Xapian::QueryParserError("date:" + value + " ends before it starts");
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, first.first_day,
                         last.last_day);
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, std::string today)
    : stemmer_(remembering_stemmer()) {
    if (today.empty()) today = today_local();
    for (const char* word : kStopWords) stopper_.add(word);
    parser_.set_database(db);
    parser_.set_stemmer(stemmer_);
    // The index holds stems only (docs/schema.md), phrases included.
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
    parser_.set_stopper(&stopper_);
    parser_.add_prefix(kWildcardField, (new WildcardProcessor(""))->release());
    for (const schema::Field& field : schema::fields()) {
        if (field.kind == schema::FieldKind::FreeText && !field.query_as_filter && field.values_of)
            parser_.add_prefix(kWildcardField + std::string(field.prefix),
                               (new WildcardProcessor(field.prefix))->release());
    }
    for (const schema::Field& field : schema::fields()) {
        const std::string name(field.name);
        switch (field.kind) {
            case schema::FieldKind::FreeText:
                if (field.query_as_filter)
                    parser_.add_boolean_prefix(name, (new TextFilterProcessor(field))->release());
                else
                    parser_.add_prefix(name, std::string(field.prefix));
                break;
            case schema::FieldKind::Boolean:
                parser_.add_boolean_prefix(name, (new BooleanFieldProcessor(field))->release());
                break;
            case schema::FieldKind::Date:
                parser_.add_boolean_prefix(
                    name, (new DateFieldProcessor(field_problem_, today))->release());
                break;
        }
    }
}

Xapian::Query QueryBuilder::proximity_boost(const std::string& text) {
    // The plain words of the query, in the order typed, stemmed as the indexer stems them, as
    // a phrase: an article where they stand together gets the phrase's weight on top.
    // Field values, operators, excluded words and stop words are not plain words. (Parsing
    // the text a second time with Xapian's parser would be simpler, but Xapian 1.4.22 frees
    // memory with the wrong type when such a parser meets "field:" syntax; ASan reports it.)
    // Only short queries: names and phrases are a few words long, and in a long question the
    // words never all stand together (measured on CACM: docs/ranking.md).
    constexpr std::size_t kMaxBoostedWords = 5;
    std::vector<std::string> words;
    Xapian::Utf8Iterator it(text), end;
    while (it != end) {
        if (!Xapian::Unicode::is_wordchar(*it)) {
            ++it;
            continue;
        }
        const char before = it.raw() == text.data() ? ' ' : it.raw()[-1];
        std::string word, as_typed;
        for (; it != end; ++it) {
            unsigned ch = *it;
            // An apostrophe between letters belongs to the word ("Scholz's"), as the indexer has
            // it.
            if ((ch == '\'' || ch == 0x2019) && word.size()) {
                Xapian::Utf8Iterator next = it;
                ++next;
                if (next != end && Xapian::Unicode::is_wordchar(*next)) {
                    word += '\'';
                    continue;
                }
            }
            if (!Xapian::Unicode::is_wordchar(ch)) break;
            Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(ch));
            Xapian::Unicode::append_utf8(as_typed, ch);
        }
        const bool field_name = it != end && *it == ':';
        const bool excluded = before == '-' || before == '/';  // "-word", the 5 of "NEAR/5"
        const bool is_operator = as_typed == "AND" || as_typed == "OR" || as_typed == "NOT" ||
                                 as_typed == "NEAR" || as_typed == "ADJ" || as_typed == "XOR";
        if (field_name) {
            // Skip the field's value too: up to the next space, or a quoted phrase.
            ++it;
            if (it != end && *it == '"') {
                for (++it; it != end && *it != '"'; ++it) {
                }
            }
            while (it != end && *it != ' ') ++it;
            continue;
        }
        if (excluded || is_operator || stopper_(word)) continue;
        words.push_back(std::string(schema::kStemPrefix) + stemmer_(word));
    }
    if (words.size() < 2 || words.size() > kMaxBoostedWords) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), words.size());
}

// The query with accents folded ("Mélenchon" -> "Melenchon"), except in the values of
// boolean fields, which must match exactly. The index holds folded variants of every word,
// so a folded query finds text written with or without the accents.
namespace {
std::string fold_query(const std::string& text) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = pos;
        bool quoted = false;
        while (end < text.size() && (quoted || text[end] != ' ')) {
            if (text[end] == '"') quoted = !quoted;
            ++end;
        }
        const std::string token = text.substr(pos, end - pos);
        const std::size_t colon = token.find(':');
        const schema::Field* field =
            colon == std::string::npos ? nullptr : schema::find_field(token.substr(0, colon));
        const bool exact = field && field->kind == schema::FieldKind::Boolean;
        out += exact ? token : text::fold_for_search(token);
        if (end < text.size()) out += ' ';
        pos = end + 1;
    }
    return out;
}
}  // namespace

ParsedQuery QueryBuilder::parse(const std::string& original, MatchMode mode,
                                bool with_proximity_boost) {
    ParsedQuery parsed;
    const std::string text = rewrite_wildcards(fold_query(original), &parsed.wildcard_starts);
    parser_.set_default_op(mode == MatchMode::AllWords ? Xapian::Query::OP_AND
                                                       : Xapian::Query::OP_OR);
    auto attempt = [&](unsigned flags) {
        field_problem_.clear();
        last_flags_ = flags;
        return parser_.parse_query(text, flags);
    };
    try {
        try {
            parsed.query = attempt(kOperatorFlags);
        } catch (const Xapian::QueryParserError&) {
            // "What is NATO's role in ... AND" : read the question as words.
            parsed.query = attempt(kPlainWordFlags);
            parsed.read_as_plain_words = true;
        }
    } catch (const Xapian::QueryParserError& e) {
        throw QueryError(original, e.get_msg());
    } catch (const Xapian::Error& e) {
        throw QueryError(original, e.get_description());
    }
    if (!field_problem_.empty()) throw QueryError(original, field_problem_);
    if (parsed.query.empty()) throw QueryError(original, "has no words to search for");
    Xapian::Query boost = with_proximity_boost ? proximity_boost(text) : Xapian::Query();
    if (!boost.empty())
        parsed.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, parsed.query, boost);
    return parsed;
}

std::string QueryBuilder::spelling_correction(const std::string& original) {
    if (!spelling_available_) return {};
    try {
        const std::string text = fold_query(original);
        // A wildcard is not misspelt, and its rewritten form is not for users' eyes.
        if (rewrite_wildcards(text) != text) return {};
        parser_.parse_query(text, last_flags_ | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    } catch (const Xapian::UnimplementedError&) {
        spelling_available_ = false;  // remote databases have no spelling data
        return {};
    } catch (const Xapian::Error&) {
        return {};  // parse() has already reported what is wrong with the query
    }
    field_problem_.clear();
    return parser_.get_corrected_query_string();
}

}  // namespace newsindex::searcher
