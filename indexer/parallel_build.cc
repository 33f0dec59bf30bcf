#include "parallel_build.h"

#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

#include "database.h"
#include "entity_aliases.h"
#include "errors.h"
#include "run_database.h"
#include "schema.h"
#include "sources.h"
#include "summary.h"

namespace newsindex::indexer {

namespace fs = std::filesystem;

namespace {

// At most this many parts: each is a database to create, merge and settle, and an article two
// parts hold is folded after the merge, so parts beyond what the writing needs cost more than
// they give. More jobs than parts prepare files for the parts' writers (pipeline.h).
constexpr unsigned kMostParts = 4;

// Removes the part databases when the build ends, however it ends.
struct PartDirectories {
    std::vector<std::string> paths;
    ~PartDirectories() {
        std::error_code ignored;
        for (const std::string& path : paths) fs::remove_all(path, ignored);
    }
};

void add_counts(IndexCounts& to, const IndexCounts& from) {
    to.added += from.added;
    to.updated += from.updated;
    to.unchanged += from.unchanged;
    to.deleted += from.deleted;
    to.duplicates += from.duplicates;
    to.failed += from.failed;
    to.unknown += from.unknown;
    to.still_failing += from.still_failing;
}

IndexSummary sum_of(const std::vector<IndexSummary>& parts) {
    IndexSummary sum;
    for (const IndexSummary& part : parts) {
        add_counts(sum.counts, part.counts);
        sum.files += part.files;
        if (part.stopped_by_signal) sum.stopped_by_signal = part.stopped_by_signal;
    }
    return sum;
}

Xapian::doccount documents_in(const std::vector<std::string>& paths) {
    Xapian::doccount count = 0;
    for (const std::string& path : paths) count += Xapian::Database(path).get_doccount();
    return count;
}

// Merges the parts into a new database at target. Metadata that every part wrote (sources,
// settings, the deletions a rebuild carries) holds one value in all of them, which the
// compactor keeps; the collection's names are counted again afterwards.
void merge(const std::vector<std::string>& paths, const std::string& target) {
    try {
        Xapian::Database parts;
        for (const std::string& path : paths) parts.add_database(Xapian::Database(path));
        // Xapian merges more than three sources faster in several passes.
        parts.compact(target, paths.size() > 3 ? Xapian::DBCOMPACT_MULTIPASS : 0);
    } catch (const Xapian::Error& e) {
        throw DatabaseError(DatabaseError::Kind::Other, target,
                            "cannot merge the parts built side by side: " + e.get_description());
    }
}

// Runs work(0) ... work(count - 1) on threads of their own and waits for them all; then
// rethrows what the first that failed threw.
void side_by_side(unsigned count, const std::function<void(unsigned)>& work) {
    std::vector<std::exception_ptr> failures(count);
    std::vector<std::thread> threads;
    for (unsigned i = 0; i < count; ++i) {
        threads.emplace_back([&, i] {
            try {
                work(i);
            } catch (...) {
                failures[i] = std::current_exception();
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    for (const std::exception_ptr& failure : failures)
        if (failure) std::rethrow_exception(failure);
}

}  // namespace

unsigned part_of(const std::string& path, unsigned parts) {
    return static_cast<unsigned>(std::stoull(schema::content_hash(path).substr(0, 8), nullptr, 16) %
                                 parts);
}

bool builds_in_parts(const IndexOptions& options) {
    if (options.jobs < 2 || options.shards > 0 || options.dry_run || options.carry_from ||
        (options.inputs.empty() && options.files_from.empty()))
        return false;
    for (const std::string& input : options.inputs)
        if (input == "-") return false;
    // Each part reads the list of inputs: a pipe could be read by one part only.
    struct stat list;
    return options.files_from.empty() ||
           (::stat(options.files_from.c_str(), &list) == 0 && S_ISREG(list.st_mode));
}

IndexSummary build_in_parts(const IndexOptions& options, const RunCallbacks& callbacks,
                            const RunWork& run) {
    const auto start = std::chrono::steady_clock::now();
    // Each phase's time, as a note (--verbose): where a large build spends it.
    auto phase_start = start;
    auto phase_done = [&](const char* what) {
        const auto now = std::chrono::steady_clock::now();
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.1f",
                      std::chrono::duration<double>(now - phase_start).count());
        phase_start = now;
        if (callbacks.messages.note)
            callbacks.messages.note(std::string("build in parts: ") + what + " in " + seconds +
                                    " s");
    };
    const unsigned count = std::min(options.jobs, kMostParts);
    PartDirectories parts;
    std::error_code error;
    for (unsigned i = 0; i < count; ++i) {
        parts.paths.push_back(options.database_path + ".part" + std::to_string(i));
        fs::remove_all(parts.paths.back(), error);
        // Made before any part scans: a database being created is a directory that appears
        // and is renamed, which a scan of a directory holding it would trip over.
        open_writable(parts.paths.back(), options.lock_wait);
    }
    // The parts' threads report through the caller's callbacks one at a time; the progress
    // shown is the sum of the parts'.
    std::mutex reporting;
    std::vector<IndexSummary> summaries(count), so_far(count);
    std::vector<RunCallbacks> part_callbacks(count);
    for (unsigned i = 0; i < count; ++i) {
        RunCallbacks& mine = part_callbacks[i];
        mine.messages.problem = [&](const std::string& message) {
            std::lock_guard<std::mutex> lock(reporting);
            callbacks.messages.problem(message);
        };
        mine.messages.note = [&](const std::string& message) {
            std::lock_guard<std::mutex> lock(reporting);
            callbacks.messages.note(message);
        };
        if (callbacks.progress)
            mine.progress = [&, i](const IndexSummary& part) {
                std::lock_guard<std::mutex> lock(reporting);
                so_far[i] = part;
                IndexSummary all = sum_of(so_far);
                all.seconds = part.seconds;
                callbacks.progress(all);
            };
    }
    std::vector<IndexOptions> part_options(count, options);
    for (unsigned i = 0; i < count; ++i) {
        IndexOptions& part = part_options[i];
        part.database_path = parts.paths[i];
        // The jobs shared out: every thread at work counts (index_run.h).
        part.jobs = options.jobs / count + (i < options.jobs % count ? 1 : 0);
        part.part = i;
        part.parts = count;
        part.sync = false;
    }
    side_by_side(count, [&](unsigned i) {
        summaries[i] = with_writer(parts.paths[i], part_options[i], part_callbacks[i],
                                   [&](IndexWriter& writer) {
                                       writer.defer_collection_names();
                                       return run(part_options[i], writer);
                                   });
    });
    IndexSummary summary = sum_of(summaries);
    if (summary.stopped_by_signal) {
        summary.work_discarded = true;
        return summary;
    }
    phase_done("parts written");
    // The collection's names, counted from the claims of every part, and given by each part
    // to its own documents, side by side.
    EntityAliases::ClaimCounts names;
    try {
        std::unordered_set<std::string> ids_seen;
        for (const std::string& path : parts.paths)
            EntityAliases::add_claims(Xapian::Database(path), names, ids_seen);
    } catch (const Xapian::Error& e) {
        throw DatabaseError(DatabaseError::Kind::Other, options.database_path,
                            "cannot read the names the parts counted: " + e.get_description());
    }
    side_by_side(count, [&](unsigned i) {
        with_writer(parts.paths[i], part_options[i], part_callbacks[i], [&](IndexWriter& writer) {
            writer.name_from(names);
            writer.finish();
            return IndexSummary{};
        });
    });
    phase_done("names given");
    merge(parts.paths, options.database_path);
    phase_done("parts merged");
    IndexOptions whole = options;
    whole.deletions_from = nullptr;  // each part carried them over; they are merged
    whole.jobs = 1;
    return with_writer(whole.database_path, whole, callbacks, [&](IndexWriter& writer) {
        const Xapian::doccount written = documents_in(parts.paths);
        writer.settle_merged_parts();
        phase_done("merged parts settled");
        // An article two parts held was added by each; one run adds it once and counts the
        // other as a duplicate.
        const Xapian::doccount folded = written - writer.database().get_doccount();
        summary.counts.added -= folded;
        summary.counts.duplicates += folded;
        summary.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const IndexCounts& c = summary.counts;
        if (c.added + c.updated + c.deleted + c.duplicates + c.failed > 0)
            writer.record_source(std::string(kLastRunKey), last_run_record(summary, options));
        writer.finish();
        return summary;
    });
}

}  // namespace newsindex::indexer
