#include "document_builder.h"

#include <utility>
#include <vector>

#include "schema.h"
#include "text/dates.h"
#include "text/fold.h"
#include "text/strings.h"

namespace newsindex::indexer {

namespace {

// Gap left between separately indexed values so that a phrase cannot match across them.
constexpr Xapian::termpos kValueGap = 100;

void add_date_terms(Xapian::Document& doc, const std::string& iso_date) {
    auto date = text::parse_date(iso_date);
    if (!date) return;
    const std::string day = date->compact_day();
    doc.add_boolean_term(std::string(schema::kDayPrefix) + day);
    doc.add_boolean_term(std::string(schema::kMonthPrefix) + day.substr(0, 6));
    doc.add_boolean_term(std::string(schema::kYearPrefix) + day.substr(0, 4));
    doc.add_value(schema::kDateSlot, day);
}

// Words as people type them are often not words as written: "Scholz" for "Scholz's", "Jose"
// for "José". Each term that has such a variant gets the variant too, at the same positions
// (or with the same frequency, for stems, which have no positions), so that a search finds it
// as a word and inside phrases. Prefixes are ASCII capitals, which folding leaves alone.
std::string variant_of(const std::string& term) {
    std::string variant = text::fold_accents(term);
    if (variant.size() > 3 && variant.compare(variant.size() - 2, 2, "'s") == 0)
        variant.resize(variant.size() - 2);
    return variant == term ? std::string() : variant;
}

void add_term_variants(Xapian::Document& doc) {
    struct Addition {
        std::string variant;
        Xapian::termcount wdf;
        std::vector<Xapian::termpos> positions;
    };
    std::vector<Addition> additions;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        // Boolean terms (ids, paths, URLs, sites) have no within-document frequency; they
        // must match exactly and get no variants.
        if (it.get_wdf() == 0) continue;
        std::string variant = variant_of(*it);
        if (variant.empty()) continue;
        additions.push_back(
            {std::move(variant), it.get_wdf(), {it.positionlist_begin(), it.positionlist_end()}});
    }
    for (const Addition& addition : additions) {
        if (addition.positions.empty()) doc.add_term(addition.variant, addition.wdf);
        for (Xapian::termpos position : addition.positions)
            doc.add_posting(addition.variant, position);
    }
}

}  // namespace

DocumentBuilder::DocumentBuilder() {
    term_generator_.set_stemmer(Xapian::Stem("english"));
    term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

std::string DocumentBuilder::id_term(const Article& article) {
    static const schema::Field& id_field = *schema::find_field("id");
    return schema::boolean_term(
        id_field.prefix, schema::normalise_boolean_value(id_field, schema::article_id(article)));
}

std::string DocumentBuilder::content_term(const Article& article) {
    return std::string(schema::kContentPrefix) +
           schema::content_hash(text::collapse_spaces(article.title + "\n" + article.body));
}

Xapian::Document DocumentBuilder::build(const Article& article) {
    Xapian::Document doc;
    doc.add_boolean_term(content_term(article));
    if (!article.source_path.empty())
        doc.add_boolean_term(schema::boolean_term(schema::kPathPrefix, article.source_path));
    term_generator_.set_document(doc);
    for (const schema::Field& field : schema::fields()) {
        if (!field.exact_prefix.empty() && field.exact_values_of) {
            for (const std::string& value : field.exact_values_of(article))
                doc.add_boolean_term(schema::boolean_term(field.exact_prefix, value));
        }
        if (!field.values_of) continue;
        // Filter fields are matched word for word, never by stem: stems would be dead weight.
        term_generator_.set_stemming_strategy(field.query_as_filter
                                                  ? Xapian::TermGenerator::STEM_NONE
                                                  : Xapian::TermGenerator::STEM_SOME);
        for (const std::string& value : field.values_of(article)) {
            switch (field.kind) {
                case schema::FieldKind::FreeText:
                    term_generator_.index_text(value, 1, std::string(field.prefix));
                    term_generator_.increase_termpos(kValueGap);
                    if (!field.exact_prefix.empty() && !field.exact_values_of)
                        doc.add_boolean_term(schema::boolean_term(field.exact_prefix, value));
                    break;
                case schema::FieldKind::Boolean:
                    doc.add_boolean_term(schema::boolean_term(
                        field.prefix, schema::normalise_boolean_value(field, value)));
                    break;
                case schema::FieldKind::Date:
                    add_date_terms(doc, value);
                    break;
            }
        }
    }
    term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    // Unprefixed text: what a query without a field matches. The title counts more than the
    // body, and comes first so that a phrase in the headline has positions of its own.
    term_generator_.index_text(article.title, schema::kTitleWeight);
    term_generator_.increase_termpos(kValueGap);
    for (const std::string& author : article.authors) {
        term_generator_.index_text(author);
        term_generator_.increase_termpos(kValueGap);
    }
    term_generator_.index_text(article.body);
    add_term_variants(doc);
    doc.add_value(schema::kStorySlot, schema::story_key(article.title));
    doc.set_data(schema::encode_record(article));
    return doc;
}

}  // namespace newsindex::indexer
