// indexer --rebuild: a new database built beside the old one from the sources the old one
// records (or those given), then swapped in with one rename, so that searchers see either the
// old index or the complete new one.
#pragma once

#include <functional>

#include "index_run.h"
#include "writer.h"

namespace newsindex::indexer {

// What an indexing run does with the new database's writer, given the options planned for it.
using RunWork = std::function<IndexSummary(const IndexOptions& planned, IndexWriter& writer)>;

// Rebuilds the database at options.database_path (which may not exist yet) through run, holding
// the old database's write locks throughout. With no inputs it reads the recorded sources;
// articles from standard input and --delete records are carried over. A run stopped by a
// signal leaves the old database as it was (IndexSummary::work_discarded).
// Throws UsageError when the rebuild would drop recorded sources it was not given (unless
// options.drop_sources), has nothing to read, or cannot carry the articles from standard input
// over (another schema version or language); DatabaseError for failures of the databases or
// of the swap.
IndexSummary rebuild(const IndexOptions& options, const RunCallbacks& callbacks,
                     const RunWork& run);

}  // namespace newsindex::indexer
