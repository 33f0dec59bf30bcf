// A new database built in parts: the first index of a --jobs N run, and --rebuild. Xapian
// writes a database on one thread, and in one run that thread bounds the whole
// (docs/performance.md): here the files are shared out among parts by a hash of their path,
// and each part writes a database of its own through an IndexWriter, as a run does. Up to
// min(N, 4) parts are written at once, each on a thread of its own with its share of the jobs.
// There are as many parts as the writers, or more for a large input: about
// IndexOptions::part_bytes of input each, so that no part's database grows large enough to
// slow its commits, the next part starting when a writer is free.
// A part writes its documents with the names their articles give and only counts the
// collection's names (a part sees some of the collection: names it gave would be withdrawn for
// the whole). Parts commit without waiting for the disk: a crash throws them away. Once all
// are written, the names are counted from the claims of every part, and each part gives them
// to its own documents in place (IndexWriter::name_from()), as many at once as were written.
// Xapian's compactor then merges the parts into one database, and
// IndexWriter::settle_merged_parts() makes it what one run over all the files gives: an
// article that two parts hold is folded into one document, and the names it had been counted
// twice for are counted again. The documents, terms, spelling data and metadata then equal
// those of a --jobs 1 run; the document numbers and the order of messages may differ.
#pragma once

#include <string>

#include "index_run.h"
#include "rebuild.h"

namespace newsindex::indexer {

// Which of parts the file at path falls to: from a stable hash of the path, so that a file
// named twice falls to one part, in every run and on every machine.
unsigned part_of(const std::string& path, unsigned parts);

// Whether a run with options into a new database is built in parts: two jobs or more, one
// database (not sharded), not a dry run, and every input a file, a directory or a list in a
// regular file (standard input and pipes can be read once only, by one part, and the articles
// of standard input cannot be read again).
bool builds_in_parts(const IndexOptions& options);

// Builds the database at options.database_path, which must not exist, in parts (above)
// through run, then merges and settles them (above). Messages and progress come from the
// parts' threads, one at a time. A run stopped by a signal keeps nothing
// (IndexSummary::work_discarded). The parts (options.database_path + ".partN") are removed in
// every case. Throws DatabaseError as run_index(), and what run throws.
IndexSummary build_in_parts(const IndexOptions& options, const RunCallbacks& callbacks,
                            const RunWork& run);

}  // namespace newsindex::indexer
