// The proximity boost in two passes. Whether the words of a query stand together is known only
// from their positions, and in one pass (AND_MAYBE of the query and their phrase) Xapian reads
// them for every match that might still reach the page: at 1,000,000 articles that doubled the
// time of a three-word query (docs/performance.md). Here the matches are ranked without the
// boost, and only the first kProximityWindow of them are ranked again with it, as search
// engines rescore a window of their first results. Articles below the window keep their
// unboosted order, so every page is cut from one order whatever its offset.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <vector>

#include "database.h"

namespace newsindex::searcher {

// How many of the first unboosted matches the boost may reorder.
inline constexpr Xapian::doccount kProximityWindow = 20;

// True when a window of opened.combined can be searched again by document: every database is
// local (a remote shard knows only Xapian's own posting sources) and has a UUID of its own,
// which tells the databases of a combined search apart. Otherwise the caller runs the boosted
// query in one pass. Throws nothing.
bool can_rerank(const ReadableDatabases& opened);

struct WindowHit {
    Xapian::doccount index;  // of the match in the unboosted MSet
    double weight;           // its unboosted weight plus what the boost gives it
};

// The first matches of unboosted (an MSet from rank 0, ranked without the boost), at most
// kProximityWindow of them, ordered by their weight plus the weight proximity (the boost alone,
// ParsedQuery::proximity) gives each under weighting: 0 where its words do not stand
// together. Highest first; equal weights keep unboosted's order. Only proximity is run again,
// over those documents alone: the query itself, which their weights already hold, is not.
// weighting should be the one unboosted was ranked with; it is copied. Requires
// can_rerank(opened). Throws Xapian::Error.
std::vector<WindowHit> rerank_window(const ReadableDatabases& opened,
                                     const Xapian::Weight& weighting,
                                     const Xapian::Query& proximity, const Xapian::MSet& unboosted);

}  // namespace newsindex::searcher
