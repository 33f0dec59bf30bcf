// One indexing run: scan the inputs, skip files that have not changed, read and parse the
// rest in worker threads, and apply the results to the database in scan order on this
// thread, committing in batches. A file that cannot be read is reported and skipped; what is
// already indexed is kept. SIGINT/SIGTERM (see signals.h) end the run after a commit. The
// workers' part is prepare.h, the queue between them and the writer pipeline.h; compacting is
// compact.h.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "formats/reader.h"
#include "writer.h"

namespace newsindex::indexer {

struct IndexOptions {
    std::string database_path;
    std::vector<std::string> inputs;  // files and directories
    std::string files_from;           // a file listing inputs, "-" for stdin; empty: none
    bool files_from_nul = false;      // the list is NUL-separated (find -print0)
    // A batch ends after batch_size changes or batch_bytes of input, whichever is first:
    // the bytes bound the memory a batch of long articles holds (the writer holds a batch
    // until it ends, and the workers may prepare the next).
    std::size_t batch_size = 1000;      // changes in a batch
    std::size_t batch_bytes = 4 << 20;  // input bytes in a batch
    // A single database commits after this many changes or input bytes, at the end of a batch
    // (IndexWriter::end_batch()); sharded databases commit every batch. Committing every 10,000
    // changes instead wrote a fifth as much but cost more CPU than it saved (100,000 synthetic
    // articles: 224 s against 211 s; docs/performance.md), so by default every batch commits.
    std::size_t commit_changes = 1000;
    std::size_t commit_bytes = 4 << 20;
    unsigned jobs = 1;  // worker threads reading and parsing
    std::chrono::milliseconds lock_wait{30000};
    bool full = false;  // read every file, changed or not
    // Read again the files an earlier run failed to read, changed or not (schema::FailedState);
    // without it they are passed over quietly until they change. --full implies it.
    bool retry_failed = false;
    bool prune = true;  // delete documents of vanished files under directory inputs
    // Prune even when more than half of a directory's indexed files are gone at once (an
    // emptied or unmounted directory); otherwise such a prune is refused and reported.
    bool prune_all = false;
    bool follow_symlinks = false;
    bool dry_run = false;       // change nothing; count what would change
    bool rebuild = false;       // build a new database and swap it in when complete; with
                                // no inputs, from the sources the database records
    bool drop_sources = false;  // let --rebuild drop recorded sources it was not given, and
                                // the articles from standard input
    // Set by rebuild(): the old database, whose articles from standard input the run copies
    // into the new one (sources.h). Not for callers.
    const Xapian::Database* carry_from = nullptr;
    const Xapian::Database* carry_from_first_shard = nullptr;
    // Set by rebuild(): the --delete records of the old database, which the new one keeps
    // (deletions.h). Not for callers.
    const Deletions* deletions_from = nullptr;
    // Set by build_in_parts() (parallel_build.h): this run indexes only the files whose path
    // falls to part (of parts), and reports only their problems. Not for callers.
    unsigned part = 0;
    unsigned parts = 1;
    // Set by build_in_parts(): a part is thrown away after a crash, so its commits need not
    // wait for the disk (Xapian's DB_NO_SYNC). Not for callers.
    bool sync = true;
    // A build in parts (parallel_build.h) gives each part about this many bytes of input, so
    // that no part's database grows large enough to slow its writing (docs/performance.md).
    std::uint64_t part_bytes = std::uint64_t{256} << 20;
    bool spelling = true;  // record spelling data for "did you mean"
    unsigned shards = 0;   // create a database of this many shards (0: one database,
                           // or the shards an existing sharded database has)
    // --format, --field, the size limit; its default_language is set by run_index from
    // language and the database (settings.h), not by callers.
    ReadOptions read_options;
    // --language: the database's default language, as settings.h's language_option() gives
    // it; empty: the one the database records, if any.
    std::string language;
};

struct IndexSummary {
    IndexCounts counts;
    std::size_t files = 0;  // input files considered
    double seconds = 0;
    int stopped_by_signal = 0;  // the signal that ended the run early, or 0
    // With stopped_by_signal: true when nothing of the run was kept (a --rebuild stopped
    // before the swap leaves the old database as it was), false when the batches written
    // before the signal are committed.
    bool work_discarded = false;
};

struct RunCallbacks {
    WriterMessages messages;
    // Called now and then during the run (every 200 ms at most) when set.
    std::function<void(const IndexSummary& so_far)> progress;
};

// Runs the indexing described by options. Returns the counts. Records the sources it was
// given in the database (sources.h). A rebuild (options.rebuild) with no inputs indexes the
// recorded sources again; every rebuild carries over the articles from standard input
// unless options.drop_sources.
// Articles whose language is not known get the database's default language (settings.h),
// options.language when given, which a new or rebuilt database then records.
// Throws DatabaseError when the database cannot be opened, locked in time, written or
// swapped; the batches committed before the error stay in the database. Throws UsageError
// when options.language would change the default of a database that holds documents, when a
// rebuild would drop recorded sources it was not given (and drop_sources is false),
// or has no inputs and the database records none.
IndexSummary run_index(const IndexOptions& options, const RunCallbacks& callbacks);

// Calls on_input for each path in a --files-from list (a file, or "-" for standard input),
// streaming: lines, or NUL-separated names when nul_separated. Stops early on a stop signal.
// Throws InputError when the list cannot be opened.
void read_input_list(const std::string& list, bool nul_separated,
                     const std::function<void(const std::string&)>& on_input);

// Opens the database at options.database_path as an indexing run does (a dry run: for reading
// only, a missing database as empty; else with the write lock, waiting options.lock_wait, the
// shards of a sharded one) and returns what work does with a writer of it (the writer reads
// files again as the run would). Throws DatabaseError as run_index(), for what Xapian or the
// file system throws from work too.
IndexSummary work_on_database(const IndexOptions& options, const RunCallbacks& callbacks,
                              const std::function<IndexSummary(IndexWriter&)>& work);

}  // namespace newsindex::indexer
