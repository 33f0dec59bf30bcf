// Opening the database an indexing run works on, and the module boundary for its failures:
// whatever Xapian or the file system throws while a run works on the database comes out as
// a DatabaseError that names it and says what became of it. Used by run_index(), rebuild()
// and the maintenance commands that change a database through an IndexWriter (delete.h).
#pragma once

#include <functional>
#include <string>

#include "index_run.h"
#include "writer.h"

namespace newsindex::indexer {

using WriterWork = std::function<IndexSummary(IndexWriter&)>;

// Opens the database at path as options say (a dry run: each shard for reading, a missing
// database as empty; else with the write lock, waiting options.lock_wait, creating it or its
// shards as needed), makes its IndexWriter (which reads files again as the run reads them),
// and returns what work does with it. Throws DatabaseError naming path for every failure of
// Xapian or the file system, with the system's reason for a refused write; the commits made
// before stay whole. Errors of single inputs never get here: the run reports them and goes on.
IndexSummary with_writer(const std::string& path, const IndexOptions& options,
                         const RunCallbacks& callbacks, const WriterWork& work);

}  // namespace newsindex::indexer
