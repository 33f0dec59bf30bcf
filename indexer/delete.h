// indexer --delete: removes articles from a database, named by id, by file or by a query in
// the searcher's query language, and records them (schema::DeletedArticle) so that later runs
// leave them out while their files stay as they are (docs/indexer.md, "Deleting articles").
#pragma once

#include <xapian.h>

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "index_run.h"

namespace newsindex::indexer {

// What a --delete argument was taken as.
enum class ReferenceKind {
    Path,   // a file the database holds: all its articles
    Id,     // an article id (the searcher's `id` hit field)
    Query,  // anything else: a query in the searcher's language
};

struct Resolved {
    ReferenceKind kind = ReferenceKind::Query;
    std::set<Xapian::docid> docids;  // of db; empty when nothing matched
    std::string problem;             // why nothing matched, for a message; empty when some did
};

// Finds the documents reference names in db, trying in this order: a file path the database
// holds (relative paths are taken from the current directory), an article id (also the
// absolute form of a relative "path#record" id), and, unless the reference looks like a path
// or id (it starts with "/", "./", "../" or "~", holds "://", is "<...>", or names a file
// that exists), a query of the searcher's language ("*" is every article). A query whose
// operators do not parse is refused, not read as plain words: a deletion does what it says or
// nothing. Throws Xapian::Error.
Resolved resolve_reference(const Xapian::Database& db, const std::string& reference);

struct DeleteSummary {
    IndexSummary summary;       // counts.deleted: the documents removed (or, dry, to be removed)
    std::size_t unmatched = 0;  // references that matched nothing (each reported as a problem)
};

// Deletes the articles references name (resolve_reference()) from the database at
// options.database_path, with the write lock (options.lock_wait) and one commit; with
// options.dry_run only counts them. Reports each reference that matched nothing through
// messages.problem, and each article deleted (its id) through messages.note.
// Throws DatabaseError: Missing when there is no database at the path; otherwise as
// run_index().
DeleteSummary delete_articles(const IndexOptions& options,
                              const std::vector<std::string>& references,
                              const WriterMessages& messages);

// The line that says what was deleted: "deleted 3 articles", "would delete 1 article (dry run:
// nothing written)".
std::string deletion_line(const DeleteSummary& done, bool dry_run);

}  // namespace newsindex::indexer
