#include "facets.h"

#include <algorithm>

namespace newsindex::searcher {

void TermFacetSpy::operator()(const Xapian::Document& doc, double) {
    if (slot_ >= 0) {
        std::string value = doc.get_value(static_cast<Xapian::valueno>(slot_));
        if (!value.empty()) ++counts_[std::move(value)];
        return;
    }
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
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    return sorted;
}

}  // namespace newsindex::searcher
