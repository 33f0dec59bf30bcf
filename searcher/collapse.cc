#include "collapse.h"

#include <algorithm>
#include <unordered_map>

#include "text/near_duplicate.h"

namespace newsindex::searcher {

namespace {

bool copies(const MatchText& a, const MatchText& b) {
    if (!text::near_duplicates(a.signature, b.signature)) return false;
    if (a.day < 0 || b.day < 0) return true;
    return (a.day > b.day ? a.day - b.day : b.day - a.day) <= kFoldDaysApart;
}

}  // namespace

long day_of_date_value(const std::string& value) {
    if (value.size() != 8 ||
        !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return -1;
    // Days from civil date (H. Hinnant's algorithm): exact for the proleptic Gregorian calendar.
    long y = std::stol(value.substr(0, 4));
    const long m = std::stol(value.substr(4, 2)), d = std::stol(value.substr(6, 2));
    if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
    y -= m <= 2;
    const long era = y / 400;
    const long year_of_era = y - era * 400;
    const long day_of_year = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

std::vector<KeptMatch> fold_near_duplicates(const std::vector<MatchText>& matches) {
    std::vector<KeptMatch> kept;
    // Band key -> positions in kept of the kept matches that have it, in rank order.
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> holders;
    for (std::size_t i = 0; i < matches.size(); ++i) {
        const std::vector<std::uint64_t> bands = text::near_duplicate_bands(matches[i].signature);
        // The first kept match this one is a near-duplicate of: the smallest position among
        // the candidates that pass (a candidate may turn up under several bands).
        std::size_t into = kept.size();
        for (std::uint64_t band : bands) {
            const auto found = holders.find(band);
            if (found == holders.end()) continue;
            for (std::size_t k : found->second) {
                if (k >= into) break;  // positions are ascending: no earlier one left here
                if (copies(matches[kept[k].index], matches[i])) {
                    into = k;
                    break;
                }
            }
        }
        if (into < kept.size()) {
            ++kept[into].folded;
            continue;
        }
        for (std::uint64_t band : bands) holders[band].push_back(kept.size());
        kept.push_back({i, 0});
    }
    return kept;
}

FoldedPage fold_near_duplicates(const Xapian::MSet& mset, Xapian::valueno signature_slot,
                                Xapian::valueno date_slot, std::size_t offset, std::size_t limit) {
    std::vector<MatchText> matches;
    matches.reserve(mset.size());
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
        const Xapian::Document doc = it.get_document();
        matches.push_back(
            {doc.get_value(signature_slot), day_of_date_value(doc.get_value(date_slot))});
    }
    const std::vector<KeptMatch> kept = fold_near_duplicates(matches);

    FoldedPage page;
    page.kept = static_cast<Xapian::doccount>(kept.size());
    const std::size_t end = std::min(kept.size(), offset + std::min(limit, kept.size()));
    for (std::size_t k = offset; k < end; ++k) {
        FoldedHit hit;
        hit.at = mset[static_cast<Xapian::doccount>(kept[k].index)];
        hit.rank = static_cast<unsigned>(k + 1);
        hit.collapsed = static_cast<Xapian::doccount>(kept[k].folded);
        page.hits.push_back(hit);
    }
    return page;
}

}  // namespace newsindex::searcher
