#include "collapse.h"

#include <algorithm>
#include <cstdint>

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
    // Every (band key, match) sorted by key then match: the matches sharing a key stand
    // together. Flat arrays and one sort, because a hash map of lists cost a second for the
    // 15,000 matches of "said" on Reuters-21578, most of it in allocation.
    struct Entry {
        std::uint64_t key;
        std::uint32_t match;
        std::uint32_t slot;  // its place before sorting: first_band[match] + band
        bool operator<(const Entry& o) const {
            return key != o.key ? key < o.key : match < o.match;
        }
    };
    std::vector<Entry> entries;
    std::vector<std::size_t> first_band(matches.size() + 1, 0);  // match i: slots [first, next)
    for (std::size_t i = 0; i < matches.size(); ++i) {
        first_band[i] = entries.size();
        for (std::uint64_t key : text::near_duplicate_bands(matches[i].signature))
            entries.push_back(
                {key, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(entries.size())});
    }
    first_band[matches.size()] = entries.size();
    std::sort(entries.begin(), entries.end());
    std::vector<std::size_t> place_of(entries.size());  // slot -> place in entries
    std::vector<std::size_t> group_of(entries.size());  // place -> first place of its key
    for (std::size_t e = 0; e < entries.size(); ++e) {
        place_of[entries[e].slot] = e;
        group_of[e] = e > 0 && entries[e - 1].key == entries[e].key ? group_of[e - 1] : e;
    }

    // Per key, the places of its KEPT matches as a list in rank order (head and tail kept at
    // the group's first place), so that a key many matches share costs only its kept ones.
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<std::size_t> head(entries.size(), kNone), tail(entries.size(), kNone),
        next(entries.size(), kNone);
    std::vector<std::size_t> kept_at(matches.size(), kNone);  // match -> position in kept
    std::vector<KeptMatch> kept;
    for (std::size_t i = 0; i < matches.size(); ++i) {
        // The first kept match this one is a copy of: the smallest position among the
        // candidates that pass (a candidate may turn up under several keys).
        std::size_t into = kNone;
        for (std::size_t slot = first_band[i]; slot < first_band[i + 1]; ++slot) {
            for (std::size_t e = head[group_of[place_of[slot]]]; e != kNone; e = next[e]) {
                const std::size_t k = kept_at[entries[e].match];
                if (k >= into) break;  // kept positions ascend with rank: none earlier here
                if (copies(matches[entries[e].match], matches[i])) {
                    into = k;
                    break;
                }
            }
        }
        if (into != kNone) {
            ++kept[into].folded;
            continue;
        }
        kept_at[i] = kept.size();
        kept.push_back({i, 0});
        for (std::size_t slot = first_band[i]; slot < first_band[i + 1]; ++slot) {
            const std::size_t place = place_of[slot], group = group_of[place];
            if (tail[group] == kNone)
                head[group] = place;
            else
                next[tail[group]] = place;
            tail[group] = place;
        }
    }
    return kept;
}

namespace {

// Sets field(matches[rank]) to the value in slot of each match, walking the value stream in
// docid order: a value chunk is decoded once for all its documents, where reading each
// document's value in rank order decodes a chunk per document (1.6 s instead of 0.1 s for
// the 15,000 matches of "said" on Reuters-21578).
template <typename Set>
void read_values(const Xapian::Database& db, Xapian::valueno slot,
                 const std::vector<std::pair<Xapian::docid, std::size_t>>& by_docid, Set set) {
    Xapian::ValueIterator it = db.valuestream_begin(slot);
    const Xapian::ValueIterator end = db.valuestream_end(slot);
    for (const auto& [docid, rank] : by_docid) {
        if (it == end) break;
        if (it.get_docid() < docid) it.skip_to(docid);
        if (it == end) break;
        if (it.get_docid() == docid) set(rank, *it);
    }
}

}  // namespace

FoldedPage fold_near_duplicates(const ReadableDatabases& opened, const Xapian::MSet& mset,
                                Xapian::valueno signature_slot, Xapian::valueno date_slot,
                                std::size_t offset, std::size_t limit) {
    std::vector<MatchText> matches(mset.size());
    // Each match's document, each shard's on a thread of its own (each call writes its own
    // match).
    auto read_by_documents = [&] {
        std::vector<Xapian::docid> docids;
        docids.reserve(mset.size());
        for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) docids.push_back(*it);
        read_documents(opened, docids,
                       [&](std::size_t, std::size_t rank, const Xapian::Document& doc) {
                           matches[rank] = {doc.get_value(signature_slot),
                                            day_of_date_value(doc.get_value(date_slot))};
                       });
    };
    // Over a remote shard Xapian 1.4 reads a value stream a document per round trip, one slot
    // after the other: reading each match's document once reads both slots in half the trips.
    if (std::any_of(opened.parts.begin(), opened.parts.end(),
                    [](const OpenShard& part) { return part.remote; })) {
        read_by_documents();
    } else {
        // The matches in docid order, for the value streams.
        std::vector<std::pair<Xapian::docid, std::size_t>> by_docid;
        by_docid.reserve(mset.size());
        for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it)
            by_docid.emplace_back(*it, by_docid.size());
        std::sort(by_docid.begin(), by_docid.end());
        try {
            read_values(
                opened.combined, signature_slot, by_docid,
                [&](std::size_t rank, const std::string& v) { matches[rank].signature = v; });
            read_values(opened.combined, date_slot, by_docid,
                        [&](std::size_t rank, const std::string& v) {
                            matches[rank].day = day_of_date_value(v);
                        });
        } catch (const Xapian::UnimplementedError&) {
            // A backend without value streams.
            read_by_documents();
        }
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
