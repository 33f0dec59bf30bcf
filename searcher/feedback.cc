#include "feedback.h"

#include <set>
#include <string>
#include <vector>

#include "schema.h"

namespace newsindex::searcher {

namespace {

// Stems of body and title words ("Zpipelin"; field prefixes are upper case) that at least two
// articles have and the query does not already ask for.
class ExpansionWords : public Xapian::ExpandDecider {
  public:
    ExpansionWords(const Xapian::Database& db, std::set<std::string> query_terms)
        : db_(db), query_terms_(std::move(query_terms)) {}
    bool operator()(const std::string& term) const override {
        return term.size() > schema::kStemPrefix.size() + 2 &&
               term.compare(0, schema::kStemPrefix.size(), schema::kStemPrefix) == 0 &&
               !(term[1] >= 'A' && term[1] <= 'Z') && !query_terms_.count(term) &&
               db_.get_termfreq(term) >= 2;
    }

  private:
    const Xapian::Database& db_;
    std::set<std::string> query_terms_;
};

}  // namespace

Xapian::Query with_feedback(Xapian::Enquire& enquire, const Xapian::Database& db,
                            const Xapian::Query& query, const FeedbackOptions& options) {
    if (options.terms == 0 || options.documents == 0) return query;
    enquire.set_query(query);
    const Xapian::MSet top = enquire.get_mset(0, options.documents);
    if (top.empty()) return query;
    Xapian::RSet relevant;
    for (auto it = top.begin(); it != top.end(); ++it) relevant.add_document(*it);
    std::set<std::string> query_terms(query.get_unique_terms_begin(), query.get_unique_terms_end());
    ExpansionWords decider(db, std::move(query_terms));
    const Xapian::ESet words = enquire.get_eset(options.terms, relevant, &decider);
    if (words.empty()) return query;
    std::vector<Xapian::Query> expansion;
    for (auto it = words.begin(); it != words.end(); ++it) expansion.emplace_back(*it);
    const Xapian::Query extra(
        Xapian::Query::OP_SCALE_WEIGHT,
        Xapian::Query(Xapian::Query::OP_OR, expansion.begin(), expansion.end()), options.weight);
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, extra);
}

}  // namespace newsindex::searcher
