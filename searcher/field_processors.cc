#include "field_processors.h"

#include <cctype>

#include "date_grammar.h"
#include "stemmer.h"

namespace newsindex::searcher {

namespace {

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
            // Xapian's parser makes a phrase of hyphenated words ("Rolls-Royce"), which
            // words without positions can never match: there they are separate words.
            Xapian::Query words = part.positions ? phrase_of(value, part.prefix)
                                                 : words_of(unhyphenated(value), part.prefix);
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

    Xapian::Query words_of(const std::string& value, const std::string& prefix) {
        parser_.set_default_op(Xapian::Query::OP_AND);
        return parser_.parse_query(value, 0, prefix);
    }

    // The value's words as one phrase, with the window Xapian gives a phrase of its default
    // operator (9 more than the words). The words come from Xapian's parser with AND, and the
    // phrase is made here: with PHRASE as its default operator, Xapian 1.4.22 cannot put the
    // phrase it makes of a word joined by punctuation ("Rolls-Royce", "J.K.") inside the
    // value's, and throws UnimplementedError from inside its parser (ASan reports a
    // sized-delete mismatch and leaks on the way; found by tests/fuzz/fuzz_query.cc), which
    // made author:"Rolls-Royce Motors" a query error.
    Xapian::Query phrase_of(const std::string& value, const std::string& prefix) {
        const Xapian::Query words = words_of(value, prefix);
        // In query position order, a term as often as it stands there.
        const std::vector<std::string> terms(words.get_terms_begin(), words.get_terms_end());
        if (terms.size() <= 1) return words;
        constexpr Xapian::termcount kExtraWindow = 9;
        return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                             static_cast<Xapian::termcount>(terms.size()) + kExtraWindow);
    }

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

}  // namespace

Xapian::FieldProcessor* new_date_processor(std::string& problem, std::string today) {
    return new DateFieldProcessor(problem, std::move(today));
}

Xapian::FieldProcessor* new_boolean_processor(const schema::Field& field) {
    return new BooleanFieldProcessor(field);
}

Xapian::FieldProcessor* new_text_filter_processor(const schema::Field& field) {
    return new TextFilterProcessor(field);
}

Xapian::FieldProcessor* new_wildcard_processor(std::string_view prefix) {
    return new WildcardProcessor(prefix);
}

}  // namespace newsindex::searcher
