#include "query.h"

#include <cctype>

#include "errors.h"
#include "schema.h"
#include "text/dates.h"
#include "text/strings.h"

namespace newsindex::searcher {

namespace {

// A partial date as typed in a query, widened to the first and last day it covers.
struct Period {
    std::string first_day;  // YYYYMMDD
    std::string last_day;   // YYYYMMDD
    std::string term;       // the D/M/Y term that covers exactly this period
};

bool digits(std::string_view s, std::size_t count) {
    if (s.size() != count) return false;
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

Period parse_period(const std::string& value, const std::string& whole) {
    auto bad = [&]() {
        return Xapian::QueryParserError(
            "date:" + whole + " is not a date (use YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO)");
    };
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
    return {year + month + day, year + month + day,
            std::string(schema::kDayPrefix) + year + month + day};
}

// Throwing through Xapian's query parser leaks parser state (seen with LeakSanitizer on
// Xapian 1.4.22), so the processor records the first problem and matches nothing instead;
// QueryBuilder::parse() then throws.
class DateFieldProcessor : public Xapian::FieldProcessor {
  public:
    explicit DateFieldProcessor(std::string& problem) : problem_(problem) {}
    Xapian::Query operator()(const std::string& value) override {
        try {
            return date_query(value);
        } catch (const Xapian::QueryParserError& e) {
            if (problem_.empty()) problem_ = e.get_msg();
            return Xapian::Query::MatchNothing;
        }
    }

  private:
    std::string& problem_;
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

constexpr unsigned kParseFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD;

}  // namespace

Xapian::Query date_query(const std::string& value) {
    const std::size_t dots = value.find("..");
    if (dots == std::string::npos) return Xapian::Query(parse_period(value, value).term);
    const std::string from = value.substr(0, dots), to = value.substr(dots + 2);
    if (from.empty() && to.empty())
        throw Xapian::QueryParserError("date:.. needs at least one end");
    if (to.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot,
                             parse_period(from, value).first_day);
    if (from.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot,
                             parse_period(to, value).last_day);
    const Period first = parse_period(from, value), last = parse_period(to, value);
    if (first.first_day > last.last_day)
        throw Xapian::QueryParserError("date:" + value + " ends before it starts");
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, first.first_day,
                         last.last_day);
}

QueryBuilder::QueryBuilder(const Xapian::Database& db) : stemmer_("english") {
    parser_.set_database(db);
    parser_.set_stemmer(stemmer_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_default_op(Xapian::Query::OP_AND);
    for (const schema::Field& field : schema::fields()) {
        const std::string name(field.name);
        switch (field.kind) {
            case schema::FieldKind::FreeText:
                parser_.add_prefix(name, std::string(field.prefix));
                break;
            case schema::FieldKind::Boolean:
                parser_.add_boolean_prefix(name, (new BooleanFieldProcessor(field))->release());
                break;
            case schema::FieldKind::Date:
                parser_.add_boolean_prefix(name,
                                           (new DateFieldProcessor(field_problem_))->release());
                break;
        }
    }
}

Xapian::Query QueryBuilder::parse(const std::string& text) {
    field_problem_.clear();
    try {
        Xapian::Query query = parser_.parse_query(text, kParseFlags);
        if (!field_problem_.empty()) throw QueryError(text, field_problem_);
        if (query.empty()) throw QueryError(text, "has no words to search for");
        return query;
    } catch (const Xapian::QueryParserError& e) {
        throw QueryError(text, e.get_msg());
    } catch (const Xapian::Error& e) {
        throw QueryError(text, e.get_description());
    }
}

}  // namespace newsindex::searcher
