#include "parallel_build.h"

#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
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
#include "scan.h"
#include "schema.h"
#include "sources.h"
#include "summary.h"

namespace newsindex::indexer {

namespace fs = std::filesystem;

namespace {

// At most this many parts are written at once, each on a thread with its writer: an article
// two parts hold is folded after the merge, so writers beyond what the cores keep busy cost
// more than they give. More jobs than that prepare files for the writers (pipeline.h).
constexpr unsigned kMostWriters = 4;
// At most this many parts in all, however large the input: the compactor merges them in
// passes, and each is scanned for its files.
constexpr unsigned kMostParts = 64;

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

// Runs work(0, slot) ... work(count - 1, slot) on threads threads (slot: which of them), each
// taking the next number when done, and waits for them all. Once a work fails or returns
// false, none is started any more. Then rethrows what the first that failed threw.
void on_threads(unsigned threads, unsigned count,
                const std::function<bool(unsigned, unsigned)>& work) {
    std::atomic<unsigned> next{0};
    std::atomic<bool> go_on{true};
    std::vector<std::exception_ptr> failures(count);
    std::vector<std::thread> running;
    for (unsigned slot = 0; slot < std::min(threads, count); ++slot) {
        running.emplace_back([&, slot] {
            for (unsigned i; go_on && (i = next++) < count;) {
                try {
                    if (!work(i, slot)) go_on = false;
                } catch (...) {
                    failures[i] = std::current_exception();
                    go_on = false;
                }
            }
        });
    }
    for (std::thread& thread : running) thread.join();
    for (const std::exception_ptr& failure : failures)
        if (failure) std::rethrow_exception(failure);
}

// The bytes of input a run with options reads: the sizes of the files its scan finds. What
// cannot be read counts nothing (the parts report it).
std::uint64_t input_bytes(const IndexOptions& options) {
    std::uint64_t bytes = 0;
    ScanOptions scan_options;
    scan_options.follow_symlinks = options.follow_symlinks;
    ScanCallbacks count;
    count.on_file = [&](const fs::path& file, Found) {
        std::error_code error;
        const std::uintmax_t size = fs::file_size(file, error);
        if (!error) bytes += size;
    };
    count.on_error = [](const std::string&, const std::string&) {};
    scan_inputs(options.inputs, scan_options, count);
    if (!options.files_from.empty()) {
        try {
            read_input_list(options.files_from, options.files_from_nul,
                            [&](const std::string& path) {
                                if (!path.empty()) scan_inputs({path}, scan_options, count);
                            });
        } catch (const InputError&) {
        }
    }
    return bytes;
}

// How many parts a build with options writes on writers threads: a multiple of writers, so
// that the last round keeps every writer busy, with about options.part_bytes of input each.
unsigned parts_for(const IndexOptions& options, unsigned writers) {
    const std::uint64_t round = std::max<std::uint64_t>(options.part_bytes, 1) * writers;
    const std::uint64_t rounds =
        std::max<std::uint64_t>(1, (input_bytes(options) + round - 1) / round);
    return static_cast<unsigned>(
        std::min<std::uint64_t>(rounds * writers, kMostParts / writers * writers));
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
    const unsigned writers = std::min(options.jobs, kMostWriters);
    const unsigned count = parts_for(options, writers);
    phase_done("input measured");
    if (callbacks.messages.note)
        callbacks.messages.note("build in parts: " + std::to_string(count) + " parts, " +
                                std::to_string(writers) + " written at a time");
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
        part.part = i;
        part.parts = count;
        part.sync = false;
    }
    // The jobs shared out among the writers' threads: every thread at work counts
    // (index_run.h).
    auto jobs_of = [&](unsigned slot) {
        return options.jobs / writers + (slot < options.jobs % writers ? 1 : 0);
    };
    on_threads(writers, count, [&](unsigned i, unsigned slot) {
        part_options[i].jobs = jobs_of(slot);
        summaries[i] = with_writer(parts.paths[i], part_options[i], part_callbacks[i],
                                   [&](IndexWriter& writer) {
                                       writer.defer_collection_names();
                                       return run(part_options[i], writer);
                                   });
        return !summaries[i].stopped_by_signal;
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
    on_threads(writers, count, [&](unsigned i, unsigned) {
        with_writer(parts.paths[i], part_options[i], part_callbacks[i], [&](IndexWriter& writer) {
            writer.name_from(names);
            writer.finish();
            return IndexSummary{};
        });
        return true;
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
