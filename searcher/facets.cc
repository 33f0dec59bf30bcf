#include "facets.h"

#include <algorithm>

namespace newsindex::searcher {

namespace {

// Most frequent first; a stable sort keeps ties in the value order they came in.
void sort_by_count(std::vector<FacetCount>& counts) {
    std::stable_sort(counts.begin(), counts.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
}

}  // namespace

void TermFacetSpy::operator()(const Xapian::Document& doc, double) {
    Xapian::TermIterator it = doc.termlist_begin();
    for (it.skip_to(prefix_); it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        if (term.compare(0, prefix_.size(), prefix_) != 0) break;
        ++counts_[term.substr(prefix_.size())];
    }
}

std::string TermFacetSpy::serialise_results() const {
    // value NUL count NUL ...: values are terms, which hold no NUL.
    std::string out;
    for (const auto& [value, count] : counts_) out += value + '\0' + std::to_string(count) + '\0';
    return out;
}

void TermFacetSpy::merge_results(const std::string& serialised) {
    std::size_t pos = 0;
    while (pos < serialised.size()) {
        const std::size_t value_end = serialised.find('\0', pos);
        if (value_end == std::string::npos) break;
        const std::size_t count_end = serialised.find('\0', value_end + 1);
        if (count_end == std::string::npos) break;
        counts_[serialised.substr(pos, value_end - pos)] += static_cast<Xapian::doccount>(
            std::stoul(serialised.substr(value_end + 1, count_end - value_end - 1)));
        pos = count_end + 1;
    }
}

std::vector<FacetCount> TermFacetSpy::counts() const {
    std::vector<FacetCount> sorted;
    for (const auto& [value, count] : counts_) sorted.push_back({value, count, {}});
    sort_by_count(sorted);
    return sorted;
}

FacetCounter::FacetCounter(const schema::Facet& facet) : facet_(facet) {
    reset();
}

void FacetCounter::reset() {
    if (facet_.slot >= 0)
        values_ =
            std::make_unique<Xapian::ValueCountMatchSpy>(static_cast<Xapian::valueno>(facet_.slot));
    else
        terms_ = std::make_unique<TermFacetSpy>(std::string(facet_.prefix));
}

Xapian::MatchSpy& FacetCounter::spy() {
    if (values_) return *values_;
    return *terms_;
}

std::vector<FacetCount> FacetCounter::counts() const {
    if (!values_) return terms_->counts();
    std::vector<FacetCount> sorted;
    // In value order; an article without the value has an empty slot, which is not counted.
    for (auto it = values_->values_begin(); it != values_->values_end(); ++it) {
        if (!(*it).empty()) sorted.push_back({*it, it.get_termfreq(), {}});
    }
    sort_by_count(sorted);
    return sorted;
}

}  // namespace newsindex::searcher
