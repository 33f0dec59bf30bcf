#include "document_builder.h"

#include <atomic>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "schema.h"
#include "stemmer.h"
#include "text/dates.h"
#include "text/elision.h"
#include "text/fold.h"
#include "text/near_duplicate.h"
#include "text/strings.h"
#include "text/utf8.h"

namespace newsindex::indexer {

namespace {

std::atomic<std::size_t> records_encoded_count{0};

std::string encoded_record(const Article& article) {
    records_encoded_count.fetch_add(1, std::memory_order_relaxed);
    return schema::encode_record(article);
}

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
    doc.add_value(schema::kMonthSlot, day.substr(0, 6));
    doc.add_value(schema::kYearSlot, day.substr(0, 4));
}

// Words as people type them are often not words as written: "Scholz" for "Scholz's". A term
// kept unstemmed (the filter fields) that ends in "'s" gets the word without it too, at the same
// positions (or with the same frequency, for words kept without positions), so that a search
// finds it as a word and inside phrases. Stems need no such variant: the stemmer drops "'s".
//
// Chinese, Japanese and Korean n-grams are stemmed terms here ("Z北京", "ZS北京" in the title),
// but Xapian's QueryParser looks them up without the stem prefix ("北京", "S北京") whatever the
// stemming strategy: each gets that form too.
std::string variant_of(const std::string& term) {
    if (term.size() > 3 && term.compare(term.size() - 2, 2, "'s") == 0)
        return term.substr(0, term.size() - 2);
    if (!term.empty() && term[0] == schema::kStemPrefix[0]) {
        std::size_t text = 1;
        while (text < term.size() && term[text] >= 'A' && term[text] <= 'Z') ++text;
        if (text < term.size() &&
            text::is_cjk(*Xapian::Utf8Iterator(term.data() + text, term.size() - text)))
            return term.substr(1);
    }
    return {};
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

DocumentBuilder::DocumentBuilder(bool collect_spelling) : collect_spelling_(collect_spelling) {
    term_generator_.set_stemmer(stemmer_for(""));
    term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    // Chinese, Japanese and Korean are written without spaces between words: their characters
    // are indexed alone and in pairs (Xapian's n-gram mode), and the searcher parses queries
    // the same way, so a word inside a sentence is found. Other scripts are unaffected.
    term_generator_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    // Said here, not left to Xapian's default: the limit keeps every prefixed term, and every
    // spelling word, within what Xapian stores (schema::kMaxWordBytes).
    term_generator_.set_max_word_length(schema::kMaxWordBytes);
}

std::string DocumentBuilder::analysed(std::string_view text) const {
    std::string folded = text::fold_for_search(text);
    return text::has_elisions(language_) ? text::split_elisions(folded, language_) : folded;
}

SpellingWords DocumentBuilder::spelling_words(const Article& article) {
    SpellingWords words;
    if (!collect_spelling_) return words;
    Xapian::Document scratch;
    term_generator_.set_document(scratch);
    term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
    // Folded as the indexed text is, so that a folded query word is found in the table.
    language_ = article.language;
    term_generator_.index_text_without_positions(analysed(article.title));
    term_generator_.index_text_without_positions(analysed(article.body));
    term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    // Words with digits (a third of Reuters' vocabulary: figures, codes) and words of one or
    // two bytes are never worth correcting to, and each would cost Xapian several entries in
    // its spelling table.
    for (auto it = scratch.termlist_begin(); it != scratch.termlist_end(); ++it) {
        const std::string word = *it;
        if (word.size() < 3 || word.size() > schema::kMaxWordBytes ||
            word.find_first_of("0123456789") != std::string::npos)
            continue;
        words.emplace_back(word, it.get_wdf());
    }
    return words;
}

namespace {

// Above the positions build() gives (title, authors, entities and body of any real article),
// spread by name so that two renames of one document do not share positions.
Xapian::termpos renamed_entity_position(const std::string& name) {
    return 10'000'000 +
           static_cast<Xapian::termpos>(std::hash<std::string>{}(name) % 100'000) * 100;
}

std::unordered_set<std::string> terms_of(const Xapian::Document& doc) {
    return {doc.termlist_begin(), doc.termlist_end()};
}

}  // namespace

Xapian::Document DocumentBuilder::words_of(const std::vector<std::string>& names,
                                           const schema::Field& field, Xapian::termpos first) {
    Xapian::Document scratch;
    term_generator_.set_document(scratch);
    term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
    term_generator_.set_termpos(first);
    for (const std::string& name : names) {
        const std::string folded = text::fold_for_search(name);
        if (field.positions) {
            term_generator_.index_text(folded, 1, std::string(field.prefix));
            term_generator_.increase_termpos(kValueGap);
        } else {
            term_generator_.index_text_without_positions(folded, 1, std::string(field.prefix));
        }
    }
    term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    add_term_variants(scratch);
    return scratch;
}

void DocumentBuilder::rename_entities(Xapian::Document& doc, const Article& renamed,
                                      const std::vector<EntityRename>& renames) {
    if (renames.empty()) return;
    // The document's terms, kept up to date: asking the document walks its whole term list
    // (Xapian::Document's term iterator skips one term at a time), a cost per rename that
    // made a long article with many names quadratic.
    std::unordered_set<std::string> terms = terms_of(doc);
    auto remove = [&](const std::string& term) {
        if (terms.erase(term)) doc.remove_term(term);
    };
    // The words of a field as a document built from renamed has them, with their frequencies:
    // where a rename leaves a word that another entity also uses ("Zemmour" renamed into "Éric
    // Zemmour", which the article also names), it is counted as a new document counts it, so
    // that a document renamed in place equals one built after the rename.
    std::unordered_map<EntityType, std::unordered_map<std::string, Xapian::termcount>> words_now;
    auto words_of_type = [&](EntityType type, const schema::Field& field) -> auto& {
        auto found = words_now.find(type);
        if (found != words_now.end()) return found->second;
        std::unordered_map<std::string, Xapian::termcount> counted;
        const Xapian::Document now = words_of(field.values_of(renamed), field, 1);
        for (auto it = now.termlist_begin(); it != now.termlist_end(); ++it)
            counted.emplace(*it, it.get_wdf());
        return words_now.emplace(type, std::move(counted)).first->second;
    };
    auto set_wdf = [&](const std::string& term, Xapian::termcount wdf) {
        remove(term);
        doc.add_term(term, wdf);
        terms.insert(term);
    };
    for (const EntityRename& rename : renames) {
        const schema::Field* old_field = schema::find_field(entity_type_name(rename.old_type));
        const schema::Field* new_field = schema::find_field(entity_type_name(rename.new_type));
        if (!old_field || !new_field) continue;
        remove(schema::boolean_term(old_field->exact_prefix, rename.short_name));
        const std::string exact = schema::boolean_term(new_field->exact_prefix, rename.full_name);
        doc.add_boolean_term(exact);
        terms.insert(exact);
        if (rename.old_type != rename.new_type) {
            const auto& used = words_of_type(rename.old_type, *old_field);
            const Xapian::Document gone = words_of({rename.short_name}, *old_field, 1);
            for (auto it = gone.termlist_begin(); it != gone.termlist_end(); ++it) {
                const auto still = used.find(*it);
                if (still == used.end())
                    remove(*it);
                else if (!old_field->positions)
                    set_wdf(*it, still->second);
            }
        }
        const Xapian::Document added =
            words_of({rename.full_name}, *new_field, renamed_entity_position(rename.full_name));
        for (auto it = added.termlist_begin(); it != added.termlist_end(); ++it) {
            if (!new_field->positions) {
                const auto& now = words_of_type(rename.new_type, *new_field);
                const auto counted = now.find(*it);
                set_wdf(*it, counted == now.end() ? it.get_wdf() : counted->second);
                continue;
            }
            for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos)
                doc.add_posting(*it, *pos);
            terms.insert(*it);
        }
    }
    doc.set_data(encoded_record(renamed));
}

std::size_t DocumentBuilder::records_encoded() {
    return records_encoded_count.load(std::memory_order_relaxed);
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

const Xapian::Stem& DocumentBuilder::stemmer_for(const std::string& primary_language) {
    const std::string language = stemmer_language(primary_language);
    auto found = stemmers_.find(language);
    if (found == stemmers_.end())
        found = stemmers_.emplace(language, remembering_stemmer(primary_language)).first;
    return found->second;
}

Xapian::Document DocumentBuilder::build(const Article& article) {
    Xapian::Document doc;
    // Every stemmed term of the article, in any field, with its language's stemmer.
    term_generator_.set_stemmer(stemmer_for(article.language));
    language_ = article.language;
    doc.add_boolean_term(content_term(article));
    if (!article.source_path.empty())
        doc.add_boolean_term(schema::boolean_term(schema::kPathPrefix, article.source_path));
    term_generator_.set_document(doc);
    for (const schema::Field& field : schema::fields()) {
        if (!field.exact_prefix.empty()) {
            const auto exact_values =
                field.exact_values_of ? field.exact_values_of(article) : field.values_of(article);
            for (const std::string& value : exact_values)
                doc.add_boolean_term(schema::boolean_term(field.exact_prefix, value));
        }
        if (!field.values_of) continue;
        // Filter fields are matched word for word, never by stem: stems would be dead weight.
        term_generator_.set_stemming_strategy(field.query_as_filter
                                                  ? Xapian::TermGenerator::STEM_NONE
                                                  : Xapian::TermGenerator::STEM_ALL_Z);
        for (const std::string& value : field.values_of(article)) {
            switch (field.kind) {
                case schema::FieldKind::FreeText:
                    if (field.positions) {
                        term_generator_.index_text(analysed(value), 1, std::string(field.prefix));
                        term_generator_.increase_termpos(kValueGap);
                    } else {
                        term_generator_.index_text_without_positions(analysed(value), 1,
                                                                     std::string(field.prefix));
                    }
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
    term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    // Unprefixed text: what a query without a field matches. The title counts more than the
    // body, and comes first so that a phrase in the headline has positions of its own; the
    // captions come last.
    // All free text is indexed folded (text::fold_for_search), as the searcher folds queries:
    // "Straße" is indexed as "strasse" and found by "Straße", "STRASSE" and "strasse" alike.
    // No unfolded copy is kept: no query asks for one.
    term_generator_.index_text(analysed(article.title), schema::kTitleWeight);
    term_generator_.increase_termpos(kValueGap);
    for (const std::string& author : article.authors) {
        term_generator_.index_text(analysed(author));
        term_generator_.increase_termpos(kValueGap);
    }
    term_generator_.index_text(analysed(article.body));
    // Captions are no body text (snippets never show them) but say what the article shows:
    // a query without a field finds their words too, after the body. Credits only under
    // caption:, or "Reuters" would find every Reuters photo.
    for (const std::string& caption : article.captions) {
        term_generator_.increase_termpos(kValueGap);
        term_generator_.index_text(analysed(caption));
    }
    add_term_variants(doc);
    if (std::string signature = text::near_duplicate_signature(article.title, article.body);
        !signature.empty())
        doc.add_value(schema::kNearDuplicateSlot, signature);
    if (std::string site = schema::site_of_url(article.url); !site.empty())
        doc.add_value(schema::kSiteSlot, site);
    doc.set_data(encoded_record(article));
    check_terms(doc);
    return doc;
}

void DocumentBuilder::check_terms(const Xapian::Document& doc) {
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        if (term.size() > schema::kXapianMaxTermBytes)
            throw Xapian::InvalidArgumentError(
                "a term of " + std::to_string(term.size()) + " bytes, longer than Xapian stores (" +
                std::to_string(schema::kXapianMaxTermBytes) +
                "): " + std::string(text::truncate_utf8(term, 40)) + "...");
    }
}

}  // namespace newsindex::indexer
