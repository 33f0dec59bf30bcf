// searcher --collapse: folding the ranked matches of a search so that copies of one story (a
// repeat, a correction, another desk's copy) show as one hit, judged by the near-duplicate
// signatures the indexer stores (common/text/near_duplicate.h, schema::kNearDuplicateSlot).
//
// Two matches are copies of one story when their signatures say the texts are near-duplicates
// AND their days are at most kFoldDaysApart apart (or either has no date). The day test is
// what keeps apart the periodic reports of a wire, whose texts differ only in a figure or two
// ("Fed adds reserves via customer repurchases", the Bundesbank's weekly tender): on
// Reuters-21578 a text threshold alone folds them, while repeats and corrections come the
// same or the next day (docs/ranking.md).
//
// Walking the matches in rank order, a match is folded into the first earlier KEPT match it
// is a copy of, else kept. Only kept matches absorb others, so folding never chains
// (A ~ B ~ C with A and C far apart keeps A and C) and the result depends only on the ranking
// and the stored texts: not on indexing order, batch sizes, or which page is asked for.
// Thread-safe (no state) but for the Xapian objects passed in, which are not.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "database.h"

namespace newsindex::searcher {

inline constexpr long kFoldDaysApart = 1;

// What folding reads of a match: its stored signature and its day.
struct MatchText {
    std::string signature;  // text::near_duplicate_signature(); empty for none
    long day = -1;          // days since 1970-01-01; -1 when the article has no date
};

// The day of a date value slot's "YYYYMMDD" as days since 1970-01-01, or -1 when the value is
// not such a date.
long day_of_date_value(const std::string& value);

// One kept match: its position among all matches (0-based rank) and how many later matches
// were folded into it.
struct KeptMatch {
    std::size_t index = 0;
    std::size_t folded = 0;
};

// Folds matches given in rank order (one with an empty or malformed signature is never
// folded, nor folds another). Returns the kept matches in rank order. Exact: every pair is
// judged by text::near_duplicates() and the day test, the candidates found by
// text::near_duplicate_bands(), which never misses a near-duplicate pair.
std::vector<KeptMatch> fold_near_duplicates(const std::vector<MatchText>& matches);

// A hit of the folded list: where it is in the MSet, its 1-based rank in the folded list,
// and the copies folded into it.
struct FoldedHit {
    Xapian::MSetIterator at;
    unsigned rank = 0;
    Xapian::doccount collapsed = 0;
    // When set, the hit's weight instead of at's: the boost's window (rerank.h) weighs its
    // hits again.
    std::optional<double> weight;
};

struct FoldedPage {
    std::vector<FoldedHit> hits;  // the kept matches [offset, offset + limit) of the folded list
    Xapian::doccount kept = 0;    // how many matches are left after folding: the exact count
};

// Folds mset, a search of opened.combined which must hold every match from rank 0 (so that the
// counts are exact), reading each match's signature from value slot signature_slot and its day
// from date_slot ("YYYYMMDD"), and returns the page asked for. Over remote shards the matches'
// documents are read (read_documents()), both slots at once. Throws Xapian::Error when
// the values cannot be read.
FoldedPage fold_near_duplicates(const ReadableDatabases& opened, const Xapian::MSet& mset,
                                Xapian::valueno signature_slot, Xapian::valueno date_slot,
                                std::size_t offset, std::size_t limit);

}  // namespace newsindex::searcher
